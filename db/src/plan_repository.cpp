#include "guard.h"
#include "one_call_statement.h"
#include "plan_inputs.h"
#include "required_rows.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/core/plan_json.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/hours_repository.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <numeric>

namespace myodesk::db {

namespace {

using core::Appointment;
using core::Plan;
using core::PlannedSession;
using core::PlannedSessionStatus;
using core::ProblemCode;
using detail::ColumnNames;
using detail::InsertRow;
using detail::Into;
using detail::Nullable;
using detail::RequireClient;

constexpr detail::StoredValues kStored{"plan"};

// The `plans` row: what the history lists, and the document that holds the rest.
struct PlanRow {
    long long id = 0;
    long long client_id = 0;
    std::string generated_on;
    std::string from_date;
    std::string to_date;
    int refer = 0;
    std::string document;
    std::string created_at;

    static PlanRow From(const Plan& plan) {
        PlanRow row;
        row.id = plan.id;
        row.client_id = plan.client_id;
        row.generated_on = core::FormatIsoDate(plan.generated_on);
        row.from_date = core::FormatIsoDate(plan.from);
        row.to_date = core::FormatIsoDate(plan.to);
        row.refer = plan.refer ? 1 : 0;
        row.document = vocabulary::PlanDocument(plan).dump();
        row.created_at = plan.created_at;
        return row;
    }
};

// Calls visit(column, field) for every column of `plans` but id, in one fixed order: the
// INSERT's names and binds and the SELECT's intos come from this one list.
template <typename Visit>
void VisitColumns(PlanRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("generated_on", row.generated_on);
    visit("from_date", row.from_date);
    visit("to_date", row.to_date);
    visit("refer", row.refer);
    visit("document", row.document);
    visit("created_at", row.created_at);
}

// The plan's sessions as `plan_sessions` rows, in plan order (position = index), up to
// kSessionsPerInsert rows per INSERT (each statement is a round trip on PostgreSQL).
void InsertSessions(soci::session& session, long long plan_id,
                    const std::vector<PlannedSession>& sessions) {
    constexpr std::size_t kSessionsPerInsert = 64;
    for (std::size_t first = 0; first < sessions.size(); first += kSessionsPerInsert) {
        const std::size_t count = std::min(kSessionsPerInsert, sessions.size() - first);
        // One set of variables per row, alive until the statement has run.
        std::vector<long long> plan_ids(count, plan_id);
        std::vector<int> positions(count);
        std::vector<std::string> dates(count), phases(count), statuses(count);
        std::vector<Nullable<long long>> appointments(count);
        std::vector<std::string> values;
        soci::statement statement(session);
        for (std::size_t i = 0; i < count; ++i) {
            const PlannedSession& planned = sessions[first + i];
            positions[i] = static_cast<int>(first + i);
            dates[i] = core::FormatIsoDate(planned.date);
            phases[i] = std::string(core::ToCode(planned.phase));
            statuses[i] = std::string(core::ToCode(planned.status));
            appointments[i].Set(planned.appointment_id
                                    ? std::optional<long long>(*planned.appointment_id)
                                    : std::nullopt);
            values.push_back(
                fmt::format("(:plan{0}, :position{0}, :date{0}, :phase{0}, "
                            ":status{0}, :appointment{0})",
                            i));
            statement.exchange(soci::use(plan_ids[i], fmt::format("plan{}", i)));
            statement.exchange(soci::use(positions[i], fmt::format("position{}", i)));
            statement.exchange(soci::use(dates[i], fmt::format("date{}", i)));
            statement.exchange(soci::use(phases[i], fmt::format("phase{}", i)));
            statement.exchange(soci::use(statuses[i], fmt::format("status{}", i)));
            statement.exchange(soci::use(appointments[i].value, appointments[i].indicator,
                                         fmt::format("appointment{}", i)));
        }
        statement.alloc();
        detail::PrepareForOneCall(
            statement, fmt::format("INSERT INTO plan_sessions (plan_id, position, session_date, "
                                   "phase, status, appointment_id) VALUES {}",
                                   fmt::join(values, ", ")));
        statement.define_and_bind();
        statement.execute(true);
    }
}

// Reads plan `id` (its document, with the rows' status, date and appointment applied);
// nullopt when there is none. `lock` holds the plan's row until the transaction ends.
std::optional<Plan> ReadPlan(soci::session& session, core::PlanId id, std::string_view lock = "") {
    long long plan_id = id;
    PlanRow row;
    {
        soci::statement statement(session);
        VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
        statement.exchange(soci::use(plan_id, "id"));
        statement.alloc();
        detail::PrepareForOneCall(statement,
                                  fmt::format("SELECT {} FROM plans WHERE id = :id{}",
                                              fmt::join(ColumnNames<PlanRow>(), ", "), lock));
        statement.define_and_bind();
        if (!statement.execute(true)) {
            return std::nullopt;
        }
    }
    // The strict reader, as for a document from outside: a hand-edited row holding 1e400 or a
    // duplicate key is refused, not thrown past the caller.
    auto parsed = core::PlanFromText(row.document);
    if (std::any_of(parsed.problems.begin(), parsed.problems.end(), [](const auto& problem) {
            return problem.code == core::ProblemCode::kInvalidJson;
        })) {
        kStored.Unreadable("plans.document", row.document.substr(0, 40));
    }
    if (!parsed.problems.empty()) {
        throw DatabaseError(fmt::format(
            "The stored plan {} cannot be read: {} is not what this MyoDesk expects (was the "
            "database changed by a newer MyoDesk?).",
            id, parsed.problems.front().field));
    }
    Plan plan = std::move(parsed.plan);
    plan.id = id;
    plan.client_id = row.client_id;
    plan.created_at = row.created_at;

    // The rows hold what the therapist decided since the plan was made.
    int position = 0;
    std::string session_date, status;
    Nullable<long long> appointment_id;
    soci::statement statement = detail::OneCallStatement(
        session,
        "SELECT position, session_date, status, appointment_id FROM "
        "plan_sessions WHERE plan_id = :plan_id ORDER BY position",
        soci::into(position), soci::into(session_date), soci::into(status),
        soci::into(appointment_id.value, appointment_id.indicator), soci::use(plan_id, "plan_id"));
    statement.execute(false);
    std::size_t rows = 0;
    while (statement.fetch()) {
        if (position < 0 || static_cast<std::size_t>(position) >= plan.sessions.size()) {
            kStored.Unreadable("plan_sessions.position", std::to_string(position));
        }
        PlannedSession& planned = plan.sessions[static_cast<std::size_t>(position)];
        planned.date = kStored.Date(session_date, "plan_sessions.session_date");
        planned.status = kStored.Code<PlannedSessionStatus>(status, "plan_sessions.status",
                                                            core::PlannedSessionStatusFromCode);
        planned.appointment_id.reset();
        if (const auto appointment = appointment_id.Get()) {
            planned.appointment_id = *appointment;
        }
        ++rows;
    }
    if (rows != plan.sessions.size()) {
        throw DatabaseError(fmt::format(
            "The stored plan {} has {} sessions in its document but {} in plan_sessions.", id,
            plan.sessions.size(), rows));
    }
    return plan;
}

// Writes the plan's sessions (rows and document) after a change, in date order: a moved
// session takes its place by date, and an appointment accepted from this plan follows its
// session to the new position.
void StoreSessions(soci::session& session, AppointmentRepository& appointments, Plan& plan) {
    std::vector<std::size_t> order(plan.sessions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return plan.sessions[a].date < plan.sessions[b].date;
    });
    std::vector<PlannedSession> sorted;
    for (const std::size_t from : order) {
        sorted.push_back(plan.sessions[from]);
    }
    plan.sessions = std::move(sorted);

