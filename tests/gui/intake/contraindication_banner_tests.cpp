#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "gui_test_support.h"
#include "intake/contraindication_banner.h"

#include <myodesk/core/intake.h>
#include <myodesk/core/screening.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <string>

using namespace myodesk;
using app::BannerLevel;
using app::test::Utf8;
using core::FlagCode;
using core::FlagLevel;

namespace {

constexpr core::Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

core::ContraindicationFlag Flag(FlagCode code, std::optional<core::Region> region = std::nullopt,
                                std::optional<core::Side> side = std::nullopt,
                                std::optional<core::Date> until = std::nullopt) {
    core::ContraindicationFlag flag;
    flag.level = core::LevelOf(code);
    flag.code = code;
    flag.region = region;
    flag.side = side;
    flag.until = until;
    return flag;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(contraindication_banner_tests)

BOOST_AUTO_TEST_CASE(no_intake_says_so_and_shows_no_banner) {
    const app::ContraindicationBanner banner =
        app::MakeContraindicationBanner({}, std::nullopt, kToday);
    BOOST_TEST((banner.level == BannerLevel::kNone));
    BOOST_TEST(banner.sentences.empty());
    BOOST_TEST(Utf8(banner.intake_notice).find("No intake yet") == 0u);
    BOOST_TEST(banner.all_clear.empty());
}

BOOST_AUTO_TEST_CASE(a_clean_intake_gets_a_discreet_line_and_an_old_one_a_notice) {
    app::ContraindicationBanner banner = app::MakeContraindicationBanner({}, kToday, kToday);
    BOOST_TEST((banner.level == BannerLevel::kNone));
    BOOST_TEST(Utf8(banner.all_clear) == "No contraindications on the newest intake.");
    BOOST_TEST(banner.intake_notice.empty());

    // Exactly a year old is still current; a day more is not.
    const core::Date year_ago = core::YearsBefore(kToday, 1);
    BOOST_TEST(app::MakeContraindicationBanner({}, year_ago, kToday).intake_notice.empty());
    banner = app::MakeContraindicationBanner(
        {}, core::Date{std::chrono::sys_days{year_ago} - std::chrono::days{1}}, kToday);
    BOOST_TEST(Utf8(banner.intake_notice) ==
               "Intake over a year old — ask the client to renew it.");
}

BOOST_AUTO_TEST_CASE(an_absolute_flag_makes_it_red_and_comes_first) {
    const app::ContraindicationBanner banner = app::MakeContraindicationBanner(
        {Flag(FlagCode::kFever), Flag(FlagCode::kAnticoagulants)}, kToday, kToday);
    BOOST_TEST((banner.level == BannerLevel::kStop));
    BOOST_REQUIRE(banner.sentences.size() == 2u);
    BOOST_TEST(Utf8(banner.sentences[0]) == "No massage — refer: fever");
    BOOST_TEST(Utf8(banner.sentences[1]) == "No deep tissue: anticoagulants");
    BOOST_TEST(banner.all_clear.empty());
}

BOOST_AUTO_TEST_CASE(local_and_modify_flags_make_it_amber_with_region_side_and_date_in_words) {
    const core::Date until{std::chrono::year{2026}, std::chrono::December, std::chrono::day{3}};
    const app::ContraindicationBanner banner = app::MakeContraindicationBanner(
        {Flag(FlagCode::kFracture, core::Region::kCalves, core::Side::kLeft, until),
         Flag(FlagCode::kVaricoseVeins, core::Region::kCalves, core::Side::kBilateral),
         Flag(FlagCode::kBruising, core::Region::kLowerBack, core::Side::kMidline),
         Flag(FlagCode::kOsteoporosis)},
        kToday, kToday);
    BOOST_TEST((banner.level == BannerLevel::kCaution));
    BOOST_REQUIRE(banner.sentences.size() == 4u);
    BOOST_TEST(Utf8(banner.sentences[0]) == "Avoid left calf until " +
                                                Utf8(app::FormatReadableDate(until)) +
                                                ": recent fracture");
    BOOST_TEST(Utf8(banner.sentences[1]) == "Avoid calves (both sides): varicose veins");
    // The spine's midline regions have no side to name (one wording everywhere).
    BOOST_TEST(Utf8(banner.sentences[2]) == "Avoid lower back: bruising");
    BOOST_TEST(Utf8(banner.sentences[3]) == "No deep tissue: osteoporosis");
    // The date is readable: day, month name and year, not digits only.
    BOOST_TEST(Utf8(app::FormatReadableDate(until)).find("2026") != std::string::npos);
    BOOST_TEST(Utf8(app::FormatReadableDate(until)) != Utf8(app::FormatLocalDate(until)));
}

BOOST_AUTO_TEST_CASE(pregnancy_asks_for_clearance_and_pain_masking_says_why) {
    core::ContraindicationFlag pregnancy = Flag(FlagCode::kPregnancy);
    pregnancy.physician_clearance = true;
    BOOST_TEST(Utf8(app::FlagSentence(pregnancy)) ==
               "No deep tissue: pregnancy — physician clearance needed first");
    const std::string masking = Utf8(app::FlagSentence(Flag(FlagCode::kPainMaskingMedication)));
    BOOST_TEST(masking.find("No deep tissue: pain-masking medication") == 0u);
    BOOST_TEST(masking.find("feedback") != std::string::npos);
    const std::string no_region = Utf8(app::FlagSentence(Flag(FlagCode::kSkinInfection)));
    BOOST_TEST(no_region == "Avoid the affected area: skin infection");
}

BOOST_AUTO_TEST_CASE(every_flag_code_has_words) {
    for (int code = 0; code <= static_cast<int>(FlagCode::kPainMaskingMedication); ++code) {
        const auto flag_code = static_cast<FlagCode>(code);
        const std::string reason = Utf8(app::FlagReason(flag_code));
        BOOST_TEST_CONTEXT(core::ToCode(flag_code)) {
            BOOST_TEST(!reason.empty());
            BOOST_TEST(reason.find('_') == std::string::npos);  // words, not the code
        }
    }
}

BOOST_AUTO_TEST_CASE(colours_are_red_and_amber_and_readable) {
    for (const bool dark : {false, true}) {
        const app::BannerColours red = app::ColoursFor(BannerLevel::kStop, dark);
        const app::BannerColours amber = app::ColoursFor(BannerLevel::kCaution, dark);
        BOOST_TEST_CONTEXT((dark ? "dark" : "light")) {
            BOOST_TEST(red.background.IsOk());
            BOOST_TEST(amber.background.IsOk());
            BOOST_TEST(red.background != amber.background);
            // Red: red dominates. Amber: red and green over blue.
            BOOST_TEST(red.background.Red() > red.background.Green());
            BOOST_TEST(red.background.Red() > red.background.Blue());
            BOOST_TEST(amber.background.Green() > amber.background.Blue());
            BOOST_TEST(amber.background.Red() > amber.background.Blue());
            // Text and background far apart in brightness.
            for (const app::BannerColours& colours : {red, amber}) {
                const int contrast =
                    std::abs(static_cast<int>(colours.background.GetLuminance() * 255) -
                             static_cast<int>(colours.text.GetLuminance() * 255));
                BOOST_TEST(contrast > 120);
            }
        }
    }
    BOOST_TEST(!app::ColoursFor(BannerLevel::kNone, false).background.IsOk());
}

BOOST_AUTO_TEST_CASE(screened_intake_to_banner) {
    core::Intake intake;
    intake.taken_on = kToday;
    intake.health.medications.push_back({"Warfarin", core::MedicationClass::kAnticoagulant});
    app::ContraindicationBanner banner = app::MakeContraindicationBanner(
        core::ScreenContraindications(intake, kToday), intake.taken_on, kToday);
    BOOST_TEST((banner.level == BannerLevel::kCaution));
    BOOST_REQUIRE(!banner.sentences.empty());
    BOOST_TEST(Utf8(banner.sentences[0]) == "No deep tissue: anticoagulants");

    intake.health.conditions.push_back({core::ConditionCode::kFever, {}, {}, {}});
    banner = app::MakeContraindicationBanner(core::ScreenContraindications(intake, kToday),
                                             intake.taken_on, kToday);
    BOOST_TEST((banner.level == BannerLevel::kStop));
    BOOST_TEST(Utf8(banner.sentences[0]) == "No massage — refer: fever");
}

BOOST_AUTO_TEST_SUITE_END()
