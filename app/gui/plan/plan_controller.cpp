#include "plan/plan_controller.h"

#include "common/wx_conversions.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/errors.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace myodesk::app {

namespace {

// A training day as the plan and the calendar both have it, for comparing the two.
using TrainingKey = std::tuple<core::Date, core::RunType, std::optional<double>>;

}  // namespace

PlanController::PlanController(services::Context& context)
    : m_context(context),
      m_plans(context),
      m_training_service(context),
      m_intakes(context),
      m_staff(context),
      m_settings(context),
      m_staff_names(StaffNameCache(m_staff)) {}

core::Date PlanController::Today() const {
    return m_context.Today();
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
    m_lookback_days = m_settings.LoadPlan().spike_lookback_days;
    ReadPlan();
    ReadTraining();
}

void PlanController::ReadPlan() {
    m_plan = m_plans.Current(m_client);
    m_appointments =
        m_plan ? m_plans.Appointments(m_client, m_plan->from) : std::vector<core::Appointment>{};
}

void PlanController::ReadTraining() {
    m_training = m_training_service.List(m_client);
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
    services::GeneratedPlan generated = m_plans.Generate(m_client);
    GenerateResult result{generated.previous.has_value(), std::move(generated.changes)};
    Reload();
    return result;
}

bool PlanController::CanBook(std::size_t index) const {
    return m_plan && m_plans.CanBook(*m_plan, index);
}

bool PlanController::CanMove(std::size_t index) const {
    return m_plan && services::PlanService::CanMove(*m_plan, index);
}

bool PlanController::CanSkip(std::size_t index) const {
    return m_plan && services::PlanService::CanSkip(*m_plan, index);
}

core::Appointment PlanController::NewAppointment(std::size_t index, core::StaffId therapist) const {
    core::Plan none;
    none.client_id = m_client;
    return services::PlanService::NewAppointment(m_plan ? *m_plan : none, index, therapist);
}

void PlanController::Book(std::size_t index, core::Appointment& appointment,
                          bool outside_hours_confirmed) {
    if (!m_plan) {
        return;
    }
    try {
        appointment = m_plans.Book(*m_plan, index, appointment, outside_hours_confirmed);
    } catch (const services::SessionInPastError&) {
        throw db::ValidationError({{"date", core::ProblemCode::kTooFarInPast}});
    }
    ReadPlan();
}

core::MoveResult PlanController::PreviewMove(std::size_t index, const core::Date& to) {
    if (!m_plan) {
        return {};
    }
    return m_plans.PreviewMove(*m_plan, index, to);
}

void PlanController::Move(std::size_t index, const core::PlannedSession& moved) {
    if (!m_plan) {
        return;
    }
    m_plans.SaveMove(*m_plan, index, moved);
    ReadPlan();
}

void PlanController::Skip(std::size_t index) {
    if (!m_plan) {
        return;
    }
    m_plans.Skip(*m_plan, index);
    ReadPlan();
}

void PlanController::PutTraining(const core::TrainingEntry& entry,
                                 const std::optional<core::Date>& replacing) {
    m_training_service.Put(m_client, entry, replacing);
    ReadTraining();
}

bool PlanController::RemoveTraining(const core::Date& date) {
    const bool removed = m_training_service.Remove(m_client, date);
    ReadTraining();
    return removed;
}

PlanController::ImportResult PlanController::ImportTraining(std::string_view text) {
    ImportResult result;
    services::TrainingImportResult imported;
    try {
        imported = m_training_service.Import(m_client, text);
    } catch (const db::ValidationError& error) {
        // The document's problems: nothing was saved.
        result.problems = error.Problems();
        return result;
    }
    result.added = imported.added;
    result.replaced = imported.Replaced();
    ReadTraining();
    return result;
}

}  // namespace myodesk::app
