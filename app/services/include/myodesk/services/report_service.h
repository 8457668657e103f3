#pragma once

#include <myodesk/core/date.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/reports/client_report.h>
#include <myodesk/reports/clinic_summary.h>
#include <myodesk/services/context.h>
#include <myodesk/services/report_loader.h>

#include <cstdint>
#include <optional>
#include <ostream>

namespace myodesk::services {

// The printable reports and the CSV exports: what they are made from, read once for the GUI
// and the CLI alike (report_loader.h, csv_exports.h), on the context's today.
class ReportService {
  public:
    explicit ReportService(Context& context);

    // The client report's (and physician letter's) inputs today. NotFoundError for an unknown
    // client.
    reports::ClientReportInputs ClientReportInputs(core::ClientId client);

    // A clinic summary's period, today: InvalidPeriodError when `to` is before `from`,
    // NotFoundError for a therapist who is not on the staff.
    reports::ClinicSummaryPeriod ClinicPeriod(const core::Date& from, const core::Date& to,
                                              const std::optional<core::StaffId>& therapist);
    // See LoadClinicSummary.
    LoadedClinicSummary ClinicSummary(const reports::ClinicSummaryPeriod& period,
                                      const LoadProgress& progress = {});
    // The summary's tables as CSV (reports::ClinicSummaryTableRows); the number of data rows.
    static std::int64_t WriteClinicSummaryCsv(const LoadedClinicSummary& loaded, std::ostream& out);

    // The CSV exports (csv_exports.h); each returns the number of data rows.
    std::int64_t WriteClientsCsv(db::ArchiveFilter filter, std::ostream& out);
    // InvalidPeriodError when `to` is before `from`.
    std::int64_t WriteSessionsCsv(const core::Date& from, const core::Date& to, std::ostream& out);

    // InvalidPeriodError when `to` is before `from`.
    static void CheckPeriod(const core::Date& from, const core::Date& to);

  private:
    Context& m_context;
};

}  // namespace myodesk::services
