#include "sessions/sessions_panel.h"

#include "common/code_names.h"
#include "common/empty_list_page.h"
#include "common/error_message.h"
#include "sessions/session_list_ctrl.h"
#include "sessions/session_note_controller.h"
#include "sessions/session_note_text.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace myodesk::app {

SessionsPanel::SessionsPanel(wxWindow* parent, services::NoteService& notes,
                             SessionNoteController& controller)
    : wxPanel(parent, wxID_ANY), m_notes(notes), m_controller(controller) {
    SetName("sessions");
    m_new = new wxButton(this, wxID_ANY, _("&New session note…"));
    m_new->SetToolTip(_("Write the note of today's session (Ctrl+Shift+N)"));
    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewNote(); });
    m_copy = new wxButton(this, wxID_ANY, _("&Copy last note…"));
    m_copy->SetToolTip(
        _("A new note with the regions, pressure and techniques of the last one "
          "(Ctrl+Shift+L)"));
    m_copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CopyLastNote(); });
    m_copy->Bind(wxEVT_UPDATE_UI, &SessionsPanel::OnUpdateCopy, this);
    m_open = new wxButton(this, wxID_ANY, _("&Open"));
    m_open->SetToolTip(
        _("Open the selected note (Enter): edit it while unsigned, read and "
          "amend it once signed"));
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSelected(); });
    m_open->Bind(wxEVT_UPDATE_UI, &SessionsPanel::OnUpdateOpen, this);
    m_delete = new wxButton(this, wxID_ANY, _("&Delete…"));
    m_delete->SetToolTip(
        _("Delete the selected note while it is unsigned (one written by "
          "mistake); a signed note is kept and corrected with an amendment"));
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteSelected(); });
    m_delete->Bind(wxEVT_UPDATE_UI, &SessionsPanel::OnUpdateDelete, this);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(m_new, wxSizerFlags().CentreVertical());
    bar->AddSpacer(FromDIP(6));
    bar->Add(m_copy, wxSizerFlags().CentreVertical());
    bar->AddSpacer(FromDIP(6));
    bar->Add(m_open, wxSizerFlags().CentreVertical());
    bar->AddSpacer(FromDIP(6));
    bar->Add(m_delete, wxSizerFlags().CentreVertical());
    bar->AddStretchSpacer();
    bar->Add(m_summary, wxSizerFlags().CentreVertical());

    m_book = new wxSimplebook(this);
    m_list = new SessionListCtrl(m_book, wxID_ANY, m_model);
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, &SessionsPanel::OnListActivated, this);
    m_book->AddPage(m_list, wxString());
    auto* empty = NewEmptyListPage(
        m_book, _("No session notes yet"),
        _("After the session, write its note with New session note… (Ctrl+Shift+N): click the "
          "regions you worked on the body chart, tick the techniques, a few words, sign."),
        FromDIP(480));
    m_book->AddPage(empty, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_book, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);
}

void SessionsPanel::ShowClient(core::ClientId client) {
    m_client = client;
    m_model.SetSource([this, client] { return m_notes.CountForClient(client); },
                      [this, client](std::int64_t offset, std::int64_t limit) {
                          return m_notes.ListForClient(client, offset, limit);
                      });
    m_list->RefreshRows();
    if (m_list->GetItemCount() > 0) {
        m_list->SelectRow(0);
    }
    UpdateSummary();
}

void SessionsPanel::Reload() {
    try {
        m_model.Refresh();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The session notes could not be read."), error);
    }
    m_list->RefreshRows();
    UpdateSummary();
}

void SessionsPanel::UpdateSummary() {
    const std::int64_t count = m_model.RowCount();
    m_book->ChangeSelection(count > 0 ? 0 : 1);
    if (count == 0) {
        m_summary->SetLabelText(wxString());
        return;
    }
    m_summary->SetLabelText(
        wxString::Format(wxPLURAL("%lld note, newest first", "%lld notes, newest first",
                                  static_cast<unsigned>(count % 1000000)),
                         static_cast<long long>(count)));
    Layout();
}

wxString SessionsPanel::SummaryText() const {
    return m_summary->GetLabelText();
}

bool SessionsPanel::NewNote() {
    if (m_client == 0 || !m_controller.NewNote(this, m_client, false)) {
        return false;
    }
    AfterSave();
    return true;
}

bool SessionsPanel::CopyLastNote() {
    if (m_client == 0 || !m_controller.NewNote(this, m_client, true)) {
        return false;
    }
    AfterSave();
    return true;
}

bool SessionsPanel::OpenSelected() {
    const std::optional<db::SessionNoteSummary> selected = m_list->SelectedNote();
    if (!selected) {
        return false;
    }
    if (!m_controller.OpenNote(this, selected->id)) {
        return false;
    }
    AfterSave();
    return true;
}

bool SessionsPanel::DeleteSelected() {
    const std::optional<db::SessionNoteSummary> selected = m_list->SelectedNote();
    if (!selected || selected->is_signed) {
        return false;
    }
    wxMessageDialog ask(
        this,
        wxString::Format(_("Delete the unsigned note of %s, %s?"),
                         FormatReadableDate(selected->date),
                         SessionTimeRange(selected->start_minute, selected->duration_min)),
        _("Delete note"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(
        _("The note, its regions and techniques are removed; this cannot be "
          "undone."));
    ask.SetYesNoLabels(_("&Delete"), _("&Keep it"));
    if (ask.ShowModal() != wxID_YES) {
        return false;
    }
    try {
        m_notes.Delete(selected->id);
    } catch (const db::ValidationError&) {
        // Signed at another desk meanwhile: kept.
        wxMessageBox(_("This note was signed in the meantime; a signed note is kept (correct "
                       "it with an amendment)."),
                     _("Delete note"), wxOK | wxICON_INFORMATION, this);
        Reload();
        return false;
    } catch (const db::DatabaseError& error) {
        // Removed at another desk meanwhile, or the database failed.
        ShowErrorMessage(this, _("The note could not be deleted."), error, _("Delete note"));
        Reload();
        return false;
    }
    Reload();
    return true;
}

void SessionsPanel::AfterSave() {
    Reload();
    // The note saved is selected; a new one is usually the newest, on the first page.
    if (const std::optional<core::SessionNoteId> saved = m_controller.LastSaved()) {
        for (std::int64_t row = 0;
             row < std::min<std::int64_t>(m_model.RowCount(), m_model.PageSize()); ++row) {
            if (const auto note = m_model.Row(row); note && note->id == *saved) {
                m_list->SelectRow(static_cast<long>(row));
                break;
            }
        }
    }
    m_list->SetFocus();
}

void SessionsPanel::OnListActivated(wxListEvent&) {
    OpenSelected();
}

void SessionsPanel::OnUpdateOpen(wxUpdateUIEvent& event) {
    event.Enable(m_list->SelectedIndex() >= 0);
}

void SessionsPanel::OnUpdateDelete(wxUpdateUIEvent& event) {
    const std::optional<db::SessionNoteSummary> selected = m_list->SelectedNote();
    event.Enable(selected && !selected->is_signed);
}

void SessionsPanel::OnUpdateCopy(wxUpdateUIEvent& event) {
    event.Enable(m_model.RowCount() > 0);
}

}  // namespace myodesk::app
