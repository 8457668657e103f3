#include "raw_book.h"

#include "intake_lists_sql.h"

#include <myodesk/core/codes.h>
#include <myodesk/core/session_slot.h>
#include <myodesk/db/clock.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace myodesk::bench {

namespace {

constexpr std::string_view kAppointmentColumns =
    "a.id, a.client_id, a.therapist_id, a.session_date, a.start_minute, a.duration_min, "
    "a.room_id, a.service_id, a.notes, a.status, a.status_changed_at, a.status_changed_by, "
    "a.cancel_reason, a.plan_id, a.plan_session, a.series_id, a.occurrence_date, a.created_at, "
    "a.flag_override, a.version";

constexpr std::string_view kSeriesColumns =
    "id, client_id, therapist_id, first_date, start_minute, duration_min, room_id, service_id, "
    "notes, flag_override, every_weeks, until_date, occurrence_count, last_date, created_at";

// The appointments with the names the book shows; `where` is over `a`.
std::string AppointmentsSql(std::string_view where) {
    return fmt::format(
        "SELECT {}, c.given_name, c.family_name, c.preferred_name, COALESCE(r.name, ''), "
        "COALESCE(s.name, '') FROM appointments a JOIN clients c ON c.id = a.client_id LEFT JOIN "
        "rooms r ON r.id = a.room_id LEFT JOIN services s ON s.id = a.service_id WHERE {} "
        "ORDER BY a.session_date, a.start_minute, a.id",
        kAppointmentColumns, where);
}

// Copies every row out as the book would keep it, and notes each client once.
std::size_t ReadAppointments(RawStmt& statement, std::vector<std::int64_t>& clients) {
    std::size_t rows = 0;
    std::vector<std::string> texts;
    while (statement.Step()) {
        clients.push_back(statement.Int64(1));
        for (const int column : {3, 8, 9, 10, 12, 17, 18, 20, 21, 22, 23, 24}) {
            texts.emplace_back(statement.Text(column));
        }
        ++rows;
    }
    static volatile std::size_t sink = 0;
    sink = sink + texts.size();
    std::sort(clients.begin(), clients.end());
    clients.erase(std::unique(clients.begin(), clients.end()), clients.end());
    return rows;
}

// The screening settings, and each client's newest intake with its six lists, as
// IntakeRepository::Newest reads it (its id, its row, its lists), the statements prepared once.
std::size_t ReadIntakes(RawDb& db, const std::vector<std::int64_t>& clients) {
    RawStmt settings(db, "SELECT key, value FROM clinic_settings");
    std::size_t rows = settings.ReadRows();
    RawStmt newest(db,
                   "SELECT id FROM intakes WHERE client_id = :client_id ORDER BY taken_on DESC, "
                   "id DESC LIMIT 1");
    RawStmt intake(db,
                   "SELECT id, client_id, taken_on, pregnant, pregnancy_weeks, allergies, "
                   "goal_race_name, goal_race_date, goal_race_distance_km, goal, units, "
                   "runs_per_week, long_run_weekday, weekly_distance_km, longest_run_30d_km, "
                   "preference_pressure, preference_notes, consent_accepted, "
                   "consent_signed_name, consent_signed_on, created_at FROM intakes WHERE id = "
                   ":id");
    RawStmt lists(db, db::detail::IntakeListsSql());
    for (const std::int64_t client : clients) {
        newest.Reset();
        newest.Bind(1, client);
        if (!newest.Step()) {
            continue;
        }
        const std::int64_t id = newest.Int64(0);
        intake.Reset();
        intake.Bind(1, id);
        rows += intake.ReadRows();
        lists.Reset();
        for (int i = 1; i <= 6; ++i) {
            lists.Bind(i, id);
        }
        rows += lists.ReadRows();
    }
    return rows;
}

std::size_t ReadAll(RawDb& db, std::string_view sql) {
    RawStmt statement(db, sql);
    return statement.ReadRows();
}

}  // namespace

std::size_t RawDay(RawDb& db, const core::Date& date) {
    const std::string day = core::FormatIsoDate(date);
    const std::string_view weekday =
        core::ToCode(static_cast<core::Weekday>(core::IsoWeekdayIndex(date)));
    std::size_t rows =
        ReadAll(db, "SELECT id, name, role, active FROM staff ORDER BY sort_name, id");
    rows += ReadAll(db,
                    "SELECT weekday, start_minute, end_minute FROM clinic_hours ORDER BY weekday, "
                    "position");
    {
        RawStmt hours(db,
                      "SELECT staff_id, start_minute, end_minute FROM staff_hours WHERE weekday = "
                      ":weekday ORDER BY staff_id, position");
        hours.Bind(1, weekday);
        rows += hours.ReadRows();
        RawStmt off(db,
                    "SELECT id, staff_id, from_date, to_date FROM days_off WHERE to_date >= "
                    ":first AND from_date <= :last ORDER BY from_date, id");
        off.Bind(1, day).Bind(2, day);
        rows += off.ReadRows();
    }
    std::vector<std::int64_t> clients;
    {
        RawStmt appointments(db, AppointmentsSql("a.session_date = :day"));
        appointments.Bind(1, day);
        rows += ReadAppointments(appointments, clients);
        RawStmt series(db, fmt::format("SELECT {} FROM appointment_series WHERE first_date <= "
                                       ":to_date AND last_date >= :from_date ORDER BY id",
                                       kSeriesColumns));
        series.Bind(1, day).Bind(2, day);
        rows += series.ReadRows();
    }
    return rows + ReadIntakes(db, clients);
}

