#pragma once

#include <wx/string.h>

class wxWindow;

namespace myodesk::app {

// Asks before a form with unsaved input is closed. `question` names what would be lost
// ("Throw away this note?"). True when the user chose to throw it away.
bool ConfirmThrowAway(wxWindow* parent, const wxString& question, const wxString& title);

}  // namespace myodesk::app
