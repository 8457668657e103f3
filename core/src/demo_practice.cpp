// The demo practice: a deterministic, realistic clinic of runners. Every random choice comes
// from DemoRandom (integer arithmetic and IEEE +-*/ only, no <random> distributions and no
// libm), so a seed gives the same practice everywhere. Each client draws from its own stream
// (the seed mixed with the client's number); the one thing clients share is the therapists'
// diary, filled in client order, which keeps every therapist's sessions apart.
#include "demo_names.h"
#include "demo_words.h"

#include <myodesk/core/demo_practice.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace myodesk::core {

namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

std::uint64_t SplitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += kGolden);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t Rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

// Independent streams: the therapists', and one per client.
constexpr std::uint64_t kTherapistStream = 0x7468657261706973ULL;  // "therapis"
std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t state = seed ^ (stream * kGolden);
    SplitMix64(state);
    state ^= index * 0xD1B54A32D192ED03ULL;
    return SplitMix64(state);
}

// --- people --------------------------------------------------------------------------------

struct Person {
    const demo::Culture* culture = nullptr;
    bool female = false;
    std::string given, family, preferred;
    std::string given_ascii, family_ascii;  // lower-case a-z only, for an email address
};

std::string AsciiLetters(const demo::NameText& name) {
    const std::string folded =
        FoldForSearch(name.ascii.empty() ? name.text : std::string_view(name.ascii));
    std::string letters;
    for (const char c : folded) {
        if (c >= 'a' && c <= 'z') {
            letters.push_back(c);
        }
    }
    return letters;
}

std::vector<int> CultureWeights() {
    std::vector<int> weights;
    for (const auto& culture : demo::Cultures()) {
        weights.push_back(culture.weight);
    }
    return weights;
}

Person MakePerson(DemoRandom& random, const std::vector<int>& weights,
                  std::optional<bool> female = std::nullopt) {
    Person person;
    person.culture = &demo::Cultures()[random.Weighted(weights)];
    const demo::Culture& culture = *person.culture;
    person.female = female.value_or(random.Chance(0.5));
    const demo::NameText& given = random.Pick(person.female ? culture.female : culture.male);
    const auto family_index =
        static_cast<std::size_t>(random.Between(0, static_cast<int>(culture.family.size()) - 1));
    const demo::NameText& family = person.female && !culture.female_family.empty()
                                       ? culture.female_family[family_index]
                                       : culture.family[family_index];
    person.given = std::string(given.text);
    person.family = std::string(family.text);
    if (culture.native_script) {
        person.preferred = std::string(given.ascii);
    }
    person.given_ascii = AsciiLetters(given);
    person.family_ascii = AsciiLetters(family);
    return person;
}

// 'D' in the pattern becomes a random digit.
std::string Digits(DemoRandom& random, std::string_view pattern) {
    std::string text;
    for (const char c : pattern) {
        text.push_back(c == 'D' ? static_cast<char>('0' + random.Between(0, 9)) : c);
    }
    return text;
}

std::string Phone(DemoRandom& random, const demo::Culture& culture) {
    return Digits(random, random.Pick(culture.phones));
}

std::string Email(DemoRandom& random, const Person& person, int number) {
    static constexpr std::array<std::string_view, 3> kDomains{"example.com", "example.org",
                                                              "example.net"};
    const std::string_view domain = random.Pick(kDomains);
    if (person.given_ascii.empty() || person.family_ascii.empty()) {
        return fmt::format("runner{}@{}", number, domain);
    }
    switch (random.Between(0, 3)) {
        case 0:
            return fmt::format("{}.{}@{}", person.given_ascii, person.family_ascii, domain);
        case 1:
            return fmt::format("{}{}@{}", person.given_ascii.front(), person.family_ascii, domain);
        case 2:
            return fmt::format("{}.{}{}@{}", person.given_ascii, person.family_ascii,
                               random.Between(1, 99), domain);
        default:
            return fmt::format("{}{}@{}", person.given_ascii, random.Between(70, 2005), domain);
    }
}

std::string Address(DemoRandom& random, const demo::Culture& culture) {
    // One draw per statement: the order of a call's arguments is not fixed by the language.
    const std::string_view street = random.Pick(culture.streets);
    const int number = random.Between(1, 180);
    std::string town(random.Pick(culture.towns));
    if (!culture.postcode.empty()) {
        town = Digits(random, culture.postcode) + " " + town;
    }
    return culture.number_after_street ? fmt::format("{} {}\n{}", street, number, town)
                                       : fmt::format("{} {}\n{}", number, street, town);
}

std::string FullName(const Person& person) {
    return person.given + " " + person.family;
}

// --- dates and races -----------------------------------------------------------------------

std::string Timestamp(const Date& date, int minute) {
    minute = std::clamp(minute, 0, 24 * 60 - 1);
    return fmt::format("{}T{:02}:{:02}:00Z", FormatIsoDate(date), minute / 60, minute % 60);
}

