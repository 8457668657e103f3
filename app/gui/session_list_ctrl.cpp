#include "session_list_ctrl.h"

#include "code_names.h"
#include "session_note_text.h"
#include "wx_conversions.h"

#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>

namespace myodesk::app {

SessionListCtrl::SessionListCtrl(wxWindow* parent, wxWindowID id, SessionListModel& model,
                                 ClientNameFunction client_name)
    : wxListCtrl(parent, id, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      m_model(&model),
      m_client_name(std::move(client_name)) {
    SetName("sessions.list");
    if (m_client_name) {
        m_columns.push_back(Column::kClient);
        AppendColumn(_("Client"), wxLIST_FORMAT_LEFT, FromDIP(210));
    }
    m_columns.insert(m_columns.end(), {Column::kDate, Column::kTime, Column::kTherapist,
                                       Column::kTechniques, Column::kRegions});
    AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(108));
    AppendColumn(_("Therapist"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AppendColumn(_("Techniques"), wxLIST_FORMAT_LEFT, FromDIP(170));
    AppendColumn(_("Regions"), wxLIST_FORMAT_LEFT, FromDIP(260));
    if (!m_client_name) {
        // In the list of unsigned notes every note is unsigned: no column to say so.
        m_columns.push_back(Column::kStatus);
        AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(165));
    }

    EnableAlternateRowColours(true);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&SessionListCtrl::StretchColumn);
    });

    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    m_unsigned_attr.SetTextColour(dark ? wxColour(0xff, 0xc1, 0x07) : wxColour(0x8a, 0x4b, 0x00));
    m_unsigned_attr.SetFont(GetFont().Bold());
}

void SessionListCtrl::RefreshRows() {
    SetItemCount(static_cast<long>(m_model->RowCount()));
    Refresh();
}

long SessionListCtrl::SelectedIndex() const {
    return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

std::optional<db::SessionNoteSummary> SessionListCtrl::SelectedNote() const {
    const long index = SelectedIndex();
    if (index < 0) {
        return std::nullopt;
    }
    return m_model->Row(index);
}

void SessionListCtrl::SelectRow(long index) {
    if (index < 0 || index >= GetItemCount()) {
        return;
    }
    SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(index);
}

long SessionListCtrl::ColumnIndex(Column column) const {
    const auto found = std::find(m_columns.begin(), m_columns.end(), column);
    return found == m_columns.end() ? -1 : static_cast<long>(found - m_columns.begin());
}

wxString SessionListCtrl::CellText(long row, Column column) const {
    const long index = ColumnIndex(column);
    return index < 0 ? wxString() : OnGetItemText(row, index);
}

void SessionListCtrl::StretchColumn() {
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
    const int width = std::max(FromDIP(200), available);
    if (regions >= 0 && width != GetColumnWidth(static_cast<int>(regions))) {
        SetColumnWidth(static_cast<int>(regions), width);
    }
}

wxString SessionListCtrl::OnGetItemText(long item, long column) const {
    if (column < 0 || static_cast<std::size_t>(column) >= m_columns.size()) {
        return {};
    }
    const std::optional<db::SessionNoteSummary> note = m_model->Row(item);
    if (!note) {
        return {};
    }
    switch (m_columns[static_cast<std::size_t>(column)]) {
        case Column::kClient:
            return m_client_name ? m_client_name(note->client_id) : wxString();
        case Column::kDate:
            return FormatReadableDate(note->date);
        case Column::kTime:
            return SessionTimeRange(note->start_minute, note->duration_min);
        case Column::kTherapist:
            return ToWx(note->therapist_name);
        case Column::kTechniques:
            return TechniquesSummary(note->techniques);
        case Column::kRegions:
            return RegionsSummary(note->regions);
        case Column::kStatus: {
            if (!note->is_signed) {
                return _("Unsigned");
            }
            if (note->amendment_count > 0) {
                // TRANSLATORS: the status of a signed note with amendments.
                return wxString::Format(wxPLURAL("Signed, %d amendment", "Signed, %d amendments",
                                                 static_cast<unsigned>(note->amendment_count)),
                                        note->amendment_count);
            }
            return _("Signed");
        }
    }
    return {};
}

wxItemAttr* SessionListCtrl::OnGetItemAttr(long item) const {
    if (m_client_name) {
        return wxListCtrl::OnGetItemAttr(item);  // all unsigned: nothing stands out
    }
    const std::optional<db::SessionNoteSummary> note = m_model->Row(item);
    if (!note || note->is_signed) {
        return wxListCtrl::OnGetItemAttr(item);
    }
    const wxColour alternate = GetAlternateRowColour();
    m_unsigned_attr.SetBackgroundColour(item % 2 != 0 && alternate.IsOk() ? alternate
                                                                          : wxNullColour);
    return &m_unsigned_attr;
}

}  // namespace myodesk::app
