#pragma once

// The rows of an intake as SOCI binds them: the `intakes` row and the rows of its six lists,
// shared by IntakeRepository and the demo practice writer (both write them; the repository
// reads the intake back). Each table's columns are listed once, in its row's VisitColumns.

#include "row_binding.h"

#include <myodesk/core/codes.h>
#include <myodesk/core/intake.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myodesk::db::detail {

inline constexpr StoredValues kStoredIntake{"intake"};

// The `intakes` row: the intake's single answers (its lists live in the child tables).
struct IntakeRow {
    long long id = 0;
    long long client_id = 0;
    std::string taken_on;
    int pregnant = 0;
    Nullable<int> pregnancy_weeks;
    std::string allergies;
    std::string goal_race_name;
    Nullable<std::string> goal_race_date;
    Nullable<double> goal_race_distance_km;
    Nullable<std::string> goal;
    std::string units;
    Nullable<int> runs_per_week;
    Nullable<std::string> long_run_weekday;
    Nullable<double> weekly_distance_km;
    Nullable<double> longest_run_30d_km;
    Nullable<std::string> preference_pressure;
    std::string preference_notes;
    int consent_accepted = 0;
    std::string consent_signed_name;
    Nullable<std::string> consent_signed_on;
    std::string created_at;

    static IntakeRow From(const core::Intake& intake) {
        IntakeRow row;
        row.id = intake.id;
        row.client_id = intake.client_id;
        row.taken_on = core::FormatIsoDate(intake.taken_on);
        row.pregnant = intake.health.pregnant ? 1 : 0;
        row.pregnancy_weeks.Set(intake.health.pregnancy_weeks);
        row.allergies = intake.health.allergies;
        const auto& runner = intake.runner;
        row.goal_race_name = runner.goal_race.name;
        row.goal_race_date.Set(OptionalDate(runner.goal_race.date));
        row.goal_race_distance_km.Set(runner.goal_race.distance_km);
        row.goal.Set(OptionalCode(runner.goal));
        row.units = Code(runner.units);
        row.runs_per_week.Set(runner.runs_per_week);
        row.long_run_weekday.Set(OptionalCode(runner.long_run_weekday));
        row.weekly_distance_km.Set(runner.weekly_distance_km);
        row.longest_run_30d_km.Set(runner.longest_run_30d_km);
        row.preference_pressure.Set(OptionalCode(intake.preferences.pressure));
        row.preference_notes = intake.preferences.notes;
        row.consent_accepted = intake.consent.accepted ? 1 : 0;
        row.consent_signed_name = intake.consent.signed_name;
        row.consent_signed_on.Set(OptionalDate(intake.consent.signed_on));
        row.created_at = intake.created_at;
        return row;
    }

    // The intake's id, client, date and health answers (VisitHealthColumns), the rest empty.
    core::Intake ToHealthIntake() const {
        core::Intake intake;
        intake.id = id;
        intake.client_id = client_id;
        intake.taken_on = kStoredIntake.Date(taken_on, "intakes.taken_on");
        intake.health.pregnant = pregnant != 0;
        intake.health.pregnancy_weeks = pregnancy_weeks.Get();
        intake.health.allergies = allergies;
        return intake;
    }

    // The intake without its lists.
    core::Intake ToIntake() const {
        core::Intake intake = ToHealthIntake();
        auto& runner = intake.runner;
        runner.goal_race.name = goal_race_name;
        runner.goal_race.date = kStoredIntake.Date(goal_race_date, "intakes.goal_race_date");
        runner.goal_race.distance_km = goal_race_distance_km.Get();
        runner.goal = kStoredIntake.Code<core::RaceGoal>(goal, "intakes.goal");
        runner.units = kStoredIntake.Code<core::DistanceUnit>(units, "intakes.units");
        runner.runs_per_week = runs_per_week.Get();
        runner.long_run_weekday =
            kStoredIntake.Code<core::Weekday>(long_run_weekday, "intakes.long_run_weekday");
        runner.weekly_distance_km = weekly_distance_km.Get();
        runner.longest_run_30d_km = longest_run_30d_km.Get();
        intake.preferences.pressure =
            kStoredIntake.Code<core::Pressure>(preference_pressure, "intakes.preference_pressure");
        intake.preferences.notes = preference_notes;
        intake.consent.accepted = consent_accepted != 0;
        intake.consent.signed_name = consent_signed_name;
        intake.consent.signed_on =
            kStoredIntake.Date(consent_signed_on, "intakes.consent_signed_on");
        intake.created_at = created_at;
        return intake;
    }
};

// The columns IntakeRow::ToHealthIntake reads (and its id): the first VisitColumns visits.
template <typename Visit>
void VisitHealthColumns(IntakeRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("taken_on", row.taken_on);
    visit("pregnant", row.pregnant);
    visit("pregnancy_weeks", row.pregnancy_weeks);
    visit("allergies", row.allergies);
}

