#include <myodesk/core/rights.h>
#include <myodesk/core/text.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/database.h>
#include <myodesk/services/client_import_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace myodesk::services {

namespace {

// Same date of birth, or one of the two has none.
bool SameBirth(const std::optional<core::Date>& a, const std::optional<core::Date>& b) {
    return !a || !b || *a == *b;
}

}  // namespace

ClientImportService::ClientImportService(Context& context) : m_context(context) {}

std::string ClientImportService::ReadListFile(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > core::ClientCsvLimits::kMaxBytes) {
        throw RuleError(fmt::format("{} is larger than {} MB: not a client list MyoDesk reads.",
                                    path.string(),
                                    core::ClientCsvLimits::kMaxBytes / (1024 * 1024)));
    }
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    if (error || !file) {
        throw RuleError(fmt::format("{} cannot be read.", path.string()));
    }
    return text.str();
}

ClientImportPreview ClientImportService::Preview(
    std::string_view text, const std::map<std::string, core::ClientCsvField>& mapping,
    core::CsvDateOrder order) {
    m_context.Require(core::Right::kEditClients);
    core::ClientCsvReading reading = core::ReadClientCsv(text, mapping, order, m_context.Today());
    ClientImportPreview preview;
    preview.columns = std::move(reading.columns);
    preview.problems = std::move(reading.problems);
    preview.date_order = reading.date_order;
    db::ClientRepository clients(m_context.Database());
    // Earlier rows by folded given and family name: a file that lists a client twice.
    std::multimap<std::pair<std::string, std::string>, const ClientImportRow*> earlier;
    preview.rows.reserve(reading.rows.size());
    for (auto& read : reading.rows) {
        ClientImportRow row;
        row.read = std::move(read);
        const core::Client& client = row.read.client;
        if (row.read.problems.empty()) {
            for (auto& same : clients.WithSameName(client)) {
                if (SameBirth(same.date_of_birth, client.date_of_birth)) {
                    row.same_as_clients.push_back(std::move(same));
                }
            }
            const auto key = std::pair(core::FoldForSearch(client.given_name),
                                       core::FoldForSearch(client.family_name));
            const auto [first, last] = earlier.equal_range(key);
            for (auto it = first; it != last; ++it) {
                if (SameBirth(it->second->read.client.date_of_birth, client.date_of_birth)) {
                    row.same_as_line = it->second->read.line;
                    break;
                }
            }
        }
        preview.rows.push_back(std::move(row));
        const auto& kept = preview.rows.back();
        if (kept.read.problems.empty()) {
            earlier.emplace(std::pair(core::FoldForSearch(kept.read.client.given_name),
                                      core::FoldForSearch(kept.read.client.family_name)),
                            &kept);
        }
    }
    for (const auto& row : preview.rows) {
        if (!row.read.problems.empty()) {
            ++preview.refused;
        } else if (row.Duplicate()) {
            ++preview.duplicates;
        } else {
            ++preview.to_add;
        }
    }
    return preview;
}

ClientImportResult ClientImportService::Import(const ClientImportPreview& preview,
                                               bool add_duplicates) {
    m_context.Require(core::Right::kEditClients);
    if (!preview.Usable()) {
        throw RuleError(fmt::format(
            "The client list has {} refused {} or a problem with its columns: nothing was "
            "imported.",
            preview.refused, preview.refused == 1 ? "row" : "rows"));
    }
    ClientImportResult result;
    ClientService clients(m_context);
    db::Transaction transaction(m_context.Database());
    for (const auto& row : preview.rows) {
        if (row.Duplicate() && !add_duplicates) {
            ++result.duplicates_left_out;
            continue;
        }
        // Each is recorded as any new client is (client.create).
        result.added.push_back(clients.Add(row.read.client).id);
    }
    m_context.Audit("clients.import", std::nullopt, "client", std::nullopt,
                    nlohmann::json{{"added", result.added.size()},
                                   {"duplicates_left_out", result.duplicates_left_out}}
                        .dump());
    transaction.Commit();
    return result;
}

}  // namespace myodesk::services
