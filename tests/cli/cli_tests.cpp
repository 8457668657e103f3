#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <myodesk/db/client_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace myodesk;
using test::Cli;

namespace {

using Result = test::CliResult;

std::int64_t AddClient(const test::TestDatabase& database, std::vector<std::string> options) {
    return test::AddClientWithCli(database, std::move(options));
}

Result Shell(const std::string& arguments) {
    return test::RunShell(arguments);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_tests)

MYODESK_DB_TEST(add_then_list_shows_the_client) {
    const auto id = AddClient(test_db, {"--given", "Zoë", "--family", "Ångström", "--dob",
                                        "1990-04-02", "--email", "zoe@example.se"});
    BOOST_TEST(id > 0);
    const auto list = Cli(test_db, {"clients", "list"});
    BOOST_TEST(list.code == 0);
    BOOST_TEST(list.out.find("Zoë Ångström") != std::string::npos);
    BOOST_TEST(list.out.find("1990-04-02") != std::string::npos);
    BOOST_TEST(list.out.find("1 of 1 client(s)") != std::string::npos);
}

MYODESK_DB_TEST(json_output_uses_the_models_field_names) {
    const auto id =
        AddClient(test_db, {"--given", "Robert'); DROP TABLE clients;--", "--family", "O'Brien",
                            "--phone", "+44 20 7946 0958", "--notes", std::string(10000, 'n')});
    const auto shown = Cli(test_db, {"clients", "show", std::to_string(id), "--json"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    const auto client = nlohmann::json::parse(shown.out);
    BOOST_TEST(client["id"].get<std::int64_t>() == id);
    BOOST_TEST(client["given_name"].get<std::string>() == "Robert'); DROP TABLE clients;--");
    BOOST_TEST(client["family_name"].get<std::string>() == "O'Brien");
    BOOST_TEST(client["date_of_birth"].is_null());
    BOOST_TEST(client["notes"].get<std::string>().size() == 10000u);
    BOOST_TEST(client["archived"].get<bool>() == false);
    BOOST_TEST(client["version"].get<int>() == 1);
    for (const char* field :
         {"preferred_name", "phone", "email", "address", "emergency_contact_name",
          "emergency_contact_phone", "physician", "referral_source", "created_at", "updated_at"}) {
        BOOST_TEST(client.contains(field), field);
    }

    const auto found = Cli(test_db, {"--json", "clients", "search", "o'b"});
    BOOST_TEST_REQUIRE(found.code == 0, found.err);
    const auto rows = nlohmann::json::parse(found.out);
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0]["id"].get<std::int64_t>() == id);
    BOOST_TEST(
        nlohmann::json::parse(Cli(test_db, {"clients", "search", "zz", "--json"}).out).empty());
}

MYODESK_DB_TEST(archive_hides_from_list_and_restore_returns) {
    const auto ann = AddClient(test_db, {"--given", "Ann", "--family", "Smith"});
    AddClient(test_db, {"--given", "Bob", "--family", "Stone"});
    BOOST_TEST(Cli(test_db, {"clients", "archive", std::to_string(ann)}).code == 0);
    const auto active = nlohmann::json::parse(Cli(test_db, {"clients", "list", "--json"}).out);
    BOOST_TEST_REQUIRE(active.size() == 1u);
    BOOST_TEST(active[0]["given_name"].get<std::string>() == "Bob");
    const auto archived =
        nlohmann::json::parse(Cli(test_db, {"clients", "list", "--archived", "--json"}).out);
    BOOST_TEST_REQUIRE(archived.size() == 1u);
    BOOST_TEST(archived[0]["archived"].get<bool>());
    BOOST_TEST(Cli(test_db, {"clients", "restore", std::to_string(ann)}).code == 0);
    BOOST_TEST(nlohmann::json::parse(Cli(test_db, {"clients", "list", "--json"}).out).size() == 2u);
}

MYODESK_DB_TEST(list_pages_with_limit_and_offset) {
    for (int i = 0; i < 7; ++i) {
        AddClient(test_db, {"--given", "Runner", "--family", fmt::format("F{}", i)});
    }
    const auto page = nlohmann::json::parse(
        Cli(test_db, {"clients", "list", "--limit", "3", "--offset", "5", "--json"}).out);
    BOOST_TEST_REQUIRE(page.size() == 2u);
    BOOST_TEST(page[0]["family_name"].get<std::string>() == "F5");
    BOOST_TEST(page[1]["family_name"].get<std::string>() == "F6");
}

MYODESK_DB_TEST(update_changes_fields_and_empty_clears) {
    const auto id = AddClient(test_db, {"--given", "Ann", "--family", "Smith", "--dob",
                                        "1980-01-01", "--phone", "0123 456 789"});
    const auto result = Cli(test_db, {"clients", "update", std::to_string(id), "--family",
                                      "Smith-Jones", "--dob", "", "--phone", "", "--json"});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    const auto client = nlohmann::json::parse(result.out);
    BOOST_TEST(client["family_name"].get<std::string>() == "Smith-Jones");
    BOOST_TEST(client["date_of_birth"].is_null());
    BOOST_TEST(client["phone"].get<std::string>().empty());
    BOOST_TEST(client["version"].get<int>() == 2);
}

MYODESK_DB_TEST(invalid_input_names_the_field_and_saves_nothing) {
    auto result = Cli(test_db, {"clients", "add", "--given", "Ann", "--email", "ann-at-example",
                                "--dob", "2999-01-01"});
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("email") != std::string::npos);
    BOOST_TEST(result.err.find("date_of_birth: the date is in the future") != std::string::npos);
    result = Cli(test_db, {"clients", "add", "--family", "Smith", "--dob", "1980-02-30"});
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("date_of_birth") != std::string::npos);
    result = Cli(test_db, {"clients", "add", "--phone", "555 0100"});
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("given_name") != std::string::npos);
    BOOST_TEST(Cli(test_db, {"clients", "list", "--all", "--json"}).out == "[]\n");
}

