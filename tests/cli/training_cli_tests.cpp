#include "cli.h"
#include "cli_test_support.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/training.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;
using test::Contains;
using test::ReadText;
using test::TempFile;

namespace {

const std::string kCsvExamplePath =
    std::string(MYODESK_DOCS_DIR) + "/examples/training-example.csv";
const std::string kJsonExamplePath =
    std::string(MYODESK_DOCS_DIR) + "/examples/training-example.json";
const std::string kFormatPath = std::string(MYODESK_DOCS_DIR) + "/training-format.md";
const std::string kIntakeExamplePath =
    std::string(MYODESK_DOCS_DIR) + "/examples/intake-example.json";

std::int64_t AddClient(const test::TestDatabase& database) {
    return test::AddClientWithCli(database, {"--given", "Joan", "--family", "Benoit"});
}

// The client's calendar as `training list --json` prints it.
json ListJson(const test::TestDatabase& database, std::int64_t client,
              std::vector<std::string> options = {}) {
    std::vector<std::string> words{"training", "list", std::to_string(client), "--json"};
    words.insert(words.end(), options.begin(), options.end());
    const auto result = Cli(database, words);
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return json::parse(result.out);
}

int CountEntries(const test::TestDatabase& database) {
    auto session = database.Open();
    int count = -1;
    db::SociSession(session) << "SELECT COUNT(*) FROM training_entries", soci::into(count);
    return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(training_cli_tests)

// The document embeds both example files verbatim, so they cannot drift apart, and both are
// calendars that are read without a problem.
BOOST_AUTO_TEST_CASE(the_format_document_embeds_the_examples, *boost::unit_test::label("pure")) {
    const std::string csv = ReadText(kCsvExamplePath);
    const std::string json_text = ReadText(kJsonExamplePath);
    const std::string format = ReadText(kFormatPath);
    BOOST_TEST(Contains(format, "```csv\n" + csv + "```"),
               "docs/training-format.md must contain docs/examples/training-example.csv verbatim");
    BOOST_TEST(Contains(format, "```json\n" + json_text + "```"),
               "docs/training-format.md must contain docs/examples/training-example.json verbatim");
    const auto from_csv = core::ParseTrainingDocument(csv);
    BOOST_TEST(from_csv.problems.empty());
    BOOST_TEST(from_csv.entries.size() == 14u);
    const auto from_json = core::ParseTrainingDocument(json_text);
    BOOST_TEST(from_json.problems.empty());
    BOOST_TEST(from_json.entries.size() == 7u);
    // The doc's sums: 21 mi is stored as 33.796224 km.
    BOOST_TEST(*from_json.entries.back().distance_km == core::MilesToKm(21));
}

MYODESK_DB_TEST(imports_the_documented_examples_and_lists_them) {
    const auto client = AddClient(test_db);
    const auto csv = Cli(test_db, {"training", "import", std::to_string(client), kCsvExamplePath});
    BOOST_TEST_REQUIRE(csv.code == 0, csv.err);
    BOOST_TEST(csv.out == "Imported 14 entries (14 new)\n");
    const auto json_import =
        Cli(test_db, {"training", "import", std::to_string(client), kJsonExamplePath});
    BOOST_TEST_REQUIRE(json_import.code == 0, json_import.err);
    BOOST_TEST(json_import.out == "Imported 7 entries (7 new)\n");

    const auto listed = ListJson(test_db, client);
    BOOST_REQUIRE(listed["entries"].size() == 21u);
    BOOST_TEST(listed["entries"][0] == json::parse(R"({"date": "2025-03-03", "type": "rest"})"));
    const json intervals{
        {"date", "2025-03-18"}, {"type", "intervals"}, {"distance_km", core::MilesToKm(7.5)}};
    BOOST_TEST(listed["entries"][15] == intervals, listed["entries"][15].dump());
    BOOST_TEST(listed["entries"][20]["date"] == "2025-03-23");

    // What MyoDesk printed imports again, replacing every day with itself.
    const auto again =
        Cli(test_db, {"training", "import", std::to_string(client), "-", "--json"}, listed.dump());
    BOOST_TEST_REQUIRE(again.code == 0, again.err);
    BOOST_TEST(json::parse(again.out) == json::parse(R"({"imported": 21, "new": 0})"));
    BOOST_TEST(ListJson(test_db, client) == listed);

    // --from and --to limit the days, both included.
    const auto week = ListJson(test_db, client, {"--from", "2025-03-10", "--to", "2025-03-16"});
    BOOST_TEST(week["entries"].size() == 7u);
    BOOST_TEST(week["entries"][0]["date"] == "2025-03-10");
}

MYODESK_DB_TEST(lists_distances_in_the_clients_units) {
    const auto client = AddClient(test_db);
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"training", "import", std::to_string(client), kCsvExamplePath}).code == 0);
    const auto in_km = Cli(test_db, {"training", "list", std::to_string(client)});
    BOOST_TEST_REQUIRE(in_km.code == 0, in_km.err);
    BOOST_TEST(Contains(in_km.out, "Training of Joan Benoit (client 1):\n"), in_km.out);
    BOOST_TEST(Contains(in_km.out, "  2025-03-09  Sunday     long run          30 km\n"),
               in_km.out);
    BOOST_TEST(Contains(in_km.out, "  2025-03-08  Saturday   easy run          6.5 km\n"),
               in_km.out);
    BOOST_TEST(Contains(in_km.out, "  2025-03-03  Monday     rest day\n"), in_km.out);
    BOOST_TEST(Contains(in_km.out, "\n14 entries\n"), in_km.out);

    // The newest intake says miles.
    json intake = json::parse(ReadText(kIntakeExamplePath));
    intake.erase("client");
    intake["runner"]["units"] = "mi";
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"intake", "import", std::to_string(client), "-"}, intake.dump()).code == 0);
    const auto in_miles = Cli(test_db, {"training", "list", std::to_string(client)});
    BOOST_TEST(Contains(in_miles.out, "  2025-03-09  Sunday     long run          18.6 mi\n"),
               in_miles.out);
    // JSON stays in km.
    BOOST_TEST(ListJson(test_db, client)["entries"][6]["distance_km"] == 30.0);
}

