#pragma once

#include "intake/intake_page.h"

namespace myodesk::app {

// Where it is sore today with the client's pain score, and the areas the client does not
// want worked on.
class IntakeSorenessPage : public IntakePage {
  public:
    explicit IntakeSorenessPage(wxSimplebook* book);

    void Load(const core::Client& client, const core::Intake& intake) override;
    // Every column of a row must be chosen.
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;

  private:
    static core::RegionSide ReadRegionSide(const FormRowsPanel* list, std::size_t row,
                                           core::ValidationProblems& problems);

    FormRowsPanel* m_soreness = nullptr;
    FormRowsPanel* m_avoid = nullptr;
};

}  // namespace myodesk::app
