#include "shell/main_frame.h"

#include "book/appointment_book_panel.h"
#include "book/day_view_ctrl.h"
#include "clients/client_dialog.h"
#include "clients/client_list_ctrl.h"
#include "clients/client_workspace_panel.h"
#include "clinic/clinic_details_dialog.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "plan/plan_panel.h"
#include "reports/clinic_summary_dialog.h"
#include "reports/period_dialog.h"
#include "reports/report_output.h"
#include "reports/reports_panel.h"
#include "sessions/sessions_panel.h"
#include "sessions/unsigned_notes_dialog.h"
#include "shell/app_icon.h"
#include "shell/settings.h"
#include "staff/staff_dialog.h"
#include "staff/staff_picker_dialog.h"

#include <myodesk/core/version.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/report_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/vocabulary/words.h>

#include <wx/aboutdlg.h>
#include <wx/button.h>
#include <wx/eventfilter.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/persist/toplevel.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

#include <algorithm>

namespace myodesk::app {

namespace {

constexpr int kSearchDelayMs = 150;

wxString ClientName(const core::Client& client) {
    return ToWx(core::DisplayName(client));
}

}  // namespace

MainFrame::MainFrame(wxWindow* parent, services::Context& context)
    : wxFrame(parent, wxID_ANY, wxString("MyoDesk")),
      m_context(context),
      m_clients(context),
      m_staff(context),
      m_notes(context),
      m_notes_controller(context, [this] { EnsureStaffAtDesk(); }),
      m_model(m_clients),
      m_search_timer(this),
      m_lock_timer(this),
      m_backup_timer(this) {
    SetName("MainFrame");
    SetIcons(AppIcons());
    m_notes_controller.SetOnSaved([this] { UpdateDeskStatus(); });
    CreateMenus();
    CreateControls();
    CreateAccessBar();
    BindBackup();
    BindPracticeExport();
    BindEvents();

    CreateStatusBar(4);
    const int widths[] = {FromDIP(220), FromDIP(340), -1, FromDIP(260)};
    GetStatusBar()->SetStatusWidths(4, widths);

    SetMinSize(FromDIP(wxSize(640, 420)));
    SetSize(FromDIP(wxSize(1000, 680)));
    if (!wxPersistentRegisterAndRestore(this, "MainFrame")) {
        Centre();
    }
    m_list->SetColumnWidths(Settings().ClientListColumnWidths());

    ReloadList();
    UpdateDeskStatus();
    UpdateBackupStatus();
    m_search->SetFocus();
}

MainFrame::~MainFrame() = default;

void MainFrame::CreateControls() {
    // Two pages in the one window: the list, and the workspace of the client opened from it.
    m_pages = new wxSimplebook(this);
    auto* panel = new wxPanel(m_pages);

    m_search = new wxSearchCtrl(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PROCESS_ENTER);
    m_search->SetDescriptiveText(_("Search clients by name, email or phone"));
    m_search->ShowCancelButton(true);

    m_book = new wxSimplebook(panel);
    m_list = new ClientListCtrl(m_book, wxID_ANY, m_model, m_context.GetClock());
    m_list->OnRowsFound([this] { UpdateStatusBar(); });
    m_book->AddPage(m_list, wxString());

    auto* hint = new wxPanel(m_book);
    hint->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    m_hint_title = new wxStaticText(hint, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxALIGN_CENTRE_HORIZONTAL);
    m_hint_title->SetFont(m_hint_title->GetFont().Scaled(1.4f).Bold());
    m_hint_text = new wxStaticText(hint, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                   wxALIGN_CENTRE_HORIZONTAL);
    m_hint_button = new wxButton(hint, kIdClientNew, _("&New client…"));
    auto* hint_sizer = new wxBoxSizer(wxVERTICAL);
    hint_sizer->AddStretchSpacer(2);
    hint_sizer->Add(m_hint_title, wxSizerFlags().CentreHorizontal());
    hint_sizer->AddSpacer(FromDIP(10));
    hint_sizer->Add(m_hint_text, wxSizerFlags().CentreHorizontal());
    hint_sizer->AddSpacer(FromDIP(18));
    hint_sizer->Add(m_hint_button, wxSizerFlags().CentreHorizontal());
    hint_sizer->AddStretchSpacer(3);
    hint->SetSizer(hint_sizer);
    m_book->AddPage(hint, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_search, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_book, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    panel->SetSizer(sizer);

    m_workspace = new ClientWorkspacePanel(m_pages, m_context, m_notes_controller);
    m_pages->AddPage(panel, _("Clients"));
    m_pages->AddPage(m_workspace, _("Client"));
    m_appointments = new AppointmentBookPanel(m_pages, m_context);
    m_appointments->OnOpenClient([this](core::ClientId id) { OpenClient(id); });
    m_appointments->OnWriteNote([this](const core::Appointment& appointment) {
        m_notes_controller.NewNoteFor(this, appointment);
        UpdateDeskStatus();
    });
    m_pages->AddPage(m_appointments, _("Appointments"));
}

void MainFrame::BindEvents() {
    Bind(wxEVT_MENU, &MainFrame::OnFileQuit, this, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAppointmentBook(); }, kIdViewBook);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowClientList(); }, kIdViewClients);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            m_appointments->ShowByRoom(true);
            ShowAppointmentBook();
        },
        kIdViewBookByRoom);
    Bind(wxEVT_MENU, &MainFrame::OnEditFind, this, wxID_FIND);
    Bind(wxEVT_MENU, &MainFrame::OnClientNew, this, kIdClientNew);
    Bind(wxEVT_BUTTON, &MainFrame::OnClientNew, this, kIdClientNew);
    Bind(wxEVT_MENU, &MainFrame::OnClientEdit, this, kIdClientEdit);
    Bind(wxEVT_MENU, &MainFrame::OnClientArchive, this, kIdClientArchive);
    Bind(wxEVT_MENU, &MainFrame::OnClientRestore, this, kIdClientRestore);
    Bind(wxEVT_MENU, &MainFrame::OnClientShowArchived, this, kIdClientShowArchived);
    Bind(wxEVT_MENU, &MainFrame::OnHelpAbout, this, wxID_ABOUT);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateClientEdit, this, kIdClientEdit);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateClientArchive, this, kIdClientArchive);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateClientRestore, this, kIdClientRestore);
    Bind(wxEVT_MENU, &MainFrame::OnClientOpen, this, kIdClientOpen);
    Bind(wxEVT_MENU, &MainFrame::OnClientBack, this, kIdClientBack);
    Bind(wxEVT_BUTTON, &MainFrame::OnClientBack, this, ClientWorkspacePanel::kIdBackToList);
    Bind(wxEVT_BUTTON, &MainFrame::OnClientEdit, this, ClientWorkspacePanel::kIdEditClient);
    Bind(wxEVT_MENU, &MainFrame::OnIntakeNew, this, kIdIntakeNew);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateClientOpen, this, kIdClientOpen);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdClientBack);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdIntakeNew);
    Bind(wxEVT_MENU, &MainFrame::OnSessionNew, this, kIdSessionNew);
    Bind(wxEVT_MENU, &MainFrame::OnSessionCopyLast, this, kIdSessionCopyLast);
    Bind(wxEVT_MENU, &MainFrame::OnSessionsUnsigned, this, kIdSessionsUnsigned);
    Bind(wxEVT_MENU, &MainFrame::OnDeskChange, this, kIdDeskChange);
    Bind(wxEVT_MENU, &MainFrame::OnEditStaff, this, kIdEditStaff);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdSessionNew);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdSessionCopyLast);
    Bind(wxEVT_MENU, &MainFrame::OnPlanGenerate, this, kIdPlanGenerate);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdPlanGenerate);
    Bind(wxEVT_MENU, &MainFrame::OnReportClient, this, kIdReportProgress);
    Bind(wxEVT_MENU, &MainFrame::OnReportClient, this, kIdReportPhysician);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdReportProgress);
    Bind(wxEVT_UPDATE_UI, &MainFrame::OnUpdateInWorkspace, this, kIdReportPhysician);
    Bind(wxEVT_MENU, &MainFrame::OnReportClinicSummary, this, kIdReportClinicSummary);
    Bind(wxEVT_MENU, &MainFrame::OnExportClients, this, kIdExportClients);
    Bind(wxEVT_MENU, &MainFrame::OnExportSessions, this, kIdExportSessions);
    Bind(wxEVT_MENU, &MainFrame::OnClinicDetails, this, kIdClinicDetails);

    m_search->Bind(wxEVT_TEXT, &MainFrame::OnSearchText, this);
    m_search->Bind(wxEVT_TEXT_ENTER, &MainFrame::OnSearchEnter, this);
    m_search->Bind(wxEVT_SEARCH, &MainFrame::OnSearchEnter, this);
    m_search->Bind(wxEVT_SEARCH_CANCEL, &MainFrame::OnSearchCancel, this);
    m_search->Bind(wxEVT_KEY_DOWN, &MainFrame::OnSearchKeyDown, this);
    Bind(wxEVT_TIMER, &MainFrame::OnSearchTimer, this, m_search_timer.GetId());

    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, &MainFrame::OnListItemActivated, this);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
}

