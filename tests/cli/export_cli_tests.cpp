#include "cli_test_support.h"
#include "csv_test_reader.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;
using test::ReadCsv;
using test::ReadText;
using test::TempFile;
namespace fs = std::filesystem;

namespace {

const std::string kExamplePath = std::string(MYODESK_DOCS_DIR) + "/examples/session-example.json";
const std::string kHyperlink = "=HYPERLINK(\"http://evil.example\",\"Click\")";

// The CSV file's rows, each as a map from the header's column names.
std::vector<std::map<std::string, std::string>> ReadRows(const fs::path& path) {
    const std::string text = ReadText(path.string());
    BOOST_TEST(text.substr(0, 3) == "\xEF\xBB\xBF");
    const auto rows = ReadCsv(text);
    BOOST_TEST_REQUIRE(!rows.empty());
    std::vector<std::map<std::string, std::string>> records;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        BOOST_TEST_REQUIRE(rows[r].size() == rows[0].size(), "row " << r);
        std::map<std::string, std::string> record;
        for (std::size_t c = 0; c < rows[0].size(); ++c) {
            record[rows[0][c]] = rows[r][c];
        }
        records.push_back(std::move(record));
    }
    return records;
}

std::int64_t AddStaff(const test::TestDatabase& database, const std::string& name) {
    const auto result = Cli(database, {"staff", "add", "--name", name});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

std::int64_t AddNote(const test::TestDatabase& database, std::int64_t client,
                     std::int64_t therapist, const std::string& date, const std::string& time) {
    json note = json::parse(ReadText(kExamplePath));
    note["therapist_id"] = therapist;
    note["date"] = date;
    note["start_time"] = time;
    const auto result = Cli(database, {"notes", "add", std::to_string(client), "-"}, note.dump());
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_cli_tests)

MYODESK_DB_TEST(exports_clients_with_quotes_and_unicode_intact) {
    test::TempFolder folder;
    const auto zoe = test::AddClientWithCli(
        test_db, {"--given", "Zoë", "--family", "Ångström", "--dob", "1990-04-02", "--email",
                  "zoe@example.se", "--phone", "+46 8 123 45"});
    const auto shiv = test::AddClientWithCli(
        test_db, {"--given", "Siobhán \"Shiv\"", "--family", "O'Brien, Jr", "--notes", kHyperlink});
    const auto bruce = test::AddClientWithCli(test_db, {"--given", "小龙", "--family", "李"});
    const auto formula = test::AddClientWithCli(
        test_db, {"--given", "Ann", "--family", "Smith", "--preferred", kHyperlink});
    const auto gone = test::AddClientWithCli(test_db, {"--given", "Old", "--family", "Zed"});
    BOOST_TEST_REQUIRE(Cli(test_db, {"clients", "archive", std::to_string(gone)}).code == 0);

    const auto path = folder.path / "clients.csv";
    const auto result = Cli(test_db, {"export", "clients", "--out", path.string()});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    BOOST_TEST(result.out == fmt::format("Exported 4 clients to {}\n", path.string()));
    const auto rows = ReadRows(path);
    BOOST_TEST_REQUIRE(rows.size() == 4u);
    // In the list's order: family name, accents ignored.
    BOOST_TEST(rows[0].at("id") == std::to_string(zoe));
    BOOST_TEST(rows[0].at("given_name") == "Zoë");
    BOOST_TEST(rows[0].at("family_name") == "Ångström");
    BOOST_TEST(rows[0].at("date_of_birth") == "1990-04-02");
    BOOST_TEST(rows[0].at("email") == "zoe@example.se");
    BOOST_TEST(rows[0].at("phone") == "'+46 8 123 45");
    BOOST_TEST(rows[0].at("archived") == "no");
    BOOST_TEST(rows[1].at("id") == std::to_string(shiv));
    BOOST_TEST(rows[1].at("family_name") == "O'Brien, Jr");
    BOOST_TEST(rows[1].at("given_name") == "Siobhán \"Shiv\"");
    BOOST_TEST(rows[2].at("id") == std::to_string(formula));
    BOOST_TEST(rows[2].at("preferred_name") == "'" + kHyperlink);  // neutralised
    BOOST_TEST(rows[3].at("id") == std::to_string(bruce));
    BOOST_TEST(rows[3].at("family_name") == "李");
    BOOST_TEST(rows[3].at("given_name") == "小龙");
    BOOST_TEST(folder.Files() == std::vector<std::string>{"clients.csv"});

    // --archived and --all; a second export replaces the file.
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"export", "clients", "--archived", "--out", path.string()}).code == 0);
    const auto archived = ReadRows(path);
    BOOST_TEST_REQUIRE(archived.size() == 1u);
    BOOST_TEST(archived[0].at("id") == std::to_string(gone));
    BOOST_TEST(archived[0].at("archived") == "yes");
    const auto all = Cli(test_db, {"export", "clients", "--all", "--out", path.string()});
    BOOST_TEST(all.out == fmt::format("Exported 5 clients to {}\n", path.string()));
    BOOST_TEST(ReadRows(path).size() == 5u);
    BOOST_TEST(folder.Files() == std::vector<std::string>{"clients.csv"});
}

