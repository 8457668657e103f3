#include "reports/period_dialog.h"

#include "common/wx_conversions.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace myodesk::app {

std::pair<core::Date, core::Date> PreviousMonth(const core::Date& today) {
    const core::Date first_this{today.year(), today.month(), std::chrono::day{1}};
    const core::Date last = core::AddDays(first_this, -1);
    return {core::Date{last.year(), last.month(), std::chrono::day{1}}, last};
}

PeriodDialog::PeriodDialog(wxWindow* parent, const wxString& title, const core::Date& today)
    : FormDialog(parent, title, "PeriodDialog", wxDEFAULT_DIALOG_STYLE) {
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition,
                                  wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(*wxRED);

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    grid->Add(new wxStaticText(this, wxID_ANY, _("&From:")), wxSizerFlags().CenterVertical());
    grid->Add(m_from);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&To:")), wxSizerFlags().CenterVertical());
    grid->Add(m_to);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(m_problem, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(CreateFormButtons(wxID_OK, wxString()),
               wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    const auto [from, to] = PreviousMonth(today);
    SetPeriod(from, to);
    SetSizerAndFit(sizer);
    RestoreGeometry();
}

void PeriodDialog::SetPeriod(const core::Date& from, const core::Date& to) {
    m_from_date = from;
    m_to_date = to;
    m_from->SetValue(ToWxDate(from));
    m_to->SetValue(ToWxDate(to));
}

wxString PeriodDialog::ProblemText() const {
    return m_problem->GetLabel();
}

bool PeriodDialog::TransferDataFromWindow() {
    const std::optional<core::Date> from = ToCoreDate(m_from->GetValue());
    const std::optional<core::Date> to = ToCoreDate(m_to->GetValue());
    if (!from || !to || *to < *from) {
        m_problem->SetLabel(_("To: the end of the period must not be before its start (From)."));
        Fit();
        return false;
    }
    m_problem->SetLabel(wxString());
    m_from_date = *from;
    m_to_date = *to;
    return true;
}

}  // namespace myodesk::app
