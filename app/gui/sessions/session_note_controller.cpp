#include "sessions/session_note_controller.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "intake/contraindication_banner.h"
#include "intake/screening_confirmation.h"
#include "sessions/session_note_text.h"
#include "sessions/session_note_view_dialog.h"

#include <myodesk/db/errors.h>

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/window.h>

#include <utility>

namespace myodesk::app {

SessionNoteController::SessionNoteController(services::Context& context,
                                             AskForDeskFunction ask_for_desk)
    : m_context(context),
      m_notes(context),
      m_staff(context),
      m_clients(context),
      m_intakes(context),
      m_settings(context),
      m_ask_for_desk(std::move(ask_for_desk)),
      m_staff_names(StaffNameCache(m_staff)),
      m_client_names(ClientNameCache(m_clients)) {}

wxString SessionNoteController::StaffName(core::StaffId id) {
    return m_staff_names.Name(id);
}

wxString SessionNoteController::ClientName(core::ClientId id) {
    return m_client_names.Name(id);
}

void SessionNoteController::ForgetNames() {
    m_staff_names.Forget();
    m_client_names.Forget();
}

std::optional<core::Staff> SessionNoteController::StaffAtDesk() {
    if (!m_context.Desk().staff && m_ask_for_desk) {
        m_ask_for_desk();
    }
    return m_context.Desk().staff;
}

std::optional<SessionNoteDialog::Context> SessionNoteController::MakeContext(
    const core::Client& client, const core::SessionNote& note, const core::Staff& at_desk) {
    SessionNoteDialog::Context context;
    context.client = client;
    context.today = m_context.Today();
    context.at_desk = at_desk;
    context.therapist_name = StaffName(note.therapist_id);
    const std::optional<core::Intake> newest = m_intakes.Newest(client.id);
    const core::ScreeningSettings settings = m_settings.LoadScreening();
    if (newest) {
        context.flags = m_intakes.Flags(*newest, context.today);
        context.preferred_pressure = newest->preferences.pressure;
        context.client_avoids = newest->avoid_regions;
    }
    context.banner = MakeContraindicationBanner(
        context.flags, newest ? std::optional(newest->taken_on) : std::nullopt, context.today);
    context.modify_pressure_cap = settings.modify_pressure_cap;
    return context;
}

bool SessionNoteController::NewNote(wxWindow* parent, core::ClientId client_id, bool copy_last) {
    return WriteNote(parent, client_id, copy_last, std::nullopt);
}

bool SessionNoteController::NewNoteFor(wxWindow* parent, const core::Appointment& appointment) {
    return WriteNote(parent, appointment.client_id, true, appointment);
}

bool SessionNoteController::WriteNote(wxWindow* parent, core::ClientId client_id, bool copy_last,
                                      const std::optional<core::Appointment>& appointment) {
    const std::optional<core::Staff> at_desk = StaffAtDesk();
    if (!at_desk) {
        return false;
    }
    try {
        const std::optional<core::Client> client = m_clients.Find(client_id);
        if (!client) {
            return false;
        }
        const core::Date today = m_context.Today();
        if (!ConfirmScreening(parent, m_intakes, *client, today, _("Write the note anyway?"),
                              _("&Write the note"))) {
            return false;
        }
        core::SessionNote note = SessionNoteDialog::NewNote(client->id, at_desk->id, today,
                                                            m_context.GetClock().MinuteOfDay());
        wxString copied_from;
        if (copy_last) {
            if (const std::optional<core::SessionNote> latest = m_notes.LatestToCopy(client->id)) {
                note = core::CopyForNextSession(*latest, today, note.start_minute, at_desk->id);
                note.client_id = client->id;
                copied_from = wxString::Format(
                    _("Copied from the note of %s, %s (%s): its regions and sides, pressures, "
                      "techniques, position and duration. The text and the pain scores are not "
                      "copied."),
                    FormatReadableDate(latest->date),
                    SessionTimeRange(latest->start_minute, latest->duration_min),
                    StaffName(latest->therapist_id));
            }
        }
        if (appointment) {
            // The session that was booked: its day, time, length and therapist.
            note.date = appointment->date;
            note.start_minute = appointment->start_minute;
            note.duration_min = appointment->duration_min;
            note.therapist_id = appointment->therapist_id;
            if (appointment->id != 0) {
                note.appointment_id = appointment->id;  // the note of that booking
            }
        }
        std::optional<SessionNoteDialog::Context> context = MakeContext(*client, note, *at_desk);
        if (!context) {
            return false;
        }
        context->copied_from = copied_from;
        if (!appointment) {
            // Not on top of a session the therapist or the client already has that day.
            note.start_minute = m_notes.FirstFreeStart(note);
        }
        return RunEditor(parent, std::move(*context), std::move(note));
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(parent, _("The client's record could not be read."), error);
        return false;
    }
}

bool SessionNoteController::OpenNote(wxWindow* parent, core::SessionNoteId id) {
    try {
        std::optional<core::SessionNote> note;
        try {
            note = m_notes.Get(id);
        } catch (const db::NotFoundError&) {
            wxMessageBox(_("This note is no longer in the database."), _("Session note"),
                         wxOK | wxICON_INFORMATION, parent);
            return false;
        }
        const std::optional<core::Client> client = m_clients.Find(note->client_id);
        if (!client) {
            return false;
        }
        if (core::IsSigned(*note)) {
            return RunViewer(parent, *client, std::move(*note));
        }
        const std::optional<core::Staff> at_desk = StaffAtDesk();
        if (!at_desk) {
            return false;
        }
        std::optional<SessionNoteDialog::Context> context = MakeContext(*client, *note, *at_desk);
        if (!context) {
            return false;
        }
        return RunEditor(parent, std::move(*context), std::move(*note));
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(parent, _("The note could not be read."), error);
        return false;
    }
}

bool SessionNoteController::RunEditor(wxWindow* parent, SessionNoteDialog::Context context,
                                      core::SessionNote note) {
    // The one at the desk signs (NoteService takes the context's desk).
    SessionNoteDialog dialog(
        parent, std::move(context), std::move(note),
        [this](core::SessionNote& saved, bool sign) { m_notes.Save(saved, sign); });
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    m_last_saved = dialog.GetNote().id;
    if (m_on_saved) {
        m_on_saved();
    }
    return true;
}

std::optional<core::SessionNote> SessionNoteController::RunCorrection(
    wxWindow* parent, const core::Client& client, const core::SessionNote& note) {
    const std::optional<core::Staff> at_desk = StaffAtDesk();
    if (!at_desk) {
        return std::nullopt;
    }
    std::optional<SessionNoteDialog::Context> context = MakeContext(client, note, *at_desk);
    if (!context) {
        return std::nullopt;
    }
    context->correcting = true;
    // The editor shows the note as it reads now; what it saves is the whole correction.
    SessionNoteDialog* editor = nullptr;
    SessionNoteDialog dialog(wxGetActiveWindow() != nullptr ? wxGetActiveWindow() : parent,
                             std::move(*context), core::AsCorrected(note),
                             [this, &editor, id = note.id](core::SessionNote& corrected, bool) {
                                 core::Amendment amendment;
                                 amendment.reason = editor->CorrectionReason();
                                 amendment.corrected = corrected;
                                 m_notes.Amend(id, amendment);  // the one at the desk amends
                             });
    editor = &dialog;
    if (dialog.ShowModal() != wxID_OK) {
        return std::nullopt;
    }
    m_last_saved = note.id;
    return m_notes.Get(note.id);
}

bool SessionNoteController::RunViewer(wxWindow* parent, const core::Client& client,
                                      core::SessionNote note) {
    const core::SessionNoteId id = note.id;
    SessionNoteViewDialog dialog(
        parent, client, std::move(note), [this](core::StaffId staff) { return StaffName(staff); },
        [this, id](core::Amendment amendment) -> std::optional<core::SessionNote> {
            if (!StaffAtDesk()) {
                return std::nullopt;
            }
            amendment.amended_by = 0;  // the one at the desk amends
            m_notes.Amend(id, amendment);
            return m_notes.Get(id);
        },
        [this, parent, client, id]() -> std::optional<core::SessionNote> {
            return RunCorrection(parent, client, m_notes.Get(id));
        });
    dialog.ShowModal();
    if (dialog.Amended()) {
        m_last_saved = id;
        if (m_on_saved) {
            m_on_saved();
        }
    }
    return dialog.Amended();
}

}  // namespace myodesk::app
