#include "../core/plan_test_data.h"
#include "report_test_support.h"

#include <myodesk/core/plan_text.h>
#include <myodesk/reports/client_report.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace myodesk;
using core::Region;
using core::Side;
using core::Technique;
using test::Note;
using test::Work;
using test::Ymd;

namespace {

const core::Date kToday = Ymd(2026, 11, 21);

reports::ClientReportInputs BasicInputs() {
    reports::ClientReportInputs inputs;
    inputs.client.id = 42;
    inputs.client.given_name = "Siobhán";
    inputs.client.family_name = "Ní Bhriain";
    inputs.client.date_of_birth = Ymd(1990, 3, 12);
    inputs.client.phone = "087 123 4567";
    inputs.client.email = "siobhan@example.ie";
    inputs.client.physician = "Dr Aoife Byrne";
    inputs.staff_names = {{1, "Máire Ní Dhomhnaill"}, {2, "Tom Walsh"}};
    inputs.clinic.name = "Liffey Sports Massage";
    inputs.clinic.address = "12 Quay Street\r\nDublin 8\n\n";
    inputs.clinic.phone = "01 234 5678";
    inputs.clinic.email = "desk@liffey.ie";
    inputs.today = kToday;
    return inputs;
}

core::Intake BasicIntake(const core::Date& taken_on) {
    core::Intake intake;
    intake.id = 7;
    intake.client_id = 42;
    intake.taken_on = taken_on;
    intake.soreness = {{Region::kHamstrings, Side::kLeft, 6}};
    intake.health.conditions = {
        {core::ConditionCode::kVaricoseVeins, Region::kCalves, Side::kRight, std::nullopt}};
    intake.health.medications = {{"Ibuprofen", core::MedicationClass::kNsaid}};
    return intake;
}

const reports::PainSeries& Series(const reports::ClientReport& report, const std::string& title) {
    for (const auto& series : report.pain_trends) {
        if (series.title == title) {
            return series;
        }
    }
    throw std::runtime_error("no pain series " + title);
}

core::PlannedSession Planned(const core::Date& date, core::PlannedSessionStatus status) {
    core::PlannedSession session;
    session.date = date;
    session.phase = core::PlanPhase::kBuild;
    session.techniques = {Technique::kSports, Technique::kSwedish};
    session.duration_min = 45;
    session.pressure_max = 5;
    session.regions = {{Region::kCalves, Side::kBilateral}};
    session.reasons = {{core::PlanReasonCode::kWeeklySession, {}}};
    core::PlanCaution caution;
    caution.code = core::PlanCautionCode::kPoplitealFossa;
    session.cautions = {caution};
    session.status = status;
    return session;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_report_tests)

BOOST_AUTO_TEST_CASE(pain_trend_marks_a_change_of_two_points_but_not_of_one_in_both_directions) {
    auto inputs = BasicInputs();
    const std::vector<int> befores{6, 4, 5, 7, 6, 8};
    for (std::size_t i = 0; i < befores.size(); ++i) {
        inputs.notes.push_back(Note(static_cast<core::SessionNoteId>(i + 1), 42, 1,
                                    core::AddDays(Ymd(2026, 9, 1), static_cast<int>(7 * i)),
                                    {Work(Region::kHamstrings, Side::kLeft, befores[i], 2)}));
    }
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST_REQUIRE(report.pain_trends.size() == 1U);
    const auto& points = report.pain_trends.front().points;
    BOOST_TEST(report.pain_trends.front().title == "Left hamstring");
    BOOST_TEST_REQUIRE(points.size() == 6U);
    // 6 (first), 4 (-2), 5 (+1), 7 (+2), 6 (-1), 8 (+2)
    const std::vector<bool> marked{false, true, false, true, false, true};
    const std::vector<int> change{0, -2, 1, 2, -1, 2};
    for (std::size_t i = 0; i < points.size(); ++i) {
        BOOST_TEST(points[i].marked_change == marked[i], "point " << i);
        BOOST_TEST(points[i].change == change[i], "point " << i);
        BOOST_TEST(points[i].before == befores[i]);
    }
}

BOOST_AUTO_TEST_CASE(pain_trend_compares_with_the_last_session_that_had_a_before_score) {
    auto inputs = BasicInputs();
    inputs.notes = {
        Note(1, 42, 1, Ymd(2026, 9, 1), {Work(Region::kCalves, Side::kRight, 7, 5)}),
        Note(2, 42, 1, Ymd(2026, 9, 8), {Work(Region::kCalves, Side::kRight, std::nullopt, 4)}),
        Note(3, 42, 1, Ymd(2026, 9, 15), {Work(Region::kCalves, Side::kRight, 4, 3)}),
        // Worked but no score: no point.
        Note(4, 42, 1, Ymd(2026, 9, 22),
             {Work(Region::kCalves, Side::kRight, std::nullopt, std::nullopt)}),
    };
    const auto report = reports::BuildClientReport(inputs);
    const auto& points = Series(report, "Right calf").points;
    BOOST_TEST_REQUIRE(points.size() == 3U);
    BOOST_TEST(!points[1].marked_change);
    BOOST_TEST(points[2].marked_change);
    BOOST_TEST(points[2].change == -3);
}

// Both calves clicked on the chart (left and right, the same pain) is the same region as "both
// sides" from Add region: one line. Sides with different pain, or one side alone, stay apart.
BOOST_AUTO_TEST_CASE(pain_trend_joins_left_and_right_recorded_alike_as_both_sides) {
    auto inputs = BasicInputs();
    inputs.notes = {
        Note(1, 42, 1, Ymd(2026, 10, 1), {Work(Region::kCalves, Side::kBilateral, 6, 4)}),
        Note(2, 42, 1, Ymd(2026, 10, 8),
             {Work(Region::kCalves, Side::kLeft, 5, 3), Work(Region::kCalves, Side::kRight, 5, 3)}),
        Note(3, 42, 1, Ymd(2026, 10, 15),
             {Work(Region::kCalves, Side::kRight, 3, 2), Work(Region::kCalves, Side::kLeft, 3, 2),
              Work(Region::kHamstrings, Side::kLeft, 6, 4),
              Work(Region::kHamstrings, Side::kRight, 2, 1)}),
        Note(4, 42, 1, Ymd(2026, 10, 22), {Work(Region::kCalves, Side::kLeft, 2, 1)}),
    };
    const auto report = reports::BuildClientReport(inputs);
    std::vector<std::string> titles;
    for (const auto& series : report.pain_trends) {
        titles.push_back(series.title);
    }
    const std::vector<std::string> expected{"Left calf", "Calves (both sides)", "Left hamstring",
                                            "Right hamstring"};
    BOOST_TEST(titles == expected, boost::test_tools::per_element());
    const auto& both = Series(report, "Calves (both sides)").points;
    BOOST_TEST_REQUIRE(both.size() == 3U);
    BOOST_TEST(both[1].before == 5);
    BOOST_TEST(both[2].before == 3);
    BOOST_TEST(both[2].change == -2);
    BOOST_TEST(Series(report, "Left calf").points.size() == 1U);
}

BOOST_AUTO_TEST_CASE(pain_series_follow_region_order_then_left_right_both_midline) {
    auto inputs = BasicInputs();
    inputs.notes = {
        Note(1, 42, 1, Ymd(2026, 10, 1),
             {Work(Region::kHamstrings, Side::kRight, 3, 2),
              Work(Region::kLowerBack, Side::kMidline, 5, 4),
              Work(Region::kCalves, Side::kBilateral, 4, std::nullopt)}),
        Note(
            2, 42, 1, Ymd(2026, 10, 8),
            {Work(Region::kHamstrings, Side::kLeft, 6, 4), Work(Region::kCalves, Side::kLeft, 2, 1),
             Work(Region::kGlutes, Side::kBilateral, std::nullopt, std::nullopt)}),
    };
    const auto report = reports::BuildClientReport(inputs);
    std::vector<std::string> titles;
    for (const auto& series : report.pain_trends) {
        titles.push_back(series.title);
    }
    const std::vector<std::string> expected{"Left calf", "Calves (both sides)", "Left hamstring",
                                            "Right hamstring", "Lower back"};
    BOOST_TEST(titles == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bilateral_work_counts_for_both_sides_once_per_session) {
    auto inputs = BasicInputs();
    inputs.notes = {
        // Bilateral and left in one session: the left counts once.
        Note(1, 42, 1, Ymd(2026, 10, 1),
             {Work(Region::kCalves, Side::kBilateral, std::nullopt, std::nullopt),
              Work(Region::kCalves, Side::kLeft, std::nullopt, std::nullopt),
              Work(Region::kLowerBack, Side::kMidline, std::nullopt, std::nullopt)}),
        Note(2, 42, 1, Ymd(2026, 10, 8),
             {Work(Region::kCalves, Side::kRight, std::nullopt, std::nullopt)}),
    };
    const auto report = reports::BuildClientReport(inputs);
    const auto count = [&](Region region, Side side) {
        for (const auto& c : report.treated_counts) {
            if (c.region == region && c.side == side) {
                return c.count;
            }
        }
        return 0;
    };
    BOOST_TEST(count(Region::kCalves, Side::kLeft) == 1);
    BOOST_TEST(count(Region::kCalves, Side::kRight) == 2);
    BOOST_TEST(count(Region::kCalves, Side::kBilateral) == 0);
    BOOST_TEST(count(Region::kLowerBack, Side::kMidline) == 1);
    BOOST_TEST(report.treated_counts.size() == 3U);
    // The document's body chart carries the same counts.
    const auto document = reports::ClientReportDocument(report, {});
    const auto figures = test::BlocksOf<reports::BodyChartFigure>(document);
    BOOST_TEST_REQUIRE(figures.size() == 1U);
    BOOST_TEST(figures.front().counts.size() == 3U);
    BOOST_TEST(!figures.front().legend_label.empty());
}

BOOST_AUTO_TEST_CASE(goal_comes_from_the_plan_when_the_plan_has_a_race) {
    auto inputs = BasicInputs();
    auto intake = BasicIntake(Ymd(2026, 6, 1));
    intake.runner.goal_race = {"Dublin Marathon", Ymd(2026, 10, 25), 42.195};
    inputs.intake = intake;
    core::Plan plan;
    plan.race_date = Ymd(2027, 1, 10);  // a race on the training calendar, not the intake's
    plan.training = {{Ymd(2027, 1, 3), core::RunType::kLong, 30.0, false},
                     {Ymd(2027, 1, 10), core::RunType::kRace, 21.1, false}};
    inputs.plan = plan;
    auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.goal.race_date == std::optional<core::Date>(Ymd(2027, 1, 10)));
    BOOST_TEST(report.goal.distance_km == std::optional<double>(21.1));
    BOOST_TEST(report.goal.race_name.empty());
    BOOST_TEST(report.goal.days_to_go == std::optional<int>(50));

    // The same race as the intake's: the intake names it.
    inputs.plan->race_date = Ymd(2026, 10, 25);
    inputs.plan->training.clear();
    report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.goal.race_name == "Dublin Marathon");
    BOOST_TEST(report.goal.distance_km == std::optional<double>(42.195));
}

