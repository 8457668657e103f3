#include "client_row.h"
#include "client_search_keys.h"
#include "client_search_sql.h"
#include "guard.h"
#include "id_chunks.h"
#include "one_call_statement.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/core/client_validation.h>
#include <myodesk/core/text.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <map>
#include <memory>

namespace myodesk::db {

namespace {

using core::Client;
using core::ClientSummary;
using detail::ClientRow;
using detail::SearchKey;
using detail::SearchKeys;

constexpr std::string_view kAllColumns =
    "id, given_name, family_name, preferred_name, date_of_birth, phone, email, address, "
    "emergency_contact_name, emergency_contact_phone, physician, referral_source, notes, "
    "archived, created_at, updated_at, version";

constexpr std::string_view kSummaryColumns =
    "id, given_name, family_name, preferred_name, date_of_birth, phone, email, archived";

void IntoAll(soci::statement& statement, ClientRow& row) {
    statement.exchange(soci::into(row.id));
    statement.exchange(soci::into(row.given_name));
    statement.exchange(soci::into(row.family_name));
    statement.exchange(soci::into(row.preferred_name));
    statement.exchange(soci::into(row.date_of_birth.value, row.date_of_birth.indicator));
    statement.exchange(soci::into(row.phone));
    statement.exchange(soci::into(row.email));
    statement.exchange(soci::into(row.address));
    statement.exchange(soci::into(row.emergency_contact_name));
    statement.exchange(soci::into(row.emergency_contact_phone));
    statement.exchange(soci::into(row.physician));
    statement.exchange(soci::into(row.referral_source));
    statement.exchange(soci::into(row.notes));
    statement.exchange(soci::into(row.archived));
    statement.exchange(soci::into(row.created_at));
    statement.exchange(soci::into(row.updated_at));
    statement.exchange(soci::into(row.version));
}

void IntoSummary(soci::statement& statement, ClientRow& row) {
    statement.exchange(soci::into(row.id));
    statement.exchange(soci::into(row.given_name));
    statement.exchange(soci::into(row.family_name));
    statement.exchange(soci::into(row.preferred_name));
    statement.exchange(soci::into(row.date_of_birth.value, row.date_of_birth.indicator));
    statement.exchange(soci::into(row.phone));
    statement.exchange(soci::into(row.email));
    statement.exchange(soci::into(row.archived));
}

// Binds the editable fields and the search keys under the names used in INSERT and UPDATE.
void UseEditable(soci::statement& statement, ClientRow& row) {
    SearchKeys& keys = row.keys;
    statement.exchange(soci::use(row.given_name, "given_name"));
    statement.exchange(soci::use(row.family_name, "family_name"));
    statement.exchange(soci::use(row.preferred_name, "preferred_name"));
    statement.exchange(
        soci::use(row.date_of_birth.value, row.date_of_birth.indicator, "date_of_birth"));
    statement.exchange(soci::use(row.phone, "phone"));
    statement.exchange(soci::use(row.email, "email"));
    statement.exchange(soci::use(row.address, "address"));
    statement.exchange(soci::use(row.emergency_contact_name, "emergency_contact_name"));
    statement.exchange(soci::use(row.emergency_contact_phone, "emergency_contact_phone"));
    statement.exchange(soci::use(row.physician, "physician"));
    statement.exchange(soci::use(row.referral_source, "referral_source"));
    statement.exchange(soci::use(row.notes, "notes"));
    statement.exchange(soci::use(keys.name, "search_name"));
    statement.exchange(soci::use(keys.name_reversed, "search_name_reversed"));
    statement.exchange(soci::use(keys.preferred, "search_preferred"));
    statement.exchange(soci::use(keys.email, "search_email"));
    statement.exchange(soci::use(keys.phone, "search_phone"));
}

// The WHERE clause of the whole list (empty text): which clients by archive state.
struct ListFilter {
    std::string sql;

