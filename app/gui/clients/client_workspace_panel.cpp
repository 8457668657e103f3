#include "clients/client_workspace_panel.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/wx_conversions.h"
#include "intake/contraindication_banner_panel.h"
#include "intake/intake_dialog.h"
#include "intake/intake_html.h"
#include "plan/plan_panel.h"
#include "reports/reports_panel.h"
#include "sessions/session_note_controller.h"
#include "sessions/sessions_panel.h"

#include <myodesk/db/errors.h>

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <utility>

namespace myodesk::app {

namespace {

namespace field = core::client_field;

// Profile rows, in the order shown.
enum ProfileRow : std::size_t {
    kRowDateOfBirth,
    kRowPhone,
    kRowEmail,
    kRowAddress,
    kRowEmergency,
    kRowPhysician,
    kRowReferral,
    kRowClientSince,
    kProfileRowCount
};

wxString OrDash(const std::string& text) {
    return text.empty() ? wxString::FromUTF8("—") : ToWx(text);
}

// "14:03" in local time for an ISO 8601 UTC timestamp, or empty.
wxString LocalTimeOf(const std::string& utc) {
    wxDateTime time;
    const wxString text = ToWx(utc);
    if (!time.ParseISOCombined(text.BeforeFirst('Z'), 'T')) {
        return {};
    }
    time.MakeFromUTC();
    return time.Format("%H:%M");
}

// The date part of an ISO 8601 timestamp, readable, or empty.
wxString DateOf(const std::string& timestamp) {
    const std::optional<core::Date> date = core::ParseIsoDate(timestamp.substr(0, 10));
    return date ? FormatReadableDate(*date) : wxString();
}

}  // namespace

ClientWorkspacePanel::ClientWorkspacePanel(wxWindow* parent, services::Context& context,
                                           SessionNoteController& notes)
    : wxPanel(parent, wxID_ANY), m_context(context), m_clients(context), m_intakes(context) {
    SetName("ClientWorkspace");
    wxWindow* header = CreateHeader();

    m_tabs = new wxNotebook(this, wxID_ANY);
    m_tabs->AddPage(CreateProfilePage(m_tabs), _("Profile"));
    m_intake_page = CreateIntakePage(m_tabs);
    m_tabs->AddPage(m_intake_page, _("Intake"));
    m_sessions = new SessionsPanel(m_tabs, notes.Notes(), notes);
    m_tabs->AddPage(m_sessions, _("Sessions"));
    m_plan = new PlanPanel(m_tabs, context);
    m_tabs->AddPage(m_plan, _("Plan"));
    m_reports = new ReportsPanel(m_tabs, context);
    m_tabs->AddPage(m_reports, _("Reports"));
    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, &ClientWorkspacePanel::OnTabChanged, this);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_tabs, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &ClientWorkspacePanel::OnCharHook, this);
}

// --- Construction ---

