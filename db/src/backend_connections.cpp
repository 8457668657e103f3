#include "backend_connections.h"

#include "soci_session.h"

#include <myodesk/core/text.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <libpq-fe.h>
#include <map>
#include <thread>
#include <unistd.h>
#include <utility>

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

// Waits for another connection's lock, trying again every millisecond until the busy timeout
// is over. SQLite's own handler sleeps up to 100 ms between tries, so when several desks save
// back to back a waiting one can miss every moment the lock is free for the whole timeout (1 of
// about 8,000 saves of four writers failed so). The busy handler runs on the thread of the
// statement waiting, and one thread waits for one statement at a time.
int WaitWhileBusy(void* /*unused*/, int attempts) {
    using Clock = std::chrono::steady_clock;
    thread_local Clock::time_point started;
    const auto now = Clock::now();
    if (attempts == 0) {
        started = now;
    }
    if (now - started >= std::chrono::milliseconds(kSqliteBusyTimeoutMs)) {
        return 0;  // SQLITE_BUSY: BusyError
    }
    std::this_thread::sleep_for(std::chrono::microseconds(attempts < 20 ? 200 : 1000));
    return 1;
}

// The per-connection SQLite settings MyoDesk relies on; none of them writes to the file. The
// busy handler comes first, so every later statement waits for another desk's write instead of
// failing at once.
void ApplySqliteSettings(soci::session& session) {
    if (session.get_backend() == nullptr || session.get_backend_name() != "sqlite3") {
        throw DatabaseError("The SQLite connection could not be set up.");
    }
    // SOCI exports no type information for its backend, so no dynamic_cast: the name says it.
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    sqlite_api::sqlite3_busy_handler(backend->conn_, WaitWhileBusy, nullptr);
    session << "PRAGMA foreign_keys = ON";
    // FULL sync keeps a committed note on disk through a power cut.
    session << "PRAGMA synchronous = FULL";
}

// A file that already holds tables but not MyoDesk's application id is someone else's. Read
// in one statement, so a desk setting up a new file at the same moment is seen whole or not at
// all; nothing is written (a new file gets its id when its schema is made).
void CheckSqliteApplicationId(soci::session& session, const std::string& path) {
    int application_id = 0;
    int tables = 0;
    session << "SELECT (SELECT application_id FROM pragma_application_id()), "
               "(SELECT COUNT(*) FROM sqlite_master)",
        soci::into(application_id), soci::into(tables);
    if (application_id == kSqliteApplicationId || (application_id == 0 && tables == 0)) {
        return;
    }
    throw NotMyoDeskDatabaseError(fmt::format(
        "{} is not a MyoDesk database (it is another program's SQLite file); it was not "
        "changed.",
        path));
}

// Added to a PostgreSQL connection string that does not set them itself (the user's own values
// win): give up on a server that does not answer within 10 seconds, and notice a server or
// network that goes away mid-session (keepalives probe an idle connection; data the server has
// not acknowledged for a minute ends the connection) instead of waiting forever.
constexpr std::pair<std::string_view, std::string_view> kPostgresqlDefaults[] = {
    {"connect_timeout", "10"},     {"keepalives", "1"},       {"keepalives_idle", "60"},
    {"keepalives_interval", "10"}, {"keepalives_count", "6"}, {"tcp_user_timeout", "60000"},
};

std::string QuotedConninfoValue(std::string_view text) {
    std::string value;
    for (const char c : text) {
        if (c == '\'' || c == '\\') {
            value.push_back('\\');
        }
        value.push_back(c);
    }
    return "'" + value + "'";
}

// libpq's reason a connection failed, as a sentence for the user where it is a common one.
std::string PostgresqlConnectFailure(const PostgresqlConnectString& connect,
                                     const std::string& reason) {
    if (reason.find("timeout expired") != std::string::npos) {
        return fmt::format(
            "the PostgreSQL server at {} did not answer within {} seconds. Check that the server "
            "is running and reachable, then try again.",
            connect.server, connect.timeout_s);
    }
    if (reason.find("Connection refused") != std::string::npos) {
        return fmt::format(
            "the PostgreSQL server at {} refused the connection: no server is running there (or "
            "not on that port). Start it, or check the address, then try again.",
            connect.server);
    }
    return Trim(reason);
}

// Whether the server turned the login away (rather than not being there): a wrong or missing
// password, an unknown or NOLOGIN role. libpq gives these as text only.
bool IsLoginRefused(const std::string& reason) {
    return reason.find("password authentication failed") != std::string::npos ||
           reason.find("no password supplied") != std::string::npos ||
           reason.find("is not permitted to log in") != std::string::npos ||
           (reason.find("role \"") != std::string::npos &&
            reason.find("does not exist") != std::string::npos);
}

}  // namespace

