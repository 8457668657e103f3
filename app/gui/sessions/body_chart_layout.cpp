#include "sessions/body_chart_layout.h"

#include <algorithm>
#include <cmath>

namespace myodesk::app {

namespace {

double Linear(double channel) {
    const double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

BodyChartLayout::BodyChartLayout(double width, double height, const Margins& margins) {
    const core::ChartBounds bounds = core::FigureBounds();
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
    const core::ChartBounds bounds = core::FigureBounds();
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

}  // namespace myodesk::app
