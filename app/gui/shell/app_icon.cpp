#include "shell/app_icon.h"

#include "shell/app_icon_data.h"

#include <wx/bitmap.h>
#include <wx/icon.h>
#include <wx/image.h>
#include <wx/imagpng.h>

#include <vector>

namespace myodesk::app {

namespace {

std::vector<wxBitmap> Bitmaps() {
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
    std::vector<wxBitmap> bitmaps;
    for (const EmbeddedPng& png : AppIconPngs()) {
        wxBitmap bitmap = wxBitmap::NewFromPNGData(png.data, png.size);
        if (bitmap.IsOk()) {
            bitmaps.push_back(bitmap);
        }
    }
    return bitmaps;
}

}  // namespace

wxIconBundle AppIcons() {
    wxIconBundle icons;
    for (const wxBitmap& bitmap : Bitmaps()) {
        wxIcon icon;
        icon.CopyFromBitmap(bitmap);
        icons.AddIcon(icon);
    }
    return icons;
}

wxBitmapBundle AppLogo() {
    const std::vector<wxBitmap> bitmaps = Bitmaps();
    return wxBitmapBundle::FromBitmaps(wxVector<wxBitmap>(bitmaps.begin(), bitmaps.end()));
}

}  // namespace myodesk::app
