#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

// One row of the audit log: who (the staff member and the username they signed in with, or
// none in a practice without accounts), when (UTC), at which desk (the computer's name), what
// (an action code such as "note.sign", docs/audit-log.md), for whom (the client) and on which
// record, with the detail (before and after, as JSON) where a record changed.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;  // ISO 8601 UTC, set by storage
    std::optional<core::StaffId> staff_id;
    std::string username;
    std::string desk;
    std::string action;
    std::optional<core::ClientId> client_id;
    std::string record;  // "session_note", "client", "intake" ... or empty
    std::optional<std::int64_t> record_id;
    std::string detail;
    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// What the viewer and `audit list` filter by; every part optional. Dates are UTC days.
struct AuditFilter {
    std::optional<core::ClientId> client_id;
    std::optional<std::string> username;
    std::optional<std::string> action;
    std::optional<core::Date> from;
    std::optional<core::Date> to;
    // Only rows older than this one (a long read goes on from its last row, not by offset).
    std::optional<std::int64_t> before_id;
};

// What `audit verify` found: every row in the chain, or the first one that does not fit.
struct AuditVerification {
    std::int64_t rows_checked = 0;
    std::optional<std::int64_t> first_broken_id;  // nullopt: the chain is whole
    std::string why;                              // for people, when broken
};

// The audit log: rows are only added (each chained to the one before by its hash), never
// changed or deleted.
class AuditRepository {
  public:
    explicit AuditRepository(Database& database, Clock clock = SystemNow);

    // Adds the entry at the end of the chain (in the caller's transaction when there is one,
    // else in its own); sets entry.id and entry.at.
    void Append(AuditEntry& entry);
    // Newest first, a page at a time.
    std::vector<AuditEntry> List(const AuditFilter& filter, std::int64_t offset,
                                 std::int64_t limit);
    // Every row, oldest first, read a page at a time and checked against the chain.
    AuditVerification Verify();
    // Failed sign-ins under `username` since its last successful one, newest first (at most
    // `limit`): the times, to slow the next attempt.
    std::vector<std::string> FailedSignInsSinceSuccess(const std::string& username,
                                                       std::int64_t limit);

  private:
    Database& m_database;
    Clock m_clock;
};

// The actions the log records about signing in (the rest are named where they happen).
inline constexpr const char* kAuditSignIn = "sign_in";
inline constexpr const char* kAuditSignInFailed = "sign_in_failed";

}  // namespace myodesk::db
