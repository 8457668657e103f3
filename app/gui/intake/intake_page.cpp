#include "intake/intake_page.h"

#include "common/form_rows_panel.h"
#include "intake/intake_fields.h"

#include <wx/menuitem.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

namespace myodesk::app {

IntakePage::IntakePage(wxSimplebook* book, const wxString& title, const wxString& help)
    : wxScrolledWindow(book, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxHSCROLL | wxTAB_TRAVERSAL) {
    // Scrolls only when the dialog is smaller than the page (a small screen).
    SetScrollRate(FromDIP(12), FromDIP(12));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, wxStripMenuCodes(title));
    heading->SetFont(heading->GetFont().Scaled(1.25f).Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    if (!help.empty()) {
        auto* help_text = intake_fields::NewGreyText(this, help);
        help_text->Wrap(FromDIP(720));
        sizer->Add(help_text, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    }
    m_content = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_content, wxSizerFlags(1).Expand().Border(wxRIGHT, FromDIP(12)));
    SetSizer(sizer);
    book->AddPage(this, wxStripMenuCodes(title));
}

wxWindow* IntakePage::ControlFor(std::string_view field) const {
    if (const auto found = m_controls.find(field); found != m_controls.end()) {
        return found->second;
    }
    for (const FormRowsPanel* list : m_lists) {
        if (wxWindow* control = list->ControlFor(field)) {
            return control;
        }
    }
    return nullptr;
}

void IntakePage::AddControl(std::string field, wxWindow* control) {
    m_controls.emplace(std::move(field), control);
}

void IntakePage::AddList(FormRowsPanel* list) {
    m_lists.push_back(list);
}

}  // namespace myodesk::app
