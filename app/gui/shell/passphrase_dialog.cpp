#include "shell/passphrase_dialog.h"

#include "common/wx_conversions.h"

#include <myodesk/db/encrypted_backup.h>
#include <myodesk/services/account_service.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <filesystem>

namespace myodesk::app {

namespace {

wxString TitleFor(PassphraseDialog::Purpose purpose) {
    switch (purpose) {
        case PassphraseDialog::kNewBackup:
            return _("Encrypted backup");
        case PassphraseDialog::kOpenBackup:
            return _("Open an encrypted backup");
        case PassphraseDialog::kOwnerPassword:
            break;
    }
    return _("The owner's new password");
}

wxString IntroFor(PassphraseDialog::Purpose purpose, const wxString& name) {
    switch (purpose) {
        case PassphraseDialog::kNewBackup:
            return wxString::Format(
                _("The backup is encrypted with this passphrase: without it nobody, MyoDesk "
                  "included, can open it. Keep it somewhere safe, apart from the stick. At "
                  "least %d characters."),
                static_cast<int>(db::kMinPassphraseLength));
        case PassphraseDialog::kOpenBackup:
            return wxString::Format(_("%s is encrypted. Its passphrase:"), name);
        case PassphraseDialog::kOwnerPassword:
            break;
    }
    return wxString::Format(
        _("The export has staff accounts, and passwords never leave a practice. The owner "
          "signs in with this new password and then gives the other staff theirs. At least %d "
          "characters."),
        static_cast<int>(services::kMinPasswordLength));
}

// The fewest characters of what is typed: a passphrase's or a password's.
std::size_t MinimumLength(PassphraseDialog::Purpose purpose) {
    return purpose == PassphraseDialog::kOwnerPassword ? services::kMinPasswordLength
                                                       : db::kMinPassphraseLength;
}

}  // namespace

PassphraseDialog::PassphraseDialog(wxWindow* parent, Purpose purpose, const wxString& name)
    : wxDialog(parent, wxID_ANY, TitleFor(purpose)), m_purpose(purpose) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxString intro = IntroFor(purpose, name);
    auto* text = new wxStaticText(this, wxID_ANY, intro);
    text->Wrap(FromDIP(420));
    sizer->Add(text, wxSizerFlags().Border(wxALL));
    m_first = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                             FromDIP(wxSize(420, -1)), wxTE_PASSWORD);
    sizer->Add(m_first, wxSizerFlags().Border(wxLEFT | wxRIGHT).Expand());
    if (purpose != kOpenBackup) {
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    purpose == kNewBackup ? _("The same passphrase again:")
                                                          : _("The same password again:")),
                   wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP));
        m_second = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxTE_PASSWORD);
        sizer->Add(m_second, wxSizerFlags().Border(wxLEFT | wxRIGHT).Expand());
    }
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_problem, wxSizerFlags().Border(wxALL));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Border(wxALL).Expand());
    SetSizerAndFit(sizer);
    m_first->SetFocus();
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            const wxString problem = Problem();
            if (m_problem->GetLabel() != problem) {
                m_problem->SetLabel(problem);
            }
            event.Enable(problem.empty() && !m_first->GetValue().empty());
        },
        wxID_OK);
}

std::string PassphraseDialog::Passphrase() const {
    return ToUtf8(m_first->GetValue());
}

wxString PassphraseDialog::Problem() const {
    if (m_purpose == kOpenBackup || m_first->GetValue().empty()) {
        return {};
    }
    if (Passphrase().size() < MinimumLength(m_purpose)) {
        return wxString::Format(_("At least %d characters."),
                                static_cast<int>(MinimumLength(m_purpose)));
    }
    if (m_second->GetValue() != m_first->GetValue()) {
        return m_purpose == kNewBackup ? _("The two passphrases differ.")
                                       : _("The two passwords differ.");
    }
    return {};
}

std::optional<std::string> AskPassphraseToOpen(wxWindow* parent, const std::string& backup,
                                               bool& cancelled) {
    cancelled = false;
    if (!db::IsEncryptedBackup(backup)) {
        return std::nullopt;
    }
    PassphraseDialog dialog(parent, PassphraseDialog::kOpenBackup,
                            ToWx(std::filesystem::path(backup).filename().string()));
    if (dialog.ShowModal() != wxID_OK) {
        cancelled = true;
        return std::nullopt;
    }
    return dialog.Passphrase();
}

}  // namespace myodesk::app
