#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

// A calendar date with no time zone. Core never reads the clock: callers pass "today".
using Date = std::chrono::year_month_day;

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