BOOST_AUTO_TEST_CASE(goal_falls_back_to_the_intake_and_a_past_race_counts_negative_days) {
    auto inputs = BasicInputs();
    auto intake = BasicIntake(Ymd(2026, 6, 1));
    intake.runner.units = core::DistanceUnit::kMi;
    intake.runner.goal_race = {"Dublin Marathon", core::AddDays(kToday, -10), 42.195};
    inputs.intake = intake;
    inputs.plan = core::Plan{};  // a plan without a race
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.goal.race_name == "Dublin Marathon");
    BOOST_TEST(report.goal.days_to_go == std::optional<int>(-10));
    BOOST_TEST(report.units == core::DistanceUnit::kMi);
    const auto document = reports::ClientReportDocument(report, {});
    const auto goal = test::BlockAfter<reports::FactList>(document, "Goal");
    const std::vector<std::pair<std::string, std::string>> expected{{"Race", "Dublin Marathon"},
                                                                    {"Date", "11 Nov 2026"},
                                                                    {"Distance", "26.2 mi"},
                                                                    {"When", "10 days ago"}};
    BOOST_TEST_REQUIRE(goal.facts.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST(goal.facts[i].first == expected[i].first);
        BOOST_TEST(goal.facts[i].second == expected[i].second);
    }
}

