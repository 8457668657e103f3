// The demo practice's session notes: the regions worked with their pain before and after, the
// techniques, and the SOAP text a therapist jots down, in the runner's own words.
#include "demo_practice_internal.h"
#include "demo_words.h"

#include <myodesk/core/screening.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace myodesk::core::demo {

namespace {

// The regions worked besides the client's problem regions.
constexpr std::array<Region, 9> kOtherRegions{
    Region::kCalves, Region::kQuadriceps, Region::kHamstrings,
    Region::kGlutes, Region::kUpperBack,  Region::kShoulders,
    Region::kNeck,   Region::kMidBack,    Region::kHips};

// The words a therapist jots in a note: the plan's region words, with two shorter ones.
std::string_view NoteRegionWords(Region region) {
    switch (region) {
        case Region::kQuadriceps:
            return "quads";
        case Region::kFeet:
            return "plantar fascia";
        default:
            return RegionWords(region);
    }
}

std::string PlaceWords(Region region, Side side) {
    switch (side) {
        case Side::kLeft:
            return fmt::format("left {}", NoteRegionWords(region));
        case Side::kRight:
            return fmt::format("right {}", NoteRegionWords(region));
        case Side::kBilateral:
        case Side::kMidline:
            break;
    }
    return std::string(NoteRegionWords(region));
}

std::string Capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

std::string_view TechniqueWords(Technique technique) {
    switch (technique) {
        case Technique::kSwedish:
            return "Swedish massage";
        case Technique::kDeepTissue:
            return "deep tissue work";
        case Technique::kTriggerPoint:
            return "trigger point work";
        case Technique::kSports:
            return "sports massage";
        case Technique::kMyofascial:
            return "myofascial release";
    }
    return "massage";
}

std::string_view WeekdayWords(Weekday weekday) {
    static constexpr std::array<std::string_view, 7> kNames{
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return kNames[static_cast<std::size_t>(weekday)];
}

const Intake& IntakeOn(const std::vector<Intake>& intakes, const Date& date) {
    const Intake* found = &intakes.front();
    for (const Intake& intake : intakes) {
        if (intake.taken_on <= date) {
            found = &intake;
        }
    }
    return *found;
}

bool HasHealthItems(const Intake& intake) {
    const Health& health = intake.health;
    return !health.conditions.empty() || !health.medications.empty() || !health.surgeries.empty() ||
           !health.injuries.empty() || health.pregnant;
}

int PainBefore(DemoRandom& random, const ProblemRegion& problem, int session) {
    const int spread = problem.baseline - problem.floor;
    // floor + spread * settle / (settle + session), rounded, in whole numbers.
    const int settled = problem.floor + (2 * spread * problem.settle + problem.settle + session) /
                                            (2 * (problem.settle + session));
    int pain = settled + random.Between(-1, 1);
    if (random.Chance(0.06)) {
        pain += 2;  // a flare-up after a hard week
    }
    return std::clamp(pain, 0, 10);
}

int PainAfter(DemoRandom& random, int before) {
    return std::max(0, before - random.Between(before >= 4 ? 1 : 0, before >= 4 ? 3 : 1));
}

struct NoteContext {
    const Runner* runner = nullptr;
    const std::optional<Race>* race = nullptr;
    int session = 0;        // the client's how-manieth session (0: first)
    int days_to_next = 14;  // the client's usual gap
    bool pregnant = false;
    bool modify = false;               // a `modify` flag: no deep tissue, pressure capped
    std::vector<RegionSide> excluded;  // local flags and areas to avoid
};

bool Excluded(const NoteContext& context, Region region) {
    return std::any_of(context.excluded.begin(), context.excluded.end(),
                       [&](const RegionSide& place) { return place.region == region; });
}

void AddTechniques(DemoRandom& random, SessionNote& note, Phase phase, bool modify) {
    static constexpr std::array<Technique, 5> kAll{Technique::kSwedish, Technique::kDeepTissue,
                                                   Technique::kTriggerPoint, Technique::kSports,
                                                   Technique::kMyofascial};
    std::vector<int> weights;
    switch (phase) {
        case Phase::kBase:
            weights = {20, 30, 15, 15, 20};
            break;
        case Phase::kBuild:
            weights = {5, 35, 10, 40, 10};
            break;
        case Phase::kTaper:
            weights = {45, 0, 0, 45, 10};
            break;
        case Phase::kRaceWeek:
            weights = {70, 0, 0, 30, 0};
            break;
    }
    if (modify) {
        weights[1] = 0;
        weights[2] = 0;
    }
    std::vector<Technique> chosen{kAll[random.Weighted(weights)]};
    const int extra = random.Chance(0.6) ? (random.Chance(0.3) ? 2 : 1) : 0;
    for (int i = 0; i < extra; ++i) {
        const Technique technique = kAll[random.Weighted(weights)];
        if (std::find(chosen.begin(), chosen.end(), technique) == chosen.end()) {
            chosen.push_back(technique);
        }
    }
    const int total = note.duration_min - random.Between(0, 5);
    int left = total;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        int minutes = left;
        if (i + 1 < chosen.size()) {
            minutes = i == 0 ? total * random.Between(50, 70) / 100 : left / 2;
        }
        minutes = std::max(minutes, 1);
        left -= minutes;
        note.techniques.push_back({chosen[i], minutes});
        if (left <= 0) {
            break;
        }
    }
}

// The regions worked, problem regions first, with the pressure used and the pain before and
// after.
void AddRegions(DemoRandom& random, SessionNote& note, const NoteContext& context, Phase phase) {
    const Runner& runner = *context.runner;

    int pressure_cap = 8;
    if (phase == Phase::kTaper || context.modify || context.pregnant) {
        pressure_cap = 5;
    }
    if (phase == Phase::kRaceWeek) {
        pressure_cap = 3;
    }
    static constexpr std::array<int, 4> kPreferred{3, 5, 7, 8};
    const int preferred = kPreferred[static_cast<std::size_t>(runner.pressure)];
    const auto pressure = [&] {
        return std::clamp(preferred + random.Between(-1, 1), 2, pressure_cap);
    };

    std::set<std::pair<Region, Side>> places;
    for (const ProblemRegion& problem : runner.problems) {
        if (Excluded(context, problem.region)) {
            continue;
        }
        RegionWork work{problem.region, problem.side, pressure(), std::nullopt, std::nullopt};
        work.pain_before = PainBefore(random, problem, context.session);
        work.pain_after = PainAfter(random, *work.pain_before);
        places.insert({work.region, work.side});
        note.regions.push_back(work);
    }
    const int others = random.Between(1, 3);
    for (int i = 0; i < others; ++i) {
        const Region region = random.Pick(kOtherRegions);
        const Side side = SideFor(region, Side::kBilateral);
        const bool worked = std::any_of(places.begin(), places.end(),
                                        [&](const auto& place) { return place.first == region; });
        if (Excluded(context, region) || worked) {
            continue;
        }
        places.insert({region, side});
        RegionWork work{region, side, pressure(), std::nullopt, std::nullopt};
        if (random.Chance(0.6)) {
            work.pain_before = random.Between(0, 3);
            work.pain_after = std::max(0, *work.pain_before - random.Between(0, 1));
        }
        note.regions.push_back(work);
    }
}

const RegionWork* FocusOf(const SessionNote& note) {
    return note.regions.empty() ? nullptr : &note.regions.front();
}

std::string FocusWords(const SessionNote& note) {
    const RegionWork* focus = FocusOf(note);
    return focus ? PlaceWords(focus->region, focus->side) : std::string("legs");
}

// What the client says: the race they train for and their long run, or their week and what
// made them sore.
void WriteSubjective(DemoRandom& random, SessionNote& note, const NoteContext& context,
                     Phase phase) {
    const Date& date = note.date;
    const Runner& runner = *context.runner;
    const std::optional<Race>& race = *context.race;
    const RegionWork* focus = FocusOf(note);
    const std::string focus_words = FocusWords(note);
    static constexpr std::array<std::string_view, 5> kFeel{
        "felt strong", "legs heavy over the last few km", "struggled with the heat",
        "comfortable at goal pace", "had to walk a little near the end"};
    static constexpr std::array<std::string_view, 6> kCause{
        "hill repeats",      "a long day on my feet at work",
        "the track session", "a trail race",
        "a jump in mileage", "new shoes"};
    static constexpr std::array<std::string_view, 3> kSleep{
        "Sleeping well.", "Poor sleep this week.", "Busy week at work, little stretching."};
    const auto long_km = runner.longest_km * random.Real(0.85, 1.05);
    if (race && phase != Phase::kBase) {
        const int weeks = DaysBetween(date, race->date) / 7;
        note.subjective = fmt::format(
            "{} {}. Long run of {} on {}: {}. {} tight{}.",
            weeks == 0 ? std::string("Race week for the")
                       : fmt::format("{} {} to the", weeks, weeks == 1 ? "week" : "weeks"),
            race->name, DistanceText(RoundDistance(long_km, runner.units), runner.units),
            WeekdayWords(runner.long_run_weekday), random.Pick(kFeel), Capitalised(focus_words),
            focus && focus->pain_before
                ? fmt::format(", {}/10 at the start of runs", *focus->pain_before)
                : std::string());
    } else {
        const std::string_view cause = random.Pick(kCause);
        const std::string_view sleep = random.Pick(kSleep);
        note.subjective = fmt::format(
            "{} runs a week, about {} a week. {} sore after {}. {}", runner.runs_per_week,
            DistanceText(RoundDistance(runner.weekly_km, runner.units), runner.units),
            Capitalised(focus_words), cause, sleep);
    }
}

// What the therapist finds.
void WriteObjective(DemoRandom& random, SessionNote& note) {
    const RegionWork* focus = FocusOf(note);
    const std::string focus_words = FocusWords(note);
    const RegionWork* second = note.regions.size() > 1 ? &note.regions[1] : nullptr;
    std::string objective =
        fmt::format("Hypertonic {}", focus ? focus_words : std::string("calves"));
    if (second) {
        objective +=
            fmt::format("; tender band in the {}", PlaceWords(second->region, second->side));
    }
    objective += ". ";
    switch (random.Between(0, 5)) {
        case 0:
        case 1:
            objective += "Reduced range of motion in hip flexion.";
            break;
        case 2:
            objective += "Restricted ankle dorsiflexion.";
            break;
        case 3:
            objective += "Mild anterior pelvic tilt.";
            break;
        default:
            objective += "Gait even, no swelling.";
            break;
    }
    note.objective = std::move(objective);
}

// How the tissue responded, and when they come next with what to do until then.
void WriteAssessmentAndPlan(DemoRandom& random, SessionNote& note, const NoteContext& context) {
    const RegionWork* focus = FocusOf(note);
    const std::string focus_words = FocusWords(note);
    static constexpr std::array<std::string_view, 4> kResponse{
        "good response", "tissue softened well", "still guarded at the end",
        "less tender than last time"};
    if (focus && focus->pain_before && focus->pain_after) {
        note.assessment =
            fmt::format("{} {} → {}/10 after {}; {}.", Capitalised(focus_words),
                        *focus->pain_before, *focus->pain_after,
                        TechniqueWords(note.techniques.front().technique), random.Pick(kResponse));
    } else {
        note.assessment = fmt::format(
            "{}; {}.", Capitalised(std::string(TechniqueWords(note.techniques.front().technique))),
            random.Pick(kResponse));
    }
    static constexpr std::array<std::string_view, 6> kHomeCare{"foam roll calves and quads",
                                                               "hip flexor stretches daily",
                                                               "hydrate well, more after long runs",
                                                               "sleep 7-9 hours",
                                                               "keep easy days easy",
                                                               "calf raises 3 x 15"};
    note.plan = fmt::format("Next session in about {} days. Home care: {}.", context.days_to_next,
                            random.Pick(kHomeCare));
}

SessionNote MakeNote(DemoRandom& random, const Slot& slot, const NoteContext& context) {
    const Phase phase = PhaseOn(slot.date, *context.race);
    SessionNote note;
    note.date = slot.date;
    note.start_minute = slot.start;
    note.duration_min = slot.duration;
    note.therapist_id = slot.therapist + 1;
    static constexpr std::array<Position, 3> kPositions{Position::kProne, Position::kSupine,
                                                        Position::kSideLying};
    note.position =
        context.pregnant ? Position::kSideLying : kPositions[random.Weighted({55, 30, 15})];
    AddTechniques(random, note, phase, context.modify || context.pregnant);
    AddRegions(random, note, context, phase);
    WriteSubjective(random, note, context, phase);
    WriteObjective(random, note);
    WriteAssessmentAndPlan(random, note, context);
    return note;
}

// What the session's note has to respect: the client's story, and the flags and areas to avoid
// of the intake in force that day.
NoteContext ContextFor(const ClientStory& story, const std::vector<Intake>& intakes,
                       std::size_t i) {
    const std::vector<Slot>& slots = story.slots;
    const Slot& slot = slots[i];
    const ScreeningSettings screening;
    const Intake& intake = IntakeOn(intakes, slot.date);
    NoteContext context;
    context.runner = &story.runner;
    context.race = &story.race;
    context.session = static_cast<int>(i);
    context.days_to_next = i + 1 < slots.size()
                               ? std::max(DaysBetween(slot.date, slots[i + 1].date), 5)
                               : story.cadence;
    context.pregnant = intake.health.pregnant;
    context.excluded = intake.avoid_regions;
    if (HasHealthItems(intake)) {
        for (const auto& flag : ScreenContraindications(intake, slot.date, screening)) {
            if (flag.level == FlagLevel::kModify) {
                context.modify = true;
            } else if (flag.level == FlagLevel::kLocal && flag.region) {
                context.excluded.push_back({*flag.region, flag.side.value_or(Side::kBilateral)});
            }
        }
    }
    return context;
}

}  // namespace

std::vector<SessionNote> MakeNotes(DemoRandom& random, const ClientStory& story,
                                   const std::vector<Intake>& intakes) {
    const std::vector<Slot>& slots = story.slots;
    std::vector<SessionNote> notes;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const Slot& slot = slots[i];
        SessionNote note = MakeNote(random, slot, ContextFor(story, intakes, i));
        const int end = slot.start + slot.duration;
        note.created_at = Timestamp(slot.date, end);
        note.updated_at = note.created_at;
        note.version = 1;
        const bool recent = DaysBetween(slot.date, story.today) <= 10;
        if (!recent || random.Chance(0.7)) {
            note.signed_at = Timestamp(slot.date, end + random.Between(2, 90));
            note.signed_by = note.therapist_id;
            note.updated_at = note.signed_at;
            note.version = 2;
        }
        notes.push_back(std::move(note));
    }
    return notes;
}

}  // namespace myodesk::core::demo
