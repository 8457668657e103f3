#include "intake_test_data.h"

#include <myodesk/core/intake_validation.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

const Date kToday{year{2026}, November, day{20}};

struct Case {
    const char* name;
    std::function<void(Intake&)> change;
    std::vector<std::pair<std::string, ProblemCode>> expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << c.name;
}

const std::vector<Case> kCases{
    {"complete intake", [](Intake&) {}, {}},
    {"no consent",
     [](Intake& i) { i.consent = {}; },
     {{"consent.accepted", ProblemCode::kNotAccepted},
      {"consent.signed_name", ProblemCode::kRequired},
      {"consent.signed_on", ProblemCode::kRequired}}},
    {"consent not accepted",
     [](Intake& i) { i.consent.accepted = false; },
     {{"consent.accepted", ProblemCode::kNotAccepted}}},
    {"taken in the future",
     [](Intake& i) {
         i.taken_on = Date{year{2026}, November, day{21}};
     },
     {{"taken_on", ProblemCode::kInFuture}}},
    {"pain 11",
     [](Intake& i) { i.soreness[1].pain = 11; },
     {{"soreness[1].pain", ProblemCode::kOutOfRange}}},
    {"pain -1",
     [](Intake& i) { i.soreness[0].pain = -1; },
     {{"soreness[0].pain", ProblemCode::kOutOfRange}}},
    {"pain 0 and 10 are fine",
     [](Intake& i) {
         i.soreness[0].pain = 0;
         i.soreness[1].pain = 10;
     },
     {}},
    {"regional condition without a place",
     [](Intake& i) {
         i.health.conditions[0].region.reset();
         i.health.conditions[0].side.reset();
     },
     {{"health.conditions[0].region", ProblemCode::kRequired},
      {"health.conditions[0].side", ProblemCode::kRequired}}},
    {"unknown injury kind",
     [](Intake& i) { i.health.injuries[0].kind = "ouch"; },
     {{"health.injuries[0].kind", ProblemCode::kUnknownCode}}},
    {"surgery in the future",
     [](Intake& i) {
         i.health.surgeries[0].date = Date{year{2027}, January, day{1}};
     },
     {{"health.surgeries[0].date", ProblemCode::kInFuture}}},
    {"medication without a name",
     [](Intake& i) { i.health.medications[1].name = " "; },
     {{"health.medications[1].name", ProblemCode::kRequired}}},
    {"runs per week",
     [](Intake& i) { i.runner.runs_per_week = 15; },
     {{"runner.runs_per_week", ProblemCode::kOutOfRange}}},
    {"negative run",
     [](Intake& i) { i.runner.recent_runs[0].distance_km = -3; },
     {{"runner.recent_runs[0].distance_km", ProblemCode::kOutOfRange}}},
    {"race distance zero",
     [](Intake& i) { i.runner.goal_race.distance_km = 0; },
     {{"runner.goal_race.distance_km", ProblemCode::kOutOfRange}}},
    {"goal race in the future is fine",
     [](Intake& i) {
         i.runner.goal_race.date = Date{year{2027}, April, day{19}};
     },
     {}},
    {"pregnancy weeks",
     [](Intake& i) {
         i.health.pregnant = true;
         i.health.pregnancy_weeks = 50;
     },
     {{"health.pregnancy_weeks", ProblemCode::kOutOfRange}}},
    {"pregnancy weeks when pregnant",
     [](Intake& i) {
         i.health.pregnant = true;
         i.health.pregnancy_weeks = 20;
     },
     {}},
    {"pregnancy weeks when not pregnant",
     [](Intake& i) {
         i.health.pregnant = false;
         i.health.pregnancy_weeks = 20;
     },
     {{"health.pregnancy_weeks", ProblemCode::kContradicts}}},
    {"an injury's side without a region",
     [](Intake& i) { i.health.injuries[0].region.reset(); },
     {{"health.injuries[0].side", ProblemCode::kContradicts}}},
    {"taken on 0001-01-01",
     [](Intake& i) {
         i.taken_on = Date{year{1}, January, day{1}};
     },
     {{"taken_on", ProblemCode::kTooFarInPast}}},
    {"surgery in 1899",
     [](Intake& i) {
         i.health.surgeries[0].date = Date{year{1899}, June, day{1}};
     },
     {{"health.surgeries[0].date", ProblemCode::kTooFarInPast}}},
    {"goal race on 9999-12-31",
     [](Intake& i) {
         i.runner.goal_race.date = Date{year{9999}, December, day{31}};
     },
     {{"runner.goal_race.date", ProblemCode::kTooFarInFuture}}},
    {"goal race on 2100-12-31 is fine",
     [](Intake& i) { i.runner.goal_race.date = DateLimits::kLatest; },
     {}},
    {"ESC in the signed name",
     [](Intake& i) { i.consent.signed_name = "Zo\x1b[2Jë"; },
     {{"consent.signed_name", ProblemCode::kInvalidText}}},
    {"BEL in a medication",
     [](Intake& i) { i.health.medications[0].name = "Ibuprofen\a"; },
     {{"health.medications[0].name", ProblemCode::kInvalidText}}},
    {"DEL in the race name",
     [](Intake& i) { i.runner.goal_race.name = "Valencia\x7f"; },
     {{"runner.goal_race.name", ProblemCode::kInvalidText}}},
    {"a right-to-left override in a surgery kind",
     [](Intake& i) { i.health.surgeries[0].kind = "\u202Earthroscopy"; },
     {{"health.surgeries[0].kind", ProblemCode::kInvalidText}}},
    {"a tab in a one-line field",
     [](Intake& i) { i.consent.signed_name = "Zoë\tÅngström"; },
     {{"consent.signed_name", ProblemCode::kInvalidText}}},
    {"lines and tabs in the allergies",
     [](Intake& i) { i.health.allergies = "Arnica\n\tnut oils\n"; },
     {}},
    {"a carriage return in the allergies",
     [](Intake& i) { i.health.allergies = "Arnica\r\nnut oils"; },
     {{"health.allergies", ProblemCode::kInvalidText}}},
    {"ESC in the allergies",
     [](Intake& i) { i.health.allergies = "Arnica\x1b[31m"; },
     {{"health.allergies", ProblemCode::kInvalidText}}},
    {"the same condition twice",
     [](Intake& i) { i.health.conditions.push_back(i.health.conditions[0]); },
     {{"health.conditions[2].code", ProblemCode::kDuplicate}}},
    {"the same medication twice, in other letters",
     [](Intake& i) {
         i.health.medications.push_back({" ibuprofen 400 MG", MedicationClass::kNsaid});
     },
     {{"health.medications[2].name", ProblemCode::kDuplicate}}},
    {"one name in two classes is not a duplicate",
     [](Intake& i) {
         i.health.medications.push_back({"Ibuprofen 400 mg", MedicationClass::kOther});
     },
     {}},
    {"the same sore place twice",
     [](Intake& i) {
         i.soreness.push_back({Region::kHamstrings, Side::kLeft, 2});
     },
     {{"soreness[2].region", ProblemCode::kDuplicate}}},
    {"the same run twice",
     [](Intake& i) { i.runner.recent_runs.push_back(i.runner.recent_runs[1]); },
     {{"runner.recent_runs[2].date", ProblemCode::kDuplicate}}},
    {"100,000 identical conditions",
     [](Intake& i) { i.health.conditions.assign(100000, i.health.conditions[1]); },
     {{"health.conditions", ProblemCode::kTooMany}}},
    {"long allergies",
     [](Intake& i) { i.health.allergies = std::string(4001, 'a'); },
     {{"health.allergies", ProblemCode::kTooLong}}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_validation_tests)

BOOST_DATA_TEST_CASE(validates_the_intake, boost::unit_test::data::make(kCases), sample) {
    Intake intake = myodesk::test::FullIntake();
    sample.change(intake);
    const auto problems = ValidateIntake(intake, kToday);
    BOOST_TEST_REQUIRE(problems.size() == sample.expected.size());
    for (std::size_t i = 0; i < problems.size(); ++i) {
        BOOST_TEST(problems[i].field == sample.expected[i].first);
        BOOST_TEST(ProblemCodeName(problems[i].code) == ProblemCodeName(sample.expected[i].second));
    }
}

BOOST_AUTO_TEST_CASE(out_of_range_says_the_range) {
    Intake intake = myodesk::test::FullIntake();
    intake.soreness[0].pain = 12;
    const auto problems = ValidateIntake(intake, kToday);
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].minimum == 0.0);
    BOOST_TEST(problems[0].maximum == 10.0);
}

BOOST_AUTO_TEST_CASE(outdated_after_a_full_year) {
    const Date taken{year{2025}, November, day{20}};
    BOOST_TEST(!IsIntakeOutdated(taken, kToday));
    BOOST_TEST(IsIntakeOutdated(taken, Date{year{2026}, November, day{21}}));
}

BOOST_AUTO_TEST_SUITE_END()
