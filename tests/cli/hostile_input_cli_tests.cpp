// Hostile documents and options: every refusal is exit 3 with the field's path, nothing is
// saved, on SQLite and PostgreSQL alike; and nothing the CLI prints carries a raw control
// character to the terminal.

#include "cli_test_support.h"
#include "soci_session.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <functional>
#include <string>
#include <vector>

using namespace myodesk;
using test::Cli;
using test::CliResult;
using test::Contains;
using test::ReadText;
using test::TempFile;

namespace {

const std::string kDocs = std::string(MYODESK_DOCS_DIR) + "/examples/";

// True when the text has a byte a terminal acts on: C0 other than tab and line feed, DEL, or
// the UTF-8 of a C1 control.
bool HasRawControl(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F) {
            return true;
        }
        if (byte == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            return true;
        }
    }
    return false;
}

// The text with its first `from` replaced by `to` (which must be there).
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

int CountRows(const test::TestDatabase& database, const std::string& table) {
    auto session = database.Open();
    int count = -1;
    db::SociSession(session) << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
}

struct Case {
    const char* what;
    std::vector<std::string> words;  // the command; the document comes on standard input
    std::string document;
    std::string expected;  // in the message: the path and the reason
};

void ExpectRefused(const test::TestDatabase& database, const Case& c) {
    const auto result = Cli(database, c.words, c.document);
    BOOST_TEST(result.code == 3, c.what << ": " << result.err);
    BOOST_TEST(Contains(result.err, c.expected), c.what << ": " << result.err);
    BOOST_TEST(!HasRawControl(result.err), c.what);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input_cli_tests)

// 1e400 aborted the CLI (exit 134); duplicate keys, control characters, 0001-01-01, pregnancy
// weeks without a pregnancy and 100,000 identical entries were saved.
MYODESK_DB_TEST(hostile_documents_are_refused_with_the_path_and_nothing_is_saved) {
    const auto client =
        std::to_string(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Lee"}));
    BOOST_TEST_REQUIRE(Cli(test_db, {"staff", "add", "--name", "Bo", "--role", "therapist"}).code ==
                       0);
    const std::string intake = ReadText(kDocs + "intake-example.json");
    const std::string note = ReadText(kDocs + "session-example.json");
    const std::string training = ReadText(kDocs + "training-example.json");
    const std::vector<std::string> import_intake{"intake", "import", client, "-"};
    const std::vector<std::string> add_note{"notes", "add", client, "-"};
    const std::vector<std::string> import_training{"training", "import", client, "-"};
    const std::vector<std::string> from_intake{"clients", "add", "--from-intake", "-"};
    std::string many = "[";
    for (int i = 0; i < 100000; ++i) {
        many += (i == 0 ? "" : ",") + std::string(R"({"date": "2025-03-01", "type": "rest"})");
    }
    many += "]";

    const std::vector<Case> cases{
        {"1e400 in an intake", import_intake,
         Replaced(intake, "\"weekly_distance_km\": 62", "\"weekly_distance_km\": 1e400"),
         "runner.weekly_distance_km: the number is too large"},
        {"-1e309 in a new client's intake", from_intake,
         Replaced(intake, "\"weekly_distance_km\": 62", "\"weekly_distance_km\": -1e309"),
         "runner.weekly_distance_km: the number is too large"},
        {"1e400 in a note", add_note,
         Replaced(note, "\"duration_min\": 60", "\"duration_min\": 1e400"),
         "duration_min: the number is too large"},
        {"-1e309 in a training calendar", import_training,
         Replaced(training, "\"distance_mi\": 7.5", "\"distance_mi\": -1e309"),
         "entries[1].distance_mi: the number is too large"},
        {"consent given twice", import_intake,
         Replaced(intake, "\"accepted\": true", "\"accepted\": false, \"accepted\": true"),
         "consent.accepted: the key is given twice"},
        {"ESC in the signed name", import_intake,
         Replaced(intake, "\"signed_name\": \"", "\"signed_name\": \"\\u001b]0;owned\\u0007"),
         "consent.signed_name: contains"},
        {"NUL in the signed name", import_intake,
         Replaced(intake, "\"signed_name\": \"", "\"signed_name\": \"\\u0000"),
         "consent.signed_name: contains"},
        {"a right-to-left override in a note", add_note,
         Replaced(note, "\"plan\": \"", "\"plan\": \"\\u202e"), "plan: contains"},
        {"a note dated 0001-01-01", add_note,
         Replaced(note, "\"date\": \"2025-03-12\"", "\"date\": \"0001-01-01\""),
         "date: the date is too long ago"},
        {"a goal race on 9999-12-31", import_intake,
         Replaced(intake, "\"2025-04-13\"", "\"9999-12-31\""),
         "runner.goal_race.date: the date is too far ahead"},
        {"pregnancy weeks without a pregnancy", import_intake,
         Replaced(intake, "\"pregnant\": false,", "\"pregnant\": false, \"pregnancy_weeks\": 20,"),
         "health.pregnancy_weeks: pregnancy weeks are given but pregnant is not true"},
        {"100,000 identical training entries", import_training, many,
         "document: too many entries (at most 10000)"},
        {"a depth bomb", import_intake, std::string(100000, '['),
         "nested too deeply (at most 32 levels)"},
    };
    for (const Case& c : cases) {
        ExpectRefused(test_db, c);
    }
    BOOST_TEST(CountRows(test_db, "intakes") == 0);
    BOOST_TEST(CountRows(test_db, "session_notes") == 0);
    BOOST_TEST(CountRows(test_db, "training_entries") == 0);
    BOOST_TEST(CountRows(test_db, "clients") == 1);
}

MYODESK_DB_TEST(control_characters_in_options_are_refused_with_the_field) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"clients", "add", "--given", "Ann\x1b]0;owned\x07"}, "given_name: contains"},
        {{"clients", "add", "--given", std::string("Ann\0Lee", 7)}, "given_name: contains"},
        {{"clients", "add", "--given", "Ann", "--physician", "Dr \u202eLee"},
         "physician: contains"},
        {{"clients", "add", "--given", "Ann", "--notes", "fine\n\x1b[2J"}, "notes: contains"},
        {{"staff", "add", "--name", "Bo\x7f", "--role", "therapist"}, "name: contains"},
    };
    for (const auto& [words, expected] : cases) {
        const auto result = Cli(test_db, words);
        BOOST_TEST(result.code == 3, result.err);
        BOOST_TEST(Contains(result.err, expected), result.err);
        BOOST_TEST(!HasRawControl(result.err));
    }
    BOOST_TEST(CountRows(test_db, "clients") == 0);
    BOOST_TEST(CountRows(test_db, "staff") == 0);
    // Tabs and line breaks where a field takes lines are fine.
    const auto notes = Cli(test_db, {"clients", "add", "--given", "Ann", "--notes", "one\n\ttwo"});
    BOOST_TEST(notes.code == 0, notes.err);
}

