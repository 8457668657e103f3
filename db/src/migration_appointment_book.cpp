// Version 9: the appointment book of issue 16. Its own file, as the largest step since the
// first ones; the list of steps stays in migrations.cpp.

#include "migration_steps.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <string_view>

namespace myodesk::db {

namespace {

constexpr std::string_view kWeekdays =
    "'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'";

// Rows of one weekly pattern: up to four ranges a weekday (position 0-3), or one row without
// times saying the day is closed. A weekday without rows is not set: the clinic's is then open
// all day (nothing is checked) and a therapist's follows the clinic's.
std::string HoursColumns() {
    return fmt::format(R"(
            weekday TEXT NOT NULL CHECK (weekday IN ({weekdays})),
            position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 3),
            start_minute INTEGER NULL,
            end_minute INTEGER NULL,
            CHECK ((start_minute IS NULL) = (end_minute IS NULL)),
            CHECK (start_minute IS NULL OR (start_minute >= 0 AND end_minute <= 1440
                   AND end_minute > start_minute)),
            CHECK (start_minute IS NOT NULL OR position = 0))",
                       fmt::arg("weekdays", kWeekdays));
}

void CreateRoomsAndServices(soci::session& session, const Dialect& dialect) {
    session << fmt::format(R"(
        CREATE TABLE rooms (
            id {pk},
            name TEXT NOT NULL,
            sort_name {bytes} NOT NULL,
            changeover_min INTEGER NOT NULL DEFAULT 0 CHECK (changeover_min BETWEEN 0 AND 120),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key),
                           fmt::arg("bytes", dialect.byte_ordered_text));
    session << fmt::format(R"(
        CREATE TABLE services (
            id {pk},
            name TEXT NOT NULL,
            sort_name {bytes} NOT NULL,
            duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 15 AND 240),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key),
                           fmt::arg("bytes", dialect.byte_ordered_text));
}

