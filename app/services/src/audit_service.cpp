#include <myodesk/db/clock.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/csv.h>
#include <myodesk/services/audit_service.h>
#include <myodesk/services/client_service.h>

#include <fmt/format.h>

#include <algorithm>
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

reports::AccessReportRow AuditService::RowOf(const db::AuditEntry& entry) {
    if (m_names.empty()) {
        for (const core::Staff& staff : db::StaffRepository(m_context.Database()).List(true)) {
            m_names.emplace(staff.id, staff.name);
        }
    }
    reports::AccessReportRow row;
    row.at = db::LocalDateTime(entry.at).substr(0, 16);  // to the minute
    const auto name = entry.staff_id ? m_names.find(*entry.staff_id) : m_names.end();
    row.who =
        name != m_names.end() ? name->second : (entry.username.empty() ? "-" : entry.username);
    row.desk = entry.desk;
    row.action = entry.action;
    std::string record = entry.record;
    std::replace(record.begin(), record.end(), '_', ' ');
    row.record = entry.record_id ? fmt::format("{} {}", record, *entry.record_id) : record;
    return row;
}

reports::AccessReport AuditService::ClientAccess(core::ClientId client, std::int64_t max_rows) {
    m_context.Require(core::Right::kReadAudit);
    const core::Client found = ClientService(m_context).Get(client);
    m_context.Audit("audit.client_report", client, "client", client);
    reports::AccessReport report;
    report.client_name = core::DisplayName(found);
    report.today = m_context.Today();
    report.time_zone = db::LocalZone(m_context.GetClock().Now());
    db::AuditFilter filter;
    filter.client_id = client;
    for (const auto& entry : m_audit.List(filter, 0, max_rows + 1)) {
        if (static_cast<std::int64_t>(report.rows.size()) < max_rows) {
            report.rows.push_back(RowOf(entry));
        }
    }
    if (static_cast<std::int64_t>(report.rows.size()) == max_rows) {
        // Counted a page at a time from the first row left out.
        db::AuditFilter rest = filter;
        std::int64_t offset = max_rows;
        for (;;) {
            const auto page = m_audit.List(rest, offset, 1000);
            report.more += static_cast<std::int64_t>(page.size());
            offset += static_cast<std::int64_t>(page.size());
            if (page.size() < 1000u) {
                break;
            }
        }
    }
    return report;
}

std::int64_t AuditService::WriteClientAccessCsv(core::ClientId client, std::ostream& out) {
    m_context.Require(core::Right::kReadAudit);
    ClientService(m_context).Get(client);
    m_context.Audit("audit.client_report", client, "client", client);
    reports::CsvWriter csv(out);
    csv.WriteRow(reports::AccessReportCsvHeader());
    db::AuditFilter filter;
    filter.client_id = client;
    std::int64_t rows = 0;
    for (;;) {
        const auto page = m_audit.List(filter, 0, 1000);
        for (const auto& entry : page) {
            csv.WriteRow(reports::AccessReportCsvRow(RowOf(entry)));
        }
        rows += static_cast<std::int64_t>(page.size());
        if (page.size() < 1000u) {
            return rows;
        }
        filter.before_id = page.back().id;
    }
}

}  // namespace myodesk::services
