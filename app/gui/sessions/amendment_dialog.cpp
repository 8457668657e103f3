#include "sessions/amendment_dialog.h"

#include "common/code_names.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "sessions/session_note_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

namespace myodesk::app {

namespace {

constexpr std::array kSections{core::NoteSection::kSubjective, core::NoteSection::kObjective,
                               core::NoteSection::kAssessment, core::NoteSection::kPlan};

}  // namespace

std::string AmendmentDialog::CurrentText(const core::SessionNote& note, core::NoteSection section) {
    for (auto it = note.amendments.rbegin(); it != note.amendments.rend(); ++it) {
        if (it->section == section) {
            return it->text;
        }
    }
    switch (section) {
        case core::NoteSection::kSubjective:
            return note.subjective;
        case core::NoteSection::kObjective:
            return note.objective;
        case core::NoteSection::kAssessment:
            return note.assessment;
        case core::NoteSection::kPlan:
            return note.plan;
    }
    return {};
}

AmendmentDialog::AmendmentDialog(wxWindow* parent, const core::SessionNote& note,
                                 core::NoteSection section)
    : FormDialog(parent,
                 wxString::Format(_("Amend the note of %s"),
                                  SessionWhen(note.date, note.start_minute, note.duration_min)),
                 "AmendmentDialog"),
      m_note(note) {
    auto* help = new wxStaticText(
        this, wxID_ANY,
        _("The signed note stays as it was. The amendment is added after it, with your name, "
          "the time and the reason."));
    help->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    help->Wrap(FromDIP(560));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Section")), wxSizerFlags().CentreVertical());
    m_section = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                             wxDefaultValidator, "section");
    for (const core::NoteSection value : kSections) {
        m_section->Append(NameOf(value));
    }
    m_section->Bind(wxEVT_CHOICE, &AmendmentDialog::OnSectionChoice, this);
    grid->Add(m_section);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Now reads")), wxSizerFlags().Top());
    m_current = new wxStaticText(this, wxID_ANY, wxString());
    m_current->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid->Add(m_current, wxSizerFlags().Expand());

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Reason")), wxSizerFlags().CentreVertical());
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "reason");
    m_reason->SetMaxLength(1000);
    m_reason->SetHint(_("why it is corrected, e.g. pain score recorded on the wrong side"));
    grid->Add(m_reason, wxSizerFlags().Expand());

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Corrected text")), wxSizerFlags().Top());
    m_text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE, wxDefaultValidator, "text");
    m_text->SetMinSize(wxSize(FromDIP(480), m_text->GetCharHeight() * 7 + FromDIP(12)));
    grid->Add(m_text, wxSizerFlags(1).Expand());
    grid->AddGrowableRow(3, 1);

    m_problem = new ProblemLabel(this);

    // Enter in the reason never adds the amendment before the text is corrected.
    wxSizer* buttons = CreateFormButtons(wxID_OK, _("&Add amendment"), wxString(), wxString(),
                                         /*enter_affirms=*/false);
    EnableSaveShortcut();
    SetDiscardQuestion(_("Throw away this amendment?"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(help, wxSizerFlags().Border(wxALL, FromDIP(12)));
    top->Add(grid, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(m_problem, wxSizerFlags().Border(wxALL, FromDIP(12)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    SelectSection(section);
    m_reason->SetFocus();
}

void AmendmentDialog::SelectSection(core::NoteSection section) {
    const auto index = static_cast<int>(std::find(kSections.begin(), kSections.end(), section) -
                                        kSections.begin());
    m_section->SetSelection(index);
    const wxString current = ToWx(CurrentText(m_note, section));
    wxString shown = current.empty() ? wxString::FromUTF8("—") : current;
    if (shown.length() > 400) {
        shown = shown.Left(400) + wxString::FromUTF8("…");
    }
    m_current->SetLabelText(shown);
    m_current->Wrap(FromDIP(480));
    // Filled in with what it says now, unless the user has typed their own text already.
    if (m_text->GetValue().empty() || m_text->GetValue() == m_prefilled) {
        m_text->ChangeValue(current);
        m_prefilled = current;
    }
    Layout();
}

void AmendmentDialog::OnSectionChoice(wxCommandEvent& event) {
    const int index = event.GetSelection();
    if (index >= 0 && static_cast<std::size_t>(index) < kSections.size()) {
        SelectSection(kSections[static_cast<std::size_t>(index)]);
    }
}

bool AmendmentDialog::TransferDataFromWindow() {
    core::Amendment amendment;
    const int index = m_section->GetSelection();
    amendment.section = kSections[static_cast<std::size_t>(std::max(index, 0))];
    amendment.reason = ToUtf8(m_reason->GetValue());
    amendment.text = ToUtf8(m_text->GetValue());
    m_problems = core::ValidateAmendment(amendment, m_note.date);  // a section is not dated
    if (m_problems.empty() && m_text->GetValue() == m_prefilled) {
        // Nothing corrected: the same text again is no amendment.
        m_problems.push_back({"text", core::ProblemCode::kRequired});
    }
    if (!m_problems.empty()) {
        wxString text;
        for (const core::ValidationProblem& problem : m_problems) {
            if (!text.empty()) {
                text << '\n';
            }
            if (problem.field == "text" && problem.code == core::ProblemCode::kRequired &&
                !m_text->GetValue().empty()) {
                text << _("Corrected text: change the text to what the section should say.");
            } else {
                text << ProblemMessage(problem);
            }
        }
        m_problem->ShowText(text);
        Layout();
        Fit();
        wxWindow* first =
            m_problems.front().field == "reason" ? static_cast<wxWindow*>(m_reason) : m_text;
        first->SetFocus();
        wxBell();
        return false;
    }
    m_amendment = std::move(amendment);
    return true;
}

bool AmendmentDialog::IsDirty() const {
    return !m_reason->GetValue().Trim().empty() || m_text->GetValue() != m_prefilled;
}

wxString AmendmentDialog::ProblemText() const {
    return m_problem->Text();
}

}  // namespace myodesk::app
