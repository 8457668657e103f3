#include "screening_warning.h"

#include <myodesk/core/text.h>
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

// Tells the desk on standard error what was saved but is unusual.
void WarnOfNotice(CommandContext& context, const core::Appointment& appointment,
                  const services::BookingNotice& notice) {
    if (notice.in_past) {
        fmt::print(context.Err(),
                   "myodesk-cli: warning: {} {} has already begun; the appointment was entered "
                   "afterwards\n",
                   core::FormatIsoDate(appointment.date),
                   core::FormatClockTime(appointment.start_minute));
    }
}

}  // namespace myodesk::app
