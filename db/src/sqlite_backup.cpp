#include "backend_connections.h"
#include "backup_files.h"
#include "content_hash.h"
#include "soci_session.h"

#include <myodesk/db/clock.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/sqlite_backup.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

namespace myodesk::db {

namespace {

namespace fs = std::filesystem;
using RowCounts = std::map<std::string, std::int64_t>;

// Pages copied a step: about 4 MB, so progress moves and cancel is heard often.
constexpr int kPagesPerStep = 1024;
// Waits of 50 ms for a lock before the backup gives up (10 s).
constexpr int kMostWaits = 200;
// The largest manifest read back: a real one is a few hundred bytes.
constexpr std::uintmax_t kManifestLimit = 64 * 1024;

struct CloseSqlite {
    void operator()(sqlite_api::sqlite3* handle) const { sqlite_api::sqlite3_close_v2(handle); }
};
using SqliteHandle = std::unique_ptr<sqlite_api::sqlite3, CloseSqlite>;

SqliteHandle OpenFile(const fs::path& path, int flags, const std::string& what) {
    sqlite_api::sqlite3* raw = nullptr;
    const int result = sqlite_api::sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    SqliteHandle handle(raw);
    if (result != SQLITE_OK) {
        throw DatabaseError(fmt::format(
            "Cannot open {} {}: {}", what, path.string(),
            raw ? sqlite_api::sqlite3_errmsg(raw) : sqlite_api::sqlite3_errstr(result)));
    }
    return handle;
}

// Runs `sql` and hands each row's columns (as text) to `row`; false on an SQLite error.
bool EachRow(sqlite_api::sqlite3* handle, const std::string& sql,
             const std::function<void(sqlite_api::sqlite3_stmt*)>& row) {
    sqlite_api::sqlite3_stmt* statement = nullptr;
    if (sqlite_api::sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        return false;
    }
    int step = SQLITE_ROW;
    while ((step = sqlite_api::sqlite3_step(statement)) == SQLITE_ROW) {
        row(statement);
    }
    sqlite_api::sqlite3_finalize(statement);
    return step == SQLITE_DONE;
}

// Every table's row count (SQLite's own tables aside).
RowCounts CountRows(sqlite_api::sqlite3* handle) {
    std::vector<std::string> tables;
    const bool listed = EachRow(handle,
                                "SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                "NOT LIKE 'sqlite_%' ORDER BY name",
                                [&tables](sqlite_api::sqlite3_stmt* statement) {
                                    const auto* text =
                                        sqlite_api::sqlite3_column_text(statement, 0);
                                    tables.emplace_back(reinterpret_cast<const char*>(text));
                                });
    if (!listed) {
        throw DatabaseError(
            fmt::format("Cannot list the tables: {}", sqlite_api::sqlite3_errmsg(handle)));
    }
    RowCounts counts;
    for (const std::string& table : tables) {
        // The names come from the file's own schema, not from a user: quoted, not bound (a
        // table name cannot be a parameter).
        std::int64_t count = 0;
        const bool counted =
            EachRow(handle, "SELECT COUNT(*) FROM " + detail::QuotedIdentifier(table),
                    [&count](sqlite_api::sqlite3_stmt* statement) {
                        count = sqlite_api::sqlite3_column_int64(statement, 0);
                    });
        if (!counted) {
            throw DatabaseError(fmt::format("Cannot count the rows of {}: {}", table,
                                            sqlite_api::sqlite3_errmsg(handle)));
        }
        counts[table] = count;
    }
    return counts;
}

nlohmann::ordered_json ManifestJson(const BackupManifest& manifest) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::object();
    for (const auto& [table, count] : manifest.rows) {
        rows[table] = count;
    }
    return {{"format", "myodesk-backup"},
            {"format_version", manifest.format},
            {"created_at", manifest.created_at},
            {"created_local", manifest.created_local},
            {"schema_version", manifest.schema_version},
            {"bytes", manifest.bytes},
            {"sha256", manifest.sha256},
            {"rows", rows}};
}

// What integrity_check, the application id and the counts say of a copy, read-only.
struct CopyCheck {
    std::string integrity;  // "ok" when whole
    int application_id = 0;
    RowCounts rows;
};

CopyCheck CheckCopy(const fs::path& path) {
    // immutable=1: the copy is one file no one is writing; nothing (not even a -shm) is made.
    const std::string uri = "file:" + path.string() + "?mode=ro&immutable=1";
    sqlite_api::sqlite3* raw = nullptr;
    const int opened = sqlite_api::sqlite3_open_v2(uri.c_str(), &raw,
                                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    SqliteHandle handle(raw);
    if (opened != SQLITE_OK) {
        throw BackupDamagedError(fmt::format("{} cannot be opened as a database.", path.string()));
    }
    CopyCheck check;
    const bool read =
        EachRow(handle.get(), "PRAGMA integrity_check(10)",
                [&check](sqlite_api::sqlite3_stmt* statement) {
                    const auto* text = sqlite_api::sqlite3_column_text(statement, 0);
                    if (!check.integrity.empty()) {
                        check.integrity += "; ";
                    }
                    check.integrity += text ? reinterpret_cast<const char*>(text) : "";
                }) &&
        EachRow(handle.get(), "PRAGMA application_id",
                [&check](sqlite_api::sqlite3_stmt* statement) {
                    check.application_id = sqlite_api::sqlite3_column_int(statement, 0);
                });
    if (!read) {
        throw BackupDamagedError(fmt::format("{} is not a readable database: {}", path.string(),
                                             sqlite_api::sqlite3_errmsg(handle.get())));
    }
    if (check.integrity == "ok") {
        try {
            check.rows = CountRows(handle.get());
        } catch (const DatabaseError& error) {
            throw BackupDamagedError(fmt::format("{}: {}", path.string(), error.what()));
        }
    }
    return check;
}

// Copies the snapshot page by page into `destination`.
void CopyPages(sqlite_api::sqlite3* source, sqlite_api::sqlite3* destination,
               const BackupProgress& progress) {
    sqlite_api::sqlite3_backup* backup =
        sqlite_api::sqlite3_backup_init(destination, "main", source, "main");
    if (backup == nullptr) {
        throw DatabaseError(
            fmt::format("The backup could not start: {}", sqlite_api::sqlite3_errmsg(destination)));
    }
    int step = SQLITE_OK;
    bool cancelled = false;
    int waits = 0;
    while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED) {
        if (step != SQLITE_OK) {
            // Another connection holds a lock the copy needs: wait a little, not for ever.
            if (++waits > kMostWaits) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        step = sqlite_api::sqlite3_backup_step(backup, kPagesPerStep);
        const std::int64_t total = sqlite_api::sqlite3_backup_pagecount(backup);
        const std::int64_t done = total - sqlite_api::sqlite3_backup_remaining(backup);
        if (progress && !progress(done, total)) {
            cancelled = true;
            break;
        }
    }
    sqlite_api::sqlite3_backup_finish(backup);
    if (cancelled) {
        throw BackupCancelledError("The backup was cancelled; nothing was kept.");
    }
    if (step != SQLITE_DONE) {
        throw DatabaseError(fmt::format("The backup failed: {}", sqlite_api::sqlite3_errstr(step)));
    }
}

// A read transaction on the source connection, for the length of a backup.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(sqlite_api::sqlite3* handle) : m_handle(handle) {
        if (sqlite_api::sqlite3_get_autocommit(handle) == 0) {
            throw DatabaseError("A backup cannot start inside a transaction.");
        }
        if (sqlite_api::sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
            throw DatabaseError(
                fmt::format("The backup could not start: {}", sqlite_api::sqlite3_errmsg(handle)));
        }
    }
    ~ReadSnapshot() { sqlite_api::sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr); }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  private:
    sqlite_api::sqlite3* m_handle;
};

