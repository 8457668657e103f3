#pragma once

#include "common/form_dialog.h"
#include "sessions/session_note_html.h"

#include <myodesk/core/client.h>
#include <myodesk/core/session_note.h>

#include <functional>
#include <optional>

class wxButton;
class wxHtmlWindow;

namespace myodesk::app {

class BodyChartCtrl;

// A signed note, read-only: the note as signed with its amendments after it (left) and the
// regions as they read now on the body chart (right). Amend… (Alt+A) corrects a section's text
// and Correct every field… (Alt+C) the whole note (pain, regions, techniques, times); each
// correction is then shown under the original.
class SessionNoteViewDialog : public FormDialog {
  public:
    // Saves an amendment (the caller fills in who) and returns the note read again, or
    // nullopt when the caller gave up (nobody at the desk to sign it); throws
    // db::ValidationError or db::DatabaseError, having saved nothing.
    using AmendFunction =
        std::function<std::optional<core::SessionNote>(core::Amendment amendment)>;

    // Opens the note as it reads now in the editor, to correct every field, and saves the
    // correction as an amendment; returns the note read again, or nullopt when nothing was
    // saved.
    using CorrectFunction = std::function<std::optional<core::SessionNote>()>;

    SessionNoteViewDialog(wxWindow* parent, const core::Client& client, core::SessionNote note,
                          StaffNameFunction staff_name, AmendFunction amend = {},
                          CorrectFunction correct = {});

    const core::SessionNote& GetNote() const { return m_note; }
    // Whether an amendment was added while the dialog was open.
    bool Amended() const { return m_amended; }

    // Opens the amendment dialog and saves what it returns; true when one was added.
    bool Amend();
    // Corrects every field (CorrectFunction); true when a correction was added.
    bool CorrectEveryField();

    wxString Text() const;  // the note as shown, as plain text
    BodyChartCtrl* Chart() const { return m_chart; }
    wxButton* AmendButton() const { return m_amend_button; }
    wxButton* CorrectButton() const { return m_correct_button; }

  private:
    void ShowNote();

    core::SessionNote m_note;
    StaffNameFunction m_staff_name;
    AmendFunction m_amend;
    CorrectFunction m_correct;
    bool m_amended = false;

    wxHtmlWindow* m_view = nullptr;
    BodyChartCtrl* m_chart = nullptr;
    wxButton* m_amend_button = nullptr;
    wxButton* m_correct_button = nullptr;
};

}  // namespace myodesk::app
