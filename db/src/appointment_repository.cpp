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
#include <iterator>
#include <tuple>

namespace myodesk::db {

namespace {

using core::Appointment;
using detail::AppointmentRow;

void Validate(const Appointment& appointment, const core::Date& today) {
    auto problems = core::ValidateAppointment(appointment, today);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

// Holds the rows the appointment points at (NotFoundError for a missing one) and refuses a
// clash, inside the caller's transaction.
void CheckPlaceAndTime(Database& database, const Appointment& appointment,
                       const detail::OwnOccurrences& own = {}) {
    soci::session& session = SociSession(database);
    const std::string_view lock = database.GetDialect().lock_selected_rows;
    detail::RequireClient(session, appointment.client_id, lock);
    const std::string_view hold = database.GetDialect().hold_booked_row;
    detail::RequireStaff(session, appointment.therapist_id, hold);
    int changeover = 0;
    if (appointment.room_id) {
        changeover = detail::RequireRoom(session, *appointment.room_id, hold);
    }
    if (appointment.service_id) {
        detail::RequireService(session, *appointment.service_id);
    }
    if (!core::HoldsSlot(appointment.status)) {
        return;
    }
    detail::CheckNoClash(session, detail::SlotOf(appointment, changeover), own);
}

// Before an occurrence of a series is stored: the series (held) falls on its day, and that
// occurrence is not stored yet.
void RequireUnstoredOccurrence(Database& database, const Appointment& occurrence) {
    soci::session& session = SociSession(database);
    const core::Date day = occurrence.occurrence_date.value_or(core::Date{});
    detail::SeriesSelection selection{.from = day,
                                      .to = day,
                                      .therapist = std::nullopt,
                                      .client = std::nullopt,
                                      .id = occurrence.series_id,
                                      .lock = true,
                                      .lock_clause = database.GetDialect().lock_selected_rows};
    const auto series = detail::ReadSeries(session, selection);
    if (series.empty() || !day.ok() ||
        !core::IsOccurrence(series.front().pattern.date,
                            core::Recurrence{series.front().rule.every_weeks,
                                             series.front().rule.until,
                                             series.front().rule.count,
                                             {}},
                            day)) {
        throw NotFoundError(fmt::format("The series {} has no appointment on {}.",
                                        occurrence.series_id.value_or(0),
                                        day.ok() ? core::FormatIsoDate(day) : "that day"));
    }
    if (!series.front().rule.exceptions.empty()) {
        throw ConflictError(fmt::format(
            "The appointment of {} in this series was changed at another desk after you opened "
            "it. Reload it to see the other change, then make yours again.",
            core::FormatIsoDate(day)));
    }
}

// The stored appointments and the unstored occurrences together, by date, time and id.
std::vector<Appointment> WithUnstored(std::vector<Appointment> stored,
                                      std::vector<Appointment> unstored) {
    if (unstored.empty()) {
        return stored;
    }
    std::vector<Appointment> all;
    all.reserve(stored.size() + unstored.size());
    std::merge(std::make_move_iterator(stored.begin()), std::make_move_iterator(stored.end()),
               std::make_move_iterator(unstored.begin()), std::make_move_iterator(unstored.end()),
               std::back_inserter(all), [](const Appointment& a, const Appointment& b) {
                   return std::tie(a.date, a.start_minute) < std::tie(b.date, b.start_minute);
               });
    return all;
}

}  // namespace

namespace detail {

void SaveAppointmentRow(soci::session& session, AppointmentRow& row) {
    session << "UPDATE appointments SET therapist_id = :therapist_id, session_date = "
               ":session_date, start_minute = :start_minute, duration_min = :duration_min, "
               "room_id = :room_id, service_id = :service_id, notes = :notes, status = "
               ":status, status_changed_at = :status_changed_at, status_changed_by = "
               ":status_changed_by, cancel_reason = :cancel_reason, flag_override = "
               ":flag_override, series_id = :series_id, occurrence_date = :occurrence_date, "
               "version = version + 1 WHERE id = :id",
        soci::use(row.therapist_id, "therapist_id"), soci::use(row.session_date, "session_date"),
        soci::use(row.start_minute, "start_minute"), soci::use(row.duration_min, "duration_min"),
        soci::use(row.room_id.value, row.room_id.indicator, "room_id"),
        soci::use(row.service_id.value, row.service_id.indicator, "service_id"),
        soci::use(row.notes, "notes"), soci::use(row.status, "status"),
        soci::use(row.status_changed_at.value, row.status_changed_at.indicator,
                  "status_changed_at"),
        soci::use(row.status_changed_by.value, row.status_changed_by.indicator,
                  "status_changed_by"),
        soci::use(row.cancel_reason, "cancel_reason"),
        soci::use(row.flag_override, "flag_override"),
        soci::use(row.series_id.value, row.series_id.indicator, "series_id"),
        soci::use(row.occurrence_date.value, row.occurrence_date.indicator, "occurrence_date"),
        soci::use(row.id, "id");
}

std::vector<Appointment> SelectAppointments(
    soci::session& session, const std::string& where,
    const std::vector<std::pair<const char*, std::string>>& texts,
    const std::vector<std::pair<const char*, long long>>& numbers) {
    AppointmentRow row;
    soci::statement statement(session);
    statement.exchange(soci::into(row.id));
    VisitColumns(row, [&](const char*, auto& field) { detail::Into(statement, field); });
    std::vector<std::string> text_values;
    text_values.reserve(texts.size());
    for (const auto& [name, value] : texts) {
        text_values.push_back(value);
        statement.exchange(soci::use(text_values.back(), name));
    }
    std::vector<long long> number_values;
    number_values.reserve(numbers.size());
    for (const auto& [name, value] : numbers) {
        number_values.push_back(value);
        statement.exchange(soci::use(number_values.back(), name));
    }
    statement.alloc();
    detail::PrepareForOneCall(
        statement, fmt::format("SELECT id, {} FROM appointments WHERE {} "
                               "ORDER BY session_date, start_minute, id",
                               fmt::join(detail::ColumnNames<AppointmentRow>(), ", "), where));
    statement.define_and_bind();
    statement.execute(false);
    std::vector<Appointment> appointments;
    while (statement.fetch()) {
        appointments.push_back(row.ToAppointment());
    }
    return appointments;
}

}  // namespace detail

AppointmentRepository::AppointmentRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::AppointmentId AppointmentRepository::Book(Appointment& appointment, const core::Date& today) {
    Validate(appointment, today);
    return Guard("book the appointment", [&] {
        Transaction transaction(m_database);
        detail::OwnOccurrences own;
        if (appointment.series_id) {
            RequireUnstoredOccurrence(m_database, appointment);
            own = {appointment.series_id, appointment.occurrence_date};
        } else {
            appointment.occurrence_date.reset();
        }
        CheckPlaceAndTime(m_database, appointment, own);
        AppointmentRow row = AppointmentRow::From(appointment);
        row.created_at = UtcTimestamp(m_clock());
        row.version = 1;
        const long long id = detail::InsertRow(SociSession(m_database), "appointments", row);
        transaction.Commit();
        appointment.id = id;
        appointment.created_at = row.created_at;
        appointment.version = 1;
        return appointment.id;
    });
}

void AppointmentRepository::Update(Appointment& appointment, const core::Date& today) {
    Validate(appointment, today);
    Guard("save the appointment", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        // The stored row first, held: a missing or stale one is named before any clash.
        long long id = appointment.id;
        int stored_version = 0;
        soci::statement current = detail::OneCallStatement(
            session,
            fmt::format("SELECT version FROM appointments WHERE id = :id{}",
                        m_database.GetDialect().lock_selected_rows),
            soci::into(stored_version), soci::use(id, "id"));
        if (!current.execute(true)) {
            throw NotFoundError(fmt::format("There is no appointment with id {}.", appointment.id));
        }
        if (stored_version != appointment.version) {
            throw ConflictError(fmt::format(
                "Appointment {} was changed at another desk after you opened it. Reload it to "
                "see the other change, then make yours again.",
                appointment.id));
        }
        CheckPlaceAndTime(m_database, appointment);
        AppointmentRow row = AppointmentRow::From(appointment);
        detail::SaveAppointmentRow(session, row);
        transaction.Commit();
        appointment.version = stored_version + 1;
    });
}

std::optional<Appointment> AppointmentRepository::Get(core::AppointmentId id) {
    return Guard("read the appointment", [&]() -> std::optional<Appointment> {
        auto found =
            detail::SelectAppointments(SociSession(m_database), "id = :id", {}, {{"id", id}});
        if (found.empty()) {
            return std::nullopt;
        }
        return found.front();
    });
}

std::vector<Appointment> AppointmentRepository::Between(const core::Date& from,
                                                        const core::Date& to,
                                                        const AppointmentFilter& filter) {
    return Guard("list the appointments", [&] {
        std::string where = "session_date >= :from_date AND session_date <= :to_date";
        std::vector<std::pair<const char*, std::string>> texts{
            {"from_date", core::FormatIsoDate(from)}, {"to_date", core::FormatIsoDate(to)}};
        std::vector<std::pair<const char*, long long>> numbers;
        if (filter.therapist) {
            where += " AND therapist_id = :therapist_id";
            numbers.emplace_back("therapist_id", *filter.therapist);
        }
        if (filter.client) {
            where += " AND client_id = :client_id";
            numbers.emplace_back("client_id", *filter.client);
        }
        if (filter.status) {
            where += " AND status = :status";
            texts.emplace_back("status", std::string(core::ToCode(*filter.status)));
        }
        soci::session& session = SociSession(m_database);
        auto stored = detail::SelectAppointments(session, where, texts, numbers);
        if (filter.status && *filter.status != core::AppointmentStatus::kBooked) {
            return stored;
        }
        return WithUnstored(std::move(stored),
                            detail::UnstoredOccurrences(session, {.from = from,
                                                                  .to = to,
                                                                  .therapist = filter.therapist,
                                                                  .client = filter.client,
                                                                  .id = std::nullopt,
                                                                  .lock = false,
                                                                  .lock_clause = {}}));
    });
}

std::vector<Appointment> AppointmentRepository::ForClient(core::ClientId client,
                                                          const core::Date& from) {
    return Guard("list the appointments", [&] {
        soci::session& session = SociSession(m_database);
        auto stored = detail::SelectAppointments(
            session,
            "client_id = :client_id AND session_date >= :from_date AND status NOT IN "
            "('cancelled', 'late_cancelled')",
            {{"from_date", core::FormatIsoDate(from)}}, {{"client_id", client}});
        return WithUnstored(
            std::move(stored),
            detail::UnstoredOccurrences(session, {.from = from,
                                                  .to = core::AddDays(from, kSeriesHorizonDays),
                                                  .therapist = std::nullopt,
                                                  .client = client,
                                                  .id = std::nullopt,
                                                  .lock = false,
                                                  .lock_clause = {}}));
    });
}

void AppointmentRepository::FollowPlanSession(core::AppointmentId id, core::PlanId plan,
                                              int position) {
    Guard("move the appointment with its planned session", [&] {
        long long appointment_id = id;
        long long plan_id = plan;
        SociSession(m_database) << "UPDATE appointments SET plan_session = :position WHERE id = "
                                   ":appointment_id AND plan_id = :plan_id",
            soci::use(position, "position"), soci::use(appointment_id, "appointment_id"),
            soci::use(plan_id, "plan_id");
    });
}

}  // namespace myodesk::db
