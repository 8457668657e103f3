// The Plan tab and the CLI say the same thing: for every reason, caution, warning and
// home-care code, the GUI's sentence (untranslated) is core's sentence. Dates are the one
// deliberate difference (the GUI writes the locale's date, core ISO 8601), so the GUI side is
// asked for ISO dates here.
#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "gui_test_support.h"
#include "plan/plan_text.h"

#include <myodesk/core/plan.h>
#include <myodesk/core/plan_text.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace myodesk;
using app::test::Utf8;
using core::DistanceUnit;
using core::PlanDetail;

namespace {

wxString IsoDate(const core::Date& date) {
    return app::ToWx(core::FormatIsoDate(date));
}

constexpr core::Date kDay{std::chrono::year{2026}, std::chrono::December, std::chrono::day{3}};

// Details with every fact set (each code reads the ones it names), and variations of each
// fact, so that every word a sentence can take (each region and side, run type, flag, whole
// and decimal distances) is compared at least once.
std::vector<PlanDetail> Details() {
    PlanDetail full;
    full.date = kDay;
    full.run_type = core::RunType::kLong;
    full.distance_km = 32;
    full.compared_km = 28.5;
    full.days = 6;
    full.pain = 7;
    full.pressure = 5;
    full.region = core::RegionSide{core::Region::kCalves, core::Side::kLeft};
    full.flag = core::FlagCode::kVaricoseVeins;

    std::vector<PlanDetail> details{full, PlanDetail{}};
    for (const core::Region region : core::AllValues<core::Region>()) {
        for (const core::Side side : core::AllValues<core::Side>()) {
            PlanDetail detail = full;
            detail.region = core::RegionSide{region, side};
            details.push_back(detail);
        }
    }
    for (const core::RunType type : core::AllValues<core::RunType>()) {
        PlanDetail detail = full;
        detail.run_type = type;
        details.push_back(detail);
    }
    for (int code = 0; code <= static_cast<int>(core::FlagCode::kPainMaskingMedication); ++code) {
        PlanDetail detail = full;
        detail.flag = static_cast<core::FlagCode>(code);
        details.push_back(detail);
    }
    for (const double km : {21.0975, 42.195, 0.05, 5.0, 9.96, 100.0}) {
        PlanDetail detail = full;
        detail.distance_km = km;
        detail.compared_km = km / 1.4;
        details.push_back(detail);
    }
    PlanDetail no_distance = full;
    no_distance.distance_km.reset();
    details.push_back(no_distance);
    PlanDetail no_date = full;
    no_date.date.reset();
    details.push_back(no_date);
    return details;
}

const std::vector<DistanceUnit> kUnits{DistanceUnit::kKm, DistanceUnit::kMi};

// Compares the two sentences of one code for every detail and unit; reports the first
// difference of each code only (one wording change would otherwise fail hundreds of times).
template <typename Code, typename Gui, typename Core>
void CompareAll(Code code, Gui gui, Core core) {
    for (const PlanDetail& detail : Details()) {
        for (const DistanceUnit units : kUnits) {
            const std::string ours = Utf8(gui(code, detail, units));
            const std::string theirs = core(code, detail, units);
            BOOST_TEST_CONTEXT("code " << core::ToCode(code)) {
                BOOST_TEST(ours != std::string(core::ToCode(code)));
                BOOST_TEST(ours == theirs);
            }
            if (ours != theirs) {
                return;
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_text_tests)

BOOST_AUTO_TEST_CASE(reasons_say_what_core_says) {
    for (const core::PlanReasonCode code : core::AllPlanReasons()) {
        CompareAll(
            code,
            [](auto c, const PlanDetail& d, DistanceUnit u) {
                return app::PlanReasonText({c, d}, u, IsoDate);
            },
            [](auto c, const PlanDetail& d, DistanceUnit u) {
                return core::DescribeReason({c, d}, u);
            });
    }
}

BOOST_AUTO_TEST_CASE(cautions_say_what_core_says) {
    for (const core::PlanCautionCode code : core::AllPlanCautions()) {
        CompareAll(
            code,
            [](auto c, const PlanDetail& d, DistanceUnit u) {
                return app::PlanCautionText({c, d}, u, IsoDate);
            },
            [](auto c, const PlanDetail& d, DistanceUnit u) {
                return core::DescribeCaution({c, d}, u);
            });
    }
}

BOOST_AUTO_TEST_CASE(warnings_say_what_core_says) {
    for (const core::PlanWarningCode code : core::AllPlanWarnings()) {
        CompareAll(
            code,
            [](auto c, const PlanDetail& d, DistanceUnit u) {
                return app::PlanWarningText({c, kDay, d}, u, IsoDate);
            },
            [](auto c, const PlanDetail& d, DistanceUnit u) {
                return core::DescribeWarning({c, kDay, d}, u);
            });
    }
}

BOOST_AUTO_TEST_CASE(home_care_says_what_core_says) {
    for (const core::PlanPhase phase : core::AllPlanPhases()) {
        for (const core::HomeCareCode code : core::AllHomeCare()) {
            const core::HomeCare care{phase, code};
            BOOST_TEST(Utf8(app::PlanHomeCareText(care)) == core::DescribeHomeCare(care),
                       core::ToCode(code));
        }
    }
}

BOOST_AUTO_TEST_CASE(regions_and_distances_as_core_writes_them) {
    for (const core::Region region : core::AllValues<core::Region>()) {
        for (const core::Side side : core::AllValues<core::Side>()) {
            const core::RegionSide where{region, side};
            BOOST_TEST(Utf8(app::PlanRegionText(where)) == core::DescribeRegion(where));
        }
    }
    BOOST_TEST(Utf8(app::PlanDistanceText(32, DistanceUnit::kKm)) == "32 km");
    BOOST_TEST(Utf8(app::PlanDistanceText(21.0975, DistanceUnit::kKm)) == "21.1 km");
    BOOST_TEST(Utf8(app::PlanDistanceText(42.195, DistanceUnit::kMi)) == "26.2 mi");
}

// In the Plan tab a date reads as the locale writes it, not ISO.
BOOST_AUTO_TEST_CASE(the_tab_writes_readable_dates) {
    PlanDetail detail;
    detail.date = kDay;
    const core::PlanCaution moved{core::PlanCautionCode::kMovedByTherapist, detail};
    const std::string text = Utf8(app::PlanCautionText(moved, DistanceUnit::kKm));
    BOOST_TEST(text.find(Utf8(app::FormatReadableDate(kDay))) != std::string::npos, text);
    BOOST_TEST(text.find("2026-12-03") == std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()
