#include <myodesk/core/date.h>
#include <myodesk/reports/pdf_renderer.h>

#include <boost/test/unit_test.hpp>
#include <cairo.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;
using reports::Document;
using reports::PdfOptions;

namespace {

// The PDF is checked with poppler's tools (Debian: poppler-utils), as a reader would see it.
// Without them the test fails: a render that cannot be checked is not a pass.
void RequireTool(const std::string& tool) {
    const std::string command = "command -v " + tool + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) {
        BOOST_FAIL(tool +
                   " was not found: install poppler-utils (./dev.sh test does) to check "
                   "the PDF renderer");
    }
}

std::string Run(const std::string& command) {
    std::string output;
    const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    BOOST_REQUIRE_MESSAGE(pipe, "cannot run " << command);
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
        output.append(buffer.data(), read);
    }
    return output;
}

// A PDF rendered to a temporary file, removed at the end, and what poppler reads in it.
class RenderedPdf {
  public:
    explicit RenderedPdf(const Document& document, PdfOptions options = {}) {
        RequireTool("pdfinfo");
        RequireTool("pdftotext");
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("myodesk-pdf-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter) +
                  ".pdf");
        std::ofstream out(m_path, std::ios::binary);
        m_pages = reports::RenderPdf(document, options, out);
        out.close();
        BOOST_REQUIRE(out);
    }
    ~RenderedPdf() {
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    RenderedPdf(const RenderedPdf&) = delete;
    RenderedPdf& operator=(const RenderedPdf&) = delete;

    int ReturnedPages() const { return m_pages; }

    std::string Info() const { return Run("pdfinfo '" + m_path.string() + "' 2>&1"); }

    int InfoPages() const {
        std::smatch match;
        const std::string info = Info();
        BOOST_REQUIRE_MESSAGE(std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))")),
                              "pdfinfo gave no page count:\n"
                                  << info);
        return std::stoi(match[1]);
    }

    // "Page size:  595.28 x 841.89 pts (A4)" as {595.28, 841.89}.
    std::pair<double, double> PageSize() const {
        std::smatch match;
        const std::string info = Info();
        BOOST_REQUIRE_MESSAGE(
            std::regex_search(info, match, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+))")),
            "pdfinfo gave no page size:\n"
                << info);
        return {std::stod(match[1]), std::stod(match[2])};
    }

    std::string Text() const { return Run("pdftotext -layout '" + m_path.string() + "' - 2>&1"); }

    std::string PageText(int page) const {
        return Run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) +
                   " '" + m_path.string() + "' - 2>&1");
    }

  private:
    std::filesystem::path m_path;
    int m_pages = 0;
};

int Count(const std::string& text, const std::string& what) {
    int count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + what.size())) {
        ++count;
    }
    return count;
}

core::Date Day(int offset) {
    return core::AddDays(core::Date{std::chrono::year{2025}, std::chrono::January, 6d}, offset);
}

reports::Letterhead SomeLetterhead() {
    reports::Letterhead letterhead;
    letterhead.clinic_name = "Liffey Sports Massage";
    letterhead.address_lines = {"12 Quay Street", "Dublin 8"};
    letterhead.contact = "01 234 5678 \u00b7 desk@liffey.ie";
    return letterhead;
}

Document WithFooter(Document document) {
    document.footer_text = "Client progress report";
    document.printed_text = "Printed 21 Nov 2026";
    document.page_format = "Page {page} of {pages}";
    return document;
}

// A session history of `rows` rows, one a week.
reports::Table SessionTable(int rows) {
    reports::Table table;
    table.columns = {{"Visit date", 1.2, reports::Align::kLeft},
                     {"Therapist", 1.5, reports::Align::kLeft},
                     {"Techniques", 2.5, reports::Align::kLeft},
                     {"Pain", 1, reports::Align::kRight}};
    for (int i = 0; i < rows; ++i) {
        table.rows.push_back(
            {core::FormatIsoDate(Day(7 * i)),
             i % 2 == 0 ? "Zo\u00eb \u00c5ngstr\u00f6m" : "\u5c71\u7530 \u82b1\u5b50",
             i % 5 == 0 ? "Deep tissue 30 min\nSports 15 min" : "Sports 45 min",
             std::to_string(i % 10) + " \u2192 " + std::to_string(i % 4)});
    }
    return table;
}

Document LongDocument(int rows) {
    Document document;
    document.letterhead = SomeLetterhead();
    document.title = "Client progress report";
    document.subtitle = "Siobh\u00e1n N\u00ed Bhriain";
    document.blocks.push_back(reports::FactList{{{"Client", "Siobh\u00e1n N\u00ed Bhriain"},
                                                 {"Therapist", "Zo\u00eb \u00c5ngstr\u00f6m"},
                                                 {"Referred by", "\u5c71\u7530 \u82b1\u5b50"}}});
    document.blocks.push_back(reports::Heading{"Session history", 1});
    document.blocks.push_back(SessionTable(rows));
    return WithFooter(document);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_renderer_tests)

