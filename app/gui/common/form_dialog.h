#pragma once

#include <myodesk/core/validation.h>

#include <wx/dialog.h>

#include <functional>
#include <string_view>
#include <vector>

class wxKeyEvent;
class wxStdDialogButtonSizer;
class wxTextCtrl;

namespace myodesk::app {

class ProblemPanel;

// What every dialog of MyoDesk does the same way, so that each one only provides its
// controls, TransferDataToWindow/TransferDataFromWindow, what saving means (Save()) and
// whether it holds unsaved input (IsDirty()):
// - the standard buttons, in the platform's order, the affirmative one with the dialog's
//   own label ("&Save", "&Book", "&Add amendment");
// - the affirmative action (its button, Enter on it, and Ctrl+S in forms that save):
//   Validate(), TransferDataFromWindow() (which shows the problems), Save(), then closes;
// - Cancel, Escape and the close box ask before throwing away unsaved input;
// - problems listed in words with their fields tinted and the cursor in the first one;
// - the size and place remembered under the dialog's name (wxPersistentTLW);
// - database errors turned into one kind of message (ShowDatabaseError).
class FormDialog : public wxDialog {
  public:
    // `name` is the window's name and the key its size and place are remembered under.
    FormDialog(wxWindow* parent, const wxString& title, const wxString& name,
               long style = wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);

    // Whether the form holds input that closing it would throw away.
    virtual bool IsDirty() const { return false; }

    // What the affirmative button, and Ctrl+S in a form that saves, do: reads the form and,
    // when it is valid and Save() succeeds, closes with wxID_OK. False when the dialog stays
    // open.
    bool Affirm();
    // What Cancel, Escape and the close box do: asks first when IsDirty(), then closes with
    // the escape id. False when the user chose to keep editing.
    bool Dismiss();

    // What the last "this field is full" tip said (SayWhenFull); empty when none was shown.
    const wxString& FullNotice() const { return m_full_notice; }

  protected:
    // How a list of problems is shown by ShowProblems().
    struct ProblemDisplay {
        wxString heading_one;   // "This note cannot be saved yet:"
        wxString heading_many;  // "This note cannot be saved yet. Please check:"
        // The sentence of one problem; ProblemMessage(problem) when empty.
        std::function<wxString(const core::ValidationProblem&)> message;
        // The control of a field, or nullptr.
        std::function<wxWindow*(std::string_view field)> control_for;
        // The fields tinted for a problem; the problem's text control when empty.
        std::function<std::vector<wxWindow*>(const core::ValidationProblem&)> marked;
        int wrap_width = -1;  // -1: the dialog's width less a margin
    };

    // The affirmative button (`id`, e.g. wxID_SAVE or wxID_OK, with `label`) and a Cancel
    // button (or `cancel_label`), in a wxStdDialogButtonSizer; the affirmative one is the
    // default button (Enter in a field presses it) unless `enter_affirms` is false, for
    // long forms where Enter must never close the dialog.
    wxStdDialogButtonSizer* CreateFormButtons(int affirmative_id, const wxString& label,
                                              const wxString& tooltip = wxString(),
                                              const wxString& cancel_label = wxString(),
                                              bool enter_affirms = true);
    // A dialog that only shows something: one Close button, which Escape also presses.
    wxStdDialogButtonSizer* CreateCloseButton();

    // For a form that saves: Ctrl+S does the affirmative action.
    void EnableSaveShortcut();
    // `question` ("Throw away this note?") is asked, in a box titled `title` (the dialog's
    // title when empty), before unsaved input is thrown away.
    void SetDiscardQuestion(const wxString& question, const wxString& title = wxString());

    // Called by Affirm() once the form has been read and is valid: writes it (to the
    // database, through the caller's function). False keeps the dialog open.
    virtual bool Save() { return true; }
    // A key pressed anywhere in the dialog, before the base looks at Ctrl+S; true when the
    // dialog handled it (the section keys of the intake, Ctrl+Shift+S of the note).
    virtual bool HandleKey(wxKeyEvent& event);
    // Brings a field with a problem into view (its page shown, scrolled to) before the
    // cursor goes there.
    virtual void RevealField(wxWindow* field);

    // Shows `problems` (and `extra` lines) in `panel`, tints their fields, lays the dialog
    // out (growing it when the text does not fit) and puts the cursor in the first field.
    // With no problems it empties the panel.
    void ShowProblems(ProblemPanel& panel, const core::ValidationProblems& problems,
                      const ProblemDisplay& display, const std::vector<wxString>& extra = {});

    // A one-line field that holds at most `limit` characters: when typing or pasting reaches
    // the limit, a tip beside it says so, naming the field ("Given name: at most 100
    // characters; the rest was not taken."), instead of cutting the text without a word.
    void SayWhenFull(wxTextCtrl* text, const wxString& label, std::size_t limit);

    // Remembers the size and place under the dialog's name; the first time, `initial` (or
    // the size that fits the contents), centred on the parent, never bigger than the screen.
    void RestoreGeometry(const wxSize& initial = wxDefaultSize);

  private:
    void OnCharHook(wxKeyEvent& event);
    // Once shown: grows the window to what its contents need now that every control has its
    // real size, and centres it again unless its place was remembered.
    void FitOnceShown(bool place_remembered);

    wxString m_discard_question;
    wxString m_discard_title;
    bool m_save_shortcut = false;
    wxString m_full_notice;
};

}  // namespace myodesk::app