    long long plan_id = plan.id;
    session << "DELETE FROM plan_sessions WHERE plan_id = :plan_id", soci::use(plan_id, "plan_id");
    InsertSessions(session, plan_id, plan.sessions);
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] != i && plan.sessions[i].appointment_id) {
            appointments.FollowPlanSession(*plan.sessions[i].appointment_id, plan.id,
                                           static_cast<int>(i));
        }
    }
    std::string document = vocabulary::PlanDocument(plan).dump();
    int refer = plan.refer ? 1 : 0;
    session << "UPDATE plans SET document = :document, refer = :refer WHERE id = :id",
        soci::use(document, "document"), soci::use(refer, "refer"), soci::use(plan_id, "id");
}

// Reads plan `id` holding its row, and checks that session `index` is there and `planned`.
Plan PlanToChange(soci::session& session, const Dialect& dialect, core::PlanId id, int index) {
    auto plan = ReadPlan(session, id, dialect.lock_selected_rows);
    if (!plan) {
        throw NotFoundError(fmt::format("There is no plan with id {}.", id));
    }
    if (index < 0 || static_cast<std::size_t>(index) >= plan->sessions.size()) {
        throw NotFoundError(fmt::format("Plan {} has no session {}.", id, index));
    }
    if (plan->sessions[static_cast<std::size_t>(index)].status != PlannedSessionStatus::kPlanned) {
        // Booked or skipped: what the therapist decided stays.
        throw ValidationError({{"status", ProblemCode::kLocked}});
    }
    return *std::move(plan);
}

}  // namespace

