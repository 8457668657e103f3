#pragma once

#include "sessions/session_list_model.h"

#include <myodesk/core/client.h>
#include <myodesk/services/note_service.h>

#include <wx/panel.h>

class wxButton;
class wxListEvent;
class wxSimplebook;
class wxStaticText;

namespace myodesk::app {

class SessionListCtrl;
class SessionNoteController;

// The Sessions tab of the client workspace: the client's notes newest first in a virtual
// list (read a page at a time, never all at once), with New session note… (Ctrl+Shift+N),
// Copy last note (Ctrl+Shift+L) and Open (Enter, double-click): the editor for an unsigned
// note, the read-only view with Amend… for a signed one; Delete… removes an unsigned note
// (asked first; a signed note is never deleted).
class SessionsPanel : public wxPanel {
  public:
    // The service and controller must outlive the panel.
    SessionsPanel(wxWindow* parent, services::NoteService& notes,
                  SessionNoteController& controller);

    // Lists the client's notes.
    void ShowClient(core::ClientId client);
    // Counts and repaints again (after a note was saved elsewhere).
    void Reload();

    // The buttons' actions; true when a note was saved.
    bool NewNote();
    bool CopyLastNote();
    bool OpenSelected();
    // Deletes the selected unsigned note after asking; true when it was deleted.
    bool DeleteSelected();

    SessionListModel& Model() { return m_model; }
    SessionListCtrl* List() const { return m_list; }
    wxButton* NewButton() const { return m_new; }
    wxButton* CopyButton() const { return m_copy; }
    wxButton* OpenButton() const { return m_open; }
    wxButton* DeleteButton() const { return m_delete; }
    wxString SummaryText() const;

  private:
    void AfterSave();
    void UpdateSummary();

    void OnListActivated(wxListEvent& event);
    void OnUpdateOpen(wxUpdateUIEvent& event);
    void OnUpdateCopy(wxUpdateUIEvent& event);
    void OnUpdateDelete(wxUpdateUIEvent& event);

    services::NoteService& m_notes;
    SessionNoteController& m_controller;
    core::ClientId m_client = 0;
    SessionListModel m_model;

    wxButton* m_new = nullptr;
    wxButton* m_copy = nullptr;
    wxButton* m_open = nullptr;
    wxButton* m_delete = nullptr;
    wxStaticText* m_summary = nullptr;
    wxSimplebook* m_book = nullptr;
    SessionListCtrl* m_list = nullptr;
};

}  // namespace myodesk::app