    explicit ListFilter(ArchiveFilter filter) {
        if (filter == ArchiveFilter::kActive) {
            sql = " WHERE archived = 0";
        } else if (filter == ArchiveFilter::kArchived) {
            sql = " WHERE archived = 1";
        }
    }

    // The WHERE clause with one more condition added.
    std::string And(std::string_view condition) const {
        return sql.empty() ? fmt::format(" WHERE {}", condition)
                           : fmt::format("{} AND {}", sql, condition);
    }
};

// A row of a typed search: the client's summary, the key it was read under and all its keys.
struct SearchRow {
    std::string matched;
    ClientRow row;
    SearchKeys keys;
};

}  // namespace

// One prepared statement per statement text, with the variables it reads into and binds from.
struct ClientRepository::SearchStatements {
    struct Prepared {
        explicit Prepared(soci::session& session) : statement(session) {}
        soci::statement statement;
        SearchRow row;
        std::vector<std::string> texts;
        std::vector<long long> numbers;
    };
    std::map<std::string, std::unique_ptr<Prepared>, std::less<>> by_sql;

    // Runs one statement of a typed search (see client_search_sql.h), handing each row to
    // `visit` until it returns false. Returns the number of rows read.
    template <typename Visitor>
    long long Run(soci::session& session, const detail::SearchStatement& sql, Visitor&& visit) {
        auto found = by_sql.find(sql.sql);
        if (found == by_sql.end()) {
            auto prepared = std::make_unique<Prepared>(session);
            Prepared& p = *prepared;
            p.texts.resize(sql.texts.size());
            p.numbers.resize(sql.numbers.size());
            p.statement.exchange(soci::into(p.row.matched));
            IntoSummary(p.statement, p.row.row);
            p.statement.exchange(soci::into(p.row.keys.name));
            p.statement.exchange(soci::into(p.row.keys.name_reversed));
            p.statement.exchange(soci::into(p.row.keys.preferred));
            p.statement.exchange(soci::into(p.row.keys.email));
            p.statement.exchange(soci::into(p.row.keys.phone));
            for (std::size_t i = 0; i < sql.texts.size(); ++i) {
                p.statement.exchange(soci::use(p.texts[i], sql.texts[i].first));
            }
            for (std::size_t i = 0; i < sql.numbers.size(); ++i) {
                p.statement.exchange(soci::use(p.numbers[i], sql.numbers[i].first));
            }
            p.statement.alloc();
            p.statement.prepare(sql.sql);
            p.statement.define_and_bind();
            found = by_sql.emplace(sql.sql, std::move(prepared)).first;
        }
        Prepared& p = *found->second;
        // The same text binds the same names in the same order; only the values change.
        for (std::size_t i = 0; i < sql.texts.size(); ++i) {
            p.texts[i] = sql.texts[i].second;
        }
        for (std::size_t i = 0; i < sql.numbers.size(); ++i) {
            p.numbers[i] = sql.numbers[i].second;
        }
        long long read = 0;
        try {
            p.statement.execute(false);
            while (p.statement.fetch()) {
                ++read;
                if (!visit(p.row)) {
                    break;
                }
            }
        } catch (...) {
            by_sql.erase(found);  // prepared again next time
            throw;
        }
        return read;
    }
};

ClientRepository::ClientRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

void ClientRepository::Validate(const Client& client) const {
    auto problems = core::ValidateClient(client, LocalDate(m_clock()));
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

core::ClientId ClientRepository::Add(Client& client) {
    Validate(client);
    return Guard("add the client", [&] {
        const std::string now = UtcTimestamp(m_clock());
        ClientRow row = ClientRow::From(client);
        row.created_at = now;
        row.updated_at = now;
        row.archived = 0;
        row.version = 1;
        const long long id = detail::InsertRow(SociSession(m_database), "clients", row);
        client.id = id;
        client.created_at = now;
        client.updated_at = now;
        client.version = 1;
        client.archived = false;
        return client.id;
    });
}

void ClientRepository::Update(Client& client) {
    Validate(client);
    Guard("save the client", [&] {
        const std::string now = UtcTimestamp(m_clock());
        ClientRow row = ClientRow::From(client);
        std::string updated_at = now;
        soci::statement statement(SociSession(m_database));
        UseEditable(statement, row);
        statement.exchange(soci::use(updated_at, "updated_at"));
        statement.exchange(soci::use(row.id, "id"));
        statement.exchange(soci::use(row.version, "version"));
        statement.alloc();
        detail::PrepareForOneCall(
            statement,
            "UPDATE clients SET given_name = :given_name, family_name = :family_name, "
            "preferred_name = :preferred_name, date_of_birth = :date_of_birth, phone = :phone, "
            "email = :email, address = :address, emergency_contact_name = "
            ":emergency_contact_name, emergency_contact_phone = :emergency_contact_phone, "
            "physician = :physician, referral_source = :referral_source, notes = :notes, "
            "search_name = :search_name, search_name_reversed = :search_name_reversed, "
            "search_preferred = :search_preferred, search_email = :search_email, "
            "search_phone = :search_phone, updated_at = :updated_at, version = version + 1 "
            "WHERE id = :id AND version = :version");
        statement.define_and_bind();
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            if (!Get(client.id)) {
                throw NotFoundError(fmt::format("There is no client with id {}.", client.id));
            }
            throw ConflictError(fmt::format(
                "Client {} was changed at another desk after you opened it. Reload it to see "
                "the other change, then make yours again.",
                client.id));
        }
        client.version += 1;
        client.updated_at = now;
    });
}

void ClientRepository::SetArchived(core::ClientId id, bool archived) {
    Guard(archived ? "archive the client" : "restore the client", [&] {
        const std::string now = UtcTimestamp(m_clock());
        const int flag = archived ? 1 : 0;
        const long long client_id = id;
        soci::statement statement =
            (SociSession(m_database).prepare
                 << "UPDATE clients SET archived = :archived, updated_at = :updated_at, "
                    "version = version + 1 WHERE id = :id",
             soci::use(flag, "archived"), soci::use(now, "updated_at"), soci::use(client_id, "id"));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            throw NotFoundError(fmt::format("There is no client with id {}.", id));
        }
    });
}

