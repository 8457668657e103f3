#pragma once

#include <myodesk/core/backup_retention.h>

#include <wx/dialog.h>

class wxCheckBox;
class wxDirPickerCtrl;
class wxSpinCtrl;

namespace myodesk::app {

// File ▸ Backup settings…: the practice's automatic backups ("backup.*", docs/backups.md):
// on or off, the folder (empty: "backups" beside the database), how many to keep, and after
// how many days the status bar warns.
class BackupSettingsDialog : public wxDialog {
  public:
    BackupSettingsDialog(wxWindow* parent, const core::BackupSettings& settings,
                         const wxString& default_folder);

    core::BackupSettings GetSettings() const;
    wxCheckBox* Automatic() const { return m_automatic; }
    wxSpinCtrl* KeepDaily() const { return m_keep_daily; }

  private:
    core::BackupSettings m_settings;
    wxCheckBox* m_automatic = nullptr;
    wxDirPickerCtrl* m_folder = nullptr;
    wxSpinCtrl* m_keep_daily = nullptr;
    wxSpinCtrl* m_keep_weekly = nullptr;
    wxSpinCtrl* m_keep_monthly = nullptr;
    wxSpinCtrl* m_warn_after = nullptr;
};

}  // namespace myodesk::app