// The nth (1-4) or last (-1) `weekday` (0 Monday) of a month.
Date NthWeekday(int year, unsigned month, int weekday, int nth) {
    const Date first{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
    if (nth > 0) {
        const int offset = (weekday - IsoWeekdayIndex(first) + 7) % 7;
        return AddDays(first, offset + 7 * (nth - 1));
    }
    const Date last{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
    const int back = (IsoWeekdayIndex(last) - weekday + 7) % 7;
    return AddDays(last, -back);
}

struct Race {
    std::string name;
    Date date{};
    double distance_km = 0;
};

// A race run between `from` and `to` (both included), chosen among those on the calendar.
std::optional<Race> PickRace(DemoRandom& random, const Date& from, const Date& to,
                             double longest_km = 50) {
    std::vector<Race> candidates;
    const int first_year = static_cast<int>(from.year());
    for (const auto& race : demo::Races()) {
        if (race.distance_km > longest_km) {
            continue;
        }
        for (int year = first_year; year <= first_year + 2; ++year) {
            const Date date = NthWeekday(year, race.month, race.weekday, race.nth);
            if (date >= from && date <= to) {
                candidates.push_back({std::string(race.name), date, race.distance_km});
                break;
            }
        }
    }
    if (candidates.empty()) {
        return std::nullopt;
    }
    return random.Pick(candidates);
}

// --- the runner ----------------------------------------------------------------------------

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

constexpr std::array<Region, 11> kProblemRegions{
    Region::kCalves,    Region::kHamstrings, Region::kItBand,   Region::kQuadriceps,
    Region::kGlutes,    Region::kHipFlexors, Region::kFeet,     Region::kAchilles,
    Region::kLowerBack, Region::kShins,      Region::kAdductors};
const std::vector<int> kProblemWeights{30, 20, 15, 12, 12, 10, 8, 6, 8, 6, 4};

constexpr std::array<Region, 9> kOtherRegions{
    Region::kCalves, Region::kQuadriceps, Region::kHamstrings,
    Region::kGlutes, Region::kUpperBack,  Region::kShoulders,
    Region::kNeck,   Region::kMidBack,    Region::kHips};

Side RandomSide(DemoRandom& random) {
    static const std::vector<int> weights{25, 25, 50};
    static constexpr std::array<Side, 3> kSides{Side::kLeft, Side::kRight, Side::kBilateral};
    return kSides[random.Weighted(weights)];
}

// Spine and neck are worked along the midline.
Side SideFor(Region region, Side wanted) {
    if (region == Region::kLowerBack || region == Region::kMidBack ||
        region == Region::kUpperBack || region == Region::kNeck) {
        return Side::kMidline;
    }
    return wanted;
}

Runner MakeRunner(DemoRandom& random, const demo::Culture& culture) {
    Runner runner;
    runner.level = static_cast<int>(random.Weighted({30, 45, 25}));
    static constexpr std::array<std::array<int, 2>, 3> kRuns{{{3, 4}, {4, 5}, {5, 7}}};
    static constexpr std::array<std::array<int, 2>, 3> kWeekly{{{20, 35}, {35, 60}, {60, 110}}};
    static constexpr std::array<std::array<int, 2>, 3> kLongest{{{10, 16}, {16, 26}, {24, 34}}};
    const auto level = static_cast<std::size_t>(runner.level);
    runner.runs_per_week = random.Between(kRuns[level][0], kRuns[level][1]);
    runner.weekly_km = random.Between(kWeekly[level][0], kWeekly[level][1]);
    runner.longest_km = random.Between(kLongest[level][0], kLongest[level][1]);
    static constexpr std::array<Weekday, 5> kLongDays{Weekday::kSunday, Weekday::kSaturday,
                                                      Weekday::kFriday, Weekday::kWednesday,
                                                      Weekday::kMonday};
    runner.long_run_weekday = kLongDays[random.Weighted({55, 35, 4, 3, 3})];
    runner.units =
        random.Between(0, 99) < culture.miles_percent ? DistanceUnit::kMi : DistanceUnit::kKm;
    runner.goal = random.Chance(0.45) ? RaceGoal::kPersonalBest : RaceGoal::kFinish;
    static constexpr std::array<Pressure, 4> kPressures{Pressure::kLight, Pressure::kMedium,
                                                        Pressure::kFirm, Pressure::kDeep};
    runner.pressure = kPressures[random.Weighted({10, 40, 35, 15})];
    const int problems = random.Between(2, 3);
    std::set<Region> chosen;
    while (static_cast<int>(runner.problems.size()) < problems) {
        const Region region = kProblemRegions[random.Weighted(kProblemWeights)];
        if (!chosen.insert(region).second) {
            continue;
        }
        ProblemRegion problem;
        problem.region = region;
        problem.side = SideFor(region, RandomSide(random));
        problem.baseline = random.Between(4, 7);
        problem.floor = random.Between(0, 2);
        problem.settle = random.Between(4, 14);
        runner.problems.push_back(problem);
    }
    return runner;
}

// A distance rounded to 1/steps of the unit the runner counts in (km or miles), stored in km.
double RoundDistance(double km, DistanceUnit units, int steps = 2) {
    const double value = units == DistanceUnit::kMi ? KmToMiles(km) : km;
    const double rounded =
        std::max(static_cast<double>(static_cast<long long>(value * steps + 0.5)), 1.0) / steps;
    return units == DistanceUnit::kMi ? MilesToKm(rounded) : rounded;
}

std::string DistanceText(double km, DistanceUnit units) {
    const double value = units == DistanceUnit::kMi ? KmToMiles(km) : km;
    std::string text = fmt::format("{:.1f}", value);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return fmt::format("{} {}", text, units == DistanceUnit::kMi ? "mi" : "km");
}

// --- health --------------------------------------------------------------------------------

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

HealthProfile MakeHealth(DemoRandom& random, const Date& first_visit, int age, bool female) {
    HealthProfile health;
    const auto since = [&](int min_days, int max_days) {
        return std::optional<Date>(AddDays(first_visit, -random.Between(min_days, max_days)));
    };
    if (random.Chance(0.06)) {
        health.conditions.push_back(
            {ConditionCode::kVaricoseVeins, Region::kCalves, RandomSide(random), since(200, 3000)});
    }
    struct Chronic {
        ConditionCode code;
        double chance;
    };
    static constexpr std::array<Chronic, 10> kChronic{{
        {ConditionCode::kControlledHypertension, 0.05},
        {ConditionCode::kMigraine, 0.04},
        {ConditionCode::kEczema, 0.03},
        {ConditionCode::kTendinopathy, 0.06},
        {ConditionCode::kHypermobility, 0.02},
        {ConditionCode::kSciatica, 0.03},
        {ConditionCode::kReflux, 0.02},
        {ConditionCode::kLowBloodPressure, 0.02},
        {ConditionCode::kDiabetes, 0.01},
        {ConditionCode::kArthritis, 0.02},
    }};
    for (const auto& chronic : kChronic) {
        if (random.Chance(chronic.chance)) {
            health.conditions.push_back(
                {chronic.code, std::nullopt, std::nullopt, since(100, 2500)});
        }
    }
    if (female && random.Chance(0.05)) {
        health.conditions.push_back(
            {ConditionCode::kMenstrualPain, std::nullopt, std::nullopt, std::nullopt});
    }
    if (age >= 50 && random.Chance(female ? 0.08 : 0.02)) {
        health.conditions.push_back(
            {ConditionCode::kOsteoporosis, std::nullopt, std::nullopt, since(100, 1500)});
    }
    if (random.Chance(0.003)) {
        health.conditions.push_back(
            {ConditionCode::kBleedingDisorder, std::nullopt, std::nullopt, since(1000, 5000)});
    }

    struct Drug {
        std::string_view name;
        MedicationClass medication_class;
        double chance;
    };
    static constexpr std::array<Drug, 11> kDrugs{{
        {"Ibuprofen 400 mg as needed", MedicationClass::kNsaid, 0.06},
        {"Naproxen 250 mg", MedicationClass::kNsaid, 0.02},
        {"Paracetamol 1 g as needed", MedicationClass::kAnalgesic, 0.03},
        {"Apixaban 5 mg", MedicationClass::kAnticoagulant, 0.008},
        {"Warfarin", MedicationClass::kAnticoagulant, 0.007},
        {"Prednisolone 5 mg", MedicationClass::kCorticosteroid, 0.01},
        {"Cyclobenzaprine", MedicationClass::kMuscleRelaxant, 0.005},
        {"Levothyroxine 50 µg", MedicationClass::kOther, 0.04},
        {"Salbutamol inhaler", MedicationClass::kOther, 0.05},
        {"Cetirizine 10 mg", MedicationClass::kOther, 0.04},
        {"Vitamin D 1000 IU", MedicationClass::kOther, 0.06},
    }};
    for (const auto& drug : kDrugs) {
        if (random.Chance(drug.chance)) {
            health.medications.push_back({std::string(drug.name), drug.medication_class});
        }
    }

    struct Surgery {
        std::string_view kind;
        std::optional<Region> region;
        std::string_view description;
    };
    static const std::array<Surgery, 5> kSurgeries{{
        {"ACL reconstruction", Region::kQuadriceps, "Knee; full return to running after 9 months"},
        {"Appendectomy", std::nullopt, ""},
        {"Knee arthroscopy", Region::kQuadriceps, "Meniscus trim"},
        {"Bunion surgery", Region::kFeet, ""},
        {"Inguinal hernia repair", Region::kHipFlexors, "Laparoscopic"},
    }};
    if (random.Chance(0.08)) {
        const Surgery& surgery = random.Pick(kSurgeries);
        HealthEvent event{*since(400, 6000), surgery.region, std::nullopt,
                          std::string(surgery.kind), std::string(surgery.description)};
        if (event.region) {
            event.side = random.Chance(0.5) ? Side::kLeft : Side::kRight;
        }
        health.surgeries.push_back(std::move(event));
    }

    struct Injury {
        std::string_view description;
        Region region;
        InjuryKind kind;
    };
    static constexpr std::array<Injury, 8> kInjuries{{
        {"Shin splints", Region::kShins, InjuryKind::kOveruse},
        {"Plantar fasciitis", Region::kFeet, InjuryKind::kOveruse},
        {"Achilles tendinopathy", Region::kAchilles, InjuryKind::kOveruse},
        {"IT band syndrome", Region::kItBand, InjuryKind::kOveruse},
        {"Runner's knee", Region::kQuadriceps, InjuryKind::kOveruse},
        {"Hamstring strain", Region::kHamstrings, InjuryKind::kChronic},
        {"Stress fracture", Region::kShins, InjuryKind::kFracture},
        {"Ankle sprain", Region::kAnkles, InjuryKind::kAcute},
    }};
    const int injuries = random.Chance(0.3) ? random.Between(1, 2) : 0;
    for (int i = 0; i < injuries; ++i) {
        const Injury& injury = random.Pick(kInjuries);
        health.injuries.push_back({*since(120, 3000), injury.region, RandomSide(random),
                                   std::string(ToCode(injury.kind)),
                                   std::string(injury.description)});
    }
    std::sort(health.injuries.begin(), health.injuries.end(),
              [](const HealthEvent& a, const HealthEvent& b) { return a.date < b.date; });

    static constexpr std::array<std::string_view, 5> kAllergies{
        "Nut oils (almond, walnut)", "Lanolin", "Latex", "Fragrances in massage oil", "Arnica"};
    if (random.Chance(0.1)) {
        health.allergies = std::string(random.Pick(kAllergies));
    }
    if (random.Chance(0.04)) {
        if (random.Chance(0.6)) {
            health.avoid.push_back({Region::kFeet, Side::kBilateral});
            health.preference_notes = "Ticklish feet: please leave them out.";
        } else {
            health.avoid.push_back({Region::kNeck, Side::kMidline});
            health.preference_notes = "No neck work, please.";
        }
    } else if (random.Chance(0.1)) {
        static constexpr std::array<std::string_view, 4> kNotes{
            "Likes to talk through the session.", "Prefers a quiet session.", "Unscented oil only.",
            "Warm room, please; feels the cold."};
        health.preference_notes = std::string(random.Pick(kNotes));
    }
    health.pregnancy_candidate = female && age >= 22 && age <= 42 && random.Chance(0.04);
    return health;
}

// --- the therapists' diary -----------------------------------------------------------------

constexpr int kFirstSlotMinute = 7 * 60;  // half-hour slots from 07:00
constexpr int kSlots = 28;                // ... to 21:00
constexpr int kMaxSessionsPerDay = 7;
constexpr std::uint32_t kSlotMask = (1U << kSlots) - 1;

// The hour band a client likes to come in: early, midday, afternoon, evening.
constexpr std::array<std::array<int, 2>, 4> kBands{{{0, 5}, {8, 13}, {14, 19}, {20, 26}}};

}  // namespace

// --- DemoRandom ----------------------------------------------------------------------------

DemoRandom::DemoRandom(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (auto& word : m_state) {
        word = SplitMix64(state);
    }
}

std::uint64_t DemoRandom::Next() {
    const std::uint64_t result = Rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = Rotl(m_state[3], 45);
    return result;
}

int DemoRandom::Between(int low, int high) {
    if (high <= low) {
        return low;
    }
    const auto range = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low) + 1;
    return static_cast<int>(low + static_cast<std::int64_t>(Next() % range));
}

