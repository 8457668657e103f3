#pragma once

#include "client_list_model.h"

#include <myodesk/core/date.h>

#include <wx/listctrl.h>

#include <optional>
#include <vector>

namespace myodesk::app {

// The virtual report list of clients: it asks ClientListModel for the rows it paints and
// never holds rows itself. Archived clients are shown greyed with "(archived)".
class ClientListCtrl : public wxListCtrl {
  public:
    enum Column : long { kName, kDateOfBirth, kAge, kPhone, kEmail, kColumnCount };

    ClientListCtrl(wxWindow* parent, wxWindowID id, ClientListModel& model);

    // Takes the row count from the model and repaints (call after the model changed).
    void RefreshRows();

    // The selected row (the first when several are selected), or -1.
    long SelectedIndex() const;
    std::optional<core::ClientSummary> SelectedClient() const;

    // Selects only this row, gives it the keyboard focus mark and scrolls it into view.
    void SelectRow(long index);
    void ClearSelection();

    std::vector<int> ColumnWidths() const;
    void SetColumnWidths(const std::vector<int>& widths);

    // The text of one cell, as painted (for tests).
    wxString CellText(long row, long column) const { return OnGetItemText(row, column); }

  protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

  private:
    // The last column takes the width left over, so rows are painted to the edge.
    void StretchLastColumn();

    ClientListModel* m_model;
    core::Date m_today;
    mutable wxItemAttr m_archived_attr;
};

}  // namespace myodesk::app
