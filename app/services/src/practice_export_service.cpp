#include "owner_login.h"
#include "private_folder.h"
#include "zip_archive.h"

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/json_document.h>
#include <myodesk/core/practice_export.h>
#include <myodesk/core/rights.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/text.h>
#include <myodesk/core/version.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/practice_records.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/db/sha256.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/client_record.h>
#include <myodesk/reports/csv.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/reports/report_locale.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/practice_export_service.h>
#include <myodesk/services/settings_service.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace myodesk::services {

ExportFileRefusedError::ExportFileRefusedError(std::string message, std::string file,
                                               std::int64_t line, core::ValidationProblems problems)
    : RuleError(std::move(message)),
      m_file(std::move(file)),
      m_line(line),
      m_problems(std::move(problems)) {}

ExportCancelledError::ExportCancelledError()
    : RuleError("The export or import was cancelled; nothing was written.") {}

namespace {

namespace fs = std::filesystem;
using core::ExportKind;
using core::FieldKind;
using core::RecordBatch;

// Records a batch: few enough that a batch of the largest (a plan and its document, some 20 KB)
// stays a few megabytes in each of its copies (read, JSON, CSV).
constexpr std::size_t kBatchRows = 250;
constexpr std::string_view kManifestName = "manifest.json";
// What an import reads at most: a manifest, one kind's file, records of one kind.
constexpr std::uint64_t kMaxManifestBytes = 1 << 20;
constexpr std::uint64_t kMaxKindFileBytes = 64ULL << 30;
constexpr std::int64_t kMaxKindRecords = 500'000'000;

std::string JsonLinesName(const ExportKind& kind) {
    return fmt::format("{}.jsonl", kind.name);
}
std::string CsvName(const ExportKind& kind) {
    return fmt::format("csv/{}.csv", kind.name);
}

// Whether the staff records include an active owner with an account: nobody could sign in to
// the imported practice until that owner has a new password.
bool HasOwnerAccount(const RecordBatch& staff) {
    const auto& fields = staff.kind->fields;
    const auto index = [&fields](std::string_view name) {
        return static_cast<std::size_t>(
            std::find_if(fields.begin(), fields.end(),
                         [name](const auto& field) { return field.name == name; }) -
            fields.begin());
    };
    const auto& role = staff.columns[index("role")];
    const auto& active = staff.columns[index("active")];
    const auto& username = staff.columns[index("username")];
    for (std::size_t row = 0; row < staff.Size(); ++row) {
        if (role.texts[row] == core::ToCode(core::StaffRole::kOwner) && active.integers[row] != 0 &&
            username.null[row] == 0 && !username.texts[row].empty()) {
            return true;
        }
    }
    return false;
}

reports::Row CsvRow(const RecordBatch& batch, std::size_t row) {
    reports::Row cells;
    cells.reserve(batch.columns.size());
    for (std::size_t i = 0; i < batch.columns.size(); ++i) {
        const auto& column = batch.columns[i];
        if (column.null[row] != 0) {
            cells.emplace_back(std::monostate{});
            continue;
        }
        switch (batch.kind->fields[i].kind) {
            case FieldKind::kInteger:
            case FieldKind::kFlag:
                cells.emplace_back(static_cast<std::int64_t>(column.integers[row]));
                break;
            case FieldKind::kNumber:
                cells.emplace_back(fmt::format("{}", column.numbers[row]));
                break;
            case FieldKind::kText:
                cells.emplace_back(column.texts[row]);
                break;
        }
    }
    return cells;
}

// One kind's two files in the work folder, each hashed as it is written.
class KindFiles {
  public:
    KindFiles(const fs::path& folder, const ExportKind& kind)
        : m_kind(kind),
          m_lines_path(folder / JsonLinesName(kind)),
          m_csv_path(folder / fmt::format("{}.csv", kind.name)),
          m_lines(m_lines_path, std::ios::binary),
          m_csv(m_csv_path, std::ios::binary),
          m_csv_writer(m_csv_buffer) {
        std::vector<std::string> header;
        for (const auto& field : kind.fields) {
            header.emplace_back(field.name);
        }
        m_csv_writer.WriteRow(header);
        Drain();
    }

