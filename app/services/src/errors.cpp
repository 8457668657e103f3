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

}  // namespace myodesk::services