// Calls visit(column, field) for every column of `intakes` but id, in one fixed order: the
// INSERT's names, its binds and the SELECT's intos all come from this one list.
template <typename Visit>
void VisitColumns(IntakeRow& row, Visit&& visit) {
    VisitHealthColumns(row, visit);
    visit("goal_race_name", row.goal_race_name);
    visit("goal_race_date", row.goal_race_date);
    visit("goal_race_distance_km", row.goal_race_distance_km);
    visit("goal", row.goal);
    visit("units", row.units);
    visit("runs_per_week", row.runs_per_week);
    visit("long_run_weekday", row.long_run_weekday);
    visit("weekly_distance_km", row.weekly_distance_km);
    visit("longest_run_30d_km", row.longest_run_30d_km);
    visit("preference_pressure", row.preference_pressure);
    visit("preference_notes", row.preference_notes);
    visit("consent_accepted", row.consent_accepted);
    visit("consent_signed_name", row.consent_signed_name);
    visit("consent_signed_on", row.consent_signed_on);
    visit("created_at", row.created_at);
}

// The child tables' rows; `position` is the item's place in its list.

struct ConditionRow {
    long long intake_id = 0;
    int position = 0;
    std::string code;
    Nullable<std::string> region, side, since;
};

template <typename Visit>
void VisitColumns(ConditionRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("code", row.code);
    visit("region", row.region);
    visit("side", row.side);
    visit("since", row.since);
}

struct MedicationRow {
    long long intake_id = 0;
    int position = 0;
    std::string name, medication_class;
};

template <typename Visit>
void VisitColumns(MedicationRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("name", row.name);
    visit("medication_class", row.medication_class);
}

// Surgeries and injuries share `intake_health_events`, told apart by event_type.
struct HealthEventRow {
    long long intake_id = 0;
    std::string event_type;
    int position = 0;
    std::string event_date;
    Nullable<std::string> region, side;
    std::string kind, description;
};

template <typename Visit>
void VisitColumns(HealthEventRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("event_type", row.event_type);
    visit("position", row.position);
    visit("event_date", row.event_date);
    visit("region", row.region);
    visit("side", row.side);
    visit("kind", row.kind);
    visit("description", row.description);
}

struct RecentRunRow {
    long long intake_id = 0;
    int position = 0;
    std::string run_date;
    double distance_km = 0;
    std::string run_type;
};

template <typename Visit>
void VisitColumns(RecentRunRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("run_date", row.run_date);
    visit("distance_km", row.distance_km);
    visit("run_type", row.run_type);
}

struct SorenessRow {
    long long intake_id = 0;
    int position = 0;
    std::string region, side;
    int pain = 0;
};

template <typename Visit>
void VisitColumns(SorenessRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("region", row.region);
    visit("side", row.side);
    visit("pain", row.pain);
}

struct AvoidRegionRow {
    long long intake_id = 0;
    int position = 0;
    std::string region, side;
};

template <typename Visit>
void VisitColumns(AvoidRegionRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("region", row.region);
    visit("side", row.side);
}

inline constexpr std::string_view kSurgeryEvent = "surgery";
inline constexpr std::string_view kInjuryEvent = "injury";

// The rows of an intake's six lists, each list in its order.
struct IntakeListRows {
    std::vector<ConditionRow> conditions;
    std::vector<MedicationRow> medications;
    std::vector<HealthEventRow> health_events;
    std::vector<RecentRunRow> recent_runs;
    std::vector<SorenessRow> soreness;
    std::vector<AvoidRegionRow> avoid_regions;

    static IntakeListRows From(long long intake_id, const core::Intake& intake) {
        IntakeListRows rows;
        const core::Health& health = intake.health;
        int position = 0;
        for (const auto& condition : health.conditions) {
            rows.conditions.push_back({intake_id, position++, Code(condition.code),
                                       NullableOf(OptionalCode(condition.region)),
                                       NullableOf(OptionalCode(condition.side)),
                                       NullableOf(OptionalDate(condition.since))});
        }
        position = 0;
        for (const auto& medication : health.medications) {
            rows.medications.push_back(
                {intake_id, position++, medication.name, Code(medication.medication_class)});
        }
        for (const auto& [type, events] : {std::pair{kSurgeryEvent, &health.surgeries},
                                           std::pair{kInjuryEvent, &health.injuries}}) {
            position = 0;
            for (const auto& event : *events) {
                rows.health_events.push_back(
                    {intake_id, std::string(type), position++, core::FormatIsoDate(event.date),
                     NullableOf(OptionalCode(event.region)), NullableOf(OptionalCode(event.side)),
                     event.kind, event.description});
            }
        }
        position = 0;
        for (const auto& run : intake.runner.recent_runs) {
            rows.recent_runs.push_back({intake_id, position++, core::FormatIsoDate(run.date),
                                        run.distance_km, Code(run.type)});
        }
        position = 0;
        for (const auto& sore : intake.soreness) {
            rows.soreness.push_back(
                {intake_id, position++, Code(sore.region), Code(sore.side), sore.pain});
        }
        position = 0;
        for (const auto& area : intake.avoid_regions) {
            rows.avoid_regions.push_back(
                {intake_id, position++, Code(area.region), Code(area.side)});
        }
        return rows;
    }

    // Calls add(table, rows) for each list: the table's name and its rows.
    template <typename Add>
    void ForEachTable(Add&& add) const {
        add("intake_conditions", conditions);
        add("intake_medications", medications);
        add("intake_health_events", health_events);
        add("intake_recent_runs", recent_runs);
        add("intake_soreness", soreness);
        add("intake_avoid_regions", avoid_regions);
    }
};

}  // namespace myodesk::db::detail
