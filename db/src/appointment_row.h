#pragma once

// The `appointments` row as SOCI binds it (AppointmentRepository writes and reads it).

#include "row_binding.h"

#include <myodesk/core/appointment.h>

#include <optional>
#include <string>

namespace myodesk::db::detail {

inline constexpr StoredValues kStoredAppointment{"appointment"};

struct AppointmentRow {
    long long id = 0;
    long long client_id = 0;
    long long therapist_id = 0;
    std::string session_date;
    int start_minute = 0;
    int duration_min = 0;
    Nullable<long long> plan_id;
    Nullable<int> plan_session;
    std::string created_at;
    std::string flag_override;

    static AppointmentRow From(const core::Appointment& appointment) {
        AppointmentRow row;
        row.id = appointment.id;
        row.client_id = appointment.client_id;
        row.therapist_id = appointment.therapist_id;
        row.session_date = core::FormatIsoDate(appointment.date);
        row.start_minute = appointment.start_minute;
        row.duration_min = appointment.duration_min;
        row.plan_id.Set(appointment.plan_id ? std::optional<long long>(*appointment.plan_id)
                                            : std::nullopt);
        row.plan_session.Set(appointment.plan_session);
        row.created_at = appointment.created_at;
        row.flag_override = appointment.flag_override;
        return row;
    }

    core::Appointment ToAppointment() const {
        core::Appointment appointment;
        appointment.id = id;
        appointment.client_id = client_id;
        appointment.therapist_id = therapist_id;
        appointment.date = kStoredAppointment.Date(session_date, "appointments.session_date");
        appointment.start_minute = start_minute;
        appointment.duration_min = duration_min;
        if (const auto plan = plan_id.Get()) {
            appointment.plan_id = *plan;
        }
        appointment.plan_session = plan_session.Get();
        appointment.created_at = created_at;
        appointment.flag_override = flag_override;
        return appointment;
    }
};

// Every column of `appointments` but id, in one fixed order: the INSERT's names and binds and
// the SELECT's intos come from this one list.
template <typename Visit>
void VisitColumns(AppointmentRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("therapist_id", row.therapist_id);
    visit("session_date", row.session_date);
    visit("start_minute", row.start_minute);
    visit("duration_min", row.duration_min);
    visit("plan_id", row.plan_id);
    visit("plan_session", row.plan_session);
    visit("created_at", row.created_at);
    visit("flag_override", row.flag_override);
}

}  // namespace myodesk::db::detail
