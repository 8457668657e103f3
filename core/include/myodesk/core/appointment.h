#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>

#include <cstdint>
#include <optional>
#include <string>

namespace myodesk::core {

using AppointmentId = std::int64_t;

// A booked session: what a planned session becomes when the therapist accepts it.
struct Appointment {
    AppointmentId id = 0;  // 0: not saved
    ClientId client_id = 0;
    StaffId therapist_id = 0;
    Date date{};
    int start_minute = 9 * 60;  // minutes after midnight, local time
    int duration_min = 60;
    std::optional<std::int64_t> plan_id;  // the plan and session it was accepted from
    std::optional<int> plan_session;      // index into that plan's sessions
    // The therapist's reason for booking despite an absolute contraindication flag on that
    // day; empty when there was no such flag.
    std::string flag_override;
    std::string created_at;  // set by storage
    friend bool operator==(const Appointment&, const Appointment&) = default;
};

// Checks an appointment before it is booked: date not before `today`; start time 00:00-23:59;
// duration 15-240 minutes; a therapist; a flag override's reason within its limit. Fields:
// date, start_time, duration_min, therapist_id, flag_override.
ValidationProblems ValidateAppointment(const Appointment& appointment, const Date& today);

}  // namespace myodesk::core