wxWindow* ClientWorkspacePanel::CreateHeader() {
    auto* header = new wxPanel(this);
    auto* back = new wxButton(header, kIdBackToList, _("◂ &All clients"));
    back->SetToolTip(_("Back to the client list (Escape, Alt+Left)"));

    m_name = new wxStaticText(header, wxID_ANY, wxString());
    m_name->SetFont(m_name->GetFont().Scaled(1.6f).Bold());
    m_details = new wxStaticText(header, wxID_ANY, wxString());
    m_details->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* names = new wxBoxSizer(wxVERTICAL);
    names->Add(m_name);
    names->Add(m_details, wxSizerFlags().Border(wxTOP, FromDIP(2)));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(back, wxSizerFlags().CentreVertical());
    top->Add(names, wxSizerFlags(1).CentreVertical().Border(wxLEFT, FromDIP(16)));

    // The banner: a coloured band with one line per flag.
    m_banner_panel = new ContraindicationBannerPanel(header);

    m_status = new wxStaticText(header, wxID_ANY, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, wxSizerFlags().Expand());
    sizer->Add(m_banner_panel, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
    sizer->Add(m_status, wxSizerFlags().Expand().Border(wxTOP, FromDIP(8)));
    header->SetSizer(sizer);
    return header;
}

wxWindow* ClientWorkspacePanel::CreateProfilePage(wxWindow* parent) {
    auto* page = new wxScrolledWindow(parent, wxID_ANY);
    page->SetScrollRate(0, FromDIP(12));
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(16, 8)));
    grid->AddGrowableCol(1, 1);
    const wxString labels[kProfileRowCount] = {FieldLabel(field::kDateOfBirth),
                                               FieldLabel(field::kPhone),
                                               FieldLabel(field::kEmail),
                                               FieldLabel(field::kAddress),
                                               FieldLabel(field::kEmergencyContactName),
                                               FieldLabel(field::kPhysician),
                                               FieldLabel(field::kReferralSource),
                                               _("Client since")};
    for (const wxString& label : labels) {
        auto* name = new wxStaticText(page, wxID_ANY, label);
        name->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        auto* value = new wxStaticText(page, wxID_ANY, wxString());
        grid->Add(name, wxSizerFlags().Top());
        grid->Add(value, wxSizerFlags().Expand());
        m_profile_rows.emplace_back(name, value);
    }
    auto* notes_label = new wxStaticText(page, wxID_ANY, FieldLabel(field::kNotes));
    notes_label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid->Add(notes_label, wxSizerFlags().Top());
    m_profile_notes = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                     wxTE_MULTILINE | wxTE_READONLY);
    m_profile_notes->SetMinSize(wxSize(-1, m_profile_notes->GetCharHeight() * 6 + FromDIP(12)));
    auto* notes = new wxBoxSizer(wxVERTICAL);
    m_profile_no_notes = new wxStaticText(page, wxID_ANY, wxString::FromUTF8("—"));
    notes->Add(m_profile_no_notes);
    notes->Add(m_profile_notes, wxSizerFlags(1).Expand());
    grid->Add(notes, wxSizerFlags().Expand());
    grid->AddGrowableRow(kProfileRowCount, 1);

    auto* edit = new wxButton(page, kIdEditClient, _("Edit &details…"));
    edit->SetToolTip(_("Change the client's record (Ctrl+E)"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    sizer->Add(edit, wxSizerFlags().Left().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    page->SetSizer(sizer);
    return page;
}

wxWindow* ClientWorkspacePanel::CreateIntakePage(wxWindow* parent) {
    auto* page = new wxPanel(parent, wxID_ANY);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    m_versions_label = new wxStaticText(page, wxID_ANY, _("&Version"));
    bar->Add(m_versions_label, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
    m_versions_choice = new wxChoice(page, wxID_ANY);
    m_versions_choice->SetName("intake.versions");
    m_versions_choice->SetMinSize(wxSize(FromDIP(260), -1));
    m_versions_choice->Bind(wxEVT_CHOICE, &ClientWorkspacePanel::OnVersionChoice, this);
    bar->Add(m_versions_choice, wxSizerFlags().CentreVertical());
    bar->AddStretchSpacer();
    m_new_intake = new wxButton(page, wxID_ANY, _("&New intake…"));
    m_new_intake->SetToolTip(_("An empty questionnaire, taken today (Ctrl+I)"));
    m_new_intake->Bind(wxEVT_BUTTON, &ClientWorkspacePanel::OnNewIntakeButton, this);
    m_renew_intake = new wxButton(page, wxID_ANY, _("&Renew from this…"));
    m_renew_intake->SetToolTip(
        _("A new version, taken today, filled in from the version shown; the client checks "
          "it and signs again"));
    m_renew_intake->Bind(wxEVT_BUTTON, &ClientWorkspacePanel::OnRenewIntakeButton, this);
    bar->Add(m_new_intake, wxSizerFlags().CentreVertical());
    bar->AddSpacer(FromDIP(6));
    bar->Add(m_renew_intake, wxSizerFlags().CentreVertical());

    m_intake_view = new wxHtmlWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    m_intake_view->SetName("intake.view");
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    m_intake_view->SetStandardFonts(font.GetPointSize(), font.GetFaceName());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_intake_view,
               wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    page->SetSizer(sizer);
    return page;
}

// --- Loading ---

bool ClientWorkspacePanel::ShowClient(core::ClientId id) {
    std::optional<core::Client> client = m_clients.Find(id);
    if (!client) {
        return false;
    }
    const bool other_client = client->id != m_client.id;
    m_client = std::move(*client);
    m_today = m_context.Today();
    if (!ShowClinicalTabs(m_context.Allows(core::Right::kReadClinical))) {
        // The front desk: the client's contact details, nothing of their health.
        m_newest.reset();
        m_flags.clear();
        m_banner = {};
        UpdateHeader();
        UpdateBanner();
        UpdateProfile();
        Layout();
        return true;
    }
    m_newest = m_intakes.Newest(m_client.id);
    m_flags =
        m_newest ? m_intakes.Flags(*m_newest, m_today) : std::vector<core::ContraindicationFlag>{};
    m_banner = MakeContraindicationBanner(
        m_flags, m_newest ? std::optional(m_newest->taken_on) : std::nullopt, m_today);
    UpdateHeader();
    UpdateBanner();
    UpdateProfile();
    UpdateVersions();
    if (other_client) {
        m_sessions->ShowClient(m_client.id);
        m_plan->ShowClient(m_client.id);
    } else {
        m_sessions->Reload();
        m_plan->Reload();
    }
    m_reports->SetClient(m_client.id);
    RefreshReports();
    if (other_client) {
        // A new client opens on the intake, where the therapist starts before a session.
        m_tabs->ChangeSelection(kIntakeTab);
    }
    Layout();
    return true;
}

bool ClientWorkspacePanel::ShowClinicalTabs(bool show) {
    const bool shown = m_tabs->GetPageCount() > 1;
    if (show && !shown) {
        m_tabs->AddPage(m_intake_page, _("Intake"));
        m_tabs->AddPage(m_sessions, _("Sessions"));
        m_tabs->AddPage(m_plan, _("Plan"));
        m_tabs->AddPage(m_reports, _("Reports"));
    } else if (!show && shown) {
        while (m_tabs->GetPageCount() > 1) {
            wxWindow* page = m_tabs->GetPage(m_tabs->GetPageCount() - 1);
            m_tabs->RemovePage(m_tabs->GetPageCount() - 1);
            page->Hide();
        }
    }
    return show;
}

void ClientWorkspacePanel::OnTabChanged(wxBookCtrlEvent& event) {
    event.Skip();
    if (event.GetEventObject() == m_tabs) {
        RefreshReports();
    }
}

void ClientWorkspacePanel::RefreshReports() {
    if (m_tabs->GetSelection() != static_cast<int>(kReportsTab)) {
        return;
    }
    try {
        m_reports->RefreshIfStale();
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The client's report could not be made."), error);
    }
}

bool ClientWorkspacePanel::Reload() {
    return ShowClient(m_client.id);
}

void ClientWorkspacePanel::UpdateHeader() {
    m_name->SetLabelText(ToWx(core::DisplayName(m_client)));
    wxString details;
    if (m_client.date_of_birth && *m_client.date_of_birth <= m_today) {
        const int age = core::AgeInYears(*m_client.date_of_birth, m_today);
        details = wxString::Format(
            wxPLURAL("%d year old", "%d years old", static_cast<unsigned>(age)), age);
    }
    if (m_newest) {
        if (!details.empty()) {
            details << "  ·  ";
        }
        details << wxString::Format(_("newest intake %s"), FormatReadableDate(m_newest->taken_on));
    }
    if (m_client.archived) {
        details << (details.empty() ? "" : "  ·  ") << _("archived");
    }
    m_details->SetLabelText(details);
}

void ClientWorkspacePanel::UpdateBanner() {
    const bool dark = wxSystemSettings::GetAppearance().IsDark();
    m_banner_panel->SetBanner(m_banner);

    wxString status = m_banner.intake_notice;
    if (status.empty()) {
        status = m_banner.all_clear;
        m_status->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        m_status->SetFont(GetFont());
    } else {
        m_status->SetForegroundColour(dark ? wxColour(0xff, 0xc1, 0x07)
                                           : wxColour(0x8a, 0x4b, 0x00));
        m_status->SetFont(GetFont().Bold());
    }
    m_status->SetLabelText(status);
    m_status->Show(!status.empty());
    m_banner_panel->GetParent()->Layout();
}

void ClientWorkspacePanel::UpdateProfile() {
    std::array<wxString, kProfileRowCount> values;
    if (m_client.date_of_birth) {
        values[kRowDateOfBirth] = FormatReadableDate(*m_client.date_of_birth);
    }
    values[kRowPhone] = OrDash(m_client.phone);
    values[kRowEmail] = OrDash(m_client.email);
    values[kRowAddress] = OrDash(m_client.address);
    wxString emergency = ToWx(m_client.emergency_contact_name);
    if (!m_client.emergency_contact_phone.empty()) {
        emergency << (emergency.empty() ? "" : ", ") << ToWx(m_client.emergency_contact_phone);
    }
    values[kRowEmergency] = emergency;
    values[kRowPhysician] = OrDash(m_client.physician);
    values[kRowReferral] = OrDash(m_client.referral_source);
    values[kRowClientSince] = DateOf(m_client.created_at);
    for (std::size_t row = 0; row < kProfileRowCount; ++row) {
        m_profile_rows[row].second->SetLabelText(values[row].empty() ? wxString::FromUTF8("—")
                                                                     : values[row]);
    }
    m_profile_notes->ChangeValue(ToWx(m_client.notes));
    // No empty box for no notes.
    m_profile_notes->Show(!m_client.notes.empty());
    m_profile_no_notes->Show(m_client.notes.empty());
    m_profile_rows.front().second->GetParent()->Layout();
}

void ClientWorkspacePanel::UpdateVersions() {
    m_versions = m_intakes.History(m_client.id);
    m_versions_choice->Clear();
    for (std::size_t i = 0; i < m_versions.size(); ++i) {
        const db::IntakeVersion& version = m_versions[i];
        wxString label = FormatReadableDate(version.taken_on);
        const bool same_day = std::count_if(m_versions.begin(), m_versions.end(),
                                            [&](const db::IntakeVersion& other) {
                                                return other.taken_on == version.taken_on;
                                            }) > 1;
        if (same_day) {
            const wxString time = LocalTimeOf(version.created_at);
            if (!time.empty()) {
                label << wxString::Format(_(", saved at %s"), time);
            }
        }
        if (i == 0) {
            label << _(" (newest)");
        }
        m_versions_choice->Append(label);
    }
    // Nothing to choose before the first intake: the chooser and its label are hidden.
    m_versions_choice->Show(!m_versions.empty());
    m_versions_label->Show(!m_versions.empty());
    m_versions_choice->GetParent()->Layout();
    m_renew_intake->Enable(!m_versions.empty());
    if (m_versions.empty()) {
        m_shown_intake.reset();
        m_intake_view->SetPage(NoIntakeHtml());
        return;
    }
    m_versions_choice->SetSelection(0);
    m_shown_intake = m_newest;
    m_intake_view->SetPage(m_newest ? IntakeToHtml(*m_newest) : NoIntakeHtml());
}

void ClientWorkspacePanel::ShowVersion(std::size_t index) {
    if (index >= m_versions.size()) {
        return;
    }
    m_versions_choice->SetSelection(static_cast<int>(index));
    std::optional<core::Intake> intake;
    try {
        intake = index == 0 && m_newest ? m_newest : m_intakes.Get(m_versions[index].id);
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("This version of the intake could not be read."), error);
        return;
    }
    if (!intake) {
        return;
    }
    IntakeHtmlOptions options;
    if (index > 0) {
        options.newest_taken_on = m_versions.front().taken_on;
    }
    m_shown_intake = std::move(intake);
    m_intake_view->SetPage(IntakeToHtml(*m_shown_intake, options));
}

// --- Reading what is shown ---

wxString ClientWorkspacePanel::HeaderName() const {
    return m_name->GetLabelText();
}

wxString ClientWorkspacePanel::HeaderDetails() const {
    return m_details->GetLabelText();
}

wxString ClientWorkspacePanel::BannerText() const {
    return m_banner_panel->Text();
}

wxString ClientWorkspacePanel::StatusText() const {
    return m_status->IsShown() ? m_status->GetLabelText() : wxString();
}

wxColour ClientWorkspacePanel::BannerBackground() const {
    return m_banner_panel->GetBackgroundColour();
}

bool ClientWorkspacePanel::IsBannerShown() const {
    return m_banner_panel->IsShown();
}

wxString ClientWorkspacePanel::ProfileText() const {
    wxString text;
    for (const auto& [label, value] : m_profile_rows) {
        text << label->GetLabelText() << ": " << value->GetLabelText() << '\n';
    }
    return text + m_profile_notes->GetValue();
}

wxString ClientWorkspacePanel::IntakeText() const {
    return m_intake_view->ToText();
}

// --- Intake ---

bool ClientWorkspacePanel::NewIntake() {
    const core::Date today = m_context.Today();
    return RunIntakeDialog(IntakeDialog::NewIntake(m_client.id, today), std::nullopt);
}

bool ClientWorkspacePanel::RenewIntake() {
    if (!m_shown_intake) {
        return NewIntake();
    }
    const core::Date today = m_context.Today();
    return RunIntakeDialog(IntakeDialog::RenewalOf(*m_shown_intake, today),
                           m_shown_intake->taken_on);
}

bool ClientWorkspacePanel::RunIntakeDialog(core::Intake start,
                                           std::optional<core::Date> renewed_from) {
    const core::Date today = m_context.Today();
    IntakeDialog dialog(
        this, m_client, std::move(start), today, renewed_from,
        [this](core::Client& client, core::Intake& intake) { SaveIntake(client, intake); },
        [this]() { return m_clients.Find(m_client.id); });
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    try {
        Reload();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The intake was saved, but could not be read back."), error);
    }
    m_tabs->ChangeSelection(kIntakeTab);
    return true;
}

void ClientWorkspacePanel::SaveIntake(core::Client& client, core::Intake& intake) {
    intake.client_id = client.id;
    if (client == m_client) {
        intake = m_intakes.Add(intake);
        return;
    }
    // The contact details and the new version are saved together or not at all.
    services::ClientWithIntake saved = m_intakes.AddWithClientUpdate(client, intake);
    client = std::move(saved.client);
    intake = std::move(saved.intake);
}

void ClientWorkspacePanel::OnNewIntakeButton(wxCommandEvent&) {
    NewIntake();
}

void ClientWorkspacePanel::OnRenewIntakeButton(wxCommandEvent&) {
    RenewIntake();
}

void ClientWorkspacePanel::OnVersionChoice(wxCommandEvent& event) {
    if (event.GetSelection() >= 0) {
        ShowVersion(static_cast<std::size_t>(event.GetSelection()));
    }
}

void ClientWorkspacePanel::OnCharHook(wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_ESCAPE && event.GetModifiers() == wxMOD_NONE) {
        wxCommandEvent back(wxEVT_BUTTON, kIdBackToList);
        back.SetEventObject(this);
        ProcessWindowEvent(back);
        return;
    }
    event.Skip();
}

}  // namespace myodesk::app
