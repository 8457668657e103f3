#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/rights.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/db/errors.h>
#include <myodesk/reports/logo.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace myodesk::services {

// The services throw the db error classes (db::ValidationError for values that fail their
// checks, db::NotFoundError for a record that is not there, db::DatabaseError for the rest)
// and these, for what the rules of an action refuse. Each carries a sentence for people; the
// front end may say it its own way from the fields.

// A request the rules refuse (not a field of a record): a range, a period, a setting's key.
class RuleError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A period that ends before it starts.
class InvalidPeriodError : public RuleError {
  public:
    InvalidPeriodError(const core::Date& from, const core::Date& to);
    const core::Date& From() const { return m_from; }
    const core::Date& To() const { return m_to; }

  private:
    core::Date m_from;
    core::Date m_to;
};

// A plan session whose day has passed is not booked (what happened is a session note).
class SessionInPastError : public RuleError {
  public:
    explicit SessionInPastError(const core::Date& date);
    const core::Date& Date() const { return m_date; }

  private:
    core::Date m_date;
};

// A plan session may not move to that day; nothing was changed.
class MoveRefusedError : public RuleError {
  public:
    MoveRefusedError(const core::Date& from, const core::Date& to,
                     std::vector<core::PlanWarning> warnings, core::DistanceUnit units);
    const core::Date& From() const { return m_from; }
    const core::Date& To() const { return m_to; }
    // Why not, in the plan's words (core::DescribeWarning with Units()).
    const std::vector<core::PlanWarning>& Warnings() const { return m_warnings; }
    core::DistanceUnit Units() const { return m_units; }

  private:
    core::Date m_from;
    core::Date m_to;
    std::vector<core::PlanWarning> m_warnings;
    core::DistanceUnit m_units;
};

// The clinic logo cannot be used (reports::ReadLogo: missing, not a regular file, not a PNG,
// over the size or pixel limits); nothing was saved.
class LogoRefusedError : public RuleError {
  public:
    LogoRefusedError(const std::string& path, const reports::LogoFile& logo);
    reports::LogoProblem Problem() const { return m_problem; }
    // Why, as a sentence part for people ("it is not a PNG image").
    const std::string& Reason() const { return m_reason; }

  private:
    reports::LogoProblem m_problem;
    std::string m_reason;
};

// An absolute contraindication flag (no massage: refer) applies on the session's day and no
// reason to override it was given; nothing was saved or booked. The front ends ask for the
// reason (GUI: the override dialog; CLI: --override-flag "REASON").
class AbsoluteFlagError : public RuleError {
  public:
    AbsoluteFlagError(const core::Date& date, std::vector<core::ContraindicationFlag> flags);
    const core::Date& Date() const { return m_date; }
    // The absolute flags on that day, as screening lists them.
    const std::vector<core::ContraindicationFlag>& Flags() const { return m_flags; }

  private:
    core::Date m_date;
    std::vector<core::ContraindicationFlag> m_flags;
};

// The session lies outside the clinic's opening hours or the therapist's working hours (or
// on a day off). Nothing was booked or moved: the GUI asks to confirm, the CLI needs
// --outside-hours; both then book again with the hours confirmed.
class OutsideHoursError : public RuleError {
  public:
    OutsideHoursError(core::HoursVerdict verdict, std::string therapist_name,
                      const core::Appointment& appointment,
                      std::vector<core::TimeRange> hours_that_day);
    core::HoursVerdict Verdict() const { return m_verdict; }
    const std::string& TherapistName() const { return m_therapist_name; }
    const core::Date& Date() const { return m_date; }
    // The clinic's opening hours that day (for the clinic's verdicts) or the therapist's.
    const std::vector<core::TimeRange>& HoursThatDay() const { return m_hours; }

  private:
    core::HoursVerdict m_verdict;
    std::string m_therapist_name;
    core::Date m_date;
    std::vector<core::TimeRange> m_hours;
};

// The appointment's status does not allow that change (core::CanChangeStatus): a cancelled
// one is booked anew, a completed one stays completed. Also for a move of an appointment that
// is not booked (`to` is then kBooked: only a booked one moves). Nothing was changed.
class StatusChangeError : public RuleError {
  public:
    enum class Change { kStatus, kMove };
    StatusChangeError(core::AppointmentId id, core::AppointmentStatus from,
                      core::AppointmentStatus to, Change change = Change::kStatus);
    core::AppointmentStatus From() const { return m_from; }
    core::AppointmentStatus To() const { return m_to; }

  private:
    core::AppointmentStatus m_from;
    core::AppointmentStatus m_to;
};

// Who is signed in does not allow it (exit code 6 in the CLI). Nothing was read or changed.
class AccessError : public RuleError {
  public:
    using RuleError::RuleError;
};

// The practice has accounts and nobody is signed in at this desk (or the desk is locked).
class NotSignedInError : public AccessError {
  public:
    NotSignedInError();
};

// The signed-in user's role lacks the right (core/rights.h), or the record is someone else's
// (another therapist's note to sign, a private note). The message names the right.
class NotAllowedError : public AccessError {
  public:
    NotAllowedError(core::Right right, core::StaffRole role, std::string why = {});
    core::Right Right() const { return m_right; }
    core::StaffRole Role() const { return m_role; }

  private:
    core::Right m_right;
    core::StaffRole m_role;
};

// The username and password do not match an active account (which of the two is not said).
class SignInFailedError : public AccessError {
  public:
    SignInFailedError();
};

// Too many failed sign-ins under this username: the next attempt waits.
class SignInTooSoonError : public AccessError {
  public:
    explicit SignInTooSoonError(std::int64_t wait_seconds);
    std::int64_t WaitSeconds() const { return m_wait_seconds; }

  private:
    std::int64_t m_wait_seconds;
};

// The client has no intake yet.
class NoIntakeError : public db::NotFoundError {
  public:
    explicit NoIntakeError(const core::Client& client);
    core::ClientId ClientId() const { return m_client; }
    // As lists show it.
    const std::string& ClientName() const { return m_name; }

  private:
    core::ClientId m_client;
    std::string m_name;
};

// The client has no plan yet.
class NoPlanError : public db::NotFoundError {
  public:
    explicit NoPlanError(const core::Client& client);
    core::ClientId ClientId() const { return m_client; }
    // As lists show it.
    const std::string& ClientName() const { return m_name; }

  private:
    core::ClientId m_client;
    std::string m_name;
};

// The client's current plan has no session on that day.
class NoPlanSessionError : public db::NotFoundError {
  public:
    NoPlanSessionError(const core::Client& client, const core::Date& date);
    core::ClientId ClientId() const { return m_client; }
    // As lists show it.
    const std::string& ClientName() const { return m_name; }

  private:
    core::ClientId m_client;
    std::string m_name;
};

}  // namespace myodesk::services
