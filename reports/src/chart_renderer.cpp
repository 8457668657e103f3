#include "render_support.h"

#include <myodesk/reports/chart_renderer.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <numbers>
#include <optional>

namespace myodesk::reports {

using detail::DrawLayout;
using detail::LayoutHeight;
using detail::LayoutPtr;
using detail::LayoutWidth;
using detail::MakeLayout;
using detail::PangoContextPtr;
using detail::Rgb;
using detail::SetColour;
using detail::Style;
using detail::TextStyle;
namespace colours = detail::colours;

namespace {

// Text sizes of the charts, in points.
constexpr double kTitleSize = 9.5;
constexpr double kLabelSize = 8;
constexpr double kTickSize = 7;
// The height given to one line of text of a size: the charts' heights depend on the width
// only, never on the fonts installed.
double LineBox(double size) {
    return std::ceil(size * 1.35);
}

// Text set in the charts' context, drawn vertically centred in a box of LineBox height.
class ChartText {
  public:
    explicit ChartText(cairo_t* cr) : m_cr(cr), m_context(pango_cairo_create_context(cr)) {}

    LayoutPtr Layout(std::string_view text, const TextStyle& style, double width = 0) const {
        return MakeLayout(m_context.get(), text, style, width);
    }

    // One line in a box `width` wide (ellipsized, aligned as the style says) at (x, top).
    void Line(std::string_view text, const TextStyle& style, double x, double top,
              double width) const {
        TextStyle one_line = style;
        one_line.single_line = true;
        const LayoutPtr layout = Layout(text, one_line, width);
        const double height = LayoutHeight(layout.get());
        DrawLayout(m_cr, layout.get(), x, top + (LineBox(style.size) - height) / 2, style.colour);
    }

    double Width(std::string_view text, const TextStyle& style) const {
        return LayoutWidth(Layout(text, style).get());
    }

  private:
    cairo_t* m_cr;
    PangoContextPtr m_context;
};

TextStyle EmptyStyle() {
    TextStyle style = Style(8.5, false, colours::kMuted);
    style.italic = true;
    return style;
}

// --- Bar chart ---

constexpr double kBarPitch = 17;
constexpr double kBarThickness = 10.5;
constexpr double kTitleGap = 5;

double TitleHeight(const std::string& title) {
    return title.empty() ? 0 : LineBox(kTitleSize) + kTitleGap;
}

// --- Pain trend chart ---

struct PainGrid {
    int columns = 1;
    int rows = 0;
    double panel_width = 0;
    double plot_height = 0;
    double panel_height = 0;
};

constexpr double kLegendHeight = 18;
constexpr double kPanelGapX = 16;
constexpr double kPanelGapY = 10;
constexpr double kPanelTitle = 14;  // the region's name above its plot
constexpr double kPanelTicks = 13;  // the dates under the plot
constexpr double kAxisLabels = 15;  // the 0 / 5 / 10 left of the plot
constexpr double kPlotInset = 6;    // room inside the plot so that edge points show whole

PainGrid PainGridFor(const PainTrendChart& chart, double width) {
    PainGrid grid;
    const auto count = static_cast<int>(chart.series.size());
    if (count == 0) {
        return grid;
    }
    grid.columns = count == 1 || width < 340 ? 1 : (count > 6 && width >= 540 ? 3 : 2);
    grid.rows = (count + grid.columns - 1) / grid.columns;
    grid.panel_width = (width - (grid.columns - 1) * kPanelGapX) / grid.columns;
    grid.plot_height = std::clamp(grid.panel_width * 0.36, 64.0, 104.0);
    grid.panel_height = kPanelTitle + grid.plot_height + kPanelTicks;
    return grid;
}

double DayNumber(const core::Date& date) {
    return static_cast<double>(std::chrono::sys_days(date).time_since_epoch().count());
}

// "−3" (a real minus sign), "+2".
std::string ChangeText(int change) {
    if (change < 0) {
        return fmt::format("\u2212{}", -change);
    }
    return fmt::format("+{}", change);
}

void Circle(cairo_t* cr, double x, double y, double radius) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, radius, 0, 2 * std::numbers::pi);
}