BOOST_AUTO_TEST_CASE(a_long_table_continues_over_pages_with_its_header_on_each) {
    constexpr int kRows = 300;
    const RenderedPdf pdf(LongDocument(kRows));
    const int pages = pdf.InfoPages();
    BOOST_TEST(pages > 1);
    BOOST_TEST(pdf.ReturnedPages() == pages);

    const std::string text = pdf.Text();
    BOOST_TEST(Count(text, "Siobh\u00e1n N\u00ed Bhriain") >= 2);  // subtitle and facts
    BOOST_TEST(Count(text, "Zo\u00eb \u00c5ngstr\u00f6m") >= kRows / 2);
    BOOST_TEST(Count(text, "\u5c71\u7530 \u82b1\u5b50") >= kRows / 2,
               "Japanese names missing from the PDF's text: is a font with CJK glyphs installed "
               "(Debian: fonts-droid-fallback)?");
    BOOST_TEST(Count(text, "Liffey Sports Massage") == 1);  // the letterhead: page 1 only
    // Every row once: none lost at a page break, none drawn twice.
    for (int i = 0; i < kRows; ++i) {
        BOOST_TEST(Count(text, core::FormatIsoDate(Day(7 * i))) == 1, "row " << i);
    }
    BOOST_TEST(Count(text, core::FormatIsoDate(Day(7 * (kRows / 2)))) == 1);
    BOOST_TEST(Count(text, core::FormatIsoDate(Day(7 * (kRows - 1)))) == 1);

    // The header row on every page the table is on, once; the footer on every page.
    for (int page = 1; page <= pages; ++page) {
        const std::string page_text = pdf.PageText(page);
        BOOST_TEST_CONTEXT("page " << page) {
            BOOST_TEST(Count(page_text, "Visit date") == 1);
            BOOST_TEST(Count(page_text, "Techniques") == 1);
            BOOST_TEST(Count(page_text,
                             "Page " + std::to_string(page) + " of " + std::to_string(pages)) == 1);
            BOOST_TEST(Count(page_text, "Printed 21 Nov 2026") == 1);
            BOOST_TEST(Count(page_text, "Client progress report") >= 1);
        }
    }
    BOOST_TEST(Count(text, "Page 1 of " + std::to_string(pages)) == 1);
    BOOST_TEST(Count(text, "Page " + std::to_string(pages) + " of " + std::to_string(pages)) == 1);
}

