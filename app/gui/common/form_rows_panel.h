#pragma once

#include <wx/panel.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

class wxButton;
class wxFlexGridSizer;
class wxStaticText;

namespace myodesk::app {

// A small editable list inside a form: one row of real controls per item (so Tab, arrows and
// typing work as everywhere else), a Remove button at the end of each row and an Add button
// under the rows. The form creates each row's controls through a factory and reads them
// back; the panel only adds, removes and lays out rows.
class FormRowsPanel : public wxPanel {
  public:
    struct Column {
        wxString heading;
        std::string field;  // the field name in the model's JSON path ("region")
        int width = -1;     // in DIPs; -1 for the control's best width
        bool grow = false;  // takes the width left over
    };
    // Creates one row's controls, in column order, as children of `parent`.
    using RowFactory = std::function<std::vector<wxWindow*>(wxWindow* parent)>;

    // `path` is the list's JSON path ("soreness", "health.medications"); rows are named
    // path[index].field. When every heading is empty the panel has no heading row (the form
    // shows its own, e.g. above a scrolled area).
    FormRowsPanel(wxWindow* parent, std::string path, std::vector<Column> columns,
                  RowFactory factory, const wxString& add_label, const wxString& empty_text);

    const std::string& Path() const { return m_path; }
    std::size_t RowCount() const { return m_rows.size(); }
    std::size_t ColumnCount() const { return m_columns.size(); }

    // The control in a row's column, or nullptr.
    wxWindow* Cell(std::size_t row, std::size_t column) const;
    // The control in a row's column, of the type its factory made; throws std::logic_error
    // when there is no such cell or it is of another type (a programming error).
    template <typename Control>
    Control* CellAs(std::size_t row, std::size_t column) const {
        auto* control = dynamic_cast<Control*>(Cell(row, column));
        if (control == nullptr) {
            throw std::logic_error("FormRowsPanel " + m_path + ": no such cell");
        }
        return control;
    }

    // The control for "path[row].field", or for the path itself the Add button; nullptr when
    // the path is not this list's.
    wxWindow* ControlFor(std::string_view path) const;

    // Adds a row at the end and returns its index. Does not move the focus.
    std::size_t AddRow();
    void RemoveRow(std::size_t row);
    void Clear();

    // Changes a column's heading (e.g. when the unit of a distance changes).
    void SetHeading(std::size_t column, const wxString& heading);

    wxButton* AddButton() const { return m_add; }
    wxButton* RemoveButton(std::size_t row) const { return m_remove.at(row); }

    // Rows added from now on get a narrow "✕" remove button (with a tooltip) instead of
    // "Remove", for tight forms.
    void UseCompactRemoveButtons() { m_compact_remove = true; }

    // Called after the user added or removed a row (not after AddRow/RemoveRow/Clear).
    void SetOnRowsChanged(std::function<void()> on_changed) {
        m_on_changed = std::move(on_changed);
    }

  private:
    void OnAddButton(wxCommandEvent& event);
    void OnRemoveButton(wxCommandEvent& event);
    void UpdateLayout();

    std::string m_path;
    std::vector<Column> m_columns;
    RowFactory m_factory;
    std::function<void()> m_on_changed;
    bool m_compact_remove = false;

    wxFlexGridSizer* m_grid = nullptr;
    std::vector<wxStaticText*> m_headings;
    wxStaticText* m_empty = nullptr;
    wxButton* m_add = nullptr;
    std::vector<std::vector<wxWindow*>> m_rows;
    std::vector<wxButton*> m_remove;
};

}  // namespace myodesk::app
