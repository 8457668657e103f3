#include "common/empty_list_page.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace myodesk::app {

void FitToText(wxStaticText* text) {
    text->SetMinSize(text->GetTextExtent(text->GetLabelText()));
}

wxPanel* NewEmptyListPage(wxWindow* parent, const wxString& title, const wxString& text,
                          int wrap_width) {
    auto* page = new wxPanel(parent);
    page->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    auto* heading = new wxStaticText(page, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                                     wxALIGN_CENTRE_HORIZONTAL);
    heading->SetFont(heading->GetFont().Scaled(1.3f).Bold());
    FitToText(heading);
    auto* sentence = new wxStaticText(page, wxID_ANY, text, wxDefaultPosition, wxDefaultSize,
                                      wxALIGN_CENTRE_HORIZONTAL);
    sentence->Wrap(wrap_width);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(2);
    sizer->Add(heading, wxSizerFlags().CentreHorizontal());
    sizer->AddSpacer(page->FromDIP(10));
    sizer->Add(sentence, wxSizerFlags().CentreHorizontal());
    sizer->AddStretchSpacer(3);
    page->SetSizer(sizer);
    return page;
}

}  // namespace myodesk::app
