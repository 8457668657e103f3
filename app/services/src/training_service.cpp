#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/training_service.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace myodesk::services {

namespace {

nlohmann::ordered_json AuditedEntry(const core::TrainingEntry& entry) {
    nlohmann::ordered_json json{{"date", core::FormatIsoDate(entry.date)},
                                {"type", core::ToCode(entry.type)}};
    if (entry.distance_km) {
        json["distance_km"] = *entry.distance_km;
    }
    return json;
}

}  // namespace

TrainingService::TrainingService(Context& context)
    : m_context(context), m_training(context.Database()) {}

TrainingImportResult TrainingService::Import(core::ClientId client, std::string_view text) {
    m_context.Require(core::Right::kWriteClinical);
    ClientService(m_context).Get(client);
    auto parsed = core::ParseTrainingDocument(text);
    if (!parsed.problems.empty()) {
        throw db::ValidationError(std::move(parsed.problems));
    }
    TrainingImportResult result;
    result.entries = parsed.entries.size();
    db::Transaction transaction(m_context.Database());
    result.added = m_training.Import(client, parsed.entries);
    m_context.Audit(
        "training.import", client, "training", std::nullopt,
        nlohmann::ordered_json{{"entries", result.entries}, {"added", result.added}}.dump());
    transaction.Commit();
    return result;
}

bool TrainingService::Put(core::ClientId client, const core::TrainingEntry& entry,
                          const std::optional<core::Date>& replacing) {
    m_context.Require(core::Right::kWriteClinical);
    ClientService(m_context).Get(client);
    // The problems name the entry's fields, not a list position ("entries[0].type").
    auto problems = core::ValidateTrainingEntries({entry});
    for (auto& problem : problems) {
        problem.field = problem.field.substr(problem.field.find('.') + 1);
    }
    if (!problems.empty()) {
        throw db::ValidationError(std::move(problems));
    }
    db::Transaction transaction(m_context.Database());
    if (replacing && *replacing != entry.date) {
        m_training.Remove(client, *replacing);
    }
    const bool added = m_training.Import(client, {entry}) == 1;
    nlohmann::ordered_json detail{{"after", AuditedEntry(entry)}};
    if (replacing) {
        detail["replacing"] = core::FormatIsoDate(*replacing);
    }
    m_context.Audit("training.put", client, "training", std::nullopt, detail.dump());
    transaction.Commit();
    return added;
}

bool TrainingService::Remove(core::ClientId client, const core::Date& date) {
    m_context.Require(core::Right::kWriteClinical);
    ClientService(m_context).Get(client);
    db::Transaction transaction(m_context.Database());
    const bool removed = m_training.Remove(client, date);
    if (removed) {
        m_context.Audit(
            "training.remove", client, "training", std::nullopt,
            nlohmann::ordered_json{{"before", {{"date", core::FormatIsoDate(date)}}}}.dump());
    }
    transaction.Commit();
    return removed;
}

std::vector<core::TrainingEntry> TrainingService::List(core::ClientId client,
                                                       const std::optional<core::Date>& from,
                                                       const std::optional<core::Date>& to) {
    m_context.Require(core::Right::kReadClinical);
    ClientService(m_context).Get(client);
    return m_training.List(client, from, to);
}

}  // namespace myodesk::services
