#include "plan/plan_controller.h"

#include "common/wx_conversions.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/clock.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace myodesk::app {

namespace {

constexpr int kDefaultStartMinute = 9 * 60;

// A training day as the plan and the calendar both have it, for comparing the two.
using TrainingKey = std::tuple<core::Date, core::RunType, std::optional<double>>;

}  // namespace

PlanController::PlanController(db::Database& database, TodayFunction today)
    : m_database(database),
      m_plans(database),
      m_training_repository(database),
      m_intakes(database),
      m_staff(database),
      m_today(std::move(today)),
      m_staff_names(StaffNameCache(m_staff)) {}

core::Date PlanController::Today() const {
    return m_today ? m_today() : db::LocalDate(db::SystemNow());
}

void PlanController::ShowClient(core::ClientId client) {
    m_client = client;
    m_plan.reset();
    m_training.clear();
    m_appointments.clear();
    m_intake_units.reset();
    m_has_intake = false;
    Reload();
}

void PlanController::Reload() {
    if (m_client == 0) {
        return;
    }
    m_intake_units = m_intakes.NewestUnits(m_client);
    m_has_intake = m_intake_units.has_value();
    m_lookback_days = db::ClinicSettingsRepository(m_database).LoadPlan().spike_lookback_days;
    ReadPlan();
    ReadTraining();
}

void PlanController::ReadPlan() {
    m_plan = m_plans.Current(m_client);
    m_appointments =
        m_plan ? m_plans.Appointments(m_client, m_plan->from) : std::vector<core::Appointment>{};
}

void PlanController::ReadTraining() {
    m_training = m_training_repository.List(m_client);
}

const core::PlannedSession* PlanController::Session(std::size_t index) const {
    if (!m_plan || index >= m_plan->sessions.size()) {
        return nullptr;
    }
    return &m_plan->sessions[index];
}

core::DistanceUnit PlanController::Units() const {
    if (m_intake_units) {
        return *m_intake_units;
    }
    return m_plan ? m_plan->units : core::DistanceUnit::kKm;
}

std::optional<core::Appointment> PlanController::AppointmentOf(std::size_t index) const {
    const core::PlannedSession* session = Session(index);
    if (session == nullptr) {
        return std::nullopt;
    }
    for (const core::Appointment& appointment : m_appointments) {
        if (session->appointment_id && appointment.id == *session->appointment_id) {
            return appointment;
        }
    }
    for (const core::Appointment& appointment : m_appointments) {
        if (appointment.plan_id == m_plan->id && appointment.plan_session &&
            static_cast<std::size_t>(*appointment.plan_session) == index) {
            return appointment;
        }
    }
    return std::nullopt;
}

wxString PlanController::StaffName(core::StaffId id) {
    return m_staff_names.Name(id);
}

std::vector<core::Staff> PlanController::ActiveStaff() {
    return m_staff.List(false);
}

bool PlanController::IsPlanOutdated() const {
    if (!m_plan) {
        return false;
    }
    // The plan keeps the calendar's days it was built around (from a lookback before its
    // start through its end); the calendar's days in that window now should be the same.
    const core::Date first = core::AddDays(m_plan->from, -m_lookback_days);
    std::set<TrainingKey> planned;
    for (const core::PlanRun& run : m_plan->training) {
        if (!run.assumed && run.date >= first && run.date <= m_plan->to) {
            planned.emplace(run.date, run.type, run.distance_km);
        }
    }
    std::set<TrainingKey> now;
    for (const core::TrainingEntry& entry : m_training) {
        if (entry.date >= first && entry.date <= m_plan->to) {
            now.emplace(entry.date, entry.type, entry.distance_km);
        }
    }
    return planned != now;
}

PlanController::GenerateResult PlanController::Generate() {
    GenerateResult result;
    const std::optional<core::Plan> previous = m_plans.Current(m_client);
    const core::PlanInputs inputs = db::LoadPlanInputs(m_database, m_client, Today());
    core::Plan plan = core::GeneratePlan(inputs);
    m_plans.Save(plan);
    if (previous) {
        result.had_previous = true;
        result.changes = core::DiffPlans(*previous, plan);
    }
    Reload();
    return result;
}

bool PlanController::CanBook(std::size_t index) const {
    const core::PlannedSession* session = Session(index);
    return session != nullptr && session->status == core::PlannedSessionStatus::kPlanned &&
           session->date >= Today();
}

bool PlanController::CanMove(std::size_t index) const {
    const core::PlannedSession* session = Session(index);
    return session != nullptr && session->status == core::PlannedSessionStatus::kPlanned;
}

bool PlanController::CanSkip(std::size_t index) const {
    return CanMove(index);
}

core::Appointment PlanController::NewAppointment(std::size_t index, core::StaffId therapist) const {
    core::Appointment appointment;
    appointment.client_id = m_client;
    appointment.therapist_id = therapist;
    appointment.start_minute = kDefaultStartMinute;
    if (const core::PlannedSession* session = Session(index)) {
        appointment.date = session->date;
        appointment.duration_min = session->duration_min;
        appointment.plan_id = m_plan->id;
        appointment.plan_session = static_cast<int>(index);
    }
    return appointment;
}

void PlanController::Book(std::size_t index, core::Appointment& appointment) {
    if (!m_plan) {
        return;
    }
    m_plans.Accept(m_plan->id, static_cast<int>(index), appointment, Today());
    ReadPlan();
}

core::MoveResult PlanController::PreviewMove(std::size_t index, const core::Date& to) {
    if (!m_plan) {
        return {};
    }
    // The rules as they stand today, for the plan's own span.
    const core::PlanInputs inputs = db::LoadPlanInputs(m_database, m_client, Today(), m_plan->from);
    return core::MoveSession(inputs, *m_plan, index, to);
}

void PlanController::Move(std::size_t index, const core::PlannedSession& moved) {
    if (!m_plan) {
        return;
    }
    m_plans.ReplaceSession(m_plan->id, static_cast<int>(index), moved);
    ReadPlan();
}

void PlanController::Skip(std::size_t index) {
    if (!m_plan) {
        return;
    }
    m_plans.Skip(m_plan->id, static_cast<int>(index));
    ReadPlan();
}

void PlanController::PutTraining(const core::TrainingEntry& entry,
                                 const std::optional<core::Date>& replacing) {
    {
        db::Transaction transaction(m_database);
        if (replacing && *replacing != entry.date) {
            m_training_repository.Remove(m_client, *replacing);
        }
        m_training_repository.Put(m_client, entry);
        transaction.Commit();
    }
    ReadTraining();
}

bool PlanController::RemoveTraining(const core::Date& date) {
    const bool removed = m_training_repository.Remove(m_client, date);
    ReadTraining();
    return removed;
}

PlanController::ImportResult PlanController::ImportTraining(std::string_view text) {
    ImportResult result;
    core::TrainingParseResult parsed = core::ParseTrainingDocument(text);
    if (!parsed.problems.empty()) {
        result.problems = std::move(parsed.problems);
        return result;
    }
    result.added = m_training_repository.Import(m_client, parsed.entries);
    result.replaced = static_cast<int>(parsed.entries.size()) - result.added;
    ReadTraining();
    return result;
}

}  // namespace myodesk::app
