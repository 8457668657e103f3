#include "reports/report_output.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"

#include <myodesk/reports/atomic_output_file.h>
#include <myodesk/reports/html_renderer.h>
#include <myodesk/reports/pdf_renderer.h>

#include <wx/cmndata.h>
#include <wx/filesys.h>
#include <wx/fs_mem.h>
#include <wx/html/htmprint.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/print.h>
#include <wx/progdlg.h>
#include <wx/translation.h>

#include <atomic>
#include <exception>

namespace myodesk::app {

namespace {

void EnsureMemoryFileSystem() {
    static bool added = false;
    if (!added) {
        wxFileSystem::AddHandler(new wxMemoryFSHandler);
        added = true;
    }
    // wxHtml decodes the chart images through wxImage.
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
}

// Unique across reports, so an old preview's images never show in a new one.
std::atomic<int> g_next_image{1};

}  // namespace

reports::ReportLocale MakeGuiReportLocale(const core::ClinicDetails& clinic,
                                          core::DistanceUnit units) {
    reports::ReportLocale locale = reports::MakeReportLocale(clinic, units);
    // Numbers (in distances and the plan's sentences) as the Plan tab writes them.
    locale.format_number = LocaleNumber;
    return locale;
}

// --- HtmlReport ---

HtmlReport::HtmlReport(const reports::Document& document) {
    EnsureMemoryFileSystem();
    m_html = ToWx(reports::RenderHtml(
        document, [this](const std::string& suggested, const std::vector<unsigned char>& png) {
            const wxString name =
                wxString::Format("myodesk-report-%d-%s", g_next_image++, ToWx(suggested));
            wxMemoryFSHandler::AddFileWithMimeType(name, png.data(), png.size(), "image/png");
            m_images.push_back(name);
            return ToUtf8("memory:" + name);
        }));
    m_footer = ToWx(reports::HtmlFooter(document));
    m_title = ToWx(document.title);
}

HtmlReport::~HtmlReport() {
    Release();
}

HtmlReport::HtmlReport(HtmlReport&& other) noexcept
    : m_html(std::move(other.m_html)),
      m_footer(std::move(other.m_footer)),
      m_title(std::move(other.m_title)),
      m_images(std::move(other.m_images)) {
    other.m_images.clear();
}

HtmlReport& HtmlReport::operator=(HtmlReport&& other) noexcept {
    if (this != &other) {
        Release();
        m_html = std::move(other.m_html);
        m_footer = std::move(other.m_footer);
        m_title = std::move(other.m_title);
        m_images = std::move(other.m_images);
        other.m_images.clear();
    }
    return *this;
}

void HtmlReport::Release() {
    for (const wxString& name : m_images) {
        wxMemoryFSHandler::RemoveFile(name);
    }
    m_images.clear();
}

// --- ReportPrinter ---

namespace {

// Hands every step of printing to the HTML printout, but says "all pages" while its pages are
// not counted yet: wxHtmlPrintout then reports pages 1 to -1, which the GTK print dialog shows
// as "Pages: 1" chosen, so only the first page of a report was printed.
class WholeDocumentPrintout : public wxPrintout {
  public:
    explicit WholeDocumentPrintout(wxHtmlPrintout& pages)
        : wxPrintout(pages.GetTitle()), m_pages(pages) {}

    void OnPreparePrinting() override {
        m_pages.SetDC(GetDC());
        int x = 0;
        int y = 0;
        GetPPIScreen(&x, &y);
        m_pages.SetPPIScreen(x, y);
        GetPPIPrinter(&x, &y);
        m_pages.SetPPIPrinter(x, y);
        GetPageSizePixels(&x, &y);
        m_pages.SetPageSizePixels(x, y);
        GetPageSizeMM(&x, &y);
        m_pages.SetPageSizeMM(x, y);
        m_pages.SetPaperRectPixels(GetPaperRectPixels());
        m_pages.OnPreparePrinting();
    }
    void OnBeginPrinting() override { m_pages.OnBeginPrinting(); }
    bool OnBeginDocument(int start, int end) override {
        return m_pages.OnBeginDocument(start, end);
    }
    bool OnPrintPage(int page) override { return m_pages.OnPrintPage(page); }
    bool HasPage(int page) override { return m_pages.HasPage(page); }
    void OnEndDocument() override { m_pages.OnEndDocument(); }
    void OnEndPrinting() override { m_pages.OnEndPrinting(); }
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override {
        m_pages.GetPageInfo(min_page, max_page, from, to);
        if (*to < *from) {
            *to = *max_page;
        }
    }

