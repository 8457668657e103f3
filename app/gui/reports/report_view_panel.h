#pragma once

#include "reports/report_output.h"

#include <myodesk/core/clinic_details.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/services/context.h>

#include <wx/panel.h>

#include <functional>
#include <optional>
#include <ostream>

class wxBoxSizer;
class wxButton;
class wxHtmlWindow;
class wxStaticText;

namespace myodesk::app {

// A report on screen as it will print, with the buttons to act on it: Print preview…,
// Print…, Save as PDF… and (when the report has tables to export) Export CSV…. Used by the
// client workspace's Reports tab and the clinic summary window.
class ReportViewPanel : public wxPanel {
  public:
    enum : int {
        kIdPreview = wxID_HIGHEST + 400,
        kIdPrint,
        kIdSavePdf,
        kIdExportCsv,
    };

    // `context`: the open database, which a saved file may never replace.
    ReportViewPanel(wxWindow* parent, services::Context& context);

    // Shows the document; `file_stem` names the files saved from it ("Ann Smith – progress
    // report"). `write_csv` empty: no CSV export for this report.
    void ShowDocument(reports::Document document, const wxString& file_stem, core::PaperSize paper,
                      std::function<void(std::ostream&)> write_csv = {});
    // Shows a message instead of a report (nothing to print).
    void ShowMessage(const wxString& message);
    void Clear();

    bool HasDocument() const { return m_document.has_value(); }
    const std::optional<reports::Document>& Document() const { return m_document; }
    const HtmlReport& Html() const { return m_html; }
    wxHtmlWindow* View() const { return m_view; }
    // The line above the report saying the clinic logo was left out (hidden when it is not).
    wxStaticText* LogoNotice() const { return m_logo_notice; }
    // The line saying where the last PDF or CSV was saved (hidden until one is).
    wxStaticText* SavedNotice() const { return m_saved_notice; }
    ReportPrinter& Printer() { return m_printer; }
    // Puts a labelled control (made with this panel as its parent) before the buttons, on the
    // same row: the Reports tab's choice of report.
    void AddLeadingControl(wxWindow* label, wxWindow* control);

    // The buttons' actions (tests call them; the dialogs for a file name are skipped when a
    // path is given).
    bool PrintPreview();
    bool Print();
    int SavePdf(const wxString& path = {});
    bool ExportCsv(const wxString& path = {});

  private:
    void UpdateButtons();
    void ShowLogoNotice(const std::string& logo_path);
    void ShowSavedNotice(const wxString& text);

    wxHtmlWindow* m_view = nullptr;
    wxBoxSizer* m_buttons = nullptr;
    wxButton* m_preview = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_save_pdf = nullptr;
    wxButton* m_export_csv = nullptr;
    wxStaticText* m_logo_notice = nullptr;
    wxStaticText* m_saved_notice = nullptr;

    services::Context& m_context;
    std::optional<reports::Document> m_document;
    HtmlReport m_html;
    wxString m_file_stem;
    core::PaperSize m_paper = core::PaperSize::kA4;
    std::function<void(std::ostream&)> m_write_csv;
    ReportPrinter m_printer;
};

}  // namespace myodesk::app
