// The main window's menus: kept apart from main_frame.cpp, which handles what they do.
#include "shell/main_frame.h"

#include <wx/intl.h>
#include <wx/menu.h>

namespace myodesk::app {

void MainFrame::CreateMenus() {
    auto* file = new wxMenu;
    file->Append(kIdDeskChange, _("&Change who is at the desk…"),
                 _("Choose the staff member who writes and signs notes at this desk"));
    file->Append(kIdLock, _("&Lock\tCtrl+L"),
                 _("Hide every record until you, or another staff member, signs in"));
    file->AppendSeparator();
    file->Append(kIdBackUpNow, _("&Back up now…"),
                 _("Copy the practice into its backups folder, checked, to restore from later"));
    file->Append(kIdEncryptedCopy, _("&Encrypted copy…"),
                 _("A backup locked with a passphrase, for a USB stick or a cloud folder"));
    file->Append(kIdRestoreBackup, _("&Restore from backup…"),
                 _("Bring the practice back as a backup has it, or copy a backup into a new file"));
    file->Append(kIdBackupSettings, _("Backup se&ttings…"),
                 _("Automatic backups: on or off, their folder, how many are kept"));
    file->AppendSeparator();
    file->Append(kIdExportPractice, _("E&xport the whole practice…"),
                 _("Every record as one ZIP of open JSON and CSV files, to keep or to move"));
    file->Append(kIdImportPractice, _("&Import a practice export…"),
                 _("Fill this new, empty practice from a whole-practice export"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Close MyoDesk"));

    auto* edit = new wxMenu;
    edit->Append(wxID_FIND, _("&Find…\tCtrl+F"), _("Search clients by name, email or phone"));
    edit->AppendSeparator();
    edit->Append(kIdEditStaff, _("&Staff…"), _("Add, rename or deactivate staff members"));

    auto* client = new wxMenu;
    client->Append(kIdClientOpen, _("&Open client…\tCtrl+O"),
                   _("Show the selected client's profile, intake and flags"));
    client->Append(kIdClientBack, _("&Back to client list\tAlt+Left"),
                   _("Close the client and show the list of clients"));
    client->AppendSeparator();
    client->Append(kIdClientNew, _("&New client…\tCtrl+N"), _("Add a client"));
    client->Append(kIdClientImport, _("Import clients from CS&V…"),
                   _("Clients from another program's client list (Jane, Cliniko, ClinicSense, "
                     "SimplePractice) or a spreadsheet, previewed before anything is saved"));
    client->Append(kIdClientEdit, _("&Edit client…\tCtrl+E"), _("Change the selected client"));
    client->Append(kIdIntakeNew, _("New &intake…\tCtrl+I"),
                   _("Fill in a new intake questionnaire with the open client"));
    client->Append(kIdSessionNew, _("New &session note…\tCtrl+Shift+N"),
                   _("Write the note of a session with the open client"));
    client->Append(kIdSessionCopyLast, _("Copy &last note…\tCtrl+Shift+L"),
                   _("A new note with the regions, pressure and techniques of the open "
                     "client's last note"));
    client->Append(kIdSessionsUnsigned, _("&Unsigned notes…\tCtrl+Shift+O"),
                   _("Every client's notes that are not signed yet"));
    client->Append(kIdPlanGenerate, _("&Generate plan\tCtrl+G"),
                   _("Plan the open client's massage sessions around their training, or make "
                     "the plan again"));
    client->AppendSeparator();
    client->Append(kIdClientExportRecord, _("E&xport the client's record…"),
                   _("Everything kept about the client, as JSON and a PDF, for an access "
                     "request (the owner only: it holds private notes)"));
    client->Append(kIdClientArchive, _("&Archive client…"),
                   _("Hide the selected client from the list (the record is kept)"));
    client->Append(kIdClientRestore, _("&Restore client"),
                   _("Bring the selected archived client back to the list"));
    client->AppendSeparator();
    client->AppendCheckItem(kIdClientShowArchived, _("Show a&rchived clients"),
                            _("List archived clients too, greyed"));

    auto* report = new wxMenu;
    report->Append(kIdReportProgress, _("&Progress report\tCtrl+R"),
                   _("The open client's progress report: preview, print or save as PDF"));
    report->Append(kIdReportPhysician, _("Letter to the &physician"),
                   _("A short clinical letter about the open client for their physician"));
    report->AppendSeparator();
    report->Append(kIdReportClinicSummary, _("Clinic &summary…\tCtrl+Shift+R"),
                   _("Sessions, techniques, regions and clients of a period, for the manager"));
    report->AppendSeparator();
    report->Append(kIdExportClients, _("Export &clients (CSV)…"),
                   _("Save the client list for a spreadsheet"));
    report->Append(kIdExportSessions, _("Export s&essions (CSV)…"),
                   _("Save the sessions of a period for a spreadsheet"));
    report->AppendSeparator();
    report->Append(kIdAuditLog, _("&Audit log…"),
                   _("Who read or changed what, and when (the owner and the manager)"));
    report->Append(kIdClientAccess, _("Who &saw this client…"),
                   _("The open client's access report: who opened, changed or signed their "
                     "record"));
    report->AppendSeparator();
    report->Append(kIdClinicDetails, _("Clinic &details…"),
                   _("The clinic's name, address and logo on reports, and the paper size"));

    auto* view = new wxMenu;
    view->Append(kIdViewBook, _("&Appointment book\tCtrl+1"),
                 _("The day's appointments, a column per therapist"));
    view->Append(kIdViewClients, _("&Clients\tCtrl+2"), _("The list of clients"));
    view->Append(kIdViewBookByRoom, _("Appointment book by &room\tCtrl+3"),
                 _("The day's appointments, a column per room"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About MyoDesk…"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(client, _("&Client"));
    bar->Append(report, _("&Reports"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
}

}  // namespace myodesk::app