// --- Menu commands ---

void MainFrame::OnFileQuit(wxCommandEvent&) {
    Close();
}

void MainFrame::OnEditFind(wxCommandEvent&) {
    if (IsWorkspaceShown()) {
        ShowClientList();
    }
    m_search->SetFocus();
    m_search->SelectAll();
}

void MainFrame::OnClientNew(wxCommandEvent&) {
    EditClient(core::Client{});
}

void MainFrame::OnClientEdit(wxCommandEvent&) {
    std::optional<core::ClientId> id;
    if (IsWorkspaceShown()) {
        id = m_workspace->GetClientId();
    } else if (const std::optional<core::ClientSummary> selected = m_list->SelectedClient()) {
        id = selected->id;
    }
    if (!id) {
        return;
    }
    try {
        std::optional<core::Client> client = m_clients.Find(*id);
        if (!client) {
            wxMessageBox(_("This client is no longer in the database (it may have been removed "
                           "at another desk). The list will be refreshed."),
                         _("Edit client"), wxOK | wxICON_INFORMATION, this);
            ReloadList();
            ShowClientList();
            return;
        }
        if (EditClient(std::move(*client)) && IsWorkspaceShown()) {
            m_workspace->Reload();
            SetTitle(WindowTitle(ClientName(m_workspace->GetClient())));
        }
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The client could not be read."), error);
    }
}

