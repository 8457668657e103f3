#pragma once

#include "common/code_names.h"

#include <myodesk/core/plan.h>

#include <wx/string.h>

#include <optional>
#include <vector>

namespace myodesk::app {

// A plan's sentences, translated: why a session is planned (reason), what to watch out for
// (caution), the plan's warnings and the home-care advice. In English they are the sentences
// of core/plan_text.h (the CLI and the plan JSON), so the Plan tab and the CLI say the same
// thing; a test keeps the two in step. Distances in `units`; dates through `date_format`
// (the locale's readable date; core writes ISO dates). No window is needed.
using PlanDateFormat = wxString (*)(const core::Date& date);

wxString PlanReasonText(const core::PlanReason& reason, core::DistanceUnit units,
                        PlanDateFormat date_format = FormatReadableDate);
wxString PlanCautionText(const core::PlanCaution& caution, core::DistanceUnit units,
                         PlanDateFormat date_format = FormatReadableDate);
wxString PlanWarningText(const core::PlanWarning& warning, core::DistanceUnit units,
                         PlanDateFormat date_format = FormatReadableDate);
wxString PlanHomeCareText(const core::HomeCare& care);

// A focus region as the plan's sentences name it: "left calves", "hamstrings (both sides)",
// "lower back" (core::DescribeRegion).
wxString PlanRegionText(const core::RegionSide& region);

// A distance as the plan's sentences write it: "32 km", "21.1 km", "19.9 mi".
wxString PlanDistanceText(double km, core::DistanceUnit units);

// A day with its weekday, for lists of dated sessions: "Tue 3 Dec 2026".
wxString DayText(const core::Date& date);

// The plan's line over the timeline: "Plan of 1 Jun 2026, 1 Jun 2026 – 30 Aug 2026, race
// 16 Aug 2026 (in 10 weeks)".
wxString PlanSummaryText(const core::Plan& plan, const core::Date& today);

// A session's status for the list: "Planned", "Planned (moved from 3 Jun 2026)", "Booked
// 09:30 with Jane Doe", "Skipped". `booked_with` is the therapist's name and `start_minute`
// the booked time, when known.
wxString PlanStatusText(const core::PlannedSession& session,
                        const std::optional<int>& start_minute = std::nullopt,
                        const wxString& booked_with = wxString());

// Pressure as the list shows it: "5/10".
wxString PlanPressureText(int pressure_max);

// What a regeneration changed, one line per session: "Added: Tue 3 Dec 2026", "Removed: …",
// "Changed: Tue 3 Dec 2026 (techniques, pressure)".
wxString PlanChangesText(const std::vector<core::PlanChange>& changes);

}  // namespace myodesk::app