MYODESK_DB_TEST(exports_the_sessions_of_a_period) {
    test::TempFolder folder;
    const auto shiv =
        test::AddClientWithCli(test_db, {"--given", "Siobhán \"Shiv\"", "--family", "O'Brien"});
    const auto formula = test::AddClientWithCli(test_db, {"--given", kHyperlink, "--family", "李"});
    const auto maire = AddStaff(test_db, "Máire Ní Dhomhnaill");
    const auto later = AddNote(test_db, shiv, maire, "2025-03-31", "09:00");
    const auto first = AddNote(test_db, formula, maire, "2025-03-01", "17:30");
    AddNote(test_db, shiv, maire, "2025-02-28", "17:30");  // before the period
    AddNote(test_db, shiv, maire, "2025-04-01", "08:00");  // after it
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"notes", "sign", std::to_string(later), "--by", std::to_string(maire)})
            .code == 0);

    const auto path = folder.path / "sessions march.csv";
    const auto result = Cli(test_db, {"export", "sessions", "--from", "2025-03-01", "--to",
                                      "2025-03-31", "--out", path.string()});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    BOOST_TEST(result.out == fmt::format("Exported 2 sessions to {}\n", path.string()));
    const auto rows = ReadRows(path);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].at("date") == "2025-03-01");
    BOOST_TEST(rows[0].at("start_time") == "17:30");
    BOOST_TEST(rows[0].at("client_id") == std::to_string(formula));
    BOOST_TEST(rows[0].at("client") == "'" + kHyperlink + " 李");
    BOOST_TEST(rows[0].at("therapist_id") == std::to_string(maire));
    BOOST_TEST(rows[0].at("therapist") == "Máire Ní Dhomhnaill");
    BOOST_TEST(rows[0].at("duration_min") == "60");
    BOOST_TEST(rows[0].at("techniques") == "trigger_point 20 min; sports 35 min");
    BOOST_TEST(rows[0].at("regions") ==
               "hamstrings left 7/10; hamstrings right 6/10; glutes bilateral 5/10; calves "
               "bilateral 4/10");
    BOOST_TEST(rows[0].at("pain") ==
               "hamstrings left 6 → 3; hamstrings right 5 → 2; glutes bilateral 2 → 1");
    BOOST_TEST(rows[0].at("signed") == "no");
    BOOST_TEST(rows[1].at("date") == "2025-03-31");
    BOOST_TEST(rows[1].at("client") == "Siobhán \"Shiv\" O'Brien");
    BOOST_TEST(rows[1].at("signed") == "yes");
    BOOST_TEST(first != later);

    // A period with no sessions: the header alone.
    const auto empty = Cli(test_db, {"export", "sessions", "--from", "2024-01-01", "--to",
                                     "2024-12-31", "--out", path.string()});
    BOOST_TEST(empty.out == fmt::format("Exported 0 sessions to {}\n", path.string()));
    BOOST_TEST(ReadRows(path).empty());
}

