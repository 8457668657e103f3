// One translator hook for every word: the vocabulary's, the reports' (which take theirs from
// the vocabulary) and the plan's sentences; English without a translator, and always in the
// stored plan document.
#include "../core/plan_test_data.h"

#include <myodesk/reports/report_locale.h>
#include <myodesk/vocabulary/plan_sentences.h>
#include <myodesk/vocabulary/translation.h>
#include <myodesk/vocabulary/words.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>

using namespace myodesk;
using core::Region;
using core::Side;

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

// A small French catalogue; anything else is not in it (English).
std::string French(const char* english) {
    const std::string text = english;
    if (text == "Hamstrings") {
        return "Ischio-jambiers";
    }
    if (text == "calf") {
        return "mollet";
    }
    if (text == "left {}") {
        return "{} gauche";
    }
    if (text == "Deep tissue") {
        return "Tissus profonds";
    }
    if (text == "Booked by the therapist.") {
        return "Réservée par le thérapeute.";
    }
    if (text == "Focus on the {}: they carry much of a runner's load.") {
        return "{} : ils portent une grande part de la charge.";
    }
    if (text == "{} – light") {
        return "{} {} – léger";  // a broken translation: one argument too many
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(translation_tests)

BOOST_AUTO_TEST_CASE(english_without_a_translator) {
    BOOST_TEST(vocabulary::Tr("Calves") == "Calves");
    BOOST_TEST(vocabulary::Tr(nullptr).empty());
    BOOST_TEST(vocabulary::NameOf(Region::kCalves) == "Calves");
}

BOOST_AUTO_TEST_CASE(the_translator_applies_to_words_sentences_and_reports) {
    {
        const TranslatorGuard guard(French);
        BOOST_TEST(vocabulary::Tr("Hamstrings") == "Ischio-jambiers");
        BOOST_TEST(vocabulary::Tr("Calves") == "Calves");  // not in the catalogue: English
        BOOST_TEST(vocabulary::NameOf(Region::kHamstrings) == "Ischio-jambiers");
        BOOST_TEST(vocabulary::RegionSideInSentence(Region::kCalves, Side::kLeft) ==
                   "mollet gauche");
        BOOST_TEST(vocabulary::ReasonSentence({core::PlanReasonCode::kBookedAppointment, {}},
                                              core::DistanceUnit::kKm) ==
                   "Réservée par le thérapeute.");
        core::PlanDetail detail;
        detail.region = core::RegionSide{Region::kCalves, Side::kLeft};
        const core::PlanReason load{core::PlanReasonCode::kLoadRegionFocus, detail};
        BOOST_TEST(vocabulary::ReasonSentence(load, core::DistanceUnit::kKm) ==
                   "mollet gauche : ils portent une grande part de la charge.");
        // The reports' words are the vocabulary's, so the same hook translates them.
        BOOST_TEST(reports::TechniqueName(core::Technique::kDeepTissue) == "Tissus profonds");
        BOOST_TEST(reports::ReportLocale{}.Reason(load) ==
                   "mollet gauche : ils portent une grande part de la charge.");
        // A broken translation shows its pattern instead of throwing.
        BOOST_TEST(vocabulary::PressureText(2) == "{} {} – léger");
    }
    BOOST_TEST(vocabulary::NameOf(Region::kHamstrings) == "Hamstrings");
}

// The stored and exported plan document is English whatever the reader's language.
BOOST_AUTO_TEST_CASE(the_plan_document_stays_english) {
    const core::Plan plan = core::GeneratePlan(test::MarathonRunner(16));
    const std::string english = vocabulary::PlanDocument(plan).dump();
    const TranslatorGuard guard([](const char*) { return std::string("TRANSLATED"); });
    BOOST_TEST(vocabulary::Tr("Calves") == "TRANSLATED");
    BOOST_TEST(vocabulary::PlanDocument(plan).dump() == english);
    BOOST_TEST(english.find("TRANSLATED") == std::string::npos);
    {
        const vocabulary::EnglishOnly outer;
        { const vocabulary::EnglishOnly inner; }
        BOOST_TEST(vocabulary::Tr("Calves") == "Calves");  // the inner one restored "English"
    }
    BOOST_TEST(vocabulary::Tr("Calves") == "TRANSLATED");
}

// Reports and the vocabulary say the same words for every code: reports take them from it.
BOOST_AUTO_TEST_CASE(reports_use_the_vocabularys_words) {
    for (const Region region : core::AllValues<Region>()) {
        BOOST_TEST(reports::RegionName(region) == vocabulary::NameOf(region));
        for (const Side side : core::AllValues<Side>()) {
            BOOST_TEST(reports::RegionSideName({region, side}) ==
                       vocabulary::RegionSideName(region, side));
        }
    }
    for (const auto condition : core::AllValues<core::ConditionCode>()) {
        BOOST_TEST(reports::ConditionName(condition) == vocabulary::NameOf(condition));
    }
    for (const auto phase : core::AllPlanPhases()) {
        BOOST_TEST(reports::PhaseName(phase) == vocabulary::NameOf(phase));
    }
    core::PlanDetail detail;
    detail.date = test::Day(3);
    const core::PlanCaution moved{core::PlanCautionCode::kMovedByTherapist, detail};
    const reports::ReportLocale locale;
    BOOST_TEST(locale.Caution(moved) ==
               vocabulary::CautionSentence(moved, core::DistanceUnit::kKm,
                                           {vocabulary::ReadableDate, {}}));
}

BOOST_AUTO_TEST_SUITE_END()
