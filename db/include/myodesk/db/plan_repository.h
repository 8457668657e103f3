#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/plan.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace myodesk::db {

// What a plan's history lists.
struct PlanSummary {
    core::PlanId id = 0;
    core::Date generated_on{};
    core::Date from{};
    core::Date to{};
    int session_count = 0;
    bool refer = false;
    std::string created_at;
    friend bool operator==(const PlanSummary&, const PlanSummary&) = default;
};

// A planned session ahead, across clients (clinic summary, "planned sessions ahead").
struct UpcomingPlannedSession {
    core::ClientId client_id = 0;
    core::PlanId plan_id = 0;
    int index = 0;
    core::Date date{};
    core::PlannedSessionStatus status = core::PlannedSessionStatus::kPlanned;
    // A booked session's appointment: when it starts and with whom.
    std::optional<int> start_minute;
    std::optional<core::StaffId> therapist_id;
    friend bool operator==(const UpcomingPlannedSession&, const UpcomingPlannedSession&) = default;
};

// Saved plans (each generation is kept; the newest is the client's current plan) and the
// appointments booked from them.
class PlanRepository {
  public:
    explicit PlanRepository(Database& database, Clock clock = SystemNow);

    // Saves a generated plan and its sessions in one transaction; sets plan.id and created_at.
    core::PlanId Save(core::Plan& plan);

    std::optional<core::Plan> Get(core::PlanId id);
    // The client's newest plan (its current one).
    std::optional<core::Plan> Current(core::ClientId client);
    // Every plan of the client, newest first.
    std::vector<PlanSummary> History(core::ClientId client);

    // Books plan session `index`: validates the appointment (core::ValidateAppointment; a
    // clash with the therapist's or the client's sessions is refused with ClashError), saves
    // it and marks the session booked, in one transaction. The appointment takes the session's
    // date; sets appointment.id. A session that is not `planned` is refused (field "status",
    // kLocked), and so is one whose day is before `today` ("date", kTooFarInPast); NotFoundError
    // for an unknown plan, index or therapist.
    core::AppointmentId Accept(core::PlanId plan, int index, core::Appointment& appointment,
                               const core::Date& today);

    // Stores a session the therapist moved (core::MoveSession's result) in place of plan
    // session `index`. Only a `planned` session moves (kLocked otherwise), and it stays planned.
    // A date another session of the plan already has is refused (field "date", kDuplicate).
    // The sessions stay in date order, so the moved one may take another index (an appointment
    // accepted from the plan follows its session).
    void ReplaceSession(core::PlanId plan, int index, const core::PlannedSession& session);

    // Marks plan session `index` skipped (only a `planned` one; kLocked otherwise).
    void Skip(core::PlanId plan, int index);

    // The session of the client's current plan booked as `appointment` follows its status (in
    // the caller's transaction, or one of its own): missed when it was cancelled or the client
    // did not come, booked again when that is undone. Nothing happens when no session of the
    // current plan is that appointment. Returns whether a session changed.
    bool FollowAppointment(const core::Appointment& appointment);

    // Booked appointments of the client from `from` on, by date and time.
    std::vector<core::Appointment> Appointments(core::ClientId client, const core::Date& from);

    // Sessions of every client's current plan dated from..to inclusive (planned and booked),
    // by date.
    std::vector<UpcomingPlannedSession> Upcoming(const core::Date& from, const core::Date& to);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
