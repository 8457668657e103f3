// Another program's client list (docs/client-import.md), as `import clients` and Client ▸
// Import clients from CSV… read it through core::ReadClientCsv, with the guessed mapping and
// each date order. A reading is one that can be saved only when usable: every row's client
// then passes ValidateClient, and no row or column exceeds the limits.

#include "fuzz_support.h"

#include <myodesk/core/client_csv.h>
#include <myodesk/core/client_validation.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const std::string_view text = fuzz::Text(data, size);
    for (const auto order : {core::CsvDateOrder::kAuto, core::CsvDateOrder::kDayFirst,
                             core::CsvDateOrder::kMonthFirst}) {
        const auto reading = core::ReadClientCsv(text, {}, order, fuzz::kToday);
        FUZZ_CHECK(reading.rows.size() <= core::ClientCsvLimits::kMaxRows);
        FUZZ_CHECK(reading.columns.size() <= core::ClientCsvLimits::kMaxColumns);
        if (!reading.Usable()) {
            continue;
        }
        for (const auto& row : reading.rows) {
            FUZZ_CHECK(core::ValidateClient(row.client, fuzz::kToday).empty());
            FUZZ_CHECK(row.line >= 2);
        }
    }
    return 0;
}
