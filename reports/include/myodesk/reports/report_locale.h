#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>

#include <functional>
#include <optional>
#include <string>

namespace myodesk::reports {

// Reports speak the reader's language. Every English sentence and label in reports/ goes
// through Tr() (an xgettext keyword, like _() in the app); the app installs a translator that
// looks the text up in its catalogue (wxGetTranslation), the CLI leaves the default, which
// returns the English text.
using Translator = std::function<std::string(const char* english)>;
void SetTranslator(Translator translator);
std::string Tr(const char* english);

// How dates and distances are written in a report.
struct ReportLocale {
    // A full date in the reader's locale. Default: "21 Nov 2026" (day, English month
    // abbreviation, year), which no reader can misread.
    std::function<std::string(const core::Date&)> format_date;
    // A month for chart axes. Default: "Nov 2026".
    std::function<std::string(const core::Date&)> format_month;
    core::DistanceUnit units = core::DistanceUnit::kKm;
    // The plan's sentences (why a session is planned, its cautions, the plan's warnings). The
    // app gives its translated ones (app/gui/plan/plan_text.h); by default core's English sentences
    // (core/plan_text.h) with dates through format_date.
    std::function<std::string(const core::PlanReason&, core::DistanceUnit)> describe_reason;
    std::function<std::string(const core::PlanCaution&, core::DistanceUnit)> describe_caution;
    std::function<std::string(const core::PlanWarning&, core::DistanceUnit)> describe_warning;

    std::string Date(const core::Date& date) const;
    std::string Month(const core::Date& date) const;
    std::string Distance(double km) const;  // "32 km", "19.9 mi" (one decimal unless whole)
    std::string Reason(const core::PlanReason& reason) const;
    std::string Caution(const core::PlanCaution& caution) const;
    std::string Warning(const core::PlanWarning& warning) const;
};

// Names for people (translated through Tr): "Deep tissue", "Left hamstrings",
// "Hamstrings (both sides)", "Lower back", "Pregnancy", "Taper".
std::string TechniqueName(core::Technique technique);
std::string RegionName(core::Region region);
std::string RegionSideName(const core::RegionSide& region);  // capitalised
// The same in the middle of a sentence: "left hamstrings", "calves" when there is no side.
std::string RegionSideInSentence(core::Region region, std::optional<core::Side> side);
std::string FlagName(core::FlagCode code);
std::string FlagLevelName(core::FlagLevel level);  // "No massage: refer", "Avoid area", "Modify"
std::string PhaseName(core::PlanPhase phase);
// Health-history items, medication classes and planned-session states for the intake summary
// and the clinic summary: "Varicose veins", "Anticoagulant", "Booked".
std::string ConditionName(core::ConditionCode condition);
std::string MedicationClassName(core::MedicationClass medication_class);
std::string PlannedSessionStatusName(core::PlannedSessionStatus status);
// A flag as one line: "Avoid area — Varicose veins, right calves (until 3 Apr 2026)".
std::string DescribeFlag(const core::ContraindicationFlag& flag, const ReportLocale& locale);

}  // namespace myodesk::reports
