#include "render_support.h"

#include <myodesk/reports/chart_renderer.h>
#include <myodesk/reports/logo.h>
#include <myodesk/reports/pdf_renderer.h>

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace myodesk::reports {

using detail::CheckStatus;
using detail::DrawLayout;
using detail::LayoutHeight;
using detail::LayoutPtr;
using detail::LayoutWidth;
using detail::LineExtent;
using detail::Rgb;
using detail::Style;
using detail::TextStyle;
namespace colours = detail::colours;

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kMargin = 20 * kMm;

// Text sizes, in points.
constexpr double kBodySize = 9.5;
constexpr double kSmallSize = 8;
constexpr double kTitleSize = 17;
constexpr double kSubtitleSize = 11.5;
constexpr double kHeadingSize = 12;
constexpr double kSubheadingSize = 10.5;
constexpr double kTableSize = 8.5;
constexpr double kFooterSize = 8;

// The footer: a thin rule, then one line of small text, at the bottom of the margin box.
constexpr double kFooterHeight = 11;
constexpr double kFooterRuleGap = 3;
constexpr double kFooterSpace = 22;  // from the bottom of the content to the bottom margin

// Table cells.
constexpr double kCellPadX = 4;
constexpr double kCellPadY = 2.5;

constexpr double kLogoHeight = 18 * kMm;
constexpr double kSignatureLength = 70 * kMm;

struct PageSize {
    double width = 0;
    double height = 0;
};

PageSize SizeOf(core::PaperSize paper) {
    switch (paper) {
        case core::PaperSize::kLetter:
            return {612, 792};
        case core::PaperSize::kA4:
            break;
    }
    return {595.28, 841.89};
}

using DrawAt = std::function<void(cairo_t*, double y)>;

// A piece of the flow that is never split across pages.
struct Unit {
    double height = 0;
    DrawAt draw;
};

// A block as the page breaker sees it: units with room around them, a header repeated at the
// top of every page the units continue on (tables), and whether it must stay on the page of
// what follows it (headings).
struct Flow {
    double space_before = 0;
    double space_after = 0;
    std::optional<Unit> header;
    std::vector<Unit> units;
    bool keep_with_next = false;
    bool page_break = false;
};

// A unit placed on a page; `clip_bottom` when it is taller than the page (a last resort).
struct Placed {
    DrawAt draw;
    double y = 0;
    std::optional<double> clip_bottom;
};

struct Page {
    std::vector<Placed> items;
};

// The PDF bytes go to the caller's stream until the rendering is abandoned: a cancelled or
// failed render writes nothing more.
struct StreamSink {
    std::ostream* out = nullptr;
    bool open = true;
};

cairo_status_t WriteToStream(void* closure, const unsigned char* data, unsigned int length) {
    auto* sink = static_cast<StreamSink*>(closure);
    if (!sink->open) {
        return CAIRO_STATUS_SUCCESS;
    }
    sink->out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return *sink->out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

// The logo, or nothing when ReadLogo refuses it (missing, not a regular file, not a PNG,
// over the limits): the report is made without it.
std::shared_ptr<cairo_surface_t> LoadLogo(const std::string& path) {
    if (path.empty()) {
        return nullptr;
    }
    const LogoFile logo = ReadLogo(path);
    if (!logo.Ok()) {
        return nullptr;
    }
    return detail::DecodePng(logo.png);
}

// Lays out the blocks (measuring their text with pango) into flows, then the flows into pages.
class Typesetter {
  public:
    Typesetter(PangoContext* context, PageSize page)
        : m_context(context),
          m_left(kMargin),
          m_width(page.width - 2 * kMargin),
          m_top(kMargin),
          m_bottom(page.height - kMargin - kFooterSpace) {}

    double ContentHeight() const { return m_bottom - m_top; }

    Flow LetterheadFlow(const Letterhead& letterhead, std::shared_ptr<cairo_surface_t> logo) const;
    Flow TitleFlow(const Document& document) const;
    Flow BlockFlow(const Block& block) const;
    // One signature line, or two side by side.
    Flow SignatureFlow(const std::vector<const SignatureLine*>& row) const;

    // Breaks the flows into pages; `page_done(n)` after each page is complete.
    std::vector<Page> Paginate(const std::vector<Flow>& flows,
                               const std::function<void(int pages_done)>& page_done) const;

  private:
    LayoutPtr Layout(std::string_view text, const TextStyle& style, double width) const {
        return detail::MakeLayout(m_context, text, style, width);
    }

    // Each line of the text a unit of its own, so that a long paragraph continues on the next
    // page.
    std::vector<Unit> TextLines(std::string_view text, const TextStyle& style, double x,
                                double width) const;
    // The text as one unit.
    Unit TextBlock(std::string_view text, const TextStyle& style, double x, double width) const;

    Flow HeadingFlow(const Heading& heading) const;
    Flow ParagraphFlow(const Paragraph& paragraph) const;
    Flow FactListFlow(const FactList& facts) const;
    Flow TableFlow(const Table& table) const;

    template <typename Chart>
    Flow ChartFlow(const Chart& chart, double (*height)(const Chart&, double),
                   void (*draw)(cairo_t*, const Chart&, double, double, double)) const;

    // The room flow `index` needs at the top of a page to start there: its header and first
    // unit, and for a heading the start of what follows it.
    double StartHeight(const std::vector<Flow>& flows, std::size_t index, int depth = 0) const;

    PangoContext* m_context;
    double m_left;
    double m_width;
    double m_top;
    double m_bottom;
};

std::vector<Unit> Typesetter::TextLines(std::string_view text, const TextStyle& style, double x,
                                        double width) const {
    const LayoutPtr layout = Layout(text, style, width);
    const std::vector<LineExtent> lines = detail::LineExtents(layout.get());
    std::vector<Unit> units;
    units.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LineExtent line = lines[i];
        // Each line reaches down to where the next begins (pango's line spacing included).
        const double bottom = i + 1 < lines.size() ? lines[i + 1].top : line.bottom;
        const int index = static_cast<int>(i);
        const Rgb colour = style.colour;
        units.push_back(
            {bottom - line.top, [layout, line, index, x, colour](cairo_t* cr, double y) {
                 detail::DrawLayoutLine(cr, layout.get(), index, line, x, y - line.top, colour);
             }});
    }
    return units;
}

Unit Typesetter::TextBlock(std::string_view text, const TextStyle& style, double x,
                           double width) const {
    const LayoutPtr layout = Layout(text, style, width);
    const Rgb colour = style.colour;
    return {LayoutHeight(layout.get()), [layout, x, colour](cairo_t* cr, double y) {
                DrawLayout(cr, layout.get(), x, y, colour);
            }};
}

Flow Typesetter::LetterheadFlow(const Letterhead& letterhead,
                                std::shared_ptr<cairo_surface_t> logo) const {
    Flow flow;
    std::string details;
    for (const std::string& line : letterhead.address_lines) {
        if (!line.empty()) {
            details += (details.empty() ? "" : "\n") + line;
        }
    }
    if (letterhead.clinic_name.empty() && details.empty() && letterhead.contact.empty() && !logo) {
        return flow;
    }
    double logo_width = 0;
    double logo_height = 0;
    if (logo) {
        const double pixels_wide = cairo_image_surface_get_width(logo.get());
        const double pixels_high = cairo_image_surface_get_height(logo.get());
        logo_height = kLogoHeight;
        logo_width = pixels_wide * logo_height / pixels_high;
        // A very wide logo is narrowed to 45% of the width (and kept in proportion).
        if (logo_width > m_width * 0.45) {
            logo_width = m_width * 0.45;
            logo_height = pixels_high * logo_width / pixels_wide;
        }
    }
    const double text_width = m_width - (logo ? logo_width + 12 : 0);
    const LayoutPtr name = Layout(letterhead.clinic_name, Style(14, true), text_width);
    const LayoutPtr address = Layout(details, Style(9, false, colours::kText), text_width);
    const LayoutPtr contact =
        Layout(letterhead.contact, Style(9, false, colours::kMuted), text_width);
    const double name_height = letterhead.clinic_name.empty() ? 0 : LayoutHeight(name.get()) + 2;
    const double address_height = details.empty() ? 0 : LayoutHeight(address.get());
    const double contact_height = letterhead.contact.empty() ? 0 : LayoutHeight(contact.get());
    const double text_height = name_height + address_height + contact_height;
    const double height = std::max(text_height, logo_height) + 8;
    const double left = m_left;
    const double width = m_width;
    flow.units.push_back({height + 1, [=](cairo_t* cr, double y) {
                              double at = y;
                              if (name_height > 0) {
                                  DrawLayout(cr, name.get(), left, at, colours::kText);
                                  at += name_height;
                              }
                              if (address_height > 0) {
                                  DrawLayout(cr, address.get(), left, at, colours::kText);
                                  at += address_height;
                              }
                              if (contact_height > 0) {
                                  DrawLayout(cr, contact.get(), left, at, colours::kMuted);
                              }
                              if (logo) {
                                  cairo_save(cr);
                                  cairo_translate(cr, left + width - logo_width, y);
                                  cairo_scale(
                                      cr, logo_width / cairo_image_surface_get_width(logo.get()),
                                      logo_height / cairo_image_surface_get_height(logo.get()));
                                  cairo_set_source_surface(cr, logo.get(), 0, 0);
                                  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
                                  cairo_paint(cr);
                                  cairo_restore(cr);
                              }
                              detail::StrokeLine(cr, left, y + height + 0.5, left + width,
                                                 y + height + 0.5, 0.8, colours::kRule);
                          }});
    flow.space_after = 12;
    return flow;
}

Flow Typesetter::TitleFlow(const Document& document) const {
    Flow flow;
    if (!document.title.empty()) {
        flow.units.push_back(TextBlock(document.title, Style(kTitleSize, true), m_left, m_width));
    }
    if (!document.subtitle.empty()) {
        Unit subtitle = TextBlock(document.subtitle, Style(kSubtitleSize, false, colours::kMuted),
                                  m_left, m_width);
        // A little air between the title and the subtitle.
        subtitle.height += 2;
        flow.units.push_back(std::move(subtitle));
    }
    flow.space_after = 10;
    flow.keep_with_next = true;
    return flow;
}

Flow Typesetter::HeadingFlow(const Heading& heading) const {
    Flow flow;
    const bool section = heading.level <= 1;
    flow.units.push_back(TextBlock(
        heading.text, Style(section ? kHeadingSize : kSubheadingSize, true), m_left, m_width));
    flow.space_before = section ? 14 : 9;
    flow.space_after = section ? 5 : 3;
    flow.keep_with_next = true;
    return flow;
}

Flow Typesetter::ParagraphFlow(const Paragraph& paragraph) const {
    TextStyle style = Style(kBodySize);
    switch (paragraph.style) {
        case ParagraphStyle::kNormal:
            break;
        case ParagraphStyle::kSmall:
            style = Style(kSmallSize, false, colours::kMuted);
            break;
        case ParagraphStyle::kWarning:
            style = Style(kBodySize, true, colours::kWarning);
            break;
    }
    Flow flow;
    flow.units = TextLines(paragraph.text, style, m_left, m_width);
    flow.space_before = 3;
    flow.space_after = 5;
    return flow;
}

Flow Typesetter::FactListFlow(const FactList& facts) const {
    Flow flow;
    if (facts.facts.empty()) {
        return flow;
    }
    const TextStyle label_style = Style(kBodySize - 0.5, true, colours::kMuted);
    const TextStyle value_style = Style(kBodySize);
    double widest = 0;
    for (const auto& [label, value] : facts.facts) {
        widest = std::max(widest, LayoutWidth(Layout(label, label_style, 0).get()));
    }
    const double label_width = std::clamp(std::ceil(widest) + 2, m_width * 0.22, m_width * 0.4);
    constexpr double kGap = 12;
    const double value_left = m_left + label_width + kGap;
    const double value_width = m_width - label_width - kGap;
    const double left = m_left;
    for (const auto& [label, value] : facts.facts) {
        const LayoutPtr label_layout = Layout(label, label_style, label_width);
        const LayoutPtr value_layout = Layout(value, value_style, value_width);
        // Both columns share the first baseline.
        const double label_baseline =
            pango_units_to_double(pango_layout_get_baseline(label_layout.get()));
        const double value_baseline =
            pango_units_to_double(pango_layout_get_baseline(value_layout.get()));
        const double shift = value_baseline - label_baseline;
        const double height =
            std::max(LayoutHeight(label_layout.get()) + shift, LayoutHeight(value_layout.get())) +
            3;
        flow.units.push_back({height, [=](cairo_t* cr, double y) {
                                  DrawLayout(cr, label_layout.get(), left, y + shift,
                                             colours::kMuted);
                                  DrawLayout(cr, value_layout.get(), value_left, y, colours::kText);
                              }});
    }
    flow.space_before = 3;
    flow.space_after = 6;
    return flow;
}

Flow Typesetter::TableFlow(const Table& table) const {
    Flow flow;
    flow.space_before = 4;
    flow.space_after = 9;
    if (table.columns.empty()) {
        return flow;
    }
    double total_weight = 0;
    for (const TableColumn& column : table.columns) {
        total_weight += std::max(column.weight, 0.01);
    }
    std::vector<double> lefts;
    std::vector<double> widths;
    double at = m_left;
    for (const TableColumn& column : table.columns) {
        const double width = m_width * std::max(column.weight, 0.01) / total_weight;
        lefts.push_back(at);
        widths.push_back(width);
        at += width;
    }
    const double left = m_left;
    const double width = m_width;

    // A row of cells: each wrapped in its column, the row as tall as its tallest cell.
    struct Cells {
        std::vector<LayoutPtr> layouts;
        double height = 0;
    };
    const auto make_row = [&](const auto& texts, bool header) {
        Cells cells;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const std::string& text = c < texts.size() ? texts[c] : std::string();
            TextStyle style = Style(kTableSize, header, colours::kText, table.columns[c].align);
            const LayoutPtr layout = Layout(text, style, std::max(1.0, widths[c] - 2 * kCellPadX));
            cells.height = std::max(cells.height, LayoutHeight(layout.get()));
            cells.layouts.push_back(layout);
        }
        cells.height += 2 * kCellPadY;
        return cells;
    };
    const auto draw_cells = [lefts](cairo_t* cr, const Cells& cells, double y) {
        for (std::size_t c = 0; c < cells.layouts.size(); ++c) {
            DrawLayout(cr, cells.layouts[c].get(), lefts[c] + kCellPadX, y + kCellPadY,
                       colours::kText);
        }
    };

    std::vector<std::string> titles;
    for (const TableColumn& column : table.columns) {
        titles.push_back(column.title);
    }
    const auto header = std::make_shared<Cells>(make_row(titles, true));
    flow.header =
        Unit{header->height, [=](cairo_t* cr, double y) {
                 detail::FillRect(cr, left, y, width, header->height, colours::kHeaderFill);
                 draw_cells(cr, *header, y);
                 detail::StrokeLine(cr, left, y + header->height - 0.4, left + width,
                                    y + header->height - 0.4, 0.8, colours::kMuted);
             }};

    if (table.rows.empty()) {
        TextStyle style = Style(kTableSize, false, colours::kMuted);
        style.italic = true;
        const LayoutPtr empty = Layout(table.empty_text, style, width - 2 * kCellPadX);
        const double height = LayoutHeight(empty.get()) + 2 * kCellPadY;
        flow.units.push_back({height, [=](cairo_t* cr, double y) {
                                  DrawLayout(cr, empty.get(), left + kCellPadX, y + kCellPadY,
                                             colours::kMuted);
                                  detail::StrokeLine(cr, left, y + height - 0.2, left + width,
                                                     y + height - 0.2, 0.4, colours::kRule);
                              }});
        return flow;
    }
    flow.units.reserve(table.rows.size());
    for (const std::vector<std::string>& texts : table.rows) {
        const auto row = std::make_shared<Cells>(make_row(texts, false));
        flow.units.push_back({row->height, [=](cairo_t* cr, double y) {
                                  draw_cells(cr, *row, y);
                                  detail::StrokeLine(cr, left, y + row->height - 0.2, left + width,
                                                     y + row->height - 0.2, 0.4, colours::kRule);
                              }});
    }
    return flow;
}

