#include "../core/plan_test_data.h"
#include "report_test_support.h"

#include <myodesk/reports/report_locale.h>
#include <myodesk/vocabulary/translation.h>

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace myodesk;
using core::Region;
using core::Side;
using test::Ymd;

namespace {

// Installs a translator for one test and puts the default back afterwards.
struct TranslatorGuard {
    explicit TranslatorGuard(vocabulary::Translator translator) {
        vocabulary::SetTranslator(std::move(translator));
    }
    ~TranslatorGuard() { vocabulary::SetTranslator({}); }
    TranslatorGuard(const TranslatorGuard&) = delete;
    TranslatorGuard& operator=(const TranslatorGuard&) = delete;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(report_locale_tests)

BOOST_AUTO_TEST_CASE(default_dates_months_and_distances) {
    reports::ReportLocale locale;
    BOOST_TEST(locale.Date(Ymd(2026, 11, 21)) == "21 Nov 2026");
    BOOST_TEST(locale.Date(Ymd(2026, 4, 3)) == "3 Apr 2026");
    BOOST_TEST(locale.Month(Ymd(2026, 11, 21)) == "Nov 2026");
    BOOST_TEST(locale.Distance(32) == "32 km");
    BOOST_TEST(locale.Distance(21.0975) == "21.1 km");
    BOOST_TEST(locale.Distance(42.195) == "42.2 km");
    locale.units = core::DistanceUnit::kMi;
    BOOST_TEST(locale.Distance(32) == "19.9 mi");
    BOOST_TEST(locale.Distance(core::MilesToKm(26)) == "26 mi");
}

BOOST_AUTO_TEST_CASE(a_locale_can_format_dates_its_own_way) {
    reports::ReportLocale locale;
    locale.format_date = [](const core::Date& date) { return core::FormatIsoDate(date); };
    locale.format_month = [](const core::Date&) { return std::string("month"); };
    BOOST_TEST(locale.Date(Ymd(2026, 11, 21)) == "2026-11-21");
    BOOST_TEST(locale.Month(Ymd(2026, 11, 21)) == "month");
}

BOOST_AUTO_TEST_CASE(region_and_side_names) {
    BOOST_TEST(reports::RegionSideName({Region::kHamstrings, Side::kLeft}) == "Left hamstring");
    BOOST_TEST(reports::RegionSideName({Region::kCalves, Side::kRight}) == "Right calf");
    BOOST_TEST(reports::RegionSideName({Region::kHamstrings, Side::kBilateral}) ==
               "Hamstrings (both sides)");
    BOOST_TEST(reports::RegionSideName({Region::kLowerBack, Side::kMidline}) == "Lower back");
    BOOST_TEST(reports::RegionSideName({Region::kItBand, Side::kLeft}) == "Left IT band");
    BOOST_TEST(reports::RegionSideInSentence(Region::kCalves, Side::kRight) == "right calf");
    BOOST_TEST(reports::RegionSideInSentence(Region::kCalves, std::nullopt) == "calves");
}

BOOST_AUTO_TEST_CASE(every_code_has_its_own_name) {
    std::set<std::string> names;
    for (const auto region : core::AllValues<Region>()) {
        names.insert(reports::RegionName(region));
    }
    BOOST_TEST(names.size() == core::AllValues<Region>().size());
    names.clear();
    for (const auto technique : core::AllTechniques()) {
        names.insert(reports::TechniqueName(technique));
    }
    BOOST_TEST(names.size() == core::AllTechniques().size());
    BOOST_TEST(reports::TechniqueName(core::Technique::kDeepTissue) == "Deep tissue");
    names.clear();
    for (int code = 0; code <= static_cast<int>(core::FlagCode::kPainMaskingMedication); ++code) {
        const auto flag = static_cast<core::FlagCode>(code);
        const std::string name = reports::FlagName(flag);
        BOOST_TEST(name != std::string(core::ToCode(flag)));
        names.insert(name);
    }
    BOOST_TEST(names.size() == 18U);
    BOOST_TEST(reports::FlagName(core::FlagCode::kVaricoseVeins) == "Varicose veins");
    BOOST_TEST(reports::FlagName(core::FlagCode::kPainMaskingMedication) ==
               "Pain-masking medication");
    names.clear();
    for (const auto phase : core::AllPlanPhases()) {
        names.insert(reports::PhaseName(phase));
    }
    BOOST_TEST(names.size() == core::AllPlanPhases().size());
    BOOST_TEST(reports::PhaseName(core::PlanPhase::kTaper) == "Taper");
    BOOST_TEST(reports::FlagLevelName(core::FlagLevel::kAbsolute) == "No massage: refer");
    BOOST_TEST(reports::FlagLevelName(core::FlagLevel::kLocal) == "Avoid area");
    BOOST_TEST(reports::FlagLevelName(core::FlagLevel::kModify) == "Modify");
    for (const auto condition : core::AllValues<core::ConditionCode>()) {
        BOOST_TEST(reports::ConditionName(condition) != std::string(core::ToCode(condition)));
    }
}

BOOST_AUTO_TEST_CASE(a_flag_is_described_on_one_line) {
    core::ContraindicationFlag flag;
    flag.level = core::FlagLevel::kLocal;
    flag.code = core::FlagCode::kVaricoseVeins;
    flag.region = Region::kCalves;
    flag.side = Side::kRight;
    flag.until = Ymd(2026, 4, 3);
    BOOST_TEST(reports::DescribeFlag(flag, {}) ==
               "Avoid area — Varicose veins, right calf (until 3 Apr 2026)");
    core::ContraindicationFlag pregnancy;
    pregnancy.level = core::FlagLevel::kModify;
    pregnancy.code = core::FlagCode::kPregnancy;
    pregnancy.physician_clearance = true;
    BOOST_TEST(reports::DescribeFlag(pregnancy, {}) ==
               "Modify — Pregnancy — physician clearance needed first");
    core::ContraindicationFlag fever;
    fever.level = core::FlagLevel::kAbsolute;
    fever.code = core::FlagCode::kFever;
    BOOST_TEST(reports::DescribeFlag(fever, {}) == "No massage: refer — Fever");
}

BOOST_AUTO_TEST_CASE(a_translator_changes_the_words_and_a_broken_pattern_does_not_throw) {
    {
        const TranslatorGuard guard([](const char* english) -> std::string {
            const std::string text = english;
            if (text == "Nov") {
                return "nov.";
            }
            if (text == "Left {}") {
                return "{} gauche";
            }
            if (text == "Hamstrings") {
                return "Ischio-jambiers";
            }
            if (text == "{} km") {
                return "{} {} km";  // a broken translation: one argument too many
            }
            return {};  // not in the catalogue: English
        });
        reports::ReportLocale locale;
        BOOST_TEST(vocabulary::Tr("Nov") == "nov.");
        BOOST_TEST(vocabulary::Tr("Calves") == "Calves");
        BOOST_TEST(locale.Date(Ymd(2026, 11, 21)) == "21 nov. 2026");
        BOOST_TEST(reports::RegionSideName({Region::kCalves, Side::kLeft}) == "calf gauche");
        BOOST_TEST(reports::RegionName(Region::kHamstrings) == "Ischio-jambiers");
        BOOST_TEST(locale.Distance(32) == "{} {} km");
    }
    BOOST_TEST(vocabulary::Tr("Nov") == "Nov");
}

BOOST_AUTO_TEST_SUITE_END()
