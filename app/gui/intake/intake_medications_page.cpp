#include "intake/intake_medications_page.h"

#include "common/form_rows_panel.h"
#include "common/wx_conversions.h"
#include "intake/intake_fields.h"

#include <myodesk/core/text.h>

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/textctrl.h>

namespace myodesk::app {

using namespace intake_fields;

namespace {

namespace medication_column {
constexpr std::size_t kName = 0, kClass = 1;
}

}  // namespace

IntakeMedicationsPage::IntakeMedicationsPage(wxSimplebook* book)
    : IntakePage(book, _("Medications and allergies"),
                 _("Blood thinners, steroids, painkillers, muscle relaxants and "
                   "anti-inflammatories change how you can work: choose what kind each "
                   "medication is.")) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Medications"));
    m_medications = new FormRowsPanel(
        box->GetStaticBox(), "health.medications",
        {{_("Name"), "name", 220, true}, {_("Kind"), "class", 250, false}},
        [](wxWindow* parent) -> std::vector<wxWindow*> {
            auto* name = new wxTextCtrl(parent, wxID_ANY);
            name->SetHint(_("e.g. warfarin"));
            return {name, NewCodeChoice(parent, core::AllValues<core::MedicationClass>(),
                                        ChoosePlaceholder())};
        },
        _("Add a medication"), _("No medications."));
    AddList(m_medications);
    box->Add(m_medications, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(box, wxSizerFlags().Expand());

    auto* allergies_box = new wxStaticBoxSizer(
        wxVERTICAL, this, _("Allergies and sensitivities (e.g. nut oils, latex, lanolin)"));
    m_allergies =
        new wxTextCtrl(allergies_box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                       wxDefaultSize, wxTE_MULTILINE, wxDefaultValidator, "health.allergies");
    m_allergies->SetMinSize(wxSize(-1, m_allergies->GetCharHeight() * 3 + FromDIP(12)));
    AddControl("health.allergies", m_allergies);
    allergies_box->Add(m_allergies, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(allergies_box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeMedicationsPage::Load(const core::Client&, const core::Intake& intake) {
    m_medications->Clear();
    for (const core::Medication& medication : intake.health.medications) {
        const std::size_t row = m_medications->AddRow();
        m_medications->CellAs<wxTextCtrl>(row, medication_column::kName)
            ->ChangeValue(ToWx(medication.name));
        SelectCode(m_medications->CellAs<wxChoice>(row, medication_column::kClass),
                   core::AllValues<core::MedicationClass>(),
                   std::optional(medication.medication_class));
    }
    m_allergies->ChangeValue(ToWx(intake.health.allergies));
}

void IntakeMedicationsPage::Read(core::Client&, core::Intake& intake,
                                 core::ValidationProblems& problems) const {
    core::Health& health = intake.health;
    health.medications.clear();
    for (std::size_t row = 0; row < m_medications->RowCount(); ++row) {
        core::Medication medication;
        medication.name = Line(m_medications->CellAs<wxTextCtrl>(row, medication_column::kName));
        const auto kind =
            SelectedCode(m_medications->CellAs<wxChoice>(row, medication_column::kClass),
                         core::AllValues<core::MedicationClass>());
        if (kind) {
            medication.medication_class = *kind;
        } else {
            AddProblem(problems, Path("health.medications", row, "class"),
                       core::ProblemCode::kRequired);
        }
        health.medications.push_back(std::move(medication));
    }
    health.allergies = core::Trim(ToUtf8(m_allergies->GetValue()));
}

}  // namespace myodesk::app