// A spreadsheet's 0 on a rest or cross day is no distance (issue 15: refused line by line).
MYODESK_DB_TEST(a_zero_distance_on_a_rest_or_cross_day_is_no_distance) {
    const auto client = AddClient(test_db);
    const TempFile file("week.csv",
                        "date,type,distance_km\n2025-03-09,long,30\n2025-03-10,rest,0\n"
                        "2025-03-11,cross,0\n");
    const auto imported = Cli(test_db, {"training", "import", std::to_string(client), file.Path()});
    BOOST_TEST_REQUIRE(imported.code == 0, imported.err);
    const auto listed = ListJson(test_db, client);
    BOOST_REQUIRE(listed["entries"].size() == 3u);
    BOOST_TEST(listed["entries"][1] == json::parse(R"({"date": "2025-03-10", "type": "rest"})"));
    BOOST_TEST(listed["entries"][2] == json::parse(R"({"date": "2025-03-11", "type": "cross"})"));
}

MYODESK_DB_TEST(a_bad_line_is_named_and_nothing_is_saved) {
    const auto client = AddClient(test_db);
    const std::string id = std::to_string(client);
    const TempFile file("week.csv",
                        "date,type,distance_km\r\n2025-03-09,long,30\r\n2025-03-10,rest,\r\n"
                        "2025-03-11,easy,0\r\n2025-03-12,sprint,5\r\n2025-03-13,easy\r\n");
    const auto refused = Cli(test_db, {"training", "import", id, file.Path()});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(refused.out.empty());
    BOOST_TEST(Contains(refused.err, "invalid input; nothing was saved"), refused.err);
    for (const char* expected : {
             "  line 5.type: not a known code, column or field name",
             "  line 6: not a row of the header's columns",
             "  line 4.distance_km: must be more than 0 and at most 400 km",
         }) {
        BOOST_TEST(Contains(refused.err, expected), "missing: " << expected << "\n" << refused.err);
    }
    BOOST_TEST(CountEntries(test_db) == 0);

    struct Case {
        std::string document;
        const char* expected;
    };
    const std::vector<Case> cases{
        {"date,type,distance_mi\n2025-03-09,long,300\n",
         "line 2.distance_mi: must be more than 0 and at most 248.5 mi"},
        {"date,type,distance_km\n2025-03-09,rest,5\n",
         "line 2.distance_km: a rest day has no distance"},
        {"date,type,distance_km\n2025-03-09,long,30\n2025-03-09,easy,5\n",
         "line 3.date: a second entry for the same day"},
        {"date,type,distance_km\n2025-02-29,long,30\n",
         "line 2.date: not a date; use the form YYYY-MM-DD"},
        {"date,type\n2025-03-09,long\n",
         "line 1.distance_km: the header row needs a distance_km or a distance_mi column"},
        {"date,type,distance_km,pace\n", "line 1.pace: not a known code, column or field name"},
        {"date,type,distance_km,distance_mi\n", "line 1.distance_mi: give distance_km or"},
        {"date,type,distance_km\n2025-03-09,easy,ten\n", "line 2.distance_km: not a number"},
        {"", "line 1: the file is empty"},
        {R"({"entries": [{"date": "2025-03-09", "type": "long"}, {"date": "2025-03-10", "type": "jog"}]})",
         "entries[1].type: not a known code"},
        {R"({"entries": [{"date": "2025-03-09", "type": "easy", "distance_km": "10"}]})",
         "entries[0].distance_km: has the wrong type"},
        {R"([{"date": "2025-03-09", "type": "easy", "pace": "5:00"}])",
         "[0].pace: not a known code, column or field name"},
        {R"({"entries": [{"date": "2025-03-09", "type": "rest", "distance_mi": 3}]})",
         "entries[0].distance_mi: a rest day has no distance"},
        {R"({"entries": [)", "standard input is not valid JSON"},
    };
    for (const auto& c : cases) {
        const auto result = Cli(test_db, {"training", "import", id, "-"}, c.document);
        BOOST_TEST(result.code == 3, c.document);
        BOOST_TEST(Contains(result.err, c.expected), c.expected << "\n" << result.err);
    }
    BOOST_TEST(CountEntries(test_db) == 0);

    const auto unreadable = Cli(test_db, {"training", "import", id, file.Path() + ".missing"});
    BOOST_TEST(unreadable.code == 3);
    BOOST_TEST(Contains(unreadable.err, "cannot read"), unreadable.err);
    BOOST_TEST(Cli(test_db, {"training", "import", "999", file.Path()}).code == 4);
}

