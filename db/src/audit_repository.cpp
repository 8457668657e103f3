#include "content_hash.h"
#include "guard.h"
#include "one_call_statement.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/db/audit_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <utility>

namespace myodesk::db {

namespace {

using detail::Nullable;

// The chain's start: the first row's previous hash.
constexpr std::string_view kChainStart =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The audit_log row as SOCI binds it.
struct AuditRow {
    long long id = 0;
    std::string at;
    Nullable<long long> staff_id;
    std::string username;
    std::string desk;
    std::string action;
    Nullable<long long> client_id;
    std::string record;
    Nullable<long long> record_id;
    std::string detail;
    std::string previous_hash;
    std::string hash;

    AuditEntry ToEntry() const {
        return AuditEntry{id,
                          at,
                          staff_id.Get(),
                          username,
                          desk,
                          action,
                          client_id.Get(),
                          record,
                          record_id.Get(),
                          detail};
    }
};

std::string Optional(const Nullable<long long>& value) {
    return value.indicator == soci::i_ok ? std::to_string(value.value) : std::string();
}

// What a row's hash covers: every column but its id and hash, and the previous row's hash.
// The unit separator (0x1f) cannot be confused with the text of a column, which MyoDesk never
// writes with control characters.
std::string ChainHash(const AuditRow& row) {
    return detail::Sha256Hex(
        fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", row.previous_hash,
                    row.at, Optional(row.staff_id), row.username, row.desk, row.action,
                    Optional(row.client_id), row.record, Optional(row.record_id), row.detail));
}

constexpr const char* kColumns =
    "id, at, staff_id, username, desk, action, client_id, record, record_id, detail, "
    "previous_hash, hash";

void IntoRow(soci::statement& statement, AuditRow& row) {
    statement.exchange(soci::into(row.id));
    statement.exchange(soci::into(row.at));
    detail::Into(statement, row.staff_id);
    statement.exchange(soci::into(row.username));
    statement.exchange(soci::into(row.desk));
    statement.exchange(soci::into(row.action));
    detail::Into(statement, row.client_id);
    statement.exchange(soci::into(row.record));
    detail::Into(statement, row.record_id);
    statement.exchange(soci::into(row.detail));
    statement.exchange(soci::into(row.previous_hash));
    statement.exchange(soci::into(row.hash));
}

}  // namespace

AuditRepository::AuditRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

namespace {

// Binds the row's columns (not its id or hashes) by name, as both ways of adding a row use them.
void UseColumns(soci::statement& statement, AuditRow& row) {
    statement.exchange(soci::use(row.at, "at"));
    detail::Use(statement, "staff_id", row.staff_id);
    statement.exchange(soci::use(row.username, "username"));
    statement.exchange(soci::use(row.desk, "desk"));
    statement.exchange(soci::use(row.action, "action"));
    detail::Use(statement, "client_id", row.client_id);
    statement.exchange(soci::use(row.record, "record"));
    detail::Use(statement, "record_id", row.record_id);
    statement.exchange(soci::use(row.detail, "detail"));
}

// PostgreSQL: the server adds the row (audit_append, migration 13), as staff logins may not
// insert into audit_log themselves; it takes the chain's lock and computes the same hash.
void AppendOnServer(soci::session& session, AuditRow& row) {
    soci::statement append(session);
    UseColumns(append, row);
    append.exchange(soci::into(row.id));
    append.alloc();
    detail::PrepareForOneCall(append,
                              "SELECT audit_append(:at, :staff_id, :username, :desk, :action, "
                              ":client_id, :record, :record_id, :detail)");
    append.define_and_bind();
    append.execute(true);
}

// SQLite: the app is the only writer; the file's write lock keeps the chain in order.
void AppendInApp(soci::session& session, AuditRow& row) {
    soci::indicator found = soci::i_null;
    session << "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
        soci::into(row.previous_hash, found);
    if (found != soci::i_ok) {
        row.previous_hash = std::string(kChainStart);
    }
    row.hash = ChainHash(row);
    // Its own scope: a RETURNING statement still open would hold SQLite's COMMIT back.
    soci::statement insert(session);
    UseColumns(insert, row);
    insert.exchange(soci::use(row.previous_hash, "previous_hash"));
    insert.exchange(soci::use(row.hash, "hash"));
    insert.exchange(soci::into(row.id));
    insert.alloc();
    detail::PrepareForOneCall(
        insert,
        "INSERT INTO audit_log (at, staff_id, username, desk, action, client_id, record, "
        "record_id, detail, previous_hash, hash) VALUES (:at, :staff_id, :username, :desk, "
        ":action, :client_id, :record, :record_id, :detail, :previous_hash, :hash) "
        "RETURNING id");
    insert.define_and_bind();
    insert.execute(true);
}

}  // namespace

void AuditRepository::Append(AuditEntry& entry) {
    Guard("add to the audit log", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        AuditRow row;
        row.at = UtcTimestamp(m_clock());
        row.staff_id.Set(entry.staff_id);
        row.username = entry.username;
        row.desk = entry.desk;
        row.action = entry.action;
        row.client_id.Set(entry.client_id);
        row.record = entry.record;
        row.record_id.Set(entry.record_id);
        row.detail = entry.detail;
        if (m_database.GetDialect().backend == Backend::kPostgresql) {
            AppendOnServer(session, row);
        } else {
            AppendInApp(session, row);
        }
        transaction.Commit();
        entry.id = row.id;
        entry.at = row.at;
    });
}

