#include "intake/intake_runner_page.h"

#include "common/code_names.h"
#include "common/form_rows_panel.h"
#include "common/wx_conversions.h"
#include "intake/intake_fields.h"

#include <myodesk/core/text.h>

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace myodesk::app {

using namespace intake_fields;

namespace {

constexpr int kMaxRunsPerWeek = 14;

namespace run_column {
constexpr std::size_t kDate = 0, kDistance = 1, kType = 2;
}

}  // namespace

IntakeRunnerPage::IntakeRunnerPage(wxSimplebook* book, const core::Date& today)
    : IntakePage(book, _("Runner profile"),
                 _("Training now and the race ahead. Enter distances in the unit the client "
                   "uses; MyoDesk converts them.")),
      m_today(today) {
    CreateProfileGrid();
    CreateRecentRuns();
}

void IntakeRunnerPage::AddDistance(wxFlexGridSizer* grid, std::string name, wxTextCtrl*& text) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(90), -1), 0,
                          wxDefaultValidator, name);
    AddControl(std::move(name), text);
    row->Add(text, wxSizerFlags().CentreVertical());
    auto* unit = new wxStaticText(this, wxID_ANY, NameOf(core::DistanceUnit::kKm));
    m_unit_labels.push_back(unit);
    row->Add(unit, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
    grid->Add(row, wxSizerFlags().Expand());
}

void IntakeRunnerPage::CreateProfileGrid() {
    auto* grid = new wxFlexGridSizer(4, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    grid->AddGrowableCol(3, 1);
    const auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), LabelFlags());
    };
    const auto add = [&](wxWindow* control, std::string name) {
        control->SetName(name);
        AddControl(std::move(name), control);
        grid->Add(control, wxSizerFlags().Expand());
    };

    label(_("Distances in"));
    auto* units = new wxBoxSizer(wxHORIZONTAL);
    m_units_km = new wxRadioButton(this, wxID_ANY, _("kilometres"), wxDefaultPosition,
                                   wxDefaultSize, wxRB_GROUP);
    m_units_mi = new wxRadioButton(this, wxID_ANY, _("miles"));
    m_units_km->SetName("runner.units.km");
    m_units_mi->SetName("runner.units.mi");
    AddControl("runner.units", m_units_km);
    m_units_km->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateUnitLabels(); });
    m_units_mi->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateUnitLabels(); });
    units->Add(m_units_km, wxSizerFlags().CentreVertical());
    units->Add(m_units_mi, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(12)));
    grid->Add(units);
    label(_("Runs per week"));
    m_runs_per_week = NewNumberChoice(this, NonePlaceholder(), 0, kMaxRunsPerWeek);
    add(m_runs_per_week, "runner.runs_per_week");

    label(_("Goal race"));
    m_race_name = new wxTextCtrl(this, wxID_ANY);
    m_race_name->SetHint(_("e.g. Berlin Marathon"));
    add(m_race_name, "runner.goal_race.name");
    label(_("Long-run day"));
    m_long_run_day = NewCodeChoice(this, core::AllValues<core::Weekday>(), NonePlaceholder());
    add(m_long_run_day, "runner.long_run_weekday");

    label(_("Race date"));
    m_race_date = NewDateField(this);
    m_race_date->SetName("runner.goal_race.date");
    AddControl("runner.goal_race.date", m_race_date);
    grid->Add(m_race_date);
    label(_("Weekly distance now"));
    AddDistance(grid, "runner.weekly_distance_km", m_weekly_distance);

    label(_("Race distance"));
    AddDistance(grid, "runner.goal_race.distance_km", m_race_distance);
    m_race_distance->SetToolTip(_("Marathon 42.195 km (26.2 mi), half marathon 21.0975 km"));
    label(_("Longest run, last 30 days"));
    AddDistance(grid, "runner.longest_run_30d_km", m_longest_run);

    label(_("Goal"));
    m_goal = NewCodeChoice(this, core::AllValues<core::RaceGoal>(), NonePlaceholder());
    add(m_goal, "runner.goal");
    Content()->Add(grid, wxSizerFlags().Expand());
}

