#include "backend_connections.h"
#include "backup_files.h"
#include "content_hash.h"
#include "server_tools.h"
#include "soci_session.h"

#include <myodesk/db/dump_text.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/postgresql_dump.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace myodesk::db {

namespace {

namespace fs = std::filesystem;
using RowCounts = std::map<std::string, std::int64_t>;

// pg_restore --list of a practice is a few hundred lines; a file listing far more is not one.
constexpr std::size_t kListLimit = 4 * 1024 * 1024;
// The staff table's data as pg_restore prints it: a practice has tens of staff.
constexpr std::size_t kStaffDataLimit = 4 * 1024 * 1024;

void RequireTools() {
    if (!ServerToolsInstalled()) {
        throw ServerToolsMissingError(
            "PostgreSQL's client programs (pg_dump, pg_restore) are not installed: install "
            "them (Debian: apt install postgresql-client), or take the practice out with "
            "`myodesk-cli export all`.");
    }
}

std::string Problem(const detail::ToolRun& run, std::string_view program) {
    if (run.errors.empty()) {
        return fmt::format("{} ended with status {}", program, run.exit_code);
    }
    std::string text;
    for (const std::string& line : run.errors) {
        text += (text.empty() ? "" : "; ") + line;
    }
    return text;
}

// The table of contents as pg_restore reads it; BackupDamagedError when it cannot.
std::string ListOf(const fs::path& dump) {
    const detail::ToolRun run = detail::RunTool("pg_restore", {"--list", "--file=-", dump.string()},
                                                {}, {}, {}, kListLimit);
    if (run.exit_code != 0) {
        throw BackupDamagedError(fmt::format("{} cannot be read by pg_restore: {}", dump.string(),
                                             Problem(run, "pg_restore")));
    }
    return run.output;
}

void CheckHoldsData(const fs::path& dump, const std::string& list, const RowCounts& rows) {
    const std::set<std::string> tables = TablesWithDataIn(list);
    for (const auto& [table, count] : rows) {
        if (!tables.contains(table)) {
            throw BackupDamagedError(
                fmt::format("{} does not hold the data of the table {}.", dump.string(), table));
        }
    }
}

// Every table of the schema and its rows, as the session's transaction sees them.
RowCounts CountTables(soci::session& session, const std::string& schema) {
    std::vector<std::string> names(1000);
    session << "SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY tablename",
        soci::use(schema, "schema"), soci::into(names);
    RowCounts rows;
    for (const std::string& name : names) {
        std::int64_t count = 0;
        // The name comes from the server's own catalog, quoted as an identifier.
        session << fmt::format("SELECT COUNT(*) FROM {}.{}", detail::QuotedIdentifier(schema),
                               detail::QuotedIdentifier(name)),
            soci::into(count);
        rows[name] = count;
    }
    return rows;
}

// A read-only transaction whose snapshot pg_dump takes over; rolled back when it goes.
class ExportedSnapshot {
  public:
    explicit ExportedSnapshot(soci::session& session) : m_session(session) {
        m_session << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
        m_session << "SELECT pg_export_snapshot()", soci::into(m_id);
    }
    ~ExportedSnapshot() {
        try {
            m_session << "ROLLBACK";
        } catch (const soci::soci_error&) {
            // The connection went; the server ends the transaction with it.
        }
    }
    ExportedSnapshot(const ExportedSnapshot&) = delete;
    ExportedSnapshot& operator=(const ExportedSnapshot&) = delete;
    const std::string& Id() const { return m_id; }

