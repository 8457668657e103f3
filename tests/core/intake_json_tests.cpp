#include "intake_test_data.h"

#include <myodesk/core/intake_json.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk::core;
using nlohmann::json;

namespace {

std::vector<std::string> Fields(const ValidationProblems& problems) {
    std::vector<std::string> fields;
    for (const auto& problem : problems) {
        fields.push_back(problem.field + ":" + std::string(ProblemCodeName(problem.code)));
    }
    return fields;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_json_tests)

BOOST_AUTO_TEST_CASE(an_intake_round_trips_through_json) {
    const Intake original = myodesk::test::FullIntake();
    const auto document = IntakeToJson(original);
    const auto parsed = IntakeFromJson(json::parse(document.dump()));
    BOOST_TEST_REQUIRE(Fields(parsed.problems).empty());
    BOOST_TEST((parsed.intake == original));
    // And the document itself: export what was imported, the same document.
    BOOST_TEST(json::parse(IntakeToJson(parsed.intake).dump()) == json::parse(document.dump()));
}

BOOST_AUTO_TEST_CASE(uses_the_exchange_formats_names) {
    const auto document = json::parse(IntakeToJson(myodesk::test::FullIntake()).dump());
    BOOST_TEST(document["taken_on"] == "2026-11-02");
    BOOST_TEST(document["health"]["conditions"][0]["code"] == "bruising");
    BOOST_TEST(document["health"]["conditions"][0]["region"] == "quadriceps");
    BOOST_TEST(document["health"]["medications"][0]["class"] == "nsaid");
    BOOST_TEST(document["health"]["injuries"][0]["kind"] == "acute");
    BOOST_TEST(document["runner"]["goal_race"]["distance_km"] == 42.195);
    BOOST_TEST(document["runner"]["goal"] == "personal_best");
    BOOST_TEST(document["runner"]["long_run_weekday"] == "sunday");
    BOOST_TEST(document["runner"]["recent_runs"][1]["type"] == "tempo");
    BOOST_TEST(document["soreness"][0]["region"] == "hamstrings");
    BOOST_TEST(document["soreness"][0]["pain"] == 6);
    BOOST_TEST(document["avoid_regions"][0]["side"] == "left");
    BOOST_TEST(document["preferences"]["pressure"] == "firm");
    BOOST_TEST(document["consent"]["signed_name"] == "Zoë Ångström");
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_by_path) {
    const auto document = json::parse(R"({
        "taken_on": "2025-02-30",
        "health": {"conditions": [{"code": "gout"}, {"code": "bruising", "region": "elbow", "side": "left"}],
                   "medications": [{"class": "nsaid"}], "pregnant": "no"},
        "runner": {"units": "furlongs", "runs_per_week": 4.5, "recent_runs": [{"date": "2026-11-01"}]},
        "soreness": [{"region": "calves", "side": "left", "pain": "7"}],
        "avoid_regions": [{"region": "neck"}],
        "preferences": {"pressure": "extreme"},
        "consent": {"accepted": true, "signed_name": "A", "signed_on": "2026-13-01"},
        "sorness": []
    })");
    const auto result = IntakeFromJson(document);
    const std::vector<std::string> expected{
        "sorness:unknown_code",
        "taken_on:invalid_date",
        "health.conditions[0].code:unknown_code",
        "health.conditions[1].region:unknown_code",
        "health.medications[0].name:required",
        "health.pregnant:wrong_type",
        "runner.units:unknown_code",
        "runner.runs_per_week:wrong_type",
        "runner.recent_runs[0].distance_km:required",
        "soreness[0].pain:wrong_type",
        "avoid_regions[0].side:required",
        "preferences.pressure:unknown_code",
        "consent.signed_on:invalid_date",
    };
    BOOST_TEST(Fields(result.problems) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_document_that_is_not_an_object_is_refused) {
    const auto result = IntakeFromJson(json::array());
    BOOST_TEST(Fields(result.problems) == std::vector<std::string>{"document:wrong_type"});
}

BOOST_AUTO_TEST_CASE(the_client_object_makes_a_client) {
    const auto document = json::parse(R"({
        "client": {"given_name": "Siobhán", "family_name": "O'Brien", "date_of_birth": "1988-02-29",
                   "email": "shiv@example.ie"},
        "taken_on": "2026-11-02",
        "consent": {"accepted": true, "signed_name": "Siobhán O'Brien", "signed_on": "2026-11-02"}
    })");
    const auto result = IntakeFromJson(document);
    BOOST_TEST_REQUIRE(result.problems.empty());
    BOOST_REQUIRE(result.client);
    BOOST_TEST(result.client->family_name == "O'Brien");
    BOOST_TEST(FormatIsoDate(*result.client->date_of_birth) == "1988-02-29");
    BOOST_TEST(result.intake.consent.accepted);

    ValidationProblems problems;
    ClientFromJson(json::parse(R"({"given_name": 5, "shoe": 9, "date_of_birth": "x"})"), problems);
    BOOST_TEST(Fields(problems) == (std::vector<std::string>{"client.shoe:unknown_code",
                                                             "client.given_name:wrong_type",
                                                             "client.date_of_birth:invalid_date"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(flags_in_json) {
    ContraindicationFlag flag;
    flag.level = FlagLevel::kLocal;
    flag.code = FlagCode::kAcuteInjury;
    flag.region = Region::kAnkles;
    flag.side = Side::kLeft;
    flag.until = ParseIsoDate("2026-11-05");
    const auto list = json::parse(FlagsToJson({flag}).dump());
    BOOST_TEST(list[0]["level"] == "local");
    BOOST_TEST(list[0]["code"] == "acute_injury");
    BOOST_TEST(list[0]["region"] == "ankles");
    BOOST_TEST(list[0]["side"] == "left");
    BOOST_TEST(list[0]["until"] == "2026-11-05");
    BOOST_TEST(list[0]["physician_clearance"] == false);
}

BOOST_AUTO_TEST_SUITE_END()