MYODESK_DB_TEST(a_missing_folder_is_named_and_no_file_is_left) {
    test::TempFolder folder;
    test::AddClientWithCli(test_db, {"--given", "Zoë", "--family", "Ångström"});
    const auto path = folder.path / "no such folder" / "clients.csv";
    const auto result = Cli(test_db, {"export", "clients", "--out", path.string()});
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err == fmt::format("myodesk-cli: invalid input: cannot write {}: No such "
                                         "file or directory\n",
                                         path.string()));
    BOOST_TEST(result.out.empty());
    BOOST_TEST(!fs::exists(path.parent_path()));
    BOOST_TEST(folder.Files().empty());
}

MYODESK_DB_TEST(a_read_only_folder_is_named_and_the_old_file_is_kept) {
    test::TempFolder folder;
    test::AddClientWithCli(test_db, {"--given", "Zoë", "--family", "Ångström"});
    fs::path target_folder = folder.path;
    const auto path = folder.path / "clients.csv";
    std::ofstream(path) << "old";
    fs::permissions(folder.path, fs::perms::owner_read | fs::perms::owner_exec);
    if (geteuid() == 0) {
        // Root writes into any folder whatever its mode; /proc refuses even root.
        BOOST_TEST_MESSAGE("running as root: /proc stands in for the read-only folder");
        target_folder = "/proc";
    }
    const auto target = target_folder / "clients.csv";
    for (const char* kind : {"clients", "sessions"}) {
        std::vector<std::string> words{"export", kind, "--out", target.string()};
        if (std::string(kind) == "sessions") {
            words.insert(words.end(), {"--from", "2025-01-01", "--to", "2025-12-31"});
        }
        const auto result = Cli(test_db, words);
        BOOST_TEST(result.code == 3, kind);
        BOOST_TEST(
            result.err.find(fmt::format("cannot write {}: ", target.string())) != std::string::npos,
            result.err);
        BOOST_TEST(result.out.empty());
    }
    fs::permissions(folder.path, fs::perms::owner_all, fs::perm_options::add);
    BOOST_TEST(ReadText(path.string()) == "old");
    BOOST_TEST(folder.Files() == std::vector<std::string>{"clients.csv"});
}

MYODESK_DB_TEST(from_after_to_is_refused_and_no_file_is_written) {
    test::TempFolder folder;
    const auto path = folder.path / "sessions.csv";
    const auto result = Cli(test_db, {"export", "sessions", "--from", "2025-04-01", "--to",
                                      "2025-03-01", "--out", path.string()});
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err ==
               "myodesk-cli: invalid input: --from 2025-04-01 is after --to 2025-03-01\n");
    BOOST_TEST(folder.Files().empty());

    const auto missing =
        Cli(test_db, {"export", "sessions", "--from", "2025-04-01", "--out", path.string()});
    BOOST_TEST(missing.code == 2);
    const auto no_out = Cli(test_db, {"export", "clients"});
    BOOST_TEST(no_out.code == 2);
    BOOST_TEST(no_out.err.find("--out FILE.csv is required") != std::string::npos);
    BOOST_TEST(folder.Files().empty());
}

// The shell sees the same exit code and message from the real binary.
BOOST_AUTO_TEST_CASE(the_binary_exits_3_for_a_path_it_cannot_write,
                     *boost::unit_test::label("pure")) {
    test::TempFolder folder;
    const auto database = folder.path / "practice.sqlite";
    const auto path = folder.path / "missing" / "clients.csv";
    const auto result = test::RunShell(
        fmt::format("--db '{}' export clients --out '{}'", database.string(), path.string()));
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.out.find(fmt::format("cannot write {}", path.string())) != std::string::npos,
               result.out);
    BOOST_TEST(!fs::exists(path.parent_path()));
}

BOOST_AUTO_TEST_SUITE_END()
