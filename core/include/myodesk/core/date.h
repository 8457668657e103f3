#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

// A calendar date with no time zone. Core never reads the clock: callers pass "today".
using Date = std::chrono::year_month_day;

// The plausible range of every date read from outside (documents, CLI options, forms):
// 1900-01-01 to 2100-12-31 (docs/*-format.md, "Limits"). A date that cannot be after today
// (a session, an intake, a date of birth) is also checked against today; a date that may lie
// ahead (a goal race, a training day) only against kLatest.
struct DateLimits {
    static constexpr Date kEarliest{std::chrono::year{1900}, std::chrono::January,
                                    std::chrono::day{1}};
    static constexpr Date kLatest{std::chrono::year{2100}, std::chrono::December,
                                  std::chrono::day{31}};
};

// Parses exactly YYYY-MM-DD (ISO 8601 calendar date); nullopt for anything else or for a
// date that does not exist (2023-02-29).
std::optional<Date> ParseIsoDate(std::string_view text);

// Formats as YYYY-MM-DD.
std::string FormatIsoDate(const Date& date);

// Whole years from birth to on_date (the birthday itself counts; 29 February birthdays
// count on 1 March in common years).
int AgeInYears(const Date& birth, const Date& on_date);

// The same day `years` earlier; 29 February becomes 28 February in a common year.
Date YearsBefore(const Date& date, int years);

// The date `days` later (earlier when negative).
Date AddDays(const Date& date, int days);

// Days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(const Date& from, const Date& to);

// 0 Monday .. 6 Sunday (ISO 8601 order, as core::Weekday).
int IsoWeekdayIndex(const Date& date);

}  // namespace myodesk::core
