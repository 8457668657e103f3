#include "sessions/unsigned_notes_dialog.h"

#include "common/error_message.h"
#include "sessions/session_list_ctrl.h"
#include "sessions/session_note_controller.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace myodesk::app {

UnsignedNotesDialog::UnsignedNotesDialog(wxWindow* parent, services::NoteService& notes,
                                         SessionNoteController& controller)
    : FormDialog(parent, _("Unsigned notes"), "UnsignedNotesDialog"),
      m_notes(notes),
      m_controller(controller),
      m_model([this] { return m_notes.CountUnsigned(); },
              [this](std::int64_t offset, std::int64_t limit) {
                  return m_notes.ListUnsigned(offset, limit);
              }) {
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_list = new SessionListCtrl(this, wxID_ANY, m_model, [this](core::ClientId client) {
        return m_controller.ClientName(client);
    });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, &UnsignedNotesDialog::OnListActivated, this);

    m_open = new wxButton(this, wxID_OPEN, _("&Open…"));
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSelected(); });
    m_open->Bind(wxEVT_UPDATE_UI,
                 [this](wxUpdateUIEvent& event) { event.Enable(m_list->SelectedIndex() >= 0); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_open, wxSizerFlags().CentreVertical());
    buttons->AddStretchSpacer();
    buttons->Add(CreateCloseButton(), wxSizerFlags().CentreVertical());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(m_summary, wxSizerFlags().Border(wxALL, FromDIP(12)));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(top);
    RestoreGeometry(FromDIP(wxSize(1000, 480)));
    Reload();
    m_list->SetFocus();
}

void UnsignedNotesDialog::Reload() {
    try {
        m_model.Refresh();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The unsigned notes could not be read."), error);
    }
    m_list->RefreshRows();
    const std::int64_t count = m_model.RowCount();
    m_summary->SetLabelText(
        count == 0 ? _("Every note is signed.")
                   : wxString::Format(wxPLURAL("%lld note is not signed yet (oldest first). "
                                               "Open it to finish and sign it.",
                                               "%lld notes are not signed yet (oldest first). "
                                               "Open one to finish and sign it.",
                                               static_cast<unsigned>(count % 1000000)),
                                      static_cast<long long>(count)));
    if (count > 0) {
        m_list->SelectRow(0);
    }
    Layout();
}

bool UnsignedNotesDialog::OpenSelected() {
    const std::optional<db::SessionNoteSummary> selected = m_list->SelectedNote();
    if (!selected || !m_controller.OpenNote(this, selected->id)) {
        return false;
    }
    m_changed = true;
    Reload();
    return true;
}

void UnsignedNotesDialog::OnListActivated(wxListEvent&) {
    OpenSelected();
}

}  // namespace myodesk::app
