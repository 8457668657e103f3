#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/training.h>

class wxChoice;
class wxTextCtrl;

namespace myodesk::app {

class DateField;

class ProblemLabel;

// One day of the training calendar: the date, the kind of run and its distance in the
// client's units (stored in km; none for a rest day). OK checks the distance
// (core::ValidateTrainingEntries) and stays open, saying what is wrong, until it is right.
class TrainingDayDialog : public FormDialog {
  public:
    TrainingDayDialog(wxWindow* parent, const wxString& title, core::TrainingEntry entry,
                      core::DistanceUnit units);

    const core::TrainingEntry& GetEntry() const { return m_entry; }

    DateField* DateCtrl() const { return m_date; }
    wxChoice* TypeChoice() const { return m_type; }
    wxTextCtrl* DistanceCtrl() const { return m_distance; }
    wxString ProblemText() const;

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

  private:
    void UpdateDistanceEnabled();

    core::TrainingEntry m_entry;
    core::DistanceUnit m_units;

    DateField* m_date = nullptr;
    wxChoice* m_type = nullptr;
    wxTextCtrl* m_distance = nullptr;
    ProblemLabel* m_problem = nullptr;
};

}  // namespace myodesk::app
