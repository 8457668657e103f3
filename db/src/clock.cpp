#include <myodesk/db/clock.h>

#include <fmt/format.h>

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

core::Date LocalDate(TimePoint time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&t, &local);
    return core::Date{std::chrono::year{local.tm_year + 1900},
                      std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                      std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace myodesk::db