void ClientRepository::Archive(core::ClientId id) {
    SetArchived(id, true);
}

void ClientRepository::Restore(core::ClientId id) {
    SetArchived(id, false);
}

std::optional<Client> ClientRepository::Get(core::ClientId id) {
    return Guard("read the client", [&]() -> std::optional<Client> {
        ClientRow row;
        long long client_id = id;
        soci::statement statement(SociSession(m_database));
        IntoAll(statement, row);
        statement.exchange(soci::use(client_id, "id"));
        statement.alloc();
        detail::PrepareForOneCall(
            statement, fmt::format("SELECT {} FROM clients WHERE id = :id", kAllColumns));
        statement.define_and_bind();
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        return row.ToClient();
    });
}

std::map<core::ClientId, ClientSummary> ClientRepository::SummariesOf(
    const std::vector<core::ClientId>& ids) {
    return Guard("read the clients", [&] {
        std::map<core::ClientId, ClientSummary> clients;
        detail::ForEachChunkOfIds(ids, [&](detail::IdChunk& chunk) {
            ClientRow row;
            soci::statement statement(SociSession(m_database));
            IntoSummary(statement, row);
            chunk.Use(statement);
            statement.alloc();
            detail::PrepareForOneCall(
                statement, fmt::format("SELECT {} FROM clients WHERE id IN ({})", kSummaryColumns,
                                       chunk.InList()));
            statement.define_and_bind();
            statement.execute(false);
            while (statement.fetch()) {
                clients.emplace(row.id, row.ToSummary());
            }
        });
        return clients;
    });
}

