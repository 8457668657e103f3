// The demo practice's clients: who they are (names, contact details, physician), the runner
// each one is, their health, and how often they come.
#include "demo_practice_internal.h"

#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace myodesk::core::demo {

namespace {

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

// 'D' in the pattern becomes a random digit.
std::string Digits(DemoRandom& random, std::string_view pattern) {
    std::string text;
    for (const char c : pattern) {
        text.push_back(c == 'D' ? static_cast<char>('0' + random.Between(0, 9)) : c);
    }
    return text;
}

// The regions a runner comes with, and how common each is.
constexpr std::array<Region, 11> kProblemRegions{
    Region::kCalves,    Region::kHamstrings, Region::kItBand,   Region::kQuadriceps,
    Region::kGlutes,    Region::kHipFlexors, Region::kFeet,     Region::kAchilles,
    Region::kLowerBack, Region::kShins,      Region::kAdductors};
const std::vector<int> kProblemWeights{30, 20, 15, 12, 12, 10, 8, 6, 8, 6, 4};

}  // namespace

// --- people --------------------------------------------------------------------------------

std::vector<int> CultureWeights() {
    std::vector<int> weights;
    for (const auto& culture : demo::Cultures()) {
        weights.push_back(culture.weight);
    }
    return weights;
}

Person MakePerson(DemoRandom& random, const std::vector<int>& weights, std::optional<bool> female) {
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

std::string Timestamp(const Date& date, int minute) {
    minute = std::clamp(minute, 0, 24 * 60 - 1);
    return fmt::format("{}T{:02}:{:02}:00Z", FormatIsoDate(date), minute / 60, minute % 60);
}

// --- the runner ----------------------------------------------------------------------------

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

// --- health --------------------------------------------------------------------------------

namespace {

// A day between `min_days` and `max_days` before the first visit.
std::optional<Date> Since(DemoRandom& random, const Date& first_visit, int min_days, int max_days) {
    return std::optional<Date>(AddDays(first_visit, -random.Between(min_days, max_days)));
}

void AddConditions(DemoRandom& random, const Date& first_visit, int age, bool female,
                   HealthProfile& health) {
    if (random.Chance(0.06)) {
        health.conditions.push_back({ConditionCode::kVaricoseVeins, Region::kCalves,
                                     RandomSide(random), Since(random, first_visit, 200, 3000)});
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
                {chronic.code, std::nullopt, std::nullopt, Since(random, first_visit, 100, 2500)});
        }
    }
    if (female && random.Chance(0.05)) {
        health.conditions.push_back(
            {ConditionCode::kMenstrualPain, std::nullopt, std::nullopt, std::nullopt});
    }
    if (age >= 50 && random.Chance(female ? 0.08 : 0.02)) {
        health.conditions.push_back({ConditionCode::kOsteoporosis, std::nullopt, std::nullopt,
                                     Since(random, first_visit, 100, 1500)});
    }
    if (random.Chance(0.003)) {
        health.conditions.push_back({ConditionCode::kBleedingDisorder, std::nullopt, std::nullopt,
                                     Since(random, first_visit, 1000, 5000)});
    }
}

void AddMedications(DemoRandom& random, HealthProfile& health) {
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
}

void AddSurgeryAndInjuries(DemoRandom& random, const Date& first_visit, HealthProfile& health) {
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
        HealthEvent event{*Since(random, first_visit, 400, 6000), surgery.region, std::nullopt,
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
        health.injuries.push_back({*Since(random, first_visit, 120, 3000), injury.region,
                                   RandomSide(random), std::string(ToCode(injury.kind)),
                                   std::string(injury.description)});
    }
    std::sort(health.injuries.begin(), health.injuries.end(),
              [](const HealthEvent& a, const HealthEvent& b) { return a.date < b.date; });
}

// Allergies, an area to leave out or a wish about the session, and whether a pregnancy is
// possible.
void AddAllergiesAndPreferences(DemoRandom& random, int age, bool female, HealthProfile& health) {
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
}

}  // namespace

HealthProfile MakeHealth(DemoRandom& random, const Date& first_visit, int age, bool female) {
    HealthProfile health;
    AddConditions(random, first_visit, age, female, health);
    AddMedications(random, health);
    AddSurgeryAndInjuries(random, first_visit, health);
    AddAllergiesAndPreferences(random, age, female, health);
    return health;
}

// --- the client ----------------------------------------------------------------------------

int FillClientDetails(DemoRandom& random, const ClientStory& story,
                      const std::vector<int>& culture_weights, Client& client) {
    const Person& person = story.person;
    const demo::Culture& culture = *person.culture;
    const int index = story.index;
    const Date& today = story.today;
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
        Person contact = MakePerson(random, culture_weights);
        if (random.Chance(0.6)) {
            contact.family = person.family;
        }
        client.emergency_contact_name = FullName(contact);
        client.emergency_contact_phone = Phone(random, culture);
    }
    if (random.Chance(0.4)) {
        const Person doctor = MakePerson(random, culture_weights);
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
    return age;
}

void ChooseAttendance(DemoRandom& random, ClientStory& story) {
    const Date& today = story.today;
    const Date& first_visit = story.first_visit;
    const Runner& runner = story.runner;
    static const std::vector<int> kCadenceWeights{10, 10, 30, 25, 25};
    static constexpr std::array<int, 5> kCadences{7, 10, 14, 21, 28};
    story.cadence = kCadences[random.Weighted(kCadenceWeights)];
    story.lapsed = random.Chance(0.65);
    story.max_sessions = story.lapsed ? random.Between(1, 14) : 1'000'000;
    // A client still in their block of sessions may be training for a race too.
    const bool active =
        !story.lapsed || AddDays(first_visit, story.max_sessions * story.cadence) >= today;
    if (active && random.Chance(0.8)) {
        // Beginners aim for a half marathon.
        story.race = PickRace(random, AddDays(today, 14), AddDays(today, 26 * 7),
                              runner.level == 0 ? 22.0 : 50.0);
    }
}

}  // namespace myodesk::core::demo
