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

}  // namespace myodesk::core
