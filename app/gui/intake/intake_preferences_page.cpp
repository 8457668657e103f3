#include "intake/intake_preferences_page.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"

#include <myodesk/core/codes.h>
#include <myodesk/core/text.h>

#include <wx/intl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace myodesk::app {

IntakePreferencesPage::IntakePreferencesPage(wxSimplebook* book)
    : IntakePage(book, _("Preferences"),
                 _("How firm the client likes the work, and anything else to know: "
                   "sensitivities, oils, what they hope massage will do for them.")) {
    wxArrayString pressures;
    pressures.Add(_("Not stated"));
    for (const core::Pressure pressure : core::AllValues<core::Pressure>()) {
        pressures.Add(NameOf(pressure));
    }
    m_pressure =
        new wxRadioBox(this, wxID_ANY, _("Pressure"), wxDefaultPosition, wxDefaultSize, pressures,
                       0, wxRA_SPECIFY_COLS, wxDefaultValidator, "preferences.pressure");
    AddControl("preferences.pressure", m_pressure);
    Content()->Add(m_pressure, wxSizerFlags().Expand());

    auto* notes_box = new wxStaticBoxSizer(
        wxVERTICAL, this, _("Notes: sensitivities, oils, what the client hopes massage will do"));
    m_notes =
        new wxTextCtrl(notes_box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                       wxDefaultSize, wxTE_MULTILINE, wxDefaultValidator, "preferences.notes");
    m_notes->SetMinSize(wxSize(-1, m_notes->GetCharHeight() * 6 + FromDIP(12)));
    AddControl("preferences.notes", m_notes);
    notes_box->Add(m_notes, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(notes_box, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(10)));
}

void IntakePreferencesPage::Load(const core::Client&, const core::Intake& intake) {
    const auto& pressures = core::AllValues<core::Pressure>();
    int pressure = 0;
    if (intake.preferences.pressure) {
        const auto found =
            std::find(pressures.begin(), pressures.end(), *intake.preferences.pressure);
        pressure = found == pressures.end() ? 0 : static_cast<int>(found - pressures.begin()) + 1;
    }
    m_pressure->SetSelection(pressure);
    m_notes->ChangeValue(ToWx(intake.preferences.notes));
}

void IntakePreferencesPage::Read(core::Client&, core::Intake& intake,
                                 core::ValidationProblems&) const {
    const int pressure = m_pressure->GetSelection();
    const auto& pressures = core::AllValues<core::Pressure>();
    intake.preferences.pressure =
        pressure > 0 && static_cast<std::size_t>(pressure) <= pressures.size()
            ? std::optional(pressures[static_cast<std::size_t>(pressure - 1)])
            : std::nullopt;
    intake.preferences.notes = core::Trim(ToUtf8(m_notes->GetValue()));
}

}  // namespace myodesk::app
