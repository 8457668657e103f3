#pragma once

#include "intake/intake_page.h"

namespace myodesk::app {

// Surgeries and injuries with their dates: a recent one means avoiding that area.
class IntakeHistoryPage : public IntakePage {
  public:
    // `today` stands in for a missing date while the form is read (the problem is reported).
    IntakeHistoryPage(wxSimplebook* book, const core::Date& today);

    void Load(const core::Client& client, const core::Intake& intake) override;
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;

  private:
    FormRowsPanel* AddEventList(const wxString& title, std::string path, bool injuries,
                                const wxString& add_label, const wxString& empty_text, int border);
    static void LoadEvents(FormRowsPanel* list, const std::vector<core::HealthEvent>& events,
                           bool injuries);
    std::vector<core::HealthEvent> ReadEvents(const FormRowsPanel* list, bool injuries,
                                              core::ValidationProblems& problems) const;

    core::Date m_today;
    FormRowsPanel* m_surgeries = nullptr;
    FormRowsPanel* m_injuries = nullptr;
};

}  // namespace myodesk::app
