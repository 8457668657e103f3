#include "appointment_row.h"
#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

namespace myodesk::db {

namespace {

using core::Appointment;
using detail::AppointmentRow;

bool TimesOverlap(int start_a, int duration_a, int start_b, int duration_b) {
    return start_a < start_b + duration_b && start_b < start_a + duration_a;
}

// Refuses an appointment that overlaps another appointment or a session note of the same
// therapist on that date. The caller holds the therapist's row, so two desks cannot both pass
// this check for the same time.
void CheckOverlap(soci::session& session, const Appointment& appointment) {
    long long therapist_id = appointment.therapist_id;
    std::string session_date = core::FormatIsoDate(appointment.date);
    for (const char* table : {"appointments", "session_notes"}) {
        int start_minute = 0, duration_min = 0;
        soci::statement statement = detail::OneCallStatement(
            session,
            fmt::format("SELECT start_minute, duration_min FROM {} WHERE "
                        "therapist_id = :therapist_id AND session_date = "
                        ":session_date",
                        table),
            soci::into(start_minute), soci::into(duration_min),
            soci::use(therapist_id, "therapist_id"), soci::use(session_date, "session_date"));
        statement.execute(false);
        while (statement.fetch()) {
            if (TimesOverlap(appointment.start_minute, appointment.duration_min, start_minute,
                             duration_min)) {
                throw ValidationError({{"start_time", core::ProblemCode::kOverlaps}});
            }
        }
    }
}

}  // namespace

AppointmentRepository::AppointmentRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::AppointmentId AppointmentRepository::Book(Appointment& appointment, const core::Date& today) {
    auto problems = core::ValidateAppointment(appointment, today);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    return Guard("book the appointment", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        detail::RequireClient(session, appointment.client_id);
        detail::RequireStaff(session, appointment.therapist_id,
                             m_database.GetDialect().lock_selected_rows);
        CheckOverlap(session, appointment);
        AppointmentRow row = AppointmentRow::From(appointment);
        row.created_at = UtcTimestamp(m_clock());
        const long long id = detail::InsertRow(session, "appointments", row);
        transaction.Commit();
        appointment.id = id;
        appointment.created_at = row.created_at;
        return appointment.id;
    });
}

std::vector<Appointment> AppointmentRepository::ForClient(core::ClientId client,
                                                          const core::Date& from) {
    return Guard("list the appointments", [&] {
        long long client_id = client;
        const std::string from_date = core::FormatIsoDate(from);
        AppointmentRow row;
        soci::statement statement(SociSession(m_database));
        statement.exchange(soci::into(row.id));
        VisitColumns(row, [&](const char*, auto& field) { detail::Into(statement, field); });
        statement.exchange(soci::use(client_id, "client_id"));
        statement.exchange(soci::use(from_date, "from_date"));
        statement.alloc();
        detail::PrepareForOneCall(
            statement,
            fmt::format(
                "SELECT id, {} FROM appointments WHERE client_id = :client_id AND session_date >= "
                ":from_date ORDER BY session_date, start_minute, id",
                fmt::join(detail::ColumnNames<AppointmentRow>(), ", ")));
        statement.define_and_bind();
        statement.execute(false);
        std::vector<Appointment> appointments;
        while (statement.fetch()) {
            appointments.push_back(row.ToAppointment());
        }
        return appointments;
    });
}

void AppointmentRepository::FollowPlanSession(core::AppointmentId id, core::PlanId plan,
                                              int position) {
    Guard("move the appointment with its planned session", [&] {
        long long appointment_id = id;
        long long plan_id = plan;
        SociSession(m_database) << "UPDATE appointments SET plan_session = :position WHERE id = "
                                   ":appointment_id AND plan_id = :plan_id",
            soci::use(position, "position"), soci::use(appointment_id, "appointment_id"),
            soci::use(plan_id, "plan_id");
    });
}

}  // namespace myodesk::db
