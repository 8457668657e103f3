#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>

#include <wx/string.h>

#include <optional>

namespace myodesk::app {

// The words people see for core's codes, translated. Core keeps the codes ("hip_flexors");
// every picker and sentence in the GUI takes its words from here. No window is needed.

// Names as a picker or checklist shows them, capitalised: "Hip flexors", "Both sides".
wxString NameOf(core::Region region);
wxString NameOf(core::Side side);
wxString NameOf(core::BodySystem system);
wxString NameOf(core::ConditionCode condition);
wxString NameOf(core::MedicationClass medication_class);
wxString NameOf(core::InjuryKind kind);
wxString NameOf(core::RunType type);
wxString NameOf(core::RaceGoal goal);
wxString NameOf(core::DistanceUnit unit);
wxString NameOf(core::Pressure pressure);
wxString NameOf(core::Weekday weekday);
wxString NameOf(core::Technique technique);
// A technique's name for narrow columns: "Trigger point", "Sports".
wxString ShortNameOf(core::Technique technique);
wxString NameOf(core::Position position);
wxString NameOf(core::NoteSection section);
wxString NameOf(core::StaffRole role);

wxString NameOf(core::PlanPhase phase);
wxString NameOf(core::PlannedSessionStatus status);

// A kind of run in the middle of a sentence, in lower case: "long run", "interval session".
wxString RunTypeInSentence(core::RunType type);

// A contraindication as a sentence starts: "Fever", "Deep vein thrombosis".
wxString FlagName(core::FlagCode code);

// The region in the middle of a sentence, in lower case: "hip flexors", "IT band".
wxString RegionInSentence(core::Region region);

// A region with its side in the middle of a sentence: "left calves", "right hamstrings",
// "lower back (midline)", "calves (both sides)"; without a side, the region alone.
wxString RegionSideInSentence(core::Region region, std::optional<core::Side> side);

// A region with its side as a label starts: "Left hamstrings", "Lower back (midline)".
wxString RegionSideName(core::Region region, std::optional<core::Side> side);

// A short side for lists: "L", "R", "both", "mid".
wxString ShortSideName(core::Side side);

// Pressure on the 1-10 scale with its word: "2 – light", "5 – medium", "7 – firm", "8 – deep",
// "9 – too much".
wxString PressureText(int pressure);

// What a contraindication is about, in the middle of a sentence: "fever", "anticoagulants".
wxString FlagReason(core::FlagCode code);

// The NRS-11 pain score with its band: "0 – none", "3 – mild", "5 – moderate", "8 – severe".
wxString PainText(int pain);

// A distance stored in km, in the client's unit with one decimal: "42.2 km", "26.2 mi".
wxString FormatDistance(double km, core::DistanceUnit unit);

// A number as the user's locale writes it, with at most `decimals` decimals and no trailing
// zeros ("20", "32.187"); and back (the locale's decimal separator or a point), nullopt when
// the text is not a number.
wxString FormatNumber(double value, int decimals);
std::optional<double> ParseNumber(const wxString& text);

// A date for reading rather than typing, in the user's language: "3 Dec 2026" (en_GB),
// "Dec 3, 2026" (en_US).
wxString FormatReadableDate(const core::Date& date);

}  // namespace myodesk::app
