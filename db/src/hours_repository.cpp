#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/hours_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

namespace myodesk::db {

namespace {

constexpr detail::StoredValues kStoredHours{"opening or working hours entry"};

void ThrowIfInvalid(core::ValidationProblems problems) {
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

// The table and the condition selecting the clinic's rows or one therapist's.
struct Owner {
    const char* table;
    const char* where;  // binds :staff_id for a therapist
};

Owner OwnerOf(const std::optional<core::StaffId>& staff) {
    return staff ? Owner{"staff_hours", "staff_id = :staff_id"} : Owner{"clinic_hours", "1 = 1"};
}

// Adds a stored row of `table` to `pattern`: a weekday's range, or its closing (no times).
void AddHoursRow(core::HoursSetting& pattern, const std::string& weekday,
                 const detail::Nullable<int>& start, const detail::Nullable<int>& end,
                 const char* table) {
    const auto day = kStoredHours.Code<core::Weekday>(weekday, fmt::format("{}.weekday", table));
    auto& ranges = pattern.days.at(static_cast<std::size_t>(day));
    if (!ranges) {
        ranges.emplace();
    }
    if (start.Get() && end.Get()) {
        ranges->push_back({*start.Get(), *end.Get()});
    }
}

constexpr detail::StoredValues kStoredDaysOff{"days off entry"};

// The days off of a statement selecting (id, staff_id, from_date, to_date), bound and ready.
std::vector<DaysOffEntry> ReadDaysOff(soci::statement& statement, const long long& id,
                                      const detail::Nullable<long long>& owner,
                                      const std::string& from_date, const std::string& to_date) {
    statement.execute(false);
    std::vector<DaysOffEntry> entries;
    while (statement.fetch()) {
        entries.push_back({id, owner.Get(),
                           core::DaysOff{kStoredDaysOff.Date(from_date, "days_off.from_date"),
                                         kStoredDaysOff.Date(to_date, "days_off.to_date")}});
    }
    return entries;
}

}  // namespace

HoursRepository::HoursRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::HoursSetting HoursRepository::Pattern(const std::optional<core::StaffId>& staff) {
    return Guard("read the hours", [&] {
        const Owner owner = OwnerOf(staff);
        long long staff_id = staff.value_or(0);
        std::string weekday;
        detail::Nullable<int> start, end;
        const std::string sql = fmt::format(
            "SELECT weekday, start_minute, end_minute FROM {} WHERE {} ORDER BY "
            "weekday, position",
            owner.table, owner.where);
        soci::statement statement =
            staff ? detail::OneCallStatement(SociSession(m_database), sql, soci::into(weekday),
                                             soci::into(start.value, start.indicator),
                                             soci::into(end.value, end.indicator),
                                             soci::use(staff_id, "staff_id"))
                  : detail::OneCallStatement(SociSession(m_database), sql, soci::into(weekday),
                                             soci::into(start.value, start.indicator),
                                             soci::into(end.value, end.indicator));
        statement.execute(false);
        core::HoursSetting pattern;
        while (statement.fetch()) {
            AddHoursRow(pattern, weekday, start, end, owner.table);
        }
        return pattern;
    });
}

std::map<core::StaffId, core::HoursSetting> HoursRepository::StaffPatterns() {
    return Guard("read the hours", [&] {
        long long staff_id = 0;
        std::string weekday;
        detail::Nullable<int> start, end;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT staff_id, weekday, start_minute, end_minute FROM staff_hours ORDER BY "
            "staff_id, weekday, position",
            soci::into(staff_id), soci::into(weekday), soci::into(start.value, start.indicator),
            soci::into(end.value, end.indicator));
        statement.execute(false);
        std::map<core::StaffId, core::HoursSetting> patterns;
        while (statement.fetch()) {
            AddHoursRow(patterns[staff_id], weekday, start, end, "staff_hours");
        }
        return patterns;
    });
}

void HoursRepository::SetDay(const std::optional<core::StaffId>& staff, core::Weekday weekday,
                             const std::optional<std::vector<core::TimeRange>>& ranges) {
    if (ranges) {
        core::WeeklyHours check;
        check.days.at(static_cast<std::size_t>(weekday)) = *ranges;
        ThrowIfInvalid(core::ValidateWeeklyHours(check));
    }
    Guard("save the hours", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        long long staff_id = staff.value_or(0);
        std::string day = detail::Code(weekday);
        const Owner owner = OwnerOf(staff);
        if (staff) {
            detail::RequireStaff(session, *staff);
            session << fmt::format("DELETE FROM {} WHERE {} AND weekday = :weekday", owner.table,
                                   owner.where),
                soci::use(staff_id, "staff_id"), soci::use(day, "weekday");
        } else {
            session << fmt::format("DELETE FROM {} WHERE weekday = :weekday", owner.table),
                soci::use(day, "weekday");
        }
        if (ranges) {
            // A closed day is one row without times.
            std::vector<std::optional<core::TimeRange>> rows(ranges->begin(), ranges->end());
            if (rows.empty()) {
                rows.emplace_back(std::nullopt);
            }
            int position = 0;
            detail::Nullable<int> start, end;
            const std::string columns = staff ? "staff_id, " : "";
            const std::string values = staff ? ":staff_id, " : "";
            soci::statement insert =
                staff ? (session.prepare << fmt::format(
                             "INSERT INTO {} ({}weekday, position, start_minute, end_minute) "
                             "VALUES ({}:weekday, :position, :start_minute, :end_minute)",
                             owner.table, columns, values),
                         soci::use(staff_id, "staff_id"), soci::use(day, "weekday"),
                         soci::use(position, "position"),
                         soci::use(start.value, start.indicator, "start_minute"),
                         soci::use(end.value, end.indicator, "end_minute"))
                      : (session.prepare << fmt::format(
                             "INSERT INTO {} (weekday, position, start_minute, end_minute) "
                             "VALUES (:weekday, :position, :start_minute, :end_minute)",
                             owner.table),
                         soci::use(day, "weekday"), soci::use(position, "position"),
                         soci::use(start.value, start.indicator, "start_minute"),
                         soci::use(end.value, end.indicator, "end_minute"));
            for (const auto& range : rows) {
                start.Set(range ? std::optional<int>(range->start_minute) : std::nullopt);
                end.Set(range ? std::optional<int>(range->end_minute) : std::nullopt);
                insert.execute(true);
                ++position;
            }
        }
        transaction.Commit();
    });
}

