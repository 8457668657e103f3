#pragma once

#include <wx/panel.h>

namespace myodesk::app {

// What stands in a list's place while the list is empty (as the other page of a wxSimplebook):
// a title and a sentence saying how to fill it, centred on the list's background.
// `wrap_width` is in pixels.
wxPanel* NewEmptyListPage(wxWindow* parent, const wxString& title, const wxString& text,
                          int wrap_width);

}  // namespace myodesk::app
