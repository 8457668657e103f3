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
    // created_at and version 1. An occurrence of a series (series_id and occurrence_date set)
    // is stored so: NotFoundError when the series does not fall on that day, ConflictError
    // when that occurrence is stored already (changed at another desk).
    core::AppointmentId Book(core::Appointment& appointment, const core::Date& today);

    // Saves every field of a booked appointment as given (a move, a resize, a new therapist
    // or room, a status, notes), checked as Book checks a new one; a cancelled appointment
    // holds no slot, so it is not checked for clashes. ConflictError when it was changed
    // elsewhere since `appointment.version` was read; NotFoundError when it does not exist.
    // Raises appointment.version.
    void Update(core::Appointment& appointment, const core::Date& today);

    std::optional<core::Appointment> Get(core::AppointmentId id);

    // Books a recurring series in one transaction: checked as core::ValidateSeries checks it
    // (ValidationError), and every occurrence as Book checks one appointment (ClashError names
    // the first clash, on its day). The series is stored as its rule, its first occurrence as
    // an appointment. Sets series.id and created_at; returns the first occurrence's id.
    core::AppointmentId BookSeries(core::AppointmentSeries& series, const core::Date& today);

    // The series (with no exceptions filled in); nullopt when there is no such series.
    std::optional<core::AppointmentSeries> GetSeries(core::SeriesId id);

    // The series' occurrence for its day `day`: the stored appointment, else the unstored one
    // (core::OccurrenceOf); nullopt when the series does not fall on that day.
    std::optional<core::Appointment> Occurrence(core::SeriesId id, const core::Date& day);

    // "This and following" (core::FollowingSeries), in one transaction: the occurrence
    // `changed` stands for and those after it become a series of their own with its time,
    // duration, therapist, room, service and notes, moved by as many days as it moved; the
    // series before it ends the day before (or is replaced, when it was the first). Stored
    // occurrences go with the part they fall in; the booked ones take the change. Every
    // occurrence of the new part is checked as Book checks one. Stores `changed` (sets id,
    // series_id, occurrence_date, version) and returns its id. ConflictError when the series
    // or that occurrence was changed elsewhere since `changed` was read.
    core::AppointmentId ChangeFollowing(core::Appointment& changed, const core::Date& today);

    // Ends the series with its occurrence of `day` (a day of the series): nothing is shown
    // after it. Stored occurrences after it stay as they are.
    void EndSeriesAfter(core::SeriesId id, const core::Date& day);

    // The appointments on the days from `from` to `to` (both included) that the filter
    // selects, by date, time and id, with the occurrences of series not stored (id 0).
    std::vector<core::Appointment> Between(const core::Date& from, const core::Date& to,
                                           const AppointmentFilter& filter = {});

    // Booked appointments of the client from `from` on (cancelled ones left out), by date and
    // time; the unstored occurrences of series up to kSeriesHorizonDays ahead.
    std::vector<core::Appointment> ForClient(core::ClientId client, const core::Date& from);

    // An appointment booked from plan `plan` follows its session to place `position` when the
    // plan's sessions are put back in date order (PlanRepository, inside its transaction).
    void FollowPlanSession(core::AppointmentId id, core::PlanId plan, int position);

    static constexpr int kSeriesHorizonDays = 366;

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
