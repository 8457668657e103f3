#include "intake/flag_override_dialog.h"

#include "common/code_names.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "intake/contraindication_banner.h"

#include <myodesk/core/session_note.h>
#include <myodesk/core/text.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace myodesk::app {

namespace {
constexpr std::size_t kReasonLimit = core::SessionNoteLimits::kReason;
}  // namespace

FlagOverrideDialog::FlagOverrideDialog(wxWindow* parent, const core::Client& client,
                                       const core::Date& date,
                                       const std::vector<core::ContraindicationFlag>& flags,
                                       const wxString& action)
    : FormDialog(parent, _("No massage: refer"), "FlagOverrideDialog") {
    auto* heading = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("%s has an absolute contraindication on %s:"),
                         ToWx(core::DisplayName(client)), FormatReadableDate(date)));
    heading->SetFont(heading->GetFont().Bold());

    auto* list = new wxBoxSizer(wxVERTICAL);
    for (const core::ContraindicationFlag& flag : flags) {
        auto* line =
            new wxStaticText(this, wxID_ANY, wxString::FromUTF8("• ") + FlagSentence(flag));
        line->SetFont(line->GetFont().Bold());
        list->Add(line, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    }
    auto* rule = new wxStaticText(
        this, wxID_ANY,
        _("The clinic's rule is no massage: refer the client to their physician. To go ahead "
          "anyway, say why (for example, written clearance from the physician). The reason is "
          "kept with the record and printed in the client report."));
    rule->Wrap(FromDIP(520));

    auto* label = new wxStaticText(this, wxID_ANY, _("&Reason for going ahead"));
    // One line, as an amendment's reason; a full field says so.
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "flag_override");
    m_reason->SetMinSize(wxSize(FromDIP(520), -1));
    SayWhenFull(m_reason, _("Reason for going ahead"), kReasonLimit);
    m_problem = new ProblemLabel(this);

    // Cancel is the default: Enter never overrides a red flag.
    wxStdDialogButtonSizer* buttons =
        CreateFormButtons(wxID_OK, action, wxString(), _("Cancel"), /*enter_affirms=*/false);
    if (auto* cancel = FindWindow(wxID_CANCEL)) {
        if (auto* button = dynamic_cast<wxButton*>(cancel)) {
            button->SetDefault();
        }
    }
    SetDiscardQuestion(_("Leave without overriding the flag?"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    top->Add(list, wxSizerFlags().Border(wxALL, FromDIP(12)));
    top->Add(rule, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    top->Add(label, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(m_reason, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    top->Add(m_problem, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    m_reason->SetFocus();
}

std::string FlagOverrideDialog::Reason() const {
    return core::Trim(ToUtf8(m_reason->GetValue()));
}

bool FlagOverrideDialog::TransferDataFromWindow() {
    if (!Reason().empty()) {
        return true;
    }
    m_problem->ShowText(_("Reason for going ahead: say why the flag is overridden."));
    Layout();
    m_reason->SetFocus();
    return false;
}

bool FlagOverrideDialog::IsDirty() const {
    return !m_reason->GetValue().empty();
}

std::optional<std::string> AskFlagOverride(wxWindow* parent, const core::Client& client,
                                           const core::Date& date,
                                           const std::vector<core::ContraindicationFlag>& flags,
                                           const wxString& action) {
    FlagOverrideDialog dialog(parent, client, date, flags, action);
    if (dialog.ShowModal() != wxID_OK) {
        return std::nullopt;
    }
    return dialog.Reason();
}

}  // namespace myodesk::app
