#include "reports/period_dialog.h"

#include "common/date_field.h"
#include "common/wx_conversions.h"

#include <wx/button.h>
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
    m_from = new DateField(this, "period.from");
    m_to = new DateField(this, "period.to");
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
    m_from->SetDate(from);
    m_to->SetDate(to);
}

wxString PeriodDialog::ProblemText() const {
    return m_problem->GetLabel();
}

bool PeriodDialog::TransferDataFromWindow() {
    wxString problem;
    const auto period = ReadPeriod(*m_from, *m_to, problem);
    m_problem->SetLabel(problem);
    if (!period) {
        Fit();
        return false;
    }
    m_from_date = period->first;
    m_to_date = period->second;
    return true;
}

std::optional<std::pair<core::Date, core::Date>> ReadPeriod(const DateField& from,
                                                            const DateField& to,
                                                            wxString& problem) {
    problem.clear();
    for (const auto& [field, label] : {std::pair{&from, _("From")}, std::pair{&to, _("To")}}) {
        if (field->IsUnreadable()) {
            problem = field->UnreadableMessage(label);
            return std::nullopt;
        }
        if (field->IsBlank()) {
            problem = wxString::Format(_("%s: type the date."), label);
            return std::nullopt;
        }
    }
    const core::Date start = *from.GetDate();
    const core::Date end = *to.GetDate();
    if (end < start) {
        problem = _("To: the end of the period must not be before its start (From).");
        return std::nullopt;
    }
    return std::pair{start, end};
}

}  // namespace myodesk::app
