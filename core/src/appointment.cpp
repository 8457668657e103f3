#include <myodesk/core/appointment.h>
#include <myodesk/core/session_note.h>

#include <charconv>

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

ValidationProblems ValidateSeries(const AppointmentSeries& series, const Date& today) {
    ValidationProblems problems = ValidateAppointment(series.pattern, today);
    if (!series.pattern.date.ok()) {
        return problems;
    }
    ValidationProblems rule = ValidateRecurrence(series.pattern.date, series.rule);
    problems.insert(problems.end(), rule.begin(), rule.end());
    if (rule.empty()) {
        const auto last = LastOccurrence(series.pattern.date, series.rule);
        if (last && YearsBefore(today, -AppointmentLimits::kMaxYearsAhead) < *last) {
            problems.push_back(
                {series.rule.count ? "count" : "until", ProblemCode::kTooFarInFuture});
        }
    }
    return problems;
}

Appointment OccurrenceOf(const AppointmentSeries& series, const Date& day) {
    Appointment occurrence = series.pattern;
    occurrence.id = 0;
    occurrence.date = day;
    occurrence.status = AppointmentStatus::kBooked;
    occurrence.status_changed_at.clear();
    occurrence.status_changed_by.reset();
    occurrence.cancel_reason.clear();
    occurrence.plan_id.reset();
    occurrence.plan_session.reset();
    occurrence.series_id = series.id;
    occurrence.occurrence_date = day;
    occurrence.created_at = series.created_at;
    occurrence.version = 0;
    return occurrence;
}

std::optional<AppointmentSeries> FollowingSeries(const AppointmentSeries& series,
                                                 const Appointment& changed) {
    if (!changed.occurrence_date || changed.series_id != series.id || !changed.date.ok()) {
        return std::nullopt;
    }
    const Date& first = series.pattern.date;
    const Date at = *changed.occurrence_date;
    Recurrence rule = series.rule;
    rule.exceptions.clear();
    if (at != first) {
        const auto split = SplitSeries(first, rule, at);
        if (!split) {
            return std::nullopt;
        }
        rule = split->from_at;
    } else if (!IsOccurrence(first, rule, at)) {
        return std::nullopt;
    }
    const int moved = DaysBetween(at, changed.date);
    if (rule.until) {
        rule.until = AddDays(*rule.until, moved);
    }
    AppointmentSeries following;
    following.pattern = changed;
    following.pattern.id = 0;
    following.pattern.status = AppointmentStatus::kBooked;
    following.pattern.status_changed_at.clear();
    following.pattern.status_changed_by.reset();
    following.pattern.cancel_reason.clear();
    following.pattern.plan_id.reset();
    following.pattern.plan_session.reset();
    following.pattern.series_id.reset();
    following.pattern.occurrence_date = changed.date;
    following.rule = std::move(rule);
    return following;
}

AppointmentKey KeyOf(const Appointment& appointment) {
    if (!IsUnstoredOccurrence(appointment)) {
        return {appointment.id, 0, Date{}};
    }
    return {0, *appointment.series_id, appointment.occurrence_date.value_or(Date{})};
}

bool IsUnstoredOccurrence(const Appointment& appointment) {
    return appointment.id == 0 && appointment.series_id.has_value();
}

std::optional<AppointmentRef> ParseAppointmentRef(std::string_view text) {
    const auto at = text.find('@');
    const std::string_view id_text = text.substr(0, at);
    AppointmentRef ref;
    const auto [end, error] =
        std::from_chars(id_text.data(), id_text.data() + id_text.size(), ref.id);
    if (id_text.empty() || error != std::errc() || end != id_text.data() + id_text.size() ||
        ref.id <= 0) {
        return std::nullopt;
    }
    if (at != std::string_view::npos) {
        ref.day = ParseIsoDate(text.substr(at + 1));
        if (!ref.day) {
            return std::nullopt;
        }
    }
    return ref;
}

std::string FormatAppointmentRef(const AppointmentRef& ref) {
    std::string text = std::to_string(ref.id);
    if (ref.day) {
        text += "@" + FormatIsoDate(*ref.day);
    }
    return text;
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
