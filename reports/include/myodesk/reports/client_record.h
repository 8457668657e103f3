#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/date.h>
#include <myodesk/core/practice_export.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>

#include <string>
#include <vector>

namespace myodesk::reports {

// Everything the practice keeps about one client (an access request under GDPR, PIPEDA or
// PHIPA), kind by kind in the practice export's format (docs/export-format.md).
struct ClientRecord {
    std::string client_name;
    core::Date today{};
    std::vector<core::RecordBatch> kinds;  // in the format's order; a kind with none is left out
};

// The record as a document to print: the letterhead, then each kind of record under its own
// heading, a table for the short lists (a note's regions) and one block of facts a record for
// the rest, every field named. Long machine values (a plan's document, hashes) are left to
// the JSON file that goes with it, and say so.
Document ClientRecordDocument(const ClientRecord& record, const core::ClinicDetails& clinic,
                              const ReportLocale& locale);

}  // namespace myodesk::reports
