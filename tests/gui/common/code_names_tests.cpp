// The GUI's words are the vocabulary's (myodesk/vocabulary/), the same the reports and the CLI
// use: the wxString adapters add no words of their own. Dates and numbers are the one thing the
// GUI gives itself (the locale's).
#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "gui_test_support.h"
#include "plan/plan_text.h"

#include <myodesk/core/plan.h>
#include <myodesk/vocabulary/plan_sentences.h>
#include <myodesk/vocabulary/words.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

using namespace myodesk;
using app::test::Utf8;
using core::Region;
using core::Side;

namespace {

constexpr core::Date kDay{std::chrono::year{2026}, std::chrono::December, std::chrono::day{3}};

template <typename Enum, typename Gui, typename Shared>
void SameWords(const std::vector<Enum>& values, Gui gui, Shared shared) {
    for (const Enum value : values) {
        BOOST_TEST(Utf8(gui(value)) == shared(value), core::ToCode(value));
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(code_names_tests)

BOOST_AUTO_TEST_CASE(the_gui_says_the_vocabularys_words) {
    SameWords(
        core::AllValues<Region>(), [](Region r) { return app::NameOf(r); },
        [](Region r) { return vocabulary::NameOf(r); });
    SameWords(
        core::AllValues<Region>(), [](Region r) { return app::RegionInSentence(r); },
        [](Region r) { return vocabulary::InSentence(r); });
    SameWords(
        core::AllTechniques(), [](core::Technique t) { return app::ShortNameOf(t); },
        [](core::Technique t) { return vocabulary::ShortNameOf(t); });
    SameWords(
        core::AllValues<core::ConditionCode>(),
        [](core::ConditionCode c) { return app::NameOf(c); },
        [](core::ConditionCode c) { return vocabulary::ChecklistLabel(c); });
    SameWords(
        core::AllPlanPhases(), [](core::PlanPhase p) { return app::NameOf(p); },
        [](core::PlanPhase p) { return vocabulary::NameOf(p); });
    SameWords(
        core::AllValues<core::Weekday>(), [](core::Weekday d) { return app::NameOf(d); },
        [](core::Weekday d) { return vocabulary::NameOf(d); });
    for (int code = 0; code <= static_cast<int>(core::FlagCode::kPainMaskingMedication); ++code) {
        const auto flag = static_cast<core::FlagCode>(code);
        BOOST_TEST(Utf8(app::FlagName(flag)) == vocabulary::NameOf(flag));
        BOOST_TEST(Utf8(app::FlagReason(flag)) == vocabulary::InSentence(flag));
    }
    for (const Region region : core::AllValues<Region>()) {
        for (const Side side : core::AllValues<Side>()) {
            BOOST_TEST(Utf8(app::RegionSideInSentence(region, side)) ==
                       vocabulary::RegionSideInSentence(region, side));
            BOOST_TEST(Utf8(app::RegionSideName(region, side)) ==
                       vocabulary::RegionSideName(region, side));
        }
    }
    for (const auto code : core::AllHomeCare()) {
        const core::HomeCare care{core::PlanPhase::kBase, code};
        BOOST_TEST(Utf8(app::PlanHomeCareText(care)) == vocabulary::HomeCareSentence(care));
    }
}

// The plan's sentences in the Plan tab are the vocabulary's, with the locale's dates.
BOOST_AUTO_TEST_CASE(the_plan_tab_says_the_vocabularys_sentences) {
    core::PlanDetail detail;
    detail.date = kDay;
    detail.run_type = core::RunType::kLong;
    detail.distance_km = 32;
    detail.region = core::RegionSide{Region::kCalves, Side::kLeft};
    const auto iso = [](const core::Date& date) { return app::ToWx(core::FormatIsoDate(date)); };
    for (const auto code : core::AllPlanReasons()) {
        BOOST_TEST(Utf8(app::PlanReasonText({code, detail}, core::DistanceUnit::kKm, iso)) ==
                   vocabulary::ReasonSentence({code, detail}, core::DistanceUnit::kKm));
    }
    for (const auto code : core::AllPlanCautions()) {
        BOOST_TEST(Utf8(app::PlanCautionText({code, detail}, core::DistanceUnit::kMi, iso)) ==
                   vocabulary::CautionSentence({code, detail}, core::DistanceUnit::kMi));
    }
    for (const auto code : core::AllPlanWarnings()) {
        BOOST_TEST(Utf8(app::PlanWarningText({code, kDay, detail}, core::DistanceUnit::kKm, iso)) ==
                   vocabulary::WarningSentence({code, kDay, detail}, core::DistanceUnit::kKm));
    }
}

// In the Plan tab a date reads as the locale writes it, not ISO.
BOOST_AUTO_TEST_CASE(the_tab_writes_readable_dates) {
    core::PlanDetail detail;
    detail.date = kDay;
    const core::PlanCaution moved{core::PlanCautionCode::kMovedByTherapist, detail};
    const std::string text = Utf8(app::PlanCautionText(moved, core::DistanceUnit::kKm));
    BOOST_TEST(text.find(Utf8(app::FormatReadableDate(kDay))) != std::string::npos, text);
    BOOST_TEST(text.find("2026-12-03") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(distances_as_the_plan_writes_them) {
    BOOST_TEST(Utf8(app::FormatDistance(32, core::DistanceUnit::kKm)) == "32 km");
    BOOST_TEST(Utf8(app::FormatDistance(21.0975, core::DistanceUnit::kKm)) == "21.1 km");
    BOOST_TEST(Utf8(app::FormatDistance(42.195, core::DistanceUnit::kMi)) == "26.2 mi");
}

BOOST_AUTO_TEST_SUITE_END()
