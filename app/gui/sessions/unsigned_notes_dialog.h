#pragma once

#include "common/form_dialog.h"
#include "sessions/session_list_model.h"

#include <myodesk/services/note_service.h>

class wxButton;
class wxListEvent;
class wxStaticText;

namespace myodesk::app {

class SessionListCtrl;
class SessionNoteController;

// Client ▸ Unsigned notes…: the notes of every client not signed yet, oldest first, so that
// none is forgotten. Open (Enter, double-click) edits one to finish and sign it; the list
// then shrinks.
class UnsignedNotesDialog : public FormDialog {
  public:
    // The service and controller must outlive the dialog.
    UnsignedNotesDialog(wxWindow* parent, services::NoteService& notes,
                        SessionNoteController& controller);

    void Reload();
    bool OpenSelected();

    SessionListModel& Model() { return m_model; }
    SessionListCtrl* List() const { return m_list; }
    // Whether a note was saved while the dialog was open.
    bool Changed() const { return m_changed; }

  private:
    void OnListActivated(wxListEvent& event);

    services::NoteService& m_notes;
    SessionNoteController& m_controller;
    SessionListModel m_model;
    bool m_changed = false;

    SessionListCtrl* m_list = nullptr;
    wxStaticText* m_summary = nullptr;
    wxButton* m_open = nullptr;
};

}  // namespace myodesk::app
