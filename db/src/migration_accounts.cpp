// Version 12: staff accounts, private notes, signed notes' content hashes and the audit log
// (issue 17). Its own file, as the appointment book's step is; the list stays in
// migrations.cpp.

#include "migration_steps.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <string_view>

namespace myodesk::db {

namespace {

constexpr std::string_view kRoles =
    "CHECK (role IN ('therapist', 'manager', 'owner', 'front_desk'))";

// PostgreSQL changes the role's CHECK in place (a column's CHECK is named
// <table>_<column>_check). SQLite cannot: the table is rebuilt. Notes, amendments,
// appointments and hours refer to staff, so the old table is dropped with the foreign keys
// deferred, and every row is back (same ids) before the transaction commits.
void AllowAccountRoles(soci::session& session, const Dialect& dialect) {
    if (dialect.backend == Backend::kPostgresql) {
        session << "ALTER TABLE staff DROP CONSTRAINT staff_role_check";
        session << fmt::format("ALTER TABLE staff ADD CONSTRAINT staff_role {}", kRoles);
        session << "ALTER TABLE staff ADD COLUMN username TEXT NULL";
        session << "ALTER TABLE staff ADD COLUMN password_hash TEXT NULL";
    } else {
        session << "PRAGMA defer_foreign_keys = ON";
        session << "CREATE TEMP TABLE staff_v12 AS SELECT id, name, sort_name, role, active, "
                   "created_at FROM staff";
        session << "DROP TABLE staff";
        session << fmt::format(R"(
            CREATE TABLE staff (
                id {pk},
                name TEXT NOT NULL,
                sort_name {bytes} NOT NULL DEFAULT '',
                role TEXT NOT NULL {roles},
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL,
                username TEXT NULL,
                password_hash TEXT NULL
            ))",
                               fmt::arg("pk", dialect.id_primary_key),
                               fmt::arg("bytes", dialect.byte_ordered_text),
                               fmt::arg("roles", kRoles));
        session << "INSERT INTO staff (id, name, sort_name, role, active, created_at) "
                   "SELECT id, name, sort_name, role, active, created_at FROM staff_v12";
        session << "DROP TABLE staff_v12";
        session << "CREATE INDEX staff_by_name ON staff (active, sort_name, id)";
    }
    // Sign-in finds the account by its name; two staff never share one.
    session << "CREATE UNIQUE INDEX staff_by_username ON staff (username)";
}

// A private note is read by its author and the owner only. A signed note keeps a hash of its
// content (db/src/content_hash.h), so a change made outside MyoDesk shows.
void AddNotePrivacyAndHash(soci::session& session) {
    session << "ALTER TABLE session_notes ADD COLUMN is_private INTEGER NOT NULL DEFAULT 0 "
               "CHECK (is_private IN (0, 1))";
    session << "ALTER TABLE session_notes ADD COLUMN content_hash TEXT NULL";
}

// Who did what, when, at which desk. Rows are only ever added. Each row's hash covers the row
// and the previous row's hash (a chain), so a row changed or deleted outside MyoDesk breaks
// it (`audit verify`). No foreign keys: the log outlives what it names.
void CreateAuditLog(soci::session& session, const Dialect& dialect) {
    session << fmt::format(R"(
        CREATE TABLE audit_log (
            id {pk},
            at TEXT NOT NULL,
            staff_id BIGINT NULL,
            username TEXT NOT NULL DEFAULT '',
            desk TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            client_id BIGINT NULL,
            record TEXT NOT NULL DEFAULT '',
            record_id BIGINT NULL,
            detail TEXT NOT NULL DEFAULT '',
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    // A client's access report and the viewer's filters read newest first by these.
    session << "CREATE INDEX audit_by_client ON audit_log (client_id, id)";
    session << "CREATE INDEX audit_by_staff ON audit_log (staff_id, id)";
    session << "CREATE INDEX audit_by_username ON audit_log (username, id)";
    session << "CREATE INDEX audit_by_time ON audit_log (at, id)";
}

}  // namespace

void CreateAccountsAndAuditLog(soci::session& session, const Dialect& dialect) {
    AllowAccountRoles(session, dialect);
    AddNotePrivacyAndHash(session);
    CreateAuditLog(session, dialect);
}

}  // namespace myodesk::db