  private:
    soci::session& m_session;
    std::string m_id;
};

BackupManifest WriteDump(Database& database, const fs::path& target, TimePoint created,
                         const BackupProgress& progress) {
    if (database.Target().backend != Backend::kPostgresql) {
        throw DatabaseError("Only a PostgreSQL practice is backed up with pg_dump.");
    }
    RequireTools();
    detail::PartialFiles partial(target);
    BackupManifest manifest = detail::StartManifest(database, created);
    const detail::ToolEnvironment environment = detail::ServerEnvironmentOf(database);
    soci::session& session = SociSession(database);
    std::string schema;
    session << "SELECT current_schema()", soci::into(schema);
    {
        const ExportedSnapshot snapshot(session);
        manifest.rows = CountTables(session, schema);
        const auto total = static_cast<std::int64_t>(manifest.rows.size());
        std::int64_t done = 0;
        bool go_on = !progress || progress(done, total);
        const detail::ToolRun run = detail::RunTool(
            "pg_dump",
            {"--format=custom", "--no-password", "--verbose", "--snapshot=" + snapshot.Id(),
             "--schema=" + schema,
             // A login under row-level security (the owner's) reads every note through its
             // policies; without this pg_dump refuses a table that has them.
             "--enable-row-security", "--file=" + partial.Copy().string()},
            environment,
            [&](std::string_view line) {
                if (line.find("dumping contents of table") != std::string_view::npos) {
                    ++done;
                    go_on = go_on && (!progress || progress(std::min(done, total), total));
                }
            },
            [&go_on] { return go_on; });
        if (run.cancelled) {
            throw BackupCancelledError("The backup was cancelled; nothing was kept.");
        }
        if (run.exit_code != 0) {
            throw DatabaseError(
                fmt::format("pg_dump could not back up the practice: {}", Problem(run, "pg_dump")));
        }
    }
    detail::SyncToDisk(partial.Copy().string());
    CheckHoldsData(partial.Copy(), ListOf(partial.Copy()), manifest.rows);
    manifest.bytes = static_cast<std::int64_t>(fs::file_size(partial.Copy()));
    manifest.sha256 = detail::Sha256HexOfFile(partial.Copy());
    partial.Finish(manifest);
    return manifest;
}

DumpTableData StaffData(const fs::path& dump) {
    const detail::ToolRun run =
        detail::RunTool("pg_restore", {"--data-only", "--table=staff", "--file=-", dump.string()},
                        {}, {}, {}, kStaffDataLimit);
    if (run.exit_code != 0) {
        throw BackupDamagedError(fmt::format("{} cannot be read by pg_restore: {}", dump.string(),
                                             Problem(run, "pg_restore")));
    }
    return ParseCopyText(run.output);
}

// The database libpq would connect to: the string's, else PGDATABASE, else the user's name.
std::string DatabaseNameOf(const detail::ToolEnvironment& environment) {
    for (const char* name : {"PGDATABASE", "PGUSER"}) {
        if (const auto found = environment.find(name); found != environment.end()) {
            return found->second;
        }
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
            return value;
        }
    }
    const char* user = std::getenv("USER");
    return user != nullptr ? user : "postgres";
}

}  // namespace

bool ServerToolsInstalled() {
    return detail::ToolInstalled("pg_dump") && detail::ToolInstalled("pg_restore");
}

bool IsPostgresqlDump(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 5> magic{};
    in.read(magic.data(), magic.size());
    return in && std::string_view(magic.data(), magic.size()) == "PGDMP";
}

BackupManifest WritePostgresqlDump(Database& database, const fs::path& target, TimePoint created,
                                   const BackupProgress& progress) {
    try {
        return WriteDump(database, target, created, progress);
    } catch (const fs::filesystem_error& error) {
        throw DatabaseError(fmt::format("The backup could not be written to {}: {}",
                                        target.parent_path().string(), error.code().message()));
    }
}

namespace {

// A dump checked against its manifest, and its table of contents as pg_restore read it.
struct CheckedDump {
    BackupManifest manifest;
    std::string list;
};

CheckedDump CheckDump(const fs::path& dump) {
    if (!fs::is_regular_file(dump)) {
        throw BackupDamagedError(fmt::format("{} is not a backup file.", dump.string()));
    }
    const std::optional<BackupManifest> manifest = ReadBackupManifest(dump);
    if (!manifest) {
        throw BackupDamagedError(
            fmt::format("{} has no manifest beside it ({}{}) that can be read.", dump.string(),
                        dump.filename().string(), kManifestExtension));
    }
    if (static_cast<std::int64_t>(fs::file_size(dump)) != manifest->bytes) {
        throw BackupDamagedError(fmt::format("{} is {} bytes long, not {} as when it was made.",
                                             dump.string(), fs::file_size(dump), manifest->bytes));
    }
    if (detail::Sha256HexOfFile(dump) != manifest->sha256) {
        throw BackupDamagedError(
            fmt::format("{} has changed since it was written: its SHA-256 is not the manifest's.",
                        dump.string()));
    }
    if (!IsPostgresqlDump(dump)) {
        throw BackupDamagedError(fmt::format("{} is not a pg_dump file.", dump.string()));
    }
    RequireTools();
    CheckedDump checked{*manifest, ListOf(dump)};
    CheckHoldsData(dump, checked.list, manifest->rows);
    return checked;
}

// A private file for the list pg_restore follows (mkstemp: a new name, 0600), removed when
// it goes.
class ListFile {
  public:
    explicit ListFile(const std::string& text) {
        std::string pattern = (fs::temp_directory_path() / "myodesk-restore-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) {
            throw DatabaseError("Cannot make a temporary file for pg_restore's list.");
        }
        m_path = pattern;
        const bool written =
            ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        if (!written) {
            throw DatabaseError(fmt::format("Cannot write {}", m_path.string()));
        }
    }
    ~ListFile() {
        std::error_code ignored;
        fs::remove(m_path, ignored);
    }
    ListFile(const ListFile&) = delete;
    ListFile& operator=(const ListFile&) = delete;
    const fs::path& Path() const { return m_path; }

