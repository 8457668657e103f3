#include "guard.h"
#include "soci_session.h"

#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>

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
    try {
        connection = DialectFor(target.backend).connect(target);
    } catch (const soci::soci_error& error) {
        throw DatabaseError(fmt::format("Cannot open the database {}: {}", target.display,
                                        error.get_error_message()));
    }
    Database database(std::move(connection), std::move(target));
    if (options.migrate) {
        Migrate(database);
    }
    return database;
}

}  // namespace myodesk::db
