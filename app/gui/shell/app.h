#pragma once

#include <myodesk/core/staff.h>
#include <myodesk/db/database.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/context.h>

#include <wx/app.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

// The wxApp: names, language, settings, the database, who is at the desk, then the main
// window. It makes the one clock and the one services::Context (database, clock, desk) that
// every window works in.
class App : public wxApp {
  public:
    // `database` is the --db value, or nullopt for the default database.
    explicit App(std::optional<std::string> database);
    ~App() override;

    bool OnInit() override;
    int OnExit() override;
    // A refusal of the services that no window handled (the role lacks a right): told, and
    // MyoDesk carries on. Any other exception ends it, as wx does by default.
    bool OnExceptionInMainLoop() override;

    // Replaces the practice with a backup the user chose and confirmed in the main window:
    // the window closes, the database with it, the backup is restored over the file
    // (services::BackupService::RestoreOverPractice), and the practice opens again in a new
    // window after the sign-in, saying what was done (or why nothing was).
    void RestoreOverPractice(const std::filesystem::path& backup,
                             const std::optional<std::string>& passphrase);

    // Opens the practice again in a new window, after the sign-in: what a whole-practice
    // import into it needs (it may now have accounts, and every view shows new records).
    void ReopenPractice();

  private:
    // Closes every window and then the database (nothing in MyoDesk has it open after).
    void CloseWindowsAndDatabase();
    // The main window on the open practice.
    void ShowMainFrame();
    void InitNames();
    void InitLanguage();
    void InitSettings();
    // Opens the database; when it cannot be opened and has backups beside it, offers to
    // restore one (RestoreAtStart). After a restore, records it (as `restored_by`).
    bool OpenDatabase(services::Clock clock, const services::DeskSession& restored_by = {});
    // The SQLite file the practice is in, or nullopt (a server, or no location).
    std::optional<std::filesystem::path> SqliteFile() const;
    // The user chooses one of `backups` and it is restored over `database`; false when they
    // cancel or it fails (told).
    bool RestoreAtStart(const std::filesystem::path& database,
                        std::vector<services::BackupFile> backups, const services::Clock& clock);
    // Once the main window shows: what the restore did, if one was done.
    void TellRestored();
    // A database server that refused the connection's own login: asks for a username and
    // password and opens it as them. False when the user quits.
    bool SignInToServer();
    // On the default database with no clients yet: offers a demo practice in its own file
    // (made first if need be) and opens it instead, unless the user declines for good.
    void OfferDemoPractice();
    // In a practice with accounts, the sign-in (false: the user quit); else who is at the desk.
    bool SignInOrChooseStaff();
    // Who is at the desk: asked with the picker (the last choice preselected), except when
    // the one remembered is the clinic's only active staff member. A new, empty practice is
    // first offered an import of a whole-practice export instead (m_import_at_start).
    std::optional<core::Staff> ChooseStaffAtDesk();

    std::optional<std::string> m_database_location;
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<services::Context> m_context;     // on m_database
    bool m_demo_practice = false;                     // m_database is the demo practice
    bool m_signed_in_to_server = false;               // opened with the login typed at start
    std::optional<services::RestoreDone> m_restored;  // until TellRestored() says so
    bool m_import_at_start = false;  // the new, empty practice is to be filled from an export
};

}  // namespace myodesk::app
