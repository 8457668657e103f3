#include "body_chart_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace myodesk::app {

namespace {

double Distance(core::ChartPoint a, core::ChartPoint b) {
    return std::hypot(b.x - a.x, b.y - a.y);
}

// The point `distance` along the way from `from` towards `to`.
core::ChartPoint Towards(core::ChartPoint from, core::ChartPoint to, double distance) {
    const double length = Distance(from, to);
    if (length <= 0) {
        return from;
    }
    const double t = distance / length;
    return {from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t};
}

double Linear(double channel) {
    const double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

ChartBounds FigureBounds() {
    static const ChartBounds bounds = [] {
        ChartBounds found{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                          std::numeric_limits<double>::lowest(),
                          std::numeric_limits<double>::lowest()};
        for (const core::BodyView view : {core::BodyView::kFront, core::BodyView::kBack}) {
            for (const core::ChartPolygon& polygon : core::BodyOutline(view)) {
                for (const core::ChartPoint& point : polygon) {
                    found.left = std::min(found.left, point.x);
                    found.right = std::max(found.right, point.x);
                    found.top = std::min(found.top, point.y);
                    found.bottom = std::max(found.bottom, point.y);
                }
            }
        }
        if (found.left > found.right) {
            return ChartBounds{};
        }
        // A little room for the outline's stroke and the hover ring.
        constexpr double kRoom = 0.03;
        found.left = std::max(0.0, found.left - kRoom);
        found.top = std::max(0.0, found.top - kRoom);
        found.right = std::min(core::kChartViewWidth, found.right + kRoom);
        found.bottom = std::min(core::kChartViewHeight, found.bottom + kRoom);
        return found;
    }();
    return bounds;
}

BodyChartLayout::BodyChartLayout(double width, double height, const Margins& margins) {
    const ChartBounds bounds = FigureBounds();
    const double view_width = (width - 2 * margins.side - margins.gap) / 2;
    const double view_height = height - margins.top - margins.bottom;
    if (view_width <= 0 || view_height <= 0 || bounds.Width() <= 0 || bounds.Height() <= 0) {
        return;
    }
    m_scale = std::min(view_width / bounds.Width(), view_height / bounds.Height());
    // Each figure centred in its half; the two halves meet at the middle of the control.
    const double figure_width = bounds.Width() * m_scale;
    const double figure_height = bounds.Height() * m_scale;
    const double top = margins.top + (view_height - figure_height) / 2;
    const double front_left = margins.side + (view_width - figure_width) / 2;
    const double back_left =
        margins.side + view_width + margins.gap + (view_width - figure_width) / 2;
    m_front_origin = {front_left - bounds.left * m_scale, top - bounds.top * m_scale};
    m_back_origin = {back_left - bounds.left * m_scale, top - bounds.top * m_scale};
}

wxRect2DDouble BodyChartLayout::FigureRect(core::BodyView view) const {
    const ChartBounds bounds = FigureBounds();
    const wxPoint2DDouble top_left = ToPixels(view, {bounds.left, bounds.top});
    return {top_left.m_x, top_left.m_y, bounds.Width() * m_scale, bounds.Height() * m_scale};
}

wxPoint2DDouble BodyChartLayout::ToPixels(core::BodyView view, core::ChartPoint point) const {
    const wxPoint2DDouble& origin = view == core::BodyView::kFront ? m_front_origin : m_back_origin;
    return {origin.m_x + point.x * m_scale, origin.m_y + point.y * m_scale};
}

std::optional<ChartHit> BodyChartLayout::ToChart(wxPoint2DDouble pixel) const {
    if (IsEmpty()) {
        return std::nullopt;
    }
    for (const core::BodyView view : {core::BodyView::kFront, core::BodyView::kBack}) {
        if (FigureRect(view).Contains(pixel)) {
            const wxPoint2DDouble& origin =
                view == core::BodyView::kFront ? m_front_origin : m_back_origin;
            return ChartHit{
                view, {(pixel.m_x - origin.m_x) / m_scale, (pixel.m_y - origin.m_y) / m_scale}};
        }
    }
    return std::nullopt;
}

wxColour PressureShade(int pressure, bool dark_theme) {
    const double t = (std::clamp(pressure, 1, 10) - 1) / 9.0;
    // A calm teal, from a pale wash (light pressure) to a deep tone; in a dark theme the deep
    // end is a little brighter so that it stays visible on the dark figure.
    const double pale[3] = {196, 230, 226};
    const double deep[3] = {dark_theme ? 20.0 : 12.0, dark_theme ? 110.0 : 84.0,
                            dark_theme ? 118.0 : 94.0};
    const auto mix = [t](double a, double b) {
        return static_cast<unsigned char>(std::lround(a + (b - a) * t));
    };
    return {mix(pale[0], deep[0]), mix(pale[1], deep[1]), mix(pale[2], deep[2])};
}

double Luminance(const wxColour& colour) {
    return 0.2126 * Linear(colour.Red()) + 0.7152 * Linear(colour.Green()) +
           0.0722 * Linear(colour.Blue());
}

wxColour TextColourOn(const wxColour& background) {
    // Contrast ratio against black and against white; the larger wins.
    const double l = Luminance(background);
    const double with_black = (l + 0.05) / 0.05;
    const double with_white = 1.05 / (l + 0.05);
    return with_black >= with_white ? *wxBLACK : *wxWHITE;
}

std::vector<RoundedCorner> RoundCorners(const core::ChartPolygon& polygon, double radius,
                                        double max_fraction) {
    std::vector<RoundedCorner> corners;
    const std::size_t n = polygon.size();
    if (n < 3) {
        return corners;
    }
    corners.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const core::ChartPoint& previous = polygon[(i + n - 1) % n];
        const core::ChartPoint& corner = polygon[i];
        const core::ChartPoint& next = polygon[(i + 1) % n];
        const double before = std::min(radius, Distance(previous, corner) * max_fraction);
        const double after = std::min(radius, Distance(corner, next) * max_fraction);
        corners.push_back(
            {Towards(corner, previous, before), corner, Towards(corner, next, after)});
    }
    return corners;
}

std::vector<ChartSegment> HatchLines(const core::ChartPolygon& polygon, double spacing) {
    std::vector<ChartSegment> lines;
    if (polygon.size() < 3 || spacing <= 0) {
        return lines;
    }
    // Lines x + y = c, spaced `spacing` apart measured across them.
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const core::ChartPoint& point : polygon) {
        low = std::min(low, point.x + point.y);
        high = std::max(high, point.x + point.y);
    }
    const double step = spacing * std::sqrt(2.0);
    for (double c = low + step / 2; c < high; c += step) {
        std::vector<core::ChartPoint> crossings;
        for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            const core::ChartPoint& a = polygon[j];
            const core::ChartPoint& b = polygon[i];
            const double fa = a.x + a.y - c;
            const double fb = b.x + b.y - c;
            if ((fa < 0) != (fb < 0)) {
                const double t = fa / (fa - fb);
                crossings.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
            }
        }
        std::sort(crossings.begin(), crossings.end(),
                  [](core::ChartPoint a, core::ChartPoint b) { return a.x < b.x; });
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            lines.push_back({crossings[k], crossings[k + 1]});
        }
    }
    return lines;
}

}  // namespace myodesk::app
