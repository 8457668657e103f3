#include "cli.h"
#include "cli_test_support.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/session_json.h>
#include <myodesk/db/clock.h>

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
using test::Contains;
using test::ReadText;
using test::TempFile;

namespace {

const std::string kExamplePath = std::string(MYODESK_DOCS_DIR) + "/examples/session-example.json";
const std::string kFormatPath = std::string(MYODESK_DOCS_DIR) + "/session-format.md";

json Example() {
    return json::parse(ReadText(kExamplePath));
}

// The exchange part of `notes show --json` (without what storage adds).
json ExchangePart(json shown) {
    for (const char* key : {"id", "client_id", "signed_at", "signed_by", "amendments", "private"}) {
        shown.erase(key);
    }
    return shown;
}

std::int64_t AddClient(const test::TestDatabase& database) {
    return test::AddClientWithCli(database, {"--given", "Siobhán", "--family", "O'Brien"});
}

std::int64_t AddStaff(const test::TestDatabase& database, const std::string& name,
                      const std::string& role = "therapist") {
    const auto result = Cli(database, {"staff", "add", "--name", name, "--role", role});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

// Adds `document` for the client through standard input; returns the note id.
std::int64_t AddNote(const test::TestDatabase& database, std::int64_t client, const json& document,
                     std::vector<std::string> options = {}) {
    std::vector<std::string> words{"notes", "add", std::to_string(client), "-"};
    words.insert(words.end(), options.begin(), options.end());
    const auto result = Cli(database, words, document.dump());
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

json ShowJson(const test::TestDatabase& database, std::int64_t note) {
    const auto result = Cli(database, {"notes", "show", std::to_string(note), "--json"});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return json::parse(result.out);
}

json ListJson(const test::TestDatabase& database, std::vector<std::string> words) {
    words.push_back("--json");
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

}  // namespace

BOOST_AUTO_TEST_SUITE(notes_cli_tests)

// The document embeds the example file verbatim, so the two cannot drift apart, and the
// example is a valid note in the exchange format's own form.
BOOST_AUTO_TEST_CASE(the_format_document_embeds_the_example, *boost::unit_test::label("pure")) {
    const std::string example = ReadText(kExamplePath);
    const std::string format = ReadText(kFormatPath);
    BOOST_TEST(Contains(format, "```json\n" + example + "```"),
               "docs/session-format.md must contain docs/examples/session-example.json verbatim");
    const auto parsed = core::SessionNoteFromJson(json::parse(example));
    BOOST_TEST(parsed.problems.empty());
    BOOST_TEST(core::ValidateSessionNote(parsed.note, *core::ParseIsoDate("2025-03-12")).empty());
    BOOST_TEST(json(core::SessionNoteToJson(parsed.note)) == Example());
}

MYODESK_DB_TEST(adds_the_documented_example_and_shows_it) {
    const auto client = AddClient(test_db);
    BOOST_TEST_REQUIRE(AddStaff(test_db, "Máire Ní Dhomhnaill") == 1);  // the example's therapist
    const TempFile file("session.json", ReadText(kExamplePath));
    const auto added = Cli(test_db, {"notes", "add", std::to_string(client), file.Path()});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto id = std::stoll(added.out);
    BOOST_TEST(id > 0);
    // Saved, with a warning: the client has no intake, so nothing was screened.
    BOOST_TEST(Contains(added.err, "myodesk-cli: warning: client " + std::to_string(client) +
                                       " has no intake: contraindications were not screened"),
               added.err);

    const auto shown = ShowJson(test_db, id);
    BOOST_TEST(shown["id"].get<std::int64_t>() == id);
    BOOST_TEST(shown["client_id"].get<std::int64_t>() == client);
    BOOST_TEST(shown["signed_at"].is_null());
    BOOST_TEST(shown["signed_by"].is_null());
    BOOST_TEST(shown["amendments"] == json::array());
    // Exported again, it is the same document, and it can be added again as it is (for
    // another time: the same therapist cannot be in two sessions at once).
    BOOST_TEST(ExchangePart(shown) == Example(), ExchangePart(shown).dump(2));
    json again = shown;
    again["start_time"] = "18:30";
    const auto second =
        Cli(test_db, {"notes", "add", std::to_string(client), "-", "--json"}, again.dump());
    BOOST_TEST_REQUIRE(second.code == 0, second.err);
    const auto stored = json::parse(second.out);
    BOOST_TEST(stored["id"].get<std::int64_t>() > id);
    BOOST_TEST(stored["start_time"] == "18:30");
    BOOST_TEST(stored["regions"] == Example()["regions"]);

    const auto list = ListJson(test_db, {"notes", "list", std::to_string(client)});
    BOOST_REQUIRE(list.size() == 2u);
    const json expected_first = json::parse(fmt::format(
        R"({{"id": {}, "client_id": {}, "date": "2025-03-12", "start_time": "18:30",
            "duration_min": 60, "therapist_id": 1, "therapist_name": "Máire Ní Dhomhnaill",
            "techniques": ["trigger_point", "sports"],
            "regions": [{{"region": "hamstrings", "side": "left"}},
                        {{"region": "hamstrings", "side": "right"}},
                        {{"region": "glutes", "side": "bilateral"}},
                        {{"region": "calves", "side": "bilateral"}}],
            "is_signed": false, "amendment_count": 0}})",
        stored["id"].get<std::int64_t>(), client));
    BOOST_TEST(list[0] == expected_first, list[0].dump(2));
    BOOST_TEST(list[1]["id"].get<std::int64_t>() == id);

