// The main window's part in signing in: the open practice's bar, File ▸ Lock, the automatic
// lock after idle minutes, and turning sign-in on. Kept apart from main_frame.cpp.
#include "clients/client_workspace_panel.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "reports/audit_log_dialog.h"
#include "shell/main_frame.h"
#include "shell/settings.h"
#include "shell/sign_in_dialog.h"

#include <myodesk/services/account_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/vocabulary/words.h>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/eventfilter.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>
#include <vector>

namespace myodesk::app {

namespace {

// Any key press, click or wheel turn in any window is someone at the computer.
class ActivityFilter : public wxEventFilter {
  public:
    explicit ActivityFilter(std::chrono::steady_clock::time_point& last) : m_last(last) {
        wxEvtHandler::AddFilter(this);
    }
    ~ActivityFilter() override { wxEvtHandler::RemoveFilter(this); }
    ActivityFilter(const ActivityFilter&) = delete;
    ActivityFilter& operator=(const ActivityFilter&) = delete;

    int FilterEvent(wxEvent& event) override {
        const wxEventType type = event.GetEventType();
        if (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
            type == wxEVT_MOUSEWHEEL) {
            m_last = std::chrono::steady_clock::now();
        }
        return Event_Skip;
    }

  private:
    std::chrono::steady_clock::time_point& m_last;
};

// The windows whose content the lock hides, and how to show it again.
class HiddenContent {
  public:
    explicit HiddenContent(const wxWindow* except) {
        for (wxWindow* window : wxTopLevelWindows) {
            if (window == except) {
                continue;
            }
            for (wxWindow* child : window->GetChildren()) {
                if (child->IsShown() && !child->IsTopLevel()) {
                    child->Hide();
                    m_hidden.push_back(child);
                }
            }
            m_titles.emplace_back(window, window->GetLabel());
            window->SetLabel(_("MyoDesk (locked)"));
        }
    }
    void ShowAgain() {
        for (wxWindow* child : m_hidden) {
            child->Show();
        }
        for (auto& [window, title] : m_titles) {
            window->SetLabel(title);
            window->Layout();
        }
    }

  private:
    std::vector<wxWindow*> m_hidden;
    std::vector<std::pair<wxWindow*, wxString>> m_titles;
};

}  // namespace

void MainFrame::CreateAccessBar() {
    auto* bar = new wxPanel(this, wxID_ANY);
    bar->SetName("OpenPracticeBar");
    bar->SetBackgroundColour(wxColour(255, 243, 205));
    auto* text = new wxStaticText(
        bar, wxID_ANY,
        _("Sign-in is off: anyone at this computer can read every record. Turn it on to give "
          "each staff member their own account and role."));
    text->SetForegroundColour(wxColour(90, 60, 0));
    auto* button = new wxButton(bar, kIdTurnOnSignIn, _("Turn on sign-&in…"));
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text, wxSizerFlags(1).CentreVertical().Border(wxALL, FromDIP(8)));
    sizer->Add(button, wxSizerFlags().CentreVertical().Border(wxALL, FromDIP(6)));
    bar->SetSizer(sizer);
    m_open_bar = bar;

    auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
    frame_sizer->Add(bar, wxSizerFlags().Expand());
    frame_sizer->Add(m_pages, wxSizerFlags(1).Expand());
    SetSizer(frame_sizer);

    Bind(wxEVT_MENU, &MainFrame::OnLock, this, kIdLock);
    Bind(wxEVT_BUTTON, &MainFrame::OnTurnOnSignIn, this, kIdTurnOnSignIn);
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) { event.Enable(m_context.AccountsOn()); },
        kIdLock);
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) { event.Enable(!m_context.AccountsOn()); },
        kIdDeskChange);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAuditLog(std::nullopt); }, kIdAuditLog);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (IsWorkspaceShown()) {
                ShowAuditLog(m_workspace->GetClient().id);
            }
        },
        kIdClientAccess);
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& event) {
            event.Enable(m_context.Allows(core::Right::kReadAudit) &&
                         (event.GetId() == kIdAuditLog || IsWorkspaceShown()));
        },
        kIdAuditLog, kIdClientAccess);
    try {
        m_lock_after =
            std::chrono::minutes(services::SettingsService(m_context).LockAfterMinutes());
    } catch (const std::exception&) {
        // The default (5 minutes) stands.
    }
    m_activity = std::make_unique<ActivityFilter>(m_last_activity);
    m_lock_timer.SetOwner(this);
    Bind(wxEVT_TIMER, &MainFrame::OnLockTimer, this, m_lock_timer.GetId());
    m_lock_timer.Start(1000);
    UpdateAccessUi();
}

wxWindow* MainFrame::OpenPracticeBar() const {
    return m_open_bar != nullptr && m_open_bar->IsShown() ? m_open_bar : nullptr;
}

void MainFrame::UpdateAccessUi() {
    bool accounts = false;
    try {
        accounts = m_context.AccountsOn();
    } catch (const std::exception&) {
        // Shown as open; the services still refuse what the desk may not do.
    }
    m_open_bar->Show(!accounts && !m_demo_practice);
    Layout();
}

void MainFrame::OnLock(wxCommandEvent&) {
    Lock();
}

void MainFrame::OnLockTimer(wxTimerEvent&) {
    if (m_locked || !m_context.Desk().signed_in) {
        return;
    }
    if (std::chrono::steady_clock::now() - m_last_activity >= m_lock_after) {
        Lock();
    }
}

void MainFrame::Lock() {
    if (m_locked || !m_context.AccountsOn()) {
        return;
    }
    m_locked = true;
    const std::optional<core::Staff> previous = m_context.Desk().staff;
    services::AccountService(m_context).SignOut(true);
    SignInDialog dialog(nullptr, m_context,
                        previous ? wxString::Format(_("MyoDesk is locked (%s was signed in)."),
                                                    ToWx(previous->name))
                                 : _("MyoDesk is locked."),
                        previous ? previous->username : std::string());
    HiddenContent hidden(&dialog);
    const bool signed_in = dialog.ShowModal() == wxID_OK;
    m_last_activity = std::chrono::steady_clock::now();
    m_locked = false;
    hidden.ShowAgain();
    if (!signed_in) {
        // Quit: nobody is signed in, so nothing is shown; the windows close.
        CloseFirstUsersWork();
        CallAfter([this] { Close(true); });
        return;
    }
    if (!previous || m_context.Desk().StaffId() != previous->id) {
        CloseFirstUsersWork();
    }
    UpdateDeskStatus();
}

void MainFrame::CloseFirstUsersWork() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (window == this) {
            continue;
        }
        if (auto* dialog = dynamic_cast<wxDialog*>(window); dialog && dialog->IsModal()) {
            dialog->EndModal(wxID_CANCEL);
        } else {
            window->Close(true);
        }
    }
    if (IsWorkspaceShown()) {
        ShowClientList();
    }
    ReloadList();
}

void MainFrame::ShowAuditLog(std::optional<core::ClientId> client) {
    AuditLogDialog dialog(this, m_context, client);
    dialog.ShowModal();
}

void MainFrame::OnTurnOnSignIn(wxCommandEvent&) {
    OwnerSetupDialog dialog(this, m_context);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    UpdateAccessUi();
    UpdateDeskStatus();
}

}  // namespace myodesk::app
