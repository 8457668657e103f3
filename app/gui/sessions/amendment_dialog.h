#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/session_note.h>
#include <myodesk/core/validation.h>

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

class ProblemLabel;

// Amend… on a signed note: which section is corrected, why, and the corrected text of that
// section (filled in with the section as it reads now, latest amendment included, to edit).
// OK validates with core::ValidateAmendment and stays open until the reason and the text are
// given. The original note is never changed; saving the amendment is the caller's job.
class AmendmentDialog : public FormDialog {
  public:
    AmendmentDialog(wxWindow* parent, const core::SessionNote& note,
                    core::NoteSection section = core::NoteSection::kAssessment);

    // The amendment as read by the last successful TransferDataFromWindow (section, reason
    // and text; the caller sets who and storage sets when).
    const core::Amendment& GetAmendment() const { return m_amendment; }

    bool TransferDataFromWindow() override;

    const core::ValidationProblems& Problems() const { return m_problems; }
    wxString ProblemText() const;

    wxChoice* SectionChoice() const { return m_section; }
    wxTextCtrl* ReasonCtrl() const { return m_reason; }
    wxTextCtrl* TextCtrl() const { return m_text; }
    void SelectSection(core::NoteSection section);

    // The section as it reads now: its latest amendment's text, or the original.
    static std::string CurrentText(const core::SessionNote& note, core::NoteSection section);

  protected:
    // A reason typed or the text changed.
    bool IsDirty() const override;

  private:
    void OnSectionChoice(wxCommandEvent& event);

    core::SessionNote m_note;
    core::Amendment m_amendment;
    core::ValidationProblems m_problems;
    wxString m_prefilled;  // the text put in the box for the section chosen

    wxChoice* m_section = nullptr;
    wxStaticText* m_current = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxTextCtrl* m_text = nullptr;
    ProblemLabel* m_problem = nullptr;
};

}  // namespace myodesk::app
