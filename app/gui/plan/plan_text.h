#pragma once

#include "common/code_names.h"

#include <myodesk/core/plan.h>

#include <wx/string.h>

#include <optional>
#include <vector>

namespace myodesk::app {

// A plan's sentences as wxString: why a session is planned (reason), what to watch out for
// (caution), the plan's warnings and the home-care advice. They are the vocabulary's
// (myodesk/vocabulary/plan_sentences.h), defined once for the Plan tab, the reports, the CLI
// and the plan document, so all say the same thing. Distances in `units` with the locale's
// numbers; dates through `date_format` (the locale's readable date). No window is needed.
using PlanDateFormat = wxString (*)(const core::Date& date);

wxString PlanReasonText(const core::PlanReason& reason, core::DistanceUnit units,
                        PlanDateFormat date_format = FormatReadableDate);
wxString PlanCautionText(const core::PlanCaution& caution, core::DistanceUnit units,
                         PlanDateFormat date_format = FormatReadableDate);
wxString PlanWarningText(const core::PlanWarning& warning, core::DistanceUnit units,
                         PlanDateFormat date_format = FormatReadableDate);
wxString PlanHomeCareText(const core::HomeCare& care);

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
