#include "appointment_series_rows.h"
#include "one_call_statement.h"

#include <myodesk/core/client.h>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace myodesk::db::detail {

SeriesRow SeriesRow::From(const core::AppointmentSeries& series) {
    const core::Appointment& pattern = series.pattern;
    SeriesRow row;
    row.id = series.id;
    row.client_id = pattern.client_id;
    row.therapist_id = pattern.therapist_id;
    row.first_date = core::FormatIsoDate(pattern.date);
    row.start_minute = pattern.start_minute;
    row.duration_min = pattern.duration_min;
    row.room_id.Set(pattern.room_id ? std::optional<long long>(*pattern.room_id) : std::nullopt);
    row.service_id.Set(pattern.service_id ? std::optional<long long>(*pattern.service_id)
                                          : std::nullopt);
    row.notes = pattern.notes;
    row.flag_override = pattern.flag_override;
    row.every_weeks = series.rule.every_weeks;
    row.until_date.Set(OptionalDate(series.rule.until));
    row.occurrence_count.Set(series.rule.count);
    row.last_date =
        core::FormatIsoDate(core::LastOccurrence(pattern.date, series.rule).value_or(pattern.date));
    row.created_at = series.created_at;
    return row;
}

core::AppointmentSeries SeriesRow::ToSeries() const {
    core::AppointmentSeries series;
    series.id = id;
    core::Appointment& pattern = series.pattern;
    pattern.client_id = client_id;
    pattern.therapist_id = therapist_id;
    pattern.date = kStoredSeries.Date(first_date, "appointment_series.first_date");
    pattern.start_minute = start_minute;
    pattern.duration_min = duration_min;
    pattern.room_id = room_id.Get();
    pattern.service_id = service_id.Get();
    pattern.notes = notes;
    pattern.flag_override = flag_override;
    pattern.series_id = id;
    pattern.occurrence_date = pattern.date;
    pattern.created_at = created_at;
    series.rule.every_weeks = every_weeks;
    if (const auto until = until_date.Get()) {
        series.rule.until = kStoredSeries.Date(*until, "appointment_series.until_date");
    }
    series.rule.count = occurrence_count.Get();
    series.created_at = created_at;
    return series;
}

namespace {

// The WHERE clause of a selection over `appointment_series s`, and its binds.
struct SelectionSql {
    std::string where;
    std::string from_date;
    std::string to_date;
    long long therapist = 0;
    long long client = 0;
    long long id = 0;
};

SelectionSql WhereOf(const SeriesSelection& selection) {
    SelectionSql sql;
    sql.from_date = core::FormatIsoDate(selection.from);
    sql.to_date = core::FormatIsoDate(selection.to);
    // A series with a holder that does not apply binds 0, which matches no row (ids start at 1).
    sql.where = "s.first_date <= :to_date AND s.last_date >= :from_date";
    sql.where +=
        selection.therapist ? " AND s.therapist_id = :therapist_id" : " AND :therapist_id = 0";
    sql.where += selection.client ? " AND s.client_id = :client_id" : " AND :client_id = 0";
    sql.where += selection.id ? " AND s.id = :series_id" : " AND :series_id = 0";
    sql.therapist = selection.therapist.value_or(0);
    sql.client = selection.client.value_or(0);
    sql.id = selection.id.value_or(0);
    return sql;
}

}  // namespace

std::vector<core::AppointmentSeries> ReadSeries(soci::session& session,
                                                const SeriesSelection& selection) {
    SelectionSql sql = WhereOf(selection);
    std::vector<core::AppointmentSeries> found;
    {
        SeriesRow row;
        soci::statement statement(session);
        statement.exchange(soci::into(row.id));
        VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
        statement.exchange(soci::use(sql.from_date, "from_date"));
        statement.exchange(soci::use(sql.to_date, "to_date"));
        statement.exchange(soci::use(sql.therapist, "therapist_id"));
        statement.exchange(soci::use(sql.client, "client_id"));
        statement.exchange(soci::use(sql.id, "series_id"));
        statement.alloc();
        PrepareForOneCall(statement,
                          fmt::format("SELECT s.id, {} FROM appointment_series s WHERE {} "
                                      "ORDER BY s.id{}",
                                      fmt::join(ColumnNames<SeriesRow>(), ", "), sql.where,
                                      selection.lock ? selection.lock_clause : ""));
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            found.push_back(row.ToSeries());
        }
    }
    if (found.empty()) {
        return found;
    }
    // The stored occurrences of those series in the period, in one read.
    std::string from_day = sql.from_date;
    std::string to_day = sql.to_date;
    long long series_id = 0;
    std::string day;
    soci::statement days = OneCallStatement(
        session,
        fmt::format("SELECT a.series_id, a.occurrence_date FROM appointments a JOIN "
                    "appointment_series s ON s.id = a.series_id WHERE {} AND "
                    "a.occurrence_date >= :from_day AND a.occurrence_date <= :to_day "
                    "ORDER BY a.series_id, a.occurrence_date",
                    sql.where),
        soci::into(series_id), soci::into(day), soci::use(sql.from_date, "from_date"),
        soci::use(sql.to_date, "to_date"), soci::use(sql.therapist, "therapist_id"),
        soci::use(sql.client, "client_id"), soci::use(sql.id, "series_id"),
        soci::use(from_day, "from_day"), soci::use(to_day, "to_day"));
    days.execute(false);
    while (days.fetch()) {
        const auto series = std::find_if(found.begin(), found.end(),
                                         [&](const auto& one) { return one.id == series_id; });
        if (series != found.end()) {
            series->rule.exceptions.push_back(
                kStoredSeries.Date(day, "appointments.occurrence_date"));
        }
    }
    return found;
}

