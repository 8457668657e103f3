#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/plan.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <vector>

namespace myodesk::db {

// Booked appointments (the `appointments` table). Booking a plan session goes through
// PlanRepository::Accept, which books here inside its own transaction.
class AppointmentRepository {
  public:
    explicit AppointmentRepository(Database& database, Clock clock = SystemNow);

    // Validates the appointment (core::ValidateAppointment) and books it in one transaction
    // (joining the caller's): NotFoundError for an unknown client or therapist; a clash with
    // a note or appointment of the same therapist or the same client (core::Clashes) is
    // refused with ClashError (field "start_time", kOverlaps; the client's and the therapist's
    // rows are held until the transaction ends, so two desks cannot book the same time). Sets
    // appointment.id and created_at.
    core::AppointmentId Book(core::Appointment& appointment, const core::Date& today);

    // Booked appointments of the client from `from` on, by date and time.
    std::vector<core::Appointment> ForClient(core::ClientId client, const core::Date& from);

    // An appointment booked from plan `plan` follows its session to place `position` when the
    // plan's sessions are put back in date order (PlanRepository, inside its transaction).
    void FollowPlanSession(core::AppointmentId id, core::PlanId plan, int position);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