MYODESK_DB_TEST(unknown_ids_are_not_found) {
    BOOST_TEST(Cli(test_db, {"clients", "show", "424242"}).code == 4);
    BOOST_TEST(Cli(test_db, {"clients", "archive", "424242"}).code == 4);
    BOOST_TEST(Cli(test_db, {"clients", "update", "424242", "--given", "X"}).code == 4);
}

MYODESK_DB_TEST(db_info_reports_the_schema) {
    const auto info = Cli(test_db, {"db", "info", "--json"});
    BOOST_TEST_REQUIRE(info.code == 0, info.err);
    const auto json = nlohmann::json::parse(info.out);
    BOOST_TEST(json["schema_version"].get<int>() == json["app_schema_version"].get<int>());
    BOOST_TEST(json["backend"].get<std::string>() ==
               (test_db.GetBackend() == db::Backend::kSqlite ? "SQLite" : "PostgreSQL"));
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2, *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
             {},
             {"clients"},
             {"clients", "frobnicate"},
             {"clients", "show"},
             {"clients", "show", "abc"},
             {"clients", "show", "1", "2"},
             {"clients", "list", "--given", "Ann"},
             {"clients", "add", "--shoe-size", "9"},
             {"clients", "list", "--limit", "many"},
             {"clients", "add", "--given"},
             {"", "--", "db"},  // found by fuzz_cli_args: aborted with std::out_of_range
         }) {
        BOOST_TEST(app::RunCli(words, out, err) == 2, fmt::format("{}", fmt::join(words, " ")));
    }
}