// SOCI 4.0.3 re-splits the connection string on spaces and '=' (to find its own options)
// and so mangles a postgresql:// URL. libpq parses whatever form the user gave; SOCI then gets
// keyword='value' pairs it passes through intact, with MyoDesk's defaults added.
PostgresqlConnectString PostgresqlConnectKeywords(const std::string& conninfo,
                                                  const PostgresqlLogin* login) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        const std::string message = error != nullptr ? Trim(error) : "out of memory";
        PQfreemem(error);
        throw DatabaseError(
            fmt::format("The PostgreSQL connection string is not valid: {}", message));
    }
    std::map<std::string, std::string, std::less<>> given;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->val != nullptr && *option->val != '\0') {
            given.emplace(option->keyword, option->val);
        }
    }
    PQconninfoFree(options);
    if (login != nullptr) {
        given["user"] = login->user;
        given.erase("password");
        if (!login->password.empty()) {
            given["password"] = login->password;
        }
    }
    for (const auto& [keyword, value] : kPostgresqlDefaults) {
        given.emplace(std::string(keyword), std::string(value));  // only where not given
    }
    PostgresqlConnectString result;
    for (const auto& [keyword, value] : given) {
        const std::string separator = result.keywords.empty() ? "" : " ";
        result.keywords += fmt::format("{}{}={}", separator, keyword, QuotedConninfoValue(value));
        // SOCI ends a value at a space unless it is in double quotes, which it takes off: the
        // libpq quoting goes inside them. Nothing can carry a double quote through it.
        if (value.find('"') != std::string::npos) {
            throw DatabaseError(fmt::format(
                "The PostgreSQL connection's {} may not contain a double quote (\").", keyword));
        }
        result.for_soci +=
            fmt::format("{}{}=\"{}\"", separator, keyword, QuotedConninfoValue(value));
    }
    const auto value_of = [&](std::string_view keyword, std::string_view fallback) {
        const auto found = given.find(keyword);
        return found == given.end() ? std::string(fallback) : found->second;
    };
    const std::string host = value_of("host", value_of("hostaddr", "localhost"));
    result.server = fmt::format("{}:{}", host, value_of("port", "5432"));
    result.timeout_s = value_of("connect_timeout", "10");
    return result;
}

void CreatePrivateFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
    } else if (errno != EEXIST) {
        throw DatabaseError(fmt::format("Cannot create {}: {}", path, std::strerror(errno)));
    }
}

void SyncToDisk(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw DatabaseError(fmt::format("Cannot write {} to disk: {}", path, std::strerror(error)));
    }
    ::close(fd);
}

std::unique_ptr<Connection> ConnectSqlite(const ConnectionTarget& target) {
    if (target.sqlite_path != ":memory:") {
        const auto parent = std::filesystem::path(target.sqlite_path).parent_path();
        if (!parent.empty() && !std::filesystem::is_directory(parent)) {
            throw DatabaseError(fmt::format("Cannot open {}: the folder {} does not exist.",
                                            target.sqlite_path, parent.string()));
        }
        CreatePrivateFile(target.sqlite_path);
    }
    auto session = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                   SociSqliteConnectString(target.sqlite_path));
    ApplySqliteSettings(*session);
    CheckSqliteApplicationId(*session, target.display);
    return std::make_unique<Connection>(std::move(session));
}

std::unique_ptr<Connection> ConnectPostgresql(const ConnectionTarget& target) {
    const PostgresqlConnectString connect = PostgresqlConnectKeywords(target.postgresql_conninfo);
    std::unique_ptr<soci::session> session;
    try {
        session = std::make_unique<soci::session>(*soci::factory_postgresql(), connect.for_soci);
    } catch (const soci::soci_error& error) {
        const std::string reason = error.get_error_message();
        if (IsLoginRefused(reason)) {
            throw LoginRefusedError(fmt::format(
                "The server at {} refused the sign-in: wrong username or password, or the "
                "account is turned off.",
                connect.server));
        }
        throw DatabaseError(fmt::format("Cannot open the database {}: {}", target.display,
                                        PostgresqlConnectFailure(connect, reason)));
    }
    // Quiet the NOTICEs PostgreSQL sends for IF NOT EXISTS; errors still come through.
    *session << "SET client_min_messages = WARNING";
    return std::make_unique<Connection>(std::move(session));
}

}  // namespace myodesk::db::detail