double DemoRandom::Real(double low, double high) {
    const auto bits = static_cast<double>(Next() >> 32);
    return low + (high - low) * (bits / 4294967296.0);
}

bool DemoRandom::Chance(double probability) {
    return Real(0, 1) < probability;
}

std::size_t DemoRandom::Weighted(const std::vector<int>& weights) {
    int total = 0;
    for (const int weight : weights) {
        total += weight;
    }
    int pick = Between(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (pick < weights[i]) {
            return i;
        }
        pick -= weights[i];
    }
    return weights.size() - 1;
}

int DemoTherapistCount(int clients) {
    const int wanted =
        (clients + DemoLimits::kClientsPerTherapist - 1) / DemoLimits::kClientsPerTherapist;
    return std::clamp(wanted, DemoLimits::kMinTherapists, DemoLimits::kMaxTherapists);
}

// --- the generator -------------------------------------------------------------------------

struct DemoPracticeGenerator::State {
    DemoOptions options;
    std::vector<Staff> therapists;
    std::vector<int> day_off;  // per therapist: the weekday (0 Monday) off besides Sunday
    std::vector<int> culture_weights = CultureWeights();
    Date first_day{};  // the diary's first day
    int day_count = 0;
    // Per therapist and day: bits 0..27 the half-hour slots taken, bits 28..31 the sessions.
    std::vector<std::uint32_t> diary;
    int next_client = 0;

