#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/date.h>
#include <myodesk/reports/csv.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>

#include <cstdint>
#include <string>
#include <vector>

namespace myodesk::reports {

// One line of a client's access report: when (the clinic's wall clock), who, at which desk,
// what was done with which record.
struct AccessReportRow {
    std::string at;      // "2026-12-07 11:02"
    std::string who;     // the staff member's name, "(nobody signed in)" before accounts
    std::string desk;    // the computer
    std::string action;  // the audit log's code ("note.sign")
    std::string record;  // "session note 12"
};

// Who saw or changed a client's record (GDPR, PIPEDA and PHIPA access requests), newest first.
struct AccessReport {
    std::string client_name;
    core::Date today{};
    std::string time_zone;  // the zone the times are in ("Europe/Dublin")
    std::vector<AccessReportRow> rows;
    std::int64_t more = 0;  // rows left out of a long report (the CSV has them all)
};

// The action in words ("Signed a session note"); the code itself for one it does not know.
std::string AccessActionWords(const std::string& action);

// The report as a document: the letterhead, the client, a table of every access.
Document AccessReportDocument(const AccessReport& report, const core::ClinicDetails& clinic,
                              const ReportLocale& locale);

// The same rows as CSV.
Row AccessReportCsvHeader();
Row AccessReportCsvRow(const AccessReportRow& row);

}  // namespace myodesk::reports