Flow Typesetter::SignatureFlow(const std::vector<const SignatureLine*>& row) const {
    Flow flow;
    constexpr double kRoomToSign = 30;
    struct Drawn {
        LayoutPtr name;
        LayoutPtr caption;
        double name_height = 0;
        double caption_height = 0;
        double left = 0;
    };
    // Side by side, each in its own half of the width ("Therapist" and "Date").
    std::vector<std::shared_ptr<Drawn>> drawn;
    double height = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
        const SignatureLine& signature = *row[i];
        auto item = std::make_shared<Drawn>();
        item->name = Layout(signature.name, Style(kBodySize), kSignatureLength + 60);
        item->caption = Layout(signature.caption, Style(kSmallSize, false, colours::kMuted),
                               kSignatureLength + 60);
        item->name_height = signature.name.empty() ? 0 : LayoutHeight(item->name.get());
        item->caption_height = signature.caption.empty() ? 0 : LayoutHeight(item->caption.get());
        item->left = m_left + static_cast<double>(i) * m_width / 2;
        height = std::max(height, kRoomToSign + 3 + item->name_height + item->caption_height);
        drawn.push_back(std::move(item));
    }
    flow.units.push_back(
        {height, [=](cairo_t* cr, double y) {
             const double line_y = y + kRoomToSign;
             for (const auto& item : drawn) {
                 detail::StrokeLine(cr, item->left, line_y, item->left + kSignatureLength, line_y,
                                    0.7, colours::kText);
                 if (item->name_height > 0) {
                     DrawLayout(cr, item->name.get(), item->left, line_y + 3, colours::kText);
                 }
                 if (item->caption_height > 0) {
                     DrawLayout(cr, item->caption.get(), item->left, line_y + 3 + item->name_height,
                                colours::kMuted);
                 }
             }
         }});
    flow.space_before = 10;
    flow.space_after = 8;
    return flow;
}

