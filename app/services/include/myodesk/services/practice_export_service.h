#pragma once

#include <myodesk/core/validation.h>
#include <myodesk/services/context.h>
#include <myodesk/services/errors.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::services {

// An export file that cannot be imported: not a MyoDesk export, a file missing or changed
// (its SHA-256 or count differs from the manifest), a record refused (`problems` name its
// fields). Nothing was written.
class ExportFileRefusedError : public RuleError {
  public:
    ExportFileRefusedError(std::string message, std::string file = {}, std::int64_t line = 0,
                           core::ValidationProblems problems = {});
    // The file inside the ZIP ("clients.jsonl") and the line (from 1), when a record was refused.
    const std::string& File() const { return m_file; }
    std::int64_t Line() const { return m_line; }
    const core::ValidationProblems& Problems() const { return m_problems; }

  private:
    std::string m_file;
    std::int64_t m_line;
    core::ValidationProblems m_problems;
};

// The export or import was cancelled from its progress; nothing was written.
class ExportCancelledError : public RuleError {
  public:
    ExportCancelledError();
};

// How far the work is, in records; return false to cancel it.
using RecordProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

struct KindCount {
    std::string kind;  // "clients"
    std::int64_t records = 0;
};

struct PracticeExportSummary {
    std::filesystem::path path;
    std::vector<KindCount> kinds;  // in the format's order
    std::int64_t records = 0;
    // Import: the owner accounts whose password was set (the others get theirs from the owner).
    std::vector<std::string> owners;
};

// The whole practice as one open file and back (docs/export-format.md): a ZIP with a JSON
// Lines file per kind of record, a CSV of each for spreadsheets, and a manifest with the
// counts and each file's SHA-256. Password hashes never leave: staff come back with their
// accounts and the owner sets a new password at the import.
class PracticeExportService {
  public:
    explicit PracticeExportService(Context& context);

    // Writes the ZIP at `out` (readable by its owner only), whole or not at all: it is built
    // in a hidden folder beside and renamed into place. Needs the right to back up (it holds
    // every record, private notes and the audit log included); recorded in the audit log.
    PracticeExportSummary ExportAll(const std::filesystem::path& out,
                                    const RecordProgress& progress = {});

    // Reads the ZIP into this database, which must hold no records (RuleError otherwise), in
    // one transaction: any refusal (ExportFileRefusedError) or cancel leaves it empty. The
    // owner's account (the first active owner with one) gets `owner_password` (at least
    // kMinPasswordLength characters; db::ValidationError "password" otherwise); without one an
    // export with accounts is refused, as nobody could sign in. The audit log is imported as
    // it was, chain and all; the import adds no row to it, so exporting again gives the same
    // files.
    PracticeExportSummary ImportAll(const std::filesystem::path& zip,
                                    const std::optional<std::string>& owner_password,
                                    const RecordProgress& progress = {});

    // Copies the practice into the database at `location` (SQLite to PostgreSQL or back),
    // which must hold no records (RuleError), in one transaction: every record with its id,
    // then read back and checked against the practice by count and SHA-256 of each kind (a
    // difference undoes the copy: db::DatabaseError). The right to back up; recorded in the
    // practice's audit log. `owner_password` as for ImportAll (a practice with accounts).
    PracticeExportSummary CopyTo(const std::string& location,
                                 const std::optional<std::string>& owner_password,
                                 const RecordProgress& progress = {});

    // One client's complete record for an access request (GDPR, PIPEDA, PHIPA): a ZIP at
    // `out` (readable by its owner only) with client.json (every record about them in the
    // export format: details, intakes, notes with amendments, training, plans, appointments,
    // the audit log's rows about them, the staff named) and client.pdf (the same to print).
    // Only the owner (or anyone in an open practice): it holds private notes. Recorded.
    PracticeExportSummary ExportClient(core::ClientId client, const std::filesystem::path& out);

    // Whether this database holds no records yet, so an export may be imported into it.
    bool DatabaseEmpty();

    // Whether the export at `zip` has staff accounts (an owner then needs a new password);
    // ExportFileRefusedError when it is not a MyoDesk export.
    static bool HasAccounts(const std::filesystem::path& zip);

  private:
    Context& m_context;
};

}  // namespace myodesk::services
