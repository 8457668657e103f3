#include <myodesk/services/errors.h>

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