// The partial files of one backup: removed unless Keep() is called.

BackupManifest WriteBackup(Database& database, const fs::path& target, TimePoint created,
                           const BackupProgress& progress) {
    if (database.Target().backend != Backend::kSqlite) {
        throw DatabaseError("Only a SQLite practice is backed up by copying its file.");
    }
    detail::PartialFiles partial(target);
    BackupManifest manifest = detail::StartManifest(database, created);
    soci::session& session = SociSession(database);
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    {
        // One read snapshot for the counts and the pages: other desks' writes after it are in
        // the next backup, and SQLite need not restart this one. A deferred BEGIN, not a
        // db::Transaction: that one takes the write lock, and SQLite copies nothing from a
        // connection that is writing.
        ReadSnapshot snapshot(backend->conn_);
        RowCounts source_rows = CountRows(backend->conn_);
        SqliteHandle destination =
            OpenFile(partial.Copy(), SQLITE_OPEN_READWRITE, "the backup being written");
        CopyPages(backend->conn_, destination.get(), progress);
        // A single file, whole without a -wal beside it.
        if (sqlite_api::sqlite3_exec(destination.get(), "PRAGMA journal_mode = DELETE", nullptr,
                                     nullptr, nullptr) != SQLITE_OK) {
            throw DatabaseError(fmt::format("Cannot finish the backup: {}",
                                            sqlite_api::sqlite3_errmsg(destination.get())));
        }
        destination.reset();
        manifest.rows = std::move(source_rows);
    }
    detail::SyncToDisk(partial.Copy().string());

    // The hash and SQLite's check each read the whole file: side by side, on two cores (the
    // check is the longer; bench row "Backup of the practice").
    std::future<std::string> hash =
        std::async(std::launch::async, detail::Sha256HexOfFile, partial.Copy());
    const CopyCheck check = CheckCopy(partial.Copy());
    if (check.integrity != "ok") {
        throw DatabaseError(
            fmt::format("The backup failed its check ({}); nothing was kept.", check.integrity));
    }
    if (const std::string difference = detail::CountDifference(manifest.rows, check.rows);
        !difference.empty()) {
        throw DatabaseError(
            fmt::format("The backup failed its check ({}); nothing was kept.", difference));
    }
    manifest.bytes = static_cast<std::int64_t>(fs::file_size(partial.Copy()));
    manifest.sha256 = hash.get();
    partial.Finish(manifest);
    return manifest;
}

}  // namespace

