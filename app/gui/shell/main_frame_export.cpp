// File ▸ Export the whole practice…: every record as one ZIP (docs/export-format.md) through
// services::PracticeExportService, with progress and cancel. File ▸ Import a practice
// export…: such a ZIP into this practice when it is new and empty, the owner's new password
// asked when the export has accounts; the practice then opens again (App). Client ▸ Import
// clients from CSV…: another program's client list through ClientImportDialog.
#include "clients/client_import_dialog.h"
#include "clients/client_list_ctrl.h"
#include "clients/client_workspace_panel.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "shell/main_frame.h"
#include "shell/passphrase_dialog.h"

#include <myodesk/core/date.h>
#include <myodesk/services/practice_export_service.h>

#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <algorithm>
#include <filesystem>

namespace myodesk::app {

namespace {

// The progress dialog's value (0-100) for `done` of `total` records.
int Percent(std::int64_t done, std::int64_t total) {
    return total > 0 ? static_cast<int>(std::min<std::int64_t>(100, done * 100 / total)) : 0;
}

}  // namespace

void MainFrame::BindPracticeExport() {
    Bind(wxEVT_MENU, &MainFrame::OnExportPractice, this, kIdExportPractice);
    Bind(wxEVT_MENU, &MainFrame::OnImportPractice, this, kIdImportPractice);
    Bind(wxEVT_MENU, &MainFrame::OnImportClients, this, kIdClientImport);
    Bind(wxEVT_MENU, &MainFrame::OnExportClientRecord, this, kIdClientExportRecord);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            event.Enable(m_context.IsOwnerAtDesk() &&
                         (IsWorkspaceShown() || m_list->SelectedClient().has_value()));
        },
        kIdClientExportRecord);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            event.Enable(m_context.Allows(core::Right::kEditClients));
        },
        kIdClientImport);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) { event.Enable(m_context.Allows(core::Right::kBackUp)); },
        kIdExportPractice, kIdImportPractice);
}

