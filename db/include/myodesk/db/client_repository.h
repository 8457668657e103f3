#pragma once

#include <myodesk/core/client.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

enum class ArchiveFilter { kActive, kArchived, kAll };

// What the search box asks for: text typed so far and which clients to include.
struct ClientQuery {
    // Matches the start of the full name ("ann sm" -> Ann Smith), of the name family-first
    // ("smith a"), of the preferred name, of the email address, or (three or more digits) of
    // the phone number's digits. Case and Latin accents are ignored. Empty matches everyone.
    std::string text;
    ArchiveFilter archive_filter = ArchiveFilter::kActive;
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

    std::int64_t Count(ArchiveFilter filter = ArchiveFilter::kActive);
    std::int64_t CountMatching(const ClientQuery& query);

    // One page of matches ordered by family name, given name, id.
    std::vector<core::ClientSummary> Search(const ClientQuery& query, std::int64_t offset,
                                            std::int64_t limit);

    // Where the client stands in Search's order for this query (0-based), or nullopt when it
    // does not match the query. One indexed count: no rows are read.
    std::optional<std::int64_t> PositionOf(const ClientQuery& query, core::ClientId id);

  private:
    void SetArchived(core::ClientId id, bool archived);
    void Validate(const core::Client& client) const;

    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
