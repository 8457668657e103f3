#pragma once

#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::db {

// What a backup holds, written beside it as "<backup>.json" (docs/backups.md): read by
// `backup list` without opening the copy, and checked by `backup verify`.
struct BackupManifest {
    int format = 1;
    std::string created_at;     // UTC, ISO 8601
    std::string created_local;  // the clinic's wall clock, "YYYY-MM-DDTHH:MM:SS"
    int schema_version = 0;
    std::int64_t bytes = 0;                    // of the copy
    std::string sha256;                        // of the copy, hex
    std::map<std::string, std::int64_t> rows;  // per table

    bool operator==(const BackupManifest&) const = default;
};

// A backup that is not whole, is not a MyoDesk database, or no longer matches its manifest.
// The message names the file and what is wrong; nothing was written.
class BackupDamagedError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The user cancelled a backup; nothing that looks like a backup was left behind.
class BackupCancelledError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// Called as the copy goes on (pages copied of all); returns false to cancel.
using BackupProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

// The file name part every automatic and manual backup ends with; partial copies start with
// a dot and end with ".partial", so nothing unfinished is ever listed.
inline constexpr std::string_view kBackupExtension = ".sqlite";
inline constexpr std::string_view kManifestExtension = ".json";

// Copies the open SQLite practice to `target` with SQLite's online backup API, from one read
// snapshot (other desks may go on writing). The copy is written as ".<name>.partial" beside
// the target (0600; the folder must exist), switched to a single file (rollback journal),
// synced, verified (integrity_check, and each table's row count equal to the snapshot's), and
// only then renamed into place with its manifest. Throws BackupCancelledError when `progress`
// says stop, DatabaseError on any failure; either way the partial files are removed.
BackupManifest WriteSqliteBackup(Database& database, const std::filesystem::path& target,
                                 TimePoint created, const BackupProgress& progress = {});

// Checks a backup against its manifest: the file's SHA-256 and size, SQLite's
// integrity_check, MyoDesk's application id and each table's row count. Returns the manifest;
// BackupDamagedError naming the first thing that does not match.
BackupManifest VerifySqliteBackup(const std::filesystem::path& backup);

// Checks a database file no one has open (a copy kept before a restore) as a backup would be
// checked and writes its manifest beside it, so it can be listed and restored like one: its
// -wal, when moved beside it, is folded in first. nullopt, and no manifest, for a file that
// fails SQLite's integrity check or is not a MyoDesk database.
std::optional<BackupManifest> DescribeAsBackup(const std::filesystem::path& file,
                                               TimePoint created);

// The manifest as written beside a backup (JSON).
std::string BackupManifestText(const BackupManifest& manifest);
// A manifest's text, read strictly (it may come from a stick or a cloud folder): nullopt for
// anything MyoDesk did not write: not JSON, another format or version, a field missing or of
// the wrong type, a negative size or count, a SHA-256 that is not 64 lower-case hex digits,
// more than kManifestTables tables or a table name over 128 bytes.
std::optional<BackupManifest> ParseBackupManifest(std::string_view text);
inline constexpr std::size_t kManifestTables = 1000;

// The manifest beside `backup`; nullopt when there is none or it cannot be read.
std::optional<BackupManifest> ReadBackupManifest(const std::filesystem::path& backup);

}  // namespace myodesk::db
