#pragma once

#include "clients/client_list_model.h"
#include "sessions/session_note_controller.h"

#include <myodesk/core/client.h>
#include <myodesk/core/staff.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/staff_service.h>

#include <wx/frame.h>
#include <wx/timer.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

class wxButton;
class wxEventFilter;
class wxListEvent;
class wxSearchCtrl;
class wxSimplebook;
class wxStaticText;

namespace myodesk::app {

class AppointmentBookPanel;
class ClientListCtrl;
class ClientWorkspacePanel;

// The main window: a search box over the virtual list of clients, menus to add, edit, archive
// and restore clients, and a status bar with the number of clients, who is at the desk (the
// staff member who writes and signs notes here; File ▸ Change who is at the desk…) and the
// database. Opening
// a client (Enter, double-click, Client ▸ Open client…) shows its workspace in place of the
// list, in the same window; "All clients" (Escape, Alt+Left) or Ctrl+F goes back.
class MainFrame : public wxFrame {
  public:
    // Menu command ids (also used by tests to post commands).
    enum : int {
        kIdClientNew = wxID_HIGHEST + 1,
        kIdClientEdit,
        kIdClientArchive,
        kIdClientRestore,
        kIdClientShowArchived,
        kIdClientOpen,
        kIdClientBack,
        kIdIntakeNew,
        kIdSessionNew,
        kIdSessionCopyLast,
        kIdSessionsUnsigned,
        kIdPlanGenerate,
        kIdDeskChange,
        kIdEditStaff,
        kIdReportProgress,
        kIdReportPhysician,
        kIdReportClinicSummary,
        kIdExportClients,
        kIdExportSessions,
        kIdClinicDetails,
        kIdViewBook,
        kIdViewBookByRoom,
        kIdViewClients,
        kIdLock,
        kIdTurnOnSignIn,
        kIdAuditLog,
        kIdClientAccess,
        kIdBackUpNow,
        kIdRestoreBackup,
        kIdBackupSettings,
        kIdEncryptedCopy,
        kIdExportPractice,
        kIdImportPractice,
        kIdClientImport,
        kIdClientExportRecord,
    };

    // The context (and its database) must outlive the frame. Who is at the desk is the
    // context's (App asks at start); nobody means notes ask first.
    MainFrame(wxWindow* parent, services::Context& context);
    ~MainFrame() override;

    ClientListModel& ListModel() { return m_model; }
    ClientListCtrl* ListCtrl() const { return m_list; }
    wxSearchCtrl* SearchCtrl() const { return m_search; }

    // Applies the search box's text now (instead of after the typing pause).
    void ApplySearch();

    // The text shown in place of the list when it is empty, or empty when the list shows.
    wxString EmptyHint() const;

    // Shows the client's workspace in place of the list; false when the client is gone.
    bool OpenClient(core::ClientId id);
    // Back from the workspace to the list, with the client that was open selected.
    void ShowClientList();
    bool IsWorkspaceShown() const;
    // The appointment book in place of the list (View ▸ Appointment book, Ctrl+1).
    void ShowAppointmentBook();
    bool IsAppointmentBookShown() const;
    AppointmentBookPanel* AppointmentBook() const { return m_appointments; }
    ClientWorkspacePanel* Workspace() const { return m_workspace; }

    // Who is at the desk (the context's), or nullopt.
    const std::optional<core::Staff>& StaffAtDesk() const { return m_context.Desk().staff; }
    void SetStaffAtDesk(std::optional<core::Staff> staff);
    // Who is at the desk, asking with the picker when nobody is; nullopt when the user would
    // rather not say.
    std::optional<core::Staff> EnsureStaffAtDesk();
    // The status bar's field with who is at the desk and the unsigned notes.
    wxString DeskStatusText() const;
    // Marks the window as showing the demo practice (title and status bar say so).
    void SetDemoPractice(bool demo);
    bool IsDemoPractice() const { return m_demo_practice; }
    SessionNoteController& Notes() { return m_notes_controller; }