    std::uint32_t& Day(int therapist, const Date& date) {
        return diary[static_cast<std::size_t>(therapist) * static_cast<std::size_t>(day_count) +
                     static_cast<std::size_t>(DaysBetween(first_day, date))];
    }

    bool Works(int therapist, const Date& date) const {
        const int weekday = IsoWeekdayIndex(date);
        return weekday != 6 && weekday != day_off[static_cast<std::size_t>(therapist)];
    }

    // A start time for a session of `slots` half hours with the therapist that day, trying the
    // client's band first; takes it. nullopt when the day is full.
    std::optional<int> Book(int therapist, const Date& date, int slots, int band) {
        if (date < first_day || DaysBetween(first_day, date) >= day_count ||
            !Works(therapist, date)) {
            return std::nullopt;
        }
        std::uint32_t& day = Day(therapist, date);
        if (static_cast<int>(day >> kSlots) >= kMaxSessionsPerDay) {
            return std::nullopt;
        }
        const std::uint32_t need = ((1U << slots) - 1);
        const int first = kBands[static_cast<std::size_t>(band)][0];
        for (int i = 0; i < kSlots; ++i) {
            const int slot = (first + i) % kSlots;
            if (slot + slots > kSlots) {
                continue;
            }
            const std::uint32_t bits = need << slot;
            if ((day & kSlotMask & bits) == 0) {
                day = (day | bits) + (1U << kSlots);
                return kFirstSlotMinute + 30 * slot;
            }
        }
        return std::nullopt;
    }
};