void CreateHours(soci::session& session, const Dialect& dialect) {
    session << fmt::format(R"(
        CREATE TABLE clinic_hours ({columns},
            PRIMARY KEY (weekday, position)
        ))",
                           fmt::arg("columns", HoursColumns()));
    session << fmt::format(R"(
        CREATE TABLE staff_hours (
            staff_id BIGINT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,{columns},
            PRIMARY KEY (staff_id, weekday, position)
        ))",
                           fmt::arg("columns", HoursColumns()));
    // Days off of one therapist, or of the whole clinic (a public holiday) when staff_id is
    // NULL; both days included.
    session << fmt::format(R"(
        CREATE TABLE days_off (
            id {pk},
            staff_id BIGINT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            from_date TEXT NOT NULL,
            to_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            CHECK (to_date >= from_date)
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    session << "CREATE INDEX days_off_by_staff ON days_off (staff_id, to_date)";
}

// A series is its rule plus the appointment it repeats; only the occurrences something
// happened to (a status, a move, "this one" changed) are rows of `appointments`, which name
// the series and the day they stand for. `last_date` is the last day an occurrence can fall
// on (from the until date or the count), so the book reads the series alive on its days
// through an index, however long they run.
void CreateSeries(soci::session& session, const Dialect& dialect) {
    session << fmt::format(R"(
        CREATE TABLE appointment_series (
            id {pk},
            client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            therapist_id BIGINT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            first_date TEXT NOT NULL,
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            duration_min INTEGER NOT NULL CHECK (duration_min > 0),
            room_id BIGINT NULL REFERENCES rooms (id) ON DELETE RESTRICT,
            service_id BIGINT NULL REFERENCES services (id) ON DELETE RESTRICT,
            notes TEXT NOT NULL DEFAULT '',
            flag_override TEXT NOT NULL DEFAULT '',
            every_weeks INTEGER NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
            until_date TEXT NULL,
            occurrence_count INTEGER NULL CHECK (occurrence_count BETWEEN 1 AND 520),
            last_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            CHECK ((until_date IS NULL) <> (occurrence_count IS NULL)),
            CHECK (last_date >= first_date)
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    session << "CREATE INDEX appointment_series_by_therapist ON appointment_series "
               "(therapist_id, last_date)";
    session << "CREATE INDEX appointment_series_by_client ON appointment_series "
               "(client_id, last_date)";
    session << "CREATE INDEX appointment_series_by_last_date ON appointment_series (last_date)";
}

// The appointment's new columns. SQLite cannot add a table constraint to an existing table,
// so the rule across two columns is the new column's own CHECK there, and a table constraint
// in PostgreSQL.
void ExtendAppointments(soci::session& session, const Dialect& dialect) {
    session << "ALTER TABLE appointments ADD COLUMN room_id BIGINT NULL "
               "REFERENCES rooms (id) ON DELETE RESTRICT";
    session << "ALTER TABLE appointments ADD COLUMN service_id BIGINT NULL "
               "REFERENCES services (id) ON DELETE RESTRICT";
    session << "ALTER TABLE appointments ADD COLUMN notes TEXT NOT NULL DEFAULT ''";
    session << "ALTER TABLE appointments ADD COLUMN status TEXT NOT NULL DEFAULT 'booked' "
               "CHECK (status IN ('booked', 'arrived', 'completed', 'no_show', 'cancelled', "
               "'late_cancelled'))";
    session << "ALTER TABLE appointments ADD COLUMN status_changed_at TEXT NULL";
    session << "ALTER TABLE appointments ADD COLUMN status_changed_by BIGINT NULL "
               "REFERENCES staff (id) ON DELETE RESTRICT";
    session << "ALTER TABLE appointments ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''";
    session << "ALTER TABLE appointments ADD COLUMN series_id BIGINT NULL "
               "REFERENCES appointment_series (id) ON DELETE RESTRICT";
    constexpr std::string_view kSeriesDay =
        "CHECK ((occurrence_date IS NULL) = (series_id IS NULL))";
    if (dialect.backend == Backend::kPostgresql) {
        session << "ALTER TABLE appointments ADD COLUMN occurrence_date TEXT NULL";
        session << fmt::format("ALTER TABLE appointments ADD CONSTRAINT appointment_series_day {}",
                               kSeriesDay);
    } else {
        session << fmt::format("ALTER TABLE appointments ADD COLUMN occurrence_date TEXT NULL {}",
                               kSeriesDay);
    }
    session << "ALTER TABLE appointments ADD COLUMN version INTEGER NOT NULL DEFAULT 1";
    // One row per day of a series: two desks changing the same occurrence cannot both add it.
    session << "CREATE UNIQUE INDEX appointments_by_series ON appointments "
               "(series_id, occurrence_date)";
    // The day view of the whole clinic, and a room's day (the room's overlap check).
    session << "CREATE INDEX appointments_by_date ON appointments (session_date, start_minute)";
    session << "CREATE INDEX appointments_by_room ON appointments (room_id, session_date)";
}

// The note written for an appointment points at it. Notes written before this step are linked
// to the appointment of the same client, therapist and day, which is then completed.
void LinkNotesToAppointments(soci::session& session) {
    session << "ALTER TABLE session_notes ADD COLUMN appointment_id BIGINT NULL "
               "REFERENCES appointments (id) ON DELETE RESTRICT";
    session << "UPDATE session_notes SET appointment_id = (SELECT MIN(a.id) FROM appointments a "
               "WHERE a.client_id = session_notes.client_id AND a.therapist_id = "
               "session_notes.therapist_id AND a.session_date = session_notes.session_date)";
    session << "UPDATE appointments SET status = 'completed' WHERE id IN "
               "(SELECT appointment_id FROM session_notes WHERE appointment_id IS NOT NULL)";
    session << "CREATE INDEX session_notes_by_appointment ON session_notes (appointment_id)";
}

}  // namespace

void CreateAppointmentBook(soci::session& session, const Dialect& dialect) {
    CreateRoomsAndServices(session, dialect);
    CreateHours(session, dialect);
    CreateSeries(session, dialect);
    ExtendAppointments(session, dialect);
    LinkNotesToAppointments(session);
}

// Version 10: a plan session whose appointment was cancelled or not attended is `missed`.
// PostgreSQL names a column's CHECK <table>_<column>_check; SQLite cannot change a CHECK in
// place, so its table is rebuilt (nothing refers to plan_sessions).
void AllowMissedPlanSessions(soci::session& session, const Dialect& dialect) {
    constexpr std::string_view kStatuses =
        "CHECK (status IN ('planned', 'booked', 'skipped', 'missed'))";
    if (dialect.backend == Backend::kPostgresql) {
        session << "ALTER TABLE plan_sessions DROP CONSTRAINT plan_sessions_status_check";
        session << fmt::format("ALTER TABLE plan_sessions ADD CONSTRAINT plan_session_status {}",
                               kStatuses);
        return;
    }
    session << fmt::format(R"(
        CREATE TABLE plan_sessions_v10 (
            plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            session_date TEXT NOT NULL,
            phase TEXT NOT NULL,
            status TEXT NOT NULL {statuses},
            appointment_id BIGINT NULL REFERENCES appointments (id) ON DELETE RESTRICT,
            PRIMARY KEY (plan_id, position)
        ))",
                           fmt::arg("statuses", kStatuses));
    session << "INSERT INTO plan_sessions_v10 (plan_id, position, session_date, phase, status, "
               "appointment_id) SELECT plan_id, position, session_date, phase, status, "
               "appointment_id FROM plan_sessions";
    session << "DROP TABLE plan_sessions";
    session << "ALTER TABLE plan_sessions_v10 RENAME TO plan_sessions";
    session << "CREATE INDEX plan_sessions_by_date ON plan_sessions (session_date)";
}

// Version 11: on PostgreSQL, every change to what the appointment book shows (appointments and
// series, plans, hours, days off, rooms, services, staff, clients and their intakes) notifies
// the channel kBookChangesChannel once per statement (the payload names the schema: the
// channel is the server's, shared by every schema), so the other desks' books re-read at once
// (db::ChangeWatcher LISTENs) instead of asking every second. SQLite needs nothing: a desk
// there polls PRAGMA data_version, which moves with any other connection's commit.
void NotifyBookChanges(soci::session& session, const Dialect& dialect) {
    if (dialect.backend != Backend::kPostgresql) {
        return;
    }
    session << fmt::format(R"(
        CREATE FUNCTION myodesk_notify_book_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{channel}', current_schema());
            RETURN NULL;
        END
        $$)",
                           fmt::arg("channel", kBookChangesChannel));
    for (const std::string_view table :
         {"appointments", "appointment_series", "plans", "plan_sessions", "clinic_hours",
          "staff_hours", "days_off", "rooms", "services", "staff", "clients", "intakes"}) {
        session << fmt::format(
            "CREATE TRIGGER {table}_notify_book AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION myodesk_notify_book_change()",
            fmt::arg("table", table));
    }
}

}  // namespace myodesk::db