BOOST_AUTO_TEST_CASE(the_history_says_amended_no_treatment_and_flag_overrides) {
    auto inputs = BasicInputs();
    core::SessionNote amended =
        Note(1, 42, 1, Ymd(2026, 9, 1), {Work(Region::kCalves, Side::kLeft, 6, 3)});
    amended.amendments.push_back({1, "", 1, "wrong side", core::NoteSection::kPlan, "x", {}});
    core::SessionNote referred = Note(2, 42, 1, Ymd(2026, 9, 8), {}, {});
    referred.no_treatment = core::NoTreatment::kReferred;
    referred.flag_override = "Seen to hand over the GP letter.";
    inputs.notes = {amended, referred};
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.session_count == 1);  // the session without treatment is not counted
    const auto document = reports::ClientReportDocument(report, {});
    const auto history = test::BlockAfter<reports::Table>(document, "Session history");
    BOOST_REQUIRE(history.rows.size() == 2u);
    BOOST_TEST(history.rows[0][0].find("Amended") != std::string::npos, history.rows[0][0]);
    BOOST_TEST(history.rows[1][2] == "No treatment: Referred on\nFlag overridden (see below)");
    // The reason in full under the narrow table.
    const auto reasons = test::BlockAfter<reports::Paragraph>(document, "Session history");
    BOOST_TEST(reasons.text == "Flag overridden on 8 Sep 2026: Seen to hand over the GP letter.");
}

BOOST_AUTO_TEST_CASE(a_race_weeks_ahead_reads_in_weeks_and_no_goal_says_so) {
    auto inputs = BasicInputs();
    auto intake = BasicIntake(Ymd(2026, 6, 1));
    intake.runner.goal_race = {"", core::AddDays(kToday, 45), std::nullopt};
    inputs.intake = intake;
    auto document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    const auto goal = test::BlockAfter<reports::FactList>(document, "Goal");
    BOOST_TEST(goal.facts.back().second == "in 6 weeks (45 days)");
    BOOST_TEST(goal.facts.front().second == "Goal race");

    inputs.intake->runner.goal_race = {};
    document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    BOOST_TEST(test::BlockAfter<reports::Paragraph>(document, "Goal").text ==
               "No goal race on file.");
}

