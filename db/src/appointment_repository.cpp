#include "appointment_row.h"
#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "session_clash_check.h"
#include "soci_session.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

namespace myodesk::db {

namespace {

using core::Appointment;
using detail::AppointmentRow;

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
        const std::string_view lock = m_database.GetDialect().lock_selected_rows;
        detail::RequireClient(session, appointment.client_id, lock);
        detail::RequireStaff(session, appointment.therapist_id, lock);
        detail::CheckNoClash(
            session,
            core::SessionSlot{core::SessionKind::kAppointment, appointment.id, appointment.date,
                              appointment.start_minute, appointment.duration_min,
                              appointment.therapist_id, appointment.client_id});
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
