#include <myodesk/core/screening.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

const Date kTakenOn{year{2026}, November, day{2}};

Date Plus(const Date& date, int n) {
    return Date{sys_days{date} + days{n}};
}

// What one flag should look like; region/side/until empty where the flag has none.
struct Expected {
    FlagLevel level;
    FlagCode code;
    std::optional<Region> region = std::nullopt;
    std::optional<Side> side = std::nullopt;
    std::optional<Date> until = std::nullopt;
    bool clearance = false;
};

struct Case {
    const char* name;
    std::function<void(Intake&)> fill;
    int days_after_intake;  // the screening date, relative to taken_on
    std::vector<Expected> expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << c.name;
}

HealthCondition Condition(ConditionCode code, std::optional<Region> region = std::nullopt,
                          std::optional<Side> side = std::nullopt) {
    return HealthCondition{code, region, side, std::nullopt};
}

HealthEvent Event(int days_before_intake, std::string kind, std::optional<Region> region,
                  std::optional<Side> side) {
    return HealthEvent{Plus(kTakenOn, -days_before_intake), region, side, std::move(kind), ""};
}

using C = ConditionCode;
using F = FlagCode;
constexpr auto kAbsolute = FlagLevel::kAbsolute;
constexpr auto kLocal = FlagLevel::kLocal;
constexpr auto kModify = FlagLevel::kModify;

