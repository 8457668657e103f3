#include "backend_connections.h"
#include "guard.h"
#include "soci_session.h"

#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/server_accounts.h>

#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <sqlite3.h>

namespace myodesk::db {

Database::Database(std::unique_ptr<detail::Connection> connection, ConnectionTarget target)
    : m_connection(std::move(connection)), m_target(std::move(target)) {}
Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

namespace {

// The target with the login in place of its own user and password: `with_password` to connect,
// without it to keep (what is kept names the user, never the password).
ConnectionTarget LoggedInTarget(const ConnectionTarget& target, const ServerLogin& login,
                                bool with_password) {
    const detail::PostgresqlLogin keywords{login.user, with_password ? login.password : ""};
    ConnectionTarget result = target;
    result.postgresql_conninfo =
        detail::PostgresqlConnectKeywords(target.postgresql_conninfo, &keywords).keywords;
    return result;
}

}  // namespace

void Database::LogInAs(const ServerLogin& login) {
    if (m_target.backend != Backend::kPostgresql) {
        throw DatabaseError("Only a database server takes a sign-in of its own.");
    }
    if (m_transaction_depth > 0) {
        throw DatabaseError("Cannot sign in to the server in the middle of a change.");
    }
    auto connection = detail::ConnectPostgresql(LoggedInTarget(m_target, login, true));
    m_target = LoggedInTarget(m_target, login, false);
    m_connection = std::move(connection);
    ++m_connection_number;
}

detail::Connection& detail::ConnectionOf(Database& database) {
    return *database.m_connection;
}

bool detail::IsBusy(const soci::soci_error& error) {
    const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error);
    return sqlite != nullptr && (sqlite->result() & 0xff) == SQLITE_BUSY;
}

Transaction::Transaction(Database& database)
    : m_database(database), m_outermost(database.m_transaction_depth == 0) {
    if (m_outermost) {
        m_database.m_rollback_only = false;
        try {
            // SQLite: BEGIN IMMEDIATE takes the write lock first (waiting up to the busy
            // timeout), so a transaction that reads before it writes never finds the file
            // changed under it (which fails at once, without waiting).
            SociSession(m_database) << std::string(m_database.GetDialect().begin_transaction);
        } catch (const soci::soci_error& error) {
            if (detail::IsBusy(error)) {
                throw BusyError();
            }
            throw DatabaseError(
                fmt::format("Could not start a transaction: {}", error.get_error_message()));
        }
    }
    ++m_database.m_transaction_depth;
}

Transaction::~Transaction() {
    if (m_done) {
        return;
    }
    --m_database.m_transaction_depth;
    if (!m_outermost) {
        m_database.m_rollback_only = true;
        return;
    }
    try {
        SociSession(m_database) << "ROLLBACK";
    } catch (const soci::soci_error&) {
        // Nothing more can be done; the connection drops the transaction when it closes.
    }
}

void Transaction::Commit() {
    if (m_done) {
        return;
    }
    m_done = true;
    --m_database.m_transaction_depth;
    if (!m_outermost) {
        return;
    }
    if (m_database.m_rollback_only) {
        try {
            SociSession(m_database) << "ROLLBACK";
        } catch (const soci::soci_error&) {
            // Reported below either way: nothing was saved.
        }
        throw DatabaseError("A part of the change failed, so none of it was saved.");
    }
    try {
        SociSession(m_database) << "COMMIT";
    } catch (const soci::soci_error& error) {
        try {
            SociSession(m_database) << "ROLLBACK";  // a failed COMMIT may leave it open
        } catch (const soci::soci_error&) {
            // Already ended.
        }
        if (detail::IsBusy(error)) {
            throw BusyError();
        }
        throw DatabaseError(
            fmt::format("Could not save the change: {}", error.get_error_message()));
    }
}

Database OpenDatabase(std::string_view location, const OpenOptions& options) {
    ConnectionTarget target;
    try {
        target = ParseConnectionString(location);
    } catch (const std::invalid_argument& error) {
        throw DatabaseError(fmt::format("Bad database location: {}", error.what()));
    }
    std::unique_ptr<detail::Connection> connection;
    const bool log_in = options.login && target.backend == Backend::kPostgresql;
    try {
        connection = DialectFor(target.backend)
                         .connect(log_in ? LoggedInTarget(target, *options.login, true) : target);
        if (log_in) {
            target = LoggedInTarget(target, *options.login, false);
        }
    } catch (const soci::soci_error& error) {
        throw DatabaseError(fmt::format("Cannot open the database {}: {}", target.display,
                                        error.get_error_message()));
    }
    Database database(std::move(connection), std::move(target));
    if (options.migrate) {
        const MigrationResult migrated = Migrate(database);
        // An upgrade of a server that keeps the accounts: the groups' rights cover what it
        // added (the administrator runs it; a staff login cannot change the schema anyway).
        ServerAccounts server(database);
        if (migrated.from_version != migrated.to_version && migrated.from_version > 0 &&
            server.Enforced() && server.Installed()) {
            server.Install();
        }
    }
    return database;
}

}  // namespace myodesk::db
