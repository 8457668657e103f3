// File ▸ Back up now…: the practice copied into its backups folder through
// services::BackupService (docs/backups.md), with progress and cancel. File ▸ Restore from
// backup…: a backup chosen, checked, and restored over the practice or into a new file.
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "shell/backup_settings_dialog.h"
#include "shell/main_frame.h"
#include "shell/passphrase_dialog.h"
#include "shell/restore_backup_dialog.h"

#include <myodesk/services/backup_service.h>
#include <myodesk/services/settings_service.h>

#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>

namespace myodesk::app {

namespace {

// How often the daily backup is looked for, and how long nobody must have touched MyoDesk
// before it is made (it holds the window for a moment).
constexpr std::chrono::seconds kBackupCheckEvery{60};
constexpr std::chrono::seconds kIdleBeforeDailyBackup{120};

std::int64_t RowsOf(const db::BackupManifest& manifest, const char* table) {
    const auto found = manifest.rows.find(table);
    return found == manifest.rows.end() ? 0 : found->second;
}

// "made 07/12/2026 18:30:05: 30 clients, 307 session notes"
wxString BackupSummary(const db::BackupManifest& manifest) {
    const wxString when = BackupMadeText(manifest.created_local);
    return wxString::Format(_("Made %s\nClients (archived ones too): %lld\nSession notes: %lld"),
                            when, static_cast<long long>(RowsOf(manifest, "clients")),
                            static_cast<long long>(RowsOf(manifest, "session_notes")));
}

}  // namespace

void MainFrame::BindBackup() {
    Bind(wxEVT_MENU, &MainFrame::OnBackUpNow, this, kIdBackUpNow);
    Bind(wxEVT_MENU, &MainFrame::OnRestoreBackup, this, kIdRestoreBackup);
    Bind(wxEVT_MENU, &MainFrame::OnBackupSettings, this, kIdBackupSettings);
    Bind(wxEVT_MENU, &MainFrame::OnEncryptedCopy, this, kIdEncryptedCopy);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            const bool server = m_context.Database().Target().backend != db::Backend::kSqlite;
            // On a server only the owner's login reads every private note (pg_dump), and the
            // automatic backups are a SQLite file's (the server has its own).
            event.Enable(
                m_context.Allows(core::Right::kBackUp) &&
                (!server || (m_context.IsOwnerAtDesk() && event.GetId() != kIdBackupSettings)));
        },
        kIdBackUpNow, kIdEncryptedCopy);  // the four File ▸ backup commands
    Bind(wxEVT_TIMER, &MainFrame::OnBackupTimer, this, m_backup_timer.GetId());
    m_backup_timer.Start(kBackupCheckEvery.count() * 1000);
}

