#pragma once

#include "intake/intake_page.h"

class wxChoice;
class wxFlexGridSizer;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

class DateField;

// The runner profile: training now, the goal race, recent runs. Distances are typed in the
// client's unit (km or mi) and kept in km.
class IntakeRunnerPage : public IntakePage {
  public:
    // `today` stands in for a missing date while the form is read (the problem is reported).
    IntakeRunnerPage(wxSimplebook* book, const core::Date& today);

    void Load(const core::Client& client, const core::Intake& intake) override;
    void Read(core::Client& client, core::Intake& intake,
              core::ValidationProblems& problems) const override;

  private:
    void CreateProfileGrid();
    void CreateRecentRuns();
    void AddDistance(wxFlexGridSizer* grid, std::string name, wxTextCtrl*& text);
    void UpdateUnitLabels();
    core::DistanceUnit Units() const;
    // A typed distance in km; reports `path` when it is not a number.
    std::optional<double> ReadDistance(const wxTextCtrl* text, const std::string& path,
                                       core::ValidationProblems& problems) const;
    void ReadRecentRuns(core::RunnerProfile& runner, core::ValidationProblems& problems) const;

    core::Date m_today;
    wxRadioButton* m_units_km = nullptr;
    wxRadioButton* m_units_mi = nullptr;
    wxTextCtrl* m_race_name = nullptr;
    DateField* m_race_date = nullptr;
    wxTextCtrl* m_race_distance = nullptr;
    wxChoice* m_goal = nullptr;
    wxChoice* m_runs_per_week = nullptr;
    wxChoice* m_long_run_day = nullptr;
    wxTextCtrl* m_weekly_distance = nullptr;
    wxTextCtrl* m_longest_run = nullptr;
    std::vector<wxStaticText*> m_unit_labels;
    FormRowsPanel* m_recent_runs = nullptr;
};

}  // namespace myodesk::app
