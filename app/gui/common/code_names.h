#pragma once

#include <myodesk/core/appointment_series.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>

#include <wx/string.h>

#include <optional>
#include <string>

namespace myodesk::app {

// The words people see for core's codes, as wxString: thin adapters over the vocabulary
// (myodesk/vocabulary/words.h), which defines each word once for the GUI, the reports and the
// CLI and translates it through the catalogue InstallTranslator hooks in. Core keeps the codes
// ("hip_flexors"). No window is needed.

// Makes the vocabulary (and so the reports) translate through wxGetTranslation, the app's
// catalogue. Called once at start-up, after the catalogue is loaded.
void InstallTranslator();

// Names as a picker or checklist shows them, capitalised: "Hip flexors", "Both sides".
wxString NameOf(core::Region region);
wxString NameOf(core::Side side);
wxString NameOf(core::BodySystem system);
// Health-history items and medication classes as the intake's checklist asks them, with their
// hints: "Fever (over 38 °C / 100.4 °F)", "Anticoagulant (blood thinner)".
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
wxString NameOf(core::AppointmentStatus status);  // "Arrived", "No-show"

// A kind of run in the middle of a sentence, in lower case: "long run", "interval session".
wxString RunTypeInSentence(core::RunType type);

// A contraindication as a sentence starts: "Fever", "Deep vein thrombosis".
wxString FlagName(core::FlagCode code);

// The region in the middle of a sentence, in lower case: "hip flexors", "IT band".
wxString RegionInSentence(core::Region region);

// A region with its side in the middle of a sentence: "left calf", "right hamstring",
// "calves (both sides)", "lower back" (midline); without a side, the region alone.
wxString RegionSideInSentence(core::Region region, std::optional<core::Side> side);

// A region with its side as a label starts: "Left hamstring", "Hamstrings (both sides)".
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
// FormatNumber in UTF-8: the vocabulary's NumberFormat in the GUI.
std::string LocaleNumber(double value, int decimals);

// A date for reading rather than typing: the locale's one readable date
// (vocabulary::LocaleDateStyle: "6 Dec 2026", "6 Dez 2026", "2026年12月6日"), as the lists, the
// profile and the reports of the GUI and of the CLI write it.
wxString FormatReadableDate(const core::Date& date);

}  // namespace myodesk::app
