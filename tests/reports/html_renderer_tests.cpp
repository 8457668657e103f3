#include <myodesk/reports/html_renderer.h>

#include <boost/test/unit_test.hpp>
#include <cairo.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;
using reports::Document;

namespace {

int Count(const std::string& text, const std::string& what) {
    int count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos;
         at = text.find(what, at + what.size())) {
        ++count;
    }
    return count;
}

// An image store that remembers what it was given and answers "memory:test-N.png".
struct RecordingStore {
    std::vector<std::string> names;
    std::vector<std::vector<unsigned char>> images;

    reports::ImageStore Store() {
        return [this](const std::string& name, const std::vector<unsigned char>& png) {
            names.push_back(name);
            images.push_back(png);
            return "memory:test-" + std::to_string(names.size()) + ".png";
        };
    }
};

bool IsPng(const std::vector<unsigned char>& bytes) {
    return bytes.size() > 8 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' &&
           bytes[3] == 'G';
}

core::Date Day(int offset) {
    return core::AddDays(core::Date{std::chrono::year{2025}, std::chrono::May, 1d}, offset);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_renderer_tests)

BOOST_AUTO_TEST_CASE(text_is_escaped_everywhere) {
    const std::string name = "Tom & \"Jerry\" <b>O'Neill</b>";
    const std::string escaped = "Tom &amp; &quot;Jerry&quot; &lt;b&gt;O'Neill&lt;/b&gt;";
    Document document;
    document.letterhead.clinic_name = name;
    document.letterhead.address_lines = {name};
    document.letterhead.contact = name;
    document.title = name;
    document.subtitle = name;
    document.blocks.push_back(reports::Heading{name, 1});
    document.blocks.push_back(reports::Heading{name, 2});
    document.blocks.push_back(reports::Paragraph{name, reports::ParagraphStyle::kNormal});
    document.blocks.push_back(reports::Paragraph{name, reports::ParagraphStyle::kWarning});
    document.blocks.push_back(reports::Paragraph{name, reports::ParagraphStyle::kSmall});
    document.blocks.push_back(reports::FactList{{{name, name}}});
    document.blocks.push_back(reports::Table{{{name, 1, reports::Align::kLeft}}, {{name}}, ""});
    document.blocks.push_back(reports::SignatureLine{name, name});
    document.footer_text = name;
    const std::string html = reports::RenderHtml(document, {});
    BOOST_TEST(html.find("<b>O'Neill") == std::string::npos);
    BOOST_TEST(html.find("\"Jerry\"") == std::string::npos);
    BOOST_TEST(html.find("Tom & ") == std::string::npos);
    // Letterhead (3) + title tag + title + subtitle + 2 headings + 3 paragraphs + fact (2) +
    // header + cell + signature (2).
    BOOST_TEST(Count(html, escaped) == 17);
    BOOST_TEST(reports::HtmlFooter(document).find(escaped) != std::string::npos);

    // Unicode passes through as UTF-8; line breaks become <br>.
    Document unicode;
    unicode.blocks.push_back(
        reports::Paragraph{"Siobh\u00e1n N\u00ed Bhriain\n\u5c71\u7530 \u82b1\u5b50"});
    const std::string unicode_html = reports::RenderHtml(unicode, {});
    BOOST_TEST(unicode_html.find("Siobh\u00e1n N\u00ed Bhriain<br>\u5c71\u7530 \u82b1\u5b50") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(tables_have_a_header_row_and_aligned_cells) {
    Document document;
    reports::Table table;
    table.columns = {{"Date", 1, reports::Align::kLeft},
                     {"Technique", 3, reports::Align::kLeft},
                     {"Minutes", 1, reports::Align::kRight}};
    table.rows = {{"1 May 2025", "Sports", "45"}, {"8 May 2025", "", "30"}};
    document.blocks.push_back(table);
    document.blocks.push_back(
        reports::Table{{{"Note", 1, reports::Align::kCenter}}, {}, "No notes"});
    const std::string html = reports::RenderHtml(document, {});
    BOOST_TEST(
        Count(html, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">") ==
        2);
    BOOST_TEST(Count(html, "<th ") == 4);
    BOOST_TEST(html.find(R"(<th bgcolor="#e8eaed" align="left" width="20%">Date</th>)") !=
               std::string::npos);
    BOOST_TEST(html.find(R"(<th bgcolor="#e8eaed" align="left" width="60%">Technique</th>)") !=
               std::string::npos);
    BOOST_TEST(html.find(R"(<td align="right" valign="top">45</td>)") != std::string::npos);
    BOOST_TEST(html.find(R"(<td align="left" valign="top">&nbsp;</td>)") != std::string::npos);
    BOOST_TEST(html.find("No notes") != std::string::npos);
    // The header comes before the rows.
    BOOST_TEST(html.find("Technique</th>") < html.find("Sports"));
}

BOOST_AUTO_TEST_CASE(every_chart_is_stored_once_and_shown_from_where_the_store_put_it) {
    Document document;
    document.blocks.push_back(reports::BarChart{"Techniques", {{"Sports", 4, "4"}}, ""});
    reports::PainTrendChart pain;
    pain.first = Day(0);
    pain.last = Day(90);
    pain.series = {{"Left hamstring", {{Day(0), 6, 3, false, 0}, {Day(90), 3, 1, true, -3}}}};
    document.blocks.push_back(pain);
    document.blocks.push_back(reports::PageBreak{});
    document.blocks.push_back(reports::BodyChartFigure{
        {{core::Region::kHamstrings, core::Side::kLeft, 2}}, "Front", "Back", "Sessions"});
    RecordingStore store;
    const std::string html = reports::RenderHtml(document, store.Store());
    BOOST_REQUIRE(store.names.size() == 3u);
    for (std::size_t i = 0; i < store.names.size(); ++i) {
        BOOST_TEST(IsPng(store.images[i]));
        const std::string src = "memory:test-" + std::to_string(i + 1) + ".png";
        BOOST_TEST(Count(html, "<img src=\"" + src + "\" width=\"480\"") == 1);
    }
    BOOST_TEST(store.names[0] != store.names[1]);
    // The page break, where it was.
    BOOST_TEST(Count(html, R"(<div style="page-break-before:always"></div>)") == 1);
    BOOST_TEST(html.find("page-break-before") > html.find("memory:test-2.png"));
    BOOST_TEST(html.find("page-break-before") < html.find("memory:test-3.png"));
}

BOOST_AUTO_TEST_CASE(the_letterhead_logo_is_stored_when_it_is_a_png) {
    const std::filesystem::path logo = std::filesystem::temp_directory_path() /
                                       ("myodesk-html-logo-" + std::to_string(getpid()) + ".png");
    {
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100);
        BOOST_REQUIRE(cairo_surface_write_to_png(surface, logo.string().c_str()) ==
                      CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy(surface);
    }
    Document document;
    document.letterhead.clinic_name = "Liffey Sports Massage";
    document.letterhead.logo_path = logo.string();
    RecordingStore store;
    const std::string html = reports::RenderHtml(document, store.Store());
    BOOST_REQUIRE(store.names.size() == 1u);
    BOOST_TEST(IsPng(store.images[0]));
    // 18 mm high, in proportion.
    BOOST_TEST(html.find(R"(<img src="memory:test-1.png" width="102" height="51">)") !=
               std::string::npos);
    std::filesystem::remove(logo);

    // Missing: no image, no error.
    RecordingStore missing_store;
    const std::string missing = reports::RenderHtml(document, missing_store.Store());
    BOOST_TEST(missing_store.names.empty());
    BOOST_TEST(missing.find("<img") == std::string::npos);
    BOOST_TEST(missing.find("Liffey Sports Massage") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(paragraph_styles_and_the_footer) {
    Document document;
    document.title = "Clinic summary";
    document.subtitle = "1 Jan 2026 \u2013 31 Mar 2026";
    document.blocks.push_back(reports::Paragraph{"Refer to GP", reports::ParagraphStyle::kWarning});
    document.blocks.push_back(
        reports::Paragraph{"Scores are NRS-11", reports::ParagraphStyle::kSmall});
    document.blocks.push_back(reports::SignatureLine{"Aoife Byrne", "Therapist"});
    document.footer_text = "Liffey Sports Massage";
    document.printed_text = "Printed 2 Apr 2026";
    document.page_format = "Page {page} of {pages}";
    const std::string html = reports::RenderHtml(document, {});
    BOOST_TEST(html.find("<h2>Clinic summary</h2>") != std::string::npos);
    BOOST_TEST(html.find(R"(<font color="#b00020"><b>Refer to GP</b></font>)") !=
               std::string::npos);
    BOOST_TEST(html.find(R"(<font size="-1" color="#5f6368">Scores are NRS-11</font>)") !=
               std::string::npos);
    BOOST_TEST(html.find("Aoife Byrne") != std::string::npos);
    BOOST_TEST(html.find("<html>") == 0u);
    BOOST_TEST(html.find("</body></html>") != std::string::npos);
    BOOST_TEST(
        reports::HtmlFooter(document) ==
        "Liffey Sports Massage \u2014 Printed 2 Apr 2026 \u2014 Page @PAGENUM@ of @PAGESCNT@");

    Document bare;
    bare.page_format = "{page}/{pages}";
    BOOST_TEST(reports::HtmlFooter(bare) == "@PAGENUM@/@PAGESCNT@");
}

BOOST_AUTO_TEST_SUITE_END()
