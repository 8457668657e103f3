#include "clients/client_list_ctrl.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "shell/startup_benchmark.h"

#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>

namespace myodesk::app {

ClientListCtrl::ClientListCtrl(wxWindow* parent, wxWindowID id, ClientListModel& model,
                               const services::Clock& clock)
    : wxListCtrl(parent, id, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      m_model(&model),
      m_clock(&clock),
      m_today(clock.Today()) {
    AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(280));
    AppendColumn(_("Date of birth"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("Age"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    AppendColumn(_("Phone"), wxLIST_FORMAT_LEFT, FromDIP(170));
    AppendColumn(_("Email"), wxLIST_FORMAT_LEFT, FromDIP(280));

    EnableAlternateRowColours(true);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter(&ClientListCtrl::StretchLastColumn);
    });
    Bind(wxEVT_LIST_COL_END_DRAG, [this](wxListEvent& event) {
        event.Skip();
        CallAfter(&ClientListCtrl::StretchLastColumn);
    });

    m_archived_attr.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    wxFont italic = GetFont();
    italic.SetStyle(wxFONTSTYLE_ITALIC);
    m_archived_attr.SetFont(italic);

    if (StartupBenchmarkEnabled()) {
        WatchClientListStartup(*this, model);
    }
}

void ClientListCtrl::RefreshRows() {
    m_today = m_clock->Today();
    SetItemCount(static_cast<long>(m_model->RowCount()));
    Refresh();
}

void ClientListCtrl::FindMoreRows() {
    m_finding_more = false;
    if (!m_model->ReadMore()) {
        return;
    }
    SetItemCount(static_cast<long>(m_model->RowCount()));
    Refresh();
    if (m_rows_found) {
        m_rows_found();
    }
}

long ClientListCtrl::SelectedIndex() const {
    return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

std::optional<core::ClientSummary> ClientListCtrl::SelectedClient() const {
    const long index = SelectedIndex();
    if (index < 0) {
        return std::nullopt;
    }
    return m_model->Row(index);
}

void ClientListCtrl::SelectRow(long index) {
    if (index < 0 || index >= GetItemCount()) {
        return;
    }
    ClearSelection();
    SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(index);
}

void ClientListCtrl::ClearSelection() {
    for (long index = SelectedIndex(); index >= 0;
         index = GetNextItem(index, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED)) {
        SetItemState(index, 0, wxLIST_STATE_SELECTED);
    }
}

void ClientListCtrl::StretchLastColumn() {
    const int last = GetColumnCount() - 1;
    if (last < 0) {
        return;
    }
    int others = 0;
    for (int column = 0; column < last; ++column) {
        others += GetColumnWidth(column);
    }
    // Leave room for a vertical scroll bar so that no horizontal one appears.
    const int available =
        GetClientSize().x - others - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
    const int width = std::max(FromDIP(160), available);
    if (width != GetColumnWidth(last)) {
        SetColumnWidth(last, width);
    }
}

std::vector<int> ClientListCtrl::ColumnWidths() const {
    std::vector<int> widths;
    for (int column = 0; column < GetColumnCount(); ++column) {
        widths.push_back(GetColumnWidth(column));
    }
    return widths;
}

void ClientListCtrl::SetColumnWidths(const std::vector<int>& widths) {
    if (widths.size() != static_cast<std::size_t>(GetColumnCount())) {
        return;  // saved by a version with other columns
    }
    for (int column = 0; column < GetColumnCount(); ++column) {
        SetColumnWidth(column, widths[static_cast<std::size_t>(column)]);
    }
}

wxString ClientListCtrl::OnGetItemText(long item, long column) const {
    const std::optional<core::ClientSummary> client = m_model->Row(item);
    if (!client) {
        return {};
    }
    if (item + 1 >= m_model->RowCount() && !m_finding_more && m_model->HasMoreRows()) {
        // The last row found is on screen: find the next page once this paint is over (the
        // item count cannot change while the list paints).
        m_finding_more = true;
        const_cast<ClientListCtrl*>(this)->CallAfter(&ClientListCtrl::FindMoreRows);
    }
    switch (column) {
        case kName: {
            wxString name = ToWx(core::DisplayName(*client));
            if (client->archived) {
                name << ' ' << _("(archived)");
            }
            return name;
        }
        case kDateOfBirth:
            return client->date_of_birth ? FormatReadableDate(*client->date_of_birth) : wxString();
        case kAge:
            if (client->date_of_birth) {
                return wxString::Format("%d", core::AgeInYears(*client->date_of_birth, m_today));
            }
            return {};
        case kPhone:
            return ToWx(client->phone);
        case kEmail:
            return ToWx(client->email);
        default:
            return {};
    }
}

wxItemAttr* ClientListCtrl::OnGetItemAttr(long item) const {
    const std::optional<core::ClientSummary> client = m_model->Row(item);
    if (!client || !client->archived) {
        return wxListCtrl::OnGetItemAttr(item);  // the alternate row colour
    }
    const wxColour alternate = GetAlternateRowColour();
    m_archived_attr.SetBackgroundColour(item % 2 != 0 && alternate.IsOk() ? alternate
                                                                          : wxNullColour);
    return &m_archived_attr;
}

}  // namespace myodesk::app
