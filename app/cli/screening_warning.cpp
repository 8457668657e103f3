#include "screening_warning.h"

#include <myodesk/services/intake_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace myodesk::app {

void WarnOfScreeningGap(CommandContext& context, core::ClientId client, const core::Date& date) {
    const auto gap = services::IntakeService(context.Services()).ScreeningGapOn(client, date);
    if (!gap) {
        return;
    }
    if (gap->kind == services::ScreeningGap::Kind::kNoIntake) {
        fmt::print(context.Err(),
                   "myodesk-cli: warning: client {} has no intake: contraindications were not "
                   "screened before this session\n",
                   client);
    } else {
        fmt::print(context.Err(),
                   "myodesk-cli: warning: the intake of client {} ({}) is over a year old on {}: "
                   "ask the client to renew it\n",
                   client, core::FormatIsoDate(*gap->taken_on), core::FormatIsoDate(date));
    }
}

}  // namespace myodesk::app
