#include "plan/plan_session_list_ctrl.h"

#include "common/code_names.h"
#include "plan/plan_controller.h"
#include "plan/plan_text.h"
#include "sessions/session_note_text.h"

#include <wx/intl.h>
#include <wx/settings.h>

#include <optional>

namespace myodesk::app {

PlanSessionListCtrl::PlanSessionListCtrl(wxWindow* parent, wxWindowID id, PlanController& plan)
    : VirtualReportListCtrl(parent, id, Column::kRegions, 160), m_plan(&plan) {
    SetName("plan.sessions");
    AddColumn(Column::kDate, _("Date"), wxLIST_FORMAT_LEFT, FromDIP(134));
    AddColumn(Column::kPhase, _("Phase"), wxLIST_FORMAT_LEFT, FromDIP(84));
    AddColumn(Column::kTechniques, _("Techniques"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AddColumn(Column::kDuration, _("Min"), wxLIST_FORMAT_RIGHT, FromDIP(44));
    AddColumn(Column::kPressure, _("Pressure"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    AddColumn(Column::kRegions, _("Regions"), wxLIST_FORMAT_LEFT, FromDIP(220));
    AddColumn(Column::kStatus, _("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));

    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    if (dark) {
        // wx lightens a dark background by half for the alternate rows: light text on them
        // is then hard to read. A shade lighter is enough.
        SetAlternateRowColour(GetBackgroundColour().ChangeLightness(115));
    }
    m_booked_attr.SetFont(GetFont().Bold());
    m_booked_attr.SetTextColour(dark ? wxColour(0x8f, 0xd1, 0x9e) : wxColour(0x1e, 0x6b, 0x34));
    m_faded_attr.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
}

void PlanSessionListCtrl::RefreshRows() {
    SetItemCount(static_cast<long>(m_plan->SessionCount()));
    Refresh();
}

wxString PlanSessionListCtrl::OnGetItemText(long item, long column) const {
    const std::optional<Column> shown = ColumnAt(column);
    if (item < 0 || !shown) {
        return {};
    }
    const auto index = static_cast<std::size_t>(item);
    const core::PlannedSession* session = m_plan->Session(index);
    if (session == nullptr) {
        return {};
    }
    switch (*shown) {
        case Column::kDate:
            return DayText(session->date);
        case Column::kPhase:
            return NameOf(session->phase);
        case Column::kTechniques:
            return TechniquesSummary(session->techniques);
        case Column::kDuration:
            return wxString::Format("%d", session->duration_min);
        case Column::kPressure:
            return PlanPressureText(session->pressure_max);
        case Column::kRegions:
            return RegionsSummary(session->regions);
        case Column::kStatus:
            // Briefly: the details say who and from where.
            if (session->status == core::PlannedSessionStatus::kBooked) {
                if (const std::optional<core::Appointment> booked = m_plan->AppointmentOf(index)) {
                    return PlanStatusText(*session, booked->start_minute);
                }
            } else if (session->status == core::PlannedSessionStatus::kPlanned &&
                       session->moved_from) {
                // TRANSLATORS: the status of a planned session the therapist moved.
                return _("Planned, moved");
            }
            return NameOf(session->status);
    }
    return {};
}

wxItemAttr* PlanSessionListCtrl::OnGetItemAttr(long item) const {
    const core::PlannedSession* session = m_plan->Session(static_cast<std::size_t>(item));
    if (session == nullptr) {
        return wxListCtrl::OnGetItemAttr(item);
    }
    if (session->status == core::PlannedSessionStatus::kBooked) {
        return Striped(m_booked_attr, item);
    }
    if (session->status == core::PlannedSessionStatus::kSkipped ||
        session->status == core::PlannedSessionStatus::kMissed || session->date < m_plan->Today()) {
        return Striped(m_faded_attr, item);
    }
    return wxListCtrl::OnGetItemAttr(item);
}

}  // namespace myodesk::app