void MainFrame::OnClientArchive(wxCommandEvent&) {
    const std::optional<core::ClientSummary> selected = m_list->SelectedClient();
    if (!selected || selected->archived) {
        return;
    }
    const wxString name = ToWx(core::DisplayName(*selected));
    wxMessageDialog confirm(this, wxString::Format(_("Archive %s?"), name), _("Archive client"),
                            wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    confirm.SetExtendedMessage(
        _("Archived clients are hidden from the client list; their records are kept. To bring "
          "a client back, choose Client ▸ Show archived clients, select the client and choose "
          "Client ▸ Restore client."));
    confirm.SetYesNoLabels(_("&Archive"), _("&Cancel"));
    if (confirm.ShowModal() != wxID_YES) {
        return;
    }
    const long index = m_list->SelectedIndex();
    try {
        m_clients.SetArchived(selected->id, true);
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, wxString::Format(_("%s could not be archived."), name), error);
        return;
    }
    core::Client archived;
    archived.id = selected->id;
    archived.given_name = selected->given_name;
    archived.family_name = selected->family_name;
    archived.archived = true;
    ReloadList(&archived);
    if (m_list->SelectedIndex() < 0 && m_list->GetItemCount() > 0) {
        // The archived client left the list: select the one that took its place.
        m_list->SelectRow(std::min<long>(index, m_list->GetItemCount() - 1));
    }
}

