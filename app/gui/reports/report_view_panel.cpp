#include "reports/report_view_panel.h"

#include "common/wx_conversions.h"

#include <myodesk/reports/logo.h>
#include <myodesk/services/database_service.h>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/html/htmlwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace myodesk::app {

namespace {

wxString EscapeHtml(const wxString& text) {
    wxString escaped;
    for (const wxUniChar c : text) {
        switch (c.GetValue()) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\n':
                escaped += "<br>";
                break;
            default:
                escaped += c;
        }
    }
    return escaped;
}

}  // namespace

ReportViewPanel::ReportViewPanel(wxWindow* parent, services::Context& context)
    : wxPanel(parent), m_context(context), m_printer(this) {
    SetName("ReportView");
    m_view = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    m_view->SetName("ReportHtml");
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    m_view->SetStandardFonts(font.GetPointSize(), font.GetFaceName());

    m_preview = new wxButton(this, kIdPreview, _("Print pre&view…"));
    m_print = new wxButton(this, kIdPrint, _("&Print…"));
    m_save_pdf = new wxButton(this, kIdSavePdf, _("Save as P&DF…"));
    m_export_csv = new wxButton(this, kIdExportCsv, _("Export &CSV…"));
    m_preview->SetToolTip(_("See the pages as they will print"));
    m_save_pdf->SetToolTip(_("Save the report as a PDF file to e-mail or keep"));
    m_export_csv->SetToolTip(_("Save the report's tables for a spreadsheet"));

    auto* buttons = m_buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_preview, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(m_print, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(m_save_pdf, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(m_export_csv, wxSizerFlags().CenterVertical());

    m_logo_notice = new wxStaticText(this, wxID_ANY, wxString());
    m_logo_notice->SetName("LogoNotice");
    m_logo_notice->Hide();
    m_saved_notice = new wxStaticText(this, wxID_ANY, wxString());
    m_saved_notice->SetName("SavedNotice");
    m_saved_notice->Hide();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(buttons, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    sizer->Add(m_logo_notice, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    sizer->Add(m_saved_notice, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    sizer->Add(m_view, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    m_preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PrintPreview(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
    m_save_pdf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SavePdf(); });
    m_export_csv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ExportCsv(); });
    UpdateButtons();
}

void ReportViewPanel::AddLeadingControl(wxWindow* label, wxWindow* control) {
    m_buttons->Insert(0, label, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    m_buttons->Insert(1, control, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(16)));
    Layout();
}

void ReportViewPanel::ShowDocument(reports::Document document, const wxString& file_stem,
                                   core::PaperSize paper,
                                   std::function<void(std::ostream&)> write_csv) {
    m_html = HtmlReport(document);
    m_document = std::move(document);
    m_file_stem = file_stem;
    m_paper = paper;
    m_write_csv = std::move(write_csv);
    m_printer.SetPaper(paper);
    m_view->SetPage(m_html.Html());
    m_view->Scroll(0, 0);  // a report is read from its top (the letter opened at its bottom)
    m_saved_notice->Hide();
    ShowLogoNotice(m_document->letterhead.logo_path);
    UpdateButtons();
}

// The report leaves out a logo it cannot use (moved, deleted, replaced by something that is
// not a small PNG since it was chosen): say so here, before it is printed without one.
void ReportViewPanel::ShowLogoNotice(const std::string& logo_path) {
    bool unusable = false;
    if (!logo_path.empty()) {
        const auto logo = reports::ReadLogo(logo_path);
        if (!logo.Ok()) {
            unusable = true;
            m_logo_notice->SetLabel(wxString::Format(
                _("The clinic logo cannot be used: %s. This report has no logo; choose another "
                  "in Reports ▸ Clinic details."),
                ToWx(reports::DescribeLogoProblem(logo))));
            m_logo_notice->Wrap(std::max(FromDIP(300), GetClientSize().GetWidth()));
        }
    }
    m_logo_notice->Show(unusable);
}

void ReportViewPanel::ShowMessage(const wxString& message) {
    Clear();
    m_view->SetPage("<html><body><p>" + EscapeHtml(message) + "</p></body></html>");
}

void ReportViewPanel::Clear() {
    m_document.reset();
    m_logo_notice->Hide();
    m_saved_notice->Hide();
    m_html = HtmlReport();
    m_write_csv = nullptr;
    m_view->SetPage("<html><body></body></html>");
    UpdateButtons();
}

void ReportViewPanel::UpdateButtons() {
    const bool has = m_document.has_value();
    m_preview->Enable(has);
    m_print->Enable(has);
    m_save_pdf->Enable(has);
    m_export_csv->Show(static_cast<bool>(m_write_csv));
    m_export_csv->Enable(has && m_write_csv);
    Layout();
}

bool ReportViewPanel::PrintPreview() {
    return m_document && m_printer.Preview(m_html);
}

bool ReportViewPanel::Print() {
    return m_document && m_printer.Print(m_html);
}

int ReportViewPanel::SavePdf(const wxString& path) {
    if (!m_document) {
        return 0;
    }
    wxString target = path;
    if (target.empty()) {
        wxFileDialog dialog(this, _("Save the report as PDF"), wxString(),
                            SuggestedFileName(m_file_stem, "pdf"), _("PDF files (*.pdf)|*.pdf"),
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) {
            return 0;
        }
        target = dialog.GetPath();
    }
    const int pages = SavePdfWithProgress(this, *m_document, m_paper, target,
                                          services::ProtectedOutputFiles(m_context.Database()));
    if (pages > 0) {
        ShowSavedNotice(wxString::Format(
            wxPLURAL("Saved %d page as %s.", "Saved %d pages as %s.", static_cast<unsigned>(pages)),
            pages, target));
    }
    return pages;
}

// Saving said nothing when done: the line says what was written and where.
void ReportViewPanel::ShowSavedNotice(const wxString& text) {
    m_saved_notice->SetLabel(text);
    m_saved_notice->Wrap(std::max(FromDIP(300), GetClientSize().GetWidth()));
    m_saved_notice->Show();
    Layout();
}

bool ReportViewPanel::ExportCsv(const wxString& path) {
    if (!m_document || !m_write_csv) {
        return false;
    }
    wxString target = path;
    if (target.empty()) {
        wxFileDialog dialog(this, _("Export as CSV"), wxString(),
                            SuggestedFileName(m_file_stem, "csv"), _("CSV files (*.csv)|*.csv"),
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) {
            return false;
        }
        target = dialog.GetPath();
    }
    if (!SaveCsv(this, target, m_write_csv, services::ProtectedOutputFiles(m_context.Database()))) {
        return false;
    }
    ShowSavedNotice(wxString::Format(_("Exported the report's tables as %s."), target));
    return true;
}

}  // namespace myodesk::app
