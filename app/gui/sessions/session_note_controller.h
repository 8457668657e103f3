#pragma once

#include "common/name_cache.h"
#include "sessions/session_note_dialog.h"

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/services/staff_service.h>

#include <wx/string.h>

#include <functional>
#include <optional>

class wxWindow;

namespace myodesk::app {

// Writing, opening, signing and amending session notes, for the Sessions tab and the list of
// unsigned notes alike: reads what the editor needs (the client, the contraindications of the
// newest intake today, the therapist's name), runs the editor or the read-only view, and
// saves through services::NoteService (a new note and its signature in one transaction). Who
// writes, signs and amends is the context's desk; "today" and "now" are its clock's.
class SessionNoteController {
  public:
    // Asks who is at the desk (the picker) and makes them the context's desk session; when
    // the user would rather not say, nobody is there and nothing is written.
    using AskForDeskFunction = std::function<void()>;

    // The context must outlive the controller.
    SessionNoteController(services::Context& context, AskForDeskFunction ask_for_desk);
    // Not copied: the name caches read through the services it holds.
    SessionNoteController(const SessionNoteController&) = delete;
    SessionNoteController& operator=(const SessionNoteController&) = delete;

    // Called after a note was saved, signed or amended (the main window counts the unsigned
    // notes again).
    void SetOnSaved(std::function<void()> on_saved) { m_on_saved = std::move(on_saved); }

    // A new note for the client: the defaults, or pre-filled from the client's latest note
    // (`copy_last`). True when a note was saved.
    bool NewNote(wxWindow* parent, core::ClientId client, bool copy_last);
    // The note of a completed appointment: its day, start, length and therapist, the rest
    // pre-filled from the client's latest note when there is one. True when it was saved.
    bool NewNoteFor(wxWindow* parent, const core::Appointment& appointment);

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

    services::NoteService& Notes() { return m_notes; }

  private:
    // A new note for the client (pre-filled from their latest note when `copy_last`), for the
    // appointment's session when one is given.
    bool WriteNote(wxWindow* parent, core::ClientId client, bool copy_last,
                   const std::optional<core::Appointment>& appointment);
    std::optional<SessionNoteDialog::Context> MakeContext(const core::Client& client,
                                                          const core::SessionNote& note,
                                                          const core::Staff& at_desk);
    bool RunEditor(wxWindow* parent, SessionNoteDialog::Context context, core::SessionNote note);
    bool RunViewer(wxWindow* parent, const core::Client& client, core::SessionNote note);
    // The editor in correction mode on the note as it reads now; the note read again once a
    // correction was saved, else nullopt.
    std::optional<core::SessionNote> RunCorrection(wxWindow* parent, const core::Client& client,
                                                   const core::SessionNote& note);
    // Somebody at the desk (asking when nobody is), or nullopt.
    std::optional<core::Staff> StaffAtDesk();

    services::Context& m_context;
    services::NoteService m_notes;
    services::StaffService m_staff;
    services::ClientService m_clients;
    services::IntakeService m_intakes;
    services::SettingsService m_settings;
    AskForDeskFunction m_ask_for_desk;
    std::function<void()> m_on_saved;
    std::optional<core::SessionNoteId> m_last_saved;
    NameCache m_staff_names;
    NameCache m_client_names;
};

}  // namespace myodesk::app
