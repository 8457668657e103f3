#include "clinic/clinic_details_dialog.h"

#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/errors.h>
#include <myodesk/vocabulary/locale_dates.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace myodesk::app {

ClinicDetailsDialog::ClinicDetailsDialog(wxWindow* parent, core::ClinicDetails details,
                                         SaveFunction save)
    : FormDialog(parent, _("Clinic details"), "ClinicDetailsDialog"),
      m_details(std::move(details)),
      m_save(std::move(save)) {
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("The letterhead of every printed report and PDF, and the contact details of the "
          "letters to physicians."));
    intro->Wrap(FromDIP(440));

    m_name = new wxTextCtrl(this, wxID_ANY);
    m_address = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                               wxSize(-1, FromDIP(70)), wxTE_MULTILINE);
    m_phone = new wxTextCtrl(this, wxID_ANY);
    m_email = new wxTextCtrl(this, wxID_ANY);
    m_logo = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Choose the clinic's logo"),
                                  _("PNG images (*.png)|*.png"), wxDefaultPosition, wxDefaultSize,
                                  wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    m_paper = new wxChoice(this, wxID_ANY);
    m_paper->Append(_("A4 (210 × 297 mm)"));
    m_paper->Append(_("US Letter (8.5 × 11 in)"));
    m_date_format = new wxChoice(this, wxID_ANY);
    m_date_format->SetName("ReportDateFormat");
    FillDateFormats();

    m_fields = {
        {"clinic.name", {m_name, _("Clinic name")}},
        {"clinic.address", {m_address, _("Address")}},
        {"clinic.phone", {m_phone, _("Phone")}},
        {"clinic.email", {m_email, _("Email")}},
        {"clinic.logo", {m_logo, _("Logo")}},
        {"report.paper", {m_paper, _("Paper")}},
        {"report.date_format", {m_date_format, _("Dates")}},
    };
    m_name->SetName("ClinicName");
    m_address->SetName("ClinicAddress");

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    grid->AddGrowableCol(1);
    grid->AddGrowableRow(1);
    for (const char* key : {"clinic.name", "clinic.address", "clinic.phone", "clinic.email",
                            "clinic.logo", "report.paper", "report.date_format"}) {
        const auto& [control, label] = m_fields.at(key);
        grid->Add(new wxStaticText(this, wxID_ANY, label + ":"),
                  wxSizerFlags().Border(wxTOP, FromDIP(3)));
        grid->Add(control, wxSizerFlags(1).Expand());
    }
    m_name->SetMinSize(FromDIP(wxSize(320, -1)));

    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kPlain);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(10)));
    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    sizer->Add(m_problem_panel, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    wxSizer* buttons = CreateFormButtons(wxID_OK, _("&Save"));
    EnableSaveShortcut();
    SetDiscardQuestion(_("Throw away the changes to the clinic details?"));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(sizer);
    RestoreGeometry();
    m_name->SetFocus();
}

bool ClinicDetailsDialog::TransferDataToWindow() {
    m_name->ChangeValue(ToWx(m_details.name));
    m_address->ChangeValue(ToWx(m_details.address));
    m_phone->ChangeValue(ToWx(m_details.phone));
    m_email->ChangeValue(ToWx(m_details.email));
    m_logo->SetPath(ToWx(m_details.logo_path));
    m_paper->SetSelection(m_details.paper == core::PaperSize::kLetter ? 1 : 0);
    m_date_format->SetSelection(DateFormatIndex(m_details.date_format));
    return true;
}

bool ClinicDetailsDialog::IsDirty() const {
    return !(ReadControls() == m_details);
}

core::ClinicDetails ClinicDetailsDialog::ReadControls() const {
    core::ClinicDetails details = m_details;
    details.name = ToUtf8(m_name->GetValue());
    details.address = ToUtf8(m_address->GetValue());
    details.phone = ToUtf8(m_phone->GetValue());
    details.email = ToUtf8(m_email->GetValue());
    details.logo_path = ToUtf8(m_logo->GetPath());
    details.paper = m_paper->GetSelection() == 1 ? core::PaperSize::kLetter : core::PaperSize::kA4;
    details.date_format = SelectedDateFormat();
    return details;
}

