// File ▸ Back up now…: the practice copied into its backups folder through
// services::BackupService (docs/backups.md), with progress and cancel.
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "shell/main_frame.h"

#include <myodesk/services/backup_service.h>

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>

#include <algorithm>

namespace myodesk::app {

void MainFrame::BindBackup() {
    Bind(wxEVT_MENU, &MainFrame::OnBackUpNow, this, kIdBackUpNow);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            // A server's practice is backed up on the server (pg_dump), not from a desk.
            event.Enable(m_context.Allows(core::Right::kBackUp) &&
                         m_context.Database().Target().backend == db::Backend::kSqlite);
        },
        kIdBackUpNow);
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
        const auto rows = [&made](const char* table) {
            const auto found = made.manifest.rows.find(table);
            return found == made.manifest.rows.end() ? std::int64_t{0} : found->second;
        };
        wxMessageBox(wxString::Format(
                         _("The practice is backed up and the copy checked.\n\nClients: "
                           "%lld\nSession notes: %lld\n\nThe backup:\n%s"),
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