MYODESK_DB_TEST(adds_replaces_and_removes_single_days) {
    const auto client = AddClient(test_db);
    const std::string id = std::to_string(client);
    const auto added = Cli(
        test_db, {"training", "add", id, "--date", "2025-03-23", "--type", "long", "--mi", "21"});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    BOOST_TEST(added.out == "Added 2025-03-23 long run 33.8 km for Joan Benoit (client 1)\n");
    const auto replaced = Cli(test_db, {"training", "add", id, "--date", "2025-03-23", "--type",
                                        "race", "--km", "42.195", "--json"});
    BOOST_TEST_REQUIRE(replaced.code == 0, replaced.err);
    BOOST_TEST(json::parse(replaced.out) ==
               json::parse(R"({"date": "2025-03-23", "type": "race", "distance_km": 42.195})"));
    const auto text =
        Cli(test_db, {"training", "add", id, "--date", "2025-03-23", "--type", "rest"});
    BOOST_TEST(text.out == "Replaced 2025-03-23 rest day for Joan Benoit (client 1)\n");
    BOOST_TEST(ListJson(test_db, client) ==
               json::parse(R"({"entries": [{"date": "2025-03-23", "type": "rest"}]})"));

    const auto rest_with_distance = Cli(
        test_db, {"training", "add", id, "--date", "2025-03-24", "--type", "rest", "--km", "3"});
    BOOST_TEST(rest_with_distance.code == 3);
    BOOST_TEST(Contains(rest_with_distance.err, "distance_km: a rest day has no distance"),
               rest_with_distance.err);
    const auto too_far = Cli(
        test_db, {"training", "add", id, "--date", "2025-03-24", "--type", "race", "--mi", "250"});
    BOOST_TEST(too_far.code == 3);
    BOOST_TEST(Contains(too_far.err, "distance_mi: must be more than 0 and at most 248.5 mi"),
               too_far.err);
    const auto bad_type =
        Cli(test_db, {"training", "add", id, "--date", "2025-03-24", "--type", "jog"});
    BOOST_TEST(bad_type.code == 3);
    BOOST_TEST(Contains(bad_type.err, "type: 'jog' is not a run type"), bad_type.err);
    BOOST_TEST(
        Cli(test_db, {"training", "add", id, "--date", "2025-03-24", "--type", "easy", "--km", "x"})
            .code == 3);
    BOOST_TEST(
        Cli(test_db, {"training", "add", id, "--date", "24/03/2025", "--type", "easy"}).code == 3);
    BOOST_TEST(CountEntries(test_db) == 1);

    const auto removed = Cli(test_db, {"training", "remove", id, "--date", "2025-03-23"});
    BOOST_TEST(removed.code == 0, removed.err);
    BOOST_TEST(removed.out == "Removed the training entry of 2025-03-23\n");
    const auto gone = Cli(test_db, {"training", "remove", id, "--date", "2025-03-23"});
    BOOST_TEST(gone.code == 4);
    BOOST_TEST(Contains(gone.err, "has no training entry on 2025-03-23"), gone.err);
    BOOST_TEST(CountEntries(test_db) == 0);
    BOOST_TEST(
        Cli(test_db, {"training", "add", "999", "--date", "2025-03-24", "--type", "easy"}).code ==
        4);
}