    // Signing in (main_frame_access.cpp). File ▸ Lock (Ctrl+L), and the automatic lock after
    // LockAfter() without a key press or a click: every window's content is hidden and the
    // sign-in dialog asks for a password. The same user carries on where they were; another
    // user's sign-in closes the first user's dialogs and client.
    void Lock();
    bool IsLocked() const { return m_locked; }
    std::chrono::seconds LockAfter() const { return m_lock_after; }
    void SetLockAfter(std::chrono::seconds idle) { m_lock_after = idle; }
    // The bar of a practice without accounts ("anyone at this computer can read every
    // record"), or nullptr once sign-in is on.
    wxWindow* OpenPracticeBar() const;
    // What replaces the practice with a backup once the user has chosen and confirmed
    // (App::RestoreOverPractice: this window closes, and a new one opens on the restored
    // practice). Without it the app offers only a restore into a new file.
    using RestoreOverPractice = std::function<void(const std::filesystem::path& backup,
                                                   const std::optional<std::string>& passphrase)>;
    void SetRestoreOverPractice(RestoreOverPractice restore) {
        m_restore_over_practice = std::move(restore);
    }
    // What opens the practice again after a whole practice was imported into it (App: this
    // window closes, the sign-in asks who is at the desk, a new window opens).
    void SetReopenPractice(std::function<void()> reopen) { m_reopen_practice = std::move(reopen); }
    // The practice's automatic backups (backup.automatic): when this window closes, and once a
    // day while it is open and nobody has touched it for a couple of minutes. Off until App
    // turns them on (a test's window makes none unless it asks).
    void SetAutomaticBackups(bool on) { m_automatic_backups = on; }
    // Makes the automatic backup now (progress and cancel shown), telling only of a failure;
    // false when none was made (off, on a server, cancelled or failed).
    bool RunAutomaticBackup(const wxString& title);
    // The status bar's last field: when the practice was last backed up, with a warning when
    // that is longer ago than backup.warn_after_days.
    void UpdateBackupStatus();

  private:
    void CreateAccessBar();
    void UpdateAccessUi();
    void OnLock(wxCommandEvent& event);
    void OnTurnOnSignIn(wxCommandEvent& event);
    void OnLockTimer(wxTimerEvent& event);
    // Reports ▸ Audit log… (every client) or Who saw this client… (the open one).
    void ShowAuditLog(std::optional<core::ClientId> client);
    // File ▸ Back up now… (main_frame_backup.cpp).
    void BindBackup();
    void OnBackUpNow(wxCommandEvent& event);
    // File ▸ Restore from backup… (main_frame_backup.cpp).
    void OnRestoreBackup(wxCommandEvent& event);
    void OnBackupTimer(wxTimerEvent& event);
    void OnBackupSettings(wxCommandEvent& event);
    // A PostgreSQL practice's backup into a new, empty PostgreSQL database the user names.
    void RestoreIntoServerDatabase(const std::filesystem::path& backup,
                                   const std::optional<std::string>& passphrase);
    void RestoreIntoNewFile(const std::filesystem::path& backup,
                            const std::optional<std::string>& passphrase);
    void OnEncryptedCopy(wxCommandEvent& event);
    // File ▸ Export the whole practice… / Import a practice export… (main_frame_export.cpp).
    void BindPracticeExport();
    void OnExportPractice(wxCommandEvent& event);
    void OnImportPractice(wxCommandEvent& event);
    // Client ▸ Import clients from CSV… (main_frame_export.cpp).
    void OnImportClients(wxCommandEvent& event);
    // Client ▸ Export the client's record… (an access request; main_frame_export.cpp).
    void OnExportClientRecord(wxCommandEvent& event);
    // After another user signed in at the lock: what the first user had open is closed.
    void CloseFirstUsersWork();