std::vector<AuditEntry> AuditRepository::List(const AuditFilter& filter, std::int64_t offset,
                                              std::int64_t limit) {
    return Guard("read the audit log", [&] {
        soci::session& session = SociSession(m_database);
        long long client = filter.client_id.value_or(0);
        std::string username = filter.username.value_or("");
        std::string action = filter.action.value_or("");
        // The stamps are ISO 8601 UTC text: a day's rows sort from "YYYY-MM-DD" up to the next
        // day's.
        std::string from = filter.from ? core::FormatIsoDate(*filter.from) : "";
        std::string to = filter.to ? core::FormatIsoDate(core::AddDays(*filter.to, 1)) : "";
        long long before = filter.before_id.value_or(0);
        long long page_offset = offset;
        long long page_limit = limit;
        std::string where;
        const auto add = [&where](std::string_view condition) {
            where += where.empty() ? " WHERE " : " AND ";
            where += condition;
        };
        AuditRow row;
        soci::statement statement(session);
        IntoRow(statement, row);
        if (filter.client_id) {
            add("client_id = :client");
            statement.exchange(soci::use(client, "client"));
        }
        if (filter.username) {
            add("username = :username");
            statement.exchange(soci::use(username, "username"));
        }
        if (filter.action) {
            add("action = :action");
            statement.exchange(soci::use(action, "action"));
        }
        if (filter.from) {
            add("at >= :from");
            statement.exchange(soci::use(from, "from"));
        }
        if (filter.to) {
            add("at < :to");
            statement.exchange(soci::use(to, "to"));
        }
        if (filter.before_id) {
            add("id < :before");
            statement.exchange(soci::use(before, "before"));
        }
        statement.exchange(soci::use(page_limit, "limit"));
        statement.exchange(soci::use(page_offset, "offset"));
        statement.alloc();
        detail::PrepareForOneCall(statement,
                                  fmt::format("SELECT {} FROM audit_log{} ORDER BY id DESC "
                                              "LIMIT :limit OFFSET :offset",
                                              kColumns, where));
        statement.define_and_bind();
        std::vector<AuditEntry> entries;
        statement.execute(false);
        while (statement.fetch()) {
            entries.push_back(row.ToEntry());
        }
        return entries;
    });
}

AuditVerification AuditRepository::Verify() {
    return Guard("check the audit log", [&] {
        constexpr long long kPage = 1000;
        AuditVerification result;
        std::string previous_hash(kChainStart);
        long long after = 0;
        for (;;) {
            AuditRow row;
            long long page = kPage;
            soci::statement statement = detail::OneCallStatement(
                SociSession(m_database),
                fmt::format("SELECT {} FROM audit_log WHERE id > :after ORDER BY id LIMIT :page",
                            kColumns),
                soci::into(row.id), soci::into(row.at),
                soci::into(row.staff_id.value, row.staff_id.indicator), soci::into(row.username),
                soci::into(row.desk), soci::into(row.action),
                soci::into(row.client_id.value, row.client_id.indicator), soci::into(row.record),
                soci::into(row.record_id.value, row.record_id.indicator), soci::into(row.detail),
                soci::into(row.previous_hash), soci::into(row.hash), soci::use(after, "after"),
                soci::use(page, "page"));
            long long read = 0;
            statement.execute(false);
            while (statement.fetch()) {
                ++read;
                if (row.previous_hash != previous_hash) {
                    result.first_broken_id = row.id;
                    result.why = "the row before it was changed or deleted";
                    return result;
                }
                if (ChainHash(row) != row.hash) {
                    result.first_broken_id = row.id;
                    result.why = "the row was changed";
                    return result;
                }
                previous_hash = row.hash;
                after = row.id;
                ++result.rows_checked;
            }
            if (read < kPage) {
                return result;
            }
        }
    });
}

std::vector<std::string> AuditRepository::FailedSignInsSinceSuccess(const std::string& username,
                                                                    std::int64_t limit) {
    return Guard("read the sign-ins", [&] {
        std::string name = username;
        std::string action;
        std::string at;
        long long count = limit + 1;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            // PostgreSQL asks the server's function: signing in needs no right to read the log.
            m_database.GetDialect().backend == Backend::kPostgresql
                ? "SELECT action, at FROM audit_failed_sign_ins(:username, :count)"
                : "SELECT action, at FROM audit_log WHERE username = :username AND action IN "
                  "('sign_in', 'sign_in_failed') ORDER BY id DESC LIMIT :count",
            soci::into(action), soci::into(at), soci::use(name, "username"),
            soci::use(count, "count"));
        std::vector<std::string> failures;
        statement.execute(false);
        while (statement.fetch() && action == kAuditSignInFailed &&
               static_cast<std::int64_t>(failures.size()) < limit) {
            failures.push_back(at);
        }
        return failures;
    });
}

}  // namespace myodesk::db
