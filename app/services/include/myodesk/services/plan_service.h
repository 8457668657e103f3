#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/plan.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/context.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace myodesk::services {

// A plan just made, and what changed since the one before.
struct GeneratedPlan {
    core::Plan plan;
    std::optional<core::Plan> previous;
    std::vector<core::PlanChange> changes;  // empty without a previous plan
};

// A session moved: the plan as saved afterwards, and what the rules warn about the new day.
struct MovedSession {
    core::Plan plan;
    std::vector<core::PlanWarning> warnings;
};

// Massage plans and booking their sessions. "Today" is the context's clock's. Only a planned
// session is booked, moved or skipped (db::ValidationError "status", kLocked), and nothing is
// booked for a day gone by (SessionInPastError).
class PlanService {
  public:
    // The weeks a plan may span when the caller chooses.
    static constexpr int kMinWeeks = 1;
    static constexpr int kMaxWeeks = core::kMaxPlanWeeks;
    // How far from today a plan may start (before or after), in weeks.
    static constexpr int kMaxStartWeeks = core::kRaceHorizonWeeks;

    explicit PlanService(Context& context);

    // Everything core::GeneratePlan needs for the client today: the newest intake, the
    // training calendar, the notes of the last settings.recent_notes_days days (and the last
    // one ever, however old), the appointments booked from `from` on, the current plan's
    // sessions (what was moved or skipped stays), and the clinic's plan and screening
    // settings. NotFoundError for an unknown client.
    core::PlanInputs LoadInputs(core::ClientId client,
                                const std::optional<core::Date>& from = std::nullopt,
                                const std::optional<int>& weeks = std::nullopt);

    // Makes the client's plan (from today unless `from`; RuleError for weeks outside
    // kMinWeeks..kMaxWeeks or a `from` more than kMaxStartWeeks from today) and saves it as
    // the current one.
    GeneratedPlan Generate(core::ClientId client, const std::optional<core::Date>& from = {},
                           const std::optional<int>& weeks = {});

    std::optional<core::Plan> Current(core::ClientId client);
    // The current plan (NoPlanError when the client has none).
    core::Plan RequireCurrent(const core::Client& client);
    // Every plan of the client, newest first (NotFoundError for an unknown client).
    std::vector<db::PlanSummary> History(core::ClientId client);
    // Booked appointments of the client from `from` on.
    std::vector<core::Appointment> Appointments(core::ClientId client, const core::Date& from);

    // The index of the plan's session on `date` (NoPlanSessionError when it has none).
    static std::size_t SessionOn(const core::Client& client, const core::Plan& plan,
                                 const core::Date& date);

    // What can be done with a session.
    bool CanBook(const core::Plan& plan, std::size_t index) const;
    static bool CanMove(const core::Plan& plan, std::size_t index);
    static bool CanSkip(const core::Plan& plan, std::size_t index) { return CanMove(plan, index); }

    // An appointment for plan session `index` as booking starts it: the session's date and
    // duration, 09:00, the therapist given.
    static core::Appointment NewAppointment(const core::Plan& plan, std::size_t index,
                                            core::StaffId therapist);
    // Books plan session `index` with the appointment's therapist, time, duration and room (the
    // date is the session's), linked to it, with the book's checks (AppointmentService::Book:
    // an absolute flag needs flag_override, AbsoluteFlagError; outside the opening or working
    // hours OutsideHoursError unless `outside_hours_confirmed`); returns it with its id.
    // SessionInPastError for a day gone by; db::ValidationError for a session not planned
    // ("status"), a time, duration or therapist the checks refuse, or an overlap (ClashError).
    // `notice`, when given, says whether it began before now (today's session entered late).
    core::Appointment Book(const core::Plan& plan, std::size_t index, core::Appointment appointment,
                           bool outside_hours_confirmed = false, BookingNotice* notice = nullptr);

    // How plan session `index` would look on `to`, and what the rules say. Nothing is saved.
    core::MoveResult PreviewMove(const core::Plan& plan, std::size_t index, const core::Date& to);
    // Saves a moved session (PreviewMove's result) in place of plan session `index`.
    void SaveMove(const core::Plan& plan, std::size_t index, const core::PlannedSession& moved);
    // Moves plan session `index` to `to` when the rules allow it (MoveRefusedError otherwise,
    // with their warnings); returns the saved plan and the warnings of the new day.
    MovedSession Move(const core::Plan& plan, std::size_t index, const core::Date& to);
    // Marks plan session `index` skipped; returns the saved plan.
    core::Plan Skip(const core::Plan& plan, std::size_t index);

  private:
    // The days of the longest plan from inputs.from on when the client cannot be seen: their
    // usual therapist (who saw them last, else who they are booked with) does not work, or
    // the clinic is closed.
    std::vector<core::Date> UnavailableDays(const core::PlanInputs& inputs);

    Context& m_context;
    db::PlanRepository m_plans;
};

}  // namespace myodesk::services