BOOST_AUTO_TEST_CASE(plan_ahead_leaves_out_past_and_skipped_sessions) {
    using core::PlannedSessionStatus;
    auto inputs = BasicInputs();
    core::Plan plan;
    plan.sessions = {Planned(core::AddDays(kToday, -1), PlannedSessionStatus::kPlanned),
                     Planned(kToday, PlannedSessionStatus::kPlanned),
                     Planned(core::AddDays(kToday, 3), PlannedSessionStatus::kSkipped),
                     Planned(core::AddDays(kToday, 7), PlannedSessionStatus::kBooked)};
    plan.sessions[3].cautions.clear();
    core::PlanWarning warning;
    warning.code = core::PlanWarningCode::kNoSessionHistory;
    warning.date = kToday;
    plan.warnings = {warning};
    inputs.plan = plan;
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST_REQUIRE(report.plan_ahead.size() == 2U);
    BOOST_TEST(report.plan_ahead[0].date == kToday);
    BOOST_TEST(report.plan_ahead[1].date == core::AddDays(kToday, 7));
    BOOST_TEST((report.plan_ahead[1].status == PlannedSessionStatus::kBooked));
    BOOST_TEST_REQUIRE(report.plan_ahead[0].reasons.size() == 1U);
    BOOST_TEST((report.plan_ahead[0].reasons[0] == plan.sessions[1].reasons[0]));
    BOOST_TEST_REQUIRE(report.plan_ahead[0].cautions.size() == 1U);
    BOOST_TEST_REQUIRE(report.plan_warnings.size() == 1U);
    BOOST_TEST((report.plan_warnings[0] == warning));
    const reports::ReportLocale locale;
    const std::string why = locale.Reason(report.plan_ahead[0].reasons[0]);
    const std::string caution = locale.Caution(report.plan_ahead[0].cautions[0]);

    const auto document = reports::ClientReportDocument(report, {});
    const auto table = test::BlockAfter<reports::Table>(document, "Plan ahead");
    BOOST_TEST_REQUIRE(table.columns.size() == 5U);
    BOOST_TEST(table.columns[4].title == "Why");
    BOOST_TEST_REQUIRE(table.rows.size() == 2U);
    const auto& row = table.rows[0];
    BOOST_TEST(row[0] == "21 Nov 2026");
    BOOST_TEST(row[1] == "Build");
    BOOST_TEST(row[2] == "Sports massage, Swedish\n45 min\nPressure up to 5/10");
    BOOST_TEST(row[3] == "Calves (both sides)");
    // The booked session has no caution, so this one is the first session's own.
    BOOST_TEST(row[4] == why + "\nCaution: " + caution);
    BOOST_TEST(table.rows[1][0] == "28 Nov 2026\nBooked");
    BOOST_TEST(test::AnyContains(test::ParagraphTexts(document, reports::ParagraphStyle::kSmall),
                                 locale.Warning(report.plan_warnings[0])));
    // Cautions write their dates as the report does, not as ISO dates.
    core::PlanCaution dated;
    dated.code = core::PlanCautionCode::kDayBeforeHardRun;
    dated.detail.date = kToday;
    dated.detail.run_type = core::RunType::kIntervals;
    BOOST_TEST(locale.Caution(dated).find("21 Nov 2026") != std::string::npos,
               locale.Caution(dated));
    BOOST_TEST(locale.Caution(dated).find("2026-11-21") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_caution_every_session_shares_is_said_once_under_the_plan) {
    using core::PlannedSessionStatus;
    auto inputs = BasicInputs();
    core::Plan plan;
    plan.sessions = {Planned(kToday, PlannedSessionStatus::kPlanned),
                     Planned(core::AddDays(kToday, 7), PlannedSessionStatus::kPlanned)};
    BOOST_TEST_REQUIRE(plan.sessions[1].cautions.size() == 1U);
    plan.sessions[1].cautions = plan.sessions[0].cautions;
    inputs.plan = plan;
    const auto report = reports::BuildClientReport(inputs);
    const auto document = reports::ClientReportDocument(report, {});
    const auto table = test::BlockAfter<reports::Table>(document, "Plan ahead");
    BOOST_TEST_REQUIRE(table.rows.size() == 2U);
    const reports::ReportLocale locale;
    const std::string caution = locale.Caution(plan.sessions[0].cautions[0]);
    for (const auto& row : table.rows) {
        BOOST_TEST(row[4].find(caution) == std::string::npos, row[4]);
    }
    BOOST_TEST(test::AnyContains(test::ParagraphTexts(document, reports::ParagraphStyle::kSmall),
                                 "For every session ahead:\n• " + caution));
}

BOOST_AUTO_TEST_CASE(plan_sentences_use_the_clients_units) {
    auto inputs = BasicInputs();
    core::Plan plan;
    auto session = Planned(core::AddDays(kToday, 1), core::PlannedSessionStatus::kPlanned);
    core::PlanReason reason;
    reason.code = core::PlanReasonCode::kAfterLongRun;
    reason.detail.date = kToday;
    reason.detail.run_type = core::RunType::kLong;
    reason.detail.distance_km = 32;
    session.reasons = {reason};
    plan.sessions = {session};
    inputs.plan = plan;
    // Without an intake: km.
    auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.units == core::DistanceUnit::kKm);
    BOOST_TEST(
        reports::ReportLocale{}.Reason(report.plan_ahead.at(0).reasons.at(0)).find("32 km") !=
        std::string::npos);
    auto intake = BasicIntake(Ymd(2026, 6, 1));
    intake.runner.units = core::DistanceUnit::kMi;
    inputs.intake = intake;
    report = reports::BuildClientReport(inputs);
    reports::ReportLocale miles;
    miles.units = report.units;
    BOOST_TEST(miles.Reason(report.plan_ahead.at(0).reasons.at(0)).find("19.9 mi") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_generated_plan_gives_rows_with_reasons) {
    auto plan_inputs = test::MarathonRunner(10);
    const core::Plan plan = core::GeneratePlan(plan_inputs);
    auto inputs = BasicInputs();
    inputs.today = plan_inputs.today;
    inputs.intake = plan_inputs.intake;
    inputs.plan = plan;
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.goal.race_name == "Test Marathon");
    BOOST_TEST(report.goal.days_to_go == std::optional<int>(69));
    BOOST_TEST_REQUIRE(!report.plan_ahead.empty());
    for (const auto& row : report.plan_ahead) {
        BOOST_TEST(row.date >= inputs.today);
        BOOST_TEST(!row.reasons.empty());
    }
}