void MainFrame::OnClientRestore(wxCommandEvent&) {
    const std::optional<core::ClientSummary> selected = m_list->SelectedClient();
    if (!selected || !selected->archived) {
        return;
    }
    try {
        m_clients.SetArchived(selected->id, false);
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(
            this,
            wxString::Format(_("%s could not be restored."), ToWx(core::DisplayName(*selected))),
            error);
        return;
    }
    core::Client restored;
    restored.id = selected->id;
    restored.given_name = selected->given_name;
    restored.family_name = selected->family_name;
    ReloadList(&restored);
}

void MainFrame::OnClientShowArchived(wxCommandEvent&) {
    ApplySearch();
}

void MainFrame::OnHelpAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("MyoDesk");
    info.SetIcon(AppLogo().GetIcon(FromDIP(wxSize(128, 128))));
    info.SetVersion(ToWx(core::Version()));
    info.SetDescription(
        _("Client records and treatment notes for sports massage therapists working with "
          "runners."));
    wxAboutBox(info, this);
}

void MainFrame::OnUpdateClientEdit(wxUpdateUIEvent& event) {
    event.Enable(IsWorkspaceShown() || m_list->SelectedIndex() >= 0);
}

void MainFrame::OnUpdateClientArchive(wxUpdateUIEvent& event) {
    const std::optional<core::ClientSummary> selected = m_list->SelectedClient();
    event.Enable(!IsWorkspaceShown() && selected && !selected->archived);
}

void MainFrame::OnUpdateClientRestore(wxUpdateUIEvent& event) {
    const std::optional<core::ClientSummary> selected = m_list->SelectedClient();
    event.Enable(!IsWorkspaceShown() && selected && selected->archived);
}

void MainFrame::OnUpdateClientOpen(wxUpdateUIEvent& event) {
    event.Enable(!IsWorkspaceShown());
}

void MainFrame::OnUpdateInWorkspace(wxUpdateUIEvent& event) {
    event.Enable(IsWorkspaceShown());
}

// --- Search ---

void MainFrame::OnSearchText(wxCommandEvent&) {
    m_search_timer.StartOnce(kSearchDelayMs);
}

void MainFrame::OnSearchTimer(wxTimerEvent&) {
    ApplySearch();
}

void MainFrame::OnSearchEnter(wxCommandEvent&) {
    ApplySearch();
    if (m_list->GetItemCount() > 0) {
        if (m_list->SelectedIndex() < 0) {
            m_list->SelectRow(0);
        }
        m_list->SetFocus();
    }
}

void MainFrame::OnSearchCancel(wxCommandEvent&) {
    m_search->ChangeValue(wxString());
    ApplySearch();
}

void MainFrame::OnSearchKeyDown(wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_DOWN && m_list->GetItemCount() > 0) {
        ApplySearch();
        if (m_list->SelectedIndex() < 0) {
            m_list->SelectRow(0);
        }
        m_list->SetFocus();
        return;
    }
    event.Skip();
}

void MainFrame::ApplySearch() {
    m_search_timer.Stop();
    db::ClientQuery query;
    query.text = ToUtf8(m_search->GetValue());
    query.archive_filter = GetMenuBar()->IsChecked(kIdClientShowArchived)
                               ? db::ArchiveFilter::kAll
                               : db::ArchiveFilter::kActive;
    if (query.text == m_model.Query().text &&
        query.archive_filter == m_model.Query().archive_filter) {
        return;
    }
    try {
        m_model.SetQuery(std::move(query));
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The client list could not be read."), error);
    }
    m_list->ClearSelection();
    m_list->RefreshRows();
    UpdateStatusBar();
    UpdateEmptyHint();
}

// --- List ---

void MainFrame::OnListItemActivated(wxListEvent&) {
    wxCommandEvent open(wxEVT_MENU, kIdClientOpen);
    OnClientOpen(open);
}

// --- The client workspace ---

void MainFrame::OnClientOpen(wxCommandEvent&) {
    if (IsWorkspaceShown()) {
        return;
    }
    const std::optional<core::ClientSummary> selected = m_list->SelectedClient();
    if (!selected) {
        // Nothing chosen yet: the search box finds the client.
        m_search->SetFocus();
        m_search->SelectAll();
        return;
    }
    OpenClient(selected->id);
}

