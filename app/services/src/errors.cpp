#include <myodesk/core/session_note.h>
#include <myodesk/services/errors.h>
#include <myodesk/vocabulary/words.h>

#include <fmt/format.h>

#include <utility>

namespace myodesk::services {

InvalidPeriodError::InvalidPeriodError(const core::Date& from, const core::Date& to)
    : RuleError(fmt::format("the period starts on {} after it ends on {}",
                            core::FormatIsoDate(from), core::FormatIsoDate(to))),
      m_from(from),
      m_to(to) {}

LogoRefusedError::LogoRefusedError(const std::string& path, const reports::LogoFile& logo)
    : RuleError(fmt::format("clinic.logo: {}: {}", path, reports::DescribeLogoProblem(logo))),
      m_problem(logo.problem.value_or(reports::LogoProblem::kNotPng)),
      m_reason(reports::DescribeLogoProblem(logo)) {}

SessionInPastError::SessionInPastError(const core::Date& date)
    : RuleError(fmt::format("date: {} has passed; only a session from today on can be booked "
                            "(what happened is a session note)",
                            core::FormatIsoDate(date))),
      m_date(date) {}

MoveRefusedError::MoveRefusedError(const core::Date& from, const core::Date& to,
                                   std::vector<core::PlanWarning> warnings,
                                   core::DistanceUnit units)
    : RuleError(fmt::format("the session of {} cannot move to {}", core::FormatIsoDate(from),
                            core::FormatIsoDate(to))),
      m_from(from),
      m_to(to),
      m_warnings(std::move(warnings)),
      m_units(units) {}

namespace {

std::string DescribeHours(const std::vector<core::TimeRange>& hours) {
    std::vector<std::string> ranges;
    for (const core::TimeRange& range : hours) {
        ranges.push_back(fmt::format("{}-{}", core::FormatClockTime(range.start_minute),
                                     core::FormatClockTime(range.end_minute)));
    }
    return ranges.empty() ? "closed" : fmt::format("{}", fmt::join(ranges, ", "));
}

std::string DescribeOutsideHours(core::HoursVerdict verdict, const std::string& therapist,
                                 const core::Appointment& appointment,
                                 const std::vector<core::TimeRange>& hours) {
    const std::string day = core::FormatIsoDate(appointment.date);
    const std::string when =
        fmt::format("{} {}-{}", day, core::FormatClockTime(appointment.start_minute),
                    core::FormatClockTime(core::EndOf(appointment).minute));
    std::string why;
    switch (verdict) {
        case core::HoursVerdict::kWithin:
            break;
        case core::HoursVerdict::kClinicClosed:
            why = fmt::format(
                "the clinic is closed on {}s",
                vocabulary::NameOf(core::Weekday(core::IsoWeekdayIndex(appointment.date))));
            break;
        case core::HoursVerdict::kClinicHoliday:
            why = fmt::format("the clinic is closed on {} (a holiday)", day);
            break;
        case core::HoursVerdict::kOutsideOpeningHours:
            why = fmt::format("{} is outside the clinic's opening hours ({})", when,
                              DescribeHours(hours));
            break;
        case core::HoursVerdict::kTherapistNotWorking:
            why = fmt::format(
                "{} does not work on {}s", therapist,
                vocabulary::NameOf(core::Weekday(core::IsoWeekdayIndex(appointment.date))));
            break;
        case core::HoursVerdict::kTherapistDayOff:
            why = fmt::format("{} is off on {}", therapist, day);
            break;
        case core::HoursVerdict::kOutsideWorkingHours:
            why = fmt::format("{} is outside {}'s working hours ({})", when, therapist,
                              DescribeHours(hours));
            break;
    }
    return fmt::format("start_time: {}; book it anyway with --outside-hours", why);
}

std::string DescribeAbsoluteFlags(const core::Date& date,
                                  const std::vector<core::ContraindicationFlag>& flags) {
    std::vector<std::string> names;
    for (const auto& flag : flags) {
        names.push_back(vocabulary::NameOf(flag.code));
    }
    return fmt::format(
        "flag_override: {} on the intake: no massage on {}; refer the client to their "
        "physician, or give the reason to go ahead",
        fmt::join(names, ", "), core::FormatIsoDate(date));
}

}  // namespace

AbsoluteFlagError::AbsoluteFlagError(const core::Date& date,
                                     std::vector<core::ContraindicationFlag> flags)
    : RuleError(DescribeAbsoluteFlags(date, flags)), m_date(date), m_flags(std::move(flags)) {}

OutsideHoursError::OutsideHoursError(core::HoursVerdict verdict, std::string therapist_name,
                                     const core::Appointment& appointment,
                                     std::vector<core::TimeRange> hours_that_day)
    : RuleError(DescribeOutsideHours(verdict, therapist_name, appointment, hours_that_day)),
      m_verdict(verdict),
      m_therapist_name(std::move(therapist_name)),
      m_date(appointment.date),
      m_hours(std::move(hours_that_day)) {}

StatusChangeError::StatusChangeError(core::AppointmentId id, core::AppointmentStatus from,
                                     core::AppointmentStatus to, Change change)
    : RuleError(change == Change::kMove
                    ? fmt::format("status: appointment {} is {}; only a booked appointment is "
                                  "moved (book a new one instead)",
                                  id, core::ToCode(from))
                    : fmt::format("status: appointment {} is {}, so it cannot become {}", id,
                                  core::ToCode(from), core::ToCode(to))),
      m_from(from),
      m_to(to) {}

NoIntakeError::NoIntakeError(const core::Client& client)
    : db::NotFoundError(
          fmt::format("{} (client {}) has no intake yet.", core::DisplayName(client), client.id)),
      m_client(client.id),
      m_name(core::DisplayName(client)) {}

NoPlanError::NoPlanError(const core::Client& client)
    : db::NotFoundError(
          fmt::format("{} (client {}) has no plan yet.", core::DisplayName(client), client.id)),
      m_client(client.id),
      m_name(core::DisplayName(client)) {}

NoPlanSessionError::NoPlanSessionError(const core::Client& client, const core::Date& date)
    : db::NotFoundError(fmt::format("The current plan of {} (client {}) has no session on {}.",
                                    core::DisplayName(client), client.id,
                                    core::FormatIsoDate(date))),
      m_client(client.id),
      m_name(core::DisplayName(client)) {}

NotSignedInError::NotSignedInError()
    : AccessError("Nobody is signed in: sign in with your username and password first.") {}

NotAllowedError::NotAllowedError(core::Right right, core::StaffRole role, std::string why)
    : AccessError(why.empty() ? fmt::format("Not allowed: a {} does not have the right '{}'.",
                                            core::ToCode(role), core::ToCode(right))
                              : fmt::format("Not allowed ({}): {}", core::ToCode(right), why)),
      m_right(right),
      m_role(role) {}

SignInFailedError::SignInFailedError()
    : AccessError("The username or the password is wrong (or the account is inactive).") {}

SignInTooSoonError::SignInTooSoonError(std::int64_t wait_seconds)
    : AccessError(fmt::format(
          "Too many failed sign-ins for this username: try again in {} seconds.", wait_seconds)),
      m_wait_seconds(wait_seconds) {}

}  // namespace myodesk::services
