// The intake reader as `intake import` and `clients add --intake` use it: a file's bytes through
// the CLI's JSON parse, then core::IntakeFromJson. An intake read without problems must survive
// ValidateIntake and read back equal from IntakeToJson's text; so must its client object.

#include "fuzz_support.h"

#include <myodesk/core/intake_json.h>
#include <myodesk/core/intake_validation.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const auto document = fuzz::ParseDocument(fuzz::Text(data, size));
    if (!document) {
        return 0;
    }
    const auto parsed = core::IntakeFromJson(*document);
    if (!parsed.problems.empty()) {
        return 0;
    }
    static_cast<void>(core::ValidateIntake(parsed.intake, fuzz::kToday));

    const auto again = fuzz::ParseDocument(core::IntakeToJson(parsed.intake).dump());
    FUZZ_CHECK(again.has_value());
    const auto reread = core::IntakeFromJson(*again);
    FUZZ_CHECK(reread.problems.empty());
    FUZZ_CHECK(reread.intake == parsed.intake);

    if (parsed.client) {
        core::ValidationProblems problems;
        const auto client_text = core::ClientToJson(*parsed.client).dump();
        const auto client_document = fuzz::ParseDocument(client_text);
        FUZZ_CHECK(client_document.has_value());
        const auto client = core::ClientFromJson(*client_document, problems);
        FUZZ_CHECK(problems.empty());
        FUZZ_CHECK(client == *parsed.client);
    }
    return 0;
}