std::vector<core::Appointment> UnstoredOccurrences(soci::session& session,
                                                   const SeriesSelection& selection) {
    std::vector<core::Appointment> occurrences;
    for (const core::AppointmentSeries& series : ReadSeries(session, selection)) {
        for (const core::Date& day : core::OccurrencesBetween(series.pattern.date, series.rule,
                                                              selection.from, selection.to)) {
            occurrences.push_back(core::OccurrenceOf(series, day));
        }
    }
    std::stable_sort(occurrences.begin(), occurrences.end(),
                     [](const core::Appointment& a, const core::Appointment& b) {
                         return std::tie(a.date, a.start_minute) < std::tie(b.date, b.start_minute);
                     });
    return occurrences;
}

void ReadSeriesOnDay(soci::session& session, const core::Date& date, const SlotHolders& holders,
                     const OwnOccurrences& own, std::vector<BookedSession>& into) {
    // Every bind name appears once in the statement, as in the rest of db/, so the same day
    // is bound under three names.
    std::string day = core::FormatIsoDate(date);
    std::string day_alive = day;
    std::string day_stored = day;
    long long therapist_id = holders.therapist;
    long long client_id = holders.client;
    long long room_id = holders.room.value_or(0);  // 0 matches no room
    SeriesRow row;
    long long first_appointment = 0;
    soci::indicator first_indicator = soci::i_null;
    core::ClientSummary person;
    std::string therapist_name, room_name;
    int changeover = 0;
    soci::statement statement(session);
    statement.exchange(soci::into(row.id));
    VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
    statement.exchange(soci::into(first_appointment, first_indicator));
    statement.exchange(soci::into(therapist_name));
    statement.exchange(soci::into(person.given_name));
    statement.exchange(soci::into(person.family_name));
    statement.exchange(soci::into(person.preferred_name));
    statement.exchange(soci::into(room_name));
    statement.exchange(soci::into(changeover));
    statement.exchange(soci::use(day, "day"));
    statement.exchange(soci::use(day_alive, "day_alive"));
    statement.exchange(soci::use(day_stored, "day_stored"));
    statement.exchange(soci::use(therapist_id, "therapist_id"));
    statement.exchange(soci::use(client_id, "client_id"));
    statement.exchange(soci::use(room_id, "room_id"));
    statement.alloc();
    std::vector<std::string> columns;
    for (const std::string& name : ColumnNames<SeriesRow>()) {
        columns.push_back("s." + name);
    }
    PrepareForOneCall(
        statement,
        fmt::format(
            "SELECT s.id, {}, (SELECT MIN(f.id) FROM appointments f WHERE f.series_id = "
            "s.id AND f.occurrence_date = s.first_date), st.name, c.given_name, "
            "c.family_name, c.preferred_name, COALESCE(r.name, ''), "
            "COALESCE(r.changeover_min, 0) FROM appointment_series s JOIN staff st ON "
            "st.id = s.therapist_id JOIN clients c ON c.id = s.client_id LEFT JOIN rooms "
            "r ON r.id = s.room_id WHERE s.first_date <= :day AND s.last_date >= :day_alive "
            "AND (s.therapist_id = :therapist_id OR s.client_id = :client_id OR "
            "s.room_id = :room_id) AND NOT EXISTS (SELECT 1 FROM appointments a WHERE "
            "a.series_id = s.id AND a.occurrence_date = :day_stored) ORDER BY s.start_minute, "
            "s.id",
            fmt::join(columns, ", ")));
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        const core::AppointmentSeries series = row.ToSeries();
        const bool own_series = own.series == series.id;
        if (!core::IsOccurrence(series.pattern.date, series.rule, date) ||
            (own_series && (!own.day || *own.day == date))) {
            continue;
        }
        const core::SessionSlot slot = SlotOf(core::OccurrenceOf(series, date), changeover);
        std::optional<core::AppointmentRef> ref;
        if (first_indicator == soci::i_ok) {
            ref = core::AppointmentRef{first_appointment, date};
        }
        into.push_back({slot, therapist_name, core::DisplayName(person), room_name, ref});
    }
}

}  // namespace myodesk::db::detail
