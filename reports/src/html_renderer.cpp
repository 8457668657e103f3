#include <myodesk/reports/chart_renderer.h>
#include <myodesk/reports/html_renderer.h>
#include <myodesk/reports/logo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace myodesk::reports {

namespace {

// Charts are drawn as wide as the PDF's content (A4 less 20 mm margins), at twice the pixels
// so that they stay crisp when printed, and shown at that width.
constexpr double kChartWidthPt = 480;
constexpr double kChartScale = 2;
constexpr double kLogoHeight = 51;  // 18 mm

constexpr std::string_view kMuted = "#5f6368";
constexpr std::string_view kHeaderFill = "#e8eaed";
constexpr std::string_view kWarning = "#b00020";

// Text as HTML: & < > " escaped, line breaks as <br>.
std::string Escape(std::string_view text) {
    std::string html;
    html.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&':
                html += "&amp;";
                break;
            case '<':
                html += "&lt;";
                break;
            case '>':
                html += "&gt;";
                break;
            case '"':
                html += "&quot;";
                break;
            case '\r':
                break;
            case '\n':
                html += "<br>";
                break;
            default:
                html += c;
        }
    }
    return html;
}

// A cell's content: a non-breaking space keeps an empty cell's borders.
std::string CellText(std::string_view text) {
    return text.empty() ? "&nbsp;" : Escape(text);
}

std::string_view AlignAttribute(Align align) {
    switch (align) {
        case Align::kLeft:
            break;
        case Align::kRight:
            return "right";
        case Align::kCenter:
            return "center";
    }
    return "left";
}

// A PNG file's pixel size from its IHDR chunk, or {0, 0} when it is not a PNG.
class HtmlWriter {
  public:
    explicit HtmlWriter(const ImageStore& store_image) : m_store_image(store_image) {}

    void Letterhead(const reports::Letterhead& letterhead);
    void Titles(const Document& document);
    void Write(const Heading& heading);
    void Write(const Paragraph& paragraph);
    void Write(const FactList& facts);
    void Write(const Table& table);
    void Write(const BarChart& chart);
    void Write(const PainTrendChart& chart);
    void Write(const BodyChartFigure& figure);
    void Write(const SignatureLine& signature);
    void Write(const PageBreak&);

    std::string Take() { return std::move(m_html); }
    void Append(std::string_view text) { m_html += text; }

  private:
    // The address the image store gives for the PNG ("" without a store).
    std::string Store(const std::string& name, const std::vector<unsigned char>& png) const {
        return m_store_image ? m_store_image(name, png) : std::string();
    }
    void Chart(const std::vector<unsigned char>& png, double height_pt);

    const ImageStore& m_store_image;
    std::string m_html;
    int m_charts = 0;
};

void HtmlWriter::Letterhead(const reports::Letterhead& letterhead) {
    std::string logo;
    if (!letterhead.logo_path.empty()) {
        // Left out when ReadLogo refuses it (missing, not a PNG, over the limits).
        const LogoFile file = ReadLogo(letterhead.logo_path);
        if (file.Ok()) {
            const std::string src = Store("logo.png", file.png);
            if (!src.empty()) {
                const double width = kLogoHeight * file.width / file.height;
                logo = fmt::format(R"(<img src="{}" width="{}" height="{}">)", Escape(src),
                                   std::lround(std::min(width, 220.0)),
                                   std::lround(kLogoHeight * std::min(1.0, 220.0 / width)));
            }
        }
    }
    std::string details;
    if (!letterhead.clinic_name.empty()) {
        details +=
            fmt::format(R"(<font size="+1"><b>{}</b></font>)", Escape(letterhead.clinic_name));
    }
    for (const std::string& line : letterhead.address_lines) {
        if (!line.empty()) {
            details += (details.empty() ? "" : "<br>") + Escape(line);
        }
    }
    if (!letterhead.contact.empty()) {
        details += fmt::format(R"({}<font color="{}">{}</font>)", details.empty() ? "" : "<br>",
                               kMuted, Escape(letterhead.contact));
    }
    if (details.empty() && logo.empty()) {
        return;
    }
    m_html += R"(<table width="100%" cellspacing="0" cellpadding="0"><tr>)";
    m_html += fmt::format(R"(<td valign="top">{}</td>)", details.empty() ? "&nbsp;" : details);
    if (!logo.empty()) {
        m_html += fmt::format(R"(<td valign="top" align="right">{}</td>)", logo);
    }
    m_html += "</tr></table>\n<hr>\n";
}

void HtmlWriter::Titles(const Document& document) {
    if (!document.title.empty()) {
        m_html += fmt::format("<h2>{}</h2>\n", Escape(document.title));
    }
    if (!document.subtitle.empty()) {
        m_html += fmt::format(R"(<p><font size="+1" color="{}">{}</font></p>)", kMuted,
                              Escape(document.subtitle));
        m_html += '\n';
    }
}

void HtmlWriter::Write(const Heading& heading) {
    const char* tag = heading.level <= 1 ? "h3" : "h4";
    m_html += fmt::format("<{0}>{1}</{0}>\n", tag, Escape(heading.text));
}

