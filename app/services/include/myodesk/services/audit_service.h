#pragma once

#include <myodesk/db/audit_repository.h>
#include <myodesk/reports/access_report.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace myodesk::services {

// The audit log for the owner and the manager (core::Right::kReadAudit): the viewer's pages,
// the check of its chain, the CSV export (which is itself recorded).
class AuditService {
  public:
    explicit AuditService(Context& context);

    // Newest first, a page at a time.
    std::vector<db::AuditEntry> List(const db::AuditFilter& filter, std::int64_t offset,
                                     std::int64_t limit);
    // Every row against the chain (db::AuditRepository::Verify).
    db::AuditVerification Verify();
    // Every row the filter takes, newest first, as CSV (reports::CsvWriter); returns the rows.
    std::int64_t WriteCsv(const db::AuditFilter& filter, std::ostream& out);

    // Who saw or changed the client's record, newest first, at most `max_rows` (the rest
    // counted): the access report (reports/access_report.h). Making it is recorded.
    reports::AccessReport ClientAccess(core::ClientId client, std::int64_t max_rows);
    // Every row of it as CSV; returns the rows.
    std::int64_t WriteClientAccessCsv(core::ClientId client, std::ostream& out);

    // How many rows of a client's access report a PDF lists (the CSV has them all).
    static constexpr std::int64_t kAccessRowsInPdf = 2000;

  private:
    reports::AccessReportRow RowOf(const db::AuditEntry& entry);

    Context& m_context;
    db::AuditRepository m_audit;
    std::map<core::StaffId, std::string> m_names;
};

}  // namespace myodesk::services
