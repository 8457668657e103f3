#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>

class wxRadioButton;
class wxTextCtrl;

namespace myodesk::app {

class ProblemLabel;

// Adds or changes one staff member: the name and the role (therapist or manager). OK
// validates with core::ValidateStaff and stays open, saying what is wrong, until the name is
// acceptable. Saving is the caller's job.
class StaffMemberDialog : public FormDialog {
  public:
    StaffMemberDialog(wxWindow* parent, const wxString& title, core::Staff staff);

    const core::Staff& GetStaff() const { return m_staff; }

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    wxTextCtrl* NameCtrl() const { return m_name; }
    wxRadioButton* ManagerButton() const { return m_manager; }
    wxString ProblemText() const;

  private:
    core::Staff m_staff;
    wxTextCtrl* m_name = nullptr;
    wxRadioButton* m_therapist = nullptr;
    wxRadioButton* m_manager = nullptr;
    wxRadioButton* m_owner = nullptr;
    wxRadioButton* m_front_desk = nullptr;
    ProblemLabel* m_problem = nullptr;
};

}  // namespace myodesk::app
