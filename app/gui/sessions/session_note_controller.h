#pragma once

#include "common/name_cache.h"
#include "sessions/session_note_dialog.h"

#include <myodesk/core/client.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/database.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>

#include <wx/string.h>

#include <functional>
#include <optional>

class wxWindow;

namespace myodesk::app {

// Writing, opening, signing and amending session notes, for the Sessions tab and the list of
// unsigned notes alike: reads what the editor needs (the client, the contraindications of the
// newest intake today, the therapist's name), runs the editor or the read-only view, and
// saves through the repositories (a new note and its signature in one transaction).
class SessionNoteController {
  public:
    // Who is at the desk; asks (the picker) when nobody is, and gives nullopt when the user
    // would rather not say: nothing is then written.
    using DeskFunction = std::function<std::optional<core::Staff>()>;

    // The database must outlive the controller.
    SessionNoteController(db::Database& database, DeskFunction desk);
    // Not copied: the name caches read through the repositories it holds.
    SessionNoteController(const SessionNoteController&) = delete;
    SessionNoteController& operator=(const SessionNoteController&) = delete;

    void SetDesk(DeskFunction desk) { m_desk = std::move(desk); }
    // Called after a note was saved, signed or amended (the main window counts the unsigned
    // notes again).
    void SetOnSaved(std::function<void()> on_saved) { m_on_saved = std::move(on_saved); }

    // A new note for the client: the defaults, or pre-filled from the client's latest note
    // (`copy_last`). True when a note was saved.
    bool NewNote(wxWindow* parent, core::ClientId client, bool copy_last);

    // Opens a note: the editor while it is unsigned, the read-only view with Amend… once it
    // is signed. True when anything was saved.
    bool OpenNote(wxWindow* parent, core::SessionNoteId id);

    // The note saved or amended last, or nullopt.
    std::optional<core::SessionNoteId> LastSaved() const { return m_last_saved; }

    // The name of a staff member (remembered once read), or "#id" when unknown.
    wxString StaffName(core::StaffId id);
    // The client's name as lists show it (remembered once read).
    wxString ClientName(core::ClientId id);
    // Forgets remembered names (after staff were renamed).
    void ForgetNames();

    db::SessionNoteRepository& Notes() { return m_notes; }

  private:
    std::optional<SessionNoteDialog::Context> MakeContext(const core::Client& client,
                                                          const core::SessionNote& note,
                                                          const core::Staff& at_desk);
    bool RunEditor(wxWindow* parent, SessionNoteDialog::Context context, core::SessionNote note);
    bool RunViewer(wxWindow* parent, const core::Client& client, core::SessionNote note);
    void Save(core::SessionNote& note, bool sign, core::StaffId signer);

    db::Database& m_database;
    db::SessionNoteRepository m_notes;
    db::StaffRepository m_staff;
    db::ClientRepository m_clients;
    db::IntakeRepository m_intakes;
    db::ClinicSettingsRepository m_settings;
    DeskFunction m_desk;
    std::function<void()> m_on_saved;
    std::optional<core::SessionNoteId> m_last_saved;
    NameCache m_staff_names;
    NameCache m_client_names;
};

}  // namespace myodesk::app
