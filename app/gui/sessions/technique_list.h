#pragma once

#include <myodesk/core/session_note.h>

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <vector>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

class NoteCautions;

// The techniques of a session note: two columns of "[x] Technique [minutes] min" under a
// heading that adds the minutes up against the session's length. Ticking a technique fills
// in what is left of the session; deep tissue under a modify flag asks first.
class TechniqueList : public wxPanel {
  public:
    // `duration` reads the session's length in minutes as typed (nullopt while unreadable).
    TechniqueList(wxWindow* parent, const NoteCautions& cautions,
                  std::function<std::optional<int>()> duration);

    void Load(const std::vector<core::TechniqueUse>& techniques);
    // The ticked techniques in core::AllTechniques() order; unreadable minutes read as 0
    // (validation reports them as out of range).
    std::vector<core::TechniqueUse> Read() const;

    wxCheckBox* Box(core::Technique technique) const;
    wxTextCtrl* Minutes(core::Technique technique) const;
    // The minutes of the first ticked technique, or the first box when none is ticked: where
    // a problem with the techniques as a whole is fixed.
    wxWindow* FirstField() const;

    // Shows the minutes ticked against the session's length, in red when they are more.
    void UpdateTotal();

  private:
    void OnBox(wxCommandEvent& event);

    const NoteCautions& m_cautions;
    std::function<std::optional<int>()> m_duration;
    std::vector<wxCheckBox*> m_boxes;    // in core::AllTechniques() order
    std::vector<wxTextCtrl*> m_minutes;  // likewise
    wxStaticText* m_total = nullptr;
};

}  // namespace myodesk::app