void Diamond(cairo_t* cr, double x, double y, double size) {
    cairo_move_to(cr, x, y - size);
    cairo_line_to(cr, x + size, y);
    cairo_line_to(cr, x, y + size);
    cairo_line_to(cr, x - size, y);
    cairo_close_path(cr);
}

void ChangeMarker(cairo_t* cr, double x, double y) {
    Diamond(cr, x, y, 4.2);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    SetColour(cr, colours::kChange);
    cairo_set_line_width(cr, 1.4);
    cairo_stroke(cr);
}

// Where a pain panel's plot sits, and where a score and a date fall in it.
struct PainPlot {
    double left = 0;
    double right = 0;
    double top = 0;
    double bottom = 0;
    double inner_left = 0;
    double inner_right = 0;
    double inner_top = 0;
    double inner_bottom = 0;
    double first = 0;  // the chart's first and last day
    double last = 0;

    double ScoreY(double score) const {
        return inner_bottom - (inner_bottom - inner_top) * std::clamp(score, 0.0, 10.0) / 10.0;
    }
    double DateX(const core::Date& date) const {
        if (last <= first) {
            return (inner_left + inner_right) / 2;
        }
        const double t = (DayNumber(date) - first) / (last - first);
        return inner_left + (inner_right - inner_left) * std::clamp(t, 0.0, 1.0);
    }
};

PainPlot PainPlotAt(const PainTrendChart& chart, double x, double y, const PainGrid& grid) {
    PainPlot plot;
    plot.left = x + kAxisLabels;
    plot.right = x + grid.panel_width - 2;
    plot.top = y + kPanelTitle;
    plot.bottom = plot.top + grid.plot_height;
    plot.inner_left = plot.left + kPlotInset;
    plot.inner_right = plot.right - kPlotInset;
    plot.inner_top = plot.top + kPlotInset;
    plot.inner_bottom = plot.bottom - 3;
    plot.first = DayNumber(chart.first);
    plot.last = DayNumber(chart.last);
    return plot;
}

// The plot's frame, the score grid and a line at every tick.
void DrawPlotFrame(cairo_t* cr, const PainTrendChart& chart, const PainPlot& plot) {
    cairo_save(cr);
    cairo_set_line_width(cr, 0.5);
    for (int score = 0; score <= 10; score += 2) {
        SetColour(cr, colours::kGrid);
        cairo_move_to(cr, plot.left, plot.ScoreY(score));
        cairo_line_to(cr, plot.right, plot.ScoreY(score));
        cairo_stroke(cr);
    }
    for (const AxisTick& tick : chart.ticks) {
        const double tick_x = plot.DateX(tick.date);
        SetColour(cr, colours::kGrid);
        cairo_move_to(cr, tick_x, plot.top);
        cairo_line_to(cr, tick_x, plot.bottom);
        cairo_stroke(cr);
    }
    SetColour(cr, colours::kRule);
    cairo_set_line_width(cr, 0.7);
    cairo_move_to(cr, plot.left, plot.top);
    cairo_line_to(cr, plot.left, plot.bottom);
    cairo_line_to(cr, plot.right, plot.bottom);
    cairo_stroke(cr);
    cairo_restore(cr);
}

// The scores beside the plot; the tick labels under it, centred on their date, left out where
// they would overlap.
void DrawAxisLabels(const ChartText& text, const PainTrendChart& chart, const PainPlot& plot,
                    double x, const PainGrid& grid) {
    const TextStyle axis = Style(kTickSize, false, colours::kMuted, Align::kRight);
    for (const int score : {0, 5, 10}) {
        text.Line(std::to_string(score), axis, x, plot.ScoreY(score) - LineBox(kTickSize) / 2,
                  kAxisLabels - 3);
    }
    const TextStyle tick_style = Style(kTickSize, false, colours::kMuted);
    double free_from = x;
    for (const AxisTick& tick : chart.ticks) {
        const double width = text.Width(tick.label, tick_style);
        const double left = std::clamp(plot.DateX(tick.date) - width / 2, x,
                                       std::max(x, x + grid.panel_width - width));
        if (left < free_from) {
            continue;
        }
        text.Line(tick.label, tick_style, left, plot.bottom + 1.5, width + 1);
        free_from = left + width + 6;
    }
}

