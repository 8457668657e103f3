#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/plan_service.h>
#include <myodesk/services/practice_setup_service.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace myodesk::services {

namespace {

// Where booking a plan session starts its time.
constexpr int kDefaultStartMinute = 9 * 60;

const core::PlannedSession& SessionAt(const core::Plan& plan, std::size_t index) {
    if (index >= plan.sessions.size()) {
        throw db::NotFoundError(fmt::format("Plan {} has no session {}.", plan.id, index));
    }
    return plan.sessions[index];
}

void RequirePlanned(const core::Plan& plan, std::size_t index) {
    if (SessionAt(plan, index).status != core::PlannedSessionStatus::kPlanned) {
        throw db::ValidationError({{"status", core::ProblemCode::kLocked}});
    }
}

}  // namespace

PlanService::PlanService(Context& context)
    : m_context(context), m_plans(context.Database(), context.GetClock().Storage()) {}

std::vector<core::Date> PlanService::UnavailableDays(const core::PlanInputs& inputs) {
    const core::Date last = core::LastPossiblePlanDay(inputs);
    return core::DaysNotWorking(PracticeSetupService(m_context).HoursBetween(
                                    core::UsualTherapist(inputs), inputs.from, last),
                                inputs.from, last);
}

core::PlanInputs PlanService::LoadInputs(core::ClientId client,
                                         const std::optional<core::Date>& from,
                                         const std::optional<int>& weeks) {
    auto& database = m_context.Database();
    const core::Date today = m_context.Today();
    core::PlanInputs inputs;
    inputs.client_id = client;
    inputs.today = today;
    inputs.from = from.value_or(today);
    inputs.weeks = weeks;
    ClientService(m_context).Get(client);

    db::ClinicSettingsRepository settings(database);
    inputs.settings = settings.LoadPlan();
    inputs.screening = settings.LoadScreening();
    inputs.intake = db::IntakeRepository(database).Newest(client);
    inputs.training = db::TrainingRepository(database).List(client);

    // The notes of the last recent_notes_days days, today included, read together.
    db::SessionNoteRepository notes(database);
    inputs.recent_notes = notes.ListForClientBetween(
        client, core::AddDays(today, -(inputs.settings.recent_notes_days - 1)), today);
    // The last session, however long ago, tells whether one is overdue.
    if (auto latest = notes.Latest(client);
        latest && latest->date <= today &&
        std::none_of(inputs.recent_notes.begin(), inputs.recent_notes.end(),
                     [&](const core::SessionNote& note) { return note.id == latest->id; })) {
        inputs.recent_notes.push_back(std::move(*latest));
    }
    inputs.booked = m_plans.Appointments(client, inputs.from);
    // What the therapist moved or skipped on the current plan stays so when it is regenerated.
    if (auto current = m_plans.Current(client)) {
        inputs.kept = std::move(current->sessions);
    }
    inputs.unavailable = UnavailableDays(inputs);
    return inputs;
}

GeneratedPlan PlanService::Generate(core::ClientId client, const std::optional<core::Date>& from,
                                    const std::optional<int>& weeks) {
    m_context.Require(core::Right::kWriteClinical);
    if (weeks && (*weeks < kMinWeeks || *weeks > kMaxWeeks)) {
        throw RuleError(
            fmt::format("weeks: must be between {} and {}, not {}", kMinWeeks, kMaxWeeks, *weeks));
    }
    const core::Date today = m_context.Today();
    if (from && std::abs(core::DaysBetween(today, *from)) > 7 * kMaxStartWeeks) {
        throw RuleError(
            fmt::format("from: {} is more than {} weeks from today ({}); a plan starts "
                        "within a year of today",
                        core::FormatIsoDate(*from), kMaxStartWeeks, core::FormatIsoDate(today)));
    }
    ClientService(m_context).Get(client);
    GeneratedPlan generated;
    generated.previous = m_plans.Current(client);
    generated.plan = core::GeneratePlan(LoadInputs(client, from, weeks));
    db::Transaction transaction(m_context.Database());
    m_plans.Save(generated.plan);
    m_context.Audit("plan.generate", client, "plan", generated.plan.id,
                    nlohmann::ordered_json{{"after",
                                            {{"from", core::FormatIsoDate(generated.plan.from)},
                                             {"to", core::FormatIsoDate(generated.plan.to)},
                                             {"sessions", generated.plan.sessions.size()}}}}
                        .dump());
    transaction.Commit();
    if (generated.previous) {
        generated.changes = core::DiffPlans(*generated.previous, generated.plan);
    }
    return generated;
}

std::optional<core::Plan> PlanService::Current(core::ClientId client) {
    m_context.Require(core::Right::kReadClinical);
    return m_plans.Current(client);
}

