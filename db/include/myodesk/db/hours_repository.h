#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace myodesk::db {

using DaysOffId = std::int64_t;

// A stored period off: of one therapist, or of the whole clinic (a public holiday).
struct DaysOffEntry {
    DaysOffId id = 0;
    std::optional<core::StaffId> staff;  // nullopt: the clinic is closed
    core::DaysOff days;
    friend bool operator==(const DaysOffEntry&, const DaysOffEntry&) = default;
};

// The clinic's opening hours, each therapist's working hours (a weekday each), and days off.
class HoursRepository {
  public:
    explicit HoursRepository(Database& database, Clock clock = SystemNow);

    // The clinic's pattern (staff nullopt) or a therapist's: each weekday unset, closed or
    // open at its ranges.
    core::HoursSetting Pattern(const std::optional<core::StaffId>& staff = std::nullopt);
    // Every therapist's pattern in one read, for a view of all of them (the book's day): a
    // therapist without a weekday set is not in it (Pattern(id) gives an empty pattern then).
    std::map<core::StaffId, core::HoursSetting> StaffPatterns();
    // Everything core::CheckHours needs for the therapist from `from` to `to` (one read of the
    // patterns and the days off); with no therapist, the clinic's hours stand for theirs.
    core::HoursOfDay HoursBetween(const std::optional<core::StaffId>& therapist,
                                  const core::Date& from, const core::Date& to);
    // Sets one weekday of the clinic's or a therapist's pattern in one transaction: nullopt
    // unsets it, an empty list closes it. ValidationError for ranges core::ValidateWeeklyHours
    // refuses (fields "monday[0]" ...); NotFoundError for an unknown therapist.
    void SetDay(const std::optional<core::StaffId>& staff, core::Weekday weekday,
                const std::optional<std::vector<core::TimeRange>>& ranges);

    // ValidationError for a period core::ValidateDaysOff refuses; NotFoundError for an
    // unknown therapist. Returns the new entry's id.
    DaysOffId AddDaysOff(const std::optional<core::StaffId>& staff, const core::DaysOff& days);
    // NotFoundError when there is no such entry.
    void RemoveDaysOff(DaysOffId id);
    // The periods off that touch [from, to]: the therapist's and the clinic's (only the
    // clinic's when `staff` is nullopt), by first day.
    std::vector<DaysOffEntry> DaysOffBetween(const std::optional<core::StaffId>& staff,
                                             const core::Date& from, const core::Date& to);
    // Everyone's periods off that touch [from, to] in one read, every therapist's and the
    // clinic's, by first day: for a view of all the therapists.
    std::vector<DaysOffEntry> AllDaysOffBetween(const core::Date& from, const core::Date& to);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