const std::vector<Case> kCases{
    {"clean intake", [](Intake&) {}, 0, {}},
    {"not a contraindication",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kMigraine)); },
     0,
     {}},
    // absolute
    {"fever",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kFever)); },
     0,
     {{kAbsolute, F::kFever}}},
    {"acute infection",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kAcuteInfection)); },
     0,
     {{kAbsolute, F::kAcuteInfection}}},
    {"dvt",
     [](Intake& i) {
         i.health.conditions.push_back(Condition(C::kDvt, Region::kCalves, Side::kLeft));
     },
     0,
     {{kAbsolute, F::kDvt}}},
    {"pulmonary embolism",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kPulmonaryEmbolism)); },
     0,
     {{kAbsolute, F::kPulmonaryEmbolism}}},
    {"uncontrolled hypertension",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kUncontrolledHypertension)); },
     0,
     {{kAbsolute, F::kUncontrolledHypertension}}},
    {"controlled hypertension is no flag",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kControlledHypertension)); },
     0,
     {}},
    // local, from the checklist
    {"varicose veins",
     [](Intake& i) {
         i.health.conditions.push_back(Condition(C::kVaricoseVeins, Region::kCalves, Side::kRight));
     },
     0,
     {{kLocal, F::kVaricoseVeins, Region::kCalves, Side::kRight}}},
    {"skin infection",
     [](Intake& i) {
         i.health.conditions.push_back(Condition(C::kSkinInfection, Region::kShins, Side::kLeft));
     },
     0,
     {{kLocal, F::kSkinInfection, Region::kShins, Side::kLeft}}},
    {"open wound",
     [](Intake& i) {
         i.health.conditions.push_back(Condition(C::kOpenWound, Region::kFeet, Side::kLeft));
     },
     0,
     {{kLocal, F::kOpenWound, Region::kFeet, Side::kLeft}}},
    {"bruising",
     [](Intake& i) {
         i.health.conditions.push_back(
             Condition(C::kBruising, Region::kQuadriceps, Side::kBilateral));
     },
     0,
     {{kLocal, F::kBruising, Region::kQuadriceps, Side::kBilateral}}},
    // local, time-limited: the last day of the window and the day after
    {"surgery, last day of 6 weeks",
     [](Intake& i) {
         i.health.surgeries.push_back(Event(0, "arthroscopy", Region::kHips, Side::kRight));
     },
     41,
     {{kLocal, F::kRecentSurgery, Region::kHips, Side::kRight, Plus(kTakenOn, 41)}}},
    {"surgery, 6 weeks over",
     [](Intake& i) {
         i.health.surgeries.push_back(Event(0, "arthroscopy", Region::kHips, Side::kRight));
     },
     42,
     {}},
    {"surgery on the screening day",
     [](Intake& i) { i.health.surgeries.push_back(Event(0, "", std::nullopt, std::nullopt)); },
     0,
     {{kLocal, F::kRecentSurgery, std::nullopt, std::nullopt, Plus(kTakenOn, 41)}}},
    {"acute injury, day 7",
     [](Intake& i) {
         i.health.injuries.push_back(Event(3, "acute", Region::kAnkles, Side::kLeft));
     },
     3,
     {{kLocal, F::kAcuteInjury, Region::kAnkles, Side::kLeft, Plus(kTakenOn, 3)}}},
    {"acute injury, day 8",
     [](Intake& i) {
         i.health.injuries.push_back(Event(3, "acute", Region::kAnkles, Side::kLeft));
     },
     4,
     {}},
    {"fracture, last day",
     [](Intake& i) {
         i.health.injuries.push_back(Event(10, "fracture", Region::kFeet, Side::kRight));
     },
     31,
     {{kLocal, F::kFracture, Region::kFeet, Side::kRight, Plus(kTakenOn, 31)}}},
    {"fracture, over",
     [](Intake& i) {
         i.health.injuries.push_back(Event(10, "fracture", Region::kFeet, Side::kRight));
     },
     32,
     {}},
    {"overuse injury is no flag",
     [](Intake& i) {
         i.health.injuries.push_back(Event(1, "overuse", Region::kAchilles, Side::kLeft));
     },
     0,
     {}},
    {"screening before the event",
     [](Intake& i) {
         i.health.injuries.push_back(Event(-2, "acute", Region::kCalves, Side::kLeft));
     },
     0,
     {}},
    // modify
    {"anticoagulants",
     [](Intake& i) {
         i.health.medications.push_back({"warfarin", MedicationClass::kAnticoagulant});
     },
     0,
     {{kModify, F::kAnticoagulants}}},
    {"bleeding disorder",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kBleedingDisorder)); },
     0,
     {{kModify, F::kBleedingDisorder}}},
    {"corticosteroids",
     [](Intake& i) {
         i.health.medications.push_back({"prednisolone", MedicationClass::kCorticosteroid});
     },
     0,
     {{kModify, F::kCorticosteroids}}},
    {"osteoporosis",
     [](Intake& i) { i.health.conditions.push_back(Condition(C::kOsteoporosis)); },
     0,
     {{kModify, F::kOsteoporosis}}},
    {"nsaid masks pain",
     [](Intake& i) {
         i.health.medications.push_back({"ibuprofen", MedicationClass::kNsaid});
     },
     0,
     {{kModify, F::kPainMaskingMedication}}},
    {"two pain maskers give one flag",
     [](Intake& i) {
         i.health.medications.push_back({"ibuprofen", MedicationClass::kNsaid});
         i.health.medications.push_back({"cyclobenzaprine", MedicationClass::kMuscleRelaxant});
         i.health.medications.push_back({"paracetamol", MedicationClass::kAnalgesic});
     },
     0,
     {{kModify, F::kPainMaskingMedication}}},
    {"other medication is no flag",
     [](Intake& i) {
         i.health.medications.push_back({"vitamin D", MedicationClass::kOther});
     },
     0,
     {}},
    {"pregnancy, week 12: clearance",
     [](Intake& i) {
         i.health.pregnant = true;
         i.health.pregnancy_weeks = 12;
     },
     6,
     {{kModify, F::kPregnancy, std::nullopt, std::nullopt, std::nullopt, true}}},
    {"pregnancy, week 12 seven days on: week 13",
     [](Intake& i) {
         i.health.pregnant = true;
         i.health.pregnancy_weeks = 12;
     },
     7,
     {{kModify, F::kPregnancy}}},
    {"pregnancy, week unknown: clearance",
     [](Intake& i) { i.health.pregnant = true; },
     0,
     {{kModify, F::kPregnancy, std::nullopt, std::nullopt, std::nullopt, true}}},
    {"most serious first",
     [](Intake& i) {
         i.health.medications.push_back({"warfarin", MedicationClass::kAnticoagulant});
         i.health.conditions.push_back(Condition(C::kBruising, Region::kCalves, Side::kLeft));
         i.health.conditions.push_back(Condition(C::kFever));
     },
     0,
     {{kAbsolute, F::kFever},
      {kLocal, F::kBruising, Region::kCalves, Side::kLeft},
      {kModify, F::kAnticoagulants}}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(screening_tests)

BOOST_DATA_TEST_CASE(screens_each_contraindication, boost::unit_test::data::make(kCases), sample) {
    Intake intake;
    intake.taken_on = kTakenOn;
    sample.fill(intake);
    const auto flags = ScreenContraindications(intake, Plus(kTakenOn, sample.days_after_intake));
    BOOST_TEST_REQUIRE(flags.size() == sample.expected.size());
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const auto& expected = sample.expected[i];
        BOOST_TEST(ToCode(flags[i].level) == ToCode(expected.level));
        BOOST_TEST(ToCode(flags[i].code) == ToCode(expected.code));
        BOOST_TEST((flags[i].region == expected.region));
        BOOST_TEST((flags[i].side == expected.side));
        BOOST_TEST((flags[i].until == expected.until));
        BOOST_TEST(flags[i].physician_clearance == expected.clearance);
    }
}

