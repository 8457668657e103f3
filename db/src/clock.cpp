#include <myodesk/db/clock.h>

#include <fmt/format.h>

#include <array>
#include <ctime>

namespace myodesk::db {

TimePoint SystemNow() {
    return std::chrono::system_clock::now();
}

std::string UtcTimestamp(TimePoint time) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
    const auto days = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day date{days};
    const std::chrono::hh_mm_ss clock{seconds - days};
    return fmt::format("{}T{:02}:{:02}:{:02}Z", core::FormatIsoDate(date), clock.hours().count(),
                       clock.minutes().count(), clock.seconds().count());
}

std::optional<TimePoint> ParseUtcTimestamp(const std::string& text) {
    // 2026-11-20T09:15:00Z
    if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') {
        return std::nullopt;
    }
    const auto date = core::ParseIsoDate(text.substr(0, 10));
    const auto number = [&](std::size_t at) {
        const char tens = text[at];
        const char ones = text[at + 1];
        return (tens < '0' || tens > '9' || ones < '0' || ones > '9')
                   ? -1
                   : (tens - '0') * 10 + ones - '0';
    };
    const int hours = number(11);
    const int minutes = number(14);
    const int seconds = number(17);
    if (!date || text[13] != ':' || text[16] != ':' || hours < 0 || hours > 23 || minutes < 0 ||
        minutes > 59 || seconds < 0 || seconds > 59) {
        return std::nullopt;
    }
    return std::chrono::sys_days(*date) + std::chrono::hours(hours) +
           std::chrono::minutes(minutes) + std::chrono::seconds(seconds);
}

std::string LocalDateTime(const std::string& utc_timestamp) {
    const auto time = ParseUtcTimestamp(utc_timestamp);
    if (!time) {
        return utc_timestamp;
    }
    const std::time_t t = std::chrono::system_clock::to_time_t(*time);
    std::tm local{};
    localtime_r(&t, &local);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%d %H:%M:%S", &local);
    return text.data();
}

std::string LocalZone(TimePoint time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&t, &local);
    std::array<char, 16> zone{};
    std::strftime(zone.data(), zone.size(), "%Z %z", &local);
    return zone.data();
}

core::Date LocalDate(TimePoint time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&t, &local);
    return core::Date{std::chrono::year{local.tm_year + 1900},
                      std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                      std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace myodesk::db