BOOST_AUTO_TEST_CASE(a_wrong_training_command_line_is_a_usage_error,
                     *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    for (const std::vector<std::string>& words : {
             std::vector<std::string>{"training", "import", "1"},
             {"training", "import", "1", "a.csv", "b.csv"},
             {"training", "import", "x", "a.csv"},
             {"training", "list"},
             {"training", "list", "1", "--date", "2025-03-09"},
             {"training", "add", "1", "--type", "easy"},
             {"training", "add", "1", "--date", "2025-03-09"},
             {"training", "add", "1", "--date", "2025-03-09", "--type", "easy", "--km", "5", "--mi",
              "3"},
             {"training", "remove", "1"},
             {"training", "remove", "1", "--to", "2025-03-09"},
             {"training", "delete", "1"},
         }) {
        BOOST_TEST(app::RunCli(words, out, err) == 2, fmt::format("{}", fmt::join(words, " ")));
    }
}

BOOST_AUTO_TEST_CASE(the_binary_imports_a_calendar_from_standard_input,
                     *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const std::string db = fmt::format("--db '{}'", test_db.Location());
    BOOST_TEST_REQUIRE(test::RunShell(db + " clients add --given Joan").code == 0);
    const auto imported =
        test::RunShell(fmt::format("{} training import 1 - < '{}'", db, kCsvExamplePath));
    BOOST_TEST(imported.code == 0, imported.out);
    BOOST_TEST(imported.out == "Imported 14 entries (14 new)\n");
    const TempFile bad("bad.csv", "date,type,distance_km\n2025-03-09,long,-1\n");
    const auto refused = test::RunShell(fmt::format("{} training import 1 '{}'", db, bad.Path()));
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.out, "line 2.distance_km"), refused.out);
    BOOST_TEST(test::RunShell(db + " training list 2").code == 4);
}

BOOST_AUTO_TEST_SUITE_END()
