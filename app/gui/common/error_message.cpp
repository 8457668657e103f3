#include "common/error_message.h"

#include "common/wx_conversions.h"

#include <wx/msgdlg.h>

namespace myodesk::app {

void ShowErrorMessage(wxWindow* parent, const wxString& what, const std::exception& error,
                      const wxString& title) {
    wxMessageDialog dialog(parent, what, title, wxOK | wxICON_ERROR);
    dialog.SetExtendedMessage(ToWx(error.what()));
    dialog.ShowModal();
}

}  // namespace myodesk::app