void MainFrame::OnEncryptedCopy(wxCommandEvent&) {
    wxDirDialog folder(this, _("Where the encrypted backup goes (a USB stick, a cloud folder)"),
                       wxString(), wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
    if (folder.ShowModal() != wxID_OK) {
        return;
    }
    PassphraseDialog ask(this, PassphraseDialog::kNewBackup);
    if (ask.ShowModal() != wxID_OK) {
        return;
    }
    const std::string passphrase = ask.Passphrase();
    try {
        wxProgressDialog progress(_("Encrypted copy"), _("Copying the practice…"), 100, this,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
        const services::BackupMade made = services::BackupService(m_context).Create(
            std::filesystem::path(ToUtf8(folder.GetPath())),
            [&progress](std::int64_t done, std::int64_t total) {
                const int percent =
                    total > 0 ? static_cast<int>(std::min<std::int64_t>(80, done * 80 / total)) : 0;
                return progress.Update(percent);
            },
            {}, passphrase);
        progress.Update(100);
        wxMessageBox(wxString::Format(_("The encrypted backup is written and was checked before "
                                        "it was sealed.\n\n%s\n\nIt opens only with its "
                                        "passphrase (File ▸ Restore from backup…, Another "
                                        "backup file…)."),
                                      ToWx(made.path.string())),
                     _("Encrypted copy"), wxOK | wxICON_INFORMATION, this);
    } catch (const db::BackupCancelledError&) {
        // Cancelled: nothing kept.
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The encrypted backup could not be made."), error);
    }
}

void MainFrame::OnBackupSettings(wxCommandEvent&) {
    services::SettingsService settings(m_context);
    try {
        BackupSettingsDialog dialog(
            this, settings.LoadBackup(),
            ToWx(services::BackupService(m_context).PracticeFolder().string()));
        while (dialog.ShowModal() == wxID_OK) {
            try {
                settings.SaveBackup(dialog.GetSettings());
                UpdateBackupStatus();
                return;
            } catch (const db::ValidationError& error) {
                ShowErrorMessage(this, _("The backup settings could not be saved."), error);
            }
        }
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The backup settings could not be saved."), error);
    }
}

void MainFrame::OnBackupTimer(wxTimerEvent&) {
    if (!m_automatic_backups || IsLocked() ||
        std::chrono::steady_clock::now() - m_last_activity < kIdleBeforeDailyBackup) {
        return;
    }
    for (const wxWindow* window : wxTopLevelWindows) {
        if (window != this && window->IsShown()) {
            return;  // a dialog is open: the user is in the middle of something
        }
    }
    try {
        if (services::BackupService(m_context).DailyDue()) {
            RunAutomaticBackup(_("Daily backup"));
        }
    } catch (const std::exception&) {
        // The settings could not be read (a lost connection): the next check tries again.
    }
    UpdateBackupStatus();
}

bool MainFrame::RunAutomaticBackup(const wxString& title) {
    bool made = false;
    try {
        wxProgressDialog progress(title, _("Copying the practice…"), 100, this,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
        made = services::BackupService(m_context)
                   .CreateAutomatic([&progress](std::int64_t done, std::int64_t total) {
                       const int percent =
                           total > 0
                               ? static_cast<int>(std::min<std::int64_t>(95, done * 95 / total))
                               : 0;
                       return progress.Update(percent);
                   })
                   .has_value();
        progress.Update(100);
    } catch (const db::BackupCancelledError&) {
        // Cancelled: nothing kept; the status bar still says when the last one was.
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The automatic backup could not be made."), error);
    }
    UpdateBackupStatus();
    return made;
}

void MainFrame::UpdateBackupStatus() {
    if (GetStatusBar() == nullptr) {
        return;
    }
    wxString text;
    try {
        const services::BackupStatus status = services::BackupService(m_context).Status();
        if (m_context.Database().Target().backend != db::Backend::kSqlite) {
            text.clear();  // backed up on the server
        } else if (!status.newest) {
            text = status.automatic ? _("Not backed up yet")
                                    : _("⚠ Not backed up: automatic backups are off");
        } else if (status.overdue) {
            text = wxString::Format(_("⚠ Last backup: %s"),
                                    BackupMadeText(status.newest->created_local));
        } else {
            text =
                wxString::Format(_("Backed up: %s"), BackupMadeText(status.newest->created_local));
        }
    } catch (const std::exception&) {
        text.clear();
    }
    SetStatusText(text, 3);
}

void MainFrame::OnRestoreBackup(wxCommandEvent&) {
    services::BackupService backups(m_context);
    const bool server = m_context.Database().Target().backend != db::Backend::kSqlite;
    RestoreBackupDialog dialog(
        this, backups.List(std::nullopt),
        server ? RestoreBackupDialog::kNewServerDatabase : RestoreBackupDialog::kOverOrNewFile);
    if (dialog.ShowModal() != wxID_OK || !dialog.Chosen()) {
        return;
    }
    const std::filesystem::path backup = *dialog.Chosen();
    bool cancelled = false;
    const std::optional<std::string> passphrase =
        AskPassphraseToOpen(this, backup.string(), cancelled);
    if (cancelled) {
        return;
    }
    if (services::BackupService::IsServerBackup(backup)) {
        RestoreIntoServerDatabase(backup, passphrase);
        return;
    }
    if (dialog.IntoNewFile() || !m_restore_over_practice) {
        RestoreIntoNewFile(backup, passphrase);
        return;
    }
    try {
        db::BackupManifest manifest;
        {
            wxBusyCursor checking;
            manifest = backups.CheckRestoreOver(backup, passphrase);
        }
        wxMessageDialog confirm(this, _("Replace the practice with this backup?"),
                                _("Restore from backup"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        confirm.SetExtendedMessage(
            BackupSummary(manifest) + "\n\n" +
            _("Everything written since the backup was made is replaced. The practice as it is "
              "now is kept in its backups folder first, so this can be undone. MyoDesk opens "
              "the restored practice; sign in again."));
        confirm.SetYesNoLabels(_("&Replace the practice"), _("&Cancel"));
        if (confirm.ShowModal() != wxID_YES) {
            return;
        }
        m_restore_over_practice(backup, passphrase);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The backup cannot be restored. Nothing was changed."), error);
    }
}

void MainFrame::RestoreIntoNewFile(const std::filesystem::path& backup,
                                   const std::optional<std::string>& passphrase) {
    wxFileDialog save(this, _("Restore into a new database file"), wxString(),
                      ToWx(backup.stem().string() + "-restored.db"),
                      _("MyoDesk databases (*.db)|*.db"), wxFD_SAVE);
    if (save.ShowModal() != wxID_OK) {
        return;
    }
    try {
        services::RestoreDone done;
        {
            wxBusyCursor restoring;
            done = services::BackupService(m_context).RestoreToNewFile(
                backup, std::filesystem::path(ToUtf8(save.GetPath())), passphrase);
        }
        wxMessageBox(wxString::Format(_("The backup is restored into a new file.\n\n%s\n\nThe "
                                        "file:\n%s\n\nOpen it with: myodesk --db \"%s\""),
                                      BackupSummary(done.manifest), ToWx(done.database.string()),
                                      ToWx(done.database.string())),
                     _("Restore from backup"), wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The backup cannot be restored. Nothing was written."), error);
    }
}

void MainFrame::RestoreIntoServerDatabase(const std::filesystem::path& backup,
                                          const std::optional<std::string>& passphrase) {
    wxTextEntryDialog where(
        this,
        _("The new, empty PostgreSQL database to restore the backup into (the server's "
          "administrator makes it: createdb). Its tables are made by the restore; a database "
          "that holds any is refused."),
        _("Restore into a new database"), ToWx(m_context.Database().Location()));
    where.SetMinSize(FromDIP(wxSize(520, -1)));
    if (where.ShowModal() != wxID_OK) {
        return;
    }
    const std::string location = ToUtf8(where.GetValue());
    try {
        std::optional<std::string> owner_password;
        std::optional<std::string> owner;
        {
            wxBusyCursor checking;
            owner = services::BackupService::OwnerLoginNeeded(backup, location, passphrase);
        }
        if (owner) {
            // Passwords are never in a backup: the owner has no login on that server yet.
            PassphraseDialog ask(this, PassphraseDialog::kOwnerPassword, ToWx(*owner));
            if (ask.ShowModal() != wxID_OK) {
                return;
            }
            owner_password = ask.Passphrase();
        }
        services::RestoreDone done;
        {
            wxBusyCursor restoring;
            done = services::BackupService(m_context).RestoreToServer(backup, location, passphrase,
                                                                      owner_password);
        }
        wxMessageBox(wxString::Format(_("The backup is restored into the new database.\n\n%s\n\n"
                                        "Open it with: myodesk --db \"%s\""),
                                      BackupSummary(done.manifest), ToWx(done.database.string())),
                     _("Restore from backup"), wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The backup cannot be restored."), error);
    }
}

void MainFrame::OnBackUpNow(wxCommandEvent&) {
    wxProgressDialog progress(_("Back up now"), _("Copying the practice…"), 100, this,
                              wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME);
    services::BackupService backups(m_context);
    try {
        const services::BackupMade made =
            backups.Create(std::nullopt, [&progress](std::int64_t done, std::int64_t total) {
                const int percent =
                    total > 0 ? static_cast<int>(std::min<std::int64_t>(95, done * 95 / total)) : 0;
                return progress.Update(percent, _("Copying the practice…"));
            });
        progress.Update(100);
        const auto rows = [&made](const char* table) { return RowsOf(made.manifest, table); };
        UpdateBackupStatus();
        wxMessageBox(wxString::Format(
                         _("The practice is backed up and the copy checked.\n\nClients "
                           "(archived ones too): %lld\nSession notes: %lld\n\nThe backup:\n%s"),
                         static_cast<long long>(rows("clients")),
                         static_cast<long long>(rows("session_notes")), ToWx(made.path.string())),
                     _("Back up now"), wxOK | wxICON_INFORMATION, this);
    } catch (const db::BackupCancelledError&) {
        // Cancelled: nothing was kept, and nothing more to say.
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The practice could not be backed up."), error);
    }
}

}  // namespace myodesk::app
