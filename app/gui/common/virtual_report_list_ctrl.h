#pragma once

#include <wx/listctrl.h>
#include <wx/settings.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace myodesk::app {

// A report list in wxLC_VIRTUAL mode: the derived class paints a row when asked
// (OnGetItemText) and holds none itself. Its columns are named by an enum, added in the order
// shown, so that one list can leave a column out and a test can ask for a cell by what it
// shows. One column takes the width the others leave, so rows are painted to the edge.
template <typename Column>
class VirtualReportListCtrl : public wxListCtrl {
  public:
    // The selected row, or -1.
    long SelectedIndex() const { return GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

    // Selects a row, gives it the keyboard focus mark and scrolls it into view; an index out
    // of range changes nothing.
    void SelectRow(long index) {
        if (index < 0 || index >= GetItemCount()) {
            return;
        }
        SetItemState(index, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                     wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        EnsureVisible(index);
    }

    // The list column of a column, or -1 when this list does not show it.
    long ColumnIndex(Column column) const {
        const auto found = std::find(m_columns.begin(), m_columns.end(), column);
        return found == m_columns.end() ? -1 : static_cast<long>(found - m_columns.begin());
    }

    // The text of one cell, as painted (for tests).
    wxString CellText(long row, Column column) const {
        const long index = ColumnIndex(column);
        return index < 0 ? wxString() : OnGetItemText(row, index);
    }

  protected:
    // `stretched` is the column that takes the width left over, but never less than
    // `min_stretched_width` (in DIPs).
    VirtualReportListCtrl(wxWindow* parent, wxWindowID id, Column stretched,
                          int min_stretched_width)
        : wxListCtrl(parent, id, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          m_stretched(stretched),
          m_min_stretched_width(min_stretched_width) {
        EnableAlternateRowColours(true);
        Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
            event.Skip();
            CallAfter(&VirtualReportListCtrl::StretchColumn);
        });
    }

    // Adds `column` on the right of those added before; `width` in pixels.
    void AddColumn(Column column, const wxString& heading, wxListColumnFormat format, int width) {
        m_columns.push_back(column);
        AppendColumn(heading, format, width);
    }

    // The column shown at a list column, or nothing out of range.
    std::optional<Column> ColumnAt(long index) const {
        if (index < 0 || static_cast<std::size_t>(index) >= m_columns.size()) {
            return std::nullopt;
        }
        return m_columns[static_cast<std::size_t>(index)];
    }

    // `attr` set on the row's stripe: a row with attributes of its own is not striped by wx.
    wxItemAttr* Striped(wxItemAttr& attr, long item) const {
        const wxColour alternate = GetAlternateRowColour();
        attr.SetBackgroundColour(item % 2 != 0 && alternate.IsOk() ? alternate : wxNullColour);
        return &attr;
    }

  private:
    void StretchColumn() {
        const long stretched = ColumnIndex(m_stretched);
        int others = 0;
        for (int column = 0; column < GetColumnCount(); ++column) {
            if (column != stretched) {
                others += GetColumnWidth(column);
            }
        }
        // Room is left for a vertical scroll bar so that no horizontal one appears.
        const int available =
            GetClientSize().x - others - wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
        const int width = std::max(FromDIP(m_min_stretched_width), available);
        if (stretched >= 0 && width != GetColumnWidth(static_cast<int>(stretched))) {
            SetColumnWidth(static_cast<int>(stretched), width);
        }
    }

    Column m_stretched;
    int m_min_stretched_width;  // DIPs
    std::vector<Column> m_columns;
};

}  // namespace myodesk::app