    const auto text = Cli(test_db, {"notes", "show", std::to_string(id)});
    BOOST_TEST_REQUIRE(text.code == 0, text.err);
    for (const char* expected : {
             "Session:            2025-03-12 17:30, 60 min, Prone\n",
             "Therapist:          Máire Ní Dhomhnaill (id 1)\n",
             "Signed:             not yet",
             "  Trigger point therapy   20 min\n",
             "  left hamstring          pressure 7 (firm), pain 6 -> 3\n",
             "  calves (both sides)     pressure 4 (medium)\n",
             "Subjective:\n  Both hamstrings tight since Sunday's 30 km long run",
             "Plan:\n  Next session in 7 days",
         }) {
        BOOST_TEST(Contains(text.out, expected), "missing: " << expected << "\n" << text.out);
    }
    const auto listed = Cli(test_db, {"notes", "list", std::to_string(client)});
    BOOST_TEST(Contains(listed.out, "2025-03-12  17:30   60 min  Máire Ní Dhomhnaill"), listed.out);
    BOOST_TEST(Contains(listed.out, "left hamstring, right hamstring, glutes (both sides)"));
    BOOST_TEST(Contains(listed.out, "UNSIGNED"));
    BOOST_TEST(Contains(listed.out, "2 of 2 note(s)"));
}

MYODESK_DB_TEST(the_therapist_option_overrides_the_document) {
    const auto client = AddClient(test_db);
    AddStaff(test_db, "Ann");
    const auto bo = AddStaff(test_db, "Bo");
    json document = Example();
    const auto id = AddNote(test_db, client, document, {"--therapist", std::to_string(bo)});
    BOOST_TEST(ShowJson(test_db, id)["therapist_id"].get<std::int64_t>() == bo);
    // Without a therapist in the document, --therapist is needed.
    document.erase("therapist_id");
    document["start_time"] = "08:00";
    const auto missing =
        Cli(test_db, {"notes", "add", std::to_string(client), "-"}, document.dump());
    BOOST_TEST(missing.code == 3);
    BOOST_TEST(Contains(missing.err, "therapist_id: a value is required"), missing.err);
    BOOST_TEST(AddNote(test_db, client, document, {"--therapist", std::to_string(bo)}) > id);
}