    void Add(const RecordBatch& batch) {
        m_text.clear();
        for (std::size_t row = 0; row < batch.Size(); ++row) {
            core::AppendRecordLine(batch, row, m_text);
            m_text.push_back('\n');
            m_csv_writer.WriteRow(CsvRow(batch, row));
        }
        m_lines_hash.Add(m_text);
        m_lines.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
        m_records += static_cast<std::int64_t>(batch.Size());
        Drain();
    }

    // Closes both files; DatabaseError when either could not be written.
    void Finish() {
        m_lines.close();
        m_csv.close();
        if (m_lines.fail() || m_csv.fail()) {
            throw db::DatabaseError(
                fmt::format("Cannot write the {} to {}", m_kind.name, m_lines_path.string()));
        }
    }

    nlohmann::json ManifestEntries() {
        return nlohmann::json::array({{{"name", JsonLinesName(m_kind)},
                                       {"kind", m_kind.name},
                                       {"records", m_records},
                                       {"sha256", m_lines_hash.HexDigest()}},
                                      {{"name", CsvName(m_kind)},
                                       {"kind", m_kind.name},
                                       {"records", m_records},
                                       {"sha256", m_csv_hash.HexDigest()}}});
    }

    const fs::path& LinesPath() const { return m_lines_path; }
    const fs::path& CsvPath() const { return m_csv_path; }
    std::int64_t Records() const { return m_records; }

  private:
    void Drain() {
        const std::string text = m_csv_buffer.str();
        m_csv_hash.Add(text);
        m_csv.write(text.data(), static_cast<std::streamsize>(text.size()));
        m_csv_buffer.str({});
    }

