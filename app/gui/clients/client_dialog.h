#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/client.h>
#include <myodesk/core/validation.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

class wxCommandEvent;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace myodesk::app {

class DateField;
class ProblemPanel;

// Adds or edits one client. Every field of core::Client has a control; Save validates with
// core::ValidateClient and, when something is wrong, keeps the dialog open, says what in
// words and puts the cursor in the first field to fix. Saving to the database is the
// caller's job (MainFrame), so the dialog needs no database.
class ClientDialog : public FormDialog {
  public:
    // Ages and dates of birth are checked against `today` (the desk's, from the context).
    ClientDialog(wxWindow* parent, const wxString& title, core::Client client,
                 const core::Date& today);

    // The client as read from the controls by the last successful TransferDataFromWindow().
    const core::Client& GetClient() const { return m_client; }

    bool TransferDataToWindow() override;
    // Reads and validates the controls. Returns false, showing the problems, when the client
    // cannot be saved: the dialog then stays open.
    bool TransferDataFromWindow() override;

    // The problems found by the last TransferDataFromWindow() and the text shown for them.
    const core::ValidationProblems& Problems() const { return m_problems; }
    wxString ProblemText() const;
    // What the line beside the date of birth says: the age, or how to type the date.
    wxString AgeText() const;

    // The control that edits a field (names from core::client_field), or nullptr. Each
    // control's window name is also the field name.
    wxWindow* ControlFor(std::string_view field) const;

  protected:
    bool IsDirty() const override { return !(ReadControls() == m_client); }

  private:
    void AddLabel(wxWindow* parent, wxSizer* grid, const wxString& text,
                  std::vector<wxStaticText*>& column, bool top = false);
    wxTextCtrl* AddText(wxWindow* parent, wxSizer* grid, std::string_view field,
                        std::size_t max_length, int lines = 1);
    wxSizer* CreateIdentitySection();
    wxSizer* CreateContactSection();
    wxSizer* CreateEmergencySection();
    wxSizer* CreateCareSection();
    wxSizer* CreateNotesSection();

    core::Client ReadControls() const;
    void ShowProblems();
    void OnDateOfBirthChanged(wxCommandEvent& event);
    void UpdateAge();

    core::Client m_client;
    core::Date m_today;
    core::ValidationProblems m_problems;

    std::map<std::string, wxWindow*, std::less<>> m_controls;
    std::vector<wxStaticText*> m_left_labels;
    std::vector<wxStaticText*> m_right_labels;
    wxTextCtrl* m_given_name = nullptr;
    wxTextCtrl* m_family_name = nullptr;
    wxTextCtrl* m_preferred_name = nullptr;
    DateField* m_date_of_birth = nullptr;
    wxStaticText* m_age = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxTextCtrl* m_emergency_contact_name = nullptr;
    wxTextCtrl* m_emergency_contact_phone = nullptr;
    wxTextCtrl* m_physician = nullptr;
    wxTextCtrl* m_referral_source = nullptr;
    wxTextCtrl* m_notes = nullptr;
    ProblemPanel* m_problem_panel = nullptr;
};

}  // namespace myodesk::app
