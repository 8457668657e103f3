#include <myodesk/core/codes.h>

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace myodesk::core;

namespace {

// Every value has a distinct code that reads back as itself.
template <typename Enum>
void CheckRoundTrip(std::size_t expected_count) {
    const auto& values = AllValues<Enum>();
    BOOST_TEST(values.size() == expected_count);
    std::set<std::string> seen;
    for (const Enum value : values) {
        const auto code = ToCode(value);
        BOOST_TEST(code != "unknown");
        BOOST_TEST(seen.insert(std::string(code)).second, code);
        BOOST_TEST((FromCode<Enum>(code) == value));
    }
    BOOST_TEST(!FromCode<Enum>("no_such_code").has_value());
    BOOST_TEST(!FromCode<Enum>("").has_value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(codes_tests)

BOOST_AUTO_TEST_CASE(codes_round_trip) {
    CheckRoundTrip<Region>(17);
    CheckRoundTrip<Side>(4);
    CheckRoundTrip<BodySystem>(7);
    CheckRoundTrip<ConditionCode>(32);
    CheckRoundTrip<MedicationClass>(6);
    CheckRoundTrip<InjuryKind>(4);
    CheckRoundTrip<RunType>(7);
    CheckRoundTrip<RaceGoal>(2);
    CheckRoundTrip<DistanceUnit>(2);
    CheckRoundTrip<Pressure>(4);
    CheckRoundTrip<Weekday>(7);
}

BOOST_AUTO_TEST_CASE(region_codes_are_the_exchange_formats) {
    std::string all;
    for (const Region region : AllValues<Region>()) {
        all += std::string(ToCode(region)) + " ";
    }
    BOOST_TEST(all ==
               "calves shins quadriceps hamstrings adductors it_band glutes hip_flexors hips "
               "lower_back mid_back upper_back shoulders neck feet ankles achilles ");
}

BOOST_AUTO_TEST_CASE(every_body_system_has_checklist_items) {
    for (const BodySystem system : AllValues<BodySystem>()) {
        int items = 0;
        for (const ConditionCode condition : AllValues<ConditionCode>()) {
            items += SystemOf(condition) == system ? 1 : 0;
        }
        BOOST_TEST(items >= 2, ToCode(system));
    }
    BOOST_TEST(IsRegional(ConditionCode::kBruising));
    BOOST_TEST(!IsRegional(ConditionCode::kFever));
}

BOOST_AUTO_TEST_CASE(pressure_scale_and_units) {
    BOOST_TEST(PressureLevel(Pressure::kLight) <= 3);
    BOOST_TEST(PressureLevel(Pressure::kMedium) >= 4);
    BOOST_TEST(PressureLevel(Pressure::kMedium) <= 6);
    BOOST_TEST(PressureLevel(Pressure::kDeep) <= 8);  // 9-10 is never planned
    BOOST_TEST(MilesToKm(26.2188) == 42.195, boost::test_tools::tolerance(1e-3));
    BOOST_TEST(KmToMiles(MilesToKm(13.1)) == 13.1, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
