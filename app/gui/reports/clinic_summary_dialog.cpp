#include "reports/clinic_summary_dialog.h"

#include "common/date_field.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "reports/period_dialog.h"
#include "reports/report_output.h"
#include "reports/report_view_panel.h"

#include <myodesk/reports/csv.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/report_service.h>
#include <myodesk/services/staff_service.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace myodesk::app {

ClinicSummaryDialog::ClinicSummaryDialog(wxWindow* parent, services::Context& context)
    : FormDialog(parent, _("Clinic summary"), "ClinicSummaryDialog",
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_context(context) {
    m_from = new DateField(this, "period.from");
    m_to = new DateField(this, "period.to");
    m_therapist = new wxChoice(this, wxID_ANY);
    m_therapist->Append(_("All therapists"));
    m_therapists = services::StaffService(m_context).List(/*include_inactive=*/true);
    for (const core::Staff& staff : m_therapists) {
        m_therapist->Append(ToWx(staff.name));
    }
    m_therapist->SetSelection(0);
    auto* show = new wxButton(this, wxID_ANY, _("&Show"));
    show->SetDefault();  // Enter in a date field shows the summary
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(*wxRED);
    m_view = new ReportViewPanel(this, m_context);

    auto* period = new wxBoxSizer(wxHORIZONTAL);
    const auto add = [&](const wxString& label, wxWindow* control) {
        period->Add(new wxStaticText(this, wxID_ANY, label),
                    wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
        period->Add(control, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(14)));
    };
    add(_("&From:"), m_from);
    add(_("&To:"), m_to);
    add(_("T&herapist:"), m_therapist);
    period->Add(show, wxSizerFlags().CenterVertical());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(period, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(m_problem, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(m_view, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    wxSizer* buttons = CreateCloseButton();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(sizer);
    RestoreGeometry(FromDIP(wxSize(900, 680)));

    const auto [from, to] = PreviousMonth(m_context.Today());
    SetPeriod(from, to);
    m_view->ShowMessage(_("Choose the period (and a therapist, or all) and press Show."));
    show->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowSummary(); });
}

void ClinicSummaryDialog::SetPeriod(const core::Date& from, const core::Date& to) {
    m_from->SetDate(from);
    m_to->SetDate(to);
}

void ClinicSummaryDialog::SetTherapist(std::optional<core::StaffId> therapist) {
    m_therapist->SetSelection(0);
    for (std::size_t i = 0; therapist && i < m_therapists.size(); ++i) {
        if (m_therapists[i].id == *therapist) {
            m_therapist->SetSelection(static_cast<int>(i) + 1);
        }
    }
}

wxString ClinicSummaryDialog::ProblemText() const {
    return m_problem->GetLabel();
}

bool ClinicSummaryDialog::ShowSummary() {
    wxString problem;
    const auto typed = ReadPeriod(*m_from, *m_to, problem);
    m_problem->SetLabel(problem);
    const int chosen = m_therapist->GetSelection();
    const std::optional<core::StaffId> therapist =
        chosen > 0 ? std::optional(m_therapists[static_cast<std::size_t>(chosen - 1)].id)
                   : std::nullopt;
    const auto period_problem = [this] {
        m_problem->SetLabel(_("To: the end of the period must not be before its start (From)."));
        Layout();
        return false;
    };
    if (!typed) {
        Layout();
        return false;
    }
    services::ReportService summaries(m_context);
    reports::ClinicSummaryPeriod period;
    try {
        period = summaries.ClinicPeriod(typed->first, typed->second, therapist);
    } catch (const services::InvalidPeriodError&) {
        return period_problem();
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The clinic summary could not be read."), error);
        return false;
    }

    wxProgressDialog progress(_("Clinic summary"), _("Reading the period's sessions…"), 1000, this,
                              wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
    services::LoadedClinicSummary loaded;
    try {
        loaded = summaries.ClinicSummary(period, [&](std::int64_t done, std::int64_t total) {
            const int value =
                total > 0 ? static_cast<int>(std::min<std::int64_t>(999, done * 1000 / total)) : 0;
            return progress.Update(value, wxString::Format(_("Reading sessions: %lld of %lld…"),
                                                           static_cast<long long>(done),
                                                           static_cast<long long>(total)));
        });
    } catch (const reports::RenderCancelled&) {
        return false;
    } catch (const std::exception& error) {
        progress.Update(1000);
        ShowErrorMessage(this, _("The clinic summary could not be read."), error);
        return false;
    }
    progress.Update(1000);

    m_summary = loaded.summary;
    reports::Document document =
        reports::ClinicSummaryDocument(loaded.summary, loaded.names, loaded.clinic,
                                       MakeGuiReportLocale(loaded.clinic, core::DistanceUnit::kKm));
    auto summary = std::make_shared<reports::ClinicSummary>(std::move(loaded.summary));
    auto names = std::make_shared<reports::ClinicSummaryNames>(std::move(loaded.names));
    const wxString stem =
        wxString::Format(_("Clinic summary %s – %s"), ToWx(core::FormatIsoDate(period.from)),
                         ToWx(core::FormatIsoDate(period.to)));
    m_view->ShowDocument(
        std::move(document), stem, loaded.clinic.paper, [summary, names](std::ostream& out) {
            reports::CsvWriter writer(out);
            writer.WriteRow(reports::ClinicSummaryTableHeader());
            for (const reports::Row& row : reports::ClinicSummaryTableRows(*summary, *names)) {
                writer.WriteRow(row);
            }
        });
    Layout();
    return true;
}

}  // namespace myodesk::app
