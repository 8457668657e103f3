#pragma once

#include <wx/string.h>

#include <exception>

class wxWindow;

namespace myodesk::app {

// Says in a message box that something failed: `what` in words, and under it the error's own
// text, for whoever looks into the problem.
void ShowErrorMessage(wxWindow* parent, const wxString& what, const std::exception& error,
                      const wxString& title = wxString("MyoDesk"));

}  // namespace myodesk::app
