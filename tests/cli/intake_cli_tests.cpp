#include "cli.h"
#include "cli_test_support.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/intake_json.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <fstream>
#include <functional>
#include <sstream>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;
using test::ReadText;
using test::TempFile;

namespace {

const std::string kExamplePath = std::string(MYODESK_DOCS_DIR) + "/examples/intake-example.json";
const std::string kFormatPath = std::string(MYODESK_DOCS_DIR) + "/intake-format.md";

json Example() {
    return json::parse(ReadText(kExamplePath));
}

// The example without its client: the intake as the exchange format writes it.
json ExampleIntake() {
    json intake = Example();
    intake.erase("client");
    return intake;
}

// The intake part of `intake show --json` (without what storage and screening add).
json ExchangePart(json shown) {
    for (const char* key : {"id", "client_id", "created_at", "flags"}) {
        shown.erase(key);
    }
    return shown;
}

std::int64_t AddClient(const test::TestDatabase& database) {
    return test::AddClientWithCli(database, {"--given", "Siobhán", "--family", "O'Brien"});
}

// Imports `document` for the client through standard input; returns the intake id.
std::int64_t Import(const test::TestDatabase& database, std::int64_t client, const json& document) {
    const auto result =
        Cli(database, {"intake", "import", std::to_string(client), "-"}, document.dump());
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

json ShowJson(const test::TestDatabase& database, std::int64_t client,
              std::vector<std::string> options = {}) {
    std::vector<std::string> words{"intake", "show", std::to_string(client), "--json"};
    words.insert(words.end(), options.begin(), options.end());
    const auto result = Cli(database, words);
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return json::parse(result.out);
}

int CountRows(const test::TestDatabase& database, const std::string& table) {
    auto session = database.Open();
    int count = -1;
    db::SociSession(session) << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
}

// The flags of the example on its intake date: the sprained ankle (local, a week), the
// varicose veins (local, no end), the NSAID (modify).
const json kExampleFlagsOnTakenOn = json::parse(R"([
  {"level": "local", "code": "varicose_veins", "region": "calves", "side": "right",
   "until": null, "physician_clearance": false},
  {"level": "local", "code": "acute_injury", "region": "ankles", "side": "left",
   "until": "2025-03-12", "physician_clearance": false},
  {"level": "modify", "code": "pain_masking_medication", "region": null, "side": null,
   "until": null, "physician_clearance": false}
])");

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_cli_tests)

// The document embeds the example file verbatim, so the two cannot drift apart, and the
// example is a valid document in the exchange format's own form.
BOOST_AUTO_TEST_CASE(the_format_document_embeds_the_example, *boost::unit_test::label("pure")) {
    const std::string example = ReadText(kExamplePath);
    const std::string format = ReadText(kFormatPath);
    BOOST_TEST(format.find("```json\n" + example + "```") != std::string::npos,
               "docs/intake-format.md must contain docs/examples/intake-example.json verbatim");
    const auto parsed = core::IntakeFromJson(json::parse(example));
    BOOST_TEST(parsed.problems.empty());
    BOOST_TEST(parsed.client.has_value());
    BOOST_TEST(json(core::IntakeToJson(parsed.intake)) == ExampleIntake());
}

MYODESK_DB_TEST(imports_the_documented_example_and_shows_its_flags) {
    const auto client = AddClient(test_db);
    const TempFile file("intake.json", ReadText(kExamplePath));
    const auto imported = Cli(test_db, {"intake", "import", std::to_string(client), file.Path()});
    BOOST_TEST_REQUIRE(imported.code == 0, imported.err);
    const auto intake_id = std::stoll(imported.out);
    BOOST_TEST(intake_id > 0);
    BOOST_TEST(imported.err.find("\"client\" object was not used") != std::string::npos);

    const auto shown = ShowJson(test_db, client, {"--on", "2025-03-10"});
    BOOST_TEST(shown["id"].get<std::int64_t>() == intake_id);
    BOOST_TEST(shown["client_id"].get<std::int64_t>() == client);
    BOOST_TEST(shown["flags"] == kExampleFlagsOnTakenOn, shown["flags"].dump(2));
    // Exported again, it is the same document.
    BOOST_TEST(ExchangePart(shown) == ExampleIntake(), ExchangePart(shown).dump(2));

    // A week after the sprain its flag has ended; the others stay.
    const auto later = ShowJson(test_db, client, {"--on", "2025-03-13"});
    json expected = kExampleFlagsOnTakenOn;
    expected.erase(1);
    BOOST_TEST(later["flags"] == expected, later["flags"].dump(2));

    // --json on import prints the stored intake.
    const auto again = Cli(test_db, {"intake", "import", std::to_string(client), "-", "--json"},
                           ExampleIntake().dump());
    BOOST_TEST_REQUIRE(again.code == 0, again.err);
    const auto stored = json::parse(again.out);
    BOOST_TEST(stored["id"].get<std::int64_t>() > intake_id);
    BOOST_TEST(ExchangePart(stored) == ExampleIntake());
    BOOST_TEST(again.err.empty());  // no client object, no note
}

