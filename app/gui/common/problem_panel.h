#pragma once

#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include <vector>

namespace myodesk::app {

// How a form says why it cannot be saved yet: ProblemPanel, a strip with a warning icon, for
// forms with many fields; ProblemLabel, a line of red text, for a dialog of a few fields.
// The sentences themselves come from problem_message.h.

// The background of a field with a problem (and of a tinted ProblemPanel).
wxColour ProblemBackground();

// Gives the keyboard focus to a field with a problem and selects its text, so that typing
// replaces what was wrong. Null is ignored.
void FocusProblemField(wxWindow* field);

// A warning icon beside the sentences, hidden while there is nothing to say. It tints the
// fields it speaks of and takes the tint off again when it is cleared.
class ProblemPanel : public wxPanel {
  public:
    enum class Style {
        kPlain,   // on the dialog's background
        kTinted,  // on ProblemBackground(), with a margin inside
    };

    ProblemPanel(wxWindow* parent, Style style);

    // Shows `text`, wrapped at `wrap_width` pixels; the caller lays the dialog out again.
    void ShowText(const wxString& text, int wrap_width);
    // Empties and hides the strip and takes the tint off the fields marked.
    void Clear();
    // Tints a field until the next Clear(). Null is ignored.
    void MarkField(wxWindow* field);

    // What the strip says, or empty while it is hidden.
    wxString Text() const;

  private:
    wxStaticText* m_text = nullptr;
    std::vector<wxWeakRef<wxWindow>> m_marked;  // weak: a row editor may delete its fields
};

// The sentences in red under the fields, hidden while there is nothing to say.
class ProblemLabel : public wxStaticText {
  public:
    explicit ProblemLabel(wxWindow* parent);

    // Shows `text`, or hides the label when it is empty; the caller lays the dialog out again.
    void ShowText(const wxString& text);

    // What the label says, or empty while it is hidden.
    wxString Text() const;
};

}  // namespace myodesk::app
