// The demo practice's intakes: filled in at the first visit and renewed about yearly, with the
// runner's training, soreness and health as they were then, and the news of the newest one.
#include "demo_practice_internal.h"

#include <algorithm>
#include <array>

namespace myodesk::core::demo {

namespace {

// When the client filled in an intake, and what the newest one has to say.
struct IntakeTimeline {
    std::vector<Date> dates;
    bool recent_injury = false;  // an injury of the last days
    bool absolute = false;       // a condition that rules massage out
    bool pregnant = false;
};

// At the first visit, renewed about yearly; a change of health shortly before today for a
// few; and now and then a client who turns up with a fever.
IntakeTimeline IntakeDates(DemoRandom& random, const ClientStory& story) {
    const std::vector<Slot>& slots = story.slots;
    const Date& today = story.today;
    IntakeTimeline timeline;
    std::vector<Date>& intake_dates = timeline.dates;
    intake_dates.push_back(slots.empty() ? story.first_visit : slots.front().date);
    for (const Slot& slot : slots) {
        if (DaysBetween(intake_dates.back(), slot.date) >= random.Between(330, 400)) {
            intake_dates.push_back(slot.date);
        }
    }
    if (!slots.empty() && DaysBetween(slots.back().date, today) <= 10 &&
        slots.back().date != intake_dates.back() && random.Chance(0.1)) {
        intake_dates.push_back(slots.back().date);
        timeline.recent_injury = true;
    }
    timeline.absolute = story.index % 150 == 11;
    if (timeline.absolute && intake_dates.back() != today) {
        intake_dates.push_back(today);
    }
    timeline.pregnant = story.health.pregnancy_candidate &&
                        DaysBetween(intake_dates.back(), today) <= 120 && !timeline.absolute;
    return timeline;
}

// The newest intake's news: a fresh injury, a condition that rules massage out, a pregnancy.
void AddNews(DemoRandom& random, const ClientStory& story, const IntakeTimeline& timeline,
             Intake& intake) {
    const Runner& runner = story.runner;
    if (timeline.recent_injury) {
        const ProblemRegion& problem = runner.problems.front();
        static constexpr std::array<std::string_view, 3> kWhat{"Strain during a track session",
                                                               "Rolled it on a trail run",
                                                               "Sudden pain on a downhill"};
        intake.health.injuries.push_back(
            {AddDays(intake.taken_on, -random.Between(1, 4)), problem.region,
             problem.side == Side::kMidline ? Side::kMidline : RandomSide(random),
             std::string(ToCode(InjuryKind::kAcute)), std::string(random.Pick(kWhat))});
    }
    if (timeline.absolute) {
        static constexpr std::array<ConditionCode, 4> kAbsolute{
            ConditionCode::kFever, ConditionCode::kAcuteInfection, ConditionCode::kDvt,
            ConditionCode::kUncontrolledHypertension};
        intake.health.conditions.push_back(
            {kAbsolute[static_cast<std::size_t>(story.index / 150 % 4)], std::nullopt, std::nullopt,
             AddDays(story.today, -random.Between(1, 3))});
    }
    if (timeline.pregnant) {
        intake.health.pregnant = true;
        intake.health.pregnancy_weeks = random.Between(8, 26);
    }
}

// The runner as the intake records them: their training, goal race and the runs before it.
void FillRunnerProfile(DemoRandom& random, const ClientStory& story,
                       const std::vector<TrainingEntry>& training, bool newest, Intake& intake) {
    const Runner& runner = story.runner;
    const std::optional<Race>& race = story.race;
    RunnerProfile& profile = intake.runner;
    profile.units = runner.units;
    profile.goal = runner.goal;
    profile.runs_per_week = runner.runs_per_week;
    profile.long_run_weekday = runner.long_run_weekday;
    profile.weekly_distance_km = RoundDistance(runner.weekly_km, runner.units);
    profile.longest_run_30d_km = RoundDistance(runner.longest_km, runner.units);
    std::optional<Race> goal;
    if (newest && race) {
        goal = race;
    } else if (random.Chance(0.8)) {
        goal = PickRace(random, AddDays(intake.taken_on, 42), AddDays(intake.taken_on, 240));
    }
    if (goal) {
        profile.goal_race = {goal->name, goal->date, goal->distance_km};
    }
    // The runs before the intake: from the calendar when it goes back that far (the same
    // runs, so the two never disagree), else two long runs a fortnight apart with a quality
    // session and an easy run between them.
    if (newest) {
        for (const TrainingEntry& entry : training) {
            if (entry.date < intake.taken_on && entry.distance_km &&
                DaysBetween(entry.date, intake.taken_on) <= 14) {
                profile.recent_runs.push_back({entry.date, *entry.distance_km, entry.type});
            }
        }
    }
    if (!profile.recent_runs.empty()) {
        double longest = 0;
        for (const TrainingEntry& entry : training) {
            if (entry.date < intake.taken_on && entry.distance_km &&
                DaysBetween(entry.date, intake.taken_on) <= 30) {
                longest = std::max(longest, *entry.distance_km);
            }
        }
        profile.longest_run_30d_km = longest;
    } else {
        const int back_to_long =
            (IsoWeekdayIndex(intake.taken_on) - static_cast<int>(runner.long_run_weekday) + 7) % 7;
        const Date long_run = AddDays(intake.taken_on, -(back_to_long == 0 ? 7 : back_to_long));
        profile.recent_runs = {
            {AddDays(long_run, -14), RoundDistance(runner.longest_km * 0.95, runner.units),
             RunType::kLong},
            {AddDays(long_run, -3), RoundDistance(runner.weekly_km / 5, runner.units),
             RunType::kTempo},
            {AddDays(long_run, -1), RoundDistance(runner.weekly_km / 7, runner.units),
             RunType::kEasy},
            {long_run, RoundDistance(runner.longest_km, runner.units), RunType::kLong},
        };
    }
}

Intake MakeIntake(DemoRandom& random, const ClientStory& story,
                  const std::vector<TrainingEntry>& training, const IntakeTimeline& timeline,
                  std::size_t i) {
    const Runner& runner = story.runner;
    const HealthProfile& health = story.health;
    const bool newest = i + 1 == timeline.dates.size();
    Intake intake;
    intake.taken_on = timeline.dates[i];
    intake.health.conditions = health.conditions;
    intake.health.medications = health.medications;
    intake.health.surgeries = health.surgeries;
    intake.health.injuries = health.injuries;
    intake.health.allergies = health.allergies;
    if (newest) {
        AddNews(random, story, timeline, intake);
    }
    FillRunnerProfile(random, story, training, newest, intake);
    const int soreness = i == 0 ? random.Between(1, 2) : random.Between(0, 1);
    for (int s = 0; s < soreness && s < static_cast<int>(runner.problems.size()); ++s) {
        const ProblemRegion& problem = runner.problems[static_cast<std::size_t>(s)];
        intake.soreness.push_back(
            {problem.region, problem.side,
             std::clamp(problem.baseline - (i == 0 ? 0 : 2) + random.Between(-1, 1), 0, 10)});
    }
    intake.avoid_regions = health.avoid;
    intake.preferences.pressure = runner.pressure;
    intake.preferences.notes = health.preference_notes;
    intake.consent = {true, FullName(story.person), intake.taken_on};
    return intake;
}

}  // namespace

std::vector<Intake> MakeIntakes(DemoRandom& random, const ClientStory& story,
                                const std::vector<TrainingEntry>& training) {
    const IntakeTimeline timeline = IntakeDates(random, story);
    std::vector<Intake> intakes;
    for (std::size_t i = 0; i < timeline.dates.size(); ++i) {
        intakes.push_back(MakeIntake(random, story, training, timeline, i));
    }
    return intakes;
}

}  // namespace myodesk::core::demo