namespace detail {

PartialFiles::PartialFiles(const fs::path& target) : m_target(target) {
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string name = target.filename().string();
    if (fs::exists(target) || fs::exists(target.string() + std::string(kManifestExtension))) {
        m_kept = true;  // nothing of ours to remove
        throw DatabaseError(
            fmt::format("{} already exists; it was not replaced.", target.string()));
    }
    m_copy = folder / ("." + name + ".partial");
    m_manifest = folder / ("." + name + std::string(kManifestExtension) + ".partial");
    fs::remove(m_copy);  // left by a backup that was killed half way
    fs::remove(m_manifest);
    CreatePrivateFile(m_copy.string());
}

PartialFiles::~PartialFiles() {
    if (!m_kept) {
        std::error_code ignored;
        fs::remove(m_copy, ignored);
        fs::remove(m_manifest, ignored);
        fs::remove(m_copy.string() + "-journal", ignored);
    }
}

void PartialFiles::Finish(const BackupManifest& manifest) {
    WriteManifestFile(m_manifest, manifest);
    fs::rename(m_manifest, m_target.string() + std::string(kManifestExtension));
    fs::rename(m_copy, m_target);
    m_kept = true;
    SyncToDisk(m_target.parent_path().empty() ? std::string(".") : m_target.parent_path().string());
}

BackupManifest StartManifest(Database& database, TimePoint created) {
    BackupManifest manifest;
    manifest.created_at = UtcTimestamp(created);
    manifest.created_local = LocalDateTime(manifest.created_at);
    manifest.created_local[10] = 'T';
    manifest.schema_version = SchemaVersion(database);
    return manifest;
}

std::string CountDifference(const RowCounts& expected, const RowCounts& found) {
    for (const auto& [table, count] : expected) {
        const auto other = found.find(table);
        if (other == found.end()) {
            return fmt::format("the table {} is missing", table);
        }
        if (other->second != count) {
            return fmt::format("the table {} has {} rows, not {}", table, other->second, count);
        }
    }
    for (const auto& [table, count] : found) {
        if (!expected.contains(table)) {
            return fmt::format("it has a table {} the manifest does not list", table);
        }
    }
    return {};
}

void WriteManifestFile(const fs::path& path, const BackupManifest& manifest) {
    detail::CreatePrivateFile(path.string());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << BackupManifestText(manifest);
    out.close();
    if (!out) {
        throw DatabaseError(fmt::format("Cannot write {}", path.string()));
    }
    detail::SyncToDisk(path.string());
}

}  // namespace detail