std::size_t RawWeek(RawDb& db, core::StaffId therapist, const core::Date& first) {
    const std::string from = core::FormatIsoDate(first);
    const std::string to = core::FormatIsoDate(core::AddDays(first, 6));
    std::size_t rows = 0;
    {
        RawStmt member(db, "SELECT id, name, role, active FROM staff WHERE id = :id");
        member.Bind(1, therapist);
        rows += member.ReadRows();
        rows += ReadAll(db,
                        "SELECT weekday, start_minute, end_minute FROM clinic_hours ORDER BY "
                        "weekday, position");
        RawStmt hours(db,
                      "SELECT weekday, start_minute, end_minute FROM staff_hours WHERE staff_id "
                      "= :staff_id ORDER BY weekday, position");
        hours.Bind(1, therapist);
        rows += hours.ReadRows();
        RawStmt off(db,
                    "SELECT id, staff_id, from_date, to_date FROM days_off WHERE (staff_id IS "
                    "NULL OR staff_id = :staff_id) AND to_date >= :first AND from_date <= :last "
                    "ORDER BY from_date, id");
        off.Bind(1, therapist).Bind(2, from).Bind(3, to);
        rows += off.ReadRows();
    }
    std::vector<std::int64_t> clients;
    {
        RawStmt appointments(db, AppointmentsSql("a.therapist_id = :therapist_id AND "
                                                 "a.session_date >= :from_date AND "
                                                 "a.session_date <= :to_date"));
        appointments.Bind(1, therapist).Bind(2, from).Bind(3, to);
        rows += ReadAppointments(appointments, clients);
        RawStmt series(db, fmt::format("SELECT {} FROM appointment_series WHERE first_date <= "
                                       ":to_date AND last_date >= :from_date AND therapist_id = "
                                       ":therapist_id ORDER BY id",
                                       kSeriesColumns));
        series.Bind(1, to).Bind(2, from).Bind(3, therapist);
        rows += series.ReadRows();
    }
    return rows + ReadIntakes(db, clients);
}

namespace {

// Throws unless the statement finds a row (the client, the therapist, the room, the service).
void Require(RawDb& db, std::string_view sql, std::int64_t id, int* value = nullptr) {
    RawStmt statement(db, sql);
    statement.Bind(1, id);
    if (!statement.Step()) {
        throw std::runtime_error(fmt::format("raw booking: no row for {}", id));
    }
    if (value != nullptr) {
        *value = statement.Int(0);
    }
}

// The day's sessions of the therapist, the client or the room (the SQL of db's clash check:
// notes, appointments holding their slot); refuses a clash as core::WhyClashes finds it.
void CheckNoClash(RawDb& db, const core::SessionSlot& wanted) {
    const std::string day = core::FormatIsoDate(wanted.date);
    for (const bool notes : {true, false}) {
        RawStmt statement(
            db, fmt::format(
                    "SELECT t.id, t.start_minute, t.duration_min, t.therapist_id, t.client_id, "
                    "s.name, c.given_name, c.family_name, c.preferred_name, {room} FROM {table} "
                    "t JOIN staff s ON s.id = t.therapist_id JOIN clients c ON c.id = "
                    "t.client_id {join_room} WHERE t.session_date = :session_date AND "
                    "{held}(t.therapist_id = :therapist_id OR t.client_id = :client_id OR "
                    "{in_room}) ORDER BY t.start_minute, t.id",
                    fmt::arg("table", notes ? "session_notes" : "appointments"),
                    fmt::arg("room", notes ? "CAST(NULL AS BIGINT), '', 0"
                                           : "t.room_id, COALESCE(r.name, ''), "
                                             "COALESCE(r.changeover_min, 0)"),
                    fmt::arg("join_room", notes ? "" : "LEFT JOIN rooms r ON r.id = t.room_id"),
                    fmt::arg("held", notes ? ""
                                           : "t.status NOT IN ('cancelled', 'late_cancelled') "
                                             "AND "),
                    fmt::arg("in_room", notes ? ":room_id < 0" : "t.room_id = :room_id")));
        statement.Bind(1, day)
            .Bind(2, wanted.therapist_id)
            .Bind(3, wanted.client_id)
            .Bind(4, wanted.room_id.value_or(0));
        std::vector<std::string> names;
        while (statement.Step()) {
            core::SessionSlot other;
            other.kind = notes ? core::SessionKind::kNote : core::SessionKind::kAppointment;
            other.id = statement.Int64(0);
            other.date = wanted.date;
            other.start_minute = statement.Int(1);
            other.duration_min = statement.Int(2);
            other.therapist_id = statement.Int64(3);
            other.client_id = statement.Int64(4);
            if (!statement.IsNull(9)) {
                other.room_id = statement.Int64(9);
            }
            other.room_changeover_min = statement.Int(11);
            for (const int column : {5, 6, 7, 8, 10}) {
                names.emplace_back(statement.Text(column));
            }
            if (core::WhyClashes(wanted, other)) {
                throw std::runtime_error(fmt::format("raw booking: clashes with {}", other.id));
            }
        }
    }
    // The series alive that day with an occurrence not stored: this book has none, so the
    // rows are read and not expanded into occurrences.
    RawStmt series(db,
                   "SELECT s.id, s.first_date, s.start_minute, s.duration_min, s.every_weeks, "
                   "s.until_date, s.occurrence_count, st.name, c.given_name, c.family_name, "
                   "c.preferred_name, COALESCE(r.name, ''), COALESCE(r.changeover_min, 0) FROM "
                   "appointment_series s JOIN staff st ON st.id = s.therapist_id JOIN clients c "
                   "ON c.id = s.client_id LEFT JOIN rooms r ON r.id = s.room_id WHERE "
                   "s.first_date <= :day AND s.last_date >= :day_alive AND (s.therapist_id = "
                   ":therapist_id OR s.client_id = :client_id OR s.room_id = :room_id) AND NOT "
                   "EXISTS (SELECT 1 FROM appointments a WHERE a.series_id = s.id AND "
                   "a.occurrence_date = :day_stored) ORDER BY s.start_minute, s.id");
    series.Bind(1, day)
        .Bind(2, day)
        .Bind(3, wanted.therapist_id)
        .Bind(4, wanted.client_id)
        .Bind(5, wanted.room_id.value_or(0))
        .Bind(6, day);
    if (series.ReadRows() != 0) {
        throw std::logic_error("raw booking: the book was not to have series");
    }
}

}  // namespace