MYODESK_DB_TEST(refuses_invalid_notes_naming_the_field) {
    const auto client = AddClient(test_db);
    AddStaff(test_db, "Ann");
    const std::string id = std::to_string(client);
    struct Case {
        const char* what;
        std::function<void(json&)> change;
        const char* field;
    };
    const std::vector<Case> cases{
        {"pressure 11", [](json& d) { d["regions"][0]["pressure"] = 11; },
         "regions[0].pressure: must be between 1 and 10"},
        {"pressure 0", [](json& d) { d["regions"][2]["pressure"] = 0; },
         "regions[2].pressure: must be between 1 and 10"},
        {"pain -1", [](json& d) { d["regions"][1]["pain_before"] = -1; },
         "regions[1].pain_before: must be between 0 and 10"},
        {"pain after 11", [](json& d) { d["regions"][1]["pain_after"] = 11; },
         "regions[1].pain_after: must be between 0 and 10"},
        {"unknown technique", [](json& d) { d["techniques"][1]["technique"] = "shiatsu"; },
         "techniques[1].technique: not a known code"},
        {"unknown region", [](json& d) { d["regions"][0]["region"] = "knees"; },
         "regions[0].region: not a known code"},
        {"unknown position", [](json& d) { d["position"] = "seated"; },
         "position: not a known code"},
        {"a time that is not one", [](json& d) { d["start_time"] = "25:00"; },
         "start_time: not a time"},
        {"future date", [](json& d) { d["date"] = "2099-01-01"; },
         "date: the date is in the future"},
        {"more technique minutes than the session",
         [](json& d) { d["techniques"][1]["minutes"] = 45; },
         "techniques: the techniques' minutes add up to more than the 60 minutes"},
        {"the same region and side twice", [](json& d) { d["regions"][1]["side"] = "left"; },
         "regions[1].region: listed twice"},
        {"misspelt field", [](json& d) { d["pressure_words"] = "firm"; },
         "pressure_words: not a known code"},
        {"pain as text", [](json& d) { d["regions"][0]["pain_after"] = "three"; },
         "regions[0].pain_after: has the wrong type"},
    };
    for (const auto& c : cases) {
        json document = Example();
        c.change(document);
        const auto result = Cli(test_db, {"notes", "add", id, "-"}, document.dump());
        BOOST_TEST(result.code == 3, c.what);
        BOOST_TEST(Contains(result.err, c.field), c.what << ": " << result.err);
        BOOST_TEST(Contains(result.err, "nothing was saved"), c.what);
    }
    // Every problem is listed, not only the first.
    json document = Example();
    document["regions"][0]["pressure"] = 11;
    document["regions"][1]["pain_before"] = -1;
    const auto both = Cli(test_db, {"notes", "add", id, "-"}, document.dump());
    BOOST_TEST(both.code == 3);
    BOOST_TEST(Contains(both.err, "regions[0].pressure"), both.err);
    BOOST_TEST(Contains(both.err, "regions[1].pain_before"), both.err);

    // Not JSON at all: the parser's message and the file's name.
    const TempFile broken("broken-note.json", R"({"date": "2025-03-12",})");
    const auto syntax = Cli(test_db, {"notes", "add", id, broken.Path()});
    BOOST_TEST(syntax.code == 3);
    BOOST_TEST(Contains(syntax.err, broken.Path() + " is not valid JSON"), syntax.err);
    BOOST_TEST(Cli(test_db, {"notes", "add", id, "/no/such/note.json"}).code == 3);
    BOOST_TEST(CountRows(test_db, "session_notes") == 0);

    // The same therapist at an overlapping time: refused, naming the other session; so is the
    // same client with another therapist; another client with another therapist is fine.
    const auto first = AddNote(test_db, client, Example());
    document = Example();
    document["start_time"] = "18:00";
    const auto overlap = Cli(test_db, {"notes", "add", id, "-"}, document.dump());
    BOOST_TEST(overlap.code == 3);
    const std::string named = fmt::format(
        "start_time: clashes with session note {}: Siobhán O'Brien with Ann on "
        "2025-03-12, 17:30-18:30",
        first);
    BOOST_TEST(Contains(overlap.err, named), overlap.err);
    BOOST_TEST(CountRows(test_db, "session_notes") == 1);
    const auto bo = std::to_string(AddStaff(test_db, "Bo"));
    const auto with_bo =
        Cli(test_db, {"notes", "add", id, "-", "--therapist", bo}, document.dump());
    BOOST_TEST(with_bo.code == 3);
    BOOST_TEST(Contains(with_bo.err, named), with_bo.err);
    const auto other_client =
        test::AddClientWithCli(test_db, {"--given", "Cian", "--family", "Walsh"});
    AddNote(test_db, other_client, document, {"--therapist", bo});
    document["start_time"] = "18:30";  // right after the first one
    AddNote(test_db, client, document);
    BOOST_TEST(CountRows(test_db, "session_notes") == 3);
    BOOST_TEST(CountRows(test_db, "session_note_regions") == 12);
}

