#include "reports/audit_log_dialog.h"

#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "reports/report_output.h"

#include <myodesk/db/clock.h>
#include <myodesk/reports/access_report.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/settings_service.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace myodesk::app {

namespace {

// The actions the filter offers (docs/audit-log.md lists them all).
constexpr const char* kActions[] = {
    "client.open", "client.create",  "client.update", "note.open",   "note.create",
    "note.update", "note.sign",      "note.amend",    "note.delete", "report.client",
    "sign_in",     "sign_in_failed", "sign_out",      "lock",        "staff.role",
};

// The rows of the list, read from the dialog's vector (a virtual list: nothing is copied).
class AuditList : public wxListCtrl {
  public:
    AuditList(wxWindow* parent, const std::vector<db::AuditEntry>& rows)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          m_rows(rows) {
        AppendColumn(_("When"), wxLIST_FORMAT_LEFT, FromDIP(150));
        AppendColumn(_("Who"), wxLIST_FORMAT_LEFT, FromDIP(90));
        AppendColumn(_("Desk"), wxLIST_FORMAT_LEFT, FromDIP(80));
        AppendColumn(_("What"), wxLIST_FORMAT_LEFT, FromDIP(220));
        AppendColumn(_("Client"), wxLIST_FORMAT_RIGHT, FromDIP(60));
        AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(120));
    }

    wxString OnGetItemText(long item, long column) const override {
        const db::AuditEntry& entry = m_rows.at(static_cast<std::size_t>(item));
        switch (column) {
            case 0:
                return ToWx(db::LocalDateTime(entry.at));
            case 1:
                return entry.username.empty() ? wxString("–") : ToWx(entry.username);
            case 2:
                return ToWx(entry.desk);
            case 3:
                return ToWx(reports::AccessActionWords(entry.action));
            case 4:
                return entry.client_id
                           ? wxString::Format("%lld", static_cast<long long>(*entry.client_id))
                           : wxString();
            default: {
                wxString record = ToWx(entry.record);
                record.Replace("_", " ");
                return entry.record_id ? wxString::Format("%s %lld", record,
                                                          static_cast<long long>(*entry.record_id))
                                       : record;
            }
        }
    }

  private:
    const std::vector<db::AuditEntry>& m_rows;
};

}  // namespace

AuditLogDialog::AuditLogDialog(wxWindow* parent, services::Context& context,
                               std::optional<core::ClientId> client)
    : wxDialog(parent, wxID_ANY, client ? _("Audit log of the client") : _("Audit log"),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_context(context),
      m_audit(context),
      m_client(client) {
    SetName("AuditLogDialog");
    m_user = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_PROCESS_ENTER);
    m_user->SetHint(_("any user"));
    m_action = new wxChoice(this, wxID_ANY);
    m_action->Append(_("Every action"));
    for (const char* action : kActions) {
        m_action->Append(ToWx(reports::AccessActionWords(action)));
    }
    m_action->SetSelection(0);
    auto* apply = new wxButton(this, wxID_ANY, _("&Show"));
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    filters->Add(new wxStaticText(this, wxID_ANY, _("&User:")),
                 wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
    filters->Add(m_user, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(12)));
    filters->Add(new wxStaticText(this, wxID_ANY, _("&Action:")),
                 wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
    filters->Add(m_action, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(12)));
    filters->Add(apply, wxSizerFlags().CentreVertical());

    m_list = new AuditList(this, m_rows);
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_older = new wxButton(this, wxID_ANY, _("Show &older"));
    auto* check = new wxButton(this, wxID_ANY, _("&Check the chain"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_older, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(check, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    if (m_client) {
        auto* report = new wxButton(this, wxID_ANY, _("Save access &report…"));
        buttons->Add(report, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
        report->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveAccessReport(); });
    }
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("&Close")));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(filters, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(m_status, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(820, 520)));
    CentreOnParent();

    apply->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ApplyFilters(); });
    m_user->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { ApplyFilters(); });
    m_older->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowOlder(); });
    check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CheckChain(); });
    ApplyFilters();
}

void AuditLogDialog::ApplyFilters() {
    m_filter = {};
    m_filter.client_id = m_client;
    const wxString user = m_user->GetValue().Strip(wxString::both);
    if (!user.empty()) {
        m_filter.username = ToUtf8(user);
    }
    const int action = m_action->GetSelection();
    if (action > 0) {
        m_filter.action = kActions[action - 1];
    }
    m_rows.clear();
    ReadPage();
}

void AuditLogDialog::ShowOlder() {
    if (m_more) {
        ReadPage();
    }
}

void AuditLogDialog::ReadPage() {
    db::AuditFilter page = m_filter;
    if (!m_rows.empty()) {
        page.before_id = m_rows.back().id;  // the next page goes on from the last row read
    }
    try {
        const auto rows = m_audit.List(page, 0, kPage);
        m_rows.insert(m_rows.end(), rows.begin(), rows.end());
        m_more = static_cast<std::int64_t>(rows.size()) == kPage;
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The audit log could not be read."), error);
        m_more = false;
    }
    m_list->SetItemCount(static_cast<long>(m_rows.size()));
    m_list->Refresh();
    m_older->Enable(m_more);
    m_status->SetLabel(
        m_rows.empty() ? _("Nothing recorded matches.")
                       : wxString::Format(wxPLURAL("%zu entry shown", "%zu entries shown",
                                                   static_cast<unsigned>(m_rows.size() % 1000000)),
                                          m_rows.size()));
}

wxString AuditLogDialog::CheckChain() {
    wxString result;
    try {
        const auto verified = m_audit.Verify();
        result = verified.first_broken_id
                     ? wxString::Format(_("The audit log was changed outside MyoDesk: the chain "
                                          "breaks at entry %lld (%s)."),
                                        static_cast<long long>(*verified.first_broken_id),
                                        ToWx(verified.why))
                     : wxString::Format(_("The audit log is whole: %lld entries checked."),
                                        static_cast<long long>(verified.rows_checked));
    } catch (const std::exception& error) {
        result = ToWx(error.what());
    }
    m_status->SetLabel(result);
    return result;
}

void AuditLogDialog::SaveAccessReport() {
    wxFileDialog dialog(this, _("Save the access report"), wxString(),
                        SuggestedFileName(_("Access report"), "pdf"), _("PDF files (*.pdf)|*.pdf"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    try {
        const core::ClinicDetails clinic = services::SettingsService(m_context).LoadClinicDetails();
        const auto report =
            m_audit.ClientAccess(*m_client, services::AuditService::kAccessRowsInPdf);
        const auto document = reports::AccessReportDocument(
            report, clinic, MakeGuiReportLocale(clinic, core::DistanceUnit::kKm));
        SavePdfWithProgress(this, document, clinic.paper, dialog.GetPath(),
                            services::ProtectedOutputFiles(m_context.Database()));
        ApplyFilters();  // the report's own entry
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The access report could not be saved."), error);
    }
}

}  // namespace myodesk::app