void HtmlWriter::Write(const Paragraph& paragraph) {
    switch (paragraph.style) {
        case ParagraphStyle::kNormal:
            m_html += fmt::format("<p>{}</p>\n", Escape(paragraph.text));
            break;
        case ParagraphStyle::kSmall:
            m_html += fmt::format(R"(<p><font size="-1" color="{}">{}</font></p>)", kMuted,
                                  Escape(paragraph.text));
            m_html += '\n';
            break;
        case ParagraphStyle::kWarning:
            m_html += fmt::format(R"(<p><font color="{}"><b>{}</b></font></p>)", kWarning,
                                  Escape(paragraph.text));
            m_html += '\n';
            break;
    }
}

void HtmlWriter::Write(const FactList& facts) {
    if (facts.facts.empty()) {
        return;
    }
    m_html += R"(<table cellspacing="0" cellpadding="2">)";
    m_html += '\n';
    for (const auto& [label, value] : facts.facts) {
        m_html += fmt::format(
            R"(<tr><td valign="top"><font color="{}"><b>{}</b></font></td><td valign="top">{}</td></tr>)",
            kMuted, CellText(label), CellText(value));
        m_html += '\n';
    }
    m_html += "</table>\n";
}

void HtmlWriter::Write(const Table& table) {
    if (table.columns.empty()) {
        return;
    }
    double total_weight = 0;
    for (const TableColumn& column : table.columns) {
        total_weight += std::max(column.weight, 0.01);
    }
    m_html += R"(<table border="1" cellspacing="0" cellpadding="3" width="100%">)";
    m_html += "\n<tr>";
    for (const TableColumn& column : table.columns) {
        const long percent = std::lround(100 * std::max(column.weight, 0.01) / total_weight);
        m_html += fmt::format(R"(<th bgcolor="{}" align="{}" width="{}%">{}</th>)", kHeaderFill,
                              AlignAttribute(column.align), std::max(1L, percent),
                              CellText(column.title));
    }
    m_html += "</tr>\n";
    if (table.rows.empty()) {
        m_html += fmt::format(R"(<tr><td colspan="{}"><i><font color="{}">{}</font></i></td></tr>)",
                              table.columns.size(), kMuted, CellText(table.empty_text));
        m_html += '\n';
    }
    for (const std::vector<std::string>& row : table.rows) {
        m_html += "<tr>";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const std::string_view text = c < row.size() ? std::string_view(row[c]) : "";
            m_html += fmt::format(R"(<td align="{}" valign="top">{}</td>)",
                                  AlignAttribute(table.columns[c].align), CellText(text));
        }
        m_html += "</tr>\n";
    }
    m_html += "</table>\n";
}

void HtmlWriter::Chart(const std::vector<unsigned char>& png, double height_pt) {
    ++m_charts;
    const std::string src = Store(fmt::format("chart-{}.png", m_charts), png);
    if (src.empty()) {
        return;
    }
    m_html += fmt::format(R"(<p><img src="{}" width="{}" height="{}"></p>)", Escape(src),
                          std::lround(kChartWidthPt), std::lround(height_pt));
    m_html += '\n';
}

void HtmlWriter::Write(const BarChart& chart) {
    Chart(BarChartPng(chart, kChartWidthPt, kChartScale), BarChartHeight(chart, kChartWidthPt));
}

void HtmlWriter::Write(const PainTrendChart& chart) {
    Chart(PainTrendChartPng(chart, kChartWidthPt, kChartScale),
          PainTrendChartHeight(chart, kChartWidthPt));
}

void HtmlWriter::Write(const BodyChartFigure& figure) {
    Chart(BodyChartFigurePng(figure, kChartWidthPt, kChartScale),
          BodyChartFigureHeight(figure, kChartWidthPt));
}

void HtmlWriter::Write(const SignatureLine& signature) {
    m_html += "<p><br><br>______________________________";
    if (!signature.name.empty()) {
        m_html += "<br>" + Escape(signature.name);
    }
    if (!signature.caption.empty()) {
        m_html += fmt::format(R"(<br><font size="-1" color="{}">{}</font>)", kMuted,
                              Escape(signature.caption));
    }
    m_html += "</p>\n";
}

void HtmlWriter::Write(const PageBreak&) {
    m_html += R"(<div style="page-break-before:always"></div>)";
    m_html += '\n';
}

}  // namespace

std::string RenderHtml(const Document& document, const ImageStore& store_image) {
    HtmlWriter writer(store_image);
    writer.Append(
        "<html><head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=UTF-8\">");
    if (!document.title.empty()) {
        writer.Append("<title>" + Escape(document.title) + "</title>");
    }
    writer.Append("</head>\n<body>\n");
    writer.Letterhead(document.letterhead);
    writer.Titles(document);
    for (const Block& block : document.blocks) {
        std::visit([&writer](const auto& item) { writer.Write(item); }, block);
    }
    writer.Append("</body></html>\n");
    return writer.Take();
}

std::string HtmlFooter(const Document& document) {
    std::string pages = Escape(document.page_format);
    // The printing framework fills these in for every page.
    for (const auto& [from, to] :
         {std::pair<std::string_view, std::string_view>{"{page}", "@PAGENUM@"},
          std::pair<std::string_view, std::string_view>{"{pages}", "@PAGESCNT@"}}) {
        for (std::size_t at = pages.find(from); at != std::string::npos;
             at = pages.find(from, at + to.size())) {
            pages.replace(at, from.size(), to);
        }
    }
    std::string footer;
    for (const std::string& part :
         {Escape(document.footer_text), Escape(document.printed_text), pages}) {
        if (!part.empty()) {
            footer += (footer.empty() ? "" : " \u2014 ") + part;
        }
    }
    return footer;
}

}  // namespace myodesk::reports