MYODESK_DB_TEST(sign_locks_and_amend_keeps_the_original) {
    const auto client = AddClient(test_db);
    const auto ann = std::to_string(AddStaff(test_db, "Ann"));
    const auto bo = std::to_string(AddStaff(test_db, "Bo Ek", "manager"));
    const auto note = std::to_string(AddNote(test_db, client, Example()));
    const std::vector<std::string> amend{"notes",
                                         "amend",
                                         note,
                                         "--by",
                                         bo,
                                         "--section",
                                         "plan",
                                         "--reason",
                                         "Client called: long run moved",
                                         "--text",
                                         "Next session in 5 days.\nNo deep work."};

    // Not signed yet: nothing to amend.
    const auto early = Cli(test_db, amend);
    BOOST_TEST(early.code == 3);
    BOOST_TEST(Contains(early.err, "signed_at: the note is not signed yet"), early.err);
    BOOST_TEST(ListJson(test_db, {"notes", "unsigned"}).size() == 1u);

    const auto signed_result = Cli(test_db, {"notes", "sign", note, "--by", ann});
    BOOST_TEST_REQUIRE(signed_result.code == 0, signed_result.err);
    BOOST_TEST(Contains(signed_result.out, "Signed note " + note), signed_result.out);
    const auto signed_json = ShowJson(test_db, std::stoll(note));
    BOOST_TEST(signed_json["signed_at"].get<std::string>().size() == 20u);
    BOOST_TEST(signed_json["signed_by"].get<std::int64_t>() == std::stoll(ann));
    BOOST_TEST(ListJson(test_db, {"notes", "unsigned"}).empty());

    // Signed twice: refused, the first signature stays.
    const auto twice = Cli(test_db, {"notes", "sign", note, "--by", bo});
    BOOST_TEST(twice.code == 3);
    BOOST_TEST(Contains(twice.err, "signed_at: the note is signed and locked"), twice.err);
    BOOST_TEST(ShowJson(test_db, std::stoll(note))["signed_by"].get<std::int64_t>() ==
               std::stoll(ann));

    // Amendments: refused without a reason, kept in order, the original unchanged.
    std::vector<std::string> no_reason = amend;
    no_reason[8] = "";
    const auto refused = Cli(test_db, no_reason);
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "reason: a value is required"), refused.err);
    std::vector<std::string> bad_section = amend;
    bad_section[6] = "treatment";
    BOOST_TEST(Cli(test_db, bad_section).code == 3);

    const auto first = Cli(test_db, amend);
    BOOST_TEST_REQUIRE(first.code == 0, first.err);
    const auto second =
        Cli(test_db, {"notes", "amend", note, "--by", ann, "--section", "assessment", "--reason",
                      "Wrong side", "--text", "Pain down on the RIGHT from 6 to 3.", "--json"});
    BOOST_TEST_REQUIRE(second.code == 0, second.err);
    const auto amended = json::parse(second.out);
    BOOST_REQUIRE(amended["amendments"].size() == 2u);
    const auto& a0 = amended["amendments"][0];
    BOOST_TEST(a0["id"].get<std::int64_t>() == std::stoll(first.out));
    BOOST_TEST(a0["amended_by"].get<std::int64_t>() == std::stoll(bo));
    BOOST_TEST(a0["reason"] == "Client called: long run moved");
    BOOST_TEST(a0["section"] == "plan");
    BOOST_TEST(a0["text"] == "Next session in 5 days.\nNo deep work.");
    BOOST_TEST(a0["amended_at"].get<std::string>().size() == 20u);
    BOOST_TEST(amended["amendments"][1]["section"] == "assessment");
    BOOST_TEST(amended["amendments"][1]["id"].get<std::int64_t>() > a0["id"].get<std::int64_t>());
    BOOST_TEST(ExchangePart(amended) == Example());  // the original as signed
    BOOST_TEST(amended["signed_at"] == signed_json["signed_at"]);

    // The text form: each section as signed, then its corrections with who, when and why.
    const auto text = Cli(test_db, {"notes", "show", note});
    BOOST_TEST_REQUIRE(text.code == 0, text.err);
    const auto plan = text.out.find("Plan:\n  Next session in 7 days");
    const auto correction = text.out.find(fmt::format(
        "  Amendment {}, {} by Bo Ek (id {}): Client called: long run moved\n"
        "    Next session in 5 days.\n    No deep work.\n",
        first.out.substr(0, first.out.size() - 1), a0["amended_at"].get<std::string>(), bo));
    BOOST_TEST(plan != std::string::npos, text.out);
    BOOST_TEST(correction != std::string::npos, text.out);
    BOOST_TEST(plan < correction);
    BOOST_TEST(Contains(text.out, "by Ann (id " + ann + "); locked"), text.out);
    const auto listed = ListJson(test_db, {"notes", "list", std::to_string(client)});
    BOOST_TEST(listed[0]["is_signed"] == true);
    BOOST_TEST(listed[0]["amendment_count"] == 2);
}

