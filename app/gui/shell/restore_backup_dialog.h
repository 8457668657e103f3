#pragma once

#include <myodesk/services/backup_service.h>

#include <wx/dialog.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

class wxListCtrl;
class wxRadioButton;

namespace myodesk::app {

// File ▸ Restore from backup…: the practice's backups (when made, size, clients, session
// notes), newest first, or another backup file chosen from a stick or a cloud folder; and
// whether it replaces the practice (kept first as it is now) or goes into a new file.
class RestoreBackupDialog : public wxDialog {
  public:
    enum Choices { kOverOrNewFile, kOverOnly, kNewServerDatabase };
    // kOverOnly: the practice cannot be opened, the backup goes over it.
    // kNewServerDatabase: a practice on a PostgreSQL server, never replaced: IntoNewFile().
    RestoreBackupDialog(wxWindow* parent, std::vector<services::BackupFile> backups,
                        Choices choices = kOverOrNewFile);

    // The backup chosen; nullopt until one is.
    std::optional<std::filesystem::path> Chosen() const;
    bool IntoNewFile() const;
    // Selects the row of `backup`, adding it to the list when it is not there (tests, Choose).
    void Choose(const std::filesystem::path& backup);
    wxListCtrl* List() const { return m_list; }

  private:
    void Fill();
    void OnChooseFile();

    std::vector<services::BackupFile> m_backups;
    wxListCtrl* m_list = nullptr;
    wxRadioButton* m_replace = nullptr;
    wxRadioButton* m_new_file = nullptr;
};

// A manifest's "2026-12-07T18:30:05" in the user's date and time format.
wxString BackupMadeText(const std::string& created_local);

// "1.2 MB": a backup's size as people read it.
wxString BackupSizeText(std::uintmax_t bytes);

}  // namespace myodesk::app
