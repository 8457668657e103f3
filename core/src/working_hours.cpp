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

std::vector<Date> DaysNotWorking(const HoursOfDay& hours, const Date& from, const Date& to) {
    std::vector<Date> days;
    for (Date day = from; day <= to; day = AddDays(day, 1)) {
        if (!IsWorkingDay(hours.clinic, hours.clinic_off, day) ||
            !IsWorkingDay(hours.therapist, hours.therapist_off, day)) {
            days.push_back(day);
        }
    }
    return days;
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

namespace {

// "HH:MM" from 00:00 to 24:00 exactly, two digits each.
std::optional<int> ParseRangeEnd(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    for (const std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

std::string FormatRangeEnd(int minute) {
    std::string text(5, ':');
    const int hours = minute / 60;
    const int minutes = minute % 60;
    text[0] = static_cast<char>('0' + hours / 10);
    text[1] = static_cast<char>('0' + hours % 10);
    text[3] = static_cast<char>('0' + minutes / 10);
    text[4] = static_cast<char>('0' + minutes % 10);
    return text;
}

}  // namespace

std::optional<std::vector<TimeRange>> ParseTimeRanges(std::string_view text) {
    std::vector<TimeRange> ranges;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view range = text.substr(0, comma);
        if (range.size() != 11 || range[5] != '-') {
            return std::nullopt;
        }
        const auto start = ParseRangeEnd(range.substr(0, 5));
        const auto end = ParseRangeEnd(range.substr(6));
        if (!start || !end || ranges.size() == WorkingHoursLimits::kRangesPerDay) {
            return std::nullopt;
        }
        ranges.push_back({*start, *end});
        if (comma == std::string_view::npos) {
            return ranges;
        }
        text.remove_prefix(comma + 1);
        if (text.empty()) {
            return std::nullopt;  // a trailing comma
        }
    }
    return std::nullopt;  // nothing at all
}

std::string FormatTimeRanges(const std::vector<TimeRange>& ranges) {
    std::string text;
    for (const TimeRange& range : ranges) {
        if (!text.empty()) {
            text += ',';
        }
        text += FormatRangeEnd(range.start_minute) + "-" + FormatRangeEnd(range.end_minute);
    }
    return text;
}

HoursVerdict CheckHours(const HoursOfDay& hours, const Date& date, int start_minute,
                        int duration_min) {
    if (hours.clinic.days.at(static_cast<std::size_t>(IsoWeekdayIndex(date))).empty()) {
        return HoursVerdict::kClinicClosed;
    }
    if (IsOff(hours.clinic_off, date)) {
        return HoursVerdict::kClinicHoliday;
    }
    if (!IsWithinHours(hours.clinic, {}, date, start_minute, duration_min)) {
        return HoursVerdict::kOutsideOpeningHours;
    }
    if (hours.therapist.days.at(static_cast<std::size_t>(IsoWeekdayIndex(date))).empty()) {
        return HoursVerdict::kTherapistNotWorking;
    }
    if (IsOff(hours.therapist_off, date)) {
        return HoursVerdict::kTherapistDayOff;
    }
    if (!IsWithinHours(hours.therapist, {}, date, start_minute, duration_min)) {
        return HoursVerdict::kOutsideWorkingHours;
    }
    return HoursVerdict::kWithin;
}

}  // namespace myodesk::core