core::Plan PlanService::RequireCurrent(const core::Client& client) {
    auto plan = m_plans.Current(client.id);
    if (!plan) {
        throw NoPlanError(client);
    }
    return std::move(*plan);
}

std::vector<db::PlanSummary> PlanService::History(core::ClientId client) {
    m_context.Require(core::Right::kReadClinical);
    ClientService(m_context).Get(client);
    return m_plans.History(client);
}

std::vector<core::Appointment> PlanService::Appointments(core::ClientId client,
                                                         const core::Date& from) {
    return m_plans.Appointments(client, from);
}

std::size_t PlanService::SessionOn(const core::Client& client, const core::Plan& plan,
                                   const core::Date& date) {
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        if (plan.sessions[i].date == date) {
            return i;
        }
    }
    throw NoPlanSessionError(client, date);
}

bool PlanService::CanBook(const core::Plan& plan, std::size_t index) const {
    return CanMove(plan, index) && plan.sessions[index].date >= m_context.Today();
}

bool PlanService::CanMove(const core::Plan& plan, std::size_t index) {
    return index < plan.sessions.size() &&
           plan.sessions[index].status == core::PlannedSessionStatus::kPlanned;
}

core::Appointment PlanService::NewAppointment(const core::Plan& plan, std::size_t index,
                                              core::StaffId therapist) {
    core::Appointment appointment;
    appointment.client_id = plan.client_id;
    appointment.therapist_id = therapist;
    appointment.start_minute = kDefaultStartMinute;
    if (index < plan.sessions.size()) {
        appointment.date = plan.sessions[index].date;
        appointment.duration_min = plan.sessions[index].duration_min;
        appointment.plan_id = plan.id;
        appointment.plan_session = static_cast<int>(index);
    }
    return appointment;
}

core::Appointment PlanService::Book(const core::Plan& plan, std::size_t index,
                                    core::Appointment appointment, bool outside_hours_confirmed,
                                    BookingNotice* notice) {
    m_context.Require(core::Right::kSchedule);
    const core::Date& date = SessionAt(plan, index).date;
    if (date < m_context.Today()) {
        throw SessionInPastError(date);
    }
    RequirePlanned(plan, index);
    // The book's rules, once: the flags, the hours, the overlaps; then the session is linked.
    appointment.client_id = plan.client_id;
    appointment.date = date;
    appointment.plan_id = plan.id;
    appointment.plan_session = static_cast<int>(index);
    const BookingNotice booked =
        AppointmentService(m_context).Book(appointment, outside_hours_confirmed);
    if (notice != nullptr) {
        *notice = booked;
    }
    return appointment;
}

core::MoveResult PlanService::PreviewMove(const core::Plan& plan, std::size_t index,
                                          const core::Date& to) {
    SessionAt(plan, index);
    // The rules as they stand today, for the plan's own span.
    return core::MoveSession(LoadInputs(plan.client_id, plan.from), plan, index, to);
}

void PlanService::SaveMove(const core::Plan& plan, std::size_t index,
                           const core::PlannedSession& moved) {
    m_context.Require(core::Right::kWriteClinical);
    db::Transaction transaction(m_context.Database());
    m_plans.ReplaceSession(plan.id, static_cast<int>(index), moved);
    m_context.Audit("plan.move", plan.client_id, "plan", plan.id,
                    nlohmann::ordered_json{
                        {"session", index},
                        {"before", {{"date", core::FormatIsoDate(SessionAt(plan, index).date)}}},
                        {"after", {{"date", core::FormatIsoDate(moved.date)}}}}
                        .dump());
    transaction.Commit();
}

MovedSession PlanService::Move(const core::Plan& plan, std::size_t index, const core::Date& to) {
    m_context.Require(core::Right::kWriteClinical);
    RequirePlanned(plan, index);
    auto moved = PreviewMove(plan, index, to);
    if (!moved.allowed) {
        throw MoveRefusedError(plan.sessions[index].date, to, std::move(moved.warnings),
                               plan.units);
    }
    SaveMove(plan, index, moved.session);
    return {*m_plans.Get(plan.id), std::move(moved.warnings)};
}

core::Plan PlanService::Skip(const core::Plan& plan, std::size_t index) {
    m_context.Require(core::Right::kWriteClinical);
    SessionAt(plan, index);
    db::Transaction transaction(m_context.Database());
    m_plans.Skip(plan.id, static_cast<int>(index));
    m_context.Audit("plan.skip", plan.client_id, "plan", plan.id,
                    nlohmann::ordered_json{
                        {"session", index},
                        {"before", {{"date", core::FormatIsoDate(plan.sessions[index].date)}}}}
                        .dump());
    transaction.Commit();
    return *m_plans.Get(plan.id);
}

}  // namespace myodesk::services
