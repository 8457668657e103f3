#include "shell/app.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "shell/demo_practice_offer.h"
#include "shell/main_frame.h"
#include "shell/passphrase_dialog.h"
#include "shell/restore_backup_dialog.h"
#include "shell/settings.h"
#include "shell/sign_in_dialog.h"
#include "staff/staff_picker_dialog.h"

#include <myodesk/db/default_location.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/practice_export_service.h>
#include <myodesk/services/staff_service.h>

#include <wx/busyinfo.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <exception>
#include <filesystem>
#include <optional>
#include <utility>

namespace myodesk::app {

App::App(std::optional<std::string> database) : m_database_location(std::move(database)) {}

App::~App() = default;

bool App::OnInit() {
    // The base class would parse the command line again; main() already did.
    InitNames();
    InitLanguage();
    InitSettings();
    // The one wall clock of the program: every window takes "now" and "today" from the context.
    if (!OpenDatabase(services::Clock::System())) {
        return false;
    }
    OfferDemoPractice();
    if (!SignInOrChooseStaff()) {
        return false;  // Quit at the sign-in
    }
    ShowMainFrame();
    TellRestored();
    return true;
}

void App::TellRestored() {
    if (!m_restored) {
        return;
    }
    const services::RestoreDone done = std::move(*m_restored);
    m_restored.reset();
    wxString text = wxString::Format(_("The practice is restored from the backup made %s.\n\nThe "
                                       "practice as it was before is kept as:\n%s"),
                                     BackupMadeText(done.manifest.created_local),
                                     ToWx(done.safety_copy.string()));
    if (!done.safety_copy_whole) {
        text << "\n\n"
             << _("That copy fails SQLite's own check: it is kept as it was, for whoever looks "
                  "into what damaged it.");
    }
    wxMessageBox(text, _("Restore from backup"), wxOK | wxICON_INFORMATION, GetTopWindow());
}

void App::ShowMainFrame() {
    auto* frame = new MainFrame(nullptr, *m_context);
    frame->SetDemoPractice(m_demo_practice);
    frame->SetAutomaticBackups(true);
    frame->SetRestoreOverPractice(
        [this](const std::filesystem::path& backup, const std::optional<std::string>& passphrase) {
            // After the menu command has returned: its window is about to go.
            CallAfter([this, backup, passphrase] { RestoreOverPractice(backup, passphrase); });
        });
    frame->SetReopenPractice([this] { CallAfter([this] { ReopenPractice(); }); });
    frame->Show();
    SetTopWindow(frame);
    if (m_import_at_start) {
        m_import_at_start = false;
        frame->CallAfter([frame] {
            wxCommandEvent import(wxEVT_MENU, MainFrame::kIdImportPractice);
            import.SetEventObject(frame);
            frame->ProcessWindowEvent(import);
        });
    }
}

void App::RestoreOverPractice(const std::filesystem::path& backup,
                              const std::optional<std::string>& passphrase) {
    const services::DeskSession desk = m_context->Desk();
    const services::Clock clock = m_context->GetClock();
    const std::filesystem::path database = m_database->Target().sqlite_path;
    if (m_demo_practice) {
        m_database_location = database.string();  // opened in place of the default one
    }
    // Nothing in MyoDesk has the file open while it is replaced.
    CloseWindowsAndDatabase();

    std::optional<std::string> failure;
    {
        wxBusyInfo busy(_("Restoring the backup…"));
        try {
            m_restored = services::BackupService::RestoreOverPractice(backup, database, clock.Now(),
                                                                      passphrase);
        } catch (const std::exception& error) {
            failure = error.what();
        }
    }
    const services::DeskSession nobody;
    const bool reopened = OpenDatabase(clock, m_restored ? desk : nobody);
    if (!reopened || !SignInOrChooseStaff()) {
        ExitMainLoop();
        return;
    }
    ShowMainFrame();
    // Only now: the sign-in or the desk picker closing would otherwise end MyoDesk, as the
    // last window to go.
    SetExitOnFrameDelete(true);
    if (failure) {
        wxMessageDialog dialog(GetTopWindow(),
                               _("The backup could not be restored. Nothing was changed."),
                               _("Restore from backup"), wxOK | wxICON_ERROR);
        dialog.SetExtendedMessage(ToWx(*failure));
        dialog.ShowModal();
    }
    TellRestored();
}

void App::CloseWindowsAndDatabase() {
    // Every window works in the context: they go first, then the connection.
    SetExitOnFrameDelete(false);
    for (wxWindow* window : wxTopLevelWindows) {
        window->Destroy();
    }
    DeletePendingObjects();
    m_context.reset();
    m_database.reset();
}

void App::ReopenPractice() {
    const services::Clock clock = m_context->GetClock();
    CloseWindowsAndDatabase();
    const bool reopened = OpenDatabase(clock);
    if (!reopened || !SignInOrChooseStaff()) {
        ExitMainLoop();
        return;
    }
    ShowMainFrame();
    SetExitOnFrameDelete(true);  // as in RestoreOverPractice
}

int App::OnExit() {
    // Windows are gone by now; the database closes after them.
    m_context.reset();
    m_database.reset();
    return wxApp::OnExit();
}

bool App::OnExceptionInMainLoop() {
    try {
        throw;
    } catch (const services::AccessError& error) {
        wxMessageDialog dialog(GetTopWindow(), _("Your role does not allow this."),
                               wxString("MyoDesk"), wxOK | wxICON_INFORMATION | wxCENTRE);
        dialog.SetExtendedMessage(ToWx(error.what()));
        dialog.ShowModal();
        return true;
    }
}

void App::InitNames() {
    // The lower-case name is used for files (~/.config/myodesk.conf), the display name for
    // people.
    SetAppName("myodesk");
    SetAppDisplayName("MyoDesk");
    SetVendorName("MyoDesk");
    SetVendorDisplayName("MyoDesk");
}

void App::InitLanguage() {
    // Dates, numbers and the text of wx's own dialogs follow the user's locale.
    if (!wxUILocale::UseDefault()) {
        wxLogDebug("Could not use the default locale; dates use the C locale.");
    }
    UseUtf8ForNarrowStrings();
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    translations->SetLanguage(wxLANGUAGE_DEFAULT);
    translations->AddStdCatalog();
    translations->AddCatalog("myodesk");
    // The vocabulary's words and sentences (and the reports') through the same catalogue.
    InstallTranslator();
}

void App::InitSettings() {
    // XDG layout: the settings are in $XDG_CONFIG_HOME/myodesk.conf (~/.config/myodesk.conf).
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    constexpr long kStyle = wxCONFIG_USE_LOCAL_FILE;
    // wxFileConfig does not create its folder; without it the settings would not be saved.
    const wxFileName file = wxFileConfig::GetLocalFile(GetAppName(), kStyle);
    if (!file.DirExists()) {
        wxFileName::Mkdir(file.GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    }
    wxConfigBase::Set(
        new wxFileConfig(GetAppName(), GetVendorName(), wxString(), wxString(), kStyle));
    wxConfigBase::Get()->SetRecordDefaults(false);
}

bool App::OpenDatabase(services::Clock clock, const services::DeskSession& restored_by) {
    try {
        // On the first start without --db, the folder is created and the new database set up.
        try {
            m_database =
                std::make_unique<db::Database>(services::OpenDatabase(m_database_location));
        } catch (const db::LoginRefusedError&) {
            // A server that wants a password: signing in is opening it.
            if (!SignInToServer()) {
                return false;  // Quit at the sign-in
            }
        }
        m_context = std::make_unique<services::Context>(*m_database, clock);
        if (m_restored) {
            // Who restored it (nobody, when it could not be opened), in the restored log.
            m_context->SetDesk(restored_by);
            services::BackupService::RecordRestore(*m_context, *m_restored);
            m_context->SetDesk({});
        }
        return true;
    } catch (const std::exception& error) {
        wxMessageDialog dialog(nullptr, _("MyoDesk could not open its database."),
                               wxString("MyoDesk"), wxOK | wxICON_ERROR | wxCENTRE);
        wxString details = ToWx(error.what());
        details << "\n\n"
                << (m_database_location
                        ? _("Check the location given with --db, or start MyoDesk without --db "
                            "to use the database in your home folder.")
                        : _("Check that your home folder can be written to and that there is "
                            "free disk space."));
        // A damaged SQLite file with backups beside it: the way back is offered here, where
        // the user is, not only at the command line.
        const std::optional<std::filesystem::path> file = SqliteFile();
        std::vector<services::BackupFile> backups;
        if (file && std::filesystem::exists(*file)) {
            backups = services::BackupService::ListIn(services::BackupService::FolderBeside(*file));
        }
        if (backups.empty()) {
            dialog.SetExtendedMessage(details);
            dialog.ShowModal();
            return false;
        }
        details << "\n\n"
                << _("Its folder has backups: one can be restored in its place. The database as "
                     "it is now is kept beside them.");
        dialog.SetExtendedMessage(details);
        dialog.SetMessageDialogStyle(wxYES_NO | wxICON_ERROR | wxCENTRE);
        dialog.SetYesNoLabels(_("&Restore from a backup…"), _("&Quit"));
        if (dialog.ShowModal() != wxID_YES || !RestoreAtStart(*file, std::move(backups), clock)) {
            return false;
        }
        return OpenDatabase(std::move(clock));
    }
}

std::optional<std::filesystem::path> App::SqliteFile() const {
    try {
        const db::ConnectionTarget target = db::ParseConnectionString(
            m_database_location ? *m_database_location : db::DefaultDatabasePath());
        if (target.backend == db::Backend::kSqlite && target.sqlite_path != ":memory:") {
            return std::filesystem::path(target.sqlite_path);
        }
    } catch (const std::exception&) {
        // Not a location at all: nothing to restore over.
    }
    return std::nullopt;
}

bool App::RestoreAtStart(const std::filesystem::path& database,
                         std::vector<services::BackupFile> backups, const services::Clock& clock) {
    RestoreBackupDialog choose(nullptr, std::move(backups), RestoreBackupDialog::kOverOnly);
    if (choose.ShowModal() != wxID_OK || !choose.Chosen()) {
        return false;
    }
    try {
        wxBusyInfo busy(_("Restoring the backup…"));
        m_restored =
            services::BackupService::RestoreOverPractice(*choose.Chosen(), database, clock.Now());
        return true;
    } catch (const std::exception& error) {
        wxMessageDialog dialog(nullptr, _("The backup could not be restored. Nothing was changed."),
                               _("Restore from backup"), wxOK | wxICON_ERROR);
        dialog.SetExtendedMessage(ToWx(error.what()));
        dialog.ShowModal();
        return false;
    }
}

void App::OfferDemoPractice() {
    Settings settings;
    DemoOfferFacts facts;
    facts.database_given = m_database_location.has_value();
    facts.declined = settings.DemoPracticeDeclined();
    if (!ShouldOfferDemoPractice(facts)) {
        return;  // no need to count
    }
    try {
        facts.clients = services::ClientService(*m_context).Count(db::ArchiveFilter::kAll);
    } catch (const db::DatabaseError& error) {
        wxLogWarning("%s", ToWx(error.what()));
        return;
    }
    if (!ShouldOfferDemoPractice(facts)) {
        return;
    }
    if (AskAboutDemoPractice(nullptr) == DemoOfferAnswer::kStartEmpty) {
        settings.SetDemoPracticeDeclined(true);
        return;
    }
    const std::string path = db::DemoDatabasePath();
    if (!std::filesystem::exists(path) &&
        !CreateDemoPractice(nullptr, path, AppDemoPracticeOptions(m_context->Today()),
                            m_context->GetClock())) {
        return;  // cancelled or failed: the empty practice opens, and the offer comes again
    }
    try {
        auto demo = std::make_unique<db::Database>(services::OpenDatabase(path));
        m_context = std::make_unique<services::Context>(*demo, m_context->GetClock());
        m_database = std::move(demo);
        m_demo_practice = true;
    } catch (const std::exception& error) {
        ShowErrorMessage(nullptr, _("The demo practice could not be opened."), error);
    }
}

bool App::SignInToServer() {
    SignInDialog dialog(
        nullptr,
        [this](const std::string& username, const std::string& password) {
            try {
                m_database = std::make_unique<db::Database>(services::OpenDatabase(
                    m_database_location, db::ServerLogin{username, password}));
            } catch (const db::LoginRefusedError&) {
                throw services::SignInFailedError();
            }
            m_signed_in_to_server = true;
        },
        _("Sign in to the practice's database server."));
    return dialog.ShowModal() == wxID_OK;
}

bool App::SignInOrChooseStaff() {
    bool accounts = false;
    try {
        accounts = m_context->AccountsOn();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(nullptr, _("The accounts could not be read."), error);
        return false;
    }
    if (!accounts) {
        m_context->SetDesk({ChooseStaffAtDesk()});
        return true;
    }
    if (m_signed_in_to_server) {
        // The password was typed to open the server: the login is the desk's user.
        if (services::AccountService(*m_context).SignInAsServerLogin()) {
            return true;
        }
    }
    SignInDialog dialog(nullptr, *m_context, _("Sign in to see the practice's records."));
    return dialog.ShowModal() == wxID_OK;
}

std::optional<core::Staff> App::ChooseStaffAtDesk() {
    try {
        if (services::PracticeExportService(*m_context).DatabaseEmpty()) {
            wxMessageDialog ask(nullptr, _("This practice is new: it holds no records yet."),
                                _("A new practice"), wxYES_NO | wxICON_QUESTION);
            ask.SetExtendedMessage(
                _("Start it by adding the staff, or fill it with a whole practice exported from "
                  "MyoDesk (File ▸ Export the whole practice…), as when moving to a new "
                  "computer or a server."));
            ask.SetYesNoLabels(_("&Add the staff"), _("&Import an export…"));
            if (ask.ShowModal() == wxID_NO) {
                m_import_at_start = true;
                return std::nullopt;
            }
        }
    } catch (const db::DatabaseError& error) {
        wxLogWarning("%s", ToWx(error.what()));
    }
    services::StaffService staff(*m_context);
    const std::optional<core::StaffId> last = Settings().LastStaffAtDesk();
    try {
        // A clinic of one: no question, once that one has been chosen.
        const std::vector<core::Staff> active = staff.List(false);
        if (active.size() == 1 && last && active.front().id == *last) {
            return active.front();
        }
    } catch (const db::DatabaseError& error) {
        wxLogWarning("%s", ToWx(error.what()));
        return std::nullopt;
    }
    StaffPickerDialog picker(nullptr, staff, last);
    if (picker.ShowModal() != wxID_OK || !picker.GetStaff()) {
        return std::nullopt;  // looking at clients only; the File menu asks later
    }
    if (!m_demo_practice) {
        // The demo's staff ids mean nothing in the real database.
        Settings().SetLastStaffAtDesk(picker.GetStaff()->id);
    }
    return picker.GetStaff();
}

}  // namespace myodesk::app