// Tonight's 23:00 session cannot be signed before midnight, whatever the time of the run.
MYODESK_DB_TEST(a_note_is_not_signed_before_its_session_has_ended) {
    const auto client = AddClient(test_db);
    const auto ann = std::to_string(AddStaff(test_db, "Ann"));
    json tonight = Example();
    tonight["date"] = core::FormatIsoDate(db::LocalDate(db::SystemNow()));
    tonight["start_time"] = "23:00";
    const auto note = std::to_string(AddNote(test_db, client, tonight));
    const auto early = Cli(test_db, {"notes", "sign", note, "--by", ann});
    BOOST_TEST(early.code == 3);
    BOOST_TEST(Contains(early.err, "ends at 00:00 on"), early.err);
    BOOST_TEST(Contains(early.err, "can be signed once its session has ended"), early.err);
    BOOST_TEST(ListJson(test_db, {"notes", "unsigned"}).size() == 1u);
}

MYODESK_DB_TEST(an_unsigned_note_is_deleted_and_a_signed_one_kept) {
    const auto client = AddClient(test_db);
    const auto ann = std::to_string(AddStaff(test_db, "Ann"));
    const auto note = std::to_string(AddNote(test_db, client, Example()));
    const auto deleted = Cli(test_db, {"notes", "delete", note});
    BOOST_TEST_REQUIRE(deleted.code == 0, deleted.err);
    BOOST_TEST(deleted.out == "Deleted note " + note + "\n");
    BOOST_TEST(CountRows(test_db, "session_notes") == 0);
    BOOST_TEST(CountRows(test_db, "session_note_regions") == 0);
    BOOST_TEST(Cli(test_db, {"notes", "delete", note}).code == 4);

    const auto signed_note = std::to_string(AddNote(test_db, client, Example()));
    BOOST_TEST_REQUIRE(Cli(test_db, {"notes", "sign", signed_note, "--by", ann}).code == 0);
    const auto refused = Cli(test_db, {"notes", "delete", signed_note});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "signed and locked"), refused.err);
    BOOST_TEST(CountRows(test_db, "session_notes") == 1);
}

