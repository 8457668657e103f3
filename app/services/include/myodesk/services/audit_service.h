#pragma once

#include <myodesk/db/audit_repository.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <ostream>
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

  private:
    Context& m_context;
    db::AuditRepository m_audit;
};

}  // namespace myodesk::services
