#pragma once

#include "intake/contraindication_banner.h"

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/intake_service.h>

#include <wx/panel.h>

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

class wxBookCtrlEvent;
class wxBoxSizer;
class wxButton;
class wxChoice;
class wxHtmlWindow;
class wxNotebook;
class wxStaticBitmap;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

class ContraindicationBannerPanel;
class IntakeDialog;
class PlanPanel;
class ReportsPanel;
class SessionNoteController;
class SessionsPanel;

// One client at the desk: a header with the name, age and the contraindication banner of the
// newest intake, and tabs for the client's record (Profile), the intake questionnaire with
// every version (Intake), the session notes (Sessions), the massage plan around the runner's
// training (Plan), and the client's progress report and physician letter (Reports). Shown by the
// main window in place of the client list; "All clients" (Escape, Alt+Left) goes back.
class ClientWorkspacePanel : public wxPanel {
  public:
    enum Tab : std::size_t { kProfileTab, kIntakeTab, kSessionsTab, kPlanTab, kReportsTab };

    // Commands sent up to the main window (as wxEVT_BUTTON).
    enum : int {
        kIdBackToList = wxID_HIGHEST + 200,  // "All clients"
        kIdEditClient,                       // "Edit details…" on the Profile tab
    };

    // The context and the controller must outlive the panel.
    ClientWorkspacePanel(wxWindow* parent, services::Context& context,
                         SessionNoteController& notes);

    // Reads the client, its intake versions and the flags of the newest one. Returns false,
    // showing nothing new, when the client is not in the database. Throws db::DatabaseError.
    bool ShowClient(core::ClientId id);
    // Reads the shown client again (after an edit or a new intake).
    bool Reload();

    const core::Client& GetClient() const { return m_client; }
    core::ClientId GetClientId() const { return m_client.id; }

    // Opens the intake form: empty, or a copy of the version shown; saving adds a version.
    // Returns true when one was saved.
    bool NewIntake();
    bool RenewIntake();

    // What is shown, for tests and the window title.
    const ContraindicationBanner& Banner() const { return m_banner; }
    wxString HeaderName() const;
    wxString HeaderDetails() const;
    wxString BannerText() const;  // the banner's sentences, one per line
    wxString StatusText() const;  // "No intake yet…", "No contraindications…"
    wxColour BannerBackground() const;
    bool IsBannerShown() const;
    wxNotebook* Tabs() const { return m_tabs; }
    SessionsPanel* Sessions() const { return m_sessions; }
    PlanPanel* Plan() const { return m_plan; }
    ReportsPanel* Reports() const { return m_reports; }
    wxChoice* VersionChoice() const { return m_versions_choice; }
    wxButton* NewIntakeButton() const { return m_new_intake; }
    wxButton* RenewIntakeButton() const { return m_renew_intake; }
    const std::vector<db::IntakeVersion>& Versions() const { return m_versions; }
    // The intake shown on the Intake tab (the newest unless another version was chosen).
    const std::optional<core::Intake>& ShownIntake() const { return m_shown_intake; }
    wxString IntakeText() const;   // the Intake tab's text as shown
    wxString ProfileText() const;  // the Profile tab's values, one per line

    // Shows version `index` of Versions() (0: newest) on the Intake tab, as the chooser does.
    void ShowVersion(std::size_t index);

  private:
    // Whether the Intake, Sessions, Plan and Reports tabs are there (not for the front desk:
    // they are taken out, so nothing of a health record stays on screen). Returns `show`.
    bool ShowClinicalTabs(bool show);
    wxWindow* CreateHeader();
    wxWindow* CreateProfilePage(wxWindow* parent);
    wxWindow* CreateIntakePage(wxWindow* parent);

    void UpdateHeader();
    void UpdateBanner();
    void UpdateProfile();
    void UpdateVersions();
    bool RunIntakeDialog(core::Intake start, std::optional<core::Date> renewed_from);
    void SaveIntake(core::Client& client, core::Intake& intake);

    void OnNewIntakeButton(wxCommandEvent& event);
    void OnRenewIntakeButton(wxCommandEvent& event);
    void OnVersionChoice(wxCommandEvent& event);
    void OnCharHook(wxKeyEvent& event);
    void OnTabChanged(wxBookCtrlEvent& event);
    // Reads the Reports tab's report when it is shown and out of date.
    void RefreshReports();

    services::Context& m_context;
    services::ClientService m_clients;
    services::IntakeService m_intakes;

    core::Client m_client;
    core::Date m_today{};
    std::optional<core::Intake> m_newest;
    std::vector<core::ContraindicationFlag> m_flags;
    ContraindicationBanner m_banner;
    std::vector<db::IntakeVersion> m_versions;
    std::optional<core::Intake> m_shown_intake;

    wxStaticText* m_name = nullptr;
    wxStaticText* m_details = nullptr;
    ContraindicationBannerPanel* m_banner_panel = nullptr;
    wxStaticText* m_status = nullptr;
    wxNotebook* m_tabs = nullptr;
    wxWindow* m_intake_page = nullptr;

    // Profile
    std::vector<std::pair<wxStaticText*, wxStaticText*>> m_profile_rows;
    wxTextCtrl* m_profile_notes = nullptr;
    wxStaticText* m_profile_no_notes = nullptr;

    // Intake
    wxStaticText* m_versions_label = nullptr;
    wxChoice* m_versions_choice = nullptr;
    wxButton* m_new_intake = nullptr;
    wxButton* m_renew_intake = nullptr;
    wxHtmlWindow* m_intake_view = nullptr;

    // Sessions
    SessionsPanel* m_sessions = nullptr;

    // Plan
    PlanPanel* m_plan = nullptr;

    // Reports
    ReportsPanel* m_reports = nullptr;
};

}  // namespace myodesk::app
