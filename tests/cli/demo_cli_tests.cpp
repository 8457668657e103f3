#include "cli.h"
#include "cli_test_support.h"
#include "csv_test_reader.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;
namespace fs = std::filesystem;

namespace {

test::TestDatabase Another(const test::TestDatabase& like) {
    return like.GetBackend() == db::Backend::kSqlite ? test::TestDatabase::Sqlite()
                                                     : test::TestDatabase::Postgresql();
}

CliResult Demo(const test::TestDatabase& database, const std::string& clients,
               const std::string& seed) {
    return Cli(database, {"demo", "--clients", clients, "--years", "2", "--seed", seed, "--today",
                          "2026-11-20"});
}

// The exports a demo is compared by: every client (archived too) and every session note.
struct Exports {
    std::string clients;
    std::string sessions;
};

Exports Export(const test::TestDatabase& database) {
    const test::TempFolder temp;
    const fs::path& folder = temp.path;
    const std::string clients = (folder / "clients.csv").string();
    const std::string sessions = (folder / "sessions.csv").string();
    const auto exported_clients = Cli(database, {"export", "clients", "--all", "--out", clients});
    BOOST_TEST_REQUIRE(exported_clients.code == 0, exported_clients.err);
    const auto exported_sessions = Cli(database, {"export", "sessions", "--from", "2024-11-01",
                                                  "--to", "2026-11-20", "--out", sessions});
    BOOST_TEST_REQUIRE(exported_sessions.code == 0, exported_sessions.err);
    return {test::ReadText(clients), test::ReadText(sessions)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_cli_tests)

MYODESK_DB_TEST(demo_fills_an_empty_database) {
    const auto result = Demo(test_db, "40", "3");
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    const std::regex summary(
        R"(Demo practice: 40 clients, 2 therapists, (\d+) intakes, (\d+) session notes, (\d+) plans, (\d+) appointments in \d+\.\d s
)");
    std::smatch match;
    BOOST_TEST_REQUIRE(std::regex_match(result.out, match, summary), result.out);
    const int notes = std::stoi(match[2]);
    BOOST_TEST(notes > 100);
    BOOST_TEST(std::stoi(match[4]) > 0);  // the recent notes' appointments at least
    BOOST_TEST(result.err.empty());       // progress only every few thousand clients

    const auto exports = Export(test_db);
    const auto clients = test::ReadCsv(exports.clients);
    BOOST_TEST(clients.size() == 41u);  // with the header
    const auto sessions = test::ReadCsv(exports.sessions);
    BOOST_TEST(static_cast<int>(sessions.size()) == notes + 1);

    const auto staff = Cli(test_db, {"--json", "staff", "list"});
    BOOST_TEST_REQUIRE(staff.code == 0, staff.err);
    BOOST_TEST(json::parse(staff.out).size() == 2u);
    const auto unsigned_notes = Cli(test_db, {"--json", "notes", "unsigned"});
    BOOST_TEST_REQUIRE(unsigned_notes.code == 0, unsigned_notes.err);
    const auto settings = Cli(test_db, {"settings", "show"});
    BOOST_TEST(settings.out.find("\"Run Well Clinic (demo practice)\"") != std::string::npos);
}

MYODESK_DB_TEST(demo_prints_its_counts_as_json) {
    const auto result =
        Cli(test_db, {"--json", "demo", "--clients", "12", "--seed", "8", "--today", "2026-11-20"});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    const auto summary = json::parse(result.out);
    BOOST_TEST(summary.at("clients") == 12);
    BOOST_TEST(summary.at("therapists") == 2);
    BOOST_TEST(summary.at("intakes").get<int>() >= 12);
    BOOST_TEST(summary.contains("session_notes"));
    BOOST_TEST(summary.contains("plans"));
    BOOST_TEST(summary.contains("training_entries"));
    BOOST_TEST(summary.at("seconds").get<double>() >= 0);
    const auto info = Cli(test_db, {"--json", "db", "info"});
    const auto database = json::parse(info.out);
    BOOST_TEST(database.at("clients").get<int>() + database.at("archived_clients").get<int>() ==
               12);
}

// Same seed, clients, years and day: the same practice, export for export. Another seed: another.
MYODESK_DB_TEST(the_same_seed_gives_the_same_exports) {
    BOOST_TEST_REQUIRE(Demo(test_db, "30", "77").code == 0);
    const auto same_db = Another(test_db);
    BOOST_TEST_REQUIRE(Demo(same_db, "30", "77").code == 0);
    const auto other_db = Another(test_db);
    BOOST_TEST_REQUIRE(Demo(other_db, "30", "78").code == 0);

    const auto first = Export(test_db);
    const auto same = Export(same_db);
    const auto other = Export(other_db);
    BOOST_TEST(first.clients.size() > 1000u);
    BOOST_TEST(first.sessions.size() > 10000u);
    BOOST_TEST(first.clients == same.clients);
    BOOST_TEST(first.sessions == same.sessions);
    BOOST_TEST(first.clients != other.clients);
    BOOST_TEST(first.sessions != other.sessions);
}

MYODESK_DB_TEST(demo_refuses_a_database_with_clients) {
    test::AddClientWithCli(test_db, {"--given", "Siobhán", "--family", "O'Brien"});
    const auto result = Demo(test_db, "10", "1");
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("already holds 1 client;") != std::string::npos, result.err);
    BOOST_TEST(result.out.empty());
    const auto staff = Cli(test_db, {"--json", "staff", "list"});
    BOOST_TEST(json::parse(staff.out).empty());  // nothing was written
    const auto clients = Cli(test_db, {"--json", "clients", "list", "--all"});
    BOOST_TEST(json::parse(clients.out).size() == 1u);
}

MYODESK_DB_TEST(demo_checks_its_options) {
    const auto usage = [&](std::vector<std::string> words) {
        words.insert(words.begin(), "demo");
        return Cli(test_db, std::move(words)).code;
    };
    BOOST_TEST(usage({}) == 2);  // --clients is required
    BOOST_TEST(usage({"--clients"}) == 2);
    BOOST_TEST(usage({"--clients", "ten"}) == 2);
    BOOST_TEST(usage({"--clients", "10", "--seed", "-1"}) == 2);
    BOOST_TEST(usage({"--clients", "10", "--seed", "x"}) == 2);
    BOOST_TEST(usage({"--clients", "10", "--limit", "3"}) == 2);  // not an option of demo
    BOOST_TEST(usage({"--clients", "10", "extra"}) == 2);
    BOOST_TEST(usage({"--clients", "0"}) == 3);
    BOOST_TEST(usage({"--clients", "1000001"}) == 3);
    BOOST_TEST(usage({"--clients", "10", "--years", "0"}) == 3);
    BOOST_TEST(usage({"--clients", "10", "--years", "11"}) == 3);
    BOOST_TEST(usage({"--clients", "10", "--today", "2026-02-30"}) == 3);
    const auto staff = Cli(test_db, {"--json", "staff", "list"});
    BOOST_TEST(json::parse(staff.out).empty());  // none of them wrote anything
}

BOOST_AUTO_TEST_CASE(help_names_the_demo_command, *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    BOOST_TEST(app::RunCli({"--help"}, out, err) == 0);
    BOOST_TEST(out.str().find("demo --clients N [--years Y] [--seed S] [--today YYYY-MM-DD]") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
