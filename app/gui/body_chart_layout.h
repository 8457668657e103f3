#pragma once

#include <myodesk/core/body_chart.h>

#include <wx/colour.h>
#include <wx/geometry.h>

#include <optional>
#include <vector>

namespace myodesk::app {

// The pure parts of the body chart control (BodyChartCtrl): where the two views sit in the
// control, the mapping between its pixels and chart units (core/body_chart.h is the one
// definition of the geometry), the shade of a pressure, and the shapes drawn (rounded
// corners, hatching). No window is needed, so all of it is tested on its own.

// A point in one view of the chart, in chart units.
struct ChartHit {
    core::BodyView view = core::BodyView::kFront;
    core::ChartPoint point;
};

// The part of a view's 1 × 2 box that the figure occupies: the outline's bounds with a
// little room around, so that the figure fills the control.
struct ChartBounds {
    double left = 0;
    double top = 0;
    double right = core::kChartViewWidth;
    double bottom = core::kChartViewHeight;
    double Width() const { return right - left; }
    double Height() const { return bottom - top; }
};
ChartBounds FigureBounds();

// The front view on the left and the back view on the right, side by side, each scaled
// uniformly (the figure keeps its proportions at any size) and centred in its half.
class BodyChartLayout {
  public:
    // Room around the figures, in pixels.
    struct Margins {
        double top = 0;     // above the figures: the "Front" / "Back" labels
        double bottom = 0;  // below: the legend
        double side = 0;    // left and right of the control
        double gap = 0;     // between the two views
    };

    BodyChartLayout() = default;
    // `width` × `height`: the control's client size in pixels.
    BodyChartLayout(double width, double height, const Margins& margins);

    // Pixels per chart unit (0 when the control is too small to draw in).
    double Scale() const { return m_scale; }
    bool IsEmpty() const { return m_scale <= 0; }

    // Where the figure's bounds (FigureBounds) of a view are in the control.
    wxRect2DDouble FigureRect(core::BodyView view) const;

    wxPoint2DDouble ToPixels(core::BodyView view, core::ChartPoint point) const;
    // The view and chart point under a pixel, or nullopt outside both figures' bounds.
    std::optional<ChartHit> ToChart(wxPoint2DDouble pixel) const;

  private:
    double m_scale = 0;
    wxPoint2DDouble m_front_origin;  // the pixel of chart point (0, 0) in the front view
    wxPoint2DDouble m_back_origin;
};

// The colour of a selected area for a pressure on the 1-10 scale: one hue, from light
// (pressure 1) to dark (10). Values outside 1-10 are clamped.
wxColour PressureShade(int pressure, bool dark_theme = false);

// Relative luminance, 0 (black) to 1 (white), as WCAG defines it.
double Luminance(const wxColour& colour);

// Text readable on a background: black or white, whichever contrasts more.
wxColour TextColourOn(const wxColour& background);

// A corner of a polygon drawn rounded: a straight line up to `before`, then a quadratic
// curve with `corner` as its control point to `after`.
struct RoundedCorner {
    core::ChartPoint before;
    core::ChartPoint corner;
    core::ChartPoint after;
};
// The polygon's corners, each rounded by `radius` chart units, but at most `max_fraction` of
// each of its edges (so that short edges keep a straight part between their curves).
std::vector<RoundedCorner> RoundCorners(const core::ChartPolygon& polygon, double radius,
                                        double max_fraction = 0.4);

// A line segment in chart units.
struct ChartSegment {
    core::ChartPoint from;
    core::ChartPoint to;
};
// Parallel hatch lines at 45° ("/"), `spacing` chart units apart, clipped to the polygon:
// how an area to avoid is marked.
std::vector<ChartSegment> HatchLines(const core::ChartPolygon& polygon, double spacing);

}  // namespace myodesk::app
