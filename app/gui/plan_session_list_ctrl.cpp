#include "plan_session_list_ctrl.h"

#include "code_names.h"
#include "plan_controller.h"
#include "plan_text.h"
#include "session_note_text.h"

#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>

namespace myodesk::app {

PlanSessionListCtrl::PlanSessionListCtrl(wxWindow* parent, wxWindowID id, PlanController& plan)
    : wxListCtrl(parent, id, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      m_plan(&plan) {
    SetName("plan.sessions");
    m_columns = {Column::kDate,     Column::kPhase,   Column::kTechniques, Column::kDuration,
                 Column::kPressure, Column::kRegions, Column::kStatus};
    AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(134));
    AppendColumn(_("Phase"), wxLIST_FORMAT_LEFT, FromDIP(84));
    AppendColumn(_("Techniques"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AppendColumn(_("Min"), wxLIST_FORMAT_RIGHT, FromDIP(44));
    AppendColumn(_("Pressure"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    AppendColumn(_("Regions"), wxLIST_FORMAT_LEFT, FromDIP(220));
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));

    EnableAlternateRowColours(true);
    if (wxSystemSettings::GetAppearance().IsDark()) {
        // wx lightens a dark background by half for the alternate rows: light text on them
        // is then hard to read. A shade lighter is enough.
        SetAlternateRowColour(GetBackgroundColour().ChangeLightness(115));
    }
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&PlanSessionListCtrl::StretchColumn);
    });

    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    m_booked_attr.SetFont(GetFont().Bold());
    m_booked_attr.SetTextColour(dark ? wxColour(0x8f, 0xd1, 0x9e) : wxColour(0x1e, 0x6b, 0x34));
    m_faded_attr.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
}

void PlanSessionListCtrl::RefreshRows() {
    SetItemCount(static_cast<long>(m_plan->SessionCount()));
    Refresh();
}

long PlanSessionListCtrl::SelectedIndex() const {
    return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void PlanSessionListCtrl::SelectRow(long index) {
    if (index < 0 || index >= GetItemCount()) {
        return;
    }
    SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(index);
}

long PlanSessionListCtrl::ColumnIndex(Column column) const {
    const auto found = std::find(m_columns.begin(), m_columns.end(), column);
    return found == m_columns.end() ? -1 : static_cast<long>(found - m_columns.begin());
}

wxString PlanSessionListCtrl::CellText(long row, Column column) const {
    const long index = ColumnIndex(column);
    return index < 0 ? wxString() : OnGetItemText(row, index);
}

void PlanSessionListCtrl::StretchColumn() {
    // The regions take the width left over.
    const long regions = ColumnIndex(Column::kRegions);
    int others = 0;
    for (int column = 0; column < GetColumnCount(); ++column) {
        if (column != regions) {
            others += GetColumnWidth(column);
        }
    }
    const int available =
        GetClientSize().x - others - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
    const int width = std::max(FromDIP(160), available);
    if (regions >= 0 && width != GetColumnWidth(static_cast<int>(regions))) {
        SetColumnWidth(static_cast<int>(regions), width);
    }
}

wxString PlanSessionListCtrl::OnGetItemText(long item, long column) const {
    if (item < 0 || column < 0 || static_cast<std::size_t>(column) >= m_columns.size()) {
        return {};
    }
    const auto index = static_cast<std::size_t>(item);
    const core::PlannedSession* session = m_plan->Session(index);
    if (session == nullptr) {
        return {};
    }
    switch (m_columns[static_cast<std::size_t>(column)]) {
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
    wxItemAttr* attr = nullptr;
    if (session->status == core::PlannedSessionStatus::kBooked) {
        attr = &m_booked_attr;
    } else if (session->status == core::PlannedSessionStatus::kSkipped ||
               session->date < m_plan->Today()) {
        attr = &m_faded_attr;
    } else {
        return wxListCtrl::OnGetItemAttr(item);
    }
    const wxColour alternate = GetAlternateRowColour();
    attr->SetBackgroundColour(item % 2 != 0 && alternate.IsOk() ? alternate : wxNullColour);
    return attr;
}

}  // namespace myodesk::app