// A name stored before these checks (an old row) is shown, not acted on by the terminal.
MYODESK_DB_TEST(stored_control_characters_never_reach_the_terminal_raw) {
    const auto id = test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Lee"});
    {
        auto session = test_db.Open();
        const std::string given = "Ann\x1b]0;owned\x07\u202e";
        const std::string family = "Lee\x7f\u009b2J";
        db::SociSession(session) << "UPDATE clients SET given_name = :given, family_name = :family "
                                    "WHERE id = :id",
            soci::use(given), soci::use(family), soci::use(id);
    }
    const auto shown = Cli(test_db, {"clients", "show", std::to_string(id)});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    BOOST_TEST(!HasRawControl(shown.out), shown.out);
    BOOST_TEST(Contains(shown.out, "Ann\\u{1b}]0;owned\\u{7}\\u{202e}"), shown.out);
    BOOST_TEST(Contains(shown.out, "Lee\\u{7f}\\u{9b}2J"), shown.out);
    const auto listed = Cli(test_db, {"clients", "list"});
    BOOST_TEST_REQUIRE(listed.code == 0, listed.err);
    BOOST_TEST(!HasRawControl(listed.out), listed.out);
    BOOST_TEST(Contains(listed.out, "\\u{1b}"), listed.out);

    // --json: still valid JSON with the same text, only escaped.
    const auto as_json = Cli(test_db, {"clients", "show", std::to_string(id), "--json"});
    BOOST_TEST_REQUIRE(as_json.code == 0, as_json.err);
    BOOST_TEST(!HasRawControl(as_json.out), as_json.out);
    const auto client = nlohmann::json::parse(as_json.out);
    BOOST_TEST(client["given_name"] == "Ann\x1b]0;owned\x07\u202e");
    BOOST_TEST(client["family_name"] == "Lee\x7f\u009b2J");

    // A message quoting what the user typed.
    const auto bad_date =
        Cli(test_db, {"training", "list", std::to_string(id), "--from", "\x1b[2J"});
    BOOST_TEST(bad_date.code != 0);
    BOOST_TEST(!HasRawControl(bad_date.err), bad_date.err);
}

BOOST_AUTO_TEST_SUITE_END()
