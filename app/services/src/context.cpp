#include <myodesk/db/audit_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/context.h>
#include <myodesk/services/errors.h>

#include <array>
#include <ctime>
#include <unistd.h>
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

std::string DeskSession::ThisComputer() {
    std::array<char, 256> name{};
    if (gethostname(name.data(), name.size() - 1) != 0) {
        return "";
    }
    return std::string(name.data());
}

bool Context::AccountsOn() const {
    if (!m_accounts_on) {
        m_accounts_on = db::StaffRepository(m_database).HasOwnerAccount();
    }
    return *m_accounts_on;
}

bool Context::Allows(core::Right right) const {
    if (!AccountsOn()) {
        return true;
    }
    return m_desk.signed_in && m_desk.staff && m_desk.staff->active &&
           core::HasRight(m_desk.staff->role, right);
}

void Context::RequireSignedIn() const {
    if (AccountsOn() && (!m_desk.signed_in || !m_desk.staff)) {
        throw NotSignedInError();
    }
}

void Context::Require(core::Right right) const {
    RequireSignedIn();
    if (!Allows(right)) {
        throw NotAllowedError(right, m_desk.staff->role);
    }
}

bool Context::IsOwnerAtDesk() const {
    return !AccountsOn() ||
           (m_desk.signed_in && m_desk.staff && m_desk.staff->role == core::StaffRole::kOwner);
}

void Context::Audit(std::string_view action, std::optional<core::ClientId> client,
                    std::string_view record, std::optional<std::int64_t> record_id,
                    std::string detail) {
    db::AuditEntry entry;
    entry.staff_id = m_desk.StaffId();
    entry.username = m_desk.signed_in && m_desk.staff ? m_desk.staff->username : "";
    entry.desk = m_desk.desk;
    entry.action = std::string(action);
    entry.client_id = client;
    entry.record = std::string(record);
    entry.record_id = record_id;
    entry.detail = std::move(detail);
    db::AuditRepository(m_database, m_clock.Storage()).Append(entry);
}

}  // namespace myodesk::services
