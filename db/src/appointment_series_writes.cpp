// AppointmentRepository's recurring series: booking one, reading its occurrences, "this and
// following", and ending it.

#include "appointment_row.h"
#include "appointment_series_rows.h"
#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "session_clash_check.h"
#include "soci_session.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <map>

namespace myodesk::db {

namespace {

using core::Appointment;
using core::AppointmentSeries;

// Every day a series can hold, for reads of a whole series.
constexpr core::Date kEarliest{std::chrono::year{1}, std::chrono::January, std::chrono::day{1}};
constexpr core::Date kLatest{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

void Validate(const AppointmentSeries& series, const core::Date& today) {
    auto problems = core::ValidateSeries(series, today);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

// The series, held until the transaction ends, with the days of all its stored occurrences.
std::optional<AppointmentSeries> ReadWhole(Database& database, core::SeriesId id, bool lock) {
    auto found = detail::ReadSeries(SociSession(database),
                                    {.from = kEarliest,
                                     .to = kLatest,
                                     .therapist = std::nullopt,
                                     .client = std::nullopt,
                                     .id = id,
                                     .lock = lock,
                                     .lock_clause = database.GetDialect().lock_selected_rows});
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

// The client, therapist, room and service of the pattern exist (the people and the room held);
// returns the room's changeover.
int RequirePlace(Database& database, const Appointment& pattern) {
    soci::session& session = SociSession(database);
    const std::string_view lock = database.GetDialect().lock_selected_rows;
    detail::RequireClient(session, pattern.client_id, lock);
    const std::string_view hold = database.GetDialect().hold_booked_row;
    detail::RequireStaff(session, pattern.therapist_id, hold);
    if (pattern.service_id) {
        detail::RequireService(session, *pattern.service_id);
    }
    return pattern.room_id ? detail::RequireRoom(session, *pattern.room_id, hold) : 0;
}

// Every occurrence of the series from `from` on is free: the stored ones as they are (those
// that hold a slot), the others as the series has them.
void CheckOccurrences(Database& database, const AppointmentSeries& series, const core::Date& from,
                      int changeover) {
    soci::session& session = SociSession(database);
    std::map<core::Date, Appointment> stored;
    for (Appointment& appointment : detail::SelectAppointments(session, "series_id = :series_id",
                                                               {}, {{"series_id", series.id}})) {
        stored.emplace(*appointment.occurrence_date, std::move(appointment));
    }
    core::Recurrence rule = series.rule;
    rule.exceptions.clear();
    const auto last = core::LastOccurrence(series.pattern.date, rule);
    if (!last) {
        return;
    }
    const detail::OwnOccurrences own{series.id, std::nullopt};
    for (const core::Date& day : core::OccurrencesBetween(series.pattern.date, rule, from, *last)) {
        const auto found = stored.find(day);
        if (found == stored.end()) {
            detail::CheckNoClash(session,
                                 detail::SlotOf(core::OccurrenceOf(series, day), changeover), own);
        } else if (core::HoldsSlot(found->second.status)) {
            int room_changeover = 0;
            if (found->second.room_id) {
                room_changeover = detail::RequireRoom(session, *found->second.room_id);
            }
            detail::CheckNoClash(session, detail::SlotOf(found->second, room_changeover), own);
        }
    }
}

core::SeriesId InsertSeries(Database& database, AppointmentSeries& series) {
    detail::SeriesRow row = detail::SeriesRow::From(series);
    series.id = detail::InsertRow(SociSession(database), "appointment_series", row);
    return series.id;
}

core::AppointmentId InsertOccurrence(Database& database, Appointment& occurrence,
                                     const std::string& now) {
    detail::AppointmentRow row = detail::AppointmentRow::From(occurrence);
    row.created_at = now;
    row.version = 1;
    occurrence.id = detail::InsertRow(SociSession(database), "appointments", row);
    occurrence.created_at = now;
    occurrence.version = 1;
    return occurrence.id;
}

// Ends the stored series `id` with the rule `rule` (its days up to the new last one).
void SaveEnd(Database& database, core::SeriesId id, const core::Date& first,
             const core::Recurrence& rule) {
    long long series_id = id;
    detail::Nullable<std::string> until = detail::NullableOf(detail::OptionalDate(rule.until));
    detail::Nullable<int> count = detail::NullableOf(rule.count);
    std::string last = core::FormatIsoDate(core::LastOccurrence(first, rule).value_or(first));
    SociSession(database) << "UPDATE appointment_series SET until_date = :until_date, "
                             "occurrence_count = :occurrence_count, last_date = :last_date "
                             "WHERE id = :id",
        soci::use(until.value, until.indicator, "until_date"),
        soci::use(count.value, count.indicator, "occurrence_count"), soci::use(last, "last_date"),
        soci::use(series_id, "id");
}

}  // namespace

core::AppointmentId AppointmentRepository::BookSeries(AppointmentSeries& series,
                                                      const core::Date& today) {
    series.pattern.occurrence_date = series.pattern.date;
    series.pattern.status = core::AppointmentStatus::kBooked;
    Validate(series, today);
    return Guard("book the series", [&] {
        Transaction transaction(m_database);
        const int changeover = RequirePlace(m_database, series.pattern);
        series.created_at = UtcTimestamp(m_clock());
        series.rule.exceptions.clear();
        InsertSeries(m_database, series);
        CheckOccurrences(m_database, series, series.pattern.date, changeover);
        Appointment first = core::OccurrenceOf(series, series.pattern.date);
        const core::AppointmentId id = InsertOccurrence(m_database, first, series.created_at);
        transaction.Commit();
        series.pattern.series_id = series.id;
        series.pattern.created_at = series.created_at;
        return id;
    });
}

std::optional<AppointmentSeries> AppointmentRepository::GetSeries(core::SeriesId id) {
    return Guard("read the series", [&]() -> std::optional<AppointmentSeries> {
        auto series = ReadWhole(m_database, id, false);
        if (series) {
            series->rule.exceptions.clear();
        }
        return series;
    });
}

std::optional<Appointment> AppointmentRepository::Occurrence(core::SeriesId id,
                                                             const core::Date& day) {
    return Guard("read the appointment", [&]() -> std::optional<Appointment> {
        soci::session& session = SociSession(m_database);
        auto stored =
            detail::SelectAppointments(session, "series_id = :series_id AND occurrence_date = :day",
                                       {{"day", core::FormatIsoDate(day)}}, {{"series_id", id}});
        if (!stored.empty()) {
            return stored.front();
        }
        auto series = ReadWhole(m_database, id, false);
        if (!series || !core::IsOccurrence(series->pattern.date, series->rule, day)) {
            return std::nullopt;
        }
        return core::OccurrenceOf(*series, day);
    });
}

core::AppointmentId AppointmentRepository::ChangeFollowing(Appointment& changed,
                                                           const core::Date& today) {
    return Guard("change the series", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        const core::SeriesId old_id = changed.series_id.value_or(0);
        const auto series = ReadWhole(m_database, old_id, true);
        const auto at = changed.occurrence_date;
        if (!series || !at) {
            throw NotFoundError(fmt::format("There is no series with id {}.", old_id));
        }
        auto following = core::FollowingSeries(*series, changed);
        if (!following) {
            throw NotFoundError(fmt::format("The series {} has no appointment on {}.", old_id,
                                            core::FormatIsoDate(*at)));
        }
        // The occurrence as it was read: stored then (same version) or still unstored.
        const bool was_stored =
            std::find(series->rule.exceptions.begin(), series->rule.exceptions.end(), *at) !=
            series->rule.exceptions.end();
        if (was_stored != (changed.id != 0)) {
            throw ConflictError(fmt::format(
                "The appointment of {} in this series was changed at another desk after you "
                "opened it. Reload it to see the other change, then make yours again.",
                core::FormatIsoDate(*at)));
        }
        Validate(*following, today);
        const int changeover = RequirePlace(m_database, following->pattern);
        following->created_at = UtcTimestamp(m_clock());
        InsertSeries(m_database, *following);

        // The stored occurrences from `at` on go to the new series, moved as it moved; the
        // booked ones take the change.
        const int moved = core::DaysBetween(*at, changed.date);
        Appointment result = changed;
        for (const Appointment& occurrence : detail::SelectAppointments(
                 session, "series_id = :series_id AND occurrence_date >= :at",
                 {{"at", core::FormatIsoDate(*at)}}, {{"series_id", old_id}})) {
            if (occurrence.id == changed.id && occurrence.version != changed.version) {
                throw ConflictError(fmt::format(
                    "Appointment {} was changed at another desk after you opened it. Reload it "
                    "to see the other change, then make yours again.",
                    changed.id));
            }
            const core::Date day = core::AddDays(*occurrence.occurrence_date, moved);
            Appointment updated = occurrence.status == core::AppointmentStatus::kBooked
                                      ? core::OccurrenceOf(*following, day)
                                      : occurrence;
            updated.id = occurrence.id;
            updated.status = occurrence.status;  // and who changed it, when and why
            updated.status_changed_at = occurrence.status_changed_at;
            updated.status_changed_by = occurrence.status_changed_by;
            updated.cancel_reason = occurrence.cancel_reason;
            updated.series_id = following->id;
            updated.occurrence_date = day;
            updated.plan_id = occurrence.plan_id;
            updated.plan_session = occurrence.plan_session;
            if (occurrence.id == changed.id) {
                updated.notes = changed.notes;
                updated.flag_override = changed.flag_override;
            }
            detail::AppointmentRow row = detail::AppointmentRow::From(updated);
            detail::SaveAppointmentRow(session, row);
            if (occurrence.id == changed.id) {
                result = updated;
                result.version = occurrence.version + 1;
            }
        }
        if (!was_stored) {
            result = core::OccurrenceOf(*following, following->pattern.date);
            InsertOccurrence(m_database, result, following->created_at);
        }

        // The series before `at`: ended the day before, or gone when `at` was its first day.
        if (*at == series->pattern.date) {
            long long id = old_id;
            session << "DELETE FROM appointment_series WHERE id = :id", soci::use(id, "id");
        } else {
            const auto split = core::SplitSeries(series->pattern.date, series->rule, *at);
            SaveEnd(m_database, old_id, series->pattern.date, split->before);
        }
        CheckOccurrences(m_database, *following, following->pattern.date, changeover);
        transaction.Commit();
        changed = result;
        return changed.id;
    });
}

void AppointmentRepository::EndSeriesAfter(core::SeriesId id, const core::Date& day) {
    Guard("end the series", [&] {
        Transaction transaction(m_database);
        const auto series = ReadWhole(m_database, id, true);
        core::Recurrence rule = series ? series->rule : core::Recurrence{};
        rule.exceptions.clear();
        if (!series || !core::IsOccurrence(series->pattern.date, rule, day)) {
            throw NotFoundError(fmt::format("The series {} has no appointment on {}.", id,
                                            core::FormatIsoDate(day)));
        }
        if (rule.count) {
            rule.count = static_cast<int>(core::DaysBetween(series->pattern.date, day) /
                                          (7 * rule.every_weeks)) +
                         1;
        } else {
            rule.until = day;
        }
        SaveEnd(m_database, id, series->pattern.date, rule);
        transaction.Commit();
    });
}

}  // namespace myodesk::db
