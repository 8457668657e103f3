#pragma once

#include <myodesk/core/plan.h>

#include <wx/string.h>

#include <cstddef>
#include <optional>

namespace myodesk::app {

// The Plan tab's reading panes as HTML (wxHtmlWindow). No window is needed.

// What the booking says, when the session is booked.
struct PlanBooking {
    int start_minute = 0;
    wxString therapist;
};

// Plan session `index`: its day and phase, what is planned (techniques, minutes, the highest
// pressure, focus regions with side), its status, why it is planned and the cautions, then
// the home care of its phase.
wxString PlanSessionHtml(const core::Plan& plan, std::size_t index,
                         const std::optional<PlanBooking>& booking = std::nullopt);

// What the pane shows when no session is selected.
wxString NoSessionHtml(bool plan_has_sessions);

// The home-care advice of the plan, phase by phase (in the order of the plan's phases).
wxString PlanHomeCareHtml(const core::Plan& plan);

}  // namespace myodesk::app
