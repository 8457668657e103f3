#pragma once

#include "intake/intake_page.h"

class wxCheckBox;
class wxDatePickerCtrl;
class wxTextCtrl;

namespace myodesk::app {

// The consent statement, accepted and signed with the client's typed name.
class IntakeConsentPage : public IntakePage {
  public:
    explicit IntakeConsentPage(wxSimplebook* book);

    void Load(const core::Client& client, const core::Intake& intake) override;
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;

  private:
    wxCheckBox* m_accepted = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxDatePickerCtrl* m_date = nullptr;
};

}  // namespace myodesk::app
