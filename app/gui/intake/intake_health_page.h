#pragma once

#include "intake/intake_page.h"

#include <myodesk/core/codes.h>

#include <map>

class wxCheckBox;
class wxChoice;
class wxStaticBoxSizer;

namespace myodesk::app {

// The health history: a checklist of conditions by body system, pregnancy, and the rows that
// say where on the body a regional condition (bruising, varicose veins...) is. Ticking a
// regional condition adds its row; removing the last row of one unticks it.
class IntakeHealthPage : public IntakePage {
  public:
    explicit IntakeHealthPage(wxSimplebook* book);

    void Load(const core::Client& client, const core::Intake& intake) override;
    // The conditions on the body first (so that "health.conditions[i]" is row i of their
    // list), then the checklist in its order.
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;
    // Also "health.conditions[i]" beyond the rows: the i-th ticked checklist condition.
    wxWindow* ControlFor(std::string_view field) const override;

    // The checklist box of a condition.
    wxCheckBox* ConditionBox(core::ConditionCode condition) const;

  private:
    void CreateChecklist();
    void CreatePregnancyRow(wxStaticBoxSizer* reproductive);
    void CreateRegionalRows();
    void OnConditionBox(wxCommandEvent& event);
    void AddRegionalConditionRow(core::ConditionCode condition);
    void SyncConditionBoxes();

    std::vector<core::ConditionCode> m_regional_conditions;
    // Dates of non-regional conditions, which the form does not show, kept for the copy.
    std::map<core::ConditionCode, core::Date> m_condition_since;
    std::map<core::ConditionCode, wxCheckBox*> m_condition_boxes;
    FormRowsPanel* m_regional = nullptr;
    wxCheckBox* m_pregnant = nullptr;
    wxChoice* m_pregnancy_weeks = nullptr;
};

}  // namespace myodesk::app
