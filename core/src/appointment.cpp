#include <myodesk/core/appointment.h>
#include <myodesk/core/session_note.h>

namespace myodesk::core {

namespace {
constexpr std::size_t kFlagOverrideLimit = SessionNoteLimits::kReason;  // as a note's
}  // namespace

ValidationProblems ValidateAppointment(const Appointment& appointment, const Date& today) {
    ValidationProblems problems;
    if (!appointment.date.ok()) {
        problems.push_back({"date", ProblemCode::kInvalidDate});
    } else if (appointment.date < AddDays(today, -AppointmentLimits::kMaxDaysPast)) {
        problems.push_back({"date", ProblemCode::kTooFarInPast});
    } else if (YearsBefore(today, -AppointmentLimits::kMaxYearsAhead) < appointment.date) {
        problems.push_back({"date", ProblemCode::kTooFarInFuture});
    }
    if (appointment.start_minute < 0 || appointment.start_minute > 23 * 60 + 59) {
        problems.push_back({"start_time", ProblemCode::kOutOfRange, 0, 0, 23 * 60 + 59});
    }
    if (appointment.duration_min < AppointmentLimits::kMinDuration ||
        appointment.duration_min > AppointmentLimits::kMaxDuration) {
        problems.push_back({"duration_min", ProblemCode::kOutOfRange, 0,
                            AppointmentLimits::kMinDuration, AppointmentLimits::kMaxDuration});
    }
    if (appointment.therapist_id <= 0) {
        problems.push_back({"therapist_id", ProblemCode::kRequired});
    }
    CheckText(problems, "notes", appointment.notes, AppointmentLimits::kNotes, TextLines::kMany);
    CheckText(problems, "cancel_reason", appointment.cancel_reason,
              AppointmentLimits::kCancelReason, TextLines::kOne);
    CheckText(problems, "flag_override", appointment.flag_override, kFlagOverrideLimit,
              TextLines::kMany);
    return problems;
}

LocalMoment StartOf(const Appointment& appointment) {
    return {appointment.date, appointment.start_minute};
}

LocalMoment EndOf(const Appointment& appointment) {
    constexpr int kMinutesPerDay = 24 * 60;
    const int end = appointment.start_minute + appointment.duration_min;
    return {AddDays(appointment.date, end / kMinutesPerDay), end % kMinutesPerDay};
}

bool HoldsSlot(AppointmentStatus status) {
    return status != AppointmentStatus::kCancelled && status != AppointmentStatus::kLateCancelled;
}

}  // namespace myodesk::core
