#pragma once

// The words people see for core's codes, defined once for every front end (the GUI through
// wxString adapters, the reports, the CLI), each translated through Tr (translation.h): English
// unless a translator is installed. Core keeps the codes ("hip_flexors"); never show a code.

#include <myodesk/core/appointment_series.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>

#include <functional>
#include <optional>
#include <string>

namespace myodesk::vocabulary {

// Names as a picker, a column or a report label shows them, capitalised: "Hip flexors",
// "Both sides", "Deep tissue", "Taper".
std::string NameOf(core::Region region);
std::string NameOf(core::Side side);
std::string NameOf(core::BodySystem system);
std::string NameOf(core::ConditionCode condition);           // "Deep vein thrombosis"
std::string NameOf(core::MedicationClass medication_class);  // "Anticoagulant"
std::string NameOf(core::InjuryKind kind);
std::string NameOf(core::RunType type);
std::string NameOf(core::RaceGoal goal);
std::string NameOf(core::DistanceUnit unit);  // "km", "mi"
std::string NameOf(core::Pressure pressure);
std::string NameOf(core::Weekday weekday);  // "Monday"
std::string NameOf(core::Technique technique);
std::string NameOf(core::Position position);
std::string NameOf(core::NoteSection section);
std::string NameOf(core::NoTreatment reason);  // "Client turned away", "Referred on"
std::string NameOf(core::StaffRole role);
std::string NameOf(core::PlanPhase phase);
std::string NameOf(core::PlannedSessionStatus status);
std::string NameOf(core::AppointmentStatus status);
// What a calendar event is called when no service was booked: "Massage".
std::string UnnamedServiceWord();           // "Arrived", "No-show"
std::string NameOf(core::FlagCode code);    // a contraindication: "Fever", "Recent fracture"
std::string NameOf(core::FlagLevel level);  // "No massage: refer", "Avoid area", "Modify"

// The intake form's checklist, with the hints that help a client answer: "Fever (over 38 °C /
// 100.4 °F)", "DVT, or suspected DVT", "Anticoagulant (blood thinner)".
std::string ChecklistLabel(core::ConditionCode condition);
std::string ChecklistLabel(core::MedicationClass medication_class);

// Short names for narrow columns and lists: "Trigger point", "Sports"; "L", "R", "both", "mid".
std::string ShortNameOf(core::Technique technique);
std::string ShortNameOf(core::Side side);

// In the middle of a sentence, in lower case: "hip flexors", "IT band"; "long run", "interval
// session"; "deep vein thrombosis (DVT)", "anticoagulants".
std::string InSentence(core::Region region);
std::string InSentence(core::RunType type);
std::string InSentence(core::FlagCode code);

// A region with its side in the middle of a sentence: "left calf", "right hamstring",
// "calves (both sides)", "lower back" (the spine's midline regions have no side to name);
// without a side, the region alone.
std::string RegionSideInSentence(core::Region region, std::optional<core::Side> side);
std::string RegionSideInSentence(const core::RegionSide& region);
// The same as a label starts: "Left hamstring", "Hamstrings (both sides)", "Lower back".
std::string RegionSideName(core::Region region, std::optional<core::Side> side);
std::string RegionSideName(const core::RegionSide& region);

// Pressure on the 1-10 scale with its word: "2 – light", "5 – medium", "7 – firm", "8 – deep",
// "9 – too much".
std::string PressureText(int pressure);
// The NRS-11 pain score with its band: "0 – none", "3 – mild", "5 – moderate", "8 – severe".
std::string PainText(int pain);

// How numbers and dates are written inside words and sentences. A number: `value` with at most
// `decimals` decimals and no trailing zeros; by default with a point ("21.1", "32"), the GUI
// gives the locale's. A date: by default ISO 8601 ("2026-12-03"), reports and the GUI give a
// readable one.
using NumberFormat = std::function<std::string(double value, int decimals)>;
using DateFormat = std::function<std::string(const core::Date& date)>;
std::string PlainNumber(double value, int decimals);
struct TextFormats {
    DateFormat date;
    NumberFormat number;
    std::string Date(const core::Date& value) const;
    std::string Number(double value, int decimals) const;
};

// A distance stored in km, in `unit`, rounded to one decimal: "32 km", "21.1 km", "19.9 mi".
std::string DistanceText(double km, core::DistanceUnit unit, const NumberFormat& number = {});

// A month's abbreviation (1..12): "Jan", "Nov". A date for reading: "21 Nov 2026" (day, month
// abbreviation, year: no reader can misread it); a month: "Nov 2026".
std::string MonthAbbreviation(unsigned month);
std::string ReadableDate(const core::Date& date);
std::string ReadableMonth(const core::Date& date);

}  // namespace myodesk::vocabulary