DaysOffId HoursRepository::AddDaysOff(const std::optional<core::StaffId>& staff,
                                      const core::DaysOff& days) {
    ThrowIfInvalid(core::ValidateDaysOff(days));
    return Guard("add the days off", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        if (staff) {
            detail::RequireStaff(session, *staff);
        }
        detail::Nullable<long long> staff_id =
            detail::NullableOf(staff ? std::optional<long long>(*staff) : std::nullopt);
        std::string from = core::FormatIsoDate(days.from);
        std::string to = core::FormatIsoDate(days.to);
        std::string created_at = UtcTimestamp(m_clock());
        long long id = 0;
        session << "INSERT INTO days_off (staff_id, from_date, to_date, created_at) VALUES "
                   "(:staff_id, :from_date, :to_date, :created_at) RETURNING id",
            soci::use(staff_id.value, staff_id.indicator, "staff_id"), soci::use(from, "from_date"),
            soci::use(to, "to_date"), soci::use(created_at, "created_at"), soci::into(id);
        transaction.Commit();
        return id;
    });
}

void HoursRepository::RemoveDaysOff(DaysOffId id) {
    Guard("remove the days off", [&] {
        long long entry = id;
        soci::statement statement =
            (SociSession(m_database).prepare << "DELETE FROM days_off WHERE id = :id",
             soci::use(entry, "id"));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            throw NotFoundError(fmt::format("There are no days off with id {}.", id));
        }
    });
}

core::HoursOfDay HoursRepository::HoursBetween(const std::optional<core::StaffId>& therapist,
                                               const core::Date& from, const core::Date& to) {
    const core::HoursSetting clinic = Pattern();
    core::HoursOfDay hours;
    hours.clinic = core::EffectiveHours(clinic);
    hours.therapist = therapist ? core::EffectiveHours(clinic, Pattern(therapist)) : hours.clinic;
    for (const DaysOffEntry& entry : DaysOffBetween(therapist, from, to)) {
        (entry.staff ? hours.therapist_off : hours.clinic_off).push_back(entry.days);
    }
    return hours;
}

std::vector<DaysOffEntry> HoursRepository::DaysOffBetween(const std::optional<core::StaffId>& staff,
                                                          const core::Date& from,
                                                          const core::Date& to) {
    return Guard("read the days off", [&] {
        long long staff_id = staff.value_or(0);
        std::string first = core::FormatIsoDate(from);
        std::string last = core::FormatIsoDate(to);
        long long id = 0;
        detail::Nullable<long long> owner;
        std::string from_date, to_date;
        // Ids start at 1: without a therapist, staff_id = 0 matches only the clinic's rows.
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT id, staff_id, from_date, to_date FROM days_off WHERE (staff_id IS NULL OR "
            "staff_id = :staff_id) AND to_date >= :first AND from_date <= :last "
            "ORDER BY from_date, id",
            soci::into(id), soci::into(owner.value, owner.indicator), soci::into(from_date),
            soci::into(to_date), soci::use(staff_id, "staff_id"), soci::use(first, "first"),
            soci::use(last, "last"));
        return ReadDaysOff(statement, id, owner, from_date, to_date);
    });
}

std::vector<DaysOffEntry> HoursRepository::AllDaysOffBetween(const core::Date& from,
                                                             const core::Date& to) {
    return Guard("read the days off", [&] {
        std::string first = core::FormatIsoDate(from);
        std::string last = core::FormatIsoDate(to);
        long long id = 0;
        detail::Nullable<long long> owner;
        std::string from_date, to_date;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT id, staff_id, from_date, to_date FROM days_off WHERE to_date >= :first AND "
            "from_date <= :last ORDER BY from_date, id",
            soci::into(id), soci::into(owner.value, owner.indicator), soci::into(from_date),
            soci::into(to_date), soci::use(first, "first"), soci::use(last, "last"));
        return ReadDaysOff(statement, id, owner, from_date, to_date);
    });
}

}  // namespace myodesk::db
