// The plan's limits (docs/plan-format.md, "Limits"): a race is planned around only within
// kRaceHorizonWeeks of the first day, and no plan covers more than kMaxPlanWeeks.
#include "plan_test_data.h"

#include <myodesk/core/plan.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>

using namespace myodesk::core;
using myodesk::test::Day;
using myodesk::test::MarathonRunner;
using myodesk::test::PlainRunner;

namespace {

std::size_t CountWarnings(const Plan& plan, PlanWarningCode code) {
    return static_cast<std::size_t>(
        std::count_if(plan.warnings.begin(), plan.warnings.end(),
                      [code](const auto& w) { return w.code == code; }));
}

const PlanWarning* FindWarning(const Plan& plan, PlanWarningCode code) {
    const auto found = std::find_if(plan.warnings.begin(), plan.warnings.end(),
                                    [code](const auto& w) { return w.code == code; });
    return found == plan.warnings.end() ? nullptr : &*found;
}

Date LastDay() {
    using namespace std::chrono;
    return Date{year{9999}, December, day{31}};
}

// The base plan of a runner without a race, and its warning about the race that is too far.
void CheckBasePlanForFarRace(const Plan& plan, const Date& race) {
    BOOST_TEST(!plan.race_date.has_value());
    BOOST_TEST(plan.to == Day(12 * 7 - 1));  // weeks_without_race, as without a race
    BOOST_TEST_REQUIRE(plan.phases.size() == 1U);
    BOOST_TEST(plan.phases[0].phase == PlanPhase::kBase);
    BOOST_TEST(CountWarnings(plan, PlanWarningCode::kMissingRaceDate) == 0U);
    const PlanWarning* far = FindWarning(plan, PlanWarningCode::kRaceTooFar);
    BOOST_TEST_REQUIRE(far != nullptr);
    BOOST_TEST(far->date == race);
    BOOST_TEST(far->detail.days == DaysBetween(Day(0), race));
    BOOST_TEST(!plan.sessions.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_limits_tests)

// Issue 14: a goal race on 9999-12-31 made the generator plan (and store) every day up to it:
// over 300 s and 400 MB.
BOOST_AUTO_TEST_CASE(a_goal_race_on_9999_12_31_gives_a_base_plan_that_names_it) {
    PlanInputs inputs = PlainRunner();
    inputs.intake->runner.goal_race = {"Far Marathon", LastDay(), 42.195};
    CheckBasePlanForFarRace(GeneratePlan(inputs), LastDay());
}

BOOST_AUTO_TEST_CASE(a_race_on_the_calendar_past_the_horizon_is_not_planned_around) {
    PlanInputs inputs = PlainRunner();
    const Date race = Day(7 * kRaceHorizonWeeks + 1);
    inputs.training.push_back({race, RunType::kRace, 42.195});
    inputs.training.push_back({LastDay(), RunType::kRace, 42.195});
    CheckBasePlanForFarRace(GeneratePlan(inputs), race);  // the first of them is named
}

BOOST_AUTO_TEST_CASE(a_race_at_the_limit_is_planned_around) {
    PlanInputs inputs = PlainRunner();
    const Date race = Day(7 * kRaceHorizonWeeks);
    inputs.intake->runner.goal_race = {"Marathon in a year", race, 42.195};
    const Plan plan = GeneratePlan(inputs);
    BOOST_TEST(plan.race_date == race);
    BOOST_TEST(plan.to == AddDays(race, 7 * inputs.settings.weeks_after_race));
    BOOST_TEST(CountWarnings(plan, PlanWarningCode::kRaceTooFar) == 0U);
    BOOST_TEST(std::any_of(plan.phases.begin(), plan.phases.end(),
                           [](const PhaseSpan& span) { return span.phase == PlanPhase::kTaper; }));
}

BOOST_AUTO_TEST_CASE(a_near_race_wins_over_a_far_one) {
    PlanInputs inputs = MarathonRunner(16);
    inputs.training.push_back({LastDay(), RunType::kRace, 42.195});
    const Plan plan = GeneratePlan(inputs);
    BOOST_TEST(plan.race_date == Day(16 * 7 - 1));
    BOOST_TEST(CountWarnings(plan, PlanWarningCode::kRaceTooFar) == 0U);
}

BOOST_AUTO_TEST_CASE(no_plan_covers_more_than_the_most_weeks) {
    PlanInputs inputs = PlainRunner();
    inputs.weeks = 100000;
    BOOST_TEST(GeneratePlan(inputs).to == Day(7 * kMaxPlanWeeks - 1));
    inputs.weeks.reset();
    inputs.settings.weeks_without_race = 100000;
    BOOST_TEST(GeneratePlan(inputs).to == Day(7 * kMaxPlanWeeks - 1));
    inputs.settings.weeks_after_race = 100000;
    inputs.intake->runner.goal_race = {"Marathon", Day(70), 42.195};
    BOOST_TEST(GeneratePlan(inputs).to == Day(7 * kMaxPlanWeeks - 1));
}

BOOST_AUTO_TEST_CASE(the_far_race_warning_has_a_sentence) {
    PlanInputs inputs = PlainRunner();
    inputs.intake->runner.goal_race = {"Far Marathon", LastDay(), 42.195};
    const Plan plan = GeneratePlan(inputs);
    const PlanWarning* far = FindWarning(plan, PlanWarningCode::kRaceTooFar);
    BOOST_TEST_REQUIRE(far != nullptr);
    BOOST_TEST(ToCode(far->code) == "race_too_far");
    const std::string sentence = myodesk::vocabulary::WarningSentence(*far, DistanceUnit::kKm);
    BOOST_TEST(sentence.find("more than a year") != std::string::npos, sentence);
}

BOOST_AUTO_TEST_SUITE_END()
