#include "soci_session.h"

#include <myodesk/db/change_watcher.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <string>

namespace myodesk::db {

namespace {

PGconn* PostgresqlConnection(Database& database) {
    auto* backend =
        static_cast<soci::postgresql_session_backend*>(SociSession(database).get_backend());
    return backend->conn_;
}

long long DataVersion(Database& database) {
    long long version = 0;
    SociSession(database) << "PRAGMA data_version", soci::into(version);
    return version;
}

}  // namespace

ChangeWatcher::ChangeWatcher(Database& database) : m_database(database) {
    Listen();
}

void ChangeWatcher::Listen() {
    m_connection_number = m_database.ConnectionNumber();
    try {
        if (m_database.GetDialect().backend == Backend::kPostgresql) {
            // The channel is a constant of ours, not outside input: LISTEN takes no parameter.
            SociSession(m_database) << fmt::format("LISTEN {}", kBookChangesChannel);
            SociSession(m_database) << "SELECT current_schema()", soci::into(m_schema);
        } else {
            m_data_version = DataVersion(m_database);
        }
    } catch (const soci::soci_error& error) {
        throw DatabaseError(
            fmt::format("Could not watch the database for changes: {}", error.get_error_message()));
    }
}

ChangeWatcher::~ChangeWatcher() {
    if (m_database.GetDialect().backend != Backend::kPostgresql) {
        return;
    }
    try {
        SociSession(m_database) << fmt::format("UNLISTEN {}", kBookChangesChannel);
    } catch (const soci::soci_error&) {
        // A connection already gone listens to nothing.
    }
}

bool ChangeWatcher::Changed() {
    if (m_connection_number != m_database.ConnectionNumber()) {
        // Someone signed in to the server anew: a new connection, listening from now on, and
        // anything may have changed meanwhile.
        Listen();
        return true;
    }
    if (m_database.GetDialect().backend != Backend::kPostgresql) {
        long long version = 0;
        try {
            version = DataVersion(m_database);
        } catch (const soci::soci_error& error) {
            throw DatabaseError(
                fmt::format("Could not look for changes: {}", error.get_error_message()));
        }
        const bool changed = version != m_data_version;
        m_data_version = version;
        return changed;
    }
    PGconn* connection = PostgresqlConnection(m_database);
    if (PQconsumeInput(connection) == 0) {
        throw DatabaseError(
            fmt::format("Could not look for changes: {}", PQerrorMessage(connection)));
    }
    const int own = PQbackendPID(connection);
    bool changed = false;
    while (PGnotify* notice = PQnotifies(connection)) {
        // This desk's own changes do not count, nor another database's (schema's).
        changed = changed || (notice->be_pid != own && m_schema == notice->extra);
        PQfreemem(notice);
    }
    return changed;
}

}  // namespace myodesk::db
