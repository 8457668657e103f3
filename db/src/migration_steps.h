#pragma once

// The schema steps themselves (internal: a step is SQL run on the SOCI session). Tests that
// step through the migrations, or add steps past the newest, use these too.

#include <myodesk/db/change_watcher.h>
#include <myodesk/db/dialect.h>
#include <myodesk/db/migrations.h>

#include <functional>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace myodesk::db {

// One numbered, append-only schema step. A step never changes once released: a later
// change to the schema is a new step.
struct Migration {
    int version;
    std::string_view description;
    std::function<void(soci::session&, const Dialect&)> apply;
};

// Every step this MyoDesk knows, in order (versions 1, 2, 3, ... without gaps).
const std::vector<Migration>& AllMigrations();

// Version 9 (migration_appointment_book.cpp): rooms, services, opening and working hours,
// days off, appointment series, and the appointment's status, room, service and notes.
void CreateAppointmentBook(soci::session& session, const Dialect& dialect);
// Version 10 (the same file): plan sessions may be `missed`.
void AllowMissedPlanSessions(soci::session& session, const Dialect& dialect);
// Version 11 (the same file): PostgreSQL notifies kBookChangesChannel when the book changes.
void NotifyBookChanges(soci::session& session, const Dialect& dialect);

// Version 12 (migration_accounts.cpp): staff accounts and roles, private notes, signed notes'
// content hashes, the audit log.
void CreateAccountsAndAuditLog(soci::session& session, const Dialect& dialect);
// Version 13 (migration_server_audit.cpp): on PostgreSQL, audit_append() and the triggers that
// log every change a staff login makes; nothing on SQLite.
void KeepAuditLogOnServer(soci::session& session, const Dialect& dialect);
// Version 14 (the same file): on PostgreSQL the owner's group reads every table and sequence,
// so the owner's login can back the practice up with pg_dump; nothing on SQLite.
void LetOwnerDumpPractice(soci::session& session, const Dialect& dialect);

// MigrateTo(database, target_version) with the given steps instead of AllMigrations().
MigrationResult MigrateTo(Database& database, int target_version,
                          const std::vector<Migration>& migrations);

}  // namespace myodesk::db
