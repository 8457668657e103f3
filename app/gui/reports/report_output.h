#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/codes.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>

#include <wx/string.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

class wxHtmlEasyPrinting;
class wxHtmlPrintout;
class wxPrintout;
class wxWindow;

namespace myodesk::app {

// What the GUI needs around reports/: the translator and date formats of the user's locale,
// the HTML of a report for the preview (its chart images kept in wx's memory file system),
// printing through wxHtmlEasyPrinting, and writing a PDF or CSV file with progress.

// reports::MakeReportLocale (dates as report.date_format asks, by default as the lists and
// the profile write them, the same as the CLI's reports) with the locale's numbers.
reports::ReportLocale MakeGuiReportLocale(const core::ClinicDetails& clinic,
                                          core::DistanceUnit units);

// The HTML of a document, its charts registered in wxMemoryFSHandler; they stay there until
// the next HtmlReport replaces them or it is destroyed.
class HtmlReport {
  public:
    HtmlReport() = default;
    explicit HtmlReport(const reports::Document& document);
    ~HtmlReport();
    HtmlReport(HtmlReport&& other) noexcept;
    HtmlReport& operator=(HtmlReport&& other) noexcept;
    HtmlReport(const HtmlReport&) = delete;
    HtmlReport& operator=(const HtmlReport&) = delete;

    const wxString& Html() const { return m_html; }
    const wxString& Footer() const { return m_footer; }
    const wxString& Title() const { return m_title; }
    // The memory:... names of the chart images.
    const std::vector<wxString>& Images() const { return m_images; }

  private:
    void Release();
    wxString m_html;
    wxString m_footer;
    wxString m_title;
    std::vector<wxString> m_images;
};

// Print preview and printing of a report's HTML, on the clinic's paper.
// The print job of an HTML printout: every step is the printout's, but while its pages are not
// counted yet it offers all of them (wxHtmlPrintout then says pages 1 to -1, which GTK's print
// dialog showed as "Pages: 1" chosen).
std::unique_ptr<wxPrintout> WholeDocument(wxHtmlPrintout& pages);

class ReportPrinter {
  public:
    explicit ReportPrinter(wxWindow* parent);
    ~ReportPrinter();
    void SetPaper(core::PaperSize paper);
    // Opens the print preview window; false when it could not be made (no printing system).
    bool Preview(const HtmlReport& report);
    bool Print(const HtmlReport& report);
    wxHtmlEasyPrinting& Printing() { return *m_printing; }

  private:
    void Prepare(const HtmlReport& report);
    std::unique_ptr<wxHtmlEasyPrinting> m_printing;
};

// Both writers refuse `protected_files` (services::ProtectedOutputFiles: the open database),
// any other database, a folder, a device or a pipe, saying why in the message
// (reports::AtomicOutputFile).

// Writes the document to `path` as a PDF on `paper`, showing progress with Cancel. Returns
// the page count, or 0 when the user cancelled or it failed (a message says why; no file is
// left behind either way).
int SavePdfWithProgress(wxWindow* parent, const reports::Document& document, core::PaperSize paper,
                        const wxString& path,
                        const std::vector<std::filesystem::path>& protected_files);

// Writes a CSV file through `write` (which gets the stream); a message on failure, no partial
// file. Returns true when written.
bool SaveCsv(wxWindow* parent, const wxString& path,
             const std::function<void(std::ostream&)>& write,
             const std::vector<std::filesystem::path>& protected_files);

// "Siobhán Ní Bhriain – progress report.pdf" with characters a file name cannot hold replaced.
wxString SuggestedFileName(const wxString& stem, const wxString& extension);

}  // namespace myodesk::app
