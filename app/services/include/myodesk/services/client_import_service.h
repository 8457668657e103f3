#pragma once

#include <myodesk/core/client_csv.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::services {

// What becomes of one row of another program's client list.
struct ClientImportRow {
    core::ClientCsvRow read;  // the client as read, and its problems
    // Likely the same person as a client of the practice (same names, and the same date of
    // birth where both have one), or as an earlier row of the file (its line).
    std::vector<core::ClientSummary> same_as_clients;
    std::optional<int> same_as_line;
    bool Duplicate() const { return !same_as_clients.empty() || same_as_line.has_value(); }
};

struct ClientImportPreview {
    std::vector<core::ClientCsvColumn> columns;
    std::vector<ClientImportRow> rows;
    core::ValidationProblems problems;  // the file's (core::ClientCsvReading::problems)
    core::CsvDateOrder date_order = core::CsvDateOrder::kAuto;
    std::int64_t refused = 0;     // rows with problems
    std::int64_t duplicates = 0;  // rows that are likely duplicates (and not refused)
    std::int64_t to_add = 0;      // rows added by Import (duplicates left out)
    bool Usable() const { return problems.empty() && refused == 0; }
};

struct ClientImportResult {
    std::vector<core::ClientId> added;  // in the file's order
    std::int64_t duplicates_left_out = 0;
};

// Clients from another program's CSV (docs/client-import.md): a preview first (each column's
// field, each row's client, its problems and likely duplicates), then the import of that
// preview in one transaction. The right to edit clients; the import is recorded.
class ClientImportService {
  public:
    explicit ClientImportService(Context& context);

    // A client list file's text, refused (RuleError naming the file) before it is read when it
    // cannot be read or is larger than core::ClientCsvLimits::kMaxBytes.
    static std::string ReadListFile(const std::filesystem::path& path);

    ClientImportPreview Preview(std::string_view text,
                                const std::map<std::string, core::ClientCsvField>& mapping,
                                core::CsvDateOrder order);
    // Adds the preview's clients, the likely duplicates too when `add_duplicates`. RuleError
    // (nothing added) when the preview has any problem.
    ClientImportResult Import(const ClientImportPreview& preview, bool add_duplicates);

  private:
    Context& m_context;
};

}  // namespace myodesk::services