void MainFrame::OnExportPractice(wxCommandEvent&) {
    // The name says what and when, never whose.
    const wxString name =
        wxString::Format("myodesk-practice-%s.zip", ToWx(core::FormatIsoDate(m_context.Today())));
    wxFileDialog save(this, _("Export the whole practice"), wxString(), name,
                      _("ZIP archives (*.zip)|*.zip"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) {
        return;
    }
    try {
        wxProgressDialog progress(_("Export the whole practice"), _("Writing every record…"), 100,
                                  this, wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
        const auto summary = services::PracticeExportService(m_context).ExportAll(
            std::filesystem::path(ToUtf8(save.GetPath())),
            [&progress](std::int64_t done, std::int64_t total) {
                return progress.Update(Percent(done, total));
            });
        progress.Update(100);
        wxMessageBox(
            wxString::Format(_("The whole practice is exported: %lld records, one JSON Lines file "
                               "and one CSV file for each kind, with a manifest of counts and "
                               "checksums.\n\n%s\n\nIt holds every client's health record: keep "
                               "it as safe as the practice itself."),
                             static_cast<long long>(summary.records), ToWx(summary.path.string())),
            _("Export the whole practice"), wxOK | wxICON_INFORMATION, this);
    } catch (const services::ExportCancelledError&) {
        // Cancelled: nothing written.
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The practice could not be exported."), error);
    }
}

void MainFrame::OnImportPractice(wxCommandEvent&) {
    services::PracticeExportService service(m_context);
    try {
        if (!service.DatabaseEmpty()) {
            wxMessageBox(_("A whole-practice export is imported into a new, empty practice, and "
                           "this one holds records. Start MyoDesk on a new database file "
                           "(myodesk --db NEW.sqlite) and import there."),
                         _("Import a practice export"), wxOK | wxICON_INFORMATION, this);
            return;
        }
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The practice could not be read."), error);
        return;
    }
    wxFileDialog open(this, _("Import a practice export"), wxString(), wxString(),
                      _("ZIP archives (*.zip)|*.zip"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (open.ShowModal() != wxID_OK) {
        return;
    }
    const std::filesystem::path zip(ToUtf8(open.GetPath()));
    try {
        std::optional<std::string> owner_password;
        if (services::PracticeExportService::HasAccounts(zip)) {
            PassphraseDialog ask(this, PassphraseDialog::kOwnerPassword);
            if (ask.ShowModal() != wxID_OK) {
                return;
            }
            owner_password = ask.Passphrase();
        }
        wxProgressDialog progress(_("Import a practice export"), _("Reading every record…"), 100,
                                  this, wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
        const auto summary = service.ImportAll(zip, owner_password,
                                               [&progress](std::int64_t done, std::int64_t total) {
                                                   return progress.Update(Percent(done, total));
                                               });
        progress.Update(100);
        wxString text = wxString::Format(_("The practice is imported: %lld records."),
                                         static_cast<long long>(summary.records));
        for (const auto& owner : summary.owners) {
            text << "\n\n"
                 << wxString::Format(_("The owner signs in as %s with the new password and "
                                       "then gives the other staff new passwords."),
                                     ToWx(owner));
        }
        wxMessageBox(text, _("Import a practice export"), wxOK | wxICON_INFORMATION, this);
    } catch (const services::ExportCancelledError&) {
        return;  // nothing was imported
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The export could not be imported. Nothing was imported."), error);
        return;
    }
    if (m_reopen_practice) {
        m_reopen_practice();
    }
}

void MainFrame::OnImportClients(wxCommandEvent&) {
    wxFileDialog open(this, _("Import clients from CSV"), wxString(), wxString(),
                      _("CSV files (*.csv)|*.csv|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (open.ShowModal() != wxID_OK) {
        return;
    }
    try {
        ClientImportDialog dialog(this, m_context,
                                  services::ClientImportService::ReadListFile(
                                      std::filesystem::path(ToUtf8(open.GetPath()))),
                                  open.GetFilename());
        if (dialog.ShowModal() != wxID_OK || !dialog.Result()) {
            return;
        }
        const auto& result = *dialog.Result();
        ReloadList();
        ShowClientList();
        wxMessageBox(wxString::Format(wxPLURAL("%zu client was added.", "%zu clients were added.",
                                               static_cast<unsigned>(result.added.size())),
                                      result.added.size()),
                     _("Import clients from CSV"), wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The client list could not be read."), error);
    }
}

void MainFrame::OnExportClientRecord(wxCommandEvent&) {
    std::optional<core::ClientId> id;
    if (IsWorkspaceShown()) {
        id = m_workspace->GetClientId();
    } else if (const auto selected = m_list->SelectedClient()) {
        id = selected->id;
    }
    if (!id) {
        return;
    }
    // The file's name says whose by id only: a client's name stays out of file names.
    const wxString name = wxString::Format("client-%lld-record-%s.zip", static_cast<long long>(*id),
                                           ToWx(core::FormatIsoDate(m_context.Today())));
    wxFileDialog save(this, _("Export the client's record"), wxString(), name,
                      _("ZIP archives (*.zip)|*.zip"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (save.ShowModal() != wxID_OK) {
        return;
    }
    try {
        wxBusyCursor busy;
        const auto summary = services::PracticeExportService(m_context).ExportClient(
            *id, std::filesystem::path(ToUtf8(save.GetPath())));
        wxMessageBox(
            wxString::Format(_("The client's complete record is exported: %lld records, as "
                               "client.json (for a computer) and client.pdf (to print or send) "
                               "in\n\n%s\n\nIt holds their health record: send it to them "
                               "securely."),
                             static_cast<long long>(summary.records), ToWx(summary.path.string())),
            _("Export the client's record"), wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The client's record could not be exported."), error);
    }
}

}  // namespace myodesk::app
