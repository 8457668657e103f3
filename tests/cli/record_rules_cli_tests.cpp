// The record rules through the command line: an absolute flag refuses `notes add` and
// `plan accept` until --override-flag gives the reason; `notes amend --from-file` corrects every
// field of a signed note; a note records treatment or why there was none.

#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <myodesk/core/date.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;

namespace {

const std::string kExamplePath = std::string(MYODESK_DOCS_DIR) + "/examples/session-example.json";
const std::string kIntakePath = std::string(MYODESK_DOCS_DIR) + "/examples/intake-example.json";

std::string Today() {
    return core::FormatIsoDate(
        core::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())});
}

bool Has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A client whose intake of today records a deep vein thrombosis (no massage: refer), and a
// therapist; returns {client, therapist} as the words the commands take.
std::pair<std::string, std::string> ClientWithDvt(const test::TestDatabase& database) {
    const auto client =
        std::to_string(test::AddClientWithCli(database, {"--given", "Ann", "--family", "Smith"}));
    json intake = json::parse(test::ReadText(kIntakePath));
    intake["taken_on"] = Today();
    intake["consent"]["signed_on"] = Today();
    intake["health"]["conditions"] =
        json::array({{{"code", "dvt"}, {"region", "calves"}, {"side", "left"}}});
    const auto imported = Cli(database, {"intake", "import", client, "-"}, intake.dump());
    BOOST_TEST_REQUIRE(imported.code == 0, imported.err);
    const auto staff = Cli(database, {"staff", "add", "--name", "Anna"});
    BOOST_TEST_REQUIRE(staff.code == 0, staff.err);
    return {client, std::to_string(std::stoll(staff.out))};
}

json TodaysNote() {
    json note = json::parse(test::ReadText(kExamplePath));
    note["date"] = Today();
    note["start_time"] = "00:00";
    return note;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record_rules_cli_tests)

MYODESK_DB_TEST(an_absolute_flag_needs_override_flag_with_a_reason) {
    const auto [client, therapist] = ClientWithDvt(test_db);
    const json note = TodaysNote();
    const auto refused =
        Cli(test_db, {"notes", "add", client, "-", "--therapist", therapist}, note.dump());
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Has(refused.err, "Deep vein thrombosis"), refused.err);
    BOOST_TEST(Has(refused.err, "--override-flag"), refused.err);
    BOOST_TEST(Cli(test_db, {"notes", "list", client}).out.find("17:30") == std::string::npos);

    const std::string reason = "Physician cleared upper-body massage by phone.";
    const auto added = Cli(
        test_db, {"notes", "add", client, "-", "--therapist", therapist, "--override-flag", reason},
        note.dump());
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto shown = Cli(test_db, {"notes", "show", added.out.substr(0, added.out.size() - 1)});
    BOOST_TEST(Has(shown.out, "Flag overridden"), shown.out);
    BOOST_TEST(Has(shown.out, reason), shown.out);
    const auto as_json =
        Cli(test_db, {"notes", "show", std::to_string(std::stoll(added.out)), "--json"});
    BOOST_TEST(json::parse(as_json.out).at("flag_override") == reason);
}

MYODESK_DB_TEST(amend_from_file_corrects_every_field_and_keeps_the_original) {
    const auto client =
        std::to_string(test::AddClientWithCli(test_db, {"--given", "Tom", "--family", "Ng"}));
    const auto staff = Cli(test_db, {"staff", "add", "--name", "Anna"});
    const auto therapist = std::to_string(std::stoll(staff.out));
    const json original = json::parse(test::ReadText(kExamplePath));
    const auto added =
        Cli(test_db, {"notes", "add", client, "-", "--therapist", therapist}, original.dump());
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto note = std::to_string(std::stoll(added.out));
    BOOST_TEST_REQUIRE(Cli(test_db, {"notes", "sign", note, "--by", therapist}).code == 0);

    json corrected = original;
    corrected["regions"][0]["pain_after"] = 4;  // recorded as 3
    corrected["start_time"] = "17:00";
    const auto amended = Cli(test_db,
                             {"notes", "amend", note, "--by", therapist, "--reason",
                              "Pain after recorded wrongly", "--from-file", "-"},
                             corrected.dump());
    BOOST_TEST_REQUIRE(amended.code == 0, amended.err);

    const auto shown = Cli(test_db, {"notes", "show", note});
    // The original as signed, then the correction.
    BOOST_TEST(Has(shown.out, "17:30, 60 min"), shown.out);
    BOOST_TEST(Has(shown.out, "pain 6 -> 3"), shown.out);
    BOOST_TEST(Has(shown.out, "Pain after recorded wrongly"), shown.out);
    BOOST_TEST(Has(shown.out, "17:00, 60 min"), shown.out);
    BOOST_TEST(Has(shown.out, "pain 6 -> 4"), shown.out);

    // Validated like a note: nothing stored when the correction is wrong.
    corrected["regions"][0]["pain_after"] = 11;
    const auto refused =
        Cli(test_db,
            {"notes", "amend", note, "--by", therapist, "--reason", "again", "--from-file", "-"},
            corrected.dump());
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Has(refused.err, "corrected.regions[0].pain_after"), refused.err);
    const auto stored = json::parse(Cli(test_db, {"notes", "show", note, "--json"}).out);
    BOOST_TEST(stored.at("amendments").size() == 1u);
    // One section or the whole note, not both.
    BOOST_TEST(Cli(test_db,
                   {"notes", "amend", note, "--by", therapist, "--reason", "r", "--section", "plan",
                    "--from-file", "-"},
                   corrected.dump())
                   .code == 2);
}

MYODESK_DB_TEST(a_note_records_treatment_or_why_there_was_none) {
    const auto client =
        std::to_string(test::AddClientWithCli(test_db, {"--given", "Tom", "--family", "Ng"}));
    const auto therapist =
        std::to_string(std::stoll(Cli(test_db, {"staff", "add", "--name", "Anna"}).out));
    const json empty = {{"date", "2025-03-12"}, {"start_time", "09:00"}, {"duration_min", 30}};
    const auto refused =
        Cli(test_db, {"notes", "add", client, "-", "--therapist", therapist}, empty.dump());
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Has(refused.err, "techniques"), refused.err);
    BOOST_TEST(Has(refused.err, "regions"), refused.err);

    json referred = empty;
    referred["no_treatment"] = "referred";
    referred["assessment"] = "Calf warm and swollen: sent to her GP.";
    const auto added =
        Cli(test_db, {"notes", "add", client, "-", "--therapist", therapist}, referred.dump());
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto shown = Cli(test_db, {"notes", "show", std::to_string(std::stoll(added.out))});
    BOOST_TEST(Has(shown.out, "No treatment"), shown.out);
    BOOST_TEST(Has(shown.out, "Referred on"), shown.out);
}

BOOST_AUTO_TEST_SUITE_END()
