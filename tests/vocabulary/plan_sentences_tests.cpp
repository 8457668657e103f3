// The plan's sentences: one for every reason, caution, warning and home-care code, whatever
// the detail, in the client's units; the plan document carries them in English.
#include <myodesk/core/plan.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <set>
#include <string>
#include <vector>

using namespace myodesk;
using core::DistanceUnit;
using core::PlanDetail;
using core::Region;
using core::Side;

namespace {

constexpr core::Date kDay{std::chrono::year{2026}, std::chrono::December, std::chrono::day{3}};

core::Date Day(int offset) {
    return core::AddDays(
        core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}}, offset);
}

// Details with every fact set (each code reads the ones it names), and variations of each
// fact, so that every word a sentence can take (each region and side, run type, flag, whole
// and decimal distances, a missing date or distance) is used at least once.
std::vector<PlanDetail> Details() {
    PlanDetail full;
    full.date = kDay;
    full.run_type = core::RunType::kLong;
    full.distance_km = 32;
    full.compared_km = 28.5;
    full.days = 6;
    full.pain = 7;
    full.pressure = 5;
    full.region = core::RegionSide{Region::kCalves, Side::kLeft};
    full.flag = core::FlagCode::kVaricoseVeins;

    std::vector<PlanDetail> details{full, PlanDetail{}};
    for (const Region region : core::AllValues<Region>()) {
        for (const Side side : core::AllValues<Side>()) {
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

// A sentence for every detail and unit: not empty, not the code, no placeholder left over.
// Reports the first failure of each code only.
template <typename Code, typename Sentence>
void EveryDetailHasASentence(Code code, Sentence sentence) {
    for (const PlanDetail& detail : Details()) {
        for (const DistanceUnit units : {DistanceUnit::kKm, DistanceUnit::kMi}) {
            const std::string text = sentence(code, detail, units);
            const bool good = !text.empty() && text != core::ToCode(code) &&
                              text.find('{') == std::string::npos && text.back() == '.';
            BOOST_TEST(good, core::ToCode(code) << ": " << text);
            if (!good) {
                return;
            }
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_sentences_tests)

BOOST_AUTO_TEST_CASE(every_code_has_a_sentence_for_every_detail) {
    for (const auto code : core::AllPlanReasons()) {
        EveryDetailHasASentence(code, [](auto c, const PlanDetail& d, DistanceUnit u) {
            return vocabulary::ReasonSentence({c, d}, u);
        });
    }
    for (const auto code : core::AllPlanCautions()) {
        EveryDetailHasASentence(code, [](auto c, const PlanDetail& d, DistanceUnit u) {
            return vocabulary::CautionSentence({c, d}, u);
        });
    }
    for (const auto code : core::AllPlanWarnings()) {
        EveryDetailHasASentence(code, [](auto c, const PlanDetail& d, DistanceUnit u) {
            return vocabulary::WarningSentence({c, kDay, d}, u);
        });
    }
    for (const auto phase : core::AllPlanPhases()) {
        for (const auto code : core::AllHomeCare()) {
            const std::string text = vocabulary::HomeCareSentence({phase, code});
            BOOST_TEST((!text.empty() && text != core::ToCode(code)), core::ToCode(code));
        }
    }
}

BOOST_AUTO_TEST_CASE(every_code_has_its_own_sentence) {
    std::set<std::string> sentences;
    PlanDetail detail;
    detail.date = Day(5);
    detail.run_type = core::RunType::kLong;
    detail.distance_km = 22;
    detail.compared_km = 20;
    detail.days = 7;
    detail.pain = 6;
    detail.pressure = 5;
    detail.region = core::RegionSide{Region::kHamstrings, Side::kLeft};
    detail.flag = core::FlagCode::kOpenWound;
    for (const auto code : core::AllPlanReasons()) {
        BOOST_TEST(
            sentences.insert(vocabulary::ReasonSentence({code, detail}, DistanceUnit::kKm)).second,
            core::ToCode(code));
    }
    for (const auto code : core::AllPlanCautions()) {
        BOOST_TEST(
            sentences.insert(vocabulary::CautionSentence({code, detail}, DistanceUnit::kKm)).second,
            core::ToCode(code));
    }
    for (const auto code : core::AllPlanWarnings()) {
        BOOST_TEST(
            sentences.insert(vocabulary::WarningSentence({code, Day(9), detail}, DistanceUnit::kKm))
                .second,
            core::ToCode(code));
    }
    for (const auto code : core::AllHomeCare()) {
        BOOST_TEST(
            sentences.insert(vocabulary::HomeCareSentence({core::PlanPhase::kBase, code})).second);
    }
}

BOOST_AUTO_TEST_CASE(sentences_use_the_clients_units) {
    PlanDetail detail;
    detail.date = Day(5);
    detail.run_type = core::RunType::kLong;
    detail.distance_km = 32.19;
    detail.compared_km = 28.97;
    const core::PlanWarning spike{core::PlanWarningCode::kMileageSpike, Day(5), detail};
    BOOST_TEST(vocabulary::WarningSentence(spike, DistanceUnit::kKm) ==
               "Mileage spike: the 32.2 km long run on 2026-11-28 is 11.1% longer than the "
               "longest run of the 30 days before (29 km), which raises the risk of injury.");
    BOOST_TEST(vocabulary::WarningSentence(spike, DistanceUnit::kMi) ==
               "Mileage spike: the 20 mi long run on 2026-11-28 is 11.1% longer than the "
               "longest run of the 30 days before (18 mi), which raises the risk of injury.");
}

// A refer warning's date is the first session held back: it must not read as the day the
// condition happens ("DVT on 20 Dec 2026").
BOOST_AUTO_TEST_CASE(a_refer_warning_names_the_flag_on_the_intake_and_the_day_held_back) {
    PlanDetail detail;
    detail.flag = core::FlagCode::kDvt;
    const core::PlanWarning refer{core::PlanWarningCode::kRefer, Day(5), detail};
    BOOST_TEST(vocabulary::WarningSentence(refer, DistanceUnit::kKm) ==
               vocabulary::NameOf(core::FlagCode::kDvt) +
                   " on the intake: no massage from 2026-11-28; refer the client to their "
                   "physician.");
}

// A front end gives its own dates and numbers (the GUI the locale's, reports a readable date).
BOOST_AUTO_TEST_CASE(dates_and_numbers_through_the_front_ends_formats) {
    PlanDetail detail;
    detail.date = kDay;
    detail.run_type = core::RunType::kLong;
    detail.distance_km = 21.0975;
    const vocabulary::TextFormats formats{
        [](const core::Date&) { return std::string("3 Dec 2026"); },
        [](double value, int decimals) {
            std::string text = vocabulary::PlainNumber(value, decimals);
            for (char& c : text) {
                c = c == '.' ? ',' : c;
            }
            return text;
        }};
    const core::PlanReason after{core::PlanReasonCode::kAfterLongRun, detail};
    BOOST_TEST(vocabulary::ReasonSentence(after, DistanceUnit::kKm, formats) ==
               "Recovery within 48 hours after the 21,1 km long run on 3 Dec 2026.");
    BOOST_TEST(vocabulary::ReasonSentence(after, DistanceUnit::kKm) ==
               "Recovery within 48 hours after the 21.1 km long run on 2026-12-03.");
    const core::PlanCaution moved{core::PlanCautionCode::kMovedByTherapist, detail};
    BOOST_TEST(vocabulary::CautionSentence(moved, DistanceUnit::kKm, formats) ==
               "Moved from 3 Dec 2026 by the therapist.");
}

BOOST_AUTO_TEST_CASE(what_a_regeneration_changed) {
    const std::vector<core::PlanChange> changes{
        {core::PlanChangeKind::kAdded, kDay, {}},
        {core::PlanChangeKind::kRemoved, Day(1), {}},
        {core::PlanChangeKind::kChanged, kDay, {"techniques", "pressure_max", "duration_min"}}};
    const auto day = [](const core::Date& date) { return "day " + core::FormatIsoDate(date); };
    BOOST_TEST(vocabulary::PlanChangesText(changes, day) ==
               "Added: day 2026-12-03\nRemoved: day 2026-11-24\n"
               "Changed: day 2026-12-03 (techniques, pressure, duration)");
    BOOST_TEST(vocabulary::ChangedFieldName("regions") == "regions");
    BOOST_TEST(vocabulary::ChangedFieldName("phase") == "phase");
}

BOOST_AUTO_TEST_SUITE_END()
