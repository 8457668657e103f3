#pragma once

// When the clinic is open and when each therapist works (issue 16): a weekly pattern of
// opening times and the days off that interrupt it. A booking outside them is not refused
// here; the services ask (GUI) or need --outside-hours (CLI).

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/validation.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

// From start to end on one day, in minutes after midnight on the clinic's wall clock.
struct TimeRange {
    int start_minute = 9 * 60;
    int end_minute = 17 * 60;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

// Opening (or working) times per weekday, Monday first; an empty day is closed.
struct WeeklyHours {
    std::array<std::vector<TimeRange>, 7> days;
    friend bool operator==(const WeeklyHours&, const WeeklyHours&) = default;
    const std::vector<TimeRange>& On(Weekday weekday) const;
};

// A weekly pattern as the desk sets it: each weekday left unset (nullopt), closed (no range)
// or open at its ranges.
struct HoursSetting {
    std::array<std::optional<std::vector<TimeRange>>, 7> days;
    friend bool operator==(const HoursSetting&, const HoursSetting&) = default;
    const std::optional<std::vector<TimeRange>>& On(Weekday weekday) const;
};

// The hours that apply: per weekday the therapist's own when set, else the clinic's when set,
// else the whole day (nothing set, nothing to check).
WeeklyHours EffectiveHours(const HoursSetting& clinic, const HoursSetting& therapist = {});

// Days a therapist does not work although the pattern says so (holidays, leave), both ends
// included.
struct DaysOff {
    Date from{};
    Date to{};
    friend bool operator==(const DaysOff&, const DaysOff&) = default;
};

struct WorkingHoursLimits {
    static constexpr std::size_t kRangesPerDay = 4;
    static constexpr std::size_t kDaysOff = 1000;
};

// The problems of a weekly pattern. Fields "monday[0]" ... : a range within 00:00-24:00 that
// ends after it starts (kOutOfRange), ranges of one day in order and not overlapping
// (kContradicts), at most kRangesPerDay a day (kTooMany on "monday").
ValidationProblems ValidateWeeklyHours(const WeeklyHours& hours);

// The problems of a period off: both days real, `to` not before `from` (kContradicts on "to").
ValidationProblems ValidateDaysOff(const DaysOff& off);

// Whether a session of `duration_min` minutes from `start_minute` on `date` lies wholly inside
// one range of that weekday, on a day that is not off. A session may not straddle a break.
bool IsWithinHours(const WeeklyHours& hours, const std::vector<DaysOff>& off, const Date& date,
                   int start_minute, int duration_min);

// Whether `date` is a working day at all: its weekday has a range and it is not off.
bool IsWorkingDay(const WeeklyHours& hours, const std::vector<DaysOff>& off, const Date& date);

// Reads "09:00-12:30,13:30-18:00" (ranges of HH:MM-HH:MM, an end of 24:00 allowed, commas
// between them, no spaces); nullopt when it is not of that form. Whether the ranges make sense
// is ValidateWeeklyHours's.
std::optional<std::vector<TimeRange>> ParseTimeRanges(std::string_view text);
// The same form back: "09:00-12:30,13:30-18:00"; "" for no range.
std::string FormatTimeRanges(const std::vector<TimeRange>& ranges);

// Why a session lies outside the hours, checked clinic first: the clinic is closed that
// weekday, closed for a holiday, or open but not for the whole session; then the same for the
// therapist. kWithin when the session fits both.
enum class HoursVerdict {
    kWithin,
    kClinicClosed,
    kClinicHoliday,
    kOutsideOpeningHours,
    kTherapistNotWorking,
    kTherapistDayOff,
    kOutsideWorkingHours,
};

// The clinic's opening hours and holidays (`clinic_off`), and the hours that apply to the
// therapist (EffectiveHours of the clinic's and the therapist's own) with their days off.
struct HoursOfDay {
    WeeklyHours clinic;
    std::vector<DaysOff> clinic_off;
    WeeklyHours therapist;
    std::vector<DaysOff> therapist_off;
};

HoursVerdict CheckHours(const HoursOfDay& hours, const Date& date, int start_minute,
                        int duration_min);

// The days from `from` to `to` (both included) when the clinic is closed or the therapist does
// not work, in order.
std::vector<Date> DaysNotWorking(const HoursOfDay& hours, const Date& from, const Date& to);

}  // namespace myodesk::core
