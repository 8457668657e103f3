#include "shell/restore_backup_dialog.h"

#include "common/wx_conversions.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace myodesk::app {

namespace {

long long RowsOf(const services::BackupFile& file, const char* table) {
    if (!file.manifest) {
        return -1;
    }
    const auto found = file.manifest->rows.find(table);
    return found == file.manifest->rows.end() ? 0 : static_cast<long long>(found->second);
}

wxString CountText(long long count) {
    return count < 0 ? wxString("?") : wxString::Format("%lld", count);
}

// "2026-12-07T18:30:05" in the user's date and time format.
wxString MadeText(const services::BackupFile& file) {
    if (file.encrypted) {
        return file.made_local.empty()
                   ? _("(encrypted)")
                   : wxString::Format(_("%s (encrypted)"), BackupMadeText(file.made_local));
    }
    if (!file.manifest) {
        return _("(no manifest)");
    }
    return BackupMadeText(file.manifest->created_local);
}

}  // namespace

wxString BackupMadeText(const std::string& created_local) {
    wxDateTime made;
    if (!made.ParseISOCombined(ToWx(created_local))) {
        return ToWx(created_local);
    }
    return made.Format("%x %X");
}

wxString BackupSizeText(std::uintmax_t bytes) {
    return wxFileName::GetHumanReadableSize(wxULongLong(bytes), "0 B", 1, wxSIZE_CONV_SI);
}

RestoreBackupDialog::RestoreBackupDialog(wxWindow* parent,
                                         std::vector<services::BackupFile> backups, Choices choices)
    : wxDialog(parent, wxID_ANY, _("Restore from backup"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_backups(std::move(backups)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                _("Choose the backup to restore. Each is checked against its "
                                  "manifest before anything is written.")),
               wxSizerFlags().Border(wxALL).Expand());
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(660, 220)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Made"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_list->AppendColumn(_("Size"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    // Every client record, archived ones too (the status bar counts the active ones).
    m_list->AppendColumn(_("Client records"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    m_list->AppendColumn(_("Session notes"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    m_list->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(320));
    sizer->Add(m_list, wxSizerFlags(1).Border(wxLEFT | wxRIGHT).Expand());
    auto* other = new wxButton(this, wxID_ANY, _("Another backup file…"));
    other->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnChooseFile(); });
    sizer->Add(other, wxSizerFlags().Border(wxALL));

    m_replace = new wxRadioButton(
        this, wxID_ANY,
        _("Replace this practice with the backup (the practice as it is now is kept in its "
          "backups folder)"),
        wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_new_file = new wxRadioButton(this, wxID_ANY,
                                   _("Restore into a new database file, leaving this practice "
                                     "as it is"));
    sizer->Add(m_replace, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    sizer->Add(m_new_file, wxSizerFlags().Border(wxALL));
    if (choices == kNewServerDatabase) {
        // A server's practice is never replaced: its backup goes into a new, empty database.
        m_replace->Hide();
        m_new_file->SetLabel(
            _("Restore into a new, empty PostgreSQL database, leaving this practice as it is"));
        m_new_file->SetValue(true);
    }
    if (choices == kOverOnly) {
        m_new_file->Hide();
        m_replace->SetLabel(
            _("Restore the backup in place of the practice (the database as it "
              "is now is kept in its backups folder)"));
    }

    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK)) {
        ok->SetLabel(_("&Restore…"));
    }
    sizer->Add(buttons, wxSizerFlags().Border(wxALL).Expand());
    SetSizerAndFit(sizer);
    Fill();
    m_list->SetFocus();  // arrow keys choose, Enter (or a double click) restores
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) { event.Enable(Chosen().has_value()); },
        wxID_OK);
}

void RestoreBackupDialog::Fill() {
    m_list->DeleteAllItems();
    for (const services::BackupFile& file : m_backups) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), MadeText(file));
        m_list->SetItem(row, 1, BackupSizeText(file.bytes));
        m_list->SetItem(row, 2, CountText(RowsOf(file, "clients")));
        m_list->SetItem(row, 3, CountText(RowsOf(file, "session_notes")));
        m_list->SetItem(row, 4, ToWx(file.path.filename().string()));
    }
    if (!m_backups.empty()) {
        m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
}

std::optional<std::filesystem::path> RestoreBackupDialog::Chosen() const {
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= m_backups.size()) {
        return std::nullopt;
    }
    return m_backups[static_cast<std::size_t>(row)].path;
}

bool RestoreBackupDialog::IntoNewFile() const {
    return m_new_file->GetValue();
}

void RestoreBackupDialog::Choose(const std::filesystem::path& backup) {
    auto found =
        std::find_if(m_backups.begin(), m_backups.end(),
                     [&backup](const services::BackupFile& file) { return file.path == backup; });
    if (found == m_backups.end()) {
        services::BackupFile file;
        file.path = backup;
        std::error_code error;
        file.bytes = std::filesystem::file_size(backup, error);
        file.encrypted = db::IsEncryptedBackup(backup);
        file.manifest = db::ReadBackupManifest(backup);
        m_backups.insert(m_backups.begin(), std::move(file));
        Fill();
        return;
    }
    const long row = static_cast<long>(found - m_backups.begin());
    m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                         wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

void RestoreBackupDialog::OnChooseFile() {
    wxFileDialog dialog(
        this, _("Choose a backup"), wxString(), wxString(),
        _("MyoDesk backups (*.sqlite;*.pgdump;*.encrypted)|*.sqlite;*.pgdump;*.encrypted"),
        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) {
        Choose(std::filesystem::path(ToUtf8(dialog.GetPath())));
    }
}

}  // namespace myodesk::app
