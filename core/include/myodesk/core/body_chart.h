#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/intake.h>

#include <optional>
#include <vector>

namespace myodesk::core {

// The one definition of the body chart, shared by the session editor (wxGraphicsContext) and
// the reports (cairo). Each view is drawn in a box 1 unit wide and 2 units tall (y down),
// scaled to any size. The front view shows the client facing you (their right on your left);
// the back view shows their back (their right on your right).

enum class BodyView { kFront, kBack };

struct ChartPoint {
    double x = 0;
    double y = 0;
};

using ChartPolygon = std::vector<ChartPoint>;

inline constexpr double kChartViewWidth = 1.0;
inline constexpr double kChartViewHeight = 2.0;

// A place to click: one region on one side (left or right) in one view.
struct ChartArea {
    BodyView view = BodyView::kFront;
    Region region = Region::kCalves;
    Side side = Side::kLeft;
    ChartPolygon polygon;
};

// Every hit area; every region appears, left and right, in at least one view.
const std::vector<ChartArea>& BodyChartAreas();

// The silhouette of a view as closed polygons (head, neck, torso, arms, legs, feet).
const std::vector<ChartPolygon>& BodyOutline(BodyView view);

// The region and side under a point of a view, or nullopt outside every area.
std::optional<RegionSide> RegionAt(BodyView view, ChartPoint point);

// The centre of an area (for labels, and for tests that click it).
ChartPoint Centroid(const ChartPolygon& polygon);

bool Contains(const ChartPolygon& polygon, ChartPoint point);

// --- How the chart is drawn: shapes shared by the session editor and the reports ---

// Corner rounding, in chart units: generous for the silhouette (so that it reads as a body,
// not as boxes), slight for the areas on it.
inline constexpr double kChartOutlineRadius = 0.045;
inline constexpr double kChartAreaRadius = 0.03;

// The part of a view's 1 × 2 box that the figure occupies: the outline's bounds with a
// little room around (for the outline's stroke), so that the figure fills the space given.
struct ChartBounds {
    double left = 0;
    double top = 0;
    double right = kChartViewWidth;
    double bottom = kChartViewHeight;
    double Width() const { return right - left; }
    double Height() const { return bottom - top; }
};
ChartBounds FigureBounds();

// A corner of a polygon drawn rounded: a straight line up to `before`, then a quadratic
// curve with `corner` as its control point to `after`.
struct RoundedCorner {
    ChartPoint before;
    ChartPoint corner;
    ChartPoint after;
};
// The polygon's corners, each rounded by `radius` chart units, but at most `max_fraction` of
// each of its edges (so that short edges keep a straight part between their curves).
std::vector<RoundedCorner> RoundCorners(const ChartPolygon& polygon, double radius,
                                        double max_fraction = 0.4);

// A line segment in chart units.
struct ChartSegment {
    ChartPoint from;
    ChartPoint to;
};
// Parallel hatch lines at 45° ("/"), `spacing` chart units apart, clipped to the polygon:
// how an area to avoid is marked.
std::vector<ChartSegment> HatchLines(const ChartPolygon& polygon, double spacing);

}  // namespace myodesk::core