template <typename Chart>
Flow Typesetter::ChartFlow(const Chart& chart, double (*height)(const Chart&, double),
                           void (*draw)(cairo_t*, const Chart&, double, double, double)) const {
    Flow flow;
    const double natural = height(chart, m_width);
    // A chart taller than a page (many small multiples) is drawn smaller to stay whole, with
    // room left for a heading above it.
    const double room = ContentHeight() - 40;
    const double scale = natural > room ? room / natural : 1.0;
    const double left = m_left + m_width * (1 - scale) / 2;
    const double width = m_width;
    // The document outlives the drawing (RenderPdf holds it), so the chart is not copied.
    const Chart* shown = &chart;
    flow.units.push_back({natural * scale, [=](cairo_t* cr, double y) {
                              cairo_save(cr);
                              cairo_translate(cr, left, y);
                              cairo_scale(cr, scale, scale);
                              draw(cr, *shown, 0, 0, width);
                              cairo_restore(cr);
                          }});
    flow.space_before = 6;
    flow.space_after = 10;
    return flow;
}

Flow Typesetter::BlockFlow(const Block& block) const {
    return std::visit(
        [this](const auto& item) -> Flow {
            using T = std::decay_t<decltype(item)>;
            if constexpr (std::is_same_v<T, Heading>) {
                return HeadingFlow(item);
            } else if constexpr (std::is_same_v<T, Paragraph>) {
                return ParagraphFlow(item);
            } else if constexpr (std::is_same_v<T, FactList>) {
                return FactListFlow(item);
            } else if constexpr (std::is_same_v<T, Table>) {
                return TableFlow(item);
            } else if constexpr (std::is_same_v<T, BarChart>) {
                return ChartFlow<BarChart>(item, &BarChartHeight, &DrawBarChart);
            } else if constexpr (std::is_same_v<T, PainTrendChart>) {
                return ChartFlow<PainTrendChart>(item, &PainTrendChartHeight, &DrawPainTrendChart);
            } else if constexpr (std::is_same_v<T, BodyChartFigure>) {
                return ChartFlow<BodyChartFigure>(item, &BodyChartFigureHeight,
                                                  &DrawBodyChartFigure);
            } else if constexpr (std::is_same_v<T, SignatureLine>) {
                return SignatureFlow({&item});
            } else {
                static_assert(std::is_same_v<T, PageBreak>);
                Flow flow;
                flow.page_break = true;
                return flow;
            }
        },
        block);
}

