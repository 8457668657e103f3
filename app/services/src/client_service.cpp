#include <myodesk/core/client_validation.h>
#include <myodesk/core/intake_json.h>
#include <myodesk/core/intake_validation.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/services/client_service.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace myodesk::services {

namespace {

bool IsClientProblem(const core::ValidationProblem& problem) {
    return problem.field == "client" || problem.field.rfind("client.", 0) == 0;
}

}  // namespace

ClientService::ClientService(Context& context)
    : m_context(context), m_clients(context.Database(), context.GetClock().Storage()) {}

core::Client ClientService::Add(core::Client client) {
    m_context.Require(core::Right::kEditClients);
    db::Transaction transaction(m_context.Database());
    m_clients.Add(client);
    m_context.Audit("client.create", client.id, "client", client.id,
                    nlohmann::ordered_json{{"after", core::ClientToJson(client)}}.dump());
    transaction.Commit();
    return client;
}

core::Client ClientService::Update(core::Client client) {
    m_context.Require(core::Right::kEditClients);
    db::Transaction transaction(m_context.Database());
    const core::Client before = Get(client.id);
    m_clients.Update(client);
    m_context.Audit("client.update", client.id, "client", client.id,
                    nlohmann::ordered_json{{"before", core::ClientToJson(before)},
                                           {"after", core::ClientToJson(client)}}
                        .dump());
    transaction.Commit();
    return client;
}

core::Client ClientService::Open(core::ClientId id) {
    core::Client client = Get(id);
    if (m_context.Allows(core::Right::kReadClinical)) {
        m_context.Audit("client.open", id, "client", id);  // their health record is shown
    }
    return client;
}

core::Client ClientService::Get(core::ClientId id) {
    m_context.RequireSignedIn();
    auto client = m_clients.Get(id);
    if (!client) {
        throw db::NotFoundError(fmt::format("There is no client with id {}.", id));
    }
    return std::move(*client);
}

std::optional<core::Client> ClientService::Find(core::ClientId id) {
    return m_clients.Get(id);
}

std::map<core::ClientId, core::ClientSummary> ClientService::SummariesOf(
    const std::vector<core::ClientId>& ids) {
    return m_clients.SummariesOf(ids);
}

core::Client ClientService::SetArchived(core::ClientId id, bool archived) {
    m_context.Require(core::Right::kEditClients);
    db::Transaction transaction(m_context.Database());
    archived ? m_clients.Archive(id) : m_clients.Restore(id);
    m_context.Audit(archived ? "client.archive" : "client.restore", id, "client", id);
    transaction.Commit();
    return Get(id);
}

ClientWithIntake ClientService::AddFromIntakeDocument(core::IntakeParseResult parsed) {
    m_context.Require(core::Right::kWriteClinical);
    core::ValidationProblems problems = std::move(parsed.problems);
    if (!parsed.client && std::none_of(problems.begin(), problems.end(), IsClientProblem)) {
        problems.push_back({"client", core::ProblemCode::kRequired});
    }
    if (problems.empty()) {
        // Both checked up front, so every problem of the document is listed at once.
        const auto today = m_context.Today();
        for (auto& problem : core::ValidateClient(*parsed.client, today)) {
            problem.field = "client." + problem.field;
            problems.push_back(std::move(problem));
        }
        auto intake_problems = core::ValidateIntake(parsed.intake, today);
        problems.insert(problems.end(), intake_problems.begin(), intake_problems.end());
    }
    if (!problems.empty()) {
        throw db::ValidationError(std::move(problems));
    }
    ClientWithIntake saved{std::move(*parsed.client), std::move(parsed.intake)};
    auto& database = m_context.Database();
    db::Transaction transaction(database);
    m_clients.Add(saved.client);
    m_context.Audit("client.create", saved.client.id, "client", saved.client.id,
                    nlohmann::ordered_json{{"after", core::ClientToJson(saved.client)}}.dump());
    saved.intake.client_id = saved.client.id;
    db::IntakeRepository(database, m_context.GetClock().Storage()).Add(saved.intake);
    m_context.Audit("intake.create", saved.client.id, "intake", saved.intake.id,
                    nlohmann::ordered_json{
                        {"after", {{"taken_on", core::FormatIsoDate(saved.intake.taken_on)}}}}
                        .dump());
    transaction.Commit();
    return saved;
}

db::ClientSearchPage ClientService::SearchPage(const db::ClientQuery& query,
                                               const std::optional<db::ClientSearchCursor>& after,
                                               std::int64_t limit) {
    m_context.RequireSignedIn();
    return m_clients.SearchPage(query, after, limit);
}

std::vector<core::ClientSummary> ClientService::Search(const db::ClientQuery& query,
                                                       std::int64_t offset, std::int64_t limit) {
    m_context.RequireSignedIn();
    return m_clients.Search(query, offset, limit);
}

std::int64_t ClientService::CountMatching(const db::ClientQuery& query) {
    m_context.RequireSignedIn();
    return m_clients.CountMatching(query);
}

std::int64_t ClientService::Count(db::ArchiveFilter filter) {
    m_context.RequireSignedIn();
    return m_clients.Count(filter);
}

std::optional<std::int64_t> ClientService::PositionOf(const db::ClientQuery& query,
                                                      core::ClientId id) {
    return m_clients.PositionOf(query, id);
}

}  // namespace myodesk::services
