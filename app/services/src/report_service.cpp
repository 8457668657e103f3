#include <myodesk/reports/csv.h>
#include <myodesk/services/csv_exports.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/report_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>

namespace myodesk::services {

ReportService::ReportService(Context& context) : m_context(context) {}

reports::ClientReportInputs ReportService::ClientReportInputs(core::ClientId client) {
    m_context.Require(core::Right::kClinicalReports);
    reports::ClientReportInputs inputs =
        LoadClientReportInputs(m_context.Database(), client, m_context.Today());
    // Another therapist's private notes stay out of the report.
    std::erase_if(inputs.notes, [&](const core::SessionNote& note) {
        return note.is_private && !m_context.IsOwnerAtDesk() &&
               m_context.Desk().StaffId() != note.therapist_id;
    });
    m_context.Audit("report.client", client, "client", client);
    return inputs;
}

void ReportService::CheckPeriod(const core::Date& from, const core::Date& to) {
    if (to < from) {
        throw InvalidPeriodError(from, to);
    }
}

reports::ClinicSummaryPeriod ReportService::ClinicPeriod(
    const core::Date& from, const core::Date& to, const std::optional<core::StaffId>& therapist) {
    CheckPeriod(from, to);
    reports::ClinicSummaryPeriod period;
    period.from = from;
    period.to = to;
    if (therapist) {
        period.therapist = StaffService(m_context).Get(*therapist).id;
    }
    period.today = m_context.Today();
    return period;
}

LoadedClinicSummary ReportService::ClinicSummary(const reports::ClinicSummaryPeriod& period,
                                                 const LoadProgress& progress) {
    m_context.Require(core::Right::kPracticeReports);
    return LoadClinicSummary(m_context.Database(), period, progress);
}

std::int64_t ReportService::WriteClinicSummaryCsv(const LoadedClinicSummary& loaded,
                                                  std::ostream& out) {
    reports::CsvWriter csv(out);
    csv.WriteRow(reports::ClinicSummaryTableHeader());
    const auto rows = reports::ClinicSummaryTableRows(loaded.summary, loaded.names);
    for (const auto& row : rows) {
        csv.WriteRow(row);
    }
    return static_cast<std::int64_t>(rows.size());
}

std::int64_t ReportService::WriteClientsCsv(db::ArchiveFilter filter, std::ostream& out) {
    m_context.Require(core::Right::kPracticeReports);
    return services::WriteClientsCsv(m_context.Database(), filter, out);
}

std::int64_t ReportService::WriteSessionsCsv(const core::Date& from, const core::Date& to,
                                             std::ostream& out) {
    m_context.Require(core::Right::kClinicalReports);
    CheckPeriod(from, to);
    m_context.Audit("export.sessions", std::nullopt, "session_note", std::nullopt,
                    fmt::format(R"({{"from": "{}", "to": "{}"}})", core::FormatIsoDate(from),
                                core::FormatIsoDate(to)));
    return services::WriteSessionsCsv(m_context.Database(), from, to, out,
                                      [this](const core::SessionNote& note) {
                                          return !note.is_private || m_context.IsOwnerAtDesk() ||
                                                 m_context.Desk().StaffId() == note.therapist_id;
                                      });
}

}  // namespace myodesk::services
