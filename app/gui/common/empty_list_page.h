#pragma once

#include <wx/panel.h>

class wxStaticText;

namespace myodesk::app {

// What stands in a list's place while the list is empty (as the other page of a wxSimplebook):
// a title and a sentence saying how to fill it, centred on the list's background.
// `wrap_width` is in pixels.
wxPanel* NewEmptyListPage(wxWindow* parent, const wxString& title, const wxString& text,
                          int wrap_width);

// A text given a bold or larger font out of sight (on a page not shown yet) is measured by GTK
// in the font it had before, and cut short: this sets its size from the font it has.
void FitToText(wxStaticText* text);

}  // namespace myodesk::app
