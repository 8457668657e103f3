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
    } else if (appointment.date < today) {
        // Booking is for what is ahead; what happened is a session note.
        problems.push_back({"date", ProblemCode::kTooFarInPast});
    }
    if (appointment.start_minute < 0 || appointment.start_minute > 23 * 60 + 59) {
        problems.push_back({"start_time", ProblemCode::kOutOfRange, 0, 0, 23 * 60 + 59});
    }
    if (appointment.duration_min < 15 || appointment.duration_min > 240) {
        problems.push_back({"duration_min", ProblemCode::kOutOfRange, 0, 15, 240});
    }
    if (appointment.therapist_id <= 0) {
        problems.push_back({"therapist_id", ProblemCode::kRequired});
    }
    CheckText(problems, "flag_override", appointment.flag_override, kFlagOverrideLimit,
              TextLines::kMany);
    return problems;
}

}  // namespace myodesk::core