BackupManifest WriteSqliteBackup(Database& database, const fs::path& target, TimePoint created,
                                 const BackupProgress& progress) {
    try {
        return WriteBackup(database, target, created, progress);
    } catch (const fs::filesystem_error& error) {
        // A folder that went away or turned read-only half way: said, not a crash.
        throw DatabaseError(fmt::format("The backup could not be written to {}: {}",
                                        target.parent_path().string(), error.code().message()));
    }
}

std::string BackupManifestText(const BackupManifest& manifest) {
    return ManifestJson(manifest).dump(2) + "\n";
}

std::optional<BackupManifest> ParseBackupManifest(std::string_view text) {
    if (text.size() > kManifestLimit) {
        return std::nullopt;
    }
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    try {
        if (json.is_discarded() || !json.is_object() ||
            json.at("format").get<std::string>() != "myodesk-backup") {
            return std::nullopt;
        }
        // get<> on a field of another type throws: caught below, as a manifest refused.
        const auto whole = [&json](const char* field) {
            const nlohmann::json& value = json.at(field);
            if (!value.is_number_integer()) {
                throw std::invalid_argument(field);
            }
            return value.get<std::int64_t>();
        };
        BackupManifest manifest;
        if (whole("format_version") != 1) {
            return std::nullopt;
        }
        manifest.created_at = json.at("created_at").get<std::string>();
        manifest.created_local = json.at("created_local").get<std::string>();
        const std::int64_t schema = whole("schema_version");
        manifest.bytes = whole("bytes");
        manifest.sha256 = json.at("sha256").get<std::string>();
        const nlohmann::json& rows = json.at("rows");
        if (schema < 0 || schema > 1'000'000 || manifest.bytes < 0 || !rows.is_object() ||
            rows.size() > kManifestTables || manifest.sha256.size() != 64 ||
            manifest.sha256.find_first_not_of("0123456789abcdef") != std::string::npos ||
            manifest.created_at.size() > 64 || manifest.created_local.size() > 64) {
            return std::nullopt;
        }
        manifest.schema_version = static_cast<int>(schema);
        for (const auto& [table, count] : rows.items()) {
            if (table.empty() || table.size() > 128 || !count.is_number_integer() ||
                count.get<std::int64_t>() < 0) {
                return std::nullopt;
            }
            manifest.rows[table] = count.get<std::int64_t>();
        }
        return manifest;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<BackupManifest> ReadBackupManifest(const fs::path& backup) {
    const fs::path path = backup.string() + std::string(kManifestExtension);
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error || size > kManifestLimit) {
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in) {
        return std::nullopt;
    }
    return ParseBackupManifest(text);
}

namespace {

BackupManifest VerifyBackup(const fs::path& backup) {
    if (!fs::is_regular_file(backup)) {
        throw BackupDamagedError(fmt::format("{} is not a backup file.", backup.string()));
    }
    const std::optional<BackupManifest> manifest = ReadBackupManifest(backup);
    if (!manifest) {
        throw BackupDamagedError(
            fmt::format("{} has no readable manifest ({}{}): it cannot be checked.",
                        backup.string(), backup.filename().string(), kManifestExtension));
    }
    const auto bytes = static_cast<std::int64_t>(fs::file_size(backup));
    if (bytes != manifest->bytes) {
        throw BackupDamagedError(fmt::format("{} has {} bytes; its manifest says {}.",
                                             backup.string(), bytes, manifest->bytes));
    }
    // Side by side as when it was written; a changed hash is still the fault named first.
    std::future<std::string> hash = std::async(std::launch::async, detail::Sha256HexOfFile, backup);
    std::optional<CopyCheck> checked;
    std::optional<BackupDamagedError> unreadable;
    try {
        checked = CheckCopy(backup);
    } catch (const BackupDamagedError& error) {
        unreadable = error;
    }
    if (hash.get() != manifest->sha256) {
        throw BackupDamagedError(
            fmt::format("{} has changed since it was written: its SHA-256 is not the manifest's.",
                        backup.string()));
    }
    if (unreadable) {
        throw *unreadable;
    }
    const CopyCheck& check = *checked;
    if (check.integrity != "ok") {
        throw BackupDamagedError(
            fmt::format("{} fails SQLite's integrity check: {}", backup.string(), check.integrity));
    }
    if (check.application_id != kSqliteApplicationId) {
        throw BackupDamagedError(fmt::format("{} is not a MyoDesk database.", backup.string()));
    }
    if (const std::string difference = detail::CountDifference(manifest->rows, check.rows);
        !difference.empty()) {
        throw BackupDamagedError(fmt::format("{}: {}.", backup.string(), difference));
    }
    return *manifest;
}

}  // namespace

std::optional<BackupManifest> DescribeAsBackup(const fs::path& file, TimePoint created) {
    try {
        BackupManifest manifest;
        manifest.created_at = UtcTimestamp(created);
        manifest.created_local = LocalDateTime(manifest.created_at);
        manifest.created_local[10] = 'T';
        {
            SqliteHandle handle = OpenFile(file, SQLITE_OPEN_READWRITE, "the database");
            // Folds a -wal moved beside it into the file, which is then whole on its own.
            if (sqlite_api::sqlite3_exec(handle.get(), "PRAGMA journal_mode = DELETE", nullptr,
                                         nullptr, nullptr) != SQLITE_OK ||
                !EachRow(handle.get(), "SELECT MAX(version) FROM schema_migrations",
                         [&manifest](sqlite_api::sqlite3_stmt* statement) {
                             manifest.schema_version = sqlite_api::sqlite3_column_int(statement, 0);
                         })) {
                return std::nullopt;
            }
        }
        detail::SyncToDisk(file.string());
        const CopyCheck check = CheckCopy(file);
        if (check.integrity != "ok" || check.application_id != kSqliteApplicationId) {
            return std::nullopt;
        }
        manifest.rows = check.rows;
        manifest.bytes = static_cast<std::int64_t>(fs::file_size(file));
        manifest.sha256 = detail::Sha256HexOfFile(file);
        const fs::path manifest_path = file.string() + std::string(kManifestExtension);
        const fs::path partial =
            manifest_path.parent_path() / ("." + manifest_path.filename().string() + ".partial");
        detail::WriteManifestFile(partial, manifest);
        fs::rename(partial, manifest_path);
        return manifest;
    } catch (const std::exception&) {
        // Damaged beyond reading: kept as it is, without a manifest.
        return std::nullopt;
    }
}

BackupManifest VerifySqliteBackup(const fs::path& backup) {
    try {
        return VerifyBackup(backup);
    } catch (const fs::filesystem_error& error) {
        throw BackupDamagedError(
            fmt::format("{} cannot be read: {}", backup.string(), error.code().message()));
    }
}

}  // namespace myodesk::db