BOOST_AUTO_TEST_CASE(every_flag_code_is_reachable_and_has_its_level) {
    // The table above names every code; this guards the code/level table itself.
    const std::vector<std::pair<FlagCode, FlagLevel>> levels{
        {F::kFever, kAbsolute},
        {F::kAcuteInfection, kAbsolute},
        {F::kDvt, kAbsolute},
        {F::kPulmonaryEmbolism, kAbsolute},
        {F::kUncontrolledHypertension, kAbsolute},
        {F::kVaricoseVeins, kLocal},
        {F::kSkinInfection, kLocal},
        {F::kOpenWound, kLocal},
        {F::kBruising, kLocal},
        {F::kRecentSurgery, kLocal},
        {F::kAcuteInjury, kLocal},
        {F::kFracture, kLocal},
        {F::kAnticoagulants, kModify},
        {F::kBleedingDisorder, kModify},
        {F::kCorticosteroids, kModify},
        {F::kOsteoporosis, kModify},
        {F::kPregnancy, kModify},
        {F::kPainMaskingMedication, kModify},
    };
    for (const auto& [code, level] : levels) {
        BOOST_TEST(ToCode(LevelOf(code)) == ToCode(level), ToCode(code));
    }
    BOOST_TEST(ToCode(F::kPainMaskingMedication) == "pain_masking_medication");
    BOOST_TEST(ToCode(F::kUncontrolledHypertension) == "uncontrolled_hypertension");
}

BOOST_AUTO_TEST_CASE(windows_are_clinic_settings) {
    Intake intake;
    intake.taken_on = kTakenOn;
    intake.health.injuries.push_back(Event(0, "acute", Region::kCalves, Side::kLeft));
    ScreeningSettings settings;
    settings.acute_injury_days = 14;
    BOOST_TEST(ScreenContraindications(intake, Plus(kTakenOn, 13), settings).size() == 1u);
    BOOST_TEST(ScreenContraindications(intake, Plus(kTakenOn, 14), settings).empty());
    BOOST_TEST(ScreenContraindications(intake, Plus(kTakenOn, 13)).empty());  // default 7 days
}

BOOST_AUTO_TEST_CASE(most_serious_level) {
    BOOST_TEST(!MostSerious({}).has_value());
    std::vector<ContraindicationFlag> flags(2);
    flags[0].level = kModify;
    flags[1].level = kLocal;
    BOOST_TEST(ToCode(*MostSerious(flags)) == "local");
}

BOOST_AUTO_TEST_SUITE_END()
