#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>

#include <functional>
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

    std::string Date(const core::Date& date) const;
    std::string Month(const core::Date& date) const;
    std::string Distance(double km) const;  // "32 km", "19.9 mi" (one decimal unless whole)
};

// Names for people (translated through Tr): "Deep tissue", "Left hamstrings",
// "Hamstrings (both sides)", "Lower back", "Pregnancy", "Taper".
std::string TechniqueName(core::Technique technique);
std::string RegionName(core::Region region);
std::string RegionSideName(const core::RegionSide& region);  // capitalised
std::string FlagName(core::FlagCode code);
std::string FlagLevelName(core::FlagLevel level);  // "No massage: refer", "Avoid area", "Modify"
std::string PhaseName(core::PlanPhase phase);
// A flag as one line: "Avoid area — Varicose veins, right calves (until 3 Apr 2026)".
std::string DescribeFlag(const core::ContraindicationFlag& flag, const ReportLocale& locale);

}  // namespace myodesk::reports
