#pragma once

#include "intake/intake_page.h"

class wxTextCtrl;

namespace myodesk::app {

// Medications with their kind (blood thinners, steroids... change how the therapist works),
// and allergies.
class IntakeMedicationsPage : public IntakePage {
  public:
    explicit IntakeMedicationsPage(wxSimplebook* book);

    void Load(const core::Client& client, const core::Intake& intake) override;
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;

  private:
    FormRowsPanel* m_medications = nullptr;
    wxTextCtrl* m_allergies = nullptr;
};

}  // namespace myodesk::app