MYODESK_DB_TEST(show_prints_a_readable_summary) {
    const auto client = AddClient(test_db);
    json document = ExampleIntake();
    Import(test_db, client, document);
    auto shown = Cli(test_db, {"intake", "show", std::to_string(client), "--on", "2025-03-10"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    const std::string& text = shown.out;
    for (const char* expected : {
             "Taken on:           2025-03-10\n",
             "Flags on 2025-03-10:\n",
             "  Avoid area         Varicose veins (right calf): avoid this area\n",
             "  Avoid area         Acute injury (left ankle) until 2025-03-12: avoid this area\n",
             "  Modify             Pain-masking medication: lighter pressure, no deep tissue\n",
             "  left hamstring          pain 6/10\n",
             "  Medication:       Ibuprofen 400 mg, as needed — Anti-inflammatory (NSAID)\n",
             "  Injury:           2025-03-06 acute left ankle: Inversion sprain",
             "  Goal race:        Rotterdam Marathon, 2025-04-13, 42.2 km, A personal best\n",
             "  Weekly distance:  62 km\n",
             "Pressure:           Firm\n",
             "Consent:            accepted, signed \"Siobhán O'Brien\" on 2025-03-10\n",
         }) {
        BOOST_TEST(text.find(expected) != std::string::npos, "missing: " << expected << text);
    }
    BOOST_TEST(text.find("over a year old") == std::string::npos);

    // A client who reads miles sees miles; a year and a day later the intake is outdated.
    document["runner"]["units"] = "mi";
    Import(test_db, client, document);
    shown = Cli(test_db, {"intake", "show", std::to_string(client), "--on", "2026-03-11"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    BOOST_TEST(shown.out.find("Rotterdam Marathon, 2025-04-13, 26.2 mi") != std::string::npos,
               shown.out);
    BOOST_TEST(shown.out.find("  Weekly distance:  38.5 mi\n") != std::string::npos, shown.out);
    BOOST_TEST(shown.out.find("2025-03-10 (over a year old") != std::string::npos, shown.out);
    BOOST_TEST(shown.out.find("Flags on 2026-03-11:\n") != std::string::npos, shown.out);
    BOOST_TEST(shown.out.find("Acute injury") == std::string::npos);
}

MYODESK_DB_TEST(history_lists_versions_newest_first) {
    const auto client = AddClient(test_db);
    const auto other = AddClient(test_db);
    json document = ExampleIntake();
    const auto first = Import(test_db, client, document);
    document["taken_on"] = "2026-01-05";
    document["soreness"] = json::array();
    const auto second = Import(test_db, client, document);
    document["taken_on"] = "2025-09-01";  // entered last, taken between the two
    const auto third = Import(test_db, client, document);
    const auto others = Import(test_db, other, document);

    const auto history = Cli(test_db, {"intake", "history", std::to_string(client), "--json"});
    BOOST_TEST_REQUIRE(history.code == 0, history.err);
    const auto versions = json::parse(history.out);
    BOOST_TEST_REQUIRE(versions.size() == 3u);
    BOOST_TEST(versions[0]["id"].get<std::int64_t>() == second);
    BOOST_TEST(versions[0]["taken_on"] == "2026-01-05");
    BOOST_TEST(versions[1]["id"].get<std::int64_t>() == third);
    BOOST_TEST(versions[2]["id"].get<std::int64_t>() == first);
    BOOST_TEST(versions[2]["taken_on"] == "2025-03-10");
    BOOST_TEST(versions[2]["created_at"].get<std::string>().size() == 20u);

    const auto text = Cli(test_db, {"intake", "history", std::to_string(client)});
    BOOST_TEST(text.out.find(fmt::format("{:>8}  2026-01-05  ", second)) <
               text.out.find(fmt::format("{:>8}  2025-03-10  ", first)));

    // show picks the newest by default, or the version asked for, unchanged.
    BOOST_TEST(ShowJson(test_db, client)["id"].get<std::int64_t>() == second);
    const auto old = ShowJson(test_db, client, {"--intake", std::to_string(first)});
    BOOST_TEST(ExchangePart(old) == ExampleIntake());
    BOOST_TEST(
        Cli(test_db, {"intake", "show", std::to_string(client), "--intake", std::to_string(others)})
            .code == 4);
    BOOST_TEST(
        Cli(test_db, {"intake", "history", "--json", std::to_string(AddClient(test_db))}).out ==
        "[]\n");
}

MYODESK_DB_TEST(refuses_invalid_documents_naming_the_field) {
    const auto client = AddClient(test_db);
    const std::string id = std::to_string(client);
    struct Case {
        const char* what;
        std::function<void(json&)> change;
        const char* field;
    };
    const std::vector<Case> cases{
        {"unknown region code", [](json& d) { d["soreness"][0]["region"] = "knees"; },
         "soreness[0].region: not a known code"},
        {"impossible date", [](json& d) { d["taken_on"] = "2025-02-30"; }, "taken_on: not a date"},
        {"pain 11", [](json& d) { d["soreness"][1]["pain"] = 11; },
         "soreness[1].pain: must be between 0 and 10"},
        {"missing consent", [](json& d) { d.erase("consent"); }, "consent.accepted: consent"},
        {"consent not accepted", [](json& d) { d["consent"]["accepted"] = false; },
         "consent.accepted"},
        {"misspelt field", [](json& d) { d["runner"]["weekly_km"] = 40; }, "runner.weekly_km"},
        {"future injury", [](json& d) { d["health"]["injuries"][0]["date"] = "2099-01-01"; },
         "health.injuries[0].date: the date is in the future"},
    };
    for (const auto& c : cases) {
        json document = ExampleIntake();
        c.change(document);
        const auto result = Cli(test_db, {"intake", "import", id, "-"}, document.dump());
        BOOST_TEST(result.code == 3, c.what);
        BOOST_TEST(result.err.find(c.field) != std::string::npos, c.what << ": " << result.err);
        BOOST_TEST(result.err.find("nothing was saved") != std::string::npos, c.what);
    }
    // Every problem is listed, not only the first.
    json document = ExampleIntake();
    document["soreness"][0]["pain"] = 11;
    document["soreness"][1]["region"] = "knees";
    const auto both = Cli(test_db, {"intake", "import", id, "-"}, document.dump());
    BOOST_TEST(both.code == 3);
    BOOST_TEST(both.err.find("soreness[1].region") != std::string::npos, both.err);

    // Not JSON at all: the parser's message and the file's name.
    const TempFile broken("broken.json", R"({"taken_on": "2025-03-10",})");
    const auto syntax = Cli(test_db, {"intake", "import", id, broken.Path()});
    BOOST_TEST(syntax.code == 3);
    BOOST_TEST(syntax.err.find(broken.Path() + " is not valid JSON") != std::string::npos,
               syntax.err);
    BOOST_TEST(syntax.err.find("parse error at line 1") != std::string::npos, syntax.err);
    BOOST_TEST(Cli(test_db, {"intake", "import", id, "/no/such/intake.json"}).code == 3);

    BOOST_TEST(CountRows(test_db, "intakes") == 0);
    BOOST_TEST(Cli(test_db, {"intake", "history", id, "--json"}).out == "[]\n");
}

MYODESK_DB_TEST(from_intake_creates_the_client_and_its_first_intake) {
    const TempFile file("new-client.json", ReadText(kExamplePath));
    const auto added = Cli(test_db, {"clients", "add", "--from-intake", file.Path()});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto client = std::stoll(added.out);

    const auto shown_client = Cli(test_db, {"clients", "show", std::to_string(client), "--json"});
    const auto client_json = json::parse(shown_client.out);
    BOOST_TEST(client_json["given_name"] == "Siobhán");
    BOOST_TEST(client_json["family_name"] == "O'Brien");
    BOOST_TEST(client_json["date_of_birth"] == "1988-02-29");
    BOOST_TEST(client_json["physician"] == "Dr. Aoife Ní Bhriain");

    const auto intake = ShowJson(test_db, client, {"--on", "2025-03-10"});
    BOOST_TEST(ExchangePart(intake) == ExampleIntake());
    BOOST_TEST(intake["flags"] == kExampleFlagsOnTakenOn);

    // --json: the client, with its intake.
    const auto again =
        Cli(test_db, {"--json", "clients", "add", "--from-intake", "-"}, ReadText(kExamplePath));
    BOOST_TEST_REQUIRE(again.code == 0, again.err);
    const auto both = json::parse(again.out);
    BOOST_TEST(both["id"].get<std::int64_t>() != client);
    BOOST_TEST(both["intake"]["client_id"] == both["id"]);
    BOOST_TEST(ExchangePart(both["intake"]) == ExampleIntake());
}

MYODESK_DB_TEST(from_intake_saves_neither_when_either_is_refused) {
    const auto refused = [&](const json& document) {
        return Cli(test_db, {"clients", "add", "--from-intake", "-"}, document.dump());
    };
    json document = Example();
    document["client"]["email"] = "siobhan-at-example";
    document["client"]["date_of_birth"] = "1988-02-30";
    document["soreness"][0]["pain"] = 11;
    auto result = refused(document);
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("client.date_of_birth: not a date") != std::string::npos,
               result.err);

    document = Example();
    document["client"]["email"] = "siobhan-at-example";
    document["soreness"][0]["pain"] = 11;
    result = refused(document);
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("client.email: not an email") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("soreness[0].pain") != std::string::npos, result.err);

    document = Example();
    document["consent"]["accepted"] = false;  // a valid client, an invalid intake
    result = refused(document);
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("consent.accepted") != std::string::npos, result.err);

    result = refused(ExampleIntake());  // no client object
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("client: a value is required") != std::string::npos, result.err);

    document = Example();
    document["client"] = json::object();  // a client with no name
    result = refused(document);
    BOOST_TEST(result.code == 3);
    BOOST_TEST(result.err.find("client.given_name") != std::string::npos, result.err);

    // Storage fails after the client row was written: the client goes too.
    {
        auto database = test_db.Open();
        db::SociSession(database) << "DROP TABLE intake_avoid_regions";
    }
    result = refused(Example());
    BOOST_TEST(result.code == 5, result.err);

    BOOST_TEST(CountRows(test_db, "clients") == 0);
    BOOST_TEST(CountRows(test_db, "intakes") == 0);
    BOOST_TEST(Cli(test_db, {"clients", "list", "--all", "--json"}).out == "[]\n");
}

