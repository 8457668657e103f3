#include "plan/training_day_dialog.h"

#include "common/code_names.h"
#include "common/date_field.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace myodesk::app {

TrainingDayDialog::TrainingDayDialog(wxWindow* parent, const wxString& title,
                                     core::TrainingEntry entry, core::DistanceUnit units)
    : FormDialog(parent, title, "TrainingDayDialog", wxDEFAULT_DIALOG_STYLE),
      m_entry(std::move(entry)),
      m_units(units) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    const auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CentreVertical());
    };
    label(_("&Date"));
    m_date = new DateField(this, "training.date");
    grid->Add(m_date, wxSizerFlags().CentreVertical());

    label(_("&Kind"));
    m_type = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                          wxDefaultValidator, "training.type");
    for (const core::RunType type : core::AllValues<core::RunType>()) {
        m_type->Append(NameOf(type));
    }
    m_type->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateDistanceEnabled(); });
    grid->Add(m_type, wxSizerFlags().Expand().CentreVertical());

    label(_("D&istance"));
    auto* distance_row = new wxBoxSizer(wxHORIZONTAL);
    m_distance = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "training.distance");
    m_distance->SetInitialSize(
        m_distance->GetSizeFromTextSize(m_distance->GetTextExtent("0000.0").x));
    m_distance->SetToolTip(_("Leave empty when the distance is not known"));
    distance_row->Add(m_distance, wxSizerFlags().CentreVertical());
    distance_row->Add(new wxStaticText(this, wxID_ANY, NameOf(m_units)),
                      wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(4)));
    grid->Add(distance_row);

    m_problem = new ProblemLabel(this);

    wxSizer* buttons = CreateFormButtons(wxID_OK, wxString());
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    top->Add(m_problem, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
}

bool TrainingDayDialog::TransferDataToWindow() {
    m_date->SetDate(m_entry.date);
    m_type->SetSelection(static_cast<int>(m_entry.type));
    if (m_entry.distance_km) {
        const double shown = m_units == core::DistanceUnit::kMi
                                 ? core::KmToMiles(*m_entry.distance_km)
                                 : *m_entry.distance_km;
        m_distance->ChangeValue(FormatNumber(shown, 2));
    } else {
        m_distance->ChangeValue(wxString());
    }
    UpdateDistanceEnabled();
    return true;
}

bool TrainingDayDialog::TransferDataFromWindow() {
    core::TrainingEntry entry = m_entry;
    wxString problem;
    if (m_date->IsUnreadable()) {
        problem = m_date->UnreadableMessage(_("Date"));
    } else if (const std::optional<core::Date> date = m_date->GetDate()) {
        entry.date = *date;
    } else {
        problem = _("Date: type the day of the run.");
    }
    const int type = m_type->GetSelection();
    if (type >= 0 && static_cast<std::size_t>(type) < core::AllValues<core::RunType>().size()) {
        entry.type = core::AllValues<core::RunType>()[static_cast<std::size_t>(type)];
    }
    entry.distance_km.reset();
    wxString typed = m_distance->GetValue();
    typed.Trim(true).Trim(false);
    if (entry.type != core::RunType::kRest && !typed.empty()) {
        if (const std::optional<double> value = ParseNumber(typed)) {
            entry.distance_km =
                m_units == core::DistanceUnit::kMi ? core::MilesToKm(*value) : *value;
        } else if (problem.empty()) {
            problem = _("Distance: enter a number, for example 12.5, or leave it empty.");
        }
    }
    if (problem.empty()) {
        for (const core::ValidationProblem& found : core::ValidateTrainingEntries({entry})) {
            if (found.code == core::ProblemCode::kOutOfRange) {
                // TRANSLATORS: %s is the longest distance allowed with its unit, e.g. "400 km".
                problem = wxString::Format(_("Distance: enter more than 0 and at most %s."),
                                           FormatDistance(found.maximum, m_units));
                break;
            }
        }
    }
    m_problem->ShowText(problem);
    Layout();
    Fit();
    if (!problem.empty()) {
        wxBell();
        return false;
    }
    m_entry = entry;
    return true;
}

wxString TrainingDayDialog::ProblemText() const {
    return m_problem->Text();
}

void TrainingDayDialog::UpdateDistanceEnabled() {
    const bool rest = m_type->GetSelection() == static_cast<int>(core::RunType::kRest);
    m_distance->Enable(!rest);
    if (rest) {
        m_distance->ChangeValue(wxString());
    }
}

}  // namespace myodesk::app