BOOST_AUTO_TEST_CASE(an_outdated_intake_is_flagged_in_the_document) {
    auto inputs = BasicInputs();
    inputs.intake = BasicIntake(Ymd(2025, 11, 20));  // a year and a day
    auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.intake_outdated);
    auto document = reports::ClientReportDocument(report, {});
    const auto warnings = test::ParagraphTexts(document, reports::ParagraphStyle::kWarning);
    BOOST_TEST(test::AnyContains(warnings,
                                 "The intake of 20 Nov 2025 is over a year old — ask "
                                 "the client to renew it."));
    const auto intake = test::BlockAfter<reports::FactList>(document, "Intake summary");
    BOOST_TEST_REQUIRE(intake.facts.size() == 4U);
    BOOST_TEST(intake.facts[0].second == "20 Nov 2025");
    BOOST_TEST(intake.facts[1].second == "Left hamstring: pain 6/10");
    BOOST_TEST(intake.facts[2].second == "Varicose veins, right calf");
    BOOST_TEST(intake.facts[3].second == "Ibuprofen — Anti-inflammatory (NSAID)");

    inputs.intake = BasicIntake(Ymd(2025, 11, 21));  // exactly a year: not yet
    report = reports::BuildClientReport(inputs);
    BOOST_TEST(!report.intake_outdated);
    document = reports::ClientReportDocument(report, {});
    BOOST_TEST(!test::AnyContains(test::AllTexts(document), "over a year old"));
}

BOOST_AUTO_TEST_CASE(no_intake_is_a_warning_and_not_screened) {
    const auto document =
        reports::ClientReportDocument(reports::BuildClientReport(BasicInputs()), {});
    const auto warnings = test::ParagraphTexts(document, reports::ParagraphStyle::kWarning);
    BOOST_TEST(test::AnyContains(warnings, "No intake on file"));
    BOOST_TEST(test::AnyContains(warnings, "Not screened"));
}

BOOST_AUTO_TEST_CASE(flags_appear_as_warning_paragraphs) {
    auto inputs = BasicInputs();
    inputs.intake = BasicIntake(Ymd(2026, 6, 1));
    core::ContraindicationFlag veins;
    veins.level = core::FlagLevel::kLocal;
    veins.code = core::FlagCode::kVaricoseVeins;
    veins.region = Region::kCalves;
    veins.side = Side::kRight;
    core::ContraindicationFlag medication;
    medication.level = core::FlagLevel::kModify;
    medication.code = core::FlagCode::kPainMaskingMedication;
    inputs.flags = {veins, medication};
    auto report = reports::BuildClientReport(inputs);
    BOOST_TEST((report.flags == inputs.flags));
    auto document = reports::ClientReportDocument(report, {});
    const auto warnings = test::ParagraphTexts(document, reports::ParagraphStyle::kWarning);
    BOOST_TEST_REQUIRE(warnings.size() == 2U);
    BOOST_TEST(warnings[0] == "Avoid area — Varicose veins, right calf");
    BOOST_TEST(warnings[1] == reports::DescribeFlag(medication, {}));

    // The physician letter lists them the same way.
    document = reports::PhysicianLetterDocument(report, {});
    BOOST_TEST(test::ParagraphTexts(document, reports::ParagraphStyle::kWarning) == warnings,
               boost::test_tools::per_element());

    inputs.flags.clear();
    document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    BOOST_TEST(test::ParagraphTexts(document, reports::ParagraphStyle::kWarning).empty());
    BOOST_TEST(test::BlockAfter<reports::Paragraph>(document, "Contraindications").text ==
               "None recorded on 21 Nov 2026.");
}

