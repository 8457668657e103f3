#include "intake/contraindication_banner_panel.h"

#include <wx/artprov.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

namespace myodesk::app {

ContraindicationBannerPanel::ContraindicationBannerPanel(wxWindow* parent, float scale)
    : wxPanel(parent, wxID_ANY), m_scale(scale) {
    SetName("contraindication_banner");
    m_icon = new wxStaticBitmap(
        this, wxID_ANY,
        wxArtProvider::GetBitmapBundle(wxART_WARNING, wxART_MESSAGE_BOX, wxSize(32, 32)));
    m_lines = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(m_icon, wxSizerFlags().Top().Border(wxALL, FromDIP(10)));
    row->Add(m_lines,
             wxSizerFlags(1).CentreVertical().Border(wxTOP | wxBOTTOM | wxRIGHT, FromDIP(10)));
    SetSizer(row);
    Hide();
}

void ContraindicationBannerPanel::SetBanner(const ContraindicationBanner& banner) {
    m_lines->Clear(true);
    m_texts.clear();
    if (banner.level == BannerLevel::kNone) {
        Hide();
        return;
    }
    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    const BannerColours colours = ColoursFor(banner.level, dark);
    SetBackgroundColour(colours.background);
    m_icon->SetBitmap(wxArtProvider::GetBitmapBundle(
        banner.level == BannerLevel::kStop ? wxART_ERROR : wxART_WARNING, wxART_MESSAGE_BOX,
        wxSize(32, 32)));
    for (const wxString& sentence : banner.sentences) {
        auto* text = new wxStaticText(this, wxID_ANY, sentence);
        text->SetForegroundColour(colours.text);
        wxFont font = text->GetFont().Scaled(m_scale);
        if (banner.level == BannerLevel::kStop) {
            font.MakeBold();
        }
        text->SetFont(font);
        m_lines->Add(text, wxSizerFlags().Border(wxBOTTOM, FromDIP(2)));
        m_texts.push_back(text);
    }
    Show();
    Layout();
}

wxString ContraindicationBannerPanel::Text() const {
    wxString text;
    for (const wxStaticText* line : m_texts) {
        if (!text.empty()) {
            text << '\n';
        }
        text << line->GetLabelText();
    }
    return text;
}

}  // namespace myodesk::app
