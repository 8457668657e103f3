#include "appointment_json.h"

#include <myodesk/core/session_note.h>

namespace myodesk::app {

nlohmann::ordered_json AppointmentJson(const core::Appointment& appointment,
                                       const core::AppointmentRef& ref) {
    const auto or_null = [](const auto& value) {
        return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
    };
    const auto text_or_null = [](const std::string& text) {
        return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
    };
    return {{"id", appointment.id == 0 ? nlohmann::ordered_json()
                                       : nlohmann::ordered_json(appointment.id)},
            {"ref", core::FormatAppointmentRef(ref)},
            {"client_id", appointment.client_id},
            {"therapist_id", appointment.therapist_id},
            {"date", core::FormatIsoDate(appointment.date)},
            {"start_time", core::FormatClockTime(appointment.start_minute)},
            {"duration_min", appointment.duration_min},
            {"room_id", or_null(appointment.room_id)},
            {"service_id", or_null(appointment.service_id)},
            {"status", core::ToCode(appointment.status)},
            {"status_changed_at", text_or_null(appointment.status_changed_at)},
            {"status_changed_by", or_null(appointment.status_changed_by)},
            {"cancel_reason", text_or_null(appointment.cancel_reason)},
            {"notes", appointment.notes},
            {"plan_id", or_null(appointment.plan_id)},
            {"plan_session", or_null(appointment.plan_session)},
            {"series_id", or_null(appointment.series_id)},
            {"occurrence_date",
             appointment.occurrence_date
                 ? nlohmann::ordered_json(core::FormatIsoDate(*appointment.occurrence_date))
                 : nlohmann::ordered_json()},
            {"flag_override", text_or_null(appointment.flag_override)},
            {"created_at", appointment.created_at},
            {"version", appointment.version}};
}

}  // namespace myodesk::app