BOOST_AUTO_TEST_CASE(history_has_a_row_per_note_in_date_order_with_the_header_columns) {
    auto inputs = BasicInputs();
    inputs.notes = {
        Note(2, 42, 2, Ymd(2026, 10, 8), {Work(Region::kCalves, Side::kLeft, 4, std::nullopt, 6)},
             {{Technique::kDeepTissue, 30}, {Technique::kSwedish, 20}}),
        Note(1, 42, 1, Ymd(2026, 10, 1),
             {Work(Region::kHamstrings, Side::kLeft, 6, 3, 7),
              Work(Region::kGlutes, Side::kBilateral, std::nullopt, std::nullopt, 4)}),
        Note(3, 42, 9, Ymd(2026, 10, 15)),  // a therapist without a name
    };
    inputs.notes[2].signed_at.clear();
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST_REQUIRE(report.history.size() == 3U);
    BOOST_TEST(report.history[0].date == Ymd(2026, 10, 1));
    BOOST_TEST(report.history[0].therapist == "Máire Ní Dhomhnaill");
    BOOST_TEST(report.history[2].therapist.empty());
    BOOST_TEST(!report.history[2].is_signed);
    BOOST_TEST(report.session_count == 3);
    BOOST_TEST(report.first_session == std::optional<core::Date>(Ymd(2026, 10, 1)));
    BOOST_TEST(report.last_session == std::optional<core::Date>(Ymd(2026, 10, 15)));
    BOOST_TEST(report.therapist_name.empty());  // the newest note's therapist has no name

    const auto document = reports::ClientReportDocument(report, {});
    const auto table = test::BlockAfter<reports::Table>(document, "Session history");
    std::vector<std::string> titles;
    for (const auto& column : table.columns) {
        titles.push_back(column.title);
    }
    const std::vector<std::string> expected_titles{
        "Date", "Therapist", "Techniques", "Regions (side) with pressure", "Pain before → after"};
    BOOST_TEST(titles == expected_titles, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(table.rows.size() == inputs.notes.size());
    for (const auto& row : table.rows) {
        BOOST_TEST(row.size() == table.columns.size());
    }
    const std::vector<std::string> first{"1 Oct 2026", "Máire Ní Dhomhnaill", "Sports massage",
                                         "Left hamstring — 7/10\nGlutes (both sides) — 4/10",
                                         "Left hamstring: 6 → 3"};
    BOOST_TEST(table.rows[0] == first, boost::test_tools::per_element());
    BOOST_TEST(table.rows[1][2] == "Deep tissue\nSwedish");
    BOOST_TEST(table.rows[1][4] == "Left calf: 4 → –");
    BOOST_TEST(table.rows[2][0] == "15 Oct 2026\nNot signed");
    BOOST_TEST(table.rows[2][1] == "Unknown therapist");
}

BOOST_AUTO_TEST_CASE(unicode_and_quoted_names_pass_through_unchanged) {
    auto inputs = BasicInputs();
    inputs.client.given_name = "Zoë";
    inputs.client.preferred_name = "Z \"Bolt\"";
    inputs.client.family_name = "O'Brien-Ñúñez 李";
    const std::string therapist = "D'Arcy \"Doc\" Ó Sé {0}";
    inputs.staff_names[1] = therapist;
    inputs.notes = {Note(1, 42, 1, Ymd(2026, 10, 1))};
    const auto report = reports::BuildClientReport(inputs);
    const std::string name = core::DisplayName(inputs.client);
    auto document = reports::ClientReportDocument(report, {});
    BOOST_TEST(document.subtitle == name);
    BOOST_TEST(document.footer_text == name + " — Client progress report");
    const auto table = test::BlockAfter<reports::Table>(document, "Session history");
    BOOST_TEST(table.rows.at(0).at(1) == therapist);
    const auto signatures = test::BlocksOf<reports::SignatureLine>(document);
    BOOST_TEST_REQUIRE(signatures.size() == 2U);
    BOOST_TEST(signatures[0].name == therapist);
    BOOST_TEST(signatures[0].caption == "Therapist");
    BOOST_TEST(signatures[1].caption == "Date");

    document = reports::PhysicianLetterDocument(report, {});
    BOOST_TEST(document.subtitle == name);
    BOOST_TEST(test::AnyContains(test::AllTexts(document), "Re: " + name + ", born 12 Mar 1990"));
}

BOOST_AUTO_TEST_CASE(the_document_has_letterhead_footer_and_client_facts) {
    auto inputs = BasicInputs();
    inputs.notes = {Note(1, 42, 1, Ymd(2026, 10, 1))};
    const auto document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    BOOST_TEST(document.title == "Client progress report");
    BOOST_TEST(document.letterhead.clinic_name == "Liffey Sports Massage");
    const std::vector<std::string> address{"12 Quay Street", "Dublin 8"};
    BOOST_TEST(document.letterhead.address_lines == address, boost::test_tools::per_element());
    BOOST_TEST(document.letterhead.contact == "01 234 5678 · desk@liffey.ie");
    BOOST_TEST(document.printed_text == "Printed 21 Nov 2026");
    BOOST_TEST(document.page_format == "Page {page} of {pages}");
    const auto client = test::BlockAfter<reports::FactList>(document, "Client");
    BOOST_TEST(client.facts.at(1).first == "Date of birth");
    BOOST_TEST(client.facts.at(1).second == "12 Mar 1990 (age 36)");
    BOOST_TEST(test::AnyContains(test::AllTexts(document), "Dr Aoife Byrne"));
}

BOOST_AUTO_TEST_CASE(a_letterhead_without_email_has_the_phone_alone) {
    auto inputs = BasicInputs();
    inputs.clinic.email.clear();
    const auto document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    BOOST_TEST(document.letterhead.contact == "01 234 5678");
}

BOOST_AUTO_TEST_CASE(pain_chart_ticks_are_month_starts_thinned_to_eight) {
    auto inputs = BasicInputs();
    inputs.notes = {
        Note(1, 42, 1, Ymd(2025, 1, 15), {Work(Region::kCalves, Side::kLeft, 5, 3)}),
        Note(2, 42, 1, Ymd(2026, 6, 10), {Work(Region::kCalves, Side::kLeft, 3, 2)}),
    };
    auto document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    auto charts = test::BlocksOf<reports::PainTrendChart>(document);
    BOOST_TEST_REQUIRE(charts.size() == 1U);
    auto chart = charts.front();
    BOOST_TEST(chart.first == Ymd(2025, 1, 15));
    BOOST_TEST(chart.last == Ymd(2026, 6, 10));
    BOOST_TEST(!chart.ticks.empty());
    BOOST_TEST(chart.ticks.size() <= 8U);
    for (const auto& tick : chart.ticks) {
        BOOST_TEST(unsigned{tick.date.day()} == 1U);
        BOOST_TEST(tick.date > chart.first);
        BOOST_TEST(tick.date <= chart.last);
    }
    BOOST_TEST(chart.ticks.front().label == "Mar 2025");  // every second month from Jan
    BOOST_TEST(chart.before_label == "Pain before");

    // A short span: every month start, labelled.
    inputs.notes[1].date = Ymd(2025, 3, 2);
    document = reports::ClientReportDocument(reports::BuildClientReport(inputs), {});
    chart = test::BlocksOf<reports::PainTrendChart>(document).front();
    BOOST_TEST_REQUIRE(chart.ticks.size() == 2U);
    BOOST_TEST(chart.ticks[0].label == "Feb 2025");
    BOOST_TEST(chart.ticks[1].label == "Mar 2025");
}

BOOST_AUTO_TEST_CASE(physician_letter_reports_findings_first_to_latest) {
    auto inputs = BasicInputs();
    inputs.client.referral_source = "Dr Aoife Byrne";
    inputs.intake = BasicIntake(Ymd(2026, 6, 1));
    inputs.notes = {
        Note(1, 42, 1, Ymd(2026, 9, 1), {Work(Region::kHamstrings, Side::kLeft, 6, 4)}),
        Note(2, 42, 1, Ymd(2026, 9, 15), {Work(Region::kHamstrings, Side::kLeft, 5, 3)}),
        Note(3, 42, 2, Ymd(2026, 10, 1),
             {Work(Region::kHamstrings, Side::kLeft, 4, 2),
              Work(Region::kCalves, Side::kRight, 3, 1)},
             {{Technique::kSports, 30}, {Technique::kTriggerPoint, 15}}),
    };
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.therapist_name == "Tom Walsh");
    const auto document = reports::PhysicianLetterDocument(report, {});
    BOOST_TEST(document.title == "Letter to the client's physician");
    const auto texts = test::AllTexts(document);
    BOOST_TEST(test::AnyContains(texts, "Dear Dr Aoife Byrne,"));
    BOOST_TEST(test::AnyContains(
        texts,
        "Left hamstring: pain 6/10 at the first session, 2/10 after the latest (3 "
        "sessions)"));
    BOOST_TEST(test::AnyContains(texts,
                                 "Right calf: pain 3/10 before and 1/10 after the only "
                                 "session"));
    BOOST_TEST(test::AnyContains(texts, "3 sessions from 1 Sep 2026 to 1 Oct 2026."));
    BOOST_TEST(test::AnyContains(
        texts, "Techniques used: Trigger point therapy (1 session), Sports massage (3 sessions)."));
    BOOST_TEST(test::AnyContains(texts, "Left hamstring: pain 6/10"));
    BOOST_TEST(test::AnyContains(texts, "Referred by: Dr Aoife Byrne"));
    BOOST_TEST(test::AnyContains(texts, "Yours sincerely,"));
    BOOST_TEST(test::BlocksOf<reports::PainTrendChart>(document).empty());
    BOOST_TEST(test::BlocksOf<reports::BodyChartFigure>(document).empty());
    const auto signatures = test::BlocksOf<reports::SignatureLine>(document);
    BOOST_TEST_REQUIRE(signatures.size() == 1U);
    BOOST_TEST(signatures[0].name == "Tom Walsh");
    const auto contact = test::BlockAfter<reports::FactList>(document, "Contact");
    BOOST_TEST(contact.facts.back().second == "Tom Walsh");
}

