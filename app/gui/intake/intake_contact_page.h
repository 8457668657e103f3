#pragma once

#include "intake/intake_page.h"

class wxTextCtrl;

namespace myodesk::app {

// How to reach the client and who to call in an emergency: the client's record, saved with
// the intake.
class IntakeContactPage : public IntakePage {
  public:
    IntakeContactPage(wxSimplebook* book, const core::Client& client);

    void Load(const core::Client& client, const core::Intake& intake) override;
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;
    // Shows the client's contact details again (as saved at another desk).
    void LoadClient(const core::Client& client);

  private:
    wxTextCtrl* AddText(wxSizer* grid, std::string_view name, std::size_t limit, bool multi_line);

    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxTextCtrl* m_emergency_name = nullptr;
    wxTextCtrl* m_emergency_phone = nullptr;
    wxTextCtrl* m_physician = nullptr;
};

}  // namespace myodesk::app
