#include "intake/screening_confirmation.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace myodesk::app {

bool ConfirmScreening(wxWindow* parent, services::IntakeService& intakes,
                      const core::Client& client, const core::Date& day, const wxString& question,
                      const wxString& go_ahead) {
    const std::optional<services::ScreeningGap> gap = intakes.ScreeningGapOn(client.id, day);
    if (!gap) {
        return true;
    }
    const wxString name = ToWx(core::DisplayName(client));
    const bool none = gap->kind == services::ScreeningGap::Kind::kNoIntake;
    const wxString why =
        none ? wxString::Format(_("%s has no intake: contraindications were not screened."), name)
             : wxString::Format(_("The intake of %s, taken on %s, is over a year old."), name,
                                FormatReadableDate(*gap->taken_on));
    wxMessageDialog ask(parent, why + ' ' + question, _("Not screened"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(none ? _("Take an intake with the client first when you can (Client "
                                    "\u25B8 New intake\u2026).")
                                : _("Ask the client to renew it (Intake tab \u25B8 Renew from "
                                    "this\u2026)."));
    ask.SetYesNoLabels(go_ahead, _("&Cancel"));
    return ask.ShowModal() == wxID_YES;
}

}  // namespace myodesk::app
