// The session-note reader as `notes add` uses it: a file's bytes through the CLI's JSON parse,
// then core::SessionNoteFromJson. A note read without problems must survive ValidateSessionNote
// and read back equal from both SessionNoteToJson's and StoredSessionNoteToJson's text (reading
// ignores the stored form's extra keys).

#include "fuzz_support.h"

#include <myodesk/core/session_json.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const auto document = fuzz::ParseDocument(fuzz::Text(data, size));
    if (!document) {
        return 0;
    }
    const auto parsed = core::SessionNoteFromJson(*document);
    if (!parsed.problems.empty()) {
        return 0;
    }
    static_cast<void>(core::ValidateSessionNote(parsed.note, fuzz::kToday));

    for (const auto& written :
         {core::SessionNoteToJson(parsed.note), core::StoredSessionNoteToJson(parsed.note)}) {
        const auto again = fuzz::ParseDocument(written.dump());
        FUZZ_CHECK(again.has_value());
        const auto reread = core::SessionNoteFromJson(*again);
        FUZZ_CHECK(reread.problems.empty());
        FUZZ_CHECK(reread.note == parsed.note);
    }
    return 0;
}
