#pragma once

#include "intake/intake_page.h"

class wxCheckBox;
class wxTextCtrl;

namespace myodesk::app {

class DateField;

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
    DateField* m_date = nullptr;
};

}  // namespace myodesk::app
