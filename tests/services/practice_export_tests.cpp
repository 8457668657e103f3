// The whole practice as one ZIP and back (issue 18) through services::PracticeExportService,
// as `export all` and `import all` use it: the round trip gives the same files, signed notes
// stay signed with valid hashes, the audit log's chain stays whole, and a changed or hostile
// export, a non-empty database or a cancel leave the database as it was (empty).
#include "accounts_practice.h"
#include "test_database.h"
#include "zip_test_files.h"

#include <myodesk/core/practice_export.h>
#include <myodesk/db/practice_records.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/audit_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/demo_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/practice_export_service.h>

#include <boost/test/unit_test.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>

using namespace myodesk;

namespace {

namespace fs = std::filesystem;

// A temporary folder for the export files of one test.
struct ExportFolder {
    ExportFolder() : path(fs::temp_directory_path() / fs::path("myodesk-export-XXXXXX")) {
        std::string pattern = path.string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~ExportFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
};

services::Context ContextOn(db::Database& database) {
    return services::Context(database, services::Clock::FixedOn(test::kToday));
}

// A demo practice with an amendment to a signed note (the demo writes none).
void WriteDemoPractice(db::Database& database) {
    auto context = ContextOn(database);
    services::DemoRequest request;
    request.clients = 12;
    request.today = test::kToday;
    services::DemoService(context).Write(request);
    services::NoteService notes(context);
    for (const auto& summary : notes.ListForClient(1, 0, 50)) {
        if (summary.is_signed) {
            core::Amendment amendment;
            amendment.amended_by = summary.therapist_id;
            amendment.reason = "Pressure was 6, not 5";
            amendment.section = core::NoteSection::kObjective;
            amendment.text = "Firm pressure; calves tight on the left.";
            notes.Amend(summary.id, amendment);
            return;
        }
    }
    BOOST_FAIL("the demo practice has no signed note for client 1");
}

std::int64_t Records(db::Database& database) {
    db::PracticeRecords records(database);
    std::int64_t total = 0;
    for (const auto& kind : core::PracticeExportKinds()) {
        total += records.Count(kind);
    }
    return total;
}

// The export's files with the one value that differs between two exports (when) taken out.
test::ZipEntries WithoutExportTime(test::ZipEntries entries) {
    auto manifest = nlohmann::json::parse(entries.at("manifest.json"));
    BOOST_TEST(manifest.contains("exported_at"));
    manifest.erase("exported_at");
    entries["manifest.json"] = manifest.dump();
    return entries;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(practice_export)

MYODESK_DB_TEST(export_import_export_gives_the_same_files) {
    ExportFolder folder;
    auto original = test_db.Open();
    WriteDemoPractice(original);
    auto context = ContextOn(original);
    const auto before = Records(original);
    const auto first = services::PracticeExportService(context).ExportAll(folder.path / "a.zip");
    BOOST_TEST(first.records == before);
    BOOST_TEST(first.kinds.size() == core::PracticeExportKinds().size());

    const auto copy_db = test::TestDatabase::Like(test_db);
    auto copy = copy_db.Open();
    auto copy_context = ContextOn(copy);
    const auto imported = services::PracticeExportService(copy_context)
                              .ImportAll(folder.path / "a.zip", std::nullopt);
    BOOST_TEST(imported.records == first.records);
    BOOST_TEST(Records(copy) == first.records);
    services::PracticeExportService(copy_context).ExportAll(folder.path / "b.zip");

    const auto a = WithoutExportTime(test::ReadZip(folder.path / "a.zip"));
    const auto b = WithoutExportTime(test::ReadZip(folder.path / "b.zip"));
    BOOST_TEST(a.size() == 2 * core::PracticeExportKinds().size() + 1);
    for (const auto& [name, bytes] : a) {
        BOOST_REQUIRE_MESSAGE(b.count(name) == 1, name << " is missing after the round trip");
        BOOST_TEST(b.at(name) == bytes, name << " differs after the round trip");
    }
    BOOST_TEST(b.size() == a.size());
    // Every kind has records, so every field's writing and reading was used.
    BOOST_TEST(a.at("clients.jsonl").size() > 0u);
    BOOST_TEST(a.at("session_note_amendments.jsonl").size() > 0u);
    BOOST_TEST(a.at("appointment_series.jsonl").size() > 0u);

    // Signed notes stay signed, their content hashes still matching.
    db::SessionNoteRepository notes(copy);
    services::NoteService note_service(copy_context);
    int signed_notes = 0;
    for (const auto& summary : note_service.ListForClient(1, 0, 50)) {
        const auto note = notes.Get(summary.id);
        BOOST_REQUIRE(note.has_value());
        if (core::IsSigned(*note)) {
            ++signed_notes;
            BOOST_TEST(!note->changed_after_signing);
        }
    }
    BOOST_TEST(signed_notes > 0);
    // New records get new ids after the imported ones.
    core::Client late;
    late.given_name = "Late";
    late.family_name = "Comer";
    BOOST_TEST(services::ClientService(copy_context).Add(late).id == 13);
}

MYODESK_DB_TEST(the_export_is_private_and_nothing_is_left_beside_it) {
    ExportFolder folder;
    auto database = test_db.Open();
    WriteDemoPractice(database);
    auto context = ContextOn(database);
    services::PracticeExportService(context).ExportAll(folder.path / "practice.zip");
    struct stat info {};
    BOOST_REQUIRE_EQUAL(::stat((folder.path / "practice.zip").c_str(), &info), 0);
    BOOST_TEST((info.st_mode & 0777) == 0600u);
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder.path)) {
        ++files;
    }
    BOOST_TEST(files == 1);  // the work folder is gone
    // Unpacked, the files inside are private too.
    {
        int code = 0;
        zip_t* archive = zip_open((folder.path / "practice.zip").c_str(), ZIP_RDONLY, &code);
        BOOST_REQUIRE(archive != nullptr);
        const auto index = zip_name_locate(archive, "clients.jsonl", 0);
        BOOST_REQUIRE(index >= 0);
        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        BOOST_REQUIRE(zip_file_get_external_attributes(archive, static_cast<zip_uint64_t>(index), 0,
                                                       &system, &attributes) == 0);
        BOOST_TEST(system == ZIP_OPSYS_UNIX);
        BOOST_TEST(((attributes >> 16U) & 0777U) == 0600U);
        zip_discard(archive);
    }
    // The export is recorded (after the records were read: it is not in the file itself).
    const auto entries = test::ReadZip(folder.path / "practice.zip");
    BOOST_TEST(entries.at("audit_log.jsonl").find("practice.export") == std::string::npos);
}

MYODESK_DB_TEST(a_cancelled_export_writes_nothing) {
    ExportFolder folder;
    auto database = test_db.Open();
    WriteDemoPractice(database);
    auto context = ContextOn(database);
    std::int64_t calls = 0;
    BOOST_CHECK_THROW(services::PracticeExportService(context).ExportAll(
                          folder.path / "practice.zip",
                          [&calls](std::int64_t done, std::int64_t total) {
                              BOOST_TEST(done <= total);
                              return ++calls < 3;
                          }),
                      services::ExportCancelledError);
    BOOST_TEST(fs::is_empty(folder.path));
}

MYODESK_DB_TEST(a_changed_byte_is_refused_and_nothing_is_imported) {
    ExportFolder folder;
    auto original = test_db.Open();
    WriteDemoPractice(original);
    auto context = ContextOn(original);
    services::PracticeExportService(context).ExportAll(folder.path / "a.zip");
    auto entries = test::ReadZip(folder.path / "a.zip");
    // One letter of a signed note's objective text changed.
    auto& notes = entries.at("session_notes.jsonl");
    std::size_t line_start = 0;
    std::size_t at = std::string::npos;
    while (line_start < notes.size()) {
        const auto line_end = notes.find('\n', line_start);
        const auto line = std::string_view(notes).substr(line_start, line_end - line_start);
        const auto text = line.find("\"objective\":\"");
        if (line.find("\"signed_at\":\"") != std::string_view::npos &&
            text != std::string_view::npos &&
            std::isalpha(static_cast<unsigned char>(line[text + 13]))) {
            at = line_start + text + 13;
            break;
        }
        line_start = line_end + 1;
    }
    BOOST_REQUIRE(at != std::string::npos);
    const auto note_id =
        std::stoll(notes.substr(line_start + 6, notes.find(',', line_start) - line_start - 6));
    notes[at] = notes[at] == 'X' ? 'Y' : 'X';
    test::WriteZip(folder.path / "changed.zip", entries);

    const auto copy_db = test::TestDatabase::Like(test_db);
    auto copy = copy_db.Open();
    auto copy_context = ContextOn(copy);
    services::PracticeExportService importer(copy_context);
    try {
        importer.ImportAll(folder.path / "changed.zip", std::nullopt);
        BOOST_FAIL("a changed export was imported");
    } catch (const services::ExportFileRefusedError& error) {
        BOOST_TEST(error.File() == "session_notes.jsonl");
        BOOST_TEST(std::string(error.what()).find("SHA-256") != std::string::npos);
    }
    BOOST_TEST(db::PracticeRecords(copy).Empty());

    // Resealed (the manifest made to match), the change is imported but the note shows it was
    // changed after signing: its content hash is the one signed.
    test::ResealEntry(entries, "session_notes.jsonl");
    test::WriteZip(folder.path / "resealed.zip", entries);
    importer.ImportAll(folder.path / "resealed.zip", std::nullopt);
    const auto note = db::SessionNoteRepository(copy).Get(note_id);
    BOOST_REQUIRE(note.has_value());
    BOOST_TEST(core::IsSigned(*note));
    BOOST_TEST(note->changed_after_signing);
}

MYODESK_DB_TEST(hostile_records_are_refused_naming_the_line_and_field) {
    ExportFolder folder;
    auto original = test_db.Open();
    WriteDemoPractice(original);
    auto context = ContextOn(original);
    services::PracticeExportService(context).ExportAll(folder.path / "a.zip");
    const auto entries = test::ReadZip(folder.path / "a.zip");

    const auto refused = [&](const std::string& name, const std::string& lines,
                             const std::string& field, std::int64_t line) {
        auto changed = entries;
        changed[name] = lines;
        test::ResealEntry(changed, name);
        test::WriteZip(folder.path / "hostile.zip", changed);
        const auto copy_db = test::TestDatabase::Like(test_db);
        auto copy = copy_db.Open();
        auto copy_context = ContextOn(copy);
        try {
            services::PracticeExportService(copy_context)
                .ImportAll(folder.path / "hostile.zip", std::nullopt);
            BOOST_ERROR(name << ": " << lines << " was imported");
        } catch (const services::ExportFileRefusedError& error) {
            BOOST_TEST(error.File() == name);
            BOOST_TEST(error.Line() == line);
            if (!field.empty()) {
                BOOST_REQUIRE(!error.Problems().empty());
                BOOST_TEST(error.Problems().front().field == field);
            }
        }
        BOOST_TEST(db::PracticeRecords(copy).Empty());
    };
    const std::string staff = entries.at("staff.jsonl");
    // An unknown field, a missing one, a wrong type, a null where a value belongs, not JSON.
    refused("staff.jsonl",
            staff + R"({"id":9,"name":"X","role":"therapist","active":true,)"
                    R"("created_at":"2026-01-01T00:00:00Z","username":null,)"
                    R"("password_hash":"x"})"
                    "\n",
            "password_hash", 3);
    refused("staff.jsonl",
            staff + R"({"id":9,"name":"X","role":"therapist","active":true,)"
                    R"("username":null})"
                    "\n",
            "created_at", 3);
    refused("staff.jsonl",
            staff + R"({"id":"9","name":"X","role":"therapist","active":true,)"
                    R"("created_at":"2026-01-01T00:00:00Z","username":null})"
                    "\n",
            "id", 3);
    refused("staff.jsonl",
            staff + R"({"id":9,"name":null,"role":"therapist","active":1,)"
                    R"("created_at":"2026-01-01T00:00:00Z","username":null})"
                    "\n",
            "name", 3);
    refused("staff.jsonl", "not json\n", "document", 1);
    // A record the schema refuses: a note of a client who is not there (at the batch's end).
    refused("days_off.jsonl",
            R"({"id":1,"staff_id":999,"from_date":"2026-01-01","to_date":"2026-01-02",)"
            R"("created_at":"2026-01-01T00:00:00Z"})"
            "\n",
            "", 1);
}

MYODESK_DB_TEST(a_database_with_records_is_refused) {
    ExportFolder folder;
    auto database = test_db.Open();
    WriteDemoPractice(database);
    auto context = ContextOn(database);
    services::PracticeExportService service(context);
    service.ExportAll(folder.path / "a.zip");
    const auto before = Records(database);
    BOOST_CHECK_THROW(service.ImportAll(folder.path / "a.zip", std::nullopt), services::RuleError);
    BOOST_TEST(Records(database) == before);
}

// Accounts (SQLite: the hashes are the app's own; PostgreSQL logins belong to the server).
BOOST_AUTO_TEST_CASE(accounts_come_back_without_passwords_and_the_owner_sets_one,
                     *boost::unit_test::label("sqlite")) {
    ExportFolder folder;
    const auto original_db = test::TestDatabase::Sqlite();
    auto original = original_db.Open();
    test::AccountsPractice practice(original);
    practice.SignIn("olive");
    services::PracticeExportService(practice.context).ExportAll(folder.path / "a.zip");
    const auto entries = test::ReadZip(folder.path / "a.zip");
    BOOST_TEST(entries.at("staff.jsonl").find("argon2") == std::string::npos);
    BOOST_TEST(entries.at("staff.jsonl").find("password") == std::string::npos);
    BOOST_TEST(services::PracticeExportService::HasAccounts(folder.path / "a.zip"));

    const auto copy_db = test::TestDatabase::Sqlite();
    auto copy = copy_db.Open();
    auto copy_context = ContextOn(copy);
    services::PracticeExportService importer(copy_context);
    BOOST_CHECK_THROW(importer.ImportAll(folder.path / "a.zip", std::nullopt), services::RuleError);
    BOOST_CHECK_THROW(importer.ImportAll(folder.path / "a.zip", std::string("short")),
                      db::ValidationError);
    BOOST_TEST(db::PracticeRecords(copy).Empty());
    const auto imported = importer.ImportAll(folder.path / "a.zip", std::string("new owner pw"));
    BOOST_TEST(imported.owners == std::vector<std::string>{"olive"});

    auto signed_in = ContextOn(copy);
    BOOST_TEST(signed_in.AccountsOn());
    services::AccountService accounts(signed_in);
    BOOST_CHECK_THROW(accounts.SignIn("olive", test::kPassword), services::SignInFailedError);
    BOOST_CHECK_THROW(accounts.SignIn("tess", test::kPassword), services::SignInFailedError);
    accounts.SignIn("olive", "new owner pw");
    const auto chain = services::AuditService(signed_in).Verify();
    BOOST_TEST(!chain.first_broken_id.has_value());
    BOOST_TEST(chain.rows_checked > 5);
}

BOOST_AUTO_TEST_CASE(an_archive_that_is_not_an_export_is_refused,
                     *boost::unit_test::label("pure")) {
    ExportFolder folder;
    const auto path = folder.path / "other.zip";
    test::WriteZip(path, {{"readme.txt", "hello"}});
    BOOST_CHECK_THROW(services::PracticeExportService::HasAccounts(path),
                      services::ExportFileRefusedError);
    { std::ofstream(folder.path / "text.zip") << "not a zip"; }
    BOOST_CHECK_THROW(services::PracticeExportService::HasAccounts(folder.path / "text.zip"),
                      services::ExportFileRefusedError);
    test::WriteZip(path,
                   {{"manifest.json", R"({"format":"myodesk-practice-export",)"
                                      R"("format_version":99,"accounts":false,"files":[]})"}});
    BOOST_CHECK_THROW(services::PracticeExportService::HasAccounts(path),
                      services::ExportFileRefusedError);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// Every record of a kind as export lines, read from `database`.
std::string KindLines(db::Database& database, const core::ExportKind& kind) {
    std::string lines;
    db::PracticeRecords(database).Read(kind, 500, [&lines](const core::RecordBatch& batch) {
        for (std::size_t row = 0; row < batch.Size(); ++row) {
            core::AppendRecordLine(batch, row, lines);
            lines.push_back('\n');
        }
    });
    return lines;
}

// Copies a demo practice from `from` into `to` (a new, empty database) and checks that `to`
// holds every record of `from`, the audit row of the copy aside.
void CheckCopy(const test::TestDatabase& from_db, const test::TestDatabase& to_db) {
    auto from = from_db.Open();
    WriteDemoPractice(from);
    auto context = ContextOn(from);
    const auto summary =
        services::PracticeExportService(context).CopyTo(to_db.Location(), std::nullopt);
    BOOST_TEST(summary.kinds.size() == core::PracticeExportKinds().size());
    auto to = to_db.Open();
    std::int64_t records = 0;
    for (const auto& kind : core::PracticeExportKinds()) {
        const auto source = KindLines(from, kind);
        const auto copied = KindLines(to, kind);
        if (kind.name == "audit_log") {
            // The practice's log now ends with the copy itself.
            BOOST_TEST(source.starts_with(copied));
            BOOST_TEST(source.substr(copied.size()).find("practice.copy") != std::string::npos);
        } else {
            BOOST_TEST(copied == source, kind.name << " differs after the copy");
        }
        records += db::PracticeRecords(to).Count(kind);
    }
    BOOST_TEST(records == summary.records);
    BOOST_TEST(records > 1000);
    // Into a database that holds records: refused, nothing changed.
    BOOST_CHECK_THROW(
        services::PracticeExportService(context).CopyTo(to_db.Location(), std::nullopt),
        services::RuleError);
    BOOST_TEST(Records(to) == records);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(practice_copy)

BOOST_AUTO_TEST_CASE(sqlite_to_postgresql_copies_every_record,
                     *boost::unit_test::label("postgresql") *
                         boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    CheckCopy(test::TestDatabase::Sqlite(), test::TestDatabase::Postgresql());
}

BOOST_AUTO_TEST_CASE(postgresql_to_sqlite_copies_every_record,
                     *boost::unit_test::label("postgresql") *
                         boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    CheckCopy(test::TestDatabase::Postgresql(), test::TestDatabase::Sqlite());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(client_record_export)

MYODESK_DB_TEST(a_clients_record_is_everything_about_them_and_nothing_else) {
    ExportFolder folder;
    auto database = test_db.Open();
    WriteDemoPractice(database);
    auto context = ContextOn(database);
    const auto summary =
        services::PracticeExportService(context).ExportClient(1, folder.path / "client.zip");
    const auto entries = test::ReadZip(folder.path / "client.zip");
    BOOST_TEST(entries.size() == 2U);
    BOOST_TEST(entries.at("client.pdf").starts_with("%PDF"));
    const auto json = nlohmann::json::parse(entries.at("client.json"));
    BOOST_TEST(json["format"] == "myodesk-client-record");
    BOOST_TEST(json["client_id"] == 1);
    const auto& records = json["records"];
    BOOST_REQUIRE(records["clients"].size() == 1U);
    BOOST_TEST(records["clients"][0]["id"] == 1);
    BOOST_TEST(!records.contains("rooms"));  // the practice's own, not the client's
    BOOST_TEST(!records.contains("clinic_settings"));
    BOOST_TEST(records["session_notes"].size() > 0U);
    std::int64_t counted = 0;
    for (const auto& [kind, list] : records.items()) {
        counted += static_cast<std::int64_t>(list.size());
        for (const auto& record : list) {
            if (record.contains("client_id")) {
                BOOST_TEST(record["client_id"] == 1, kind);
            }
        }
    }
    BOOST_TEST(counted == summary.records);
    // Every note region is of one of the client's notes.
    std::set<std::int64_t> notes;
    for (const auto& note : records["session_notes"]) {
        notes.insert(note["id"].get<std::int64_t>());
    }
    for (const auto& region : records["session_note_regions"]) {
        BOOST_TEST(notes.count(region["note_id"].get<std::int64_t>()) == 1U);
    }
    struct stat info {};
    BOOST_REQUIRE_EQUAL(::stat((folder.path / "client.zip").c_str(), &info), 0);
    BOOST_TEST((info.st_mode & 0777) == 0600u);
    BOOST_CHECK_THROW(
        services::PracticeExportService(context).ExportClient(999, folder.path / "none.zip"),
        db::NotFoundError);
}

// Private notes are in it: with accounts, only the owner exports it.
BOOST_AUTO_TEST_CASE(only_the_owner_exports_a_clients_record, *boost::unit_test::label("sqlite")) {
    ExportFolder folder;
    const auto practice_db = test::TestDatabase::Sqlite();
    auto database = practice_db.Open();
    test::AccountsPractice practice(database);
    practice.SignIn("theo");
    BOOST_CHECK_THROW(services::PracticeExportService(practice.context)
                          .ExportClient(practice.ann, folder.path / "ann.zip"),
                      services::NotAllowedError);
    practice.SignIn("olive");
    services::PracticeExportService(practice.context)
        .ExportClient(practice.ann, folder.path / "ann.zip");
    const auto json =
        nlohmann::json::parse(test::ReadZip(folder.path / "ann.zip").at("client.json"));
    BOOST_TEST(json["records"]["session_notes"].size() == 2U);  // Tess's private one too
    BOOST_TEST(json["records"]["audit_log"].size() > 0U);       // who opened and changed it
}

BOOST_AUTO_TEST_SUITE_END()
