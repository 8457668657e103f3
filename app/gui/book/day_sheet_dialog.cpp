#include "book/day_sheet_dialog.h"

#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "reports/report_output.h"
#include "reports/report_view_panel.h"

#include <myodesk/reports/day_sheet.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/settings_service.h>

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>

namespace myodesk::app {

DaySheetDialog::DaySheetDialog(wxWindow* parent, services::Context& context, const core::Date& date,
                               std::optional<core::StaffId> therapist)
    : FormDialog(parent, _("Day sheet"), "DaySheetDialog",
                 wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_context(context),
      m_date(date),
      m_therapist(therapist) {
    m_page_each = new wxCheckBox(this, wxID_ANY, _("A &page per therapist"));
    m_page_each->SetValue(!therapist.has_value());
    m_page_each->Enable(!therapist.has_value());
    m_view = new ReportViewPanel(this, m_context);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_page_each, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(m_view, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(CreateCloseButton(), wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizer(sizer);
    RestoreGeometry(FromDIP(wxSize(900, 680)));
    m_page_each->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { ShowSheet(); });
    ShowSheet();
}

bool DaySheetDialog::ShowSheet() {
    core::ClinicDetails clinic;
    reports::DaySheet sheet;
    try {
        clinic = services::SettingsService(m_context).LoadClinicDetails();
        sheet = services::AppointmentService(m_context).DaySheet(m_date, m_therapist,
                                                                 m_page_each->GetValue());
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The day could not be read."), error);
        return false;
    }
    // TRANSLATORS: the file name a saved day sheet starts from: "Day sheet 2026-12-07"
    const wxString stem = wxString::Format(_("Day sheet %s"), ToWx(core::FormatIsoDate(m_date)));
    m_view->ShowDocument(reports::DaySheetDocument(
                             sheet, clinic, MakeGuiReportLocale(clinic, core::DistanceUnit::kKm)),
                         stem, clinic.paper);
    Layout();
    return true;
}

}  // namespace myodesk::app
