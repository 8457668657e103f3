#pragma once

#include "common/name_cache.h"

#include <myodesk/core/appointment.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/training.h>
#include <myodesk/services/context.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/plan_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/services/staff_service.h>
#include <myodesk/services/training_service.h>

#include <wx/string.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace myodesk::app {

// The Plan tab without a window: reads a client's current plan, training calendar and the
// appointments booked from the plan; generates a new plan, books, moves and skips planned
// sessions (services::PlanService, which owns their rules), and edits or imports the training
// calendar (services::TrainingService). "Today" is the context's. Every method that reads or
// writes may throw db::DatabaseError (and the writes db::ValidationError, db::NotFoundError);
// what was shown stays as it was then.
class PlanController {
  public:
    // The context must outlive the controller.
    explicit PlanController(services::Context& context);
    // Not copied: the name cache reads through the service it holds.
    PlanController(const PlanController&) = delete;
    PlanController& operator=(const PlanController&) = delete;

    // Reads the client's current plan, training calendar, appointments and newest intake.
    void ShowClient(core::ClientId client);
    // Reads the shown client's again.
    void Reload();

    core::ClientId Client() const { return m_client; }
    core::Date Today() const;
    const std::optional<core::Plan>& Plan() const { return m_plan; }
    bool HasPlan() const { return m_plan.has_value(); }
    std::size_t SessionCount() const { return m_plan ? m_plan->sessions.size() : 0; }
    // Plan session `index`, or nullptr.
    const core::PlannedSession* Session(std::size_t index) const;
    const std::vector<core::TrainingEntry>& Training() const { return m_training; }
    // The client's units: from the newest intake, else the plan's, else km.
    core::DistanceUnit Units() const;
    bool HasIntake() const { return m_has_intake; }

    // The appointment booked from plan session `index`, or nullopt.
    std::optional<core::Appointment> AppointmentOf(std::size_t index) const;
    // A staff member's name ("#id" when unknown).
    wxString StaffName(core::StaffId id);
    // Active staff, by name (for the therapist chooser).
    std::vector<core::Staff> ActiveStaff();

    // True when the training calendar no longer matches what the current plan was built
    // around (changed here, or imported elsewhere since): the plan should be regenerated.
    bool IsPlanOutdated() const;

    // What a regeneration changed.
    struct GenerateResult {
        bool had_previous = false;
        std::vector<core::PlanChange> changes;  // empty without a previous plan
    };
    // Generates the client's plan from today and saves it as the current one.
    GenerateResult Generate();

    // What can be done with a session (PlanService::CanBook, CanMove, CanSkip).
    bool CanBook(std::size_t index) const;
    bool CanMove(std::size_t index) const;
    bool CanSkip(std::size_t index) const;

    // An appointment for plan session `index` as the booking dialog starts it: the session's
    // date and duration, 09:00, the therapist given.
    core::Appointment NewAppointment(std::size_t index, core::StaffId therapist) const;
    // Books plan session `index` (PlanService::Book); sets appointment.id. A day gone by is
    // refused as a db::ValidationError on "date" (kTooFarInPast), as the booking form names it.
    void Book(std::size_t index, core::Appointment& appointment,
              bool outside_hours_confirmed = false);
    // How plan session `index` would look on `to`, and what the rules say about it. Nothing
    // is saved.
    core::MoveResult PreviewMove(std::size_t index, const core::Date& to);
    // Saves a moved session (PreviewMove's result) in place of plan session `index`.
    void Move(std::size_t index, const core::PlannedSession& moved);
    void Skip(std::size_t index);

    // Adds or replaces the entry on its date; `replacing` is the date of the entry edited
    // when it was moved to another date (that one is removed), in one transaction.
    void PutTraining(const core::TrainingEntry& entry,
                     const std::optional<core::Date>& replacing = std::nullopt);
    bool RemoveTraining(const core::Date& date);
    // A training document (CSV or JSON, core::ParseTrainingDocument). Nothing is saved when
    // it has problems.
    struct ImportResult {
        core::ValidationProblems problems;
        int added = 0;
        int replaced = 0;
    };
    ImportResult ImportTraining(std::string_view text);

  private:
    void ReadTraining();
    void ReadPlan();

    services::Context& m_context;
    services::PlanService m_plans;
    services::TrainingService m_training_service;
    services::IntakeService m_intakes;
    services::StaffService m_staff;
    services::SettingsService m_settings;

    core::ClientId m_client = 0;
    std::optional<core::Plan> m_plan;
    std::vector<core::TrainingEntry> m_training;
    std::vector<core::Appointment> m_appointments;
    std::optional<core::DistanceUnit> m_intake_units;
    bool m_has_intake = false;
    int m_lookback_days = 30;  // the plan's training starts this many days before it
    NameCache m_staff_names;
};

}  // namespace myodesk::app
