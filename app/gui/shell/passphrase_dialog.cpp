#include "shell/passphrase_dialog.h"

#include "common/wx_conversions.h"

#include <myodesk/db/encrypted_backup.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <filesystem>

namespace myodesk::app {

PassphraseDialog::PassphraseDialog(wxWindow* parent, Purpose purpose, const wxString& file_name)
    : wxDialog(parent, wxID_ANY,
               purpose == kNewBackup ? _("Encrypted backup") : _("Open an encrypted backup")),
      m_purpose(purpose) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxString intro =
        purpose == kNewBackup
            ? wxString::Format(
                  _("The backup is encrypted with this passphrase: without it nobody, MyoDesk "
                    "included, can open it. Keep it somewhere safe, apart from the stick. At "
                    "least %d characters."),
                  static_cast<int>(db::kMinPassphraseLength))
            : wxString::Format(_("%s is encrypted. Its passphrase:"), file_name);
    auto* text = new wxStaticText(this, wxID_ANY, intro);
    text->Wrap(FromDIP(420));
    sizer->Add(text, wxSizerFlags().Border(wxALL));
    m_first = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                             FromDIP(wxSize(420, -1)), wxTE_PASSWORD);
    sizer->Add(m_first, wxSizerFlags().Border(wxLEFT | wxRIGHT).Expand());
    if (purpose == kNewBackup) {
        sizer->Add(new wxStaticText(this, wxID_ANY, _("The same passphrase again:")),
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
    if (Passphrase().size() < db::kMinPassphraseLength) {
        return wxString::Format(_("At least %d characters."),
                                static_cast<int>(db::kMinPassphraseLength));
    }
    if (m_second->GetValue() != m_first->GetValue()) {
        return _("The two passphrases differ.");
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
