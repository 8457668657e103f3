#include <myodesk/core/working_hours.h>

#include <algorithm>
#include <string>

namespace myodesk::core {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::array<const char*, 7> kDayFields{"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};

bool IsOff(const std::vector<DaysOff>& off, const Date& date) {
    return std::any_of(off.begin(), off.end(), [&](const DaysOff& period) {
        return !(date < period.from) && !(period.to < date);
    });
}

}  // namespace

const std::vector<TimeRange>& WeeklyHours::On(Weekday weekday) const {
    return days.at(static_cast<std::size_t>(weekday));
}

const std::optional<std::vector<TimeRange>>& HoursSetting::On(Weekday weekday) const {
    return days.at(static_cast<std::size_t>(weekday));
}

WeeklyHours EffectiveHours(const HoursSetting& clinic, const HoursSetting& therapist) {
    WeeklyHours hours;
    for (std::size_t day = 0; day < hours.days.size(); ++day) {
        if (therapist.days.at(day)) {
            hours.days.at(day) = *therapist.days.at(day);
        } else if (clinic.days.at(day)) {
            hours.days.at(day) = *clinic.days.at(day);
        } else {
            hours.days.at(day) = {TimeRange{0, kMinutesPerDay}};
        }
    }
    return hours;
}

ValidationProblems ValidateWeeklyHours(const WeeklyHours& hours) {
    ValidationProblems problems;
    for (std::size_t day = 0; day < hours.days.size(); ++day) {
        const auto& ranges = hours.days[day];
        if (ranges.size() > WorkingHoursLimits::kRangesPerDay) {
            problems.push_back(
                {kDayFields.at(day), ProblemCode::kTooMany, WorkingHoursLimits::kRangesPerDay});
            continue;
        }
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            const std::string field =
                std::string(kDayFields.at(day)) + "[" + std::to_string(i) + "]";
            const TimeRange& range = ranges[i];
            if (range.start_minute < 0 || range.end_minute > kMinutesPerDay ||
                range.end_minute <= range.start_minute) {
                problems.push_back({field, ProblemCode::kOutOfRange, 0, 0, kMinutesPerDay});
            } else if (i > 0 && range.start_minute < ranges[i - 1].end_minute) {
                problems.push_back({field, ProblemCode::kContradicts});  // overlaps or out of order
            }
        }
    }
    return problems;
}

ValidationProblems ValidateDaysOff(const DaysOff& off) {
    ValidationProblems problems;
    if (!off.from.ok()) {
        problems.push_back({"from", ProblemCode::kInvalidDate});
    }
    if (!off.to.ok()) {
        problems.push_back({"to", ProblemCode::kInvalidDate});
    }
    if (problems.empty() && off.to < off.from) {
        problems.push_back({"to", ProblemCode::kContradicts});
    }
    return problems;
}

bool IsWorkingDay(const WeeklyHours& hours, const std::vector<DaysOff>& off, const Date& date) {
    return date.ok() && !hours.days.at(static_cast<std::size_t>(IsoWeekdayIndex(date))).empty() &&
           !IsOff(off, date);
}

bool IsWithinHours(const WeeklyHours& hours, const std::vector<DaysOff>& off, const Date& date,
                   int start_minute, int duration_min) {
    if (!IsWorkingDay(hours, off, date) || duration_min <= 0) {
        return false;
    }
    const int end_minute = start_minute + duration_min;
    const auto& ranges = hours.days.at(static_cast<std::size_t>(IsoWeekdayIndex(date)));
    return std::any_of(ranges.begin(), ranges.end(), [&](const TimeRange& range) {
        return start_minute >= range.start_minute && end_minute <= range.end_minute;
    });
}

}  // namespace myodesk::core
