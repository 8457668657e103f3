#include "common/problem_panel.h"

#include <wx/artprov.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/textctrl.h>

namespace myodesk::app {

wxColour ProblemBackground() {
    return wxSystemSettings::GetAppearance().IsDark() ? wxColour(110, 30, 30)
                                                      : wxColour(255, 224, 224);
}

void FocusProblemField(wxWindow* field) {
    if (field == nullptr) {
        return;
    }
    field->SetFocus();
    if (auto* text = dynamic_cast<wxTextCtrl*>(field)) {
        text->SelectAll();
    }
}

ProblemPanel::ProblemPanel(wxWindow* parent, Style style) : wxPanel(parent) {
    const bool tinted = style == Style::kTinted;
    if (tinted) {
        SetBackgroundColour(ProblemBackground());
    }
    auto* icon = new wxStaticBitmap(
        this, wxID_ANY,
        wxArtProvider::GetBitmapBundle(wxART_WARNING, wxART_MESSAGE_BOX, wxSize(24, 24)));
    m_text = new wxStaticText(this, wxID_ANY, wxString());
    m_text->SetName("problems");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(icon, wxSizerFlags().Top().Border(tinted ? wxALL : wxRIGHT, FromDIP(8)));
    row->Add(m_text, wxSizerFlags(1).CentreVertical().Border(
                         tinted ? wxTOP | wxBOTTOM | wxRIGHT : 0, FromDIP(8)));
    SetSizer(row);
    Hide();
}

void ProblemPanel::ShowText(const wxString& text, int wrap_width) {
    m_text->SetLabelText(text);
    m_text->Wrap(wrap_width);
    Show();
}

void ProblemPanel::Clear() {
    for (wxWeakRef<wxWindow>& field : m_marked) {
        if (field) {
            field->SetBackgroundColour(wxNullColour);
            field->Refresh();
        }
    }
    m_marked.clear();
    m_text->SetLabelText(wxString());
    Hide();
}

void ProblemPanel::MarkField(wxWindow* field) {
    if (field == nullptr) {
        return;
    }
    field->SetBackgroundColour(ProblemBackground());
    field->Refresh();
    m_marked.emplace_back(field);
}

wxString ProblemPanel::Text() const {
    return IsShown() ? m_text->GetLabelText() : wxString();
}

ProblemLabel::ProblemLabel(wxWindow* parent) : wxStaticText(parent, wxID_ANY, wxString()) {
    SetName("problems");
    SetForegroundColour(wxSystemSettings::GetAppearance().IsDark() ? wxColour(0xff, 0x8a, 0x80)
                                                                   : wxColour(0xb0, 0x00, 0x20));
    Hide();
}

void ProblemLabel::ShowText(const wxString& text) {
    SetLabelText(text);
    Show(!text.empty());
}

wxString ProblemLabel::Text() const {
    return IsShown() ? GetLabelText() : wxString();
}

}  // namespace myodesk::app