    const ExportKind& m_kind;
    fs::path m_lines_path;
    fs::path m_csv_path;
    std::ofstream m_lines;
    std::ofstream m_csv;
    std::ostringstream m_csv_buffer;
    reports::CsvWriter m_csv_writer;
    db::Sha256 m_lines_hash;
    db::Sha256 m_csv_hash;
    std::string m_text;
    std::int64_t m_records = 0;
};

void Report(const RecordProgress& progress, std::int64_t done, std::int64_t total) {
    if (progress && !progress(done, total)) {
        throw ExportCancelledError();
    }
}

// What the manifest says of one kind's JSON Lines file.
struct ListedFile {
    std::int64_t records = 0;
    std::string sha256;
};

struct Manifest {
    std::map<std::string, ListedFile> lines;  // by kind
    bool accounts = false;
    std::int64_t records = 0;
};

[[noreturn]] void RefuseManifest(const std::string& why) {
    throw ExportFileRefusedError(
        fmt::format("This is not a MyoDesk practice export it can read: {}.", why));
}

bool IsSha256Hex(const std::string& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// The manifest, read strictly, and the archive's entries checked against it: only the files
// the format names, each once, every kind's JSON Lines file listed with its count and hash.
Manifest ReadManifest(detail::ZipReader& archive) {
    std::set<std::string> expected{std::string(kManifestName)};
    for (const auto& kind : core::PracticeExportKinds()) {
        expected.insert(JsonLinesName(kind));
        expected.insert(CsvName(kind));
    }
    std::set<std::string> seen;
    for (const auto& entry : archive.Entries()) {
        if (expected.count(entry.name) == 0) {
            RefuseManifest(fmt::format("it holds a file the format does not name ({})",
                                       entry.name.substr(0, 100)));
        }
        if (!seen.insert(entry.name).second) {
            RefuseManifest(fmt::format("it holds {} twice", entry.name));
        }
    }
    if (!archive.Has(kManifestName)) {
        RefuseManifest("it has no manifest.json");
    }
    std::string text;
    try {
        text = archive.ReadText(std::string(kManifestName), kMaxManifestBytes);
    } catch (const detail::ZipError& error) {
        RefuseManifest(error.what());  // damaged, or larger than any manifest
    }
    const auto read = core::ReadJsonDocument(text);
    if (!read.problems.empty() || !read.document.is_object()) {
        RefuseManifest("its manifest.json is not a JSON object");
    }
    const auto& document = read.document;
    if (document.value("format", std::string()) != core::kPracticeExportName) {
        RefuseManifest("its manifest does not say it is one (\"format\")");
    }
    const auto version = document.find("format_version");
    if (version == document.end() || !version->is_number_integer()) {
        RefuseManifest("its manifest has no format_version");
    }
    if (version->get<std::int64_t>() != core::kPracticeExportFormat) {
        RefuseManifest(fmt::format("it is in format {} and this MyoDesk reads format {}",
                                   version->dump(), core::kPracticeExportFormat));
    }
    Manifest manifest;
    const auto accounts = document.find("accounts");
    if (accounts == document.end() || !accounts->is_boolean()) {
        RefuseManifest("its manifest does not say whether it has accounts (\"accounts\")");
    }
    manifest.accounts = accounts->get<bool>();
    const auto files = document.find("files");
    if (files == document.end() || !files->is_array()) {
        RefuseManifest("its manifest has no list of files");
    }
    for (const auto& file : *files) {
        if (!file.is_object() || !file.contains("name") || !file["name"].is_string() ||
            !file.contains("records") || !file["records"].is_number_integer() ||
            !file.contains("sha256") || !file["sha256"].is_string()) {
            RefuseManifest("an entry of its manifest's files lacks name, records or sha256");
        }
        const auto name = file["name"].get<std::string>();
        const auto records = file["records"].get<std::int64_t>();
        const auto sha256 = file["sha256"].get<std::string>();
        if (records < 0 || records > kMaxKindRecords || !IsSha256Hex(sha256)) {
            RefuseManifest(
                fmt::format("its manifest's entry for {} is out of range", name.substr(0, 100)));
        }
        if (!name.ends_with(".jsonl")) {
            continue;  // the CSV files are for spreadsheets: not read back
        }
        const auto* kind = core::FindExportKind(name.substr(0, name.size() - 6));
        if (kind == nullptr || manifest.lines.count(std::string(kind->name)) != 0) {
            RefuseManifest(fmt::format("its manifest lists {} wrongly", name.substr(0, 100)));
        }
        manifest.lines[std::string(kind->name)] = {records, sha256};
        manifest.records += records;
    }
    for (const auto& kind : core::PracticeExportKinds()) {
        if (manifest.lines.count(std::string(kind.name)) == 0 ||
            !archive.Has(JsonLinesName(kind))) {
            RefuseManifest(fmt::format("{} is missing", JsonLinesName(kind)));
        }
    }
    return manifest;
}

detail::ZipReader OpenExport(const fs::path& zip) {
    try {
        return detail::ZipReader(zip);
    } catch (const detail::ZipError& error) {
        throw ExportFileRefusedError(
            fmt::format("{} cannot be imported: {}.", zip.string(), error.what()));
    }
}

// Reads one kind's JSON Lines file into the database, a batch at a time, checking every line,
// the count and the SHA-256 against the manifest. `staff_seen` learns whether the staff have
// an owner account.
class KindImport {
  public:
    KindImport(const ExportKind& kind, const ListedFile& listed, db::PracticeRecords& records,
               std::function<void(const RecordBatch&)> written)
        : m_kind(kind),
          m_listed(listed),
          m_records(records),
          m_batch(kind),
          m_written(std::move(written)) {}

    void Take(std::string_view piece) {
        m_hash.Add(piece);
        while (!piece.empty()) {
            const auto end = piece.find('\n');
            if (end == std::string_view::npos) {
                m_pending.append(piece);
                if (m_pending.size() > core::RecordLineLimits::kMaxLineBytes) {
                    Refuse({{"record", core::ProblemCode::kTooLong,
                             core::RecordLineLimits::kMaxLineBytes, 0, 0}});
                }
                return;
            }
            if (m_pending.empty()) {
                Line(piece.substr(0, end));
            } else {
                m_pending.append(piece.substr(0, end));
                Line(m_pending);
                m_pending.clear();
            }
            piece.remove_prefix(end + 1);
        }
    }

    void Finish() {
        if (!m_pending.empty()) {
            Line(m_pending);  // the last line without its line end
            m_pending.clear();
        }
        Flush();
        const std::string name = JsonLinesName(m_kind);
        if (m_line != m_listed.records) {
            throw ExportFileRefusedError(
                fmt::format("{} holds {} records and the manifest says {}: the export is "
                            "incomplete or was changed. Nothing was imported.",
                            name, m_line, m_listed.records),
                name);
        }
        if (m_hash.HexDigest() != m_listed.sha256) {
            throw ExportFileRefusedError(
                fmt::format("{} was changed after the export (its SHA-256 is not the "
                            "manifest's). Nothing was imported.",
                            name),
                name);
        }
    }

    std::int64_t Lines() const { return m_line; }

  private:
    void Line(std::string_view line) {
        ++m_line;
        if (m_line > m_listed.records) {
            return;  // counted, and refused in Finish()
        }
        auto problems = core::ReadRecordLine(line, m_batch);
        if (!problems.empty()) {
            Refuse(std::move(problems));
        }
        if (m_batch.Size() >= kBatchRows) {
            Flush();
        }
    }

    void Flush() {
        if (m_batch.Size() == 0) {
            return;
        }
        try {
            m_records.Write(m_batch);
        } catch (const db::DatabaseError& error) {
            // A record the schema refuses (a reference to nothing, a code it does not know).
            throw ExportFileRefusedError(
                fmt::format("{} (records up to line {}) cannot be imported: {} Nothing was "
                            "imported.",
                            JsonLinesName(m_kind), m_line, error.what()),
                JsonLinesName(m_kind), m_line);
        }
        m_written(m_batch);
        m_batch.Clear();
    }

    [[noreturn]] void Refuse(core::ValidationProblems problems) {
        const std::string name = JsonLinesName(m_kind);
        std::string fields;
        for (const auto& problem : problems) {
            fields += fields.empty() ? problem.field : ", " + problem.field;
        }
        throw ExportFileRefusedError(
            fmt::format("{}, line {}: a record is refused ({}). Nothing was imported.", name,
                        m_line, fields),
            name, m_line, std::move(problems));
    }

    const ExportKind& m_kind;
    const ListedFile& m_listed;
    db::PracticeRecords& m_records;
    RecordBatch m_batch;
    std::function<void(const RecordBatch&)> m_written;
    db::Sha256 m_hash;
    std::string m_pending;
    std::int64_t m_line = 0;
};

// The ZIP built in the work folder becomes `target`, readable by its owner only: whole, or
// not there at all (a rename on the same disk).
void MoveIntoPlace(const fs::path& built, const fs::path& target) {
    std::error_code error;
    fs::permissions(built, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace, error);
    fs::rename(built, target, error);
    if (error) {
        throw db::DatabaseError(
            fmt::format("Cannot write {}: {}", target.string(), error.message()));
    }
}

// The SHA-256 of a kind's records as export lines: the same records give the same digest,
// whichever database they are read from.
class KindDigest {
  public:
    void Add(const RecordBatch& batch) {
        m_text.clear();
        for (std::size_t row = 0; row < batch.Size(); ++row) {
            core::AppendRecordLine(batch, row, m_text);
            m_text.push_back('\n');
        }
        m_hash.Add(m_text);
        m_records += static_cast<std::int64_t>(batch.Size());
    }
    std::string Digest() { return m_hash.HexDigest(); }
    std::int64_t Records() const { return m_records; }

  private:
    db::Sha256 m_hash;
    std::string m_text;
    std::int64_t m_records = 0;
};

}  // namespace

PracticeExportService::PracticeExportService(Context& context) : m_context(context) {}

PracticeExportSummary PracticeExportService::ExportAll(const fs::path& out,
                                                       const RecordProgress& progress) {
    m_context.Require(core::Right::kBackUp);
    const fs::path target = fs::absolute(out);
    detail::WorkFolder work(target.parent_path());
    db::PracticeRecords records(m_context.Database());
    const auto now = m_context.GetClock().Now();
    PracticeExportSummary summary;
    summary.path = target;
    nlohmann::json files = nlohmann::json::array();
    bool accounts = false;
    std::vector<std::unique_ptr<KindFiles>> written;
    {
        db::ReadSnapshot snapshot(m_context.Database());
        std::int64_t total = 0;
        for (const auto& kind : core::PracticeExportKinds()) {
            total += records.Count(kind);
        }
        std::int64_t done = 0;
        Report(progress, done, total);
        for (const auto& kind : core::PracticeExportKinds()) {
            auto& files_of_kind =
                *written.emplace_back(std::make_unique<KindFiles>(work.Path(), kind));
            records.Read(kind, kBatchRows, [&](const RecordBatch& batch) {
                files_of_kind.Add(batch);
                if (kind.name == "staff") {
                    accounts = accounts || HasOwnerAccount(batch);
                }
                done += static_cast<std::int64_t>(batch.Size());
                Report(progress, done, total);
            });
            files_of_kind.Finish();
            for (auto& entry : files_of_kind.ManifestEntries()) {
                files.push_back(std::move(entry));
            }
            summary.kinds.push_back({std::string(kind.name), files_of_kind.Records()});
            summary.records += files_of_kind.Records();
        }
    }
    const nlohmann::ordered_json manifest{
        {"format", core::kPracticeExportName},
        {"format_version", core::kPracticeExportFormat},
        {"schema_version", db::SchemaVersion(m_context.Database())},
        {"app_version", core::Version()},
        {"exported_at", db::UtcTimestamp(now)},
        {"accounts", accounts},
        {"records", summary.records},
        {"files", files}};
    const fs::path built = work.Path() / "export.zip";
    try {
        detail::ZipWriter zip(built, std::chrono::system_clock::to_time_t(now));
        zip.AddText(std::string(kManifestName), manifest.dump(2) + "\n");
        for (const auto& kind_files : written) {
            zip.AddFile(kind_files->LinesPath().filename().string(), kind_files->LinesPath());
        }
        for (std::size_t i = 0; i < written.size(); ++i) {
            zip.AddFile(CsvName(core::PracticeExportKinds()[i]), written[i]->CsvPath());
        }
        zip.Close();
    } catch (const detail::ZipError& error) {
        throw db::DatabaseError(error.what());
    }
    MoveIntoPlace(built, target);
    m_context.Audit("practice.export", std::nullopt, "practice", std::nullopt,
                    nlohmann::json{{"records", summary.records}}.dump());
    return summary;
}

bool PracticeExportService::DatabaseEmpty() {
    return db::PracticeRecords(m_context.Database()).Empty();
}

bool PracticeExportService::HasAccounts(const fs::path& zip) {
    auto archive = OpenExport(zip);
    return ReadManifest(archive).accounts;
}

PracticeExportSummary PracticeExportService::ImportAll(
    const fs::path& zip, const std::optional<std::string>& owner_password,
    const RecordProgress& progress) {
    m_context.Require(core::Right::kBackUp);
    auto archive = OpenExport(zip);
    const Manifest manifest = ReadManifest(archive);
    auto& database = m_context.Database();
    db::PracticeRecords records(database);
    if (!DatabaseEmpty()) {
        throw RuleError(
            "This database already holds a practice: an export is imported into a new, empty "
            "database. Nothing was imported.");
    }
    if (manifest.accounts && !owner_password) {
        throw RuleError(
            "The export has staff accounts and passwords never leave a practice: the owner's "
            "new password is needed. Nothing was imported.");
    }
    if (owner_password) {
        CheckNewPassword(*owner_password);
    }
    PracticeExportSummary summary;
    summary.path = zip;
    std::int64_t done = 0;
    bool accounts = false;
    Report(progress, done, manifest.records);
    db::Transaction transaction(database);
    records.StartWriting();
    for (const auto& kind : core::PracticeExportKinds()) {
        const auto& listed = manifest.lines.at(std::string(kind.name));
        KindImport import(kind, listed, records, [&](const RecordBatch& batch) {
            if (kind.name == "staff") {
                accounts = accounts || HasOwnerAccount(batch);
            }
            done += static_cast<std::int64_t>(batch.Size());
            Report(progress, done, manifest.records);
        });
        try {
            archive.Read(JsonLinesName(kind), kMaxKindFileBytes,
                         [&import](std::string_view piece) { import.Take(piece); });
        } catch (const detail::ZipError& error) {
            throw ExportFileRefusedError(fmt::format(
                "{} cannot be imported: {}. Nothing was imported.", zip.string(), error.what()));
        }
        import.Finish();
        summary.kinds.push_back({std::string(kind.name), import.Lines()});
        summary.records += import.Lines();
    }
    if (accounts && !owner_password) {
        throw RuleError(
            "The export has staff accounts (its manifest says otherwise) and passwords never "
            "leave a practice: the owner's new password is needed. Nothing was imported.");
    }
    records.ContinueIdSequences();
    if (accounts) {
        summary.owners.push_back(detail::GiveOwnerPassword(database, *owner_password));
    }
    transaction.Commit();
    m_context.ReadAccounts();
    return summary;
}

PracticeExportSummary PracticeExportService::CopyTo(
    const std::string& location, const std::optional<std::string>& owner_password,
    const RecordProgress& progress) {
    m_context.Require(core::Right::kBackUp);
    auto& source = m_context.Database();
    const bool accounts = m_context.AccountsOn();
    if (accounts && !owner_password) {
        throw RuleError(
            "The practice has staff accounts and passwords are not copied: the owner's new "
            "password is needed. Nothing was copied.");
    }
    if (owner_password) {
        CheckNewPassword(*owner_password);
    }
    db::Database target = db::OpenDatabase(location);
    if (target.Location() == source.Location()) {
        throw RuleError("That is the practice's own database. Nothing was copied.");
    }
    db::PracticeRecords to(target);
    if (!to.Empty()) {
        throw RuleError(fmt::format(
            "{} already holds a practice: a practice is copied into a new, empty database. "
            "Nothing was copied.",
            target.Location()));
    }
    db::PracticeRecords from(source);
    PracticeExportSummary summary;
    summary.path = target.Location();
    {
        db::ReadSnapshot snapshot(source);
        std::int64_t total = 0;
        for (const auto& kind : core::PracticeExportKinds()) {
            total += from.Count(kind);
        }
        std::int64_t done = 0;
        Report(progress, done, total);
        db::Transaction transaction(target);
        to.StartWriting();
        for (const auto& kind : core::PracticeExportKinds()) {
            KindDigest copied;
            from.Read(kind, kBatchRows, [&](const RecordBatch& batch) {
                to.Write(batch);
                copied.Add(batch);
                done += static_cast<std::int64_t>(batch.Size());
                Report(progress, done, total);
            });
            // Read back from the target, in the same transaction: what it holds now.
            KindDigest arrived;
            to.Read(kind, kBatchRows, [&arrived](const RecordBatch& batch) { arrived.Add(batch); });
            if (arrived.Records() != copied.Records() || arrived.Digest() != copied.Digest()) {
                throw db::DatabaseError(fmt::format(
                    "The copy of the {} differs from the practice's ({} records copied, {} read "
                    "back). Nothing was copied.",
                    kind.name, copied.Records(), arrived.Records()));
            }
            summary.kinds.push_back({std::string(kind.name), copied.Records()});
            summary.records += copied.Records();
        }
        to.ContinueIdSequences();
        if (accounts) {
            summary.owners.push_back(detail::GiveOwnerPassword(target, *owner_password));
        }
        transaction.Commit();
    }
    m_context.Audit("practice.copy", std::nullopt, "practice", std::nullopt,
                    nlohmann::json{{"records", summary.records},
                                   {"to", db::DialectFor(target.Target().backend).name}}
                        .dump());
    return summary;
}

PracticeExportSummary PracticeExportService::ExportClient(core::ClientId client,
                                                          const fs::path& out) {
    m_context.Require(core::Right::kReadClinical);
    if (!m_context.IsOwnerAtDesk()) {
        throw NotAllowedError(core::Right::kReadClinical, m_context.Desk().staff->role,
                              "a client's complete record holds private notes: the owner "
                              "exports it");
    }
    auto& database = m_context.Database();
    const auto found = db::ClientRepository(database).Get(client);
    if (!found) {
        throw db::NotFoundError(fmt::format("There is no client with id {}.", client));
    }
    const fs::path target = fs::absolute(out);
    detail::WorkFolder work(target.parent_path());
    reports::ClientRecord record;
    record.client_name = core::Trim(found->given_name + " " + found->family_name);
    record.today = m_context.Today();
    PracticeExportSummary summary;
    summary.path = target;
    std::string json = fmt::format(
        "{{\"format\":\"myodesk-client-record\",\"format_version\":{},\"exported_at\":\"{}\","
        "\"client_id\":{},\"records\":{{",
        core::kPracticeExportFormat, db::UtcTimestamp(m_context.GetClock().Now()), client);
    {
        db::ReadSnapshot snapshot(database);
        db::PracticeRecords records(database);
        bool first_kind = true;
        for (const auto& kind : core::PracticeExportKinds()) {
            RecordBatch all(kind);
            std::string lines;
            const bool part =
                records.ReadForClient(kind, client, kBatchRows, [&](const RecordBatch& batch) {
                    for (std::size_t row = 0; row < batch.Size(); ++row) {
                        lines += all.Size() == 0 ? "\n" : ",\n";
                        core::AppendRecordLine(batch, row, lines);
                        all.AppendRow(batch, row);
                    }
                });
            if (!part) {
                continue;
            }
            json += fmt::format("{}\n\"{}\":[{}]", first_kind ? "" : ",", kind.name, lines);
            first_kind = false;
            summary.kinds.push_back(
                {std::string(kind.name), static_cast<std::int64_t>(all.Size())});
            summary.records += static_cast<std::int64_t>(all.Size());
            if (kind.name != "staff") {
                record.kinds.push_back(std::move(all));
            }
        }
    }
    json += "\n}}\n";
    const core::ClinicDetails clinic = SettingsService(m_context).LoadClinicDetails();
    std::ostringstream pdf;
    reports::PdfOptions options;
    options.paper = clinic.paper;
    reports::RenderPdf(
        reports::ClientRecordDocument(record, clinic,
                                      reports::MakeReportLocale(clinic, core::DistanceUnit::kKm)),
        options, pdf);
    const fs::path built = work.Path() / "client.zip";
    try {
        detail::ZipWriter zip(built,
                              std::chrono::system_clock::to_time_t(m_context.GetClock().Now()));
        zip.AddText("client.json", std::move(json));
        zip.AddText("client.pdf", pdf.str());
        zip.Close();
    } catch (const detail::ZipError& error) {
        throw db::DatabaseError(error.what());
    }
    MoveIntoPlace(built, target);
    m_context.Audit("client.export", client, "client", client,
                    nlohmann::json{{"records", summary.records}}.dump());
    return summary;
}

}  // namespace myodesk::services