// Pain after (lighter, dashed, under) and pain before (solid) through the sessions.
void DrawPainLines(cairo_t* cr, const PainSeries& series, const PainPlot& plot) {
    // Pain after: lighter, under the before line.
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    SetColour(cr, colours::kAccentLight);
    cairo_set_line_width(cr, 1);
    const double dashes[] = {3, 2};
    cairo_set_dash(cr, dashes, 2, 0);
    // One score's line through the sessions, broken where it was not taken, and its dots.
    const auto plot_score = [&](std::optional<int> PainPoint::*score, double dot_radius,
                                bool dashed) {
        bool drawing = false;
        for (const PainPoint& point : series.points) {
            if (!(point.*score)) {
                drawing = false;
                continue;
            }
            const double px = plot.DateX(point.date);
            const double py = plot.ScoreY(*(point.*score));
            if (drawing) {
                cairo_line_to(cr, px, py);
            } else {
                cairo_move_to(cr, px, py);
                drawing = true;
            }
        }
        cairo_stroke(cr);
        if (dashed) {
            cairo_set_dash(cr, nullptr, 0, 0);
        }
        for (const PainPoint& point : series.points) {
            if (point.*score) {
                Circle(cr, plot.DateX(point.date), plot.ScoreY(*(point.*score)), dot_radius);
            }
        }
        cairo_fill(cr);
    };
    plot_score(&PainPoint::after, 1.9, true);

    // Pain before: solid.
    SetColour(cr, colours::kAccent);
    cairo_set_line_width(cr, 1.6);
    plot_score(&PainPoint::before, 2.1, false);
    cairo_restore(cr);
}

// Marked changes: a diamond and the change beside it.
void DrawChangeMarkers(cairo_t* cr, const ChartText& text, const PainSeries& series,
                       const PainPlot& plot) {
    const TextStyle change_style = Style(kTickSize, true, colours::kChange);
    for (const PainPoint& point : series.points) {
        if (!point.marked_change || !point.before) {
            continue;
        }
        const double px = plot.DateX(point.date);
        const double py = plot.ScoreY(*point.before);
        ChangeMarker(cr, px, py);
        const std::string label = ChangeText(point.change);
        const double width = text.Width(label, change_style) + 1;
        const double box = LineBox(kTickSize);
        // A rise above the point, a fall below it: clear of the line coming in; flipped when
        // there is no room inside the plot.
        const double above = py - 4.5 - box;
        const double below = py + 4.5;
        double top = point.change > 0 ? above : below;
        if (top < plot.top - 2) {
            top = below;
        } else if (top + box > plot.bottom + 1) {
            top = above;
        }
        const double left = std::clamp(px - width / 2, plot.left, plot.right - width);
        // On a pale patch, so that the lines under it do not cross the figures out.
        cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
        cairo_rectangle(cr, left - 1, top + 1, width + 2, box - 2);
        cairo_fill(cr);
        text.Line(label, change_style, left, top, width);
    }
}

void DrawPainPanel(cairo_t* cr, const ChartText& text, const PainTrendChart& chart,
                   const PainSeries& series, double x, double y, const PainGrid& grid) {
    text.Line(series.title, Style(kLabelSize + 0.5, true), x, y, grid.panel_width);
    const PainPlot plot = PainPlotAt(chart, x, y, grid);
    DrawPlotFrame(cr, chart, plot);
    DrawAxisLabels(text, chart, plot, x, grid);
    DrawPainLines(cr, series, plot);
    DrawChangeMarkers(cr, text, series, plot);
}