  private:
    fs::path m_path;
};

}  // namespace

BackupManifest VerifyPostgresqlDump(const fs::path& dump) {
    return CheckDump(dump).manifest;
}

std::optional<std::string> DumpOwnerUsername(const fs::path& dump) {
    RequireTools();
    return FirstActiveOwner(StaffData(dump));
}

std::string ServerDatabaseName(Database& database) {
    std::string name;
    SociSession(database) << "SELECT current_database()", soci::into(name);
    return name;
}

BackupManifest RestorePostgresqlDump(const fs::path& dump, const std::string& location) {
    const ConnectionTarget target = ParseConnectionString(location);
    if (target.backend != Backend::kPostgresql) {
        throw DatabaseError(
            "A PostgreSQL backup is restored into a PostgreSQL database; to bring it into a "
            "SQLite file, restore it on a server, then `myodesk-cli db copy`.");
    }
    const auto [manifest, list] = CheckDump(dump);
    if (manifest.schema_version > LatestSchemaVersion()) {
        throw SchemaTooNewError(manifest.schema_version, LatestSchemaVersion(), dump.string());
    }
    const std::string schema = SchemaOfList(list);
    {
        Database empty =
            OpenDatabase(location, OpenOptions{.migrate = false, .login = std::nullopt});
        soci::session& session = SociSession(empty);
        int tables = 0;
        session << "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                   "c.relnamespace WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', "
                   "'m', 'S', 'f')",
            soci::use(schema, "schema"), soci::into(tables);
        if (tables > 0) {
            throw DatabaseNotEmptyError(fmt::format(
                "{} already holds tables in the schema {}: a backup is restored into a new, "
                "empty database. Nothing was restored.",
                empty.Location(), schema));
        }
        session << fmt::format("CREATE SCHEMA IF NOT EXISTS {}", detail::QuotedIdentifier(schema));
    }
    const ListFile list_file(ListWithoutSchemaEntries(list));
    const detail::ToolEnvironment environment = detail::ServerEnvironmentFor(
        detail::PostgresqlConnectKeywords(target.postgresql_conninfo).keywords);
    std::vector<std::string> arguments{"--single-transaction", "--exit-on-error", "--no-owner",
                                       "--no-privileges", "--no-password",
                                       "--use-list=" + list_file.Path().string(),
                                       // pg_restore writes to a database only when named;
                                       // the rest of the connection is in the environment.
                                       "--dbname=" + DatabaseNameOf(environment)};
    arguments.push_back(dump.string());
    const detail::ToolRun run = detail::RunTool("pg_restore", arguments, environment);
    if (run.exit_code != 0) {
        throw DatabaseError(
            fmt::format("pg_restore could not restore {} (nothing was restored): {}", dump.string(),
                        Problem(run, "pg_restore")));
    }
    Database restored =
        OpenDatabase(location, OpenOptions{.migrate = false, .login = std::nullopt});
    soci::session& session = SociSession(restored);
    RowCounts found;
    {
        Transaction reading(restored);
        found = CountTables(session, schema);
        reading.Commit();
    }
    if (const std::string difference = detail::CountDifference(manifest.rows, found);
        !difference.empty()) {
        throw DatabaseError(fmt::format(
            "The restored practice in {} differs from the backup's manifest ({}): do not use it.",
            restored.Location(), difference));
    }
    return manifest;
}

}  // namespace myodesk::db