void RawBook(RawDb& db, const core::Appointment& appointment) {
    const std::string day = core::FormatIsoDate(appointment.date);
    // The flags that day, and the hours.
    ReadIntakes(db, {appointment.client_id});
    ReadAll(db,
            "SELECT weekday, start_minute, end_minute FROM clinic_hours ORDER BY weekday, "
            "position");
    {
        RawStmt hours(db,
                      "SELECT weekday, start_minute, end_minute FROM staff_hours WHERE staff_id "
                      "= :staff_id ORDER BY weekday, position");
        hours.Bind(1, appointment.therapist_id);
        hours.ReadRows();
        RawStmt off(db,
                    "SELECT id, staff_id, from_date, to_date FROM days_off WHERE (staff_id IS "
                    "NULL OR staff_id = :staff_id) AND to_date >= :first AND from_date <= :last "
                    "ORDER BY from_date, id");
        off.Bind(1, appointment.therapist_id).Bind(2, day).Bind(3, day);
        off.ReadRows();
    }
    db.Exec("BEGIN IMMEDIATE");
    try {
        int changeover = 0;
        Require(db, "SELECT id FROM clients WHERE id = :id", appointment.client_id);
        Require(db, "SELECT id FROM staff WHERE id = :id", appointment.therapist_id);
        if (appointment.room_id) {
            Require(db, "SELECT changeover_min FROM rooms WHERE id = :id", *appointment.room_id,
                    &changeover);
        }
        if (appointment.service_id) {
            Require(db, "SELECT id FROM services WHERE id = :id", *appointment.service_id);
        }
        core::SessionSlot wanted;
        wanted.kind = core::SessionKind::kAppointment;
        wanted.date = appointment.date;
        wanted.start_minute = appointment.start_minute;
        wanted.duration_min = appointment.duration_min;
        wanted.therapist_id = appointment.therapist_id;
        wanted.client_id = appointment.client_id;
        wanted.room_id = appointment.room_id;
        wanted.room_changeover_min = changeover;
        CheckNoClash(db, wanted);
        RawStmt insert(db,
                       "INSERT INTO appointments (client_id, therapist_id, session_date, "
                       "start_minute, duration_min, room_id, service_id, notes, status, "
                       "status_changed_at, status_changed_by, cancel_reason, plan_id, "
                       "plan_session, series_id, occurrence_date, created_at, flag_override, "
                       "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', NULL, NULL, '', NULL, "
                       "NULL, NULL, NULL, ?, ?, 1) RETURNING id");
        insert.Bind(1, appointment.client_id)
            .Bind(2, appointment.therapist_id)
            .Bind(3, day)
            .Bind(4, appointment.start_minute)
            .Bind(5, appointment.duration_min)
            .Bind(6, appointment.room_id)
            .Bind(7, appointment.service_id)
            .Bind(8, appointment.notes)
            .Bind(9, db::UtcTimestamp(db::SystemNow()))
            .Bind(10, appointment.flag_override);
        if (!insert.Step() || insert.Int64(0) <= 0) {
            throw std::runtime_error("raw booking: no id");
        }
        insert.Reset();
        db.Exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db.Handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

}  // namespace myodesk::bench
