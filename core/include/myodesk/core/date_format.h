#pragma once

#include <myodesk/core/date.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace myodesk::core {

// How a date is written for a reader: a pattern and the month names it uses. Patterns use
// strftime's date fields: %d (06), %-d (6), %e ( 6), %m (12), %-m (12, 1), %b or %h (Dec),
// %B (December), %Y (2026), %y (26) and %% for a percent sign; anything else is written as it
// is. The lists, the profile and the reports of the GUI and of the CLI all write dates with
// one style per locale (vocabulary::LocaleDateStyle), unless report.date_format says otherwise.
struct DateStyle {
    std::string pattern = "%-d %b %Y";  // "6 Dec 2026": no reader can misread it
    std::array<std::string, 12> month_abbreviations{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::array<std::string, 12> month_names{"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
    friend bool operator==(const DateStyle&, const DateStyle&) = default;
};

// `date` written in `style`. A date that does not exist is written as FormatIsoDate writes it.
std::string FormatDate(const Date& date, const DateStyle& style);

// The readable date of a locale from its date-and-time format (POSIX D_T_FMT, for example
// "%a %d %b %Y %r %Z"; a %x in it stands for `date_format`, the locale's D_FMT): the date
// fields and what stands between them, without the weekday or the time; a full month name
// abbreviated (unless an ending is glued to it), the day and month number without a leading
// zero. "6 Dec 2026" (en_US, en_GB), "2026年12月6日" (ja_JP), "2026. dec. 6." (hu_HU). When
// that leaves no day, month and year (or a field FormatDate cannot write), DateStyle's own.
std::string ReadableDatePattern(std::string_view date_time_format,
                                std::string_view date_format = {});

// The values of the setting report.date_format: "locale" (the default: the locale's readable
// date), "iso" (2026-12-06) or a pattern of DateStyle's fields with a day, a month and a year
// ("%d/%m/%Y", "%b %-d, %Y"), at most kMaxDatePatternLength characters on one line.
inline constexpr std::string_view kLocaleDateFormat = "locale";
inline constexpr std::string_view kIsoDateFormat = "iso";
inline constexpr std::size_t kMaxDatePatternLength = 40;
bool IsDateFormatSetting(std::string_view text);

// The style report.date_format asks for: `locale_style` for "locale", YYYY-MM-DD for "iso",
// else the pattern with the locale's month names. A value that is not a date format (an older
// version's row) reads as "locale".
DateStyle StyleForDateFormat(std::string_view date_format, const DateStyle& locale_style);

}  // namespace myodesk::core
