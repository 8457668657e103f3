#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/core/session_note.h>

#include <wx/string.h>

#include <vector>

namespace myodesk::app {

// Session notes in short words, for lists and titles. No window is needed.

// "09:00–10:00" for a session starting at `start_minute` that lasts `duration_min`.
wxString SessionTimeRange(int start_minute, int duration_min);

// "Trigger point, Sports" (short names, for lists), or "—" when there are none.
wxString TechniquesSummary(const std::vector<core::Technique>& techniques);

// The regions grouped by region in the order first listed, with short sides:
// "Hamstrings L, R · Lower back mid", or "—" when there are none.
wxString RegionsSummary(const std::vector<core::RegionSide>& regions);

// A note's date and time for titles: "3 Jun 2026, 09:00–10:00".
wxString SessionWhen(const core::Date& date, int start_minute, int duration_min);

// A start time typed by hand, leniently: "9:30", "09:30", "0930", "930", "9" (9:00), "9.30".
// Nullopt when it is not a time of day.
std::optional<int> ParseTypedClockTime(const wxString& text);

// The start of a new note's session: the `duration_min` minutes that ended at the last quarter
// hour (a note is written after its session and signed once it has ended), not before 00:00.
int JustEndedSessionStart(int minute_of_day, int duration_min);

}  // namespace myodesk::app
