#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/plan.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <optional>
#include <vector>

namespace myodesk::db {

// Which appointments a read returns (all when nothing is set).
struct AppointmentFilter {
    std::optional<core::StaffId> therapist;
    std::optional<core::ClientId> client;
    std::optional<core::AppointmentStatus> status;
};

// Appointments (the `appointments` table). Booking a plan session goes through
// PlanRepository::Accept, which books here inside its own transaction. The rules of the book
// (which status may follow which, hours, flags) are AppointmentService's; this keeps the data
// whole: valid rows, no double booking, no lost update.
class AppointmentRepository {
  public:
    explicit AppointmentRepository(Database& database, Clock clock = SystemNow);

    // Validates the appointment (core::ValidateAppointment) and books it in one transaction
    // (joining the caller's): NotFoundError for an unknown client, therapist, room or service;
    // a clash with a note or appointment of the same therapist, the same client or the same
    // room (core::WhyClashes, with the room's changeover) is refused with ClashError (field
    // "start_time", kOverlaps; the client's, the therapist's and the room's rows are held
    // until the transaction ends, so two desks cannot book the same time). Sets id,
    // created_at and version 1.
    core::AppointmentId Book(core::Appointment& appointment, const core::Date& today);

    // Saves every field of a booked appointment as given (a move, a resize, a new therapist
    // or room, a status, notes), checked as Book checks a new one; a cancelled appointment
    // holds no slot, so it is not checked for clashes. ConflictError when it was changed
    // elsewhere since `appointment.version` was read; NotFoundError when it does not exist.
    // Raises appointment.version.
    void Update(core::Appointment& appointment, const core::Date& today);

    std::optional<core::Appointment> Get(core::AppointmentId id);

    // The appointments on the days from `from` to `to` (both included) that the filter
    // selects, by date, time and id.
    std::vector<core::Appointment> Between(const core::Date& from, const core::Date& to,
                                           const AppointmentFilter& filter = {});

    // What changes whenever an appointment of `date` is booked, changed, moved in or out, or
    // cancelled, at any desk: one indexed read, cheap enough to poll every second.
    struct DayStamp {
        long long count = 0;
        long long versions = 0;  // the sum of the appointments' versions
        long long newest = 0;    // the highest id
        friend bool operator==(const DayStamp&, const DayStamp&) = default;
    };
    DayStamp StampOf(const core::Date& date);

    // Booked appointments of the client from `from` on (cancelled ones left out), by date and
    // time.
    std::vector<core::Appointment> ForClient(core::ClientId client, const core::Date& from);

    // An appointment booked from plan `plan` follows its session to place `position` when the
    // plan's sessions are put back in date order (PlanRepository, inside its transaction).
    void FollowPlanSession(core::AppointmentId id, core::PlanId plan, int position);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
