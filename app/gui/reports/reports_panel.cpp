#include "reports/reports_panel.h"

#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "reports/report_view_panel.h"

#include <myodesk/core/client.h>
#include <myodesk/reports/csv.h>
#include <myodesk/reports/session_table.h>
#include <myodesk/services/report_service.h>

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace myodesk::app {

ReportsPanel::ReportsPanel(wxWindow* parent, services::Context& context)
    : wxPanel(parent), m_context(context) {
    SetName("ReportsPanel");
    m_view = new ReportViewPanel(this, m_context);
    auto* label = new wxStaticText(m_view, wxID_ANY, _("&Report:"));
    m_kind_choice = new wxChoice(m_view, wxID_ANY);
    m_kind_choice->SetName("ReportKind");
    m_kind_choice->Append(_("Progress report (for the client or their file)"));
    m_kind_choice->Append(_("Letter to the client's physician"));
    m_kind_choice->SetSelection(0);
    m_view->AddLeadingControl(label, m_kind_choice);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_view, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
    SetSizer(sizer);

    m_kind_choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        ShowKind(m_kind_choice->GetSelection() == 1 ? Kind::kPhysicianLetter
                                                    : Kind::kProgressReport);
    });
}

void ReportsPanel::SetClient(core::ClientId client) {
    if (client != m_client) {
        m_client = client;
        m_report.reset();
        m_view->Clear();
    }
    m_stale = true;
}

void ReportsPanel::ShowKind(Kind kind) {
    m_kind = kind;
    m_kind_choice->SetSelection(kind == Kind::kPhysicianLetter ? 1 : 0);
    m_stale = true;
    RefreshIfStale();
}

void ReportsPanel::RefreshIfStale() {
    if (!m_stale || m_client == 0) {
        return;
    }
    m_stale = false;
    wxBusyCursor busy;
    Build();
}

void ReportsPanel::Build() {
    reports::ClientReportInputs inputs =
        services::ReportService(m_context).ClientReportInputs(m_client);
    const core::PaperSize paper = inputs.clinic.paper;
    m_report = reports::BuildClientReport(inputs);
    const reports::ReportLocale locale = MakeGuiReportLocale(inputs.clinic, m_report->units);
    const wxString name = ToWx(core::DisplayName(m_report->client));
    const bool letter = m_kind == Kind::kPhysicianLetter;
    reports::Document document = letter ? reports::PhysicianLetterDocument(*m_report, locale)
                                        : reports::ClientReportDocument(*m_report, locale);
    const wxString stem = letter ? wxString::Format(_("%s – physician letter"), name)
                                 : wxString::Format(_("%s – progress report"), name);

    // The client's sessions as the period export writes them.
    auto notes = std::make_shared<std::vector<core::SessionNote>>(std::move(inputs.notes));
    auto staff = std::make_shared<std::map<core::StaffId, std::string>>(inputs.staff_names);
    const std::string client_name = core::DisplayName(m_report->client);
    m_view->ShowDocument(
        std::move(document), stem, paper, [notes, staff, client_name](std::ostream& out) {
            reports::CsvWriter writer(out);
            writer.WriteRow(reports::SessionTableHeader());
            for (const core::SessionNote& note : *notes) {
                const auto found = staff->find(note.therapist_id);
                writer.WriteRow(reports::SessionTableRow(
                    note, client_name, found == staff->end() ? std::string() : found->second));
            }
        });
}

}  // namespace myodesk::app
