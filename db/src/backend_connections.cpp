#include "backend_connections.h"

#include "soci_session.h"

#include <myodesk/core/text.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <libpq-fe.h>

namespace myodesk::db::detail {

using core::Trim;

namespace {

// SOCI's SQLite backend reads "key=value" pairs when the string holds '='; a path with '=',
// a space or a quote is passed quoted so it is always taken whole.
std::string SociSqliteConnectString(const std::string& path) {
    if (path.find_first_of("= \"'") == std::string::npos) {
        return path;
    }
    if (path.find('"') != std::string::npos) {
        throw DatabaseError(fmt::format("A database path may not contain '\"': {}", path));
    }
    return "db=\"" + path + "\"";
}

// Every SQLite setting MyoDesk relies on, applied in this one place on every connection.
void ApplySqliteSettings(soci::session& session) {
    session << "PRAGMA foreign_keys = ON";
    session << "PRAGMA busy_timeout = 5000";
    // WAL lets a reader (a report) and the writer (the desk) work at once; FULL sync keeps a
    // committed note on disk through a power cut.
    std::string journal_mode;
    session << "PRAGMA journal_mode = WAL", soci::into(journal_mode);
    session << "PRAGMA synchronous = FULL";
}

// A file that already holds tables but not MyoDesk's application id is someone else's.
void CheckSqliteApplicationId(soci::session& session, const std::string& path) {
    int application_id = 0;
    session << "PRAGMA application_id", soci::into(application_id);
    if (application_id == kSqliteApplicationId) {
        return;
    }
    int tables = 0;
    session << "SELECT COUNT(*) FROM sqlite_master", soci::into(tables);
    if (application_id != 0 || tables > 0) {
        throw NotMyoDeskDatabaseError(fmt::format(
            "{} is not a MyoDesk database (it is another program's SQLite file); it was not "
            "changed.",
            path));
    }
    session << "PRAGMA application_id = " + std::to_string(kSqliteApplicationId);
}

// SOCI 4.0.3 re-splits the connection string on spaces and '=' (to find its own options)
// and so mangles a postgresql:// URL. libpq parses whatever form the user gave; SOCI then gets
// keyword='value' pairs it passes through intact.
std::string SociPostgresqlConnectString(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        const std::string message = error != nullptr ? Trim(error) : "out of memory";
        PQfreemem(error);
        throw DatabaseError(
            fmt::format("The PostgreSQL connection string is not valid: {}", message));
    }
    std::string keywords;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->val == nullptr || *option->val == '\0') {
            continue;
        }
        std::string value;
        for (const char* c = option->val; *c != '\0'; ++c) {
            if (*c == '\'' || *c == '\\') {
                value.push_back('\\');
            }
            value.push_back(*c);
        }
        keywords += fmt::format("{}{}='{}'", keywords.empty() ? "" : " ", option->keyword, value);
    }
    PQconninfoFree(options);
    return keywords;
}

}  // namespace

std::unique_ptr<Connection> ConnectSqlite(const ConnectionTarget& target) {
    if (target.sqlite_path != ":memory:") {
        const auto parent = std::filesystem::path(target.sqlite_path).parent_path();
        if (!parent.empty() && !std::filesystem::is_directory(parent)) {
            throw DatabaseError(fmt::format("Cannot open {}: the folder {} does not exist.",
                                            target.sqlite_path, parent.string()));
        }
    }
    auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                   SociSqliteConnectString(target.sqlite_path));
    CheckSqliteApplicationId(*session, target.display);
    ApplySqliteSettings(*session);
    return std::make_unique<Connection>(std::move(session));
}

std::unique_ptr<Connection> ConnectPostgresql(const ConnectionTarget& target) {
    auto session = std::make_unique<soci::session>(
        *soci::factory_postgresql(), SociPostgresqlConnectString(target.postgresql_conninfo));
    // Quiet the NOTICEs PostgreSQL sends for IF NOT EXISTS; errors still come through.
    *session << "SET client_min_messages = WARNING";
    return std::make_unique<Connection>(std::move(session));
}

}  // namespace myodesk::db::detail
