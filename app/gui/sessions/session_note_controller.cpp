#include "sessions/session_note_controller.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "intake/contraindication_banner.h"
#include "sessions/session_note_view_dialog.h"

#include <myodesk/core/screening.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/errors.h>

#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/window.h>

#include <utility>

namespace myodesk::app {

namespace {

int MinuteOfDayNow() {
    const wxDateTime now = wxDateTime::Now();
    return now.GetHour() * 60 + now.GetMinute();
}

}  // namespace

SessionNoteController::SessionNoteController(db::Database& database, DeskFunction desk)
    : m_database(database),
      m_notes(database),
      m_staff(database),
      m_clients(database),
      m_intakes(database),
      m_settings(database),
      m_desk(std::move(desk)),
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

std::optional<SessionNoteDialog::Context> SessionNoteController::MakeContext(
    const core::Client& client, const core::SessionNote& note, const core::Staff& at_desk) {
    SessionNoteDialog::Context context;
    context.client = client;
    context.today = db::LocalDate(db::SystemNow());
    context.at_desk = at_desk;
    context.therapist_name = StaffName(note.therapist_id);
    const std::optional<core::Intake> newest = m_intakes.Newest(client.id);
    const core::ScreeningSettings settings = m_settings.LoadScreening();
    if (newest) {
        context.flags = core::ScreenContraindications(*newest, context.today, settings);
        context.preferred_pressure = newest->preferences.pressure;
        context.client_avoids = newest->avoid_regions;
    }
    context.banner = MakeContraindicationBanner(
        context.flags, newest ? std::optional(newest->taken_on) : std::nullopt, context.today);
    context.modify_pressure_cap = settings.modify_pressure_cap;
    return context;
}

bool SessionNoteController::NewNote(wxWindow* parent, core::ClientId client_id, bool copy_last) {
    const std::optional<core::Staff> at_desk = m_desk ? m_desk() : std::nullopt;
    if (!at_desk) {
        return false;
    }
    try {
        const std::optional<core::Client> client = m_clients.Get(client_id);
        if (!client) {
            return false;
        }
        const core::Date today = db::LocalDate(db::SystemNow());
        core::SessionNote note =
            SessionNoteDialog::NewNote(client->id, at_desk->id, today, MinuteOfDayNow());
        wxString copied_from;
        if (copy_last) {
            if (const std::optional<core::SessionNote> latest = m_notes.Latest(client->id)) {
                note = core::CopyForNextSession(*latest, today, note.start_minute, at_desk->id);
                note.client_id = client->id;
                copied_from = wxString::Format(
                    _("Copied from the note of %s: regions, pressure, techniques; not the text "
                      "or pain"),
                    FormatReadableDate(latest->date));
            }
        }
        std::optional<SessionNoteDialog::Context> context = MakeContext(*client, note, *at_desk);
        if (!context) {
            return false;
        }
        context->copied_from = copied_from;
        return RunEditor(parent, std::move(*context), std::move(note));
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(parent, _("The client's record could not be read."), error);
        return false;
    }
}

bool SessionNoteController::OpenNote(wxWindow* parent, core::SessionNoteId id) {
    try {
        std::optional<core::SessionNote> note = m_notes.Get(id);
        if (!note) {
            wxMessageBox(_("This note is no longer in the database."), _("Session note"),
                         wxOK | wxICON_INFORMATION, parent);
            return false;
        }
        const std::optional<core::Client> client = m_clients.Get(note->client_id);
        if (!client) {
            return false;
        }
        if (core::IsSigned(*note)) {
            return RunViewer(parent, *client, std::move(*note));
        }
        const std::optional<core::Staff> at_desk = m_desk ? m_desk() : std::nullopt;
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
    const core::StaffId signer = context.at_desk.id;
    SessionNoteDialog dialog(
        parent, std::move(context), std::move(note),
        [this, signer](core::SessionNote& saved, bool sign) { Save(saved, sign, signer); });
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    m_last_saved = dialog.GetNote().id;
    if (m_on_saved) {
        m_on_saved();
    }
    return true;
}

bool SessionNoteController::RunViewer(wxWindow* parent, const core::Client& client,
                                      core::SessionNote note) {
    const core::SessionNoteId id = note.id;
    SessionNoteViewDialog dialog(
        parent, client, std::move(note), [this](core::StaffId staff) { return StaffName(staff); },
        [this, id](core::Amendment amendment) -> std::optional<core::SessionNote> {
            const std::optional<core::Staff> at_desk = m_desk ? m_desk() : std::nullopt;
            if (!at_desk) {
                return std::nullopt;
            }
            amendment.amended_by = at_desk->id;
            m_notes.Amend(id, amendment);
            return m_notes.Get(id);
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

void SessionNoteController::Save(core::SessionNote& note, bool sign, core::StaffId signer) {
    // A new note and its signature are one unit: both or neither.
    const core::SessionNote before = note;
    try {
        db::Transaction transaction(m_database);
        if (note.id == 0) {
            m_notes.Add(note);
        } else {
            m_notes.Update(note);
        }
        if (sign) {
            m_notes.Sign(note.id, signer);
        }
        transaction.Commit();
    } catch (...) {
        note = before;  // nothing was saved: the id and version are as they were
        throw;
    }
}

}  // namespace myodesk::app
