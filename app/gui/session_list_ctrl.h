#pragma once

#include "session_list_model.h"

#include <myodesk/core/client.h>

#include <wx/listctrl.h>

#include <functional>
#include <optional>
#include <vector>

namespace myodesk::app {

// The virtual report list of session notes: it asks SessionListModel for the rows it paints
// and never holds rows itself. Unsigned notes stand out (bold, amber "Unsigned"). With a
// client-name function it is the list of every client's unsigned notes: a Client column, and
// no Status column (all are unsigned).
class SessionListCtrl : public wxListCtrl {
  public:
    using ClientNameFunction = std::function<wxString(core::ClientId)>;

    enum class Column { kClient, kDate, kTime, kTherapist, kTechniques, kRegions, kStatus };

    SessionListCtrl(wxWindow* parent, wxWindowID id, SessionListModel& model,
                    ClientNameFunction client_name = {});

    // Takes the row count from the model and repaints (call after the model changed).
    void RefreshRows();

    long SelectedIndex() const;
    std::optional<db::SessionNoteSummary> SelectedNote() const;
    void SelectRow(long index);

    // The list column of a column, or -1 when this list does not show it.
    long ColumnIndex(Column column) const;
    // The text of one cell, as painted (for tests).
    wxString CellText(long row, Column column) const;

  protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

  private:
    void StretchColumn();

    SessionListModel* m_model;
    ClientNameFunction m_client_name;
    std::vector<Column> m_columns;
    mutable wxItemAttr m_unsigned_attr;
};

}  // namespace myodesk::app
