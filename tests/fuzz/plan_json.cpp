// The plan reader (a stored plan document; a database file can come from anyone): bytes through
// the CLI's JSON parse, then core::PlanFromJson. A plan read without problems must be written
// with the English sentences (what storage, exports and reports do) and read back equal, with
// and without the sentences.

#include "fuzz_support.h"

#include <myodesk/core/plan_json.h>
#include <myodesk/vocabulary/plan_sentences.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const auto document = fuzz::ParseDocument(fuzz::Text(data, size));
    if (!document) {
        return 0;
    }
    const auto parsed = core::PlanFromJson(*document);
    if (!parsed.problems.empty()) {
        return 0;
    }
    for (const auto& written :
         {vocabulary::PlanDocument(parsed.plan), core::PlanToJson(parsed.plan, {})}) {
        const auto again = fuzz::ParseDocument(written.dump());
        FUZZ_CHECK(again.has_value());
        const auto reread = core::PlanFromJson(*again);
        FUZZ_CHECK(reread.problems.empty());
        FUZZ_CHECK(reread.plan == parsed.plan);
    }
    return 0;
}
