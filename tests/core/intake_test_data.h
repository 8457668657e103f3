#pragma once

#include <myodesk/core/intake.h>

namespace myodesk::test {

// A complete, valid intake using every part of the model (a marathoner on 2026-11-02).
inline core::Intake FullIntake() {
    using namespace myodesk::core;
    using namespace std::chrono;
    Intake intake;
    intake.taken_on = Date{year{2026}, November, day{2}};
    intake.health.conditions = {
        {ConditionCode::kBruising, Region::kQuadriceps, Side::kLeft,
         Date{year{2026}, October, day{30}}},
        {ConditionCode::kMigraine, std::nullopt, std::nullopt, std::nullopt},
    };
    intake.health.medications = {{"Ibuprofen 400 mg", MedicationClass::kNsaid},
                                 {"Vitamin D", MedicationClass::kOther}};
    intake.health.surgeries = {{Date{year{2019}, March, day{4}}, Region::kHips, Side::kRight,
                                "arthroscopy", "Labral repair; \"full recovery\""}};
    intake.health.injuries = {{Date{year{2026}, October, day{30}}, Region::kAnkles, Side::kLeft,
                               "acute", "Rolled it on a trail — O'Connell park"}};
    intake.health.pregnant = false;
    intake.health.allergies = "Arnica; nut oils";
    intake.runner.goal_race = {"Valencia Marathon", Date{year{2026}, December, day{6}}, 42.195};
    intake.runner.goal = RaceGoal::kPersonalBest;
    intake.runner.units = DistanceUnit::kMi;
    intake.runner.runs_per_week = 5;
    intake.runner.long_run_weekday = Weekday::kSunday;
    intake.runner.weekly_distance_km = 72.5;
    intake.runner.longest_run_30d_km = 32;
    intake.runner.recent_runs = {{Date{year{2026}, November, day{1}}, 32, RunType::kLong},
                                 {Date{year{2026}, October, day{29}}, 10.5, RunType::kTempo}};
    intake.soreness = {{Region::kHamstrings, Side::kLeft, 6},
                       {Region::kCalves, Side::kBilateral, 3}};
    intake.avoid_regions = {{Region::kQuadriceps, Side::kLeft}};
    intake.preferences = {Pressure::kFirm, "Prefers no music; Zoë's friend"};
    intake.consent = {true, "Zoë Ångström", Date{year{2026}, November, day{2}}};
    return intake;
}

}  // namespace myodesk::test