PlanRepository::PlanRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::PlanId PlanRepository::Save(Plan& plan) {
    return Guard("save the plan", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        RequireClient(session, plan.client_id);
        PlanRow row = PlanRow::From(plan);
        row.created_at = UtcTimestamp(m_clock());
        const long long id = InsertRow(session, "plans", row);
        InsertSessions(session, id, plan.sessions);
        transaction.Commit();
        plan.id = id;
        plan.created_at = row.created_at;
        return plan.id;
    });
}

std::optional<Plan> PlanRepository::Get(core::PlanId id) {
    return Guard("read the plan", [&] { return ReadPlan(SociSession(m_database), id); });
}

std::optional<Plan> PlanRepository::Current(core::ClientId client) {
    const auto current = Guard("find the current plan", [&] {
        return detail::FirstIdForClient(
            SociSession(m_database),
            "SELECT id FROM plans WHERE client_id = :client_id ORDER BY id DESC LIMIT 1", client);
    });
    return current ? Get(*current) : std::nullopt;
}

std::vector<PlanSummary> PlanRepository::History(core::ClientId client) {
    return Guard("list the plans", [&] {
        long long client_id = client;
        long long id = 0;
        std::string generated_on, from_date, to_date, created_at;
        int refer = 0, session_count = 0;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT p.id, p.generated_on, p.from_date, p.to_date, p.refer, p.created_at, "
            "(SELECT COUNT(*) FROM plan_sessions s WHERE s.plan_id = p.id) FROM plans p "
            "WHERE p.client_id = :client_id ORDER BY p.id DESC",
            soci::into(id), soci::into(generated_on), soci::into(from_date), soci::into(to_date),
            soci::into(refer), soci::into(created_at), soci::into(session_count),
            soci::use(client_id, "client_id"));
        statement.execute(false);
        std::vector<PlanSummary> plans;
        while (statement.fetch()) {
            plans.push_back({id, kStored.Date(generated_on, "plans.generated_on"),
                             kStored.Date(from_date, "plans.from_date"),
                             kStored.Date(to_date, "plans.to_date"), session_count, refer != 0,
                             created_at});
        }
        return plans;
    });
}

