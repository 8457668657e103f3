#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::core {

using IntakeId = std::int64_t;

// A region with its side ("left hamstring").
struct RegionSide {
    Region region = Region::kCalves;
    Side side = Side::kBilateral;
    friend bool operator==(const RegionSide&, const RegionSide&) = default;
};

struct HealthCondition {
    ConditionCode code = ConditionCode::kFever;
    std::optional<Region> region;  // required for regional conditions (IsRegional)
    std::optional<Side> side;
    std::optional<Date> since;
    friend bool operator==(const HealthCondition&, const HealthCondition&) = default;
};

struct Medication {
    std::string name;
    MedicationClass medication_class = MedicationClass::kOther;
    friend bool operator==(const Medication&, const Medication&) = default;
};

// A surgery or an injury. For injuries `kind` is an InjuryKind code (acute, fracture,
// overuse, chronic); for surgeries it is free text ("arthroscopy").
struct HealthEvent {
    Date date{};
    std::optional<Region> region;
    std::optional<Side> side;
    std::string kind;
    std::string description;
    friend bool operator==(const HealthEvent&, const HealthEvent&) = default;
};

struct Health {
    std::vector<HealthCondition> conditions;
    std::vector<Medication> medications;
    std::vector<HealthEvent> surgeries;
    std::vector<HealthEvent> injuries;
    bool pregnant = false;
    std::optional<int> pregnancy_weeks;  // weeks since conception; unknown counts as early
    std::string allergies;
    friend bool operator==(const Health&, const Health&) = default;
};

struct GoalRace {
    std::string name;
    std::optional<Date> date;
    std::optional<double> distance_km;
    friend bool operator==(const GoalRace&, const GoalRace&) = default;
};

struct RecentRun {
    Date date{};
    double distance_km = 0;
    RunType type = RunType::kEasy;
    friend bool operator==(const RecentRun&, const RecentRun&) = default;
};

// Distances are stored in km; `units` is how the client wants to see them.
struct RunnerProfile {
    GoalRace goal_race;
    std::optional<RaceGoal> goal;
    DistanceUnit units = DistanceUnit::kKm;
    std::optional<int> runs_per_week;
    std::optional<Weekday> long_run_weekday;
    std::optional<double> weekly_distance_km;
    std::optional<double> longest_run_30d_km;
    std::vector<RecentRun> recent_runs;
    friend bool operator==(const RunnerProfile&, const RunnerProfile&) = default;
};

struct Soreness {
    Region region = Region::kCalves;
    Side side = Side::kBilateral;
    int pain = 0;  // NRS-11: 0 none .. 10 worst
    friend bool operator==(const Soreness&, const Soreness&) = default;
};

struct Preferences {
    std::optional<Pressure> pressure;
    std::string notes;
    friend bool operator==(const Preferences&, const Preferences&) = default;
};

struct Consent {
    bool accepted = false;
    std::string signed_name;
    std::optional<Date> signed_on;
    friend bool operator==(const Consent&, const Consent&) = default;
};

// One version of a client's intake questionnaire. A new intake never replaces an old one:
// each is kept, read-only, with the date it was taken.
struct Intake {
    IntakeId id = 0;  // 0: not saved
    ClientId client_id = 0;
    Date taken_on{};
    Health health;
    RunnerProfile runner;
    std::vector<Soreness> soreness;
    std::vector<RegionSide> avoid_regions;
    Preferences preferences;
    Consent consent;
    std::string created_at;  // set by storage (ISO 8601 UTC)
    friend bool operator==(const Intake&, const Intake&) = default;
};

// The most entries each list of an intake takes (docs/intake-format.md, "Limits"): far more
// than any client has, few enough to bound the work on a hostile document.
struct IntakeListLimits {
    static constexpr std::size_t kConditions = 100;
    static constexpr std::size_t kMedications = 100;
    static constexpr std::size_t kSurgeries = 100;
    static constexpr std::size_t kInjuries = 100;
    static constexpr std::size_t kRecentRuns = 100;
    static constexpr std::size_t kSoreness = 100;
    static constexpr std::size_t kAvoidRegions = 100;
};

// Whether an intake taken on `taken_on` is due to be renewed on `today` (over a year old).
bool IsIntakeOutdated(const Date& taken_on, const Date& today);

}  // namespace myodesk::core
