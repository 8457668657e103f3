#pragma once

#include "intake/contraindication_banner.h"

#include <wx/panel.h>

#include <vector>

class wxBoxSizer;
class wxStaticBitmap;
class wxStaticText;

namespace myodesk::app {

// The coloured band that shows a ContraindicationBanner: a warning (amber) or stop (red) icon and
// one line per flag. Hidden when the banner has no flags. Used by the client workspace and the
// session note editor, so that both warn in the same words and colours.
class ContraindicationBannerPanel : public wxPanel {
  public:
    // `scale` enlarges the text (the workspace header uses 1.15, the note editor 1.0).
    explicit ContraindicationBannerPanel(wxWindow* parent, float scale = 1.15f);

    // Shows the banner's sentences, or hides the panel when its level is kNone. The caller
    // lays out the parent.
    void SetBanner(const ContraindicationBanner& banner);

    // The sentences shown, one per line.
    wxString Text() const;
    wxColour Background() const { return GetBackgroundColour(); }

  private:
    float m_scale;
    wxStaticBitmap* m_icon = nullptr;
    wxBoxSizer* m_lines = nullptr;
    std::vector<wxStaticText*> m_texts;
};

}  // namespace myodesk::app