void IntakeRunnerPage::CreateRecentRuns() {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Recent runs"));
    m_recent_runs = new FormRowsPanel(
        box->GetStaticBox(), "runner.recent_runs",
        {{_("Date"), "date", 130, false},
         {_("Distance (km)"), "distance_km", 90, false},
         {_("Type"), "type", 150, false}},
        [](wxWindow* parent) -> std::vector<wxWindow*> {
            return {NewDateField(parent), new wxTextCtrl(parent, wxID_ANY),
                    NewCodeChoice(parent, core::AllValues<core::RunType>(), ChoosePlaceholder())};
        },
        _("Add a run"), _("No recent runs entered."));
    AddList(m_recent_runs);
    box->Add(m_recent_runs, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
}

core::DistanceUnit IntakeRunnerPage::Units() const {
    return m_units_mi->GetValue() ? core::DistanceUnit::kMi : core::DistanceUnit::kKm;
}

void IntakeRunnerPage::UpdateUnitLabels() {
    const core::DistanceUnit unit = Units();
    for (wxStaticText* label : m_unit_labels) {
        label->SetLabel(NameOf(unit));
    }
    m_recent_runs->SetHeading(run_column::kDistance,
                              wxString::Format(_("Distance (%s)"), NameOf(unit)));
    Layout();
}

void IntakeRunnerPage::Load(const core::Client&, const core::Intake& intake) {
    const core::RunnerProfile& runner = intake.runner;
    const core::DistanceUnit unit = runner.units;
    m_units_km->SetValue(unit == core::DistanceUnit::kKm);
    m_units_mi->SetValue(unit == core::DistanceUnit::kMi);
    m_race_name->ChangeValue(ToWx(runner.goal_race.name));
    SetDate(*m_race_date, runner.goal_race.date);
    m_race_distance->ChangeValue(DistanceText(runner.goal_race.distance_km, unit));
    SelectCode(m_goal, core::AllValues<core::RaceGoal>(), runner.goal);
    SelectNumber(m_runs_per_week, 0, runner.runs_per_week);
    SelectCode(m_long_run_day, core::AllValues<core::Weekday>(), runner.long_run_weekday);
    m_weekly_distance->ChangeValue(DistanceText(runner.weekly_distance_km, unit));
    m_longest_run->ChangeValue(DistanceText(runner.longest_run_30d_km, unit));
    m_recent_runs->Clear();
    for (const core::RecentRun& run : runner.recent_runs) {
        const std::size_t row = m_recent_runs->AddRow();
        SetDate(*m_recent_runs->CellAs<DateField>(row, run_column::kDate), run.date);
        m_recent_runs->CellAs<wxTextCtrl>(row, run_column::kDistance)
            ->ChangeValue(DistanceText(run.distance_km, unit));
        SelectCode(m_recent_runs->CellAs<wxChoice>(row, run_column::kType),
                   core::AllValues<core::RunType>(), std::optional(run.type));
    }
    UpdateUnitLabels();
}

std::optional<double> IntakeRunnerPage::ReadDistance(const wxTextCtrl* text,
                                                     const std::string& path,
                                                     core::ValidationProblems& problems) const {
    if (core::Trim(ToUtf8(text->GetValue())).empty()) {
        return std::nullopt;
    }
    if (const auto value = ParseNumber(text->GetValue())) {
        return Units() == core::DistanceUnit::kMi ? core::MilesToKm(*value) : *value;
    }
    AddProblem(problems, path, core::ProblemCode::kWrongType);
    return std::nullopt;
}

void IntakeRunnerPage::Read(core::Client&, core::Intake& intake,
                            core::ValidationProblems& problems) const {
    core::RunnerProfile& runner = intake.runner;
    runner.units = Units();
    runner.goal_race.name = Line(m_race_name);
    runner.goal_race.date = ReadDate(*m_race_date, "runner.goal_race.date", problems);
    runner.goal_race.distance_km =
        ReadDistance(m_race_distance, "runner.goal_race.distance_km", problems);
    runner.goal = SelectedCode(m_goal, core::AllValues<core::RaceGoal>());
    runner.runs_per_week = SelectedNumber(m_runs_per_week, 0);
    runner.long_run_weekday = SelectedCode(m_long_run_day, core::AllValues<core::Weekday>());
    runner.weekly_distance_km =
        ReadDistance(m_weekly_distance, "runner.weekly_distance_km", problems);
    runner.longest_run_30d_km = ReadDistance(m_longest_run, "runner.longest_run_30d_km", problems);
    ReadRecentRuns(runner, problems);
}

void IntakeRunnerPage::ReadRecentRuns(core::RunnerProfile& runner,
                                      core::ValidationProblems& problems) const {
    using core::ProblemCode;
    runner.recent_runs.clear();
    for (std::size_t row = 0; row < m_recent_runs->RowCount(); ++row) {
        core::RecentRun run;
        const std::string date_path = Path("runner.recent_runs", row, "date");
        run.date = ReadDate(*m_recent_runs->CellAs<DateField>(row, run_column::kDate), date_path,
                            problems, true)
                       .value_or(m_today);
        const std::string distance_path = Path("runner.recent_runs", row, "distance_km");
        const auto* distance = m_recent_runs->CellAs<wxTextCtrl>(row, run_column::kDistance);
        if (const auto km = ReadDistance(distance, distance_path, problems)) {
            run.distance_km = *km;
        } else if (core::Trim(ToUtf8(distance->GetValue())).empty()) {
            AddProblem(problems, distance_path, ProblemCode::kRequired);
        }
        const auto type = SelectedCode(m_recent_runs->CellAs<wxChoice>(row, run_column::kType),
                                       core::AllValues<core::RunType>());
        if (type) {
            run.type = *type;
        } else {
            AddProblem(problems, Path("runner.recent_runs", row, "type"), ProblemCode::kRequired);
        }
        runner.recent_runs.push_back(run);
    }
}

}  // namespace myodesk::app
