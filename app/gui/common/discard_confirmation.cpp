#include "common/discard_confirmation.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace myodesk::app {

bool ConfirmThrowAway(wxWindow* parent, const wxString& question, const wxString& title) {
    wxMessageDialog ask(parent, question, title, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetExtendedMessage(_("What you entered in this window has not been saved."));
    ask.SetYesNoLabels(_("&Throw away"), _("&Keep editing"));
    return ask.ShowModal() == wxID_YES;
}

}  // namespace myodesk::app