MYODESK_DB_TEST(unknown_clients_and_missing_intakes_are_not_found) {
    const auto example = ExampleIntake().dump();
    BOOST_TEST(Cli(test_db, {"intake", "show", "424242"}).code == 4);
    BOOST_TEST(Cli(test_db, {"intake", "history", "424242"}).code == 4);
    BOOST_TEST(Cli(test_db, {"intake", "import", "424242", "-"}, example).code == 4);
    const auto client = AddClient(test_db);
    const auto none = Cli(test_db, {"intake", "show", std::to_string(client)});
    BOOST_TEST(none.code == 4);
    BOOST_TEST(none.err.find("has no intake yet") != std::string::npos, none.err);
    BOOST_TEST(
        Cli(test_db, {"intake", "show", std::to_string(client), "--intake", "424242"}).code == 4);
    BOOST_TEST(CountRows(test_db, "intakes") == 0);
}

BOOST_AUTO_TEST_CASE(intake_usage_errors, *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
             {"intake"},
             {"intake", "import", "1"},
             {"intake", "import", "x", "file.json"},
             {"intake", "show"},
             {"intake", "show", "1", "--intake"},
             {"intake", "show", "1", "--intake", "first"},
             {"intake", "show", "1", "--from-intake", "a.json"},
             {"intake", "history", "1", "--on", "2025-01-01"},
             {"clients", "add", "--from-intake", "a.json", "--given", "Ann"},
             {"clients", "show", "1", "--on", "2025-01-01"},
         }) {
        BOOST_TEST(app::RunCli(words, out, err) == 2, fmt::format("{}", fmt::join(words, " ")));
    }
    std::istringstream in;
    BOOST_TEST(app::RunCli({"intake", "show", "1", "--on", "2025-13-01"}, in, out, err) == 3);
    // --version prints the program's version.
    std::ostringstream version;
    BOOST_TEST(app::RunCli({"--version"}, in, version, err) == 0);
    BOOST_TEST(version.str().rfind("myodesk-cli ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_binary_imports_from_standard_input, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const std::string db = fmt::format("--db '{}'", test_db.Location());
    const auto added =
        test::RunShell(fmt::format("{} clients add --from-intake '{}'", db, kExamplePath));
    BOOST_TEST_REQUIRE(added.code == 0, added.out);
    const auto imported = test::RunShell(
        fmt::format("{} intake import {} - < '{}'", db, std::stoll(added.out), kExamplePath));
    BOOST_TEST(imported.code == 0, imported.out);
    const auto shown = test::RunShell(fmt::format("{} intake show 1 --on 2025-03-10", db));
    BOOST_TEST(shown.code == 0);
    BOOST_TEST(shown.out.find("Acute injury (left ankle) until 2025-03-12") != std::string::npos,
               shown.out);
    BOOST_TEST(test::RunShell(db + " intake show 999").code == 4);
}

BOOST_AUTO_TEST_SUITE_END()