namespace {

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

enum class Phase { kBase, kBuild, kTaper, kRaceWeek };

Phase PhaseOn(const Date& date, const std::optional<Race>& race) {
    if (!race || date > race->date) {
        return Phase::kBase;
    }
    const int days = DaysBetween(date, race->date);
    if (days < 7) {
        return Phase::kRaceWeek;
    }
    if (days < 21) {
        return Phase::kTaper;
    }
    return days < 16 * 7 ? Phase::kBuild : Phase::kBase;
}

// The long run of a build week: from the runner's current longest up by 6% a week (so the
// longest of the last 30 days never grows by more than 10%) to the peak, holding in cut-back
// weeks (every fourth week before the race).
bool IsCutBackWeek(int weeks_to_race) {
    return weeks_to_race >= 4 && weeks_to_race % 4 == 0;
}

double BuildKm(const Runner& runner, double peak, int weeks_from_start, int weeks_to_race) {
    double km = std::min(runner.longest_km, peak);
    for (int week = 1; week <= weeks_from_start; ++week) {
        if (!IsCutBackWeek(weeks_to_race + weeks_from_start - week)) {
            km = std::min(km * 1.06, peak);
        }
    }
    return km;
}

// The long run of the week `weeks_to_race` weeks before the race (0: race week): building to
// three weeks out with a quarter less in a cut-back week, then tapering from what was reached.
double LongRunKm(const Runner& runner, double race_km, int weeks_from_start, int weeks_to_race) {
    const double peak = race_km > 30 ? 30 + 2 * runner.level : 16 + 2 * runner.level;
    if (weeks_to_race <= 0) {
        return std::min(8.0, peak / 3);
    }
    if (weeks_to_race <= 2) {
        const int peak_week = weeks_from_start - (3 - weeks_to_race);
        const double reached = peak_week >= 0 ? BuildKm(runner, peak, peak_week, 3)
                                              : std::min(runner.longest_km, peak);
        return reached * (weeks_to_race == 2 ? 0.7 : 0.5);
    }
    const double km = BuildKm(runner, peak, weeks_from_start, weeks_to_race);
    return IsCutBackWeek(weeks_to_race) && weeks_from_start > 0 ? km * 0.75 : km;
}

// The runner's training calendar from `from` through the race: long runs on the intake's
// weekday, a tempo or interval session three days before, easy runs, some cross-training.
std::vector<TrainingEntry> BuildCalendar(DemoRandom& random, const Runner& runner, const Date& from,
                                         const Race& race) {
    std::vector<TrainingEntry> entries;
    const int long_day = static_cast<int>(runner.long_run_weekday);
    // Days counted back from the long run (0) that carry a run, by runs per week.
    static constexpr std::array<int, 7> kRunDays{0, 3, 5, 2, 6, 4, 1};
    const double easy_base = runner.weekly_km / (runner.runs_per_week + 1.5);
    for (Date date = from; date <= race.date; date = AddDays(date, 1)) {
        if (date == race.date) {
            entries.push_back({date, RunType::kRace, race.distance_km});
            break;
        }
        const int back = (long_day - IsoWeekdayIndex(date) + 7) % 7;
        const int to_race = DaysBetween(date, race.date);
        const int weeks_to_race = to_race / 7;
        const int weeks_from_start = DaysBetween(from, date) / 7;
        bool runs = false;
        for (int i = 0; i < std::min(runner.runs_per_week, 7); ++i) {
            runs = runs || kRunDays[static_cast<std::size_t>(i)] == back;
        }
        if (!runs) {
            if (back == 1 || random.Between(0, 9) >= 2) {
                continue;  // rest days are not written down; the day before the long run is one
            }
            entries.push_back({date, RunType::kCross, std::nullopt});
            continue;
        }
        TrainingEntry entry{date, RunType::kEasy, std::nullopt};
        double km = easy_base * random.Real(0.8, 1.2);
        if (back == 0 && weeks_to_race > 0) {
            entry.type = RunType::kLong;
            km = LongRunKm(runner, race.distance_km, weeks_from_start, weeks_to_race);
        } else if (back == 3 && weeks_to_race > 0) {
            entry.type = (weeks_from_start % 2 == 0) ? RunType::kTempo : RunType::kIntervals;
            km = easy_base * (entry.type == RunType::kTempo ? 1.2 : 1.0);
        }
        if (to_race < 7) {
            km = std::min(km, 8.0);  // race week: short and easy
        }
        if (to_race <= 2 && entry.type != RunType::kEasy) {
            entry.type = RunType::kEasy;
        }
        // Long runs to a tenth (as a watch records them), the others to half a unit.
        entry.distance_km =
            RoundDistance(std::max(km, 3.0), runner.units, entry.type == RunType::kLong ? 10 : 2);
        entries.push_back(entry);
    }
    return entries;
}

// --- notes ---------------------------------------------------------------------------------

struct Slot {
    Date date{};
    int start = 0;
    int duration = 60;
    int therapist = 0;  // index
};

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

SessionNote MakeNote(DemoRandom& random, const Slot& slot, const NoteContext& context) {
    const Runner& runner = *context.runner;
    const std::optional<Race>& race = *context.race;
    const Phase phase = PhaseOn(slot.date, race);
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

    // The SOAP text.
    const RegionWork* focus = note.regions.empty() ? nullptr : &note.regions.front();
    const std::string focus_words =
        focus ? PlaceWords(focus->region, focus->side) : std::string("legs");
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
        const int weeks = DaysBetween(slot.date, race->date) / 7;
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
    return note;
}

}  // namespace

