#pragma once

#include <myodesk/core/body_chart.h>

#include <wx/colour.h>
#include <wx/geometry.h>

#include <optional>

namespace myodesk::app {

// The pure parts of the body chart control (BodyChartCtrl): where the two views sit in the
// control, the mapping between its pixels and chart units (core/body_chart.h is the one
// definition of the geometry, and of the shapes drawn: FigureBounds, RoundCorners, HatchLines),
// and the shade of a pressure. No window is needed, so all of it is tested on its own.

// A point in one view of the chart, in chart units.
struct ChartHit {
    core::BodyView view = core::BodyView::kFront;
    core::ChartPoint point;
};

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

    // Where the figure's bounds (core::FigureBounds) of a view are in the control.
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

}  // namespace myodesk::app