std::vector<ClientSummary> ClientRepository::WithSameName(const core::Client& client) {
    return Guard("find clients of the same name", [&] {
        std::string key = detail::KeysFor(client).name;
        std::vector<ClientSummary> clients;
        ClientRow row;
        soci::statement statement(SociSession(m_database));
        IntoSummary(statement, row);
        statement.exchange(soci::use(key, "key"));
        statement.alloc();
        detail::PrepareForOneCall(
            statement, fmt::format("SELECT {} FROM clients WHERE search_name = :key ORDER BY id",
                                   kSummaryColumns));
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            clients.push_back(row.ToSummary());
        }
        return clients;
    });
}

std::int64_t ClientRepository::Count(ArchiveFilter filter) {
    return CountMatching(ClientQuery{"", filter});
}

std::int64_t ClientRepository::CountMatching(const ClientQuery& query) {
    return Guard("count clients", [&] {
        detail::TypedSearch search(query, m_database.GetDialect());
        detail::SearchStatement sql = search.CountStatement();
        long long count = 0;
        soci::statement statement(SociSession(m_database));
        for (auto& [name, value] : sql.texts) {
            statement.exchange(soci::use(value, name));
        }
        statement.exchange(soci::into(count));
        statement.alloc();
        detail::PrepareForOneCall(statement, sql.sql);
        statement.define_and_bind();
        statement.execute(true);
        return static_cast<std::int64_t>(count);
    });
}

ClientSearchPage ClientRepository::SearchPage(const ClientQuery& query,
                                              const std::optional<ClientSearchCursor>& after,
                                              std::int64_t limit) {
    return Guard("search clients", [&] {
        ClientSearchPage page;
        if (limit <= 0) {
            return page;
        }
        const detail::TypedSearch search(query, m_database.GetDialect());
        // One row more than asked for tells whether a next page exists.
        const auto wanted = static_cast<std::size_t>(limit) + 1;
        std::vector<std::pair<ClientSummary, ClientSearchCursor>> kept;
        for (int group = after ? after->group : 0;
             group < search.GroupCount() && kept.size() < wanted; ++group) {
            std::optional<ClientSearchCursor> last_read;
            if (after && after->group == group) {
                last_read = after;
            }
            for (;;) {
                // A client matched twice is read twice and kept once, so a chunk may keep
                // fewer rows than it reads; a few more are read than are still wanted.
                const long long chunk = static_cast<long long>(wanted - kept.size()) + 8;
                detail::SearchStatement sql =
                    search.GroupStatement(group, last_read ? &*last_read : nullptr, chunk);
                if (!m_search_statements) {
                    m_search_statements = std::make_shared<SearchStatements>();
                }
                const long long read = m_search_statements->Run(
                    SociSession(m_database), sql, [&](const SearchRow& row) {
                        ClientSearchCursor here{group, row.matched, row.row.id};
                        // The same client and key again, from another key's range.
                        const bool repeated = last_read && last_read->matched == here.matched &&
                                              last_read->id == here.id;
                        const auto owner = search.Owner(row.keys);
                        if (!repeated && owner && owner->first == group &&
                            owner->second == row.matched) {
                            kept.emplace_back(row.row.ToSummary(), here);
                        }
                        last_read = std::move(here);
                        return kept.size() < wanted;
                    });
                if (kept.size() == wanted || read < chunk) {
                    break;
                }
            }
        }
        const std::size_t shown = std::min(kept.size(), static_cast<std::size_t>(limit));
        page.rows.reserve(shown);
        for (std::size_t i = 0; i < shown; ++i) {
            page.rows.push_back(std::move(kept[i].first));
        }
        if (kept.size() > shown) {
            page.next = kept[shown - 1].second;
        }
        return page;
    });
}