BOOST_AUTO_TEST_CASE(a4_and_letter_pages_have_their_size) {
    PdfOptions a4;
    a4.paper = core::PaperSize::kA4;
    const auto [a4_width, a4_height] = RenderedPdf(LongDocument(5), a4).PageSize();
    BOOST_TEST(a4_width == 595.28, boost::test_tools::tolerance(0.01));
    BOOST_TEST(a4_height == 841.89, boost::test_tools::tolerance(0.01));

    PdfOptions letter;
    letter.paper = core::PaperSize::kLetter;
    const RenderedPdf letter_pdf(LongDocument(5), letter);
    const auto [letter_width, letter_height] = letter_pdf.PageSize();
    BOOST_TEST(letter_width == 612.0, boost::test_tools::tolerance(0.01));
    BOOST_TEST(letter_height == 792.0, boost::test_tools::tolerance(0.01));
    BOOST_TEST(letter_pdf.Text().find("Siobh\u00e1n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_document_is_one_page) {
    const RenderedPdf pdf(Document{});
    BOOST_TEST(pdf.ReturnedPages() == 1);
    BOOST_TEST(pdf.InfoPages() == 1);

    const RenderedPdf with_footer(WithFooter(Document{}));
    BOOST_TEST(with_footer.InfoPages() == 1);
    BOOST_TEST(Count(with_footer.Text(), "Page 1 of 1") == 1);
}

BOOST_AUTO_TEST_CASE(progress_counts_up_and_false_cancels) {
    // Every step reported, the total known once the pages are laid out.
    std::vector<std::pair<int, int>> steps;
    PdfOptions options;
    options.progress = [&](int done, int total) {
        steps.emplace_back(done, total);
        return true;
    };
    std::ostringstream out;
    const int pages = reports::RenderPdf(LongDocument(120), options, out);
    BOOST_TEST(pages > 1);
    BOOST_TEST(steps.size() == static_cast<std::size_t>(2 * pages));
    for (std::size_t i = 0; i < steps.size(); ++i) {
        BOOST_TEST(steps[i].first == static_cast<int>(i + 1));
        BOOST_TEST(steps[i].first <= steps[i].second);
    }
    BOOST_TEST(steps.back().first == 2 * pages);
    BOOST_TEST(steps.back().second == 2 * pages);

    // Cancelled while laying out, and while drawing.
    for (const int stop_at : {1, pages + 1}) {
        int calls = 0;
        PdfOptions cancelling;
        cancelling.progress = [&](int done, int) {
            ++calls;
            return done < stop_at;
        };
        std::ostringstream cancelled_out;
        BOOST_CHECK_THROW(reports::RenderPdf(LongDocument(120), cancelling, cancelled_out),
                          reports::RenderCancelled);
        BOOST_TEST(calls == stop_at);
        // No complete PDF was written.
        BOOST_TEST(cancelled_out.str().find("%%EOF") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_missing_or_broken_logo_is_left_out) {
    Document document = LongDocument(3);
    document.letterhead.logo_path = "/nonexistent/folder/logo.png";
    const RenderedPdf missing(document);
    BOOST_TEST(missing.InfoPages() == 1);
    BOOST_TEST(missing.Text().find("Liffey Sports Massage") != std::string::npos);

    // A file that is not a PNG.
    const std::filesystem::path broken =
        std::filesystem::temp_directory_path() /
        ("myodesk-broken-logo-" + std::to_string(getpid()) + ".png");
    std::ofstream(broken) << "not a png";
    document.letterhead.logo_path = broken.string();
    BOOST_CHECK_NO_THROW(RenderedPdf{document});
    std::filesystem::remove(broken);
}

BOOST_AUTO_TEST_CASE(a_logo_is_drawn_when_it_loads) {
    const std::filesystem::path logo = std::filesystem::temp_directory_path() /
                                       ("myodesk-logo-" + std::to_string(getpid()) + ".png");
    {
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 120, 60);
        cairo_t* cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 0.1, 0.4, 0.5);
        cairo_paint(cr);
        cairo_destroy(cr);
        BOOST_REQUIRE(cairo_surface_write_to_png(surface, logo.string().c_str()) ==
                      CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy(surface);
    }
    Document document = LongDocument(3);
    document.letterhead.logo_path = logo.string();
    std::ostringstream with_logo;
    reports::RenderPdf(document, {}, with_logo);
    document.letterhead.logo_path.clear();
    std::ostringstream without_logo;
    reports::RenderPdf(document, {}, without_logo);
    // The image is embedded.
    BOOST_TEST(with_logo.str().find("/Subtype /Image") != std::string::npos);
    BOOST_TEST(without_logo.str().find("/Subtype /Image") == std::string::npos);
    std::filesystem::remove(logo);
}

BOOST_AUTO_TEST_CASE(a_heading_is_never_left_alone_at_the_bottom_of_a_page) {
    // Filler of every length moves the heading down the first page and over the break.
    for (int filler = 30; filler <= 62; ++filler) {
        Document document;
        for (int i = 0; i < filler; ++i) {
            document.blocks.push_back(reports::Paragraph{"Filler line " + std::to_string(i)});
        }
        document.blocks.push_back(reports::Heading{"Heading kept with its table", 1});
        document.blocks.push_back(SessionTable(6));
        document.blocks.push_back(reports::Heading{"Heading kept with its chart", 2});
        reports::BarChart chart;
        chart.title = "Chart title first";
        for (int bar = 0; bar < 8; ++bar) {
            chart.bars.push_back(
                {"Bar " + std::to_string(bar), bar + 1.0, std::to_string(bar + 1)});
        }
        chart.bars.push_back({"Bar last", 3, "3"});
        document.blocks.push_back(chart);
        const RenderedPdf pdf(document);
        BOOST_TEST_CONTEXT("filler " << filler) {
            for (int page = 1; page <= pdf.InfoPages(); ++page) {
                const std::string text = pdf.PageText(page);
                if (text.find("Heading kept with its table") != std::string::npos) {
                    BOOST_TEST(text.find("Visit date") != std::string::npos);
                    BOOST_TEST(text.find(core::FormatIsoDate(Day(0))) != std::string::npos);
                }
                if (text.find("Heading kept with its chart") != std::string::npos) {
                    BOOST_TEST(text.find("Chart title first") != std::string::npos);
                }
                // The chart is whole on one page.
                BOOST_TEST((text.find("Chart title first") != std::string::npos) ==
                           (text.find("Bar last") != std::string::npos));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_long_paragraph_continues_on_the_next_page) {
    std::string text;
    for (int i = 0; i < 150; ++i) {
        text += "Paragraph line " + std::to_string(1000 + i) + "\n";
    }
    Document document;
    document.blocks.push_back(reports::Paragraph{text, reports::ParagraphStyle::kNormal});
    document.blocks.push_back(
        reports::Paragraph{"A warning in red", reports::ParagraphStyle::kWarning});
    document.blocks.push_back(reports::Paragraph{"Small print", reports::ParagraphStyle::kSmall});
    document.blocks.push_back(reports::SignatureLine{"Zo\u00eb \u00c5ngstr\u00f6m", "Therapist"});
    const RenderedPdf pdf(document);
    BOOST_TEST(pdf.InfoPages() >= 2);
    const std::string all = pdf.Text();
    for (int i = 0; i < 150; ++i) {
        BOOST_TEST(Count(all, "Paragraph line " + std::to_string(1000 + i)) == 1);
    }
    BOOST_TEST(Count(all, "A warning in red") == 1);
    BOOST_TEST(Count(all, "Small print") == 1);
    BOOST_TEST(Count(all, "Zo\u00eb \u00c5ngstr\u00f6m") == 1);
    BOOST_TEST(Count(all, "Therapist") == 1);
}

BOOST_AUTO_TEST_CASE(a_page_break_starts_a_new_page_and_a_row_taller_than_a_page_is_cut) {
    Document document;
    document.blocks.push_back(reports::Paragraph{"Before the break"});
    document.blocks.push_back(reports::PageBreak{});
    document.blocks.push_back(reports::PageBreak{});  // no blank page for a second break
    document.blocks.push_back(reports::Paragraph{"After the break"});
    const RenderedPdf pdf(document);
    BOOST_TEST(pdf.InfoPages() == 2);
    BOOST_TEST(pdf.PageText(2).find("After the break") != std::string::npos);

    // A row of 200 lines: drawn as far as the page allows, never looping.
    reports::Table table;
    table.columns = {{"Notes", 1, reports::Align::kLeft}};
    std::string tall;
    for (int i = 0; i < 200; ++i) {
        tall += "note " + std::to_string(i) + "\n";
    }
    table.rows = {{"short row"}, {tall}, {"after the tall row"}};
    Document tall_document;
    tall_document.blocks.push_back(table);
    const RenderedPdf tall_pdf(tall_document);
    BOOST_TEST(tall_pdf.InfoPages() == 3);
    BOOST_TEST(tall_pdf.Text().find("after the tall row") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(charts_and_empty_blocks_render) {
    Document document = WithFooter(Document{});
    document.title = "Clinic summary";
    reports::PainTrendChart pain;
    pain.first = Day(0);
    pain.last = Day(300);
    pain.ticks = {{Day(0), "Jan 2025"}, {Day(150), "Jun 2025"}, {Day(300), "Nov 2025"}};
    pain.before_label = "Pain before";
    pain.after_label = "Pain after";
    pain.change_label = "Change of 2 points or more";
    for (int series = 0; series < 30; ++series) {  // taller than a page: drawn smaller, whole
        reports::PainSeries one;
        one.title = "Region " + std::to_string(series);
        one.points = {
            {Day(0), 7, 4, false, 0}, {Day(100), 4, 2, true, -3}, {Day(300), 6, 3, true, 2}};
        pain.series.push_back(one);
    }
    document.blocks.push_back(pain);
    document.blocks.push_back(reports::BodyChartFigure{
        {{core::Region::kHamstrings, core::Side::kLeft, 4}}, "Front", "Back", "Sessions"});
    document.blocks.push_back(reports::Table{{{"A", 1, reports::Align::kLeft}}, {}, "No sessions"});
    document.blocks.push_back(reports::BarChart{"Empty chart", {}, "Nothing to show"});
    document.blocks.push_back(reports::FactList{});
    const RenderedPdf pdf(document);
    const std::string text = pdf.Text();
    BOOST_TEST(text.find("Region 0") != std::string::npos);
    BOOST_TEST(text.find("Region 29") != std::string::npos);
    BOOST_TEST(text.find("Front") != std::string::npos);
    BOOST_TEST(text.find("No sessions") != std::string::npos);
    BOOST_TEST(text.find("Nothing to show") != std::string::npos);
    BOOST_TEST(text.find("\u22123") != std::string::npos);
    // The pain chart is on one page.
    for (int page = 1; page <= pdf.InfoPages(); ++page) {
        const std::string page_text = pdf.PageText(page);
        BOOST_TEST((page_text.find("Region 0") != std::string::npos) ==
                   (page_text.find("Region 29") != std::string::npos));
    }
}

BOOST_AUTO_TEST_CASE(a_stream_that_fails_is_an_error) {
    std::ofstream closed;  // never opened: every write fails
    BOOST_CHECK_THROW(reports::RenderPdf(LongDocument(10), {}, closed), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