BOOST_AUTO_TEST_CASE(physician_letter_without_physician_or_plan) {
    auto inputs = BasicInputs();
    inputs.client.physician.clear();
    inputs.client.date_of_birth.reset();
    const auto document = reports::PhysicianLetterDocument(reports::BuildClientReport(inputs), {});
    const auto texts = test::AllTexts(document);
    BOOST_TEST(test::AnyContains(texts, "Dear Doctor,"));
    BOOST_TEST(test::AnyContains(texts, "Re: Siobhán Ní Bhriain"));
    BOOST_TEST(test::AnyContains(texts, "No sessions planned ahead."));
    BOOST_TEST(test::AnyContains(texts, "No sessions yet."));
    BOOST_TEST(test::AnyContains(texts, "No pain scores recorded."));
}

BOOST_AUTO_TEST_CASE(physician_letter_lists_the_next_three_sessions) {
    auto inputs = BasicInputs();
    core::Plan plan;
    for (int week = 0; week < 5; ++week) {
        plan.sessions.push_back(
            Planned(core::AddDays(kToday, 7 * week + 1), core::PlannedSessionStatus::kPlanned));
    }
    inputs.plan = plan;
    const auto document = reports::PhysicianLetterDocument(reports::BuildClientReport(inputs), {});
    const auto plan_text = test::BlockAfter<reports::Paragraph>(document, "Plan").text;
    BOOST_TEST(plan_text ==
               "Current phase: Build.\n"
               "22 Nov 2026: Sports massage, Swedish; 45 min; pressure up to 5/10\n"
               "29 Nov 2026: Sports massage, Swedish; 45 min; pressure up to 5/10\n"
               "6 Dec 2026: Sports massage, Swedish; 45 min; pressure up to 5/10\n"
               "2 more sessions planned, up to 20 Dec 2026.");
}