double Typesetter::StartHeight(const std::vector<Flow>& flows, std::size_t index, int depth) const {
    const Flow& flow = flows[index];
    double height = flow.header ? flow.header->height : 0;
    if (!flow.units.empty()) {
        height += flow.units.front().height;
    }
    if (flow.keep_with_next && depth < 4) {
        // The next flow with something to show (an empty one is skipped), unless a page break.
        for (std::size_t next = index + 1; next < flows.size(); ++next) {
            if (flows[next].page_break) {
                break;
            }
            if (flows[next].units.empty() && !flows[next].header) {
                continue;
            }
            height +=
                flow.space_after + flows[next].space_before + StartHeight(flows, next, depth + 1);
            break;
        }
    }
    return height;
}

std::vector<Page> Typesetter::Paginate(const std::vector<Flow>& flows,
                                       const std::function<void(int)>& page_done) const {
    std::vector<Page> pages(1);
    double y = m_top;
    double fresh_y = m_top;  // where the page's first unit (after a repeated header) starts
    const auto new_page = [&] {
        page_done(static_cast<int>(pages.size()));
        pages.emplace_back();
        y = m_top;
        fresh_y = m_top;
    };
    const auto place = [&](const Unit& unit) {
        Placed placed{unit.draw, y, std::nullopt};
        if (y + unit.height > m_bottom + 0.01) {
            placed.clip_bottom = m_bottom;
        }
        pages.back().items.push_back(std::move(placed));
        y += unit.height;
    };
    const auto fits = [&](double height) { return y + height <= m_bottom + 0.01; };

    for (std::size_t i = 0; i < flows.size(); ++i) {
        const Flow& flow = flows[i];
        if (flow.page_break) {
            if (y > m_top) {
                new_page();
            }
            continue;
        }
        if (flow.units.empty() && !flow.header) {
            continue;
        }
        // Start on the next page when the start of the block (with what it keeps with) does not
        // fit on this one.
        const double before = y > m_top ? flow.space_before : 0;
        if (y > m_top && !fits(before + StartHeight(flows, i))) {
            new_page();
        } else {
            y += before;
        }
        const auto place_header = [&] {
            if (flow.header) {
                place(*flow.header);
            }
            fresh_y = y;
        };
        const double block_start = y;
        place_header();
        for (std::size_t u = 0; u < flow.units.size(); ++u) {
            const Unit& unit = flow.units[u];
            const bool fresh = y <= fresh_y + 0.01 && (u > 0 || block_start <= m_top + 0.01);
            if (!fits(unit.height) && !fresh) {
                new_page();
                place_header();
            }
            place(unit);
        }
        y += flow.space_after;
    }
    page_done(static_cast<int>(pages.size()));
    return pages;
}

