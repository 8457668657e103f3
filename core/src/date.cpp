#include <myodesk/core/date.h>

#include <fmt/format.h>

namespace myodesk::core {

namespace {

std::optional<int> ParseDigits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto year = ParseDigits(text.substr(0, 4));
    const auto month = ParseDigits(text.substr(5, 2));
    const auto day = ParseDigits(text.substr(8, 2));
    if (!year || !month || !day) {
        return std::nullopt;
    }
    const Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::string FormatIsoDate(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

int AgeInYears(const Date& birth, const Date& on_date) {
    int years = static_cast<int>(on_date.year()) - static_cast<int>(birth.year());
    const auto birthday_this_year = std::chrono::month_day{birth.month(), birth.day()};
    const auto today = std::chrono::month_day{on_date.month(), on_date.day()};
    if (today < birthday_this_year) {
        --years;
    }
    return years;
}

Date YearsBefore(const Date& date, int years) {
    Date earlier{date.year() - std::chrono::years{years}, date.month(), date.day()};
    if (!earlier.ok()) {
        earlier = Date{earlier.year(), earlier.month(), std::chrono::day{28}};
    }
    return earlier;
}

Date AddDays(const Date& date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

int DaysBetween(const Date& from, const Date& to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

int IsoWeekdayIndex(const Date& date) {
    // iso_encoding: Monday 1 .. Sunday 7.
    return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding()) - 1;
}

}  // namespace myodesk::core
