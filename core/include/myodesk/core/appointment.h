#pragma once

#include <myodesk/core/appointment_series.h>
#include <myodesk/core/client.h>
#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

using AppointmentId = std::int64_t;

using SeriesId = std::int64_t;

// A session in the appointment book: booked at the desk, or from a plan session (then it
// keeps the plan and the session's place), possibly one occurrence of a weekly series.
struct Appointment {
    AppointmentId id = 0;  // 0: not saved
    ClientId client_id = 0;
    StaffId therapist_id = 0;
    Date date{};
    int start_minute = 9 * 60;  // minutes after midnight, the clinic's wall clock
    int duration_min = 60;
    std::optional<RoomId> room_id;
    std::optional<ServiceId> service_id;
    // The desk's notes about the booking ("prefers the late slot"); clinical notes belong in
    // the session note.
    std::string notes;
    AppointmentStatus status = AppointmentStatus::kBooked;
    // The last change of status: when (set by storage), who was at the desk (if anyone said),
    // and, for a cancellation, why.
    std::string status_changed_at;
    std::optional<StaffId> status_changed_by;
    std::string cancel_reason;
    std::optional<std::int64_t> plan_id;  // the plan and session it was accepted from
    std::optional<int> plan_session;      // index into that plan's sessions
    // The series this appointment belongs to and the day of the series it stands for (its
    // own date differs once that occurrence alone was moved).
    std::optional<SeriesId> series_id;
    std::optional<Date> occurrence_date;
    // The therapist's reason for booking despite an absolute contraindication flag on that
    // day; empty when there was no such flag.
    std::string flag_override;
    std::string created_at;  // set by storage
    int version = 1;         // raised by every change: an edit of a stale copy is refused
    friend bool operator==(const Appointment&, const Appointment&) = default;
};

struct AppointmentLimits {
    static constexpr int kMinDuration = ClinicResourceLimits::kMinDuration;
    static constexpr int kMaxDuration = ClinicResourceLimits::kMaxDuration;
    // A session given without a booking may be entered afterwards, up to this many days late.
    static constexpr int kMaxDaysPast = 366;
    static constexpr int kMaxYearsAhead = 10;
    static constexpr std::size_t kNotes = 1000;
    static constexpr std::size_t kCancelReason = 500;
};

// Checks an appointment before it is booked or changed: a date no more than kMaxDaysPast
// before `today` (a walk-in entered afterwards) nor kMaxYearsAhead after it; start time
// 00:00-23:59; duration kMinDuration-kMaxDuration minutes; a therapist; notes, a cancel reason
// and a flag override's reason within their limits. Fields: date, start_time, duration_min,
// therapist_id, notes, cancel_reason, flag_override.
ValidationProblems ValidateAppointment(const Appointment& appointment, const Date& today);

// A recurring series as stored: the appointment it repeats (its date is the first day) and the
// rule. Its days are computed when shown; an occurrence becomes a stored appointment (naming
// the series and its day) only when something happens to it: a status, a move, a change of
// "this one". The first occurrence is stored when the series is booked.
struct AppointmentSeries {
    SeriesId id = 0;  // 0: not saved
    Appointment pattern;
    Recurrence rule;  // exceptions: the days whose occurrence is stored
    std::string created_at;
    friend bool operator==(const AppointmentSeries&, const AppointmentSeries&) = default;
};

// Checks a series before it is booked: the pattern as ValidateAppointment checks an
// appointment, the rule as ValidateRecurrence, and its last day no more than kMaxYearsAhead
// after `today` (field "until" or "count", kTooFarInFuture).
ValidationProblems ValidateSeries(const AppointmentSeries& series, const Date& today);

// The series' occurrence on `day` as long as nothing has happened to it: not stored (id 0,
// version 0), booked, with the series' time, therapist, room and service.
Appointment OccurrenceOf(const AppointmentSeries& series, const Date& day);

// "This and following" from the occurrence `changed` stands for (changed.occurrence_date, a
// day of `series`): the series it starts on changed.date, with changed's time, duration,
// therapist, room, service and notes, the same rhythm, and what is left of the count, or the
// last day moved by as many days as the occurrence moved. Not saved: id 0, no exceptions.
// nullopt when `changed` is not an occurrence of `series`.
std::optional<AppointmentSeries> FollowingSeries(const AppointmentSeries& series,
                                                 const Appointment& changed);

// An occurrence of a series that is not stored (yet).
bool IsUnstoredOccurrence(const Appointment& appointment);

// What tells appointments apart in a list: a stored one by its id, an unstored occurrence by
// its series and day.
struct AppointmentKey {
    AppointmentId id = 0;
    SeriesId series = 0;
    Date day{};
    friend bool operator==(const AppointmentKey&, const AppointmentKey&) = default;
};
AppointmentKey KeyOf(const Appointment& appointment);

// How the desk names an appointment: its id ("42"), or the occurrence of a series on a day,
// "ID@YYYY-MM-DD" with ID any stored appointment of the series (the id printed when the
// series was booked is its first).
struct AppointmentRef {
    AppointmentId id = 0;
    std::optional<Date> day;
    friend bool operator==(const AppointmentRef&, const AppointmentRef&) = default;
};
// nullopt unless the text is a positive id, optionally followed by "@" and a valid ISO date.
std::optional<AppointmentRef> ParseAppointmentRef(std::string_view text);
std::string FormatAppointmentRef(const AppointmentRef& ref);

// Where the appointment starts and ends on the clinic's wall clock.
LocalMoment StartOf(const Appointment& appointment);
LocalMoment EndOf(const Appointment& appointment);

// Whether an appointment holds its time (its therapist, client and room): every status but
// the cancellations, which free the slot for someone else.
bool HoldsSlot(AppointmentStatus status);

}  // namespace myodesk::core
