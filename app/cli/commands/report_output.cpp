#include "report_output.h"

#include <myodesk/reports/logo.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace myodesk::app {

nlohmann::ordered_json KindCountsJson(const std::vector<services::KindCount>& kinds) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& kind : kinds) {
        counts[kind.kind] = kind.records;
    }
    return counts;
}

std::string RequireOut(const std::optional<std::string>& out, std::string_view kind) {
    if (!out || out->empty()) {
        throw UsageError(fmt::format("--out FILE.{} is required", kind));
    }
    return *out;
}

std::pair<core::Date, core::Date> Period(const std::string& from, const std::string& to) {
    const auto period = std::pair(ParseDate(from, "--from"), ParseDate(to, "--to"));
    try {
        services::ReportService::CheckPeriod(period.first, period.second);
    } catch (const services::InvalidPeriodError& error) {
        throw InvalidInput(fmt::format("--from {} is after --to {}",
                                       core::FormatIsoDate(error.From()),
                                       core::FormatIsoDate(error.To())));
    }
    return period;
}

reports::ClinicSummaryPeriod ClinicPeriod(CommandContext& context, const std::string& from,
                                          const std::string& to,
                                          const std::optional<std::int64_t>& therapist) {
    const auto [first, last] = Period(from, to);
    try {
        return services::ReportService(context.Services()).ClinicPeriod(first, last, therapist);
    } catch (const db::NotFoundError&) {
        throw db::NotFoundError(
            fmt::format("--therapist: there is no staff member with id {}.", *therapist));
    }
}

core::PaperSize Paper(const std::optional<std::string>& paper, const core::ClinicDetails& clinic) {
    if (!paper) {
        return clinic.paper;
    }
    const auto size = core::PaperSizeFromCode(*paper);
    if (!size) {
        throw InvalidInput(
            fmt::format("--paper: '{}' is not a paper size; use a4 or letter", *paper));
    }
    return *size;
}

void WarnAboutLogo(CommandContext& context, const core::ClinicDetails& clinic) {
    if (clinic.logo_path.empty()) {
        return;
    }
    const auto logo = reports::ReadLogo(clinic.logo_path);
    if (!logo.Ok()) {
        fmt::print(context.Err(),
                   "myodesk-cli: warning: the clinic logo {} cannot be used: {}; the report has no "
                   "logo (settings set clinic.logo FILE.png)\n",
                   clinic.logo_path, reports::DescribeLogoProblem(logo));
    }
}

}  // namespace myodesk::app