void DrawPainLegend(cairo_t* cr, const ChartText& text, const PainTrendChart& chart, double x,
                    double y, double width) {
    const double slot = width / 3;
    const double mid = y + LineBox(kLabelSize) / 2;
    const TextStyle style = Style(kLabelSize, false, colours::kMuted);
    constexpr double kSample = 18;
    cairo_save(cr);
    // Before: a solid line with a point.
    SetColour(cr, colours::kAccent);
    cairo_set_line_width(cr, 1.6);
    cairo_move_to(cr, x, mid);
    cairo_line_to(cr, x + kSample, mid);
    cairo_stroke(cr);
    Circle(cr, x + kSample / 2, mid, 2.1);
    cairo_fill(cr);
    // After: a lighter dashed line with a point.
    SetColour(cr, colours::kAccentLight);
    cairo_set_line_width(cr, 1);
    const double dashes[] = {3, 2};
    cairo_set_dash(cr, dashes, 2, 0);
    cairo_move_to(cr, x + slot, mid);
    cairo_line_to(cr, x + slot + kSample, mid);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    Circle(cr, x + slot + kSample / 2, mid, 1.9);
    cairo_fill(cr);
    cairo_restore(cr);
    // A marked change.
    ChangeMarker(cr, x + 2 * slot + kSample / 2, mid);

    const double label_width = slot - kSample - 10;
    text.Line(chart.before_label, style, x + kSample + 4, y, label_width);
    text.Line(chart.after_label, style, x + slot + kSample + 4, y, label_width);
    text.Line(chart.change_label, style, x + 2 * slot + kSample + 4, y, label_width);
}

// --- Body chart ---

struct FigureLayout {
    double scale = 0;  // points per chart unit
    double front_left = 0;
    double back_left = 0;
    double top = 0;  // offsets from the chart's (x, y) of the figure bounds' top left
    double figure_height = 0;
};

constexpr double kFigureMaxHeight = 200;
constexpr double kFigureLabelHeight = 16;
constexpr double kLegendGap = 10;
constexpr double kSwatchHeight = 11;

double BodyLegendHeight() {
    return LineBox(kLabelSize) + 3 + kSwatchHeight + 2 + LineBox(kTickSize);
}

FigureLayout FigureLayoutFor(double width) {
    const core::ChartBounds bounds = core::FigureBounds();
    FigureLayout layout;
    constexpr double kGapUnits = 0.3;
    layout.scale = std::max(0.0, std::min(width / (2 * bounds.Width() + kGapUnits),
                                          kFigureMaxHeight / bounds.Height()));
    const double figure_width = bounds.Width() * layout.scale;
    // Each view centred in its half of a box not much wider than the two figures.
    const double box = std::min(width, figure_width * 2 * 1.6);
    const double half = box / 2;
    const double box_left = (width - box) / 2;
    layout.front_left = box_left + (half - figure_width) / 2;
    layout.back_left = box_left + half + (half - figure_width) / 2;
    layout.top = kFigureLabelHeight;
    layout.figure_height = bounds.Height() * layout.scale;
    return layout;
}

core::ChartPoint FigurePoint(const FigureLayout& layout, double x, double y, core::BodyView view,
                             core::ChartPoint point) {
    const core::ChartBounds bounds = core::FigureBounds();
    const double left = view == core::BodyView::kFront ? layout.front_left : layout.back_left;
    return {x + left + (point.x - bounds.left) * layout.scale,
            y + layout.top + (point.y - bounds.top) * layout.scale};
}

