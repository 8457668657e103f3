#pragma once

#include "common/virtual_report_list_ctrl.h"

namespace myodesk::app {

class PlanController;

// The columns of PlanSessionListCtrl, named outside it because its base is made for them.
enum class PlanSessionColumn {
    kDate,
    kPhase,
    kTechniques,
    kDuration,
    kPressure,
    kRegions,
    kStatus
};

// The virtual report list of a plan's sessions, by date: day, phase, techniques, duration,
// highest pressure, focus regions with side, status. It asks the PlanController for the rows
// it paints and never holds rows itself. Booked sessions are bold, skipped ones and planned
// ones of days gone by grey.
class PlanSessionListCtrl : public VirtualReportListCtrl<PlanSessionColumn> {
  public:
    using Column = PlanSessionColumn;

    // The controller must outlive the control.
    PlanSessionListCtrl(wxWindow* parent, wxWindowID id, PlanController& plan);

    // Takes the row count from the controller and repaints (after the plan changed).
    void RefreshRows();

  protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

  private:
    PlanController* m_plan;
    mutable wxItemAttr m_booked_attr;
    mutable wxItemAttr m_faded_attr;
};

}  // namespace myodesk::app
