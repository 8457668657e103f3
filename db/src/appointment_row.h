#pragma once

// The `appointments` row as SOCI binds it (AppointmentRepository writes and reads it).

#include "row_binding.h"

#include <myodesk/core/appointment.h>

#include <optional>
#include <string>

namespace myodesk::db::detail {

inline constexpr StoredValues kStoredAppointment{"appointment"};

// Ids are std::int64_t in core and long long in SOCI's binds.
template <typename Id>
std::optional<long long> Widen(const std::optional<Id>& id) {
    return id ? std::optional<long long>(*id) : std::nullopt;
}

struct AppointmentRow {
    long long id = 0;
    long long client_id = 0;
    long long therapist_id = 0;
    std::string session_date;
    int start_minute = 0;
    int duration_min = 0;
    Nullable<long long> room_id;
    Nullable<long long> service_id;
    std::string notes;
    std::string status = "booked";
    Nullable<std::string> status_changed_at;
    Nullable<long long> status_changed_by;
    std::string cancel_reason;
    Nullable<long long> plan_id;
    Nullable<int> plan_session;
    Nullable<long long> series_id;
    Nullable<std::string> occurrence_date;
    std::string created_at;
    std::string flag_override;
    int version = 1;

    static AppointmentRow From(const core::Appointment& appointment) {
        AppointmentRow row;
        row.id = appointment.id;
        row.client_id = appointment.client_id;
        row.therapist_id = appointment.therapist_id;
        row.session_date = core::FormatIsoDate(appointment.date);
        row.start_minute = appointment.start_minute;
        row.duration_min = appointment.duration_min;
        row.room_id.Set(Widen(appointment.room_id));
        row.service_id.Set(Widen(appointment.service_id));
        row.notes = appointment.notes;
        row.status = Code(appointment.status);
        row.status_changed_at.Set(appointment.status_changed_at.empty()
                                      ? std::nullopt
                                      : std::optional<std::string>(appointment.status_changed_at));
        row.status_changed_by.Set(Widen(appointment.status_changed_by));
        row.cancel_reason = appointment.cancel_reason;
        row.plan_id.Set(Widen(appointment.plan_id));
        row.plan_session.Set(appointment.plan_session);
        row.series_id.Set(Widen(appointment.series_id));
        row.occurrence_date.Set(OptionalDate(appointment.occurrence_date));
        row.created_at = appointment.created_at;
        row.flag_override = appointment.flag_override;
        row.version = appointment.version;
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
        appointment.room_id = room_id.Get();
        appointment.service_id = service_id.Get();
        appointment.notes = notes;
        appointment.status = kStoredAppointment.Code<core::AppointmentStatus>(
            status, "appointments.status", core::AppointmentStatusFromCode);
        appointment.status_changed_at = status_changed_at.Get().value_or("");
        appointment.status_changed_by = status_changed_by.Get();
        appointment.cancel_reason = cancel_reason;
        appointment.plan_id = plan_id.Get();
        appointment.plan_session = plan_session.Get();
        appointment.series_id = series_id.Get();
        if (const auto day = occurrence_date.Get()) {
            appointment.occurrence_date =
                kStoredAppointment.Date(*day, "appointments.occurrence_date");
        }
        appointment.created_at = created_at;
        appointment.flag_override = flag_override;
        appointment.version = version;
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
    visit("room_id", row.room_id);
    visit("service_id", row.service_id);
    visit("notes", row.notes);
    visit("status", row.status);
    visit("status_changed_at", row.status_changed_at);
    visit("status_changed_by", row.status_changed_by);
    visit("cancel_reason", row.cancel_reason);
    visit("plan_id", row.plan_id);
    visit("plan_session", row.plan_session);
    visit("series_id", row.series_id);
    visit("occurrence_date", row.occurrence_date);
    visit("created_at", row.created_at);
    visit("flag_override", row.flag_override);
    visit("version", row.version);
}

}  // namespace myodesk::db::detail