    void CreateMenus();
    void CreateControls();
    void BindEvents();

    void OnFileQuit(wxCommandEvent& event);
    void OnEditFind(wxCommandEvent& event);
    void OnClientNew(wxCommandEvent& event);
    void OnClientEdit(wxCommandEvent& event);
    void OnClientArchive(wxCommandEvent& event);
    void OnClientRestore(wxCommandEvent& event);
    void OnClientShowArchived(wxCommandEvent& event);
    void OnHelpAbout(wxCommandEvent& event);
    void OnUpdateClientEdit(wxUpdateUIEvent& event);
    void OnUpdateClientArchive(wxUpdateUIEvent& event);
    void OnUpdateClientRestore(wxUpdateUIEvent& event);
    void OnSearchText(wxCommandEvent& event);
    void OnSearchEnter(wxCommandEvent& event);
    void OnSearchCancel(wxCommandEvent& event);
    void OnSearchKeyDown(wxKeyEvent& event);
    void OnSearchTimer(wxTimerEvent& event);
    void OnListItemActivated(wxListEvent& event);
    void OnClientOpen(wxCommandEvent& event);
    void OnClientBack(wxCommandEvent& event);
    void OnIntakeNew(wxCommandEvent& event);
    void OnSessionNew(wxCommandEvent& event);
    void OnSessionCopyLast(wxCommandEvent& event);
    void OnSessionsUnsigned(wxCommandEvent& event);
    void OnPlanGenerate(wxCommandEvent& event);
    void OnDeskChange(wxCommandEvent& event);
    void OnEditStaff(wxCommandEvent& event);
    void OnReportClient(wxCommandEvent& event);
    void OnReportClinicSummary(wxCommandEvent& event);
    void OnExportClients(wxCommandEvent& event);
    void OnExportSessions(wxCommandEvent& event);
    void OnClinicDetails(wxCommandEvent& event);
    void OnUpdateClientOpen(wxUpdateUIEvent& event);
    void OnUpdateInWorkspace(wxUpdateUIEvent& event);
    void OnClose(wxCloseEvent& event);

    // Opens the client dialog until the client is saved or the user cancels; `client.id` 0
    // adds a new client. Returns true when saved.
    bool EditClient(core::Client client);
    void SaveClient(core::Client& client);

    // Counts and repaints the list, then selects the client when it is listed.
    void ReloadList(const core::Client* select = nullptr);
    void UpdateStatusBar();
    // "MyoDesk", or the client's name and "MyoDesk"; naming the demo practice when it is one.
    wxString WindowTitle(const wxString& client = wxString()) const;
    void UpdateDeskStatus();
    void UpdateEmptyHint();

    services::Context& m_context;
    RestoreOverPractice m_restore_over_practice;
    std::function<void()> m_reopen_practice;
    services::ClientService m_clients;
    services::StaffService m_staff;
    services::NoteService m_notes;
    bool m_demo_practice = false;
    SessionNoteController m_notes_controller;
    ClientListModel m_model;
    wxTimer m_search_timer;

    wxSimplebook* m_pages = nullptr;  // the list, the client workspace, the appointment book
    ClientWorkspacePanel* m_workspace = nullptr;
    AppointmentBookPanel* m_appointments = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxSimplebook* m_book = nullptr;
    ClientListCtrl* m_list = nullptr;
    wxStaticText* m_hint_title = nullptr;
    wxStaticText* m_hint_text = nullptr;
    wxButton* m_hint_button = nullptr;

    wxWindow* m_open_bar = nullptr;
    bool m_locked = false;
    std::chrono::seconds m_lock_after{5 * 60};
    std::chrono::steady_clock::time_point m_last_activity = std::chrono::steady_clock::now();
    std::unique_ptr<wxEventFilter> m_activity;
    wxTimer m_lock_timer;
    bool m_automatic_backups = false;
    wxTimer m_backup_timer;
};

}  // namespace myodesk::app