bool MainFrame::OpenClient(core::ClientId id) {
    try {
        if (m_workspace->ShowClient(id)) {
            m_clients.Open(id);  // recorded in the audit log: the record was opened
        } else {
            wxMessageBox(_("This client is no longer in the database (it may have been removed "
                           "at another desk). The list will be refreshed."),
                         _("Open client"), wxOK | wxICON_INFORMATION, this);
            ReloadList();
            return false;
        }
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The client could not be read."), error);
        return false;
    }
    m_pages->ChangeSelection(1);
    SetTitle(WindowTitle(ClientName(m_workspace->GetClient())));
    m_workspace->Tabs()->SetFocus();
    return true;
}

void MainFrame::ShowClientList() {
    if (!IsWorkspaceShown()) {
        return;
    }
    const core::Client client = m_workspace->GetClient();
    m_pages->ChangeSelection(0);
    SetTitle(WindowTitle());
    // The name or phone may have changed while it was open.
    ReloadList(&client);
    m_list->SetFocus();
}

void MainFrame::ShowAppointmentBook() {
    m_pages->ChangeSelection(2);
    m_appointments->Reload();
    m_appointments->DayView()->SetFocus();
    SetTitle(WindowTitle());
}

bool MainFrame::IsAppointmentBookShown() const {
    return m_pages->GetSelection() == 2;
}

bool MainFrame::IsWorkspaceShown() const {
    return m_pages->GetSelection() == 1;
}

void MainFrame::OnClientBack(wxCommandEvent&) {
    ShowClientList();
}

void MainFrame::OnIntakeNew(wxCommandEvent&) {
    if (IsWorkspaceShown()) {
        m_workspace->NewIntake();
    }
}

// --- Session notes and the desk ---

void MainFrame::OnSessionNew(wxCommandEvent&) {
    if (IsWorkspaceShown()) {
        m_workspace->Tabs()->ChangeSelection(ClientWorkspacePanel::kSessionsTab);
        m_workspace->Sessions()->NewNote();
    }
}

void MainFrame::OnSessionCopyLast(wxCommandEvent&) {
    if (IsWorkspaceShown()) {
        m_workspace->Tabs()->ChangeSelection(ClientWorkspacePanel::kSessionsTab);
        m_workspace->Sessions()->CopyLastNote();
    }
}

void MainFrame::OnSessionsUnsigned(wxCommandEvent&) {
    UnsignedNotesDialog dialog(this, m_notes, m_notes_controller);
    dialog.ShowModal();
    if (dialog.Changed() && IsWorkspaceShown()) {
        m_workspace->Sessions()->Reload();
    }
    UpdateDeskStatus();
}

void MainFrame::OnPlanGenerate(wxCommandEvent&) {
    if (IsWorkspaceShown()) {
        m_workspace->Tabs()->ChangeSelection(ClientWorkspacePanel::kPlanTab);
        m_workspace->Plan()->GeneratePlan();
    }
}

void MainFrame::OnReportClient(wxCommandEvent& event) {
    if (!IsWorkspaceShown()) {
        return;
    }
    m_workspace->Tabs()->ChangeSelection(ClientWorkspacePanel::kReportsTab);
    try {
        m_workspace->Reports()->ShowKind(event.GetId() == kIdReportPhysician
                                             ? ReportsPanel::Kind::kPhysicianLetter
                                             : ReportsPanel::Kind::kProgressReport);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The report could not be made."), error);
    }
}

void MainFrame::OnReportClinicSummary(wxCommandEvent&) {
    try {
        ClinicSummaryDialog dialog(this, m_context);
        dialog.ShowModal();
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The clinic summary could not be opened."), error);
    }
}