// The polygon as core::RoundCorners rounds it (the session editor draws the same shape).
void RoundedPath(cairo_t* cr, const FigureLayout& layout, double x, double y, core::BodyView view,
                 const core::ChartPolygon& polygon, double radius) {
    const std::vector<core::RoundedCorner> corners = core::RoundCorners(polygon, radius);
    if (corners.empty()) {
        return;
    }
    const auto at = [&](core::ChartPoint point) { return FigurePoint(layout, x, y, view, point); };
    const core::ChartPoint start = at(corners.front().after);
    cairo_move_to(cr, start.x, start.y);
    for (std::size_t i = 1; i <= corners.size(); ++i) {
        const core::RoundedCorner& corner = corners[i % corners.size()];
        const core::ChartPoint from = at(corner.before);
        const core::ChartPoint control = at(corner.corner);
        const core::ChartPoint to = at(corner.after);
        cairo_line_to(cr, from.x, from.y);
        // The quadratic curve as the cubic cairo draws.
        cairo_curve_to(cr, from.x + 2.0 / 3.0 * (control.x - from.x),
                       from.y + 2.0 / 3.0 * (control.y - from.y),
                       to.x + 2.0 / 3.0 * (control.x - to.x), to.y + 2.0 / 3.0 * (control.y - to.y),
                       to.x, to.y);
    }
    cairo_close_path(cr);
}

bool CountCovers(const RegionCount& count, const core::ChartArea& area) {
    return count.region == area.region &&
           (count.side == area.side || count.side == core::Side::kMidline ||
            count.side == core::Side::kBilateral);
}

// Sessions counted for one area: every count of its region on its side, and the region's
// midline (or both-sides) counts, which belong to each of its areas.
int AreaCount(const BodyChartFigure& figure, const core::ChartArea& area) {
    int total = 0;
    for (const RegionCount& count : figure.counts) {
        if (CountCovers(count, area)) {
            total += std::max(0, count.count);
        }
    }
    return total;
}

Rgb CountShade(int count, int max_count) {
    const double t = max_count <= 1 ? 0.55 : static_cast<double>(count - 1) / (max_count - 1);
    return detail::Mix(colours::kShadeLight, colours::kShadeDeep, t);
}

Rgb Darker(Rgb colour) {
    return detail::Mix(colour, Rgb{0, 0, 0}, 0.25);
}

void DrawBodyLegend(cairo_t* cr, const ChartText& text, const BodyChartFigure& figure,
                    int max_count, double x, double y, double width) {
    text.Line(figure.legend_label, Style(kLabelSize, false, colours::kMuted, Align::kCenter), x, y,
              width);
    if (max_count <= 0) {
        return;
    }
    const double strip_top = y + LineBox(kLabelSize) + 3;
    const double numbers_top = strip_top + kSwatchHeight + 2;
    const TextStyle number = Style(kTickSize, false, colours::kMuted, Align::kCenter);
    if (max_count <= 12) {
        // One swatch per count.
        constexpr double kSwatch = 20;
        constexpr double kGap = 2;
        const double strip = max_count * kSwatch + (max_count - 1) * kGap;
        const double left = x + (width - strip) / 2;
        for (int count = 1; count <= max_count; ++count) {
            const double swatch_left = left + (count - 1) * (kSwatch + kGap);
            const Rgb shade = CountShade(count, max_count);
            detail::FillRect(cr, swatch_left, strip_top, kSwatch, kSwatchHeight, shade);
            text.Line(std::to_string(count), number, swatch_left - 4, numbers_top, kSwatch + 8);
        }
        return;
    }
    // Many counts: a gradient from 1 to the most.
    constexpr double kStrip = 180;
    const double left = x + (width - kStrip) / 2;
    cairo_pattern_t* gradient = cairo_pattern_create_linear(left, 0, left + kStrip, 0);
    const Rgb light = CountShade(1, max_count);
    const Rgb deep = CountShade(max_count, max_count);
    cairo_pattern_add_color_stop_rgb(gradient, 0, light.r, light.g, light.b);
    cairo_pattern_add_color_stop_rgb(gradient, 1, deep.r, deep.g, deep.b);
    cairo_set_source(cr, gradient);
    cairo_rectangle(cr, left, strip_top, kStrip, kSwatchHeight);
    cairo_fill(cr);
    cairo_pattern_destroy(gradient);
    text.Line("1", number, left - 20, numbers_top, 40);
    text.Line(std::to_string(max_count), number, left + kStrip - 20, numbers_top, 40);
}

}  // namespace