MYODESK_DB_TEST(lists_page_newest_first_and_unsigned_oldest_first) {
    const auto client = AddClient(test_db);
    const auto other = AddClient(test_db);
    AddStaff(test_db, "Ann");
    std::vector<std::int64_t> ids;
    for (const char* date : {"2025-03-05", "2025-03-19", "2025-03-12", "2025-02-26"}) {
        json document = Example();
        document["date"] = date;
        ids.push_back(AddNote(test_db, client, document));
    }
    json document = Example();
    document["date"] = "2025-01-01";
    const auto others = AddNote(test_db, other, document);

    const auto page = ListJson(
        test_db, {"notes", "list", std::to_string(client), "--limit", "2", "--offset", "1"});
    BOOST_REQUIRE(page.size() == 2u);
    BOOST_TEST(page[0]["date"] == "2025-03-12");
    BOOST_TEST(page[1]["date"] == "2025-03-05");
    const auto text = Cli(test_db, {"notes", "list", std::to_string(client), "--limit", "1"});
    BOOST_TEST(Contains(text.out, "2025-03-19"), text.out);
    BOOST_TEST(Contains(text.out, "1 of 4 note(s)"), text.out);
    BOOST_TEST(ListJson(test_db, {"notes", "list", std::to_string(AddClient(test_db))}) ==
               json::array());

    BOOST_TEST(Cli(test_db, {"notes", "sign", std::to_string(ids[3]), "--by", "1"}).code == 0);
    const auto unsigned_notes = ListJson(test_db, {"notes", "unsigned"});
    BOOST_REQUIRE(unsigned_notes.size() == 4u);
    BOOST_TEST(unsigned_notes[0]["id"].get<std::int64_t>() == others);
    BOOST_TEST(unsigned_notes[0]["client_id"].get<std::int64_t>() == other);
    BOOST_TEST(unsigned_notes[1]["id"].get<std::int64_t>() == ids[0]);
    BOOST_TEST(unsigned_notes[3]["id"].get<std::int64_t>() == ids[1]);
    const auto unsigned_text = Cli(test_db, {"notes", "unsigned"});
    BOOST_TEST(Contains(unsigned_text.out, "4 of 4 unsigned note(s)"), unsigned_text.out);
    BOOST_TEST(Contains(unsigned_text.out, fmt::format("client {}  2025-01-01", other)),
               unsigned_text.out);
}

MYODESK_DB_TEST(staff_add_and_list) {
    const auto ann = AddStaff(test_db, "Ann Ó Sé");
    const auto added =
        Cli(test_db, {"staff", "add", "--name", "Bo Ek", "--role", "manager", "--json"});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto bo = json::parse(added.out);
    BOOST_TEST(
        bo ==
        json::parse(fmt::format(
            R"({{"id": {}, "name": "Bo Ek", "role": "manager", "active": true, "username": null}})",
            bo["id"].get<std::int64_t>())));
    const auto default_role = Cli(test_db, {"staff", "add", "--name", "Cara"});
    BOOST_TEST_REQUIRE(default_role.code == 0, default_role.err);

    const auto list = ListJson(test_db, {"staff", "list"});
    BOOST_REQUIRE(list.size() == 3u);
    BOOST_TEST(list[0]["id"].get<std::int64_t>() == ann);
    BOOST_TEST(list[0]["name"] == "Ann Ó Sé");
    BOOST_TEST(list[1]["name"] == "Bo Ek");
    BOOST_TEST(list[2]["role"] == "therapist");
    BOOST_TEST(ListJson(test_db, {"staff", "list", "--all"}).size() == 3u);
    const auto text = Cli(test_db, {"staff", "list"});
    BOOST_TEST(Contains(text.out, "Bo Ek"), text.out);
    BOOST_TEST(Contains(text.out, "Manager"), text.out);

    const auto bad_role = Cli(test_db, {"staff", "add", "--name", "Dee", "--role", "boss"});
    BOOST_TEST(bad_role.code == 3);
    BOOST_TEST(Contains(bad_role.err, "role: 'boss' is not a role"), bad_role.err);
    const auto no_name = Cli(test_db, {"staff", "add", "--role", "manager"});
    BOOST_TEST(no_name.code == 3);
    BOOST_TEST(Contains(no_name.err, "name: a value is required"), no_name.err);
    BOOST_TEST(CountRows(test_db, "staff") == 3);
}

