#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/vocabulary/locale_dates.h>
#include <myodesk/vocabulary/words.h>

#include <functional>
#include <optional>
#include <string>

namespace myodesk::reports {

// Reports speak the reader's language. Their own labels and sentences go through
// vocabulary::Tr (an xgettext keyword, like _() in the app); the words for core's codes and
// the plan's sentences are the vocabulary's (myodesk/vocabulary/), the same the GUI and the
// CLI show. The app installs the translator (vocabulary::SetTranslator); without one, English.

// How dates, numbers and distances are written in a report.
struct ReportLocale {
    // A full date in the reader's locale. Default: "21 Nov 2026" (vocabulary::ReadableDate:
    // day, month abbreviation, year), which no reader can misread.
    std::function<std::string(const core::Date&)> format_date;
    // A month for chart axes. Default: "Nov 2026".
    std::function<std::string(const core::Date&)> format_month;
    // A number with at most `decimals` decimals ("21.1", "32"). Default: with a point.
    vocabulary::NumberFormat format_number;
    core::DistanceUnit units = core::DistanceUnit::kKm;

    std::string Date(const core::Date& date) const;
    std::string Month(const core::Date& date) const;
    std::string Distance(double km) const;  // "32 km", "19.9 mi" (one decimal unless whole)
    // The plan's sentences (vocabulary/plan_sentences.h) with this locale's dates and numbers.
    std::string Reason(const core::PlanReason& reason) const;
    std::string Caution(const core::PlanCaution& caution) const;
    std::string Warning(const core::PlanWarning& warning) const;
};

// The locale of a report printed from the GUI or written by the CLI, so both write the same:
// dates as the clinic's report.date_format asks (by default `locale_style`, the readable date
// of the user's locale, as the GUI's lists and profile write it), months on chart axes as
// "Dec 2026" in the locale's month names, distances in `units`. Numbers keep the default.
ReportLocale MakeReportLocale(const core::ClinicDetails& clinic, core::DistanceUnit units,
                              const core::DateStyle& locale_style = vocabulary::LocaleDateStyle());

// The vocabulary's names under the names the report view-models use: "Deep tissue",
// "Left hamstring", "Hamstrings (both sides)", "Lower back", "Pregnancy", "Taper".
inline std::string TechniqueName(core::Technique technique) {
    return vocabulary::NameOf(technique);
}
inline std::string RegionName(core::Region region) {
    return vocabulary::NameOf(region);
}
inline std::string RegionSideName(const core::RegionSide& region) {  // capitalised
    return vocabulary::RegionSideName(region);
}
// The same in the middle of a sentence: "left hamstring", "calves" when there is no side.
inline std::string RegionSideInSentence(core::Region region, std::optional<core::Side> side) {
    return vocabulary::RegionSideInSentence(region, side);
}
inline std::string FlagName(core::FlagCode code) {
    return vocabulary::NameOf(code);
}
// "No massage: refer", "Avoid area", "Modify".
inline std::string FlagLevelName(core::FlagLevel level) {
    return vocabulary::NameOf(level);
}
inline std::string PhaseName(core::PlanPhase phase) {
    return vocabulary::NameOf(phase);
}
// Health-history items, medication classes and planned-session states for the intake summary
// and the clinic summary: "Varicose veins", "Anticoagulant", "Booked".
inline std::string ConditionName(core::ConditionCode condition) {
    return vocabulary::NameOf(condition);
}
inline std::string MedicationClassName(core::MedicationClass medication_class) {
    return vocabulary::NameOf(medication_class);
}
inline std::string PlannedSessionStatusName(core::PlannedSessionStatus status) {
    return vocabulary::NameOf(status);
}
// A flag as one line: "Avoid area — Varicose veins, right calf (until 3 Apr 2026)".
std::string DescribeFlag(const core::ContraindicationFlag& flag, const ReportLocale& locale);

}  // namespace myodesk::reports