// --- Bar chart ---

double BarChartHeight(const BarChart& chart, double /*width*/) {
    const double body = chart.bars.empty() ? LineBox(8.5) + 2
                                           : static_cast<double>(chart.bars.size()) * kBarPitch + 2;
    return TitleHeight(chart.title) + body;
}

void DrawBarChart(cairo_t* cr, const BarChart& chart, double x, double y, double width) {
    cairo_save(cr);
    const ChartText text(cr);
    if (!chart.title.empty()) {
        text.Line(chart.title, Style(kTitleSize, true), x, y, width);
        y += TitleHeight(chart.title);
    }
    if (chart.bars.empty()) {
        text.Line(chart.empty_text, EmptyStyle(), x, y, width);
        cairo_restore(cr);
        return;
    }
    const TextStyle label_style = Style(kLabelSize, false, colours::kText, Align::kRight);
    const TextStyle value_style = Style(kLabelSize, false, colours::kMuted);
    double label_width = 0;
    double value_width = 0;
    double largest = 0;
    for (const Bar& bar : chart.bars) {
        label_width = std::max(label_width, text.Width(bar.label, label_style));
        value_width = std::max(value_width, text.Width(bar.value_text, value_style));
        largest = std::max(largest, bar.value);
    }
    label_width = std::min(std::ceil(label_width) + 1, width * 0.38);
    value_width = std::min(std::ceil(value_width) + 1, width * 0.2);
    const double axis_x = x + label_width + 6;
    const double room = std::max(0.0, x + width - axis_x - value_width - 5);

    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& bar = chart.bars[i];
        const double row_top = y + static_cast<double>(i) * kBarPitch;
        const double centre = row_top + kBarPitch / 2;
        text.Line(bar.label, label_style, x, centre - LineBox(kLabelSize) / 2, label_width);
        double length = largest > 0 ? room * std::max(0.0, bar.value) / largest : 0;
        if (bar.value > 0) {
            length = std::max(length, 1.0);
        }
        detail::FillRect(cr, axis_x, centre - kBarThickness / 2, length, kBarThickness,
                         colours::kAccent);
        text.Line(bar.value_text, value_style, axis_x + length + 4,
                  centre - LineBox(kLabelSize) / 2, value_width + 1);
    }
    detail::StrokeLine(cr, axis_x, y + 1, axis_x,
                       y + static_cast<double>(chart.bars.size()) * kBarPitch - 1, 0.7,
                       colours::kRule);
    cairo_restore(cr);
}

// --- Pain trend chart ---

double PainTrendChartHeight(const PainTrendChart& chart, double width) {
    if (chart.series.empty()) {
        return LineBox(8.5) + 2;
    }
    const PainGrid grid = PainGridFor(chart, width);
    return kLegendHeight + grid.rows * grid.panel_height + (grid.rows - 1) * kPanelGapY + 2;
}

void DrawPainTrendChart(cairo_t* cr, const PainTrendChart& chart, double x, double y,
                        double width) {
    cairo_save(cr);
    const ChartText text(cr);
    if (chart.series.empty()) {
        text.Line(chart.empty_text, EmptyStyle(), x, y, width);
        cairo_restore(cr);
        return;
    }
    DrawPainLegend(cr, text, chart, x, y, width);
    const PainGrid grid = PainGridFor(chart, width);
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const int column = static_cast<int>(i) % grid.columns;
        const int row = static_cast<int>(i) / grid.columns;
        const double panel_x = x + column * (grid.panel_width + kPanelGapX);
        const double panel_y = y + kLegendHeight + row * (grid.panel_height + kPanelGapY);
        DrawPainPanel(cr, text, chart, chart.series[i], panel_x, panel_y, grid);
    }
    cairo_restore(cr);
}

// --- Body chart ---

double BodyChartFigureHeight(const BodyChartFigure& /*figure*/, double width) {
    const FigureLayout layout = FigureLayoutFor(width);
    return layout.top + layout.figure_height + kLegendGap + BodyLegendHeight();
}

