#include "common/code_names.h"
#include "gui_test_support.h"
#include "sessions/session_note_text.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace myodesk;
using app::test::Utf8;
using core::Region;
using core::Side;
using core::Technique;

BOOST_AUTO_TEST_SUITE(session_note_text_tests)

BOOST_AUTO_TEST_CASE(times_and_ranges) {
    BOOST_TEST(Utf8(app::SessionTimeRange(9 * 60, 60)) == "09:00–10:00");
    BOOST_TEST(Utf8(app::SessionTimeRange(17 * 60 + 45, 45)) == "17:45–18:30");
    // The hour that ended at the last quarter hour: written now, it can be signed now.
    BOOST_TEST(app::JustEndedSessionStart(10 * 60 + 14, 60) == 9 * 60);
    BOOST_TEST(app::JustEndedSessionStart(10 * 60 + 15, 60) == 9 * 60 + 15);
    BOOST_TEST(app::JustEndedSessionStart(23 * 60 + 59, 45) == 23 * 60);
    BOOST_TEST(app::JustEndedSessionStart(0 * 60 + 40, 60) == 0);  // not yesterday
}

BOOST_AUTO_TEST_CASE(typed_times_are_read_leniently) {
    BOOST_TEST((app::ParseTypedClockTime("09:30") == 9 * 60 + 30));
    BOOST_TEST((app::ParseTypedClockTime("9:30") == 9 * 60 + 30));
    BOOST_TEST((app::ParseTypedClockTime(" 930 ") == 9 * 60 + 30));
    BOOST_TEST((app::ParseTypedClockTime("0930") == 9 * 60 + 30));
    BOOST_TEST((app::ParseTypedClockTime("9.30") == 9 * 60 + 30));
    BOOST_TEST((app::ParseTypedClockTime("14") == 14 * 60));
    BOOST_TEST((app::ParseTypedClockTime("0") == 0));
    for (const char* wrong : {"", "25:00", "9:60", "9:5", "abc", "12345", "-1", "9::30", ":30"}) {
        BOOST_TEST(!app::ParseTypedClockTime(wrong), wrong);
    }
}

BOOST_AUTO_TEST_CASE(lists_say_techniques_and_regions_briefly) {
    BOOST_TEST(Utf8(app::TechniquesSummary({Technique::kTriggerPoint, Technique::kSports})) ==
               "Trigger point, Sports");
    BOOST_TEST(Utf8(app::TechniquesSummary({})) == "—");
    BOOST_TEST(Utf8(app::RegionsSummary({{Region::kHamstrings, Side::kLeft},
                                         {Region::kLowerBack, Side::kMidline},
                                         {Region::kHamstrings, Side::kRight}})) ==
               "Hamstrings R, L · Lower back mid");
    BOOST_TEST(Utf8(app::RegionsSummary({{Region::kCalves, Side::kBilateral}})) == "Calves both");
    BOOST_TEST(Utf8(app::RegionsSummary({})) == "—");
}

BOOST_AUTO_TEST_CASE(names_for_people) {
    BOOST_TEST(Utf8(app::RegionSideName(Region::kHamstrings, Side::kLeft)) == "Left hamstring");
    BOOST_TEST(Utf8(app::RegionSideName(Region::kItBand, Side::kBilateral)) ==
               "IT band (both sides)");
    BOOST_TEST(Utf8(app::PressureText(2)) == "2 – light");
    BOOST_TEST(Utf8(app::PressureText(5)) == "5 – medium");
    BOOST_TEST(Utf8(app::PressureText(7)) == "7 – firm");
    BOOST_TEST(Utf8(app::PressureText(8)) == "8 – deep");
    BOOST_TEST(Utf8(app::PressureText(9)) == "9 – too much");
    BOOST_TEST(Utf8(app::NameOf(core::Position::kSideLying)) == "Side-lying");
    BOOST_TEST(Utf8(app::NameOf(core::NoteSection::kAssessment)) == "Assessment");
    BOOST_TEST(Utf8(app::NameOf(core::StaffRole::kManager)) == "Manager");
}

BOOST_AUTO_TEST_SUITE_END()
