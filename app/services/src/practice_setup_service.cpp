#include <myodesk/services/practice_setup_service.h>

namespace myodesk::services {

PracticeSetupService::PracticeSetupService(Context& context)
    : m_context(context),
      m_resources(context.Database(), context.GetClock().Storage()),
      m_hours(context.Database(), context.GetClock().Storage()) {}

core::RoomId PracticeSetupService::AddRoom(core::Room& room) {
    m_context.Require(core::Right::kChangeSettings);
    return m_resources.AddRoom(room);
}

void PracticeSetupService::UpdateRoom(const core::Room& room) {
    m_context.Require(core::Right::kChangeSettings);
    m_resources.UpdateRoom(room);
}

std::vector<core::Room> PracticeSetupService::Rooms(bool include_inactive) {
    m_context.RequireSignedIn();
    return m_resources.Rooms(include_inactive);
}

std::optional<core::Room> PracticeSetupService::Room(core::RoomId id) {
    return m_resources.GetRoom(id);
}

core::ServiceId PracticeSetupService::AddService(core::Service& service) {
    m_context.Require(core::Right::kChangeSettings);
    return m_resources.AddService(service);
}

void PracticeSetupService::UpdateService(const core::Service& service) {
    m_context.Require(core::Right::kChangeSettings);
    m_resources.UpdateService(service);
}

std::vector<core::Service> PracticeSetupService::Services(bool include_inactive) {
    m_context.RequireSignedIn();
    return m_resources.Services(include_inactive);
}

std::optional<core::Service> PracticeSetupService::Service(core::ServiceId id) {
    return m_resources.GetService(id);
}

core::HoursSetting PracticeSetupService::Pattern(const std::optional<core::StaffId>& staff) {
    m_context.RequireSignedIn();
    return m_hours.Pattern(staff);
}

std::map<core::StaffId, core::HoursSetting> PracticeSetupService::StaffPatterns() {
    return m_hours.StaffPatterns();
}

void PracticeSetupService::SetDay(const std::optional<core::StaffId>& staff, core::Weekday weekday,
                                  const std::optional<std::vector<core::TimeRange>>& ranges) {
    m_context.Require(core::Right::kChangeSettings);
    m_hours.SetDay(staff, weekday, ranges);
}

db::DaysOffId PracticeSetupService::AddDaysOff(const std::optional<core::StaffId>& staff,
                                               const core::DaysOff& days) {
    m_context.Require(core::Right::kChangeSettings);
    return m_hours.AddDaysOff(staff, days);
}

void PracticeSetupService::RemoveDaysOff(db::DaysOffId id) {
    m_context.Require(core::Right::kChangeSettings);
    m_hours.RemoveDaysOff(id);
}

std::vector<db::DaysOffEntry> PracticeSetupService::DaysOff(
    const std::optional<core::StaffId>& staff, const core::Date& from, const core::Date& to) {
    m_context.RequireSignedIn();
    return m_hours.DaysOffBetween(staff, from, to);
}

std::vector<db::DaysOffEntry> PracticeSetupService::AllDaysOff(const core::Date& from,
                                                               const core::Date& to) {
    return m_hours.AllDaysOffBetween(from, to);
}

core::HoursOfDay PracticeSetupService::HoursOn(core::StaffId therapist, const core::Date& date) {
    return HoursBetween(therapist, date, date);
}

core::HoursOfDay PracticeSetupService::HoursBetween(const std::optional<core::StaffId>& therapist,
                                                    const core::Date& from, const core::Date& to) {
    return m_hours.HoursBetween(therapist, from, to);
}

}  // namespace myodesk::services
