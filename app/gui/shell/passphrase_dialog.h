#pragma once

#include <wx/dialog.h>

#include <optional>
#include <string>

class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

// The passphrase of an encrypted backup (docs/backups.md): typed twice for a new one (at
// least db::kMinPassphraseLength characters, both the same before OK is enabled), once to
// open one. Never shown, never kept after the dialog.
class PassphraseDialog : public wxDialog {
  public:
    // kOwnerPassword: the owner's new password at an import (typed twice); `name` is then
    // their username, else the backup's file name.
    enum Purpose { kNewBackup, kOpenBackup, kOwnerPassword };
    PassphraseDialog(wxWindow* parent, Purpose purpose, const wxString& name = wxString());

    std::string Passphrase() const;
    wxTextCtrl* First() const { return m_first; }
    wxTextCtrl* Second() const { return m_second; }
    // Why OK is not enabled yet ("too short", "they differ"), empty when it is.
    wxString Problem() const;

  private:
    Purpose m_purpose;
    wxTextCtrl* m_first = nullptr;
    wxTextCtrl* m_second = nullptr;
    wxStaticText* m_problem = nullptr;
};

// Asks for the passphrase to open `backup` when it is an encrypted one: nullopt when it is not
// one; an empty optional's opposite, "cancelled", is told by `cancelled`.
std::optional<std::string> AskPassphraseToOpen(wxWindow* parent, const std::string& backup,
                                               bool& cancelled);

}  // namespace myodesk::app
