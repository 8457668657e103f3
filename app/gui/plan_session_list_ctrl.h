#pragma once

#include <wx/listctrl.h>

#include <vector>

namespace myodesk::app {

class PlanController;

// The virtual report list of a plan's sessions, by date: day, phase, techniques, duration,
// highest pressure, focus regions with side, status. It asks the PlanController for the rows
// it paints and never holds rows itself. Booked sessions are bold, skipped ones and planned
// ones of days gone by grey.
class PlanSessionListCtrl : public wxListCtrl {
  public:
    enum class Column { kDate, kPhase, kTechniques, kDuration, kPressure, kRegions, kStatus };

    // The controller must outlive the control.
    PlanSessionListCtrl(wxWindow* parent, wxWindowID id, PlanController& plan);

    // Takes the row count from the controller and repaints (after the plan changed).
    void RefreshRows();

    long SelectedIndex() const;
    void SelectRow(long index);

    long ColumnIndex(Column column) const;
    // The text of one cell, as painted (for tests).
    wxString CellText(long row, Column column) const;

  protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

  private:
    void StretchColumn();

    PlanController* m_plan;
    std::vector<Column> m_columns;
    mutable wxItemAttr m_booked_attr;
    mutable wxItemAttr m_faded_attr;
};

}  // namespace myodesk::app