core::AppointmentId PlanRepository::Accept(core::PlanId plan_id, int index,
                                           Appointment& appointment, const core::Date& today) {
    return Guard("book the planned session", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        Plan plan = PlanToChange(session, m_database.GetDialect(), plan_id, index);
        PlannedSession& planned = plan.sessions[static_cast<std::size_t>(index)];
        if (planned.date < today) {
            // A planned session whose day has passed was missed; it is not booked any more.
            throw ValidationError({{"date", core::ProblemCode::kTooFarInPast}});
        }

        Appointment booked = appointment;
        booked.id = 0;
        booked.client_id = plan.client_id;
        booked.date = planned.date;
        booked.plan_id = plan.id;
        booked.plan_session = index;
        AppointmentRepository appointments(m_database, m_clock);
        appointments.Book(booked, today);
        planned.status = PlannedSessionStatus::kBooked;
        planned.appointment_id = booked.id;
        StoreSessions(session, appointments, plan);
        transaction.Commit();
        appointment = booked;
        return appointment.id;
    });
}

void PlanRepository::ReplaceSession(core::PlanId plan_id, int index,
                                    const PlannedSession& session_moved) {
    Guard("move the planned session", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        Plan plan = PlanToChange(session, m_database.GetDialect(), plan_id, index);
        for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
            if (i != static_cast<std::size_t>(index) &&
                plan.sessions[i].date == session_moved.date) {
                // At most one session a day: matching plans by date relies on it.
                throw ValidationError({{"date", ProblemCode::kDuplicate}});
            }
        }
        PlannedSession& planned = plan.sessions[static_cast<std::size_t>(index)];
        planned = session_moved;
        // Moving never books: a moved session is still only planned.
        planned.status = PlannedSessionStatus::kPlanned;
        planned.appointment_id.reset();
        AppointmentRepository appointments(m_database, m_clock);
        StoreSessions(session, appointments, plan);
        transaction.Commit();
    });
}

void PlanRepository::Skip(core::PlanId plan_id, int index) {
    Guard("skip the planned session", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        Plan plan = PlanToChange(session, m_database.GetDialect(), plan_id, index);
        plan.sessions[static_cast<std::size_t>(index)].status = PlannedSessionStatus::kSkipped;
        AppointmentRepository appointments(m_database, m_clock);
        StoreSessions(session, appointments, plan);
        transaction.Commit();
    });
}

bool PlanRepository::FollowAppointment(const Appointment& appointment) {
    return Guard("follow the appointment in the plan", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        bool changed = false;
        const auto current = detail::FirstIdForClient(
            session, "SELECT id FROM plans WHERE client_id = :client_id ORDER BY id DESC LIMIT 1",
            appointment.client_id);
        auto plan = current && appointment.id != 0
                        ? ReadPlan(session, *current, m_database.GetDialect().lock_selected_rows)
                        : std::nullopt;
        if (plan) {
            const auto planned = std::find_if(
                plan->sessions.begin(), plan->sessions.end(), [&](const PlannedSession& s) {
                    return s.appointment_id && *s.appointment_id == appointment.id;
                });
            // Cancelled, late-cancelled or a no-show: the session did not happen.
            const bool missed = !core::HoldsSlot(appointment.status) ||
                                appointment.status == core::AppointmentStatus::kNoShow;
            const PlannedSessionStatus status =
                missed ? PlannedSessionStatus::kMissed : PlannedSessionStatus::kBooked;
            if (planned != plan->sessions.end() && planned->status != status) {
                planned->status = status;
                AppointmentRepository appointments(m_database, m_clock);
                StoreSessions(session, appointments, *plan);
                changed = true;
            }
        }
        // Committed even when nothing changed: an inner transaction left uncommitted would
        // undo the caller's.
        transaction.Commit();
        return changed;
    });
}

std::vector<Appointment> PlanRepository::Appointments(core::ClientId client,
                                                      const core::Date& from) {
    return AppointmentRepository(m_database, m_clock).ForClient(client, from);
}