std::vector<ClientSummary> ClientRepository::Search(const ClientQuery& query, std::int64_t offset,
                                                    std::int64_t limit) {
    if (!detail::SearchKey(query.text).empty()) {
        // Typed text: the matches in SearchPage's order, read from the start.
        std::vector<ClientSummary> rows;
        std::optional<ClientSearchCursor> next;
        std::int64_t skipped = 0;
        const std::int64_t page_size = std::clamp<std::int64_t>(offset + limit, 1, 1000);
        while (limit > 0 && static_cast<std::int64_t>(rows.size()) < limit) {
            ClientSearchPage page = SearchPage(query, next, page_size);
            for (ClientSummary& row : page.rows) {
                if (skipped < offset) {
                    ++skipped;
                } else if (static_cast<std::int64_t>(rows.size()) < limit) {
                    rows.push_back(std::move(row));
                }
            }
            if (!page.next) {
                break;
            }
            next = std::move(page.next);
        }
        return rows;
    }
    return Guard("search clients", [&] {
        const ListFilter filter(query.archive_filter);
        long long page_offset = offset;
        long long page_limit = limit;
        ClientRow row;
        soci::statement statement(SociSession(m_database));
        IntoSummary(statement, row);
        statement.exchange(soci::use(page_limit, "page_limit"));
        statement.exchange(soci::use(page_offset, "page_offset"));
        statement.alloc();
        detail::PrepareForOneCall(
            statement,
            fmt::format(
                "SELECT {} FROM clients{} ORDER BY search_name_reversed, id LIMIT :page_limit "
                "OFFSET :page_offset",
                kSummaryColumns, filter.sql));
        statement.define_and_bind();
        std::vector<ClientSummary> page;
        page.reserve(static_cast<std::size_t>(std::max<std::int64_t>(limit, 0)));
        statement.execute(false);
        while (statement.fetch()) {
            page.push_back(row.ToSummary());
        }
        return page;
    });
}

std::optional<std::int64_t> ClientRepository::PositionOf(const ClientQuery& query,
                                                         core::ClientId id) {
    if (!detail::SearchKey(query.text).empty()) {
        // Typed text: read the matches in order up to the client.
        std::optional<ClientSearchCursor> next;
        std::int64_t position = 0;
        for (;;) {
            ClientSearchPage page = SearchPage(query, next, 500);
            for (const ClientSummary& row : page.rows) {
                if (row.id == id) {
                    return position;
                }
                ++position;
            }
            if (!page.next) {
                return std::nullopt;
            }
            next = std::move(page.next);
        }
    }
    return Guard("find the client in the list", [&]() -> std::optional<std::int64_t> {
        const ListFilter filter(query.archive_filter);
        long long client_id = id;
        std::string sort_key;
        {
            soci::statement statement(SociSession(m_database));
            statement.exchange(soci::use(client_id, "id"));
            statement.exchange(soci::into(sort_key));
            statement.alloc();
            detail::PrepareForOneCall(
                statement, "SELECT search_name_reversed FROM clients" + filter.And("id = :id"));
            statement.define_and_bind();
            if (!statement.execute(true)) {
                return std::nullopt;
            }
        }
        // Rows before it in ORDER BY search_name_reversed, id.
        long long before = 0;
        std::string same_key = sort_key;
        soci::statement statement(SociSession(m_database));
        statement.exchange(soci::use(sort_key, "sort_key"));
        statement.exchange(soci::use(same_key, "same_key"));
        statement.exchange(soci::use(client_id, "id"));
        statement.exchange(soci::into(before));
        statement.alloc();
        detail::PrepareForOneCall(
            statement, "SELECT COUNT(*) FROM clients" +
                           filter.And("(search_name_reversed < :sort_key OR "
                                      "(search_name_reversed = :same_key AND id < :id))"));
        statement.define_and_bind();
        statement.execute(true);
        return static_cast<std::int64_t>(before);
    });
}

}  // namespace myodesk::db