  private:
    wxHtmlPrintout& m_pages;
};

}  // namespace

std::unique_ptr<wxPrintout> WholeDocument(wxHtmlPrintout& pages) {
    return std::make_unique<WholeDocumentPrintout>(pages);
}

namespace {

class WholeReportPrinting : public wxHtmlEasyPrinting {
  public:
    using wxHtmlEasyPrinting::wxHtmlEasyPrinting;

  protected:
    bool DoPrint(wxHtmlPrintout* printout) override {
        wxPrintDialogData dialog_data(*GetPrintData());
        wxPrinter printer(&dialog_data);
        const std::unique_ptr<wxPrintout> whole = WholeDocument(*printout);
        if (!printer.Print(GetParentWindow(), whole.get(), true)) {
            return false;
        }
        *GetPrintData() = printer.GetPrintDialogData().GetPrintData();
        return true;
    }
};

}  // namespace

ReportPrinter::ReportPrinter(wxWindow* parent)
    : m_printing(std::make_unique<WholeReportPrinting>(_("MyoDesk report"), parent)) {
    // The PDF's margins (20 mm), so what prints is laid out like the PDF.
    m_printing->GetPageSetupData()->SetMarginTopLeft(wxPoint(20, 20));
    m_printing->GetPageSetupData()->SetMarginBottomRight(wxPoint(20, 20));
    // The PDF's body size (9.5 pt), so the printed pages hold about as much as the PDF's.
    m_printing->SetStandardFonts(9);
}

ReportPrinter::~ReportPrinter() = default;

void ReportPrinter::SetPaper(core::PaperSize paper) {
    m_printing->GetPrintData()->SetPaperId(paper == core::PaperSize::kLetter ? wxPAPER_LETTER
                                                                             : wxPAPER_A4);
    m_printing->GetPageSetupData()->SetPaperId(paper == core::PaperSize::kLetter ? wxPAPER_LETTER
                                                                                 : wxPAPER_A4);
}

void ReportPrinter::Prepare(const HtmlReport& report) {
    m_printing->SetName(report.Title());
    m_printing->SetFooter(report.Footer(), wxPAGE_ALL);
}

bool ReportPrinter::Preview(const HtmlReport& report) {
    Prepare(report);
    return m_printing->PreviewText(report.Html());
}

bool ReportPrinter::Print(const HtmlReport& report) {
    Prepare(report);
    return m_printing->PrintText(report.Html());
}

// --- Files ---

int SavePdfWithProgress(wxWindow* parent, const reports::Document& document, core::PaperSize paper,
                        const wxString& path,
                        const std::vector<std::filesystem::path>& protected_files) {
    wxProgressDialog progress(_("Save as PDF"), _("Laying out the report…"), 100, parent,
                              wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
    reports::PdfOptions options;
    options.paper = paper;
    options.progress = [&progress](int done, int total) {
        const int percent = total > 0 ? std::min(99, done * 100 / total) : 0;
        return progress.Update(percent, _("Writing the PDF…"));
    };
    try {
        reports::AtomicOutputFile file(std::filesystem::path(path.utf8_string()), protected_files);
        const int pages = reports::RenderPdf(document, options, file.Stream());
        file.Commit();
        progress.Update(100);
        return pages;
    } catch (const reports::RenderCancelled&) {
        return 0;
    } catch (const std::exception& error) {
        progress.Update(100);
        ShowErrorMessage(parent, wxString::Format(_("The PDF could not be saved to %s."), path),
                         error);
        return 0;
    }
}

bool SaveCsv(wxWindow* parent, const wxString& path,
             const std::function<void(std::ostream&)>& write,
             const std::vector<std::filesystem::path>& protected_files) {
    try {
        reports::AtomicOutputFile file(std::filesystem::path(path.utf8_string()), protected_files);
        write(file.Stream());
        file.Commit();
        return true;
    } catch (const std::exception& error) {
        ShowErrorMessage(
            parent, wxString::Format(_("The CSV file could not be saved to %s."), path), error);
        return false;
    }
}

wxString SuggestedFileName(const wxString& stem, const wxString& extension) {
    wxString name = stem;
    for (wxUniCharRef c : name) {
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
            c == '>' || c == '|') {
            c = '_';
        }
    }
    return name + "." + extension;
}

}  // namespace myodesk::app