bool ClinicDetailsDialog::TransferDataFromWindow() {
    m_details.name = ToUtf8(m_name->GetValue());
    m_details.address = ToUtf8(m_address->GetValue());
    m_details.phone = ToUtf8(m_phone->GetValue());
    m_details.email = ToUtf8(m_email->GetValue());
    m_details.logo_path = ToUtf8(m_logo->GetPath());
    m_details.paper =
        m_paper->GetSelection() == 1 ? core::PaperSize::kLetter : core::PaperSize::kA4;
    m_details.date_format = SelectedDateFormat();
    return true;
}

// The forms a manager picks from, each shown with today's date; a pattern set from the command
// line (settings set report.date_format) is kept as one more choice.
void ClinicDetailsDialog::FillDateFormats() {
    const core::Date today = ToCoreDate(wxDateTime::Today()).value_or(core::Date{});
    const auto example = [&](std::string_view format) {
        return ToWx(core::FormatDate(
            today, core::StyleForDateFormat(format, vocabulary::LocaleDateStyle())));
    };
    m_date_formats = {std::string(core::kLocaleDateFormat), std::string(core::kIsoDateFormat),
                      "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y"};
    m_date_format->Append(
        wxString::Format(_("As this computer's language writes them: %s"), example("locale")));
    m_date_format->Append(wxString::Format(_("ISO year-month-day: %s"), example("iso")));
    m_date_format->Append(wxString::Format(_("Day/month/year: %s"), example("%d/%m/%Y")));
    m_date_format->Append(wxString::Format(_("Month/day/year: %s"), example("%m/%d/%Y")));
    m_date_format->Append(wxString::Format(_("Day.month.year: %s"), example("%d.%m.%Y")));
    if (DateFormatIndex(m_details.date_format) == 0 &&
        m_details.date_format != core::kLocaleDateFormat) {
        m_date_formats.push_back(m_details.date_format);
        m_date_format->Append(wxString::Format(_("As set for the clinic (%s): %s"),
                                               ToWx(m_details.date_format),
                                               example(m_details.date_format)));
    }
}

int ClinicDetailsDialog::DateFormatIndex(std::string_view format) const {
    const auto found = std::find(m_date_formats.begin(), m_date_formats.end(), format);
    return found == m_date_formats.end() ? 0 : static_cast<int>(found - m_date_formats.begin());
}

std::string ClinicDetailsDialog::SelectedDateFormat() const {
    const int selection = m_date_format->GetSelection();
    return selection >= 0 && static_cast<std::size_t>(selection) < m_date_formats.size()
               ? m_date_formats[static_cast<std::size_t>(selection)]
               : std::string(core::kLocaleDateFormat);
}

wxString ClinicDetailsDialog::ProblemText() const {
    return m_problem_panel->Text();
}

bool ClinicDetailsDialog::Save() {
    m_problem_panel->Clear();
    try {
        m_save(m_details);
    } catch (const services::LogoRefusedError& error) {
        // The settings check the logo (a regular PNG within the size and pixel limits) before
        // anything is saved: reports would leave it out, so say so now rather than on paper.
        const wxString problem = wxString::Format(
            _("Logo: %s. Choose a PNG file of at most 2 MiB and 2000×2000 pixels, or leave the "
              "logo empty."),
            ToWx(error.Reason()));
        ProblemDisplay display;
        display.wrap_width = FromDIP(440);
        ShowProblems(*m_problem_panel, {}, display, {problem});
        m_problem_panel->MarkField(m_logo);
        return false;
    } catch (const db::ValidationError& error) {
        ProblemDisplay display;
        display.message = [this](const core::ValidationProblem& problem) {
            const auto found = m_fields.find(problem.field);
            return ProblemMessage(
                problem, found == m_fields.end() ? ToWx(problem.field) : found->second.second);
        };
        display.control_for = [this](std::string_view field) -> wxWindow* {
            const auto found = m_fields.find(field);
            return found == m_fields.end() ? nullptr : found->second.first;
        };
        display.marked = [display](const core::ValidationProblem& problem) {
            return std::vector<wxWindow*>{display.control_for(problem.field)};
        };
        display.wrap_width = FromDIP(440);
        ShowProblems(*m_problem_panel, error.Problems(), display);
        return false;
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The clinic details could not be saved."), error);
        return false;
    }
    return true;
}

}  // namespace myodesk::app
