#pragma once

#include "clients/client_list_model.h"

#include <myodesk/core/date.h>
#include <myodesk/services/context.h>

#include <wx/listctrl.h>

#include <functional>
#include <optional>
#include <vector>

namespace myodesk::app {

// The virtual report list of clients: it asks ClientListModel for the rows it paints and
// never holds rows itself. Archived clients are shown greyed with "(archived)". When a search
// has more matches than found so far, painting its last row finds the next page (after the
// paint) and the list grows.
class ClientListCtrl : public wxListCtrl {
  public:
    enum Column : long { kName, kDateOfBirth, kAge, kPhone, kEmail, kColumnCount };

    // The model and the clock (ages are counted on its today) must outlive the list.
    ClientListCtrl(wxWindow* parent, wxWindowID id, ClientListModel& model,
                   const services::Clock& clock);

    // Takes the row count from the model and repaints (call after the model changed).
    void RefreshRows();

    // Called after the list grew because a search found more rows (the status bar's count).
    void OnRowsFound(std::function<void()> handler) { m_rows_found = std::move(handler); }

    // Finds the next page of the search when there is one, and grows the list; what painting
    // the last row asks for (public for tests).
    void FindMoreRows();

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
    const services::Clock* m_clock;
    core::Date m_today;
    mutable wxItemAttr m_archived_attr;
    std::function<void()> m_rows_found;
    mutable bool m_finding_more = false;  // FindMoreRows is queued
};

}  // namespace myodesk::app
