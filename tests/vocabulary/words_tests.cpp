// Every value of every enumeration has a word in every form a front end asks for: defined
// (marked for translation, not the raw code the lookup falls back to), not empty, and
// different from the other values' words. The values are
// enumerated from core's code tables, so a new value without a word fails here.
#include <myodesk/core/codes.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/vocabulary/translation.h>
#include <myodesk/vocabulary/words.h>

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

using namespace myodesk;
using core::Region;
using core::Side;

namespace {

// Every value of an enumeration whose ToCode says "unknown" after its last value (the values
// are numbered from 0 in declaration order).
template <typename Enum>
std::vector<Enum> ValuesUntilUnknown() {
    std::vector<Enum> values;
    for (int i = 0; i < 100 && core::ToCode(static_cast<Enum>(i)) != "unknown"; ++i) {
        values.push_back(static_cast<Enum>(i));
    }
    return values;
}

// The contraindication codes, from the first to the last declared (core's flag table has no
// "unknown" to stop at).
std::vector<core::FlagCode> FlagCodes() {
    std::vector<core::FlagCode> values;
    for (int i = 0; i <= static_cast<int>(core::FlagCode::kPainMaskingMedication); ++i) {
        values.push_back(static_cast<core::FlagCode>(i));
    }
    return values;
}

// Marks every translated text, so that a word given without Tr (a missing case falls back to
// the raw code) shows.
struct MarkingTranslator {
    MarkingTranslator() {
        vocabulary::SetTranslator([](const char* english) { return "<" + std::string(english); });
    }
    ~MarkingTranslator() { vocabulary::SetTranslator({}); }
    MarkingTranslator(const MarkingTranslator&) = delete;
    MarkingTranslator& operator=(const MarkingTranslator&) = delete;
};

// Checks each value's word in one form: not empty, marked for translation (so defined, not
// the code the lookup falls back to) and no two values share a word.
template <typename Enum, typename Words>
void EveryValueHasAWord(const std::vector<Enum>& values, Words words) {
    BOOST_REQUIRE(!values.empty());
    std::set<std::string> seen;
    {
        const MarkingTranslator marking;
        for (const Enum value : values) {
            const std::string word = words(value);
            BOOST_TEST((word.size() > 1 && word[0] == '<'),
                       "code " << core::ToCode(value) << ": " << word);
        }
    }
    for (const Enum value : values) {
        const std::string word = words(value);
        BOOST_TEST(!word.empty(), "code " << core::ToCode(value));
        seen.insert(word);
    }
    BOOST_TEST(seen.size() == values.size());
}

template <typename Enum>
void EveryValueHasAName(const std::vector<Enum>& values) {
    // The mark tells a word from the raw code even where they are spelled alike ("km").
    EveryValueHasAWord(values, [](Enum value) { return vocabulary::NameOf(value); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(words_tests)

BOOST_AUTO_TEST_CASE(every_code_of_every_enumeration_has_a_name) {
    EveryValueHasAName(core::AllValues<Region>());
    EveryValueHasAName(core::AllValues<Side>());
    EveryValueHasAName(core::AllValues<core::BodySystem>());
    EveryValueHasAName(core::AllValues<core::ConditionCode>());
    EveryValueHasAName(core::AllValues<core::MedicationClass>());
    EveryValueHasAName(core::AllValues<core::InjuryKind>());
    EveryValueHasAName(core::AllValues<core::RunType>());
    EveryValueHasAName(core::AllValues<core::RaceGoal>());
    EveryValueHasAName(core::AllValues<core::DistanceUnit>());
    EveryValueHasAName(core::AllValues<core::Pressure>());
    EveryValueHasAName(core::AllValues<core::Weekday>());
    EveryValueHasAName(core::AllTechniques());
    EveryValueHasAName(core::AllPositions());
    EveryValueHasAName(ValuesUntilUnknown<core::NoteSection>());
    EveryValueHasAName(std::vector{core::StaffRole::kTherapist, core::StaffRole::kManager});
    EveryValueHasAName(core::AllPlanPhases());
    EveryValueHasAName(ValuesUntilUnknown<core::PlannedSessionStatus>());
    EveryValueHasAName(core::AllAppointmentStatuses());
    EveryValueHasAName(FlagCodes());
    EveryValueHasAName(ValuesUntilUnknown<core::FlagLevel>());
}

// The enumerations whose tables have no All-list are enumerated up to their "unknown": make
// sure that reaches every value (a gap would end the list early).
BOOST_AUTO_TEST_CASE(the_enumerations_without_a_list_are_enumerated_completely) {
    BOOST_TEST(ValuesUntilUnknown<core::NoteSection>().size() == 4U);
    BOOST_TEST(ValuesUntilUnknown<core::PlannedSessionStatus>().size() == 4U);
    BOOST_TEST(FlagCodes().size() == 18U);
    BOOST_TEST(ValuesUntilUnknown<core::FlagLevel>().size() == 3U);
    BOOST_TEST(ValuesUntilUnknown<core::Side>().size() == core::AllValues<Side>().size());
}

BOOST_AUTO_TEST_CASE(every_other_form_has_a_word) {
    EveryValueHasAWord(core::AllValues<Region>(),
                       [](Region value) { return vocabulary::InSentence(value); });
    EveryValueHasAWord(core::AllValues<core::RunType>(),
                       [](core::RunType value) { return vocabulary::InSentence(value); });
    EveryValueHasAWord(FlagCodes(),
                       [](core::FlagCode value) { return vocabulary::InSentence(value); });
    EveryValueHasAWord(core::AllTechniques(),
                       [](core::Technique value) { return vocabulary::ShortNameOf(value); });
    EveryValueHasAWord(core::AllValues<Side>(),
                       [](Side value) { return vocabulary::ShortNameOf(value); });
    EveryValueHasAWord(core::AllValues<core::ConditionCode>(),
                       [](core::ConditionCode value) { return vocabulary::ChecklistLabel(value); });
    EveryValueHasAWord(core::AllValues<core::MedicationClass>(), [](core::MedicationClass value) {
        return vocabulary::ChecklistLabel(value);
    });
    for (const Region region : core::AllValues<Region>()) {
        // "IT band" and "Achilles" are written the same in both forms.
        BOOST_TEST(vocabulary::NameOf(region).substr(1) == vocabulary::InSentence(region).substr(1),
                   core::ToCode(region));
    }
}

BOOST_AUTO_TEST_CASE(every_region_and_side_has_a_phrase) {
    std::set<std::string> phrases;
    std::set<std::string> names;
    for (const Region region : core::AllValues<Region>()) {
        for (const Side side : core::AllValues<Side>()) {
            phrases.insert(vocabulary::RegionSideInSentence(region, side));
            names.insert(vocabulary::RegionSideName(core::RegionSide{region, side}));
        }
    }
    // Left, right, both sides and (midline) the region alone: four per region, none shared.
    BOOST_TEST(phrases.size() == 4 * core::AllValues<Region>().size());
    BOOST_TEST(names.size() == 4 * core::AllValues<Region>().size());
}

// The words, as people read them. Where the front ends had drifted apart ("Feet (plantar)" /
// "Feet" / "feet", "lower back (midline)" / "lower back"), this is the one wording.
BOOST_AUTO_TEST_CASE(words_as_people_read_them) {
    using vocabulary::NameOf;
    BOOST_TEST(NameOf(Region::kHipFlexors) == "Hip flexors");
    BOOST_TEST(NameOf(Region::kFeet) == "Feet");
    BOOST_TEST(vocabulary::InSentence(Region::kFeet) == "feet");
    BOOST_TEST(vocabulary::InSentence(Region::kItBand) == "IT band");
    BOOST_TEST(NameOf(Side::kBilateral) == "Both sides");
    BOOST_TEST(NameOf(core::Technique::kDeepTissue) == "Deep tissue");
    BOOST_TEST(vocabulary::ShortNameOf(core::Technique::kTriggerPoint) == "Trigger point");
    BOOST_TEST(vocabulary::ShortNameOf(Side::kLeft) == "L");
    BOOST_TEST(NameOf(core::ConditionCode::kDvt) == "Deep vein thrombosis");
    BOOST_TEST(vocabulary::ChecklistLabel(core::ConditionCode::kDvt) == "DVT, or suspected DVT");
    BOOST_TEST(vocabulary::ChecklistLabel(core::ConditionCode::kEczema) == "Eczema");
    BOOST_TEST(NameOf(core::MedicationClass::kAnticoagulant) == "Anticoagulant");
    BOOST_TEST(vocabulary::ChecklistLabel(core::MedicationClass::kAnticoagulant) ==
               "Anticoagulant (blood thinner)");
    BOOST_TEST(NameOf(core::FlagCode::kVaricoseVeins) == "Varicose veins");
    BOOST_TEST(NameOf(core::FlagCode::kPainMaskingMedication) == "Pain-masking medication");
    BOOST_TEST(vocabulary::InSentence(core::FlagCode::kDvt) == "deep vein thrombosis (DVT)");
    BOOST_TEST(NameOf(core::FlagLevel::kAbsolute) == "No massage: refer");
    BOOST_TEST(NameOf(core::FlagLevel::kLocal) == "Avoid area");
    BOOST_TEST(NameOf(core::FlagLevel::kModify) == "Modify");
    BOOST_TEST(NameOf(core::PlanPhase::kTaper) == "Taper");
    BOOST_TEST(NameOf(core::PlannedSessionStatus::kBooked) == "Booked");
    BOOST_TEST(NameOf(core::AppointmentStatus::kLateCancelled) == "Late cancellation");
    BOOST_TEST(NameOf(core::Weekday::kMonday) == "Monday");
    BOOST_TEST(NameOf(core::StaffRole::kManager) == "Manager");
    BOOST_TEST(vocabulary::InSentence(core::RunType::kIntervals) == "interval session");
}

BOOST_AUTO_TEST_CASE(regions_with_their_sides) {
    using vocabulary::RegionSideInSentence;
    using vocabulary::RegionSideName;
    BOOST_TEST(RegionSideInSentence(Region::kCalves, Side::kLeft) == "left calf");
    BOOST_TEST(RegionSideInSentence(Region::kCalves, Side::kRight) == "right calf");
    BOOST_TEST(RegionSideInSentence(Region::kItBand, Side::kBilateral) == "IT band (both sides)");
    BOOST_TEST(RegionSideInSentence(Region::kLowerBack, Side::kMidline) == "lower back");
    BOOST_TEST(RegionSideInSentence(Region::kCalves, std::nullopt) == "calves");
    BOOST_TEST(RegionSideName(Region::kHamstrings, Side::kLeft) == "Left hamstring");
    BOOST_TEST(RegionSideName(Region::kItBand, Side::kLeft) == "Left IT band");
    BOOST_TEST(RegionSideName(Region::kHamstrings, Side::kBilateral) == "Hamstrings (both sides)");
    BOOST_TEST(RegionSideName(Region::kLowerBack, Side::kMidline) == "Lower back");
    BOOST_TEST(RegionSideName(Region::kNeck, std::nullopt) == "Neck");
}

BOOST_AUTO_TEST_CASE(pressure_pain_numbers_distances_and_dates) {
    BOOST_TEST(vocabulary::PressureText(2) == "2 – light");
    BOOST_TEST(vocabulary::PressureText(5) == "5 – medium");
    BOOST_TEST(vocabulary::PressureText(7) == "7 – firm");
    BOOST_TEST(vocabulary::PressureText(8) == "8 – deep");
    BOOST_TEST(vocabulary::PressureText(9) == "9 – too much");
    BOOST_TEST(vocabulary::PainText(0) == "0 – none");
    BOOST_TEST(vocabulary::PainText(3) == "3 – mild");
    BOOST_TEST(vocabulary::PainText(5) == "5 – moderate");
    BOOST_TEST(vocabulary::PainText(8) == "8 – severe");
    BOOST_TEST(vocabulary::PlainNumber(21.1, 1) == "21.1");
    BOOST_TEST(vocabulary::PlainNumber(32.0, 1) == "32");
    BOOST_TEST(vocabulary::PlainNumber(-0.01, 1) == "0");
    BOOST_TEST(vocabulary::DistanceText(32, core::DistanceUnit::kKm) == "32 km");
    BOOST_TEST(vocabulary::DistanceText(21.0975, core::DistanceUnit::kKm) == "21.1 km");
    BOOST_TEST(vocabulary::DistanceText(42.195, core::DistanceUnit::kMi) == "26.2 mi");
    const auto comma = [](double value, int decimals) {
        std::string text = vocabulary::PlainNumber(value, decimals);
        for (char& c : text) {
            c = c == '.' ? ',' : c;
        }
        return text;
    };
    BOOST_TEST(vocabulary::DistanceText(21.0975, core::DistanceUnit::kKm, comma) == "21,1 km");
    const core::Date day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{21}};
    BOOST_TEST(vocabulary::ReadableDate(day) == "21 Nov 2026");
    BOOST_TEST(vocabulary::ReadableMonth(day) == "Nov 2026");
    for (unsigned month = 1; month <= 12; ++month) {
        BOOST_TEST(vocabulary::MonthAbbreviation(month) != "?");
    }
}

BOOST_AUTO_TEST_SUITE_END()
