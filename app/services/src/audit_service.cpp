#include <myodesk/reports/csv.h>
#include <myodesk/services/audit_service.h>

#include <string>

namespace myodesk::services {

namespace {

reports::Cell OptionalNumber(const std::optional<std::int64_t>& value) {
    return value ? reports::Cell(*value) : reports::Cell();
}

}  // namespace

AuditService::AuditService(Context& context)
    : m_context(context), m_audit(context.Database(), context.GetClock().Storage()) {}

std::vector<db::AuditEntry> AuditService::List(const db::AuditFilter& filter, std::int64_t offset,
                                               std::int64_t limit) {
    m_context.Require(core::Right::kReadAudit);
    return m_audit.List(filter, offset, limit);
}

db::AuditVerification AuditService::Verify() {
    m_context.Require(core::Right::kReadAudit);
    return m_audit.Verify();
}

std::int64_t AuditService::WriteCsv(const db::AuditFilter& filter, std::ostream& out) {
    m_context.Require(core::Right::kReadAudit);
    m_context.Audit("audit.export", filter.client_id, "audit_log");
    constexpr std::int64_t kPage = 1000;
    reports::CsvWriter csv(out);
    csv.WriteRow(std::vector<std::string>{"id", "at", "staff_id", "username", "desk", "action",
                                          "client_id", "record", "record_id", "detail"});
    db::AuditFilter page_filter = filter;
    std::int64_t rows = 0;
    for (;;) {
        const auto page = m_audit.List(page_filter, 0, kPage);
        for (const auto& entry : page) {
            csv.WriteRow(reports::Row{entry.id, entry.at, OptionalNumber(entry.staff_id),
                                      entry.username, entry.desk, entry.action,
                                      OptionalNumber(entry.client_id), entry.record,
                                      OptionalNumber(entry.record_id), entry.detail});
        }
        rows += static_cast<std::int64_t>(page.size());
        if (static_cast<std::int64_t>(page.size()) < kPage) {
            return rows;
        }
        page_filter.before_id = page.back().id;
    }
}

}  // namespace myodesk::services
