#include "sessions/session_list_ctrl.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "sessions/session_note_text.h"

#include <wx/intl.h>
#include <wx/settings.h>

#include <utility>

namespace myodesk::app {

SessionListCtrl::SessionListCtrl(wxWindow* parent, wxWindowID id, SessionListModel& model,
                                 ClientNameFunction client_name)
    : VirtualReportListCtrl(parent, id, Column::kRegions, 200),
      m_model(&model),
      m_client_name(std::move(client_name)) {
    SetName("sessions.list");
    if (m_client_name) {
        AddColumn(Column::kClient, _("Client"), wxLIST_FORMAT_LEFT, FromDIP(210));
    }
    AddColumn(Column::kDate, _("Date"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AddColumn(Column::kTime, _("Time"), wxLIST_FORMAT_LEFT, FromDIP(108));
    AddColumn(Column::kTherapist, _("Therapist"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AddColumn(Column::kTechniques, _("Techniques"), wxLIST_FORMAT_LEFT, FromDIP(170));
    AddColumn(Column::kRegions, _("Regions"), wxLIST_FORMAT_LEFT, FromDIP(260));
    if (!m_client_name) {
        // In the list of unsigned notes every note is unsigned: no column to say so.
        AddColumn(Column::kStatus, _("Status"), wxLIST_FORMAT_LEFT, FromDIP(165));
    }

    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    m_unsigned_attr.SetTextColour(dark ? wxColour(0xff, 0xc1, 0x07) : wxColour(0x8a, 0x4b, 0x00));
    m_unsigned_attr.SetFont(GetFont().Bold());
}

void SessionListCtrl::RefreshRows() {
    SetItemCount(static_cast<long>(m_model->RowCount()));
    Refresh();
}

std::optional<db::SessionNoteSummary> SessionListCtrl::SelectedNote() const {
    const long index = SelectedIndex();
    if (index < 0) {
        return std::nullopt;
    }
    return m_model->Row(index);
}

wxString SessionListCtrl::OnGetItemText(long item, long column) const {
    const std::optional<Column> shown = ColumnAt(column);
    if (!shown) {
        return {};
    }
    const std::optional<db::SessionNoteSummary> note = m_model->Row(item);
    if (!note) {
        return {};
    }
    switch (*shown) {
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
    return Striped(m_unsigned_attr, item);
}

}  // namespace myodesk::app
