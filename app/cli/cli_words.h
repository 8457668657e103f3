#pragma once

#include <myodesk/core/appointment_series.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>

#include <optional>
#include <string>
#include <string_view>

namespace myodesk::app {

// Every word the CLI's human output shows for a code, one function per kind. The words are
// the shared vocabulary's (myodesk::vocabulary, the same the GUI and the reports show); only
// the CLI's own phrasings (a flag level's advice, the pressure scale's word) are written here.
// --json output keeps the codes.

// "left hamstring", "calves (both sides)", "lower back" (the plan's words).
std::string PlaceWords(core::Region region, core::Side side);
// A place that may lack a region or a side: "right calf", "left", "".
std::string PlaceWords(const std::optional<core::Region>& region,
                       const std::optional<core::Side>& side);
std::string TechniqueWords(core::Technique technique);
std::string RunTypeWords(core::RunType type);
std::string UnitsWords(core::DistanceUnit units);
// "Monday", for a date.
std::string WeekdayWords(const core::Date& date);
std::string WeekdayWords(core::Weekday day);
std::string ConditionWords(core::ConditionCode condition);
std::string MedicationClassWords(core::MedicationClass medication_class);
std::string PressurePreferenceWords(core::Pressure pressure);
std::string RaceGoalWords(core::RaceGoal goal);
std::string FlagLevelWords(core::FlagLevel level);
std::string FlagWords(core::FlagCode flag);
// What each flag level asks of the therapist.
std::string FlagAdvice(core::FlagLevel level);
std::string StaffRoleWords(core::StaffRole role);
// "Booked", "No-show", "Late cancellation".
std::string StatusWords(core::AppointmentStatus status);
std::string PositionWords(core::Position position);
// "Subjective"
std::string SectionTitle(core::NoteSection section);
std::string PhaseWords(core::PlanPhase phase);
std::string SessionStatusWords(core::PlannedSessionStatus status);
// The words for a pressure on the 1-10 scale (DOMAIN.md "Pressure").
std::string PressureWords(int pressure);

}  // namespace myodesk::app