std::vector<UpcomingPlannedSession> PlanRepository::Upcoming(const core::Date& from,
                                                             const core::Date& to) {
    return Guard("list the planned sessions ahead", [&] {
        const std::string from_date = core::FormatIsoDate(from);
        const std::string to_date = core::FormatIsoDate(to);
        long long client_id = 0, plan_id = 0;
        int position = 0;
        std::string session_date, status;
        detail::Nullable<int> start_minute;
        detail::Nullable<long long> therapist_id;
        // Only each client's newest plan counts: an older plan's sessions were superseded.
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT p.client_id, s.plan_id, s.position, s.session_date, s.status, "
            "a.start_minute, a.therapist_id "
            "FROM plan_sessions s JOIN plans p ON p.id = s.plan_id "
            "LEFT JOIN appointments a ON a.id = s.appointment_id "
            "WHERE s.session_date >= :from_date AND s.session_date <= :to_date "
            "AND s.status IN ('planned', 'booked') "
            "AND p.id = (SELECT MAX(q.id) FROM plans q WHERE q.client_id = p.client_id) "
            "ORDER BY s.session_date, p.client_id, s.position",
            soci::into(client_id), soci::into(plan_id), soci::into(position),
            soci::into(session_date), soci::into(status),
            soci::into(start_minute.value, start_minute.indicator),
            soci::into(therapist_id.value, therapist_id.indicator),
            soci::use(from_date, "from_date"), soci::use(to_date, "to_date"));
        statement.execute(false);
        std::vector<UpcomingPlannedSession> sessions;
        while (statement.fetch()) {
            UpcomingPlannedSession& session = sessions.emplace_back();
            session.client_id = client_id;
            session.plan_id = plan_id;
            session.index = position;
            session.date = kStored.Date(session_date, "plan_sessions.session_date");
            session.status = kStored.Code<PlannedSessionStatus>(status, "plan_sessions.status",
                                                                core::PlannedSessionStatusFromCode);
            session.start_minute = start_minute.Get();
            session.therapist_id = therapist_id.Get();
        }
        return sessions;
    });
}

core::PlanInputs LoadPlanInputs(Database& database, core::ClientId client, const core::Date& today,
                                const std::optional<core::Date>& from,
                                const std::optional<int>& weeks) {
    core::PlanInputs inputs;
    inputs.client_id = client;
    inputs.today = today;
    inputs.from = from.value_or(today);
    inputs.weeks = weeks;
    Guard("read the client for the plan", [&] { RequireClient(SociSession(database), client); });

    ClinicSettingsRepository settings(database);
    inputs.settings = settings.LoadPlan();
    inputs.screening = settings.LoadScreening();
    inputs.intake = IntakeRepository(database).Newest(client);
    inputs.training = TrainingRepository(database).List(client);

    // The notes of the last recent_notes_days days, today included, read together.
    SessionNoteRepository notes(database);
    inputs.recent_notes = notes.ListForClientBetween(
        client, core::AddDays(today, -(inputs.settings.recent_notes_days - 1)), today);
    // The last session, however long ago, tells whether one is overdue.
    if (auto latest = notes.Latest(client);
        latest && latest->date <= today &&
        std::none_of(inputs.recent_notes.begin(), inputs.recent_notes.end(),
                     [&](const core::SessionNote& note) { return note.id == latest->id; })) {
        inputs.recent_notes.push_back(std::move(*latest));
    }
    PlanRepository plans(database);
    inputs.booked = plans.Appointments(client, inputs.from);
    // What the therapist moved or skipped on the current plan stays so when it is regenerated.
    if (auto current = plans.Current(client)) {
        inputs.kept = std::move(current->sessions);
    }
    // As services::PlanService::LoadInputs: new sessions on the usual therapist's days.
    const core::Date last = core::LastPossiblePlanDay(inputs);
    inputs.unavailable = core::DaysNotWorking(
        HoursRepository(database).HoursBetween(core::UsualTherapist(inputs), inputs.from, last),
        inputs.from, last);
    return inputs;
}

}  // namespace myodesk::db
