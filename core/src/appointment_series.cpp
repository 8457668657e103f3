#include "code_table.h"

#include <myodesk/core/appointment_series.h>

#include <algorithm>
#include <string>

namespace myodesk::core {

namespace {

constexpr detail::CodeTable<AppointmentStatus, 6> kStatuses{{
    {AppointmentStatus::kBooked, "booked"},
    {AppointmentStatus::kArrived, "arrived"},
    {AppointmentStatus::kCompleted, "completed"},
    {AppointmentStatus::kNoShow, "no_show"},
    {AppointmentStatus::kCancelled, "cancelled"},
    {AppointmentStatus::kLateCancelled, "late_cancelled"},
}};

constexpr int kMinutesPerDay = 24 * 60;

bool IsValidRhythm(const Recurrence& rule) {
    return rule.every_weeks >= 1 && rule.every_weeks <= RecurrenceLimits::kMaxEveryWeeks;
}

int PeriodDays(const Recurrence& rule) {
    return 7 * rule.every_weeks;
}

// The index of the series' last occurrence, or nullopt when the rule ends before it starts.
std::optional<long long> LastIndex(const Date& first, const Recurrence& rule) {
    if (rule.count) {
        return *rule.count >= 1 ? std::optional<long long>(*rule.count - 1) : std::nullopt;
    }
    if (rule.until && rule.until->ok()) {
        const int days = DaysBetween(first, *rule.until);
        return days >= 0 ? std::optional<long long>(days / PeriodDays(rule)) : std::nullopt;
    }
    return std::nullopt;
}

// The occurrence index of `day`, ignoring exceptions; nullopt when the rule never falls on it.
std::optional<long long> IndexOf(const Date& first, const Recurrence& rule, const Date& day) {
    if (!IsValidRhythm(rule) || !first.ok() || !day.ok()) {
        return std::nullopt;
    }
    const int days = DaysBetween(first, day);
    const auto last = LastIndex(first, rule);
    if (days < 0 || days % PeriodDays(rule) != 0 || !last || days / PeriodDays(rule) > *last) {
        return std::nullopt;
    }
    return days / PeriodDays(rule);
}

bool IsException(const Recurrence& rule, const Date& day) {
    return std::find(rule.exceptions.begin(), rule.exceptions.end(), day) != rule.exceptions.end();
}

}  // namespace

std::string_view ToCode(AppointmentStatus status) {
    return detail::CodeIn(kStatuses, status);
}

std::optional<AppointmentStatus> AppointmentStatusFromCode(std::string_view code) {
    return detail::ValueIn(kStatuses, code);
}

const std::vector<AppointmentStatus>& AllAppointmentStatuses() {
    static const std::vector<AppointmentStatus> all = [] {
        std::vector<AppointmentStatus> values;
        for (const auto& [value, code] : kStatuses) {
            values.push_back(value);
        }
        return values;
    }();
    return all;
}

bool CanChangeStatus(AppointmentStatus from, AppointmentStatus to) {
    using S = AppointmentStatus;
    switch (from) {
        case S::kBooked:
            // Completed straight away when nobody marked the arrival.
            return to == S::kArrived || to == S::kCompleted || to == S::kNoShow ||
                   to == S::kCancelled || to == S::kLateCancelled;
        case S::kArrived:
            return to == S::kCompleted || to == S::kBooked;
        case S::kNoShow:
            return to == S::kBooked;
        case S::kCompleted:
        case S::kCancelled:
        case S::kLateCancelled:
            return false;
    }
    return false;
}

long long MinutesBetween(const LocalMoment& from, const LocalMoment& to) {
    return static_cast<long long>(DaysBetween(from.date, to.date)) * kMinutesPerDay +
           (to.minute - from.minute);
}

bool IsLateCancellation(const LocalMoment& start, const LocalMoment& cancelled_at,
                        int notice_hours) {
    return MinutesBetween(cancelled_at, start) < static_cast<long long>(notice_hours) * 60;
}

ValidationProblems ValidateRecurrence(const Date& first, const Recurrence& rule) {
    ValidationProblems problems;
    if (!IsValidRhythm(rule)) {
        problems.push_back(
            {"every_weeks", ProblemCode::kOutOfRange, 0, 1, RecurrenceLimits::kMaxEveryWeeks});
    }
    if (rule.until && rule.count) {
        problems.push_back({"until", ProblemCode::kContradicts});
    } else if (!rule.until && !rule.count) {
        problems.push_back({"count", ProblemCode::kRequired});
    }
    if (rule.until) {
        if (!rule.until->ok()) {
            problems.push_back({"until", ProblemCode::kInvalidDate});
        } else if (*rule.until < first) {
            problems.push_back({"until", ProblemCode::kContradicts});  // before the first day
        } else if (first.ok() && *rule.until > YearsBefore(first, -RecurrenceLimits::kMaxYears)) {
            problems.push_back({"until", ProblemCode::kTooFarInFuture});
        }
    }
    if (rule.count && (*rule.count < 1 || *rule.count > RecurrenceLimits::kMaxCount)) {
        problems.push_back({"count", ProblemCode::kOutOfRange, 0, 1, RecurrenceLimits::kMaxCount});
    }
    if (rule.exceptions.size() > RecurrenceLimits::kMaxExceptions) {
        problems.push_back({"exceptions", ProblemCode::kTooMany, RecurrenceLimits::kMaxExceptions});
        return problems;
    }
    if (!problems.empty()) {
        return problems;  // exceptions are occurrences of a valid rule only
    }
    for (std::size_t i = 0; i < rule.exceptions.size(); ++i) {
        const std::string field = "exceptions[" + std::to_string(i) + "]";
        const Date& day = rule.exceptions[i];
        if (!IndexOf(first, rule, day)) {
            problems.push_back({field, ProblemCode::kInvalidDate});
        } else if (std::find(rule.exceptions.begin(),
                             rule.exceptions.begin() + static_cast<std::ptrdiff_t>(i),
                             day) != rule.exceptions.begin() + static_cast<std::ptrdiff_t>(i)) {
            problems.push_back({field, ProblemCode::kDuplicate});
        }
    }
    return problems;
}

std::vector<Date> OccurrencesBetween(const Date& first, const Recurrence& rule, const Date& from,
                                     const Date& to) {
    std::vector<Date> days;
    const auto last = LastIndex(first, rule);
    if (!IsValidRhythm(rule) || !first.ok() || !from.ok() || !to.ok() || to < from || !last) {
        return days;
    }
    const long long period = PeriodDays(rule);
    const long long from_days = DaysBetween(first, from);
    const long long to_days = DaysBetween(first, to);
    if (to_days < 0) {
        return days;
    }
    const long long low = from_days <= 0 ? 0 : (from_days + period - 1) / period;
    const long long high = std::min(*last, to_days / period);
    for (long long index = low; index <= high; ++index) {
        const Date day = AddDays(first, static_cast<int>(index * period));
        if (!IsException(rule, day)) {
            days.push_back(day);
        }
    }
    return days;
}

std::optional<Date> LastOccurrence(const Date& first, const Recurrence& rule) {
    const auto last = LastIndex(first, rule);
    if (!IsValidRhythm(rule) || !first.ok() || !last) {
        return std::nullopt;
    }
    return AddDays(first, static_cast<int>(*last * PeriodDays(rule)));
}

bool IsOccurrence(const Date& first, const Recurrence& rule, const Date& day) {
    return IndexOf(first, rule, day).has_value() && !IsException(rule, day);
}

std::optional<SeriesSplit> SplitSeries(const Date& first, const Recurrence& rule, const Date& at) {
    const auto index = IndexOf(first, rule, at);
    if (!index || *index == 0) {
        return std::nullopt;
    }
    SeriesSplit split{rule, rule};
    split.before.exceptions.clear();
    split.from_at.exceptions.clear();
    for (const Date& day : rule.exceptions) {
        (day < at ? split.before : split.from_at).exceptions.push_back(day);
    }
    if (rule.count) {
        split.before.count = static_cast<int>(*index);
        split.from_at.count = *rule.count - static_cast<int>(*index);
    } else {
        split.before.until = AddDays(at, -1);
    }
    return split;
}

}  // namespace myodesk::core
