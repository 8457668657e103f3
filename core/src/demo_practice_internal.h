#pragma once

// The demo practice's inside, shared by its files: the people (demo_practice_clients.cpp),
// their training (demo_practice_training.cpp), intakes (demo_practice_intakes.cpp) and notes
// (demo_practice_notes.cpp), which DemoPracticeGenerator::Next (demo_practice.cpp) puts
// together client by client. Every function draws from the DemoRandom it is given, in a fixed
// order: moving a draw changes the practice a seed gives. Internal to core.

#include "demo_names.h"

#include <myodesk/core/demo_practice.h>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::core::demo {

// --- people (demo_practice_clients.cpp) ------------------------------------------------------

struct Person {
    const demo::Culture* culture = nullptr;
    bool female = false;
    std::string given, family, preferred;
    std::string given_ascii, family_ascii;  // lower-case a-z only, for an email address
};

// The cultures' weights, for MakePerson.
std::vector<int> CultureWeights();
Person MakePerson(DemoRandom& random, const std::vector<int>& weights,
                  std::optional<bool> female = std::nullopt);
std::string Phone(DemoRandom& random, const demo::Culture& culture);
std::string Email(DemoRandom& random, const Person& person, int number);
std::string Address(DemoRandom& random, const demo::Culture& culture);
std::string FullName(const Person& person);
// An ISO 8601 UTC timestamp at `minute` (clamped to the day) of `date`.
std::string Timestamp(const Date& date, int minute);

// --- the runner and their health (demo_practice_clients.cpp) ---------------------------------

struct ProblemRegion {
    Region region = Region::kCalves;
    Side side = Side::kBilateral;
    int baseline = 5;  // pain before the first session
    int floor = 1;     // where it settles with regular treatment
    int settle = 8;    // sessions to get half way there
};

struct Runner {
    int level = 1;  // 0 beginner, 1 intermediate, 2 advanced
    int runs_per_week = 4;
    Weekday long_run_weekday = Weekday::kSunday;
    double weekly_km = 40;
    double longest_km = 18;
    DistanceUnit units = DistanceUnit::kKm;
    RaceGoal goal = RaceGoal::kFinish;
    Pressure pressure = Pressure::kMedium;
    std::vector<ProblemRegion> problems;
};

Side RandomSide(DemoRandom& random);
// Spine and neck are worked along the midline.
Side SideFor(Region region, Side wanted);
Runner MakeRunner(DemoRandom& random, const demo::Culture& culture);

// What stays true of the client's health from intake to intake.
struct HealthProfile {
    std::vector<HealthCondition> conditions;
    std::vector<Medication> medications;
    std::vector<HealthEvent> surgeries;
    std::vector<HealthEvent> injuries;
    std::string allergies;
    std::vector<RegionSide> avoid;
    std::string preference_notes;
    bool pregnancy_candidate = false;
};

HealthProfile MakeHealth(DemoRandom& random, const Date& first_visit, int age, bool female);

// --- races and training (demo_practice_training.cpp) ----------------------------------------

struct Race {
    std::string name;
    Date date{};
    double distance_km = 0;
};

// A race run between `from` and `to` (both included), chosen among those on the calendar.
std::optional<Race> PickRace(DemoRandom& random, const Date& from, const Date& to,
                             double longest_km = 50);

// A distance rounded to 1/steps of the unit the runner counts in (km or miles), stored in km.
double RoundDistance(double km, DistanceUnit units, int steps = 2);
std::string DistanceText(double km, DistanceUnit units);

enum class Phase { kBase, kBuild, kTaper, kRaceWeek };

Phase PhaseOn(const Date& date, const std::optional<Race>& race);

// --- one client's story (DemoPracticeGenerator::Next) -----------------------------------------

// A session fitted into a therapist's diary.
struct Slot {
    Date date{};
    int start = 0;
    int duration = 60;
    int therapist = 0;  // index
};

// What the generator decides about a client before it writes their records, step by step.
struct ClientStory {
    int index = 0;  // the client's place in the practice, from 0
    Date today{};
    Person person;
    int age = 0;
    Runner runner;
    Date first_visit{};
    HealthProfile health;
    int cadence = 14;  // the usual days between sessions
    // Most come for a block of sessions (a training cycle, an injury) and stop; some stay.
    bool lapsed = false;
    int max_sessions = 0;
    std::optional<Race> race;  // the goal race ahead, when training for one
    std::vector<Slot> slots;   // the sessions, oldest first
};

// The client's own details (name, contact, physician, referral); returns their age.
int FillClientDetails(DemoRandom& random, const ClientStory& story,
                      const std::vector<int>& culture_weights, Client& client);
// How often they come, whether they stopped coming, and the race they train for.
void ChooseAttendance(DemoRandom& random, ClientStory& story);
// The training calendar of the current cycle, up to the race (demo_practice_training.cpp).
std::vector<TrainingEntry> CurrentTrainingCycle(DemoRandom& random, const ClientStory& story);
// The intakes, oldest first (demo_practice_intakes.cpp).
std::vector<Intake> MakeIntakes(DemoRandom& random, const ClientStory& story,
                                const std::vector<TrainingEntry>& training);
// A note for every session (demo_practice_notes.cpp).
std::vector<SessionNote> MakeNotes(DemoRandom& random, const ClientStory& story,
                                   const std::vector<Intake>& intakes);

}  // namespace myodesk::core::demo