DemoPracticeGenerator::DemoPracticeGenerator(const DemoOptions& options)
    : m_state(std::make_unique<State>()) {
    State& state = *m_state;
    state.options = options;
    state.options.clients = std::max(options.clients, 0);
    state.options.years = std::clamp(options.years, 1, DemoLimits::kMaxYears);
    const Date& today = state.options.today;
    state.first_day = AddDays(YearsBefore(today, state.options.years), -7);
    state.day_count = DaysBetween(state.first_day, today) + 1;

    const int count = DemoTherapistCount(state.options.clients);
    state.diary.assign(static_cast<std::size_t>(count) * static_cast<std::size_t>(state.day_count),
                       0);
    DemoRandom random(StreamSeed(options.seed, kTherapistStream, 0));
    std::set<std::string> names;
    while (static_cast<int>(state.therapists.size()) < count) {
        const Person person = MakePerson(random, state.culture_weights);
        std::string name = FullName(person);
        if (!names.insert(name).second) {
            name += fmt::format(" ({})", state.therapists.size() + 1);
            names.insert(name);
        }
        state.therapists.push_back({0, std::move(name), StaffRole::kTherapist, true});
        state.day_off.push_back(static_cast<int>(state.therapists.size() - 1) % 6);
    }
}

DemoPracticeGenerator::~DemoPracticeGenerator() = default;

const DemoOptions& DemoPracticeGenerator::Options() const {
    return m_state->options;
}

const std::vector<Staff>& DemoPracticeGenerator::Therapists() const {
    return m_state->therapists;
}

