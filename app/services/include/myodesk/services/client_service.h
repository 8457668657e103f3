#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/intake_json.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace myodesk::services {

// A client saved with their first intake.
struct ClientWithIntake {
    core::Client client;
    core::Intake intake;
};

// Clients: adding, changing, archiving, finding. Writes throw db::ValidationError (nothing
// saved), db::NotFoundError and db::ConflictError as the repository does.
class ClientService {
  public:
    explicit ClientService(Context& context);

    // Saves a new client; returns it with its id, version and times.
    core::Client Add(core::Client client);
    // Saves changed fields (optimistic locking on client.version); returns the saved client.
    core::Client Update(core::Client client);
    // The client with that id (NotFoundError when there is none).
    core::Client Get(core::ClientId id);
    std::optional<core::Client> Find(core::ClientId id);
    // Get, for a front end showing the client's record: recorded in the audit log when the
    // desk may read the health record ("client.open").
    core::Client Open(core::ClientId id);
    // The summaries of the clients of `ids` there are (unknown ids left out), in a few reads:
    // for the book's names.
    std::map<core::ClientId, core::ClientSummary> SummariesOf(
        const std::vector<core::ClientId>& ids);
    // Archives (hides from the list, keeps) or restores a client; returns it afterwards.
    core::Client SetArchived(core::ClientId id, bool archived);

    // A document's "client" object and the rest as the client's first intake, in one
    // transaction: both or neither. Every problem of the document is listed at once (the
    // client's fields as "client.FIELD"); a document without a client object is refused.
    ClientWithIntake AddFromIntakeDocument(core::IntakeParseResult parsed);

    // The list and the search, page by page (see db::ClientRepository).
    db::ClientSearchPage SearchPage(const db::ClientQuery& query,
                                    const std::optional<db::ClientSearchCursor>& after,
                                    std::int64_t limit);
    std::vector<core::ClientSummary> Search(const db::ClientQuery& query, std::int64_t offset,
                                            std::int64_t limit);
    std::int64_t CountMatching(const db::ClientQuery& query);
    std::int64_t Count(db::ArchiveFilter filter);
    // Where the client is in the list the query gives (0-based), or nullopt when it does not
    // match (see db::ClientRepository::PositionOf).
    std::optional<std::int64_t> PositionOf(const db::ClientQuery& query, core::ClientId id);

  private:
    Context& m_context;
    db::ClientRepository m_clients;
};

}  // namespace myodesk::services
