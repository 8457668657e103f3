#pragma once

#include <wx/bmpbndl.h>
#include <wx/iconbndl.h>

namespace myodesk::app {

// The MyoDesk icon in every embedded size: for windows (SetIcons) and the About box.
wxIconBundle AppIcons();
wxBitmapBundle AppLogo();

}  // namespace myodesk::app
