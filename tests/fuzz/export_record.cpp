// One line of a practice export's JSON Lines files (docs/export-format.md), as `import all`
// reads it through core::ReadRecordLine. The first byte picks the kind of record; the rest is
// the line. A line read is one the export could have written: written again and read back it
// gives the same record, and writing that gives the same bytes.

#include "fuzz_support.h"

#include <myodesk/core/practice_export.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    if (size == 0) {
        return 0;
    }
    const auto kinds = core::PracticeExportKinds();
    const core::ExportKind& kind = kinds[data[0] % kinds.size()];
    const std::string_view line = fuzz::Text(data + 1, size - 1);
    core::RecordBatch batch(kind);
    const auto problems = core::ReadRecordLine(line, batch);
    if (!problems.empty()) {
        FUZZ_CHECK(batch.Size() == 0U);
        return 0;
    }
    FUZZ_CHECK(batch.Size() == 1U);
    std::string written;
    core::AppendRecordLine(batch, 0, written);
    FUZZ_CHECK(written.find('\n') == std::string::npos);
    core::RecordBatch again(kind);
    FUZZ_CHECK(core::ReadRecordLine(written, again).empty());
    std::string rewritten;
    core::AppendRecordLine(again, 0, rewritten);
    FUZZ_CHECK(rewritten == written);
    return 0;
}
