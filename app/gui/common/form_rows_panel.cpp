#include "common/form_rows_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <charconv>
#include <utility>

namespace myodesk::app {

FormRowsPanel::FormRowsPanel(wxWindow* parent, std::string path, std::vector<Column> columns,
                             RowFactory factory, const wxString& add_label,
                             const wxString& empty_text)
    : wxPanel(parent, wxID_ANY),
      m_path(std::move(path)),
      m_columns(std::move(columns)),
      m_factory(std::move(factory)) {
    SetName(m_path);
    m_grid = new wxFlexGridSizer(static_cast<int>(m_columns.size()) + 1, FromDIP(wxSize(8, 4)));
    const bool has_headings =
        std::any_of(m_columns.begin(), m_columns.end(),
                    [](const Column& column) { return !column.heading.empty(); });
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (has_headings) {
            auto* heading = new wxStaticText(this, wxID_ANY, m_columns[i].heading);
            heading->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            m_headings.push_back(heading);
            m_grid->Add(heading, wxSizerFlags().Bottom());
        }
        if (m_columns[i].grow) {
            m_grid->AddGrowableCol(i, 1);
        }
    }
    if (has_headings) {
        m_grid->AddSpacer(0);
    }

    m_empty = new wxStaticText(this, wxID_ANY, empty_text);
    m_empty->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_add = new wxButton(this, wxID_ANY, add_label);
    m_add->SetName(m_path + ".add");
    m_add->Bind(wxEVT_BUTTON, &FormRowsPanel::OnAddButton, this);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_grid, wxSizerFlags().Expand());
    sizer->Add(m_empty, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(4)));
    sizer->Add(m_add, wxSizerFlags().Left().Border(wxTOP, FromDIP(6)));
    SetSizer(sizer);
    UpdateLayout();
}

wxWindow* FormRowsPanel::Cell(std::size_t row, std::size_t column) const {
    if (row >= m_rows.size() || column >= m_columns.size()) {
        return nullptr;
    }
    return m_rows[row][column];
}

wxWindow* FormRowsPanel::ControlFor(std::string_view path) const {
    if (path.substr(0, m_path.size()) != m_path) {
        return nullptr;
    }
    std::string_view rest = path.substr(m_path.size());
    if (rest.empty()) {
        return m_add;
    }
    if (rest.front() != '[') {
        return nullptr;
    }
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) {
        return nullptr;
    }
    std::size_t row = 0;
    const std::string_view digits = rest.substr(1, close - 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), row).ec != std::errc{}) {
        return nullptr;
    }
    if (row >= m_rows.size()) {
        return m_add;
    }
    rest = rest.substr(close + 1);
    if (rest.size() > 1 && rest.front() == '.') {
        const std::string_view field = rest.substr(1);
        for (std::size_t column = 0; column < m_columns.size(); ++column) {
            if (field == m_columns[column].field) {
                return m_rows[row][column];
            }
        }
    }
    return m_rows[row].front();
}

std::size_t FormRowsPanel::AddRow() {
    std::vector<wxWindow*> controls = m_factory(this);
    for (std::size_t column = 0; column < controls.size(); ++column) {
        wxWindow* control = controls[column];
        const Column& spec = m_columns.at(column);
        if (spec.width > 0) {
            control->SetMinSize(wxSize(FromDIP(spec.width), -1));
        }
        control->MoveBeforeInTabOrder(m_add);
        m_grid->Add(control, spec.grow ? wxSizerFlags().Expand().CentreVertical()
                                       : wxSizerFlags().CentreVertical());
    }
    wxButton* remove = nullptr;
    if (m_compact_remove) {
        remove = new wxButton(this, wxID_ANY, wxString::FromUTF8("✕"), wxDefaultPosition,
                              wxDefaultSize, wxBU_EXACTFIT);
        remove->SetMinSize(wxSize(remove->GetBestSize().y, -1));
    } else {
        remove = new wxButton(this, wxID_ANY, _("Remove"));
    }
    remove->SetToolTip(_("Remove this row"));
    remove->MoveBeforeInTabOrder(m_add);
    remove->Bind(wxEVT_BUTTON, &FormRowsPanel::OnRemoveButton, this);
    m_grid->Add(remove, wxSizerFlags().CentreVertical());

    m_rows.push_back(std::move(controls));
    m_remove.push_back(remove);
    const std::size_t index = m_rows.size() - 1;
    for (std::size_t column = 0; column < m_rows[index].size(); ++column) {
        m_rows[index][column]->SetName(m_path + "[" + std::to_string(index) + "]." +
                                       m_columns[column].field);
    }
    UpdateLayout();
    return index;
}

void FormRowsPanel::RemoveRow(std::size_t row) {
    if (row >= m_rows.size()) {
        return;
    }
    for (wxWindow* control : m_rows[row]) {
        m_grid->Detach(control);
        control->Destroy();
    }
    m_grid->Detach(m_remove[row]);
    m_remove[row]->Destroy();
    m_rows.erase(m_rows.begin() + static_cast<std::ptrdiff_t>(row));
    m_remove.erase(m_remove.begin() + static_cast<std::ptrdiff_t>(row));
    // Rows after it moved up: their names follow their index.
    for (std::size_t index = row; index < m_rows.size(); ++index) {
        for (std::size_t column = 0; column < m_rows[index].size(); ++column) {
            m_rows[index][column]->SetName(m_path + "[" + std::to_string(index) + "]." +
                                           m_columns[column].field);
        }
    }
    UpdateLayout();
}

void FormRowsPanel::Clear() {
    while (!m_rows.empty()) {
        RemoveRow(m_rows.size() - 1);
    }
}

void FormRowsPanel::SetHeading(std::size_t column, const wxString& heading) {
    if (column < m_headings.size()) {
        m_headings[column]->SetLabel(heading);
        m_columns[column].heading = heading;
        Layout();
    }
}

void FormRowsPanel::OnAddButton(wxCommandEvent&) {
    const std::size_t row = AddRow();
    m_rows[row].front()->SetFocus();
    if (m_on_changed) {
        m_on_changed();
    }
}

void FormRowsPanel::OnRemoveButton(wxCommandEvent& event) {
    const auto found = std::find(m_remove.begin(), m_remove.end(), event.GetEventObject());
    if (found == m_remove.end()) {
        return;
    }
    const auto row = static_cast<std::size_t>(found - m_remove.begin());
    // The button that was clicked is destroyed with its row: not while it handles the click.
    CallAfter([this, row] {
        RemoveRow(row);
        if (row < m_rows.size()) {
            m_rows[row].front()->SetFocus();
        } else if (!m_rows.empty()) {
            m_rows.back().front()->SetFocus();
        } else {
            m_add->SetFocus();
        }
        if (m_on_changed) {
            m_on_changed();
        }
    });
}

void FormRowsPanel::UpdateLayout() {
    const bool has_rows = !m_rows.empty();
    for (wxStaticText* heading : m_headings) {
        heading->Show(has_rows);
    }
    m_empty->Show(!has_rows && !m_empty->GetLabel().empty());
    Layout();
    // The rows change the height of the page they are on: every parent lays out again, and
    // a scrolled page updates its scroll range.
    for (wxWindow* window = GetParent(); window != nullptr; window = window->GetParent()) {
        if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(window)) {
            scrolled->FitInside();
        }
        window->Layout();
        if (window->IsTopLevel()) {
            break;
        }
    }
}

}  // namespace myodesk::app