// The footer of one page: the document's text on the left, the print date in the middle, the
// page number on the right, small and grey under a thin rule.
void DrawFooter(cairo_t* cr, PangoContext* context, const Document& document, PageSize page,
                int number, int count) {
    const double left = kMargin;
    const double width = page.width - 2 * kMargin;
    const double top = page.height - kMargin - kFooterHeight;
    detail::StrokeLine(cr, left, top - kFooterRuleGap, left + width, top - kFooterRuleGap, 0.5,
                       colours::kRule);
    TextStyle style = Style(kFooterSize, false, colours::kMuted);
    style.single_line = true;

    std::string page_text =
        detail::ReplaceAll(document.page_format, "{page}", std::to_string(number));
    page_text = detail::ReplaceAll(page_text, "{pages}", std::to_string(count));
    constexpr double kGap = 12;
    const auto natural_width = [&](const std::string& text) {
        return text.empty() ? 0.0 : LayoutWidth(detail::MakeLayout(context, text, style, 0).get());
    };
    // The page number first (it must show whole), then the print date centred, moved right
    // when the footer text needs the room, then the footer text in what is left ("…" if long).
    const double right_width = std::min(natural_width(page_text), width * 0.3);
    const double right_left = left + width - right_width;
    const double centre_width = std::min(natural_width(document.printed_text), width * 0.3);
    const double footer_width = natural_width(document.footer_text);
    double centre_left = left + (width - centre_width) / 2;
    if (centre_width > 0) {
        centre_left = std::clamp(left + footer_width + kGap, centre_left,
                                 std::max(centre_left, right_left - kGap - centre_width));
    }
    const double left_width = (centre_width > 0  ? centre_left
                               : right_width > 0 ? right_left
                                                 : left + width + kGap) -
                              kGap - left;

    if (right_width > 0) {
        DrawLayout(cr, detail::MakeLayout(context, page_text, style, right_width + 1).get(),
                   right_left - 1, top, colours::kMuted);
    }
    if (centre_width > 0) {
        DrawLayout(
            cr, detail::MakeLayout(context, document.printed_text, style, centre_width + 1).get(),
            centre_left, top, colours::kMuted);
    }
    if (footer_width > 0 && left_width > 0) {
        DrawLayout(cr, detail::MakeLayout(context, document.footer_text, style, left_width).get(),
                   left, top, colours::kMuted);
    }
}

}  // namespace

