#pragma once

#include "intake/intake_page.h"

class wxRadioBox;
class wxTextCtrl;

namespace myodesk::app {

// How firm the client likes the work, and notes (sensitivities, oils, hopes).
class IntakePreferencesPage : public IntakePage {
  public:
    explicit IntakePreferencesPage(wxSimplebook* book);

    void Load(const core::Client& client, const core::Intake& intake) override;
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;

  private:
    wxRadioBox* m_pressure = nullptr;
    wxTextCtrl* m_notes = nullptr;
};

}  // namespace myodesk::app
