#pragma once

#include <myodesk/core/client.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

enum class ArchiveFilter { kActive, kArchived, kAll };

// What the search box asks for: text typed so far and which clients to include.
struct ClientQuery {
    // Matches the start of the full name ("ann sm" -> Ann Smith), of the name family-first
    // ("smith a"), of the preferred name with the family name, of the email address, or (three
    // or more digits) of the phone number's digits. Case and Latin accents are ignored. Empty
    // matches everyone.
    std::string text;
    ArchiveFilter archive_filter = ArchiveFilter::kActive;
};

// A place in a typed search's order to go on from: after the row listed under this group
// (0 names, 1 email, 2 phone) and matched key, with this id.
struct ClientSearchCursor {
    int group = 0;
    std::string matched;
    core::ClientId id = 0;

    friend bool operator==(const ClientSearchCursor&, const ClientSearchCursor&) = default;
};

// One page of a typed search, and where the next page starts (nullopt: no more matches).
struct ClientSearchPage {
    std::vector<core::ClientSummary> rows;
    std::optional<ClientSearchCursor> next;
};

// Client records. Values from users are always bound, never spliced into SQL.
class ClientRepository {
  public:
    explicit ClientRepository(Database& database, Clock clock = SystemNow);

    // Validates and inserts the client; sets its id, timestamps and version (1). Returns the
    // id. Throws ValidationError (nothing written) or DatabaseError.
    core::ClientId Add(core::Client& client);

    // Saves changes to a client read earlier. Fails with ConflictError when the stored version
    // is no longer client.version (another desk saved first), NotFoundError when the client
    // is gone, ValidationError when invalid; in every case nothing is written. On success the
    // client's version and updated_at are advanced.
    void Update(core::Client& client);

    // Archiving hides a client from the default list; the record is never deleted.
    void Archive(core::ClientId id);
    void Restore(core::ClientId id);

    std::optional<core::Client> Get(core::ClientId id);
    // The summaries of the clients of `ids` there are (an unknown id is left out), read in a
    // few statements: for a view that names many clients (the book).
    std::map<core::ClientId, core::ClientSummary> SummariesOf(
        const std::vector<core::ClientId>& ids);

    // The clients (archived ones too) whose given and family names are `client`'s, as search
    // folds them ("Zoë Ó Briain" is "zoe o briain"): an import's likely duplicates.
    std::vector<core::ClientSummary> WithSameName(const core::Client& client);

    std::int64_t Count(ArchiveFilter filter = ArchiveFilter::kActive);

    // How many clients match, exactly. For typed text this reads every match's id (from the
    // key indexes), so it is for reports and hints, not for each keystroke: SearchPage is.
    std::int64_t CountMatching(const ClientQuery& query);

    // Typed text, page by page, in the order the list shows it: clients whose name matches
    // first, ordered by the name as it matched (given name first or family name first,
    // whichever starts with the text, or the preferred name), then clients matched only by
    // email address (by address), then only by phone digits; each client once, under its first
    // match. Pass the previous page's `next` to go on. A page reads about `limit` rows from the
    // key indexes whatever the number of clients, so this is what each keystroke calls.
    // With empty text: the first `limit` clients by family name, and no `next`.
    ClientSearchPage SearchPage(const ClientQuery& query,
                                const std::optional<ClientSearchCursor>& after, std::int64_t limit);

    // One page of matches by position: with empty text ordered by family name, given name, id
    // (an indexed page of the whole list); with typed text in SearchPage's order, reading the
    // matches before `offset` too.
    std::vector<core::ClientSummary> Search(const ClientQuery& query, std::int64_t offset,
                                            std::int64_t limit);

    // Where the client stands in Search's order for this query (0-based), or nullopt when it
    // does not match the query. With empty text one indexed count (no rows are read); with
    // typed text the matches are read up to the client.
    std::optional<std::int64_t> PositionOf(const ClientQuery& query, core::ClientId id);

  private:
    void SetArchived(core::ClientId id, bool archived);
    void Validate(const core::Client& client) const;

    // The typed search's statements, prepared once and run again at the next keystroke (the
    // same few texts come back with other values), so PostgreSQL does not parse and plan them
    // each time. Made on first use; shared by copies of the repository.
    struct SearchStatements;

    Database& m_database;
    Clock m_clock;
    std::shared_ptr<SearchStatements> m_search_statements;
};

}  // namespace myodesk::db