void MainFrame::OnExportClients(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Export the client list as CSV"), wxString(),
                        SuggestedFileName(_("Clients"), "csv"), _("CSV files (*.csv)|*.csv"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    const db::ArchiveFilter filter = GetMenuBar()->IsChecked(kIdClientShowArchived)
                                         ? db::ArchiveFilter::kAll
                                         : db::ArchiveFilter::kActive;
    if (SaveCsv(
            this, dialog.GetPath(),
            [&](std::ostream& out) {
                services::ReportService(m_context).WriteClientsCsv(filter, out);
            },
            services::ProtectedOutputFiles(m_context.Database()))) {
        SetStatusText(wxString::Format(_("Saved %s"), dialog.GetPath()), 0);
    }
}

void MainFrame::OnExportSessions(wxCommandEvent&) {
    PeriodDialog period(this, _("Export sessions"), m_context.Today());
    if (period.ShowModal() != wxID_OK) {
        return;
    }
    wxFileDialog dialog(this, _("Export the sessions as CSV"), wxString(),
                        SuggestedFileName(wxString::Format(_("Sessions %s – %s"),
                                                           ToWx(core::FormatIsoDate(period.From())),
                                                           ToWx(core::FormatIsoDate(period.To()))),
                                          "csv"),
                        _("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    if (SaveCsv(
            this, dialog.GetPath(),
            [&](std::ostream& out) {
                services::ReportService(m_context).WriteSessionsCsv(period.From(), period.To(),
                                                                    out);
            },
            services::ProtectedOutputFiles(m_context.Database()))) {
        SetStatusText(wxString::Format(_("Saved %s"), dialog.GetPath()), 0);
    }
}

void MainFrame::OnClinicDetails(wxCommandEvent&) {
    try {
        services::SettingsService settings(m_context);
        ClinicDetailsDialog dialog(
            this, settings.LoadClinicDetails(),
            [&](const core::ClinicDetails& details) { settings.SaveClinicDetails(details); });
        if (dialog.ShowModal() == wxID_OK && IsWorkspaceShown()) {
            m_workspace->Reports()->Invalidate();
        }
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The clinic details could not be read."), error);
    }
}

void MainFrame::OnDeskChange(wxCommandEvent&) {
    StaffPickerDialog picker(this, m_staff, m_context.Desk().StaffId());
    if (picker.ShowModal() == wxID_OK && picker.GetStaff()) {
        SetStaffAtDesk(picker.GetStaff());
    }
}

void MainFrame::OnEditStaff(wxCommandEvent&) {
    StaffDialog dialog(this, m_staff, m_context.Desk().StaffId());
    dialog.ShowModal();
    if (!dialog.Changed()) {
        return;
    }
    m_notes_controller.ForgetNames();
    if (const std::optional<core::StaffId> at_desk = m_context.Desk().StaffId()) {
        // Renamed, perhaps.
        try {
            SetStaffAtDesk(m_staff.Find(*at_desk));
        } catch (const db::DatabaseError& error) {
            ShowErrorMessage(this, _("The staff list could not be read."), error);
        }
    }
    if (IsWorkspaceShown()) {
        m_workspace->Sessions()->Reload();
    }
}

void MainFrame::SetStaffAtDesk(std::optional<core::Staff> staff) {
    if (m_context.AccountsOn()) {
        UpdateDeskStatus();  // the signed-in user is at the desk: File ▸ Lock to change
        return;
    }
    m_context.SetDesk({std::move(staff)});
    const std::optional<core::StaffId> at_desk = m_context.Desk().StaffId();
    if (at_desk && !m_demo_practice) {            // the demo's staff ids mean nothing elsewhere
        Settings().SetLastStaffAtDesk(*at_desk);  // preselected at the next start
    }
    UpdateDeskStatus();
}

std::optional<core::Staff> MainFrame::EnsureStaffAtDesk() {
    if (!StaffAtDesk()) {
        StaffPickerDialog picker(this, m_staff, Settings().LastStaffAtDesk());
        if (picker.ShowModal() == wxID_OK && picker.GetStaff()) {
            SetStaffAtDesk(picker.GetStaff());
        }
    }
    return StaffAtDesk();
}

wxString MainFrame::DeskStatusText() const {
    return GetStatusBar()->GetStatusText(1);
}

void MainFrame::UpdateDeskStatus() {
    const std::optional<core::Staff>& at_desk = StaffAtDesk();
    wxString text = at_desk ? wxString::Format(_("At the desk: %s"), ToWx(at_desk->name))
                            : _("Nobody at the desk (File menu)");
    if (at_desk && m_context.Desk().signed_in) {
        text = wxString::Format(_("Signed in: %s (%s)"), ToWx(at_desk->name),
                                ToWx(vocabulary::NameOf(at_desk->role)));
    }
    try {
        const std::int64_t unsigned_notes = m_notes.CountUnsigned();
        if (unsigned_notes > 0) {
            text << wxString::FromUTF8("  ·  ")
                 << wxString::Format(wxPLURAL("%lld unsigned note", "%lld unsigned notes",
                                              static_cast<unsigned>(unsigned_notes % 1000000)),
                                     static_cast<long long>(unsigned_notes));
        }
    } catch (const std::exception&) {
        // Only a hint (and not one for a desk without clinical records).
    }
    SetStatusText(text, 1);
}

void MainFrame::OnClose(wxCloseEvent& event) {
    Settings().SetClientListColumnWidths(m_list->ColumnWidths());
    m_backup_timer.Stop();
    if (m_automatic_backups && !IsLocked()) {
        RunAutomaticBackup(_("Backing up before MyoDesk closes"));
    }
    try {
        services::AccountService(m_context).SignOut();  // recorded when someone was signed in
    } catch (const std::exception&) {
        // Closing goes on.
    }
    event.Skip();
}

// --- Adding and editing ---

bool MainFrame::EditClient(core::Client client) {
    const bool is_new = client.id == 0;
    while (true) {
        const wxString title =
            is_new ? _("New client") : wxString::Format(_("Edit client: %s"), ClientName(client));
        ClientDialog dialog(this, title, client, m_context.Today());
        if (dialog.ShowModal() != wxID_OK) {
            return false;
        }
        client = dialog.GetClient();
        try {
            SaveClient(client);
            ReloadList(&client);
            return true;
        } catch (const db::ConflictError& error) {
            wxMessageDialog ask(this, _("Someone else changed this client in the meantime."),
                                _("Edit client"), wxYES_NO | wxICON_WARNING);
            ask.SetExtendedMessage(
                ToWx(error.what()) + "\n\n" +
                _("Reload shows the client as it is saved now; your changes in this window are "
                  "lost. Keep editing returns to your changes so that you can copy them."));
            ask.SetYesNoLabels(_("&Reload"), _("&Keep editing"));
            if (ask.ShowModal() == wxID_YES) {
                try {
                    std::optional<core::Client> current = m_clients.Find(client.id);
                    if (!current) {
                        ReloadList();
                        return false;
                    }
                    client = std::move(*current);
                } catch (const db::DatabaseError& reload_error) {
                    ShowErrorMessage(this, _("The client could not be read."), reload_error);
                    return false;
                }
                ReloadList(&client);
            }
        } catch (const db::NotFoundError& error) {
            ShowErrorMessage(this, _("This client is no longer in the database."), error);
            ReloadList();
            return false;
        } catch (const db::DatabaseError& error) {
            ShowErrorMessage(
                this, _("The client could not be saved. Your changes are still in the window."),
                error);
        } catch (const db::ValidationError& error) {
            // The dialog validated already; only a difference of "today" can get here.
            ShowErrorMessage(this, _("The client could not be saved."), error);
        }
    }
}

void MainFrame::SaveClient(core::Client& client) {
    client = client.id == 0 ? m_clients.Add(client) : m_clients.Update(client);
}

// --- Showing the list ---

void MainFrame::ReloadList(const core::Client* select) {
    try {
        m_model.Refresh();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The client list could not be read."), error);
    }
    m_list->ClearSelection();
    m_list->RefreshRows();
    if (select != nullptr) {
        if (std::optional<std::int64_t> index = m_model.IndexOf(select->id)) {
            m_list->SelectRow(static_cast<long>(*index));
        } else if (!m_model.Query().text.empty() && select->id != 0 && !select->archived) {
            // Saved, but hidden by the search: clear the search so that it shows.
            m_search->ChangeValue(wxString());
            ApplySearch();
            if (std::optional<std::int64_t> shown = m_model.IndexOf(select->id)) {
                m_list->SelectRow(static_cast<long>(*shown));
            }
        }
    }
    UpdateStatusBar();
    UpdateEmptyHint();
}

void MainFrame::UpdateStatusBar() {
    const std::int64_t count = m_model.RowCount();
    const auto plural_n = static_cast<unsigned>(count % 1000000);
    const auto n = static_cast<long long>(count);
    const bool all = m_model.Query().archive_filter == db::ArchiveFilter::kAll;
    wxString text;
    if (m_model.Query().text.empty()) {
        text = all ? wxString::Format(wxPLURAL("%lld client, archived included",
                                               "%lld clients, archived included", plural_n),
                                      n)
                   : wxString::Format(wxPLURAL("%lld client", "%lld clients", plural_n), n);
    } else if (m_model.HasMoreRows()) {
        // A search is not counted (see ClientListModel); more are found as the list scrolls.
        text = wxString::Format(_("More than %lld matching clients"), n);
    } else {
        text = wxString::Format(wxPLURAL("%lld matching client", "%lld matching clients", plural_n),
                                n);
    }
    SetStatusText(text, 0);
    SetStatusText(m_demo_practice ? wxString::Format(_("Demo practice (made-up data): %s"),
                                                     ToWx(m_context.Database().Location()))
                                  : ToWx(m_context.Database().Location()),
                  2);
}

wxString MainFrame::WindowTitle(const wxString& client) const {
    if (m_demo_practice) {
        return client.empty() ? _("MyoDesk — Demo practice")
                              : wxString::Format(_("%s — MyoDesk demo practice"), client);
    }
    return client.empty() ? wxString("MyoDesk") : wxString::Format(_("%s — MyoDesk"), client);
}

void MainFrame::SetDemoPractice(bool demo) {
    m_demo_practice = demo;
    SetTitle(IsWorkspaceShown() ? WindowTitle(ClientName(m_workspace->GetClient()))
                                : WindowTitle());
    UpdateStatusBar();
    UpdateAccessUi();  // the demo stays open: no bar about sign-in
}

void MainFrame::UpdateEmptyHint() {
    if (m_model.RowCount() > 0) {
        m_book->ChangeSelection(0);
        return;
    }
    const db::ClientQuery& query = m_model.Query();
    std::int64_t archived = 0;
    if (query.archive_filter == db::ArchiveFilter::kActive) {
        try {
            archived = m_clients.CountMatching({query.text, db::ArchiveFilter::kArchived});
        } catch (const db::DatabaseError&) {
            archived = 0;  // only a hint
        }
    }
    wxString archived_hint;
    if (archived > 0) {
        archived_hint = wxString::Format(
            wxPLURAL("%lld archived client matches: choose Client ▸ Show archived clients to "
                     "see it.",
                     "%lld archived clients match: choose Client ▸ Show archived clients to "
                     "see them.",
                     static_cast<unsigned>(archived % 1000000)),
            static_cast<long long>(archived));
    }

    if (query.text.empty()) {
        m_hint_title->SetLabelText(archived > 0 ? _("No active clients") : _("No clients yet"));
        m_hint_text->SetLabelText(
            archived > 0 ? archived_hint
                         : _("Add your first client with Client ▸ New client… (Ctrl+N)."));
        m_hint_button->Show();
    } else {
        m_hint_title->SetLabelText(wxString::Format(_("No clients match “%s”"), ToWx(query.text)));
        wxString text =
            _("Search looks at the start of names (given or family name first), "
              "email addresses and phone numbers.");
        if (!archived_hint.empty()) {
            text << "\n" << archived_hint;
        }
        m_hint_text->SetLabelText(text);
        m_hint_button->Hide();
    }
    m_hint_text->Wrap(FromDIP(520));
    m_book->ChangeSelection(1);
    m_book->GetPage(1)->Layout();
}

wxString MainFrame::EmptyHint() const {
    if (m_book->GetSelection() != 1) {
        return {};
    }
    return m_hint_title->GetLabelText() + "\n" + m_hint_text->GetLabelText();
}

}  // namespace myodesk::app