BOOST_AUTO_TEST_CASE(a_locale_formats_the_document_dates) {
    auto inputs = BasicInputs();
    inputs.notes = {Note(1, 42, 1, Ymd(2026, 10, 1))};
    reports::ReportLocale locale;
    locale.format_date = [](const core::Date& date) { return core::FormatIsoDate(date); };
    const auto document = reports::ClientReportDocument(reports::BuildClientReport(inputs), locale);
    BOOST_TEST(document.printed_text == "Printed 2026-11-21");
    BOOST_TEST(test::BlockAfter<reports::Table>(document, "Session history").rows.at(0).at(0) ==
               "2026-10-01");
}

BOOST_AUTO_TEST_CASE(the_appointments_booked_ahead_are_listed_with_time_and_therapist) {
    auto inputs = BasicInputs();
    inputs.appointments = {{Ymd(2026, 11, 20), 9 * 60, 60, "Tom Walsh", ""},  // yesterday
                           {kToday, 17 * 60 + 30, 45, "Máire Ní Dhomhnaill", "Sports massage 45"},
                           {Ymd(2026, 11, 28), 23 * 60 + 30, 60, "Tom Walsh", ""}};
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST_REQUIRE(report.appointments.size() == 2U);
    const auto document = reports::ClientReportDocument(report, {});
    const auto table = test::BlockAfter<reports::Table>(document, "Appointments booked");
    BOOST_REQUIRE(table.rows.size() == 2U);
    const std::vector<std::string> first{"21 Nov 2026", "17:30–18:15", "Máire Ní Dhomhnaill",
                                         "Sports massage 45"};
    BOOST_TEST(table.rows[0] == first, boost::test_tools::per_element());
    BOOST_TEST(table.rows[1][1] == "23:30–00:30");  // past midnight

    const auto none = reports::ClientReportDocument(reports::BuildClientReport(BasicInputs()), {});
    const auto empty = test::BlockAfter<reports::Table>(none, "Appointments booked");
    BOOST_TEST(empty.rows.empty());
    BOOST_TEST(empty.empty_text == "No appointments booked");
}

// A weekly series runs for months: the report lists the first few and sums up the rest.
BOOST_AUTO_TEST_CASE(a_long_series_ahead_is_listed_in_part_and_summed_up) {
    auto inputs = BasicInputs();
    for (int week = 0; week < 20; ++week) {
        inputs.appointments.push_back(
            {core::AddDays(kToday, 7 * week), 10 * 60, 60, "Tom Walsh", "Sports massage 60"});
    }
    const auto report = reports::BuildClientReport(inputs);
    BOOST_TEST(report.appointments.size() == reports::kAppointmentsListed);
    BOOST_TEST(report.appointments_more == 20 - reports::kAppointmentsListed);
    BOOST_TEST((report.appointments_last == core::AddDays(kToday, 7 * 19)));
    reports::ReportLocale locale;
    locale.format_date = [](const core::Date& date) { return core::FormatIsoDate(date); };
    const auto document = reports::ClientReportDocument(report, locale);
    BOOST_TEST(test::BlockAfter<reports::Table>(document, "Appointments booked").rows.size() ==
               reports::kAppointmentsListed);
    BOOST_TEST(test::AnyContains(test::ParagraphTexts(document, reports::ParagraphStyle::kSmall),
                                 "And 8 more, the last on 2027-04-03."));
}

BOOST_AUTO_TEST_SUITE_END()
