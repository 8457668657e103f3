// A backup's manifest (the ".json" beside it; docs/backups.md), as `backup list` and
// `backup verify` read it from a folder that may be a stick or a cloud folder, through
// db::ParseBackupManifest. A manifest read is one MyoDesk could have written: its hash is 64
// lower-case hex digits, no size or count is negative, it has at most kManifestTables tables,
// and written again it reads back the same.

#include "fuzz_support.h"

#include <myodesk/db/sqlite_backup.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const std::optional<db::BackupManifest> manifest =
        db::ParseBackupManifest(fuzz::Text(data, size));
    if (!manifest) {
        return 0;
    }
    FUZZ_CHECK(manifest->sha256.size() == 64U);
    FUZZ_CHECK(manifest->sha256.find_first_not_of("0123456789abcdef") == std::string::npos);
    FUZZ_CHECK(manifest->bytes >= 0);
    FUZZ_CHECK(manifest->rows.size() <= db::kManifestTables);
    for (const auto& [table, count] : manifest->rows) {
        FUZZ_CHECK(!table.empty());
        FUZZ_CHECK(count >= 0);
    }
    const std::optional<db::BackupManifest> again =
        db::ParseBackupManifest(db::BackupManifestText(*manifest));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *manifest);
    return 0;
}