core::ChartPoint BodyChartFigurePoint(const BodyChartFigure& /*figure*/, double x, double y,
                                      double width, core::BodyView view, core::ChartPoint point) {
    return FigurePoint(FigureLayoutFor(width), x, y, view, point);
}

void DrawBodyChartFigure(cairo_t* cr, const BodyChartFigure& figure, double x, double y,
                         double width) {
    const FigureLayout layout = FigureLayoutFor(width);
    if (layout.scale <= 0) {
        return;
    }
    cairo_save(cr);
    const ChartText text(cr);
    const std::vector<core::ChartArea>& areas = core::BodyChartAreas();
    int max_count = 0;
    for (const core::ChartArea& area : areas) {
        max_count = std::max(max_count, AreaCount(figure, area));
    }
    const double figure_width = core::FigureBounds().Width() * layout.scale;
    // Line widths scale with the figure a little, so that a small figure stays light.
    const double edge = std::clamp(layout.scale / 160, 0.5, 1.0);

    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (const core::BodyView view : {core::BodyView::kFront, core::BodyView::kBack}) {
        const bool front = view == core::BodyView::kFront;
        const double left = x + (front ? layout.front_left : layout.back_left);
        text.Line(front ? figure.front_label : figure.back_label,
                  Style(kTitleSize, true, colours::kText, Align::kCenter), left - 20, y,
                  figure_width + 40);

        // The silhouette's shapes overlap: stroking them all with a wide pen and filling them on
        // top leaves one contour around the whole figure.
        const std::vector<core::ChartPolygon>& outline = core::BodyOutline(view);
        for (const core::ChartPolygon& polygon : outline) {
            RoundedPath(cr, layout, x, y, view, polygon, core::kChartOutlineRadius);
        }
        SetColour(cr, colours::kFigureEdge);
        cairo_set_line_width(cr, edge * 2.4);
        cairo_stroke(cr);
        for (const core::ChartPolygon& polygon : outline) {
            RoundedPath(cr, layout, x, y, view, polygon, core::kChartOutlineRadius);
            SetColour(cr, colours::kFigure);
            cairo_fill(cr);
        }

        for (const core::ChartArea& area : areas) {
            if (area.view != view) {
                continue;
            }
            const int count = AreaCount(figure, area);
            const Rgb fill = count > 0 ? CountShade(count, max_count) : colours::kUntreated;
            RoundedPath(cr, layout, x, y, view, area.polygon, core::kChartAreaRadius);
            SetColour(cr, fill);
            cairo_fill_preserve(cr);
            SetColour(cr, Darker(fill));
            cairo_set_line_width(cr, edge * 0.6);
            cairo_stroke(cr);
        }
    }

    DrawBodyLegend(cr, text, figure, max_count, x,
                   y + layout.top + layout.figure_height + kLegendGap, width);
    cairo_restore(cr);
}

// --- PNG ---

std::vector<unsigned char> BarChartPng(const BarChart& chart, double width_pt, double scale) {
    return detail::RenderPng(width_pt, BarChartHeight(chart, width_pt), scale,
                             [&](cairo_t* cr) { DrawBarChart(cr, chart, 0, 0, width_pt); });
}

std::vector<unsigned char> PainTrendChartPng(const PainTrendChart& chart, double width_pt,
                                             double scale) {
    return detail::RenderPng(width_pt, PainTrendChartHeight(chart, width_pt), scale,
                             [&](cairo_t* cr) { DrawPainTrendChart(cr, chart, 0, 0, width_pt); });
}

std::vector<unsigned char> BodyChartFigurePng(const BodyChartFigure& figure, double width_pt,
                                              double scale) {
    return detail::RenderPng(width_pt, BodyChartFigureHeight(figure, width_pt), scale,
                             [&](cairo_t* cr) { DrawBodyChartFigure(cr, figure, 0, 0, width_pt); });
}

}  // namespace myodesk::reports