// Each command and group prints its own help (exit 0, no database opened); the overview
// lists every group.
BOOST_AUTO_TEST_CASE(every_command_prints_its_own_help, *boost::unit_test::label("pure")) {
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases{
        {{"--help"},
         {"Usage: myodesk-cli", "clients", "intake", "staff", "notes", "training", "plan",
          "settings", "report", "export", "demo", "db", "--db", "--json",
          "Exit codes: 0 ok, 2 usage"}},
        {{"help"}, {"Usage: myodesk-cli", "Exit codes"}},
        {{"clients", "--help"}, {"Usage: myodesk-cli clients", "add", "search", "archive"}},
        {{"clients", "show", "--help"}, {"Usage: myodesk-cli clients show", "CLIENT_ID"}},
        {{"clients", "add", "--help"}, {"--given", "--from-intake", "--physician", "--dob"}},
        {{"--db", "/nonexistent/x.sqlite", "notes", "amend", "--help"},
         {"Usage: myodesk-cli notes amend", "--by", "--section", "--reason", "--text"}},
        {{"plan", "accept", "--help"},
         {"CLIENT_ID", "DATE", "--therapist", "--time", "--duration"}},
        {{"report", "client", "--help"}, {"--physician", "--paper", "--out"}},
        {{"export", "sessions", "-h"}, {"--from", "--to", "--out"}},
        {{"demo", "--help"}, {"--clients", "--years", "--seed", "--today"}},
        {{"db", "info", "--help"}, {"Usage: myodesk-cli db info"}},
    };
    for (const auto& [words, expected] : cases) {
        std::ostringstream out, err;
        const auto what = fmt::format("{}", fmt::join(words, " "));
        BOOST_TEST(app::RunCli(words, out, err) == 0, what << ": " << err.str());
        BOOST_TEST(err.str().empty(), what << ": " << err.str());
        for (const auto& part : expected) {
            BOOST_TEST(out.str().find(part) != std::string::npos, what << " misses " << part
                                                                       << ":\n"
                                                                       << out.str());
        }
    }
    // A command's help is its own, not the overview.
    std::ostringstream out, err;
    app::RunCli({"staff", "add", "--help"}, out, err);
    BOOST_TEST(out.str().find("Exit codes") == std::string::npos, out.str());
    BOOST_TEST(out.str().find("--role") != std::string::npos, out.str());
}

// A command line that is wrong exits 2 before anything is read or written, and says which
// command's help to read.
BOOST_AUTO_TEST_CASE(usage_errors_name_the_command, *boost::unit_test::label("pure")) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"clients", "show", "1", "--shoe-size", "9"}, "myodesk-cli clients show --help"},
        {{"notes", "sign", "3"}, "--by"},
        {{"plan", "accept", "1", "2026-01-05", "--therapist", "1"}, "--time"},
        {{"clients", "add", "--given"}, "--given"},
        {{"export", "clients", "--archived", "--all", "--out", "clients.csv"}, "--all"},
        {{"clients", "add", "--from-intake", "intake.json", "--given", "Ann"}, "--given"},
        {{"training", "add", "1", "--date", "2026-01-05", "--type", "easy", "--km", "5", "--mi",
          "3"},
         "--mi"},
        {{"plan", "frobnicate"}, "frobnicate"},
        // The unknown word is the command itself, not the group's (said "'clients x'").
        {{"x", "clients", "list"}, "unknown command 'x'"},
        {{"", "clients"}, "unknown command ''"},
        {{"clients", "show", "abc"}, "'abc' is not a client id"},
        {{"notes", "list", "1", "--limit", "-3"}, "--limit"},
    };
    for (const auto& [words, expected] : cases) {
        std::ostringstream out, err;
        const auto what = fmt::format("{}", fmt::join(words, " "));
        BOOST_TEST(app::RunCli(words, out, err) == 2, what << ": " << err.str());
        BOOST_TEST(out.str().empty(), what);
        BOOST_TEST(err.str().find(expected) != std::string::npos, what << ": " << err.str());
    }
}

BOOST_AUTO_TEST_CASE(an_unreachable_database_exits_5, *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    BOOST_TEST(app::RunCli({"--db", "host=127.0.0.1 port=1 dbname=none connect_timeout=2",
                            "clients", "list"},
                           out, err) == 5);
    BOOST_TEST(err.str().find("Cannot open the database") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_binary_works_from_a_shell, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const auto version = Shell("--version");
    BOOST_TEST(version.code == 0);
    BOOST_TEST(version.out.rfind("myodesk-cli ", 0) == 0u);
    BOOST_TEST(Shell("--help").out.find("Exit codes") != std::string::npos);
    const std::string db = fmt::format("--db '{}'", test_db.Location());
    const auto added = Shell(db + " clients add --given 'Conor' --family \"O'Brien\"");
    BOOST_TEST(added.code == 0);
    BOOST_TEST(Shell(db + " clients list").out.find("Conor O'Brien") != std::string::npos);
    BOOST_TEST(Shell(db + " clients show 999").code == 4);
    BOOST_TEST(Shell(db + " clients add --email x").code == 3);
    BOOST_TEST(Shell("bogus").code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
