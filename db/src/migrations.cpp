#include <myodesk/db/clock.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <filesystem>

namespace myodesk::db {

namespace {

// Version 1: client records. The search_* columns hold core::FoldForSearch keys, written by
// ClientRepository, so search as you type is a prefix range on an index in both backends.
void CreateClients(soci::session& session, const Dialect& dialect) {
    session << fmt::format(R"(
        CREATE TABLE clients (
            id {pk},
            given_name TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL DEFAULT '',
            preferred_name TEXT NOT NULL DEFAULT '',
            date_of_birth TEXT NULL,
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            emergency_contact_name TEXT NOT NULL DEFAULT '',
            emergency_contact_phone TEXT NOT NULL DEFAULT '',
            physician TEXT NOT NULL DEFAULT '',
            referral_source TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            search_name {bytes} NOT NULL DEFAULT '',
            search_name_reversed {bytes} NOT NULL DEFAULT '',
            search_preferred {bytes} NOT NULL DEFAULT '',
            search_email {bytes} NOT NULL DEFAULT '',
            search_phone {bytes} NOT NULL DEFAULT ''
        ))",
                           fmt::arg("pk", dialect.id_primary_key),
                           fmt::arg("bytes", dialect.byte_ordered_text));
    // The list is ordered by family name, then given name; archived clients are kept apart.
    session << "CREATE INDEX clients_by_name ON clients (archived, search_name_reversed, id)";
    session << "CREATE INDEX clients_by_given_name ON clients (search_name)";
    session << "CREATE INDEX clients_by_preferred_name ON clients (search_preferred)";
    session << "CREATE INDEX clients_by_email ON clients (search_email)";
    session << "CREATE INDEX clients_by_phone ON clients (search_phone)";
}

// Holds the dialect's migration lock (other desks wait) for as long as it lives.
class MigrationLock {
  public:
    MigrationLock(soci::session& session, const Dialect& dialect)
        : m_session(session), m_dialect(dialect) {
        if (!m_dialect.lock_migrations.empty()) {
            m_session << std::string(m_dialect.lock_migrations);
        }
    }
    ~MigrationLock() {
        try {
            if (!m_dialect.unlock_migrations.empty()) {
                m_session << std::string(m_dialect.unlock_migrations);
            }
        } catch (const soci::soci_error&) {
            // The lock ends with the connection anyway.
        }
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

  private:
    soci::session& m_session;
    const Dialect& m_dialect;
};

void CreateVersionTable(soci::session& session) {
    session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER NOT NULL PRIMARY KEY, "
               "description TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)";
}

int ReadVersion(soci::session& session) {
    int version = 0;
    soci::indicator indicator = soci::i_null;
    session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
    return indicator == soci::i_ok ? version : 0;
}

bool TableExists(soci::session& session, const Dialect& dialect, const std::string& table) {
    int count = 0;
    if (dialect.backend == Backend::kSqlite) {
        session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name",
            soci::use(table), soci::into(count);
    } else {
        session << "SELECT COUNT(*) FROM information_schema.tables "
                   "WHERE table_schema = current_schema() AND table_name = :name",
            soci::use(table), soci::into(count);
    }
    return count > 0;
}

// Copies the SQLite file with VACUUM INTO (a consistent snapshot, even in WAL mode) to
// "<name>.before-v<N>-<timestamp>.sqlite" beside it.
std::string BackUpSqlite(soci::session& session, const std::string& path, int target_version) {
    namespace fs = std::filesystem;
    const fs::path original(path);
    std::string stamp = UtcTimestamp(SystemNow());
    std::erase_if(stamp, [](char c) { return c == ':' || c == '-'; });
    const std::string base =
        fmt::format("{}.before-v{}-{}", original.stem().string(), target_version, stamp);
    fs::path backup = original.parent_path() / (base + ".sqlite");
    for (int n = 2; fs::exists(backup); ++n) {
        backup = original.parent_path() / fmt::format("{}-{}.sqlite", base, n);
    }
    const std::string backup_path = backup.string();
    session << "VACUUM INTO :path", soci::use(backup_path);
    return backup_path;
}

}  // namespace

// A function-local static, so callers in other translation units' static initialisers see
// the list constructed.
const std::vector<Migration>& AllMigrations() {
    static const std::vector<Migration> migrations{
        {1, "client records", CreateClients},
    };
    return migrations;
}

int LatestSchemaVersion() {
    return AllMigrations().back().version;
}

int SchemaVersion(Database& database) {
    try {
        if (!TableExists(database.Session(), database.GetDialect(), "schema_migrations")) {
            return 0;
        }
        return ReadVersion(database.Session());
    } catch (const soci::soci_error& error) {
        throw DatabaseError(fmt::format("Cannot read the schema version of {}: {}",
                                        database.Location(), error.get_error_message()));
    }
}

MigrationResult MigrateTo(Database& database, int target_version,
                          const std::vector<Migration>& migrations) {
    soci::session& session = database.Session();
    const Dialect& dialect = database.GetDialect();
    const int newest_known = migrations.empty() ? 0 : migrations.back().version;
    MigrationResult result;
    try {
        MigrationLock lock(session, dialect);
        CreateVersionTable(session);
        result.from_version = ReadVersion(session);
        result.to_version = result.from_version;
        if (result.from_version > newest_known) {
            throw SchemaTooNewError(result.from_version, newest_known, database.Location());
        }
        const auto& target = database.Target();
        if (dialect.backend == Backend::kSqlite && target.sqlite_path != ":memory:" &&
            result.from_version >= 1 && result.from_version < target_version) {
            result.backup_path = BackUpSqlite(session, target.sqlite_path, target_version);
        }
        for (const Migration& step : migrations) {
            if (step.version <= result.to_version || step.version > target_version) {
                continue;
            }
            try {
                soci::transaction transaction(session);
                step.apply(session, dialect);
                const std::string description(step.description);
                const std::string applied_at = UtcTimestamp(SystemNow());
                session << "INSERT INTO schema_migrations (version, description, applied_at) "
                           "VALUES (:version, :description, :applied_at)",
                    soci::use(step.version), soci::use(description), soci::use(applied_at);
                transaction.commit();
            } catch (const soci::soci_error& error) {
                throw DatabaseError(fmt::format(
                    "Upgrading {} to schema version {} ({}) failed: {} The database was left "
                    "at version {}.",
                    database.Location(), step.version, step.description, error.get_error_message(),
                    result.to_version));
            }
            result.to_version = step.version;
        }
    } catch (const soci::soci_error& error) {
        throw DatabaseError(fmt::format("Cannot prepare {} for use: {}", database.Location(),
                                        error.get_error_message()));
    }
    return result;
}

MigrationResult Migrate(Database& database) {
    return MigrateTo(database, LatestSchemaVersion());
}

}  // namespace myodesk::db