bool DemoPracticeGenerator::Next(DemoClient& out) {
    State& state = *m_state;
    if (state.next_client >= state.options.clients) {
        return false;
    }
    const int index = state.next_client++;
    const Date& today = state.options.today;
    DemoRandom random(StreamSeed(state.options.seed, 0, static_cast<std::uint64_t>(index) + 1));
    out = DemoClient{};

    // Who they are.
    const Person person = MakePerson(random, state.culture_weights);
    const demo::Culture& culture = *person.culture;
    Client& client = out.client;
    client.given_name = person.given;
    client.family_name = person.family;
    client.preferred_name = person.preferred;
    static const std::vector<int> kAgeWeights{10, 30, 30, 20, 10};
    static constexpr std::array<std::array<int, 2>, 5> kAges{
        {{18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 72}}};
    const auto& ages = kAges[random.Weighted(kAgeWeights)];
    const int age = random.Between(ages[0], ages[1]);
    client.date_of_birth = AddDays(YearsBefore(today, age), -random.Between(0, 364));
    if (random.Chance(0.95)) {
        client.phone = Phone(random, culture);
    }
    if (random.Chance(0.9)) {
        client.email = Email(random, person, index + 1);
    }
    if (random.Chance(0.7)) {
        client.address = Address(random, culture);
    }
    if (random.Chance(0.6)) {
        Person contact = MakePerson(random, state.culture_weights);
        if (random.Chance(0.6)) {
            contact.family = person.family;
        }
        client.emergency_contact_name = FullName(contact);
        client.emergency_contact_phone = Phone(random, culture);
    }
    if (random.Chance(0.4)) {
        const Person doctor = MakePerson(random, state.culture_weights);
        client.physician = "Dr " + FullName(doctor);
    }
    static constexpr std::array<std::string_view, 8> kReferrals{
        "Running club", "Physiotherapist", "A friend", "Instagram", "Race expo",
        "GP",           "Google search",   "Parkrun"};
    if (random.Chance(0.8)) {
        client.referral_source = std::string(random.Pick(kReferrals));
    }
    if (random.Chance(0.05)) {
        static constexpr std::array<std::string_view, 3> kNotes{
            "Prefers morning appointments.", "Pacer for the running club's Sunday group.",
            "Pays by invoice through the employer's wellbeing scheme."};
        client.notes = std::string(random.Pick(kNotes));
    }

    const Runner runner = MakeRunner(random, culture);
    const int span = DaysBetween(YearsBefore(today, state.options.years), today);
    const Date first_visit = AddDays(today, -random.Between(3, std::max(span, 3)));
    const HealthProfile health = MakeHealth(random, first_visit, age, person.female);

    // How often they come, and whether they stopped coming.
    static const std::vector<int> kCadenceWeights{10, 10, 30, 25, 25};
    static constexpr std::array<int, 5> kCadences{7, 10, 14, 21, 28};
    const int cadence = kCadences[random.Weighted(kCadenceWeights)];
    // Most come for a block of sessions (a training cycle, an injury) and stop; some stay.
    const bool lapsed = random.Chance(0.65);
    const int max_sessions = lapsed ? random.Between(1, 14) : 1'000'000;
    std::optional<Race> race;
    // A client still in their block of sessions may be training for a race too.
    const bool active = !lapsed || AddDays(first_visit, max_sessions * cadence) >= today;
    if (active && random.Chance(0.8)) {
        // Beginners aim for a half marathon.
        race = PickRace(random, AddDays(today, 14), AddDays(today, 26 * 7),
                        runner.level == 0 ? 22.0 : 50.0);
    }
    out.race_ahead = race.has_value();

    // The training calendar of the current cycle, up to the race: from a long run some weeks
    // back (a watch's history), so it does not open with a jump from easy runs to a long one.
    if (race) {
        Date from = std::max(AddDays(today, -42), AddDays(race->date, -20 * 7));
        const int long_day = static_cast<int>(runner.long_run_weekday);
        from = AddDays(from, (long_day - IsoWeekdayIndex(from) + 7) % 7);
        out.training = BuildCalendar(random, runner, from, *race);
    }
    const int band = random.Between(0, 3);
    const int primary = random.Between(0, static_cast<int>(state.therapists.size()) - 1);

    // The sessions, fitted into the therapists' diaries.
    std::vector<Slot> slots;
    {
        Date wanted = first_visit;
        Date last_booked = AddDays(first_visit, -30);
        while (wanted < today && static_cast<int>(slots.size()) < max_sessions) {
            const Phase phase = PhaseOn(wanted, race);
            static const std::vector<int> kDurationWeights{15, 35, 50};
            static constexpr std::array<int, 3> kDurations{30, 45, 60};
            int duration = kDurations[random.Weighted(kDurationWeights)];
            if (phase == Phase::kTaper || phase == Phase::kRaceWeek) {
                duration = std::min(duration, 45);
            }
            const int needed = (duration + 29) / 30;
            static constexpr std::array<int, 6> kShifts{0, 1, -1, 2, -2, 3};
            bool booked = false;
            for (const int shift : kShifts) {
                const Date date = AddDays(wanted, shift);
                if (date >= today || DaysBetween(last_booked, date) < 4) {
                    continue;
                }
                const std::array<int, 3> therapists{
                    primary, random.Between(0, static_cast<int>(state.therapists.size()) - 1),
                    random.Between(0, static_cast<int>(state.therapists.size()) - 1)};
                for (std::size_t t = 0; t < therapists.size() && !booked; ++t) {
                    if (t == 0 || random.Chance(0.1) || !state.Works(primary, date)) {
                        if (const auto start = state.Book(therapists[t], date, needed, band)) {
                            slots.push_back({date, *start, duration, therapists[t]});
                            last_booked = date;
                            booked = true;
                        }
                    }
                }
                if (booked) {
                    break;
                }
            }
            int step = cadence + random.Between(-2, 3);
            if (race && phase == Phase::kBuild) {
                step = std::min(step, random.Between(6, 9));
            }
            if (random.Chance(0.04)) {
                step += random.Between(21, 75);  // holidays, an injury, a busy spell
            }
            wanted = AddDays(wanted, std::max(step, 5));
        }
    }

    // The intakes: at the first visit, renewed about yearly; a change of health shortly
    // before today for a few; and now and then a client who turns up with a fever.
    std::vector<Date> intake_dates{slots.empty() ? first_visit : slots.front().date};
    for (const Slot& slot : slots) {
        if (DaysBetween(intake_dates.back(), slot.date) >= random.Between(330, 400)) {
            intake_dates.push_back(slot.date);
        }
    }
    bool recent_injury = false;
    if (!slots.empty() && DaysBetween(slots.back().date, today) <= 10 &&
        slots.back().date != intake_dates.back() && random.Chance(0.1)) {
        intake_dates.push_back(slots.back().date);
        recent_injury = true;
    }
    const bool absolute = index % 150 == 11;
    if (absolute && intake_dates.back() != today) {
        intake_dates.push_back(today);
    }
    const bool pregnant =
        health.pregnancy_candidate && DaysBetween(intake_dates.back(), today) <= 120 && !absolute;
    for (std::size_t i = 0; i < intake_dates.size(); ++i) {
        const bool newest = i + 1 == intake_dates.size();
        Intake intake;
        intake.taken_on = intake_dates[i];
        intake.health.conditions = health.conditions;
        intake.health.medications = health.medications;
        intake.health.surgeries = health.surgeries;
        intake.health.injuries = health.injuries;
        intake.health.allergies = health.allergies;
        if (newest && recent_injury) {
            const ProblemRegion& problem = runner.problems.front();
            static constexpr std::array<std::string_view, 3> kWhat{"Strain during a track session",
                                                                   "Rolled it on a trail run",
                                                                   "Sudden pain on a downhill"};
            intake.health.injuries.push_back(
                {AddDays(intake.taken_on, -random.Between(1, 4)), problem.region,
                 problem.side == Side::kMidline ? Side::kMidline : RandomSide(random),
                 std::string(ToCode(InjuryKind::kAcute)), std::string(random.Pick(kWhat))});
        }
        if (newest && absolute) {
            static constexpr std::array<ConditionCode, 4> kAbsolute{
                ConditionCode::kFever, ConditionCode::kAcuteInfection, ConditionCode::kDvt,
                ConditionCode::kUncontrolledHypertension};
            intake.health.conditions.push_back(
                {kAbsolute[static_cast<std::size_t>(index / 150 % 4)], std::nullopt, std::nullopt,
                 AddDays(today, -random.Between(1, 3))});
        }
        if (newest && pregnant) {
            intake.health.pregnant = true;
            intake.health.pregnancy_weeks = random.Between(8, 26);
        }
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
            for (const TrainingEntry& entry : out.training) {
                if (entry.date < intake.taken_on && entry.distance_km &&
                    DaysBetween(entry.date, intake.taken_on) <= 14) {
                    profile.recent_runs.push_back({entry.date, *entry.distance_km, entry.type});
                }
            }
        }
        if (!profile.recent_runs.empty()) {
            double longest = 0;
            for (const TrainingEntry& entry : out.training) {
                if (entry.date < intake.taken_on && entry.distance_km &&
                    DaysBetween(entry.date, intake.taken_on) <= 30) {
                    longest = std::max(longest, *entry.distance_km);
                }
            }
            profile.longest_run_30d_km = longest;
        } else {
            const int back_to_long =
                (IsoWeekdayIndex(intake.taken_on) - static_cast<int>(runner.long_run_weekday) + 7) %
                7;
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
        intake.consent = {true, FullName(person), intake.taken_on};
        out.intakes.push_back(std::move(intake));
    }

    // The notes.
    const ScreeningSettings screening;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const Slot& slot = slots[i];
        const Intake& intake = IntakeOn(out.intakes, slot.date);
        NoteContext context;
        context.runner = &runner;
        context.race = &race;
        context.session = static_cast<int>(i);
        context.days_to_next =
            i + 1 < slots.size() ? std::max(DaysBetween(slot.date, slots[i + 1].date), 5) : cadence;
        context.pregnant = intake.health.pregnant;
        context.excluded = intake.avoid_regions;
        if (HasHealthItems(intake)) {
            for (const auto& flag : ScreenContraindications(intake, slot.date, screening)) {
                if (flag.level == FlagLevel::kModify) {
                    context.modify = true;
                } else if (flag.level == FlagLevel::kLocal && flag.region) {
                    context.excluded.push_back(
                        {*flag.region, flag.side.value_or(Side::kBilateral)});
                }
            }
        }
        SessionNote note = MakeNote(random, slot, context);
        const int end = slot.start + slot.duration;
        note.created_at = Timestamp(slot.date, end);
        note.updated_at = note.created_at;
        note.version = 1;
        const bool recent = DaysBetween(slot.date, today) <= 10;
        if (!recent || random.Chance(0.7)) {
            note.signed_at = Timestamp(slot.date, end + random.Between(2, 90));
            note.signed_by = note.therapist_id;
            note.updated_at = note.signed_at;
            note.version = 2;
        }
        out.notes.push_back(std::move(note));
    }

    const Date last_seen = slots.empty() ? first_visit : slots.back().date;
    client.archived = lapsed && DaysBetween(last_seen, today) > 365 && random.Chance(0.3);
    client.created_at = Timestamp(out.intakes.front().taken_on, 8 * 60 + random.Between(0, 50));
    client.updated_at = client.created_at;
    client.version = 1;
    for (Intake& intake : out.intakes) {
        intake.created_at = Timestamp(intake.taken_on, 8 * 60 + random.Between(0, 50));
    }
    return true;
}

}  // namespace myodesk::core