int RenderPdf(const Document& document, const PdfOptions& options, std::ostream& out) {
    const PageSize page = SizeOf(options.paper);
    StreamSink sink{&out, true};
    const detail::SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(WriteToStream, &sink, page.width, page.height));
    try {
        CheckStatus(cairo_surface_status(surface.get()), "cannot create the PDF");
        if (!document.title.empty()) {
            const std::unique_ptr<gchar, void (*)(void*)> title(
                g_utf8_make_valid(document.title.data(),
                                  static_cast<gssize>(document.title.size())),
                g_free);
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.get());
        }
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "MyoDesk");
        const detail::CairoPtr cr(cairo_create(surface.get()));
        CheckStatus(cairo_status(cr.get()), "cannot draw the PDF");
        const detail::PangoContextPtr context(pango_cairo_create_context(cr.get()));

        const auto report = [&](int done, int total) {
            if (options.progress && !options.progress(done, total)) {
                throw RenderCancelled();
            }
        };

        // Pass 1: every block measured and placed on its page, so that "page N of M" knows M.
        const Typesetter typesetter(context.get(), page);
        std::vector<Flow> flows;
        flows.reserve(document.blocks.size() + 2);
        flows.push_back(typesetter.LetterheadFlow(document.letterhead,
                                                  LoadLogo(document.letterhead.logo_path)));
        flows.push_back(typesetter.TitleFlow(document));
        for (std::size_t i = 0; i < document.blocks.size(); ++i) {
            const auto* first = std::get_if<SignatureLine>(&document.blocks[i]);
            const auto* second = i + 1 < document.blocks.size()
                                     ? std::get_if<SignatureLine>(&document.blocks[i + 1])
                                     : nullptr;
            if (first != nullptr && second != nullptr) {
                // Two signature lines in a row share one line of the page.
                flows.push_back(typesetter.SignatureFlow({first, second}));
                ++i;
                continue;
            }
            flows.push_back(typesetter.BlockFlow(document.blocks[i]));
        }
        // While laying out, the number of pages is not known yet: the total counts one more.
        const std::vector<Page> pages =
            typesetter.Paginate(flows, [&](int done) { report(done, 2 * done + 2); });
        const int count = static_cast<int>(pages.size());

        // Pass 2: drawing.
        for (int number = 1; number <= count; ++number) {
            for (const Placed& placed : pages[static_cast<std::size_t>(number - 1)].items) {
                cairo_save(cr.get());
                if (placed.clip_bottom) {
                    cairo_rectangle(cr.get(), 0, 0, page.width, *placed.clip_bottom);
                    cairo_clip(cr.get());
                }
                placed.draw(cr.get(), placed.y);
                cairo_restore(cr.get());
            }
            DrawFooter(cr.get(), context.get(), document, page, number, count);
            cairo_show_page(cr.get());
            CheckStatus(cairo_status(cr.get()), "cannot draw the PDF");
            report(count + number, 2 * count);
        }
        cairo_surface_finish(surface.get());
        CheckStatus(cairo_surface_status(surface.get()), "cannot write the PDF");
        out.flush();
        return count;
    } catch (...) {
        // Whatever cairo still holds is not written when the surface goes.
        sink.open = false;
        throw;
    }
}

}  // namespace myodesk::reports