MYODESK_DB_TEST(unknown_ids_are_not_found) {
    const auto client = std::to_string(AddClient(test_db));
    const auto ann = std::to_string(AddStaff(test_db, "Ann"));
    const auto example = Example().dump();
    const auto note = std::to_string(AddNote(test_db, std::stoll(client), Example()));
    const std::vector<std::vector<std::string>> cases{
        {"notes", "show", "424242"},
        {"notes", "list", "424242"},
        {"notes", "add", "424242", "-"},
        {"notes", "add", client, "-", "--therapist", "424242"},
        {"notes", "sign", "424242", "--by", ann},
        {"notes", "sign", note, "--by", "424242"},
        {"notes", "amend", "424242", "--by", ann, "--section", "plan", "--reason", "r", "--text",
         "t"},
    };
    for (const auto& words : cases) {
        const auto result = Cli(test_db, words, example);
        BOOST_TEST(result.code == 4, fmt::format("{}: {}", fmt::join(words, " "), result.err));
    }
    json unknown_therapist = Example();
    unknown_therapist["therapist_id"] = 424242;
    unknown_therapist["start_time"] = "08:00";
    const auto result = Cli(test_db, {"notes", "add", client, "-"}, unknown_therapist.dump());
    BOOST_TEST(result.code == 4);
    BOOST_TEST(Contains(result.err, "no staff member with id 424242"), result.err);
    BOOST_TEST(CountRows(test_db, "session_notes") == 1);
    BOOST_TEST(CountRows(test_db, "session_note_amendments") == 0);
    BOOST_TEST(ShowJson(test_db, std::stoll(note))["signed_at"].is_null());
}

BOOST_AUTO_TEST_CASE(notes_usage_errors, *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
             {"notes"},
             {"notes", "add", "1"},
             {"notes", "add", "x", "note.json"},
             {"notes", "add", "1", "note.json", "--therapist", "Ann"},
             {"notes", "show"},
             {"notes", "show", "first"},
             {"notes", "list", "1", "--all"},
             {"notes", "sign", "1"},
             {"notes", "sign", "1", "--by", "Ann"},
             {"notes", "amend", "1", "--by", "2", "--reason", "r", "--text", "t"},
             {"notes", "unsigned", "1"},
             {"staff", "list", "--name", "Ann"},
             {"staff", "add", "--name", "Ann", "--by", "1"},
             {"staff", "remove", "1"},
         }) {
        BOOST_TEST(app::RunCli(words, out, err) == 2, fmt::format("{}", fmt::join(words, " ")));
    }
}

BOOST_AUTO_TEST_CASE(the_binary_adds_a_note_from_standard_input,
                     *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const std::string db = fmt::format("--db '{}'", test_db.Location());
    BOOST_TEST_REQUIRE(test::RunShell(db + " clients add --given Ann").code == 0);
    BOOST_TEST_REQUIRE(test::RunShell(db + " staff add --name 'Máire'").code == 0);
    const auto added = test::RunShell(fmt::format("{} notes add 1 - < '{}'", db, kExamplePath));
    BOOST_TEST(added.code == 0, added.out);
    const auto signed_result = test::RunShell(db + " notes sign 1 --by 1");
    BOOST_TEST(signed_result.code == 0, signed_result.out);
    BOOST_TEST(test::RunShell(db + " notes sign 1 --by 1").code == 3);
    BOOST_TEST(test::RunShell(db + " notes show 2").code == 4);
}

BOOST_AUTO_TEST_SUITE_END()
