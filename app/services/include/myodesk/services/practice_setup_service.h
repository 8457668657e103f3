#pragma once

#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/db/clinic_resource_repository.h>
#include <myodesk/db/hours_repository.h>
#include <myodesk/services/context.h>

#include <map>
#include <optional>
#include <vector>

namespace myodesk::services {

// How the practice is set up for booking: rooms, services, the clinic's opening hours, each
// therapist's working hours, and days off. The GUI's setup dialogs and the CLI's `rooms`,
// `services` and `hours` commands both come here.
class PracticeSetupService {
  public:
    explicit PracticeSetupService(Context& context);

    core::RoomId AddRoom(core::Room& room);
    void UpdateRoom(const core::Room& room);
    std::vector<core::Room> Rooms(bool include_inactive = false);
    std::optional<core::Room> Room(core::RoomId id);

    core::ServiceId AddService(core::Service& service);
    void UpdateService(const core::Service& service);
    std::vector<core::Service> Services(bool include_inactive = false);
    std::optional<core::Service> Service(core::ServiceId id);

    // The clinic's pattern (nullopt) or a therapist's, as set.
    core::HoursSetting Pattern(const std::optional<core::StaffId>& staff = std::nullopt);
    // Every therapist's pattern in one read (one not in it has no weekday set): for a view of
    // all of them, where a Pattern(id) each would be a read each.
    std::map<core::StaffId, core::HoursSetting> StaffPatterns();
    // Sets one weekday (nullopt unsets it, an empty list closes it).
    void SetDay(const std::optional<core::StaffId>& staff, core::Weekday weekday,
                const std::optional<std::vector<core::TimeRange>>& ranges);
    db::DaysOffId AddDaysOff(const std::optional<core::StaffId>& staff, const core::DaysOff& days);
    void RemoveDaysOff(db::DaysOffId id);
    // The periods off touching [from, to]: the therapist's and the clinic's holidays.
    std::vector<db::DaysOffEntry> DaysOff(const std::optional<core::StaffId>& staff,
                                          const core::Date& from, const core::Date& to);
    // Everyone's periods touching [from, to] in one read: every therapist's and the clinic's.
    std::vector<db::DaysOffEntry> AllDaysOff(const core::Date& from, const core::Date& to);

    // Everything core::CheckHours needs for the therapist on `date`.
    core::HoursOfDay HoursOn(core::StaffId therapist, const core::Date& date);
    // The same for a run of days (one read of the patterns and the days off); with no
    // therapist, the clinic's hours stand for theirs.
    core::HoursOfDay HoursBetween(const std::optional<core::StaffId>& therapist,
                                  const core::Date& from, const core::Date& to);

  private:
    Context& m_context;
    db::ClinicResourceRepository m_resources;
    db::HoursRepository m_hours;
};

}  // namespace myodesk::services
