#include <myodesk/services/context.h>

#include <ctime>
#include <utility>

namespace myodesk::services {

Clock::Clock(NowFunction now) : m_now(std::move(now)) {}

Clock Clock::System() {
    return Clock([] { return std::chrono::system_clock::now(); });
}

Clock Clock::FixedAt(TimePoint now) {
    return Clock([now] { return now; });
}

Clock Clock::FixedOn(const core::Date& today) {
    std::tm local{};
    local.tm_year = static_cast<int>(today.year()) - 1900;
    local.tm_mon = static_cast<int>(static_cast<unsigned>(today.month())) - 1;
    local.tm_mday = static_cast<int>(static_cast<unsigned>(today.day()));
    local.tm_hour = 12;
    local.tm_isdst = -1;
    return FixedAt(std::chrono::system_clock::from_time_t(std::mktime(&local)));
}

core::Date Clock::Today() const {
    return db::LocalDate(Now());
}

int Clock::MinuteOfDay() const {
    const std::time_t now = std::chrono::system_clock::to_time_t(Now());
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_hour * 60 + local.tm_min;
}

Context::Context(db::Database& database, Clock clock, DeskSession desk)
    : m_database(database), m_clock(std::move(clock)), m_desk(std::move(desk)) {}

}  // namespace myodesk::services
