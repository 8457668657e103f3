#include <myodesk/core/body_chart.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace myodesk::core {

namespace {

ChartPolygon Box(double left, double top, double right, double bottom) {
    return {{left, top}, {right, top}, {right, bottom}, {left, bottom}};
}

ChartPolygon Mirror(const ChartPolygon& polygon) {
    ChartPolygon mirrored;
    for (auto it = polygon.rbegin(); it != polygon.rend(); ++it) {
        mirrored.push_back({kChartViewWidth - it->x, it->y});
    }
    return mirrored;
}

ChartPolygon Ellipse(double cx, double cy, double rx, double ry) {
    ChartPolygon points;
    constexpr int kSteps = 24;
    for (int i = 0; i < kSteps; ++i) {
        const double angle = 2 * std::numbers::pi * i / kSteps;
        points.push_back({cx + rx * std::cos(angle), cy + ry * std::sin(angle)});
    }
    return points;
}

double Distance(ChartPoint a, ChartPoint b) {
    return std::hypot(b.x - a.x, b.y - a.y);
}

// The point `distance` along the way from `from` towards `to`.
ChartPoint Towards(ChartPoint from, ChartPoint to, double distance) {
    const double length = Distance(from, to);
    if (length <= 0) {
        return from;
    }
    const double t = distance / length;
    return {from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t};
}

// Areas of the client's RIGHT side as seen in each view; the left side is their mirror image.
struct RightSideArea {
    BodyView view;
    Region region;
    ChartPolygon polygon;
};

std::vector<RightSideArea> RightSideAreas() {
    using R = Region;
    constexpr auto kFront = BodyView::kFront;
    constexpr auto kBack = BodyView::kBack;
    return {
        // Front: the client's right is on the viewer's left (x < 0.5).
        {kFront, R::kNeck, Box(0.455, 0.24, 0.50, 0.30)},
        {kFront, R::kShoulders, {{0.26, 0.34}, {0.38, 0.32}, {0.38, 0.42}, {0.27, 0.43}}},
        {kFront, R::kHips, Box(0.31, 0.82, 0.36, 0.97)},
        {kFront, R::kHipFlexors, {{0.38, 0.86}, {0.495, 0.90}, {0.495, 0.98}, {0.39, 0.98}}},
        {kFront, R::kItBand, {{0.33, 1.00}, {0.37, 1.00}, {0.375, 1.28}, {0.345, 1.28}}},
        {kFront, R::kQuadriceps, {{0.37, 1.00}, {0.45, 1.00}, {0.45, 1.30}, {0.375, 1.30}}},
        {kFront, R::kAdductors, {{0.45, 1.00}, {0.495, 1.00}, {0.49, 1.24}, {0.45, 1.24}}},
        {kFront, R::kShins, {{0.405, 1.40}, {0.47, 1.40}, {0.465, 1.72}, {0.415, 1.72}}},
        {kFront, R::kAnkles, Box(0.41, 1.74, 0.47, 1.80)},
        {kFront, R::kFeet, {{0.405, 1.81}, {0.47, 1.81}, {0.475, 1.91}, {0.39, 1.91}}},
        // Back: the client's right is on the viewer's right (x > 0.5).
        {kBack, R::kNeck, Box(0.50, 0.24, 0.545, 0.30)},
        {kBack, R::kUpperBack, Box(0.50, 0.33, 0.62, 0.50)},
        {kBack, R::kShoulders, {{0.62, 0.32}, {0.74, 0.34}, {0.73, 0.43}, {0.62, 0.42}}},
        {kBack, R::kMidBack, Box(0.50, 0.50, 0.62, 0.64)},
        {kBack, R::kLowerBack, Box(0.50, 0.64, 0.63, 0.80)},
        {kBack, R::kGlutes, Box(0.50, 0.80, 0.64, 0.98)},
        {kBack, R::kHips, Box(0.64, 0.82, 0.69, 0.97)},
        {kBack, R::kHamstrings, {{0.51, 1.00}, {0.63, 1.00}, {0.625, 1.30}, {0.52, 1.30}}},
        {kBack, R::kItBand, {{0.63, 1.00}, {0.67, 1.00}, {0.655, 1.28}, {0.625, 1.28}}},
        {kBack, R::kCalves, {{0.525, 1.36}, {0.625, 1.36}, {0.60, 1.64}, {0.535, 1.64}}},
        {kBack, R::kAchilles, Box(0.55, 1.64, 0.59, 1.74)},
        {kBack, R::kAnkles, Box(0.53, 1.74, 0.61, 1.80)},
        {kBack, R::kFeet, {{0.53, 1.81}, {0.61, 1.81}, {0.625, 1.91}, {0.525, 1.91}}},
    };
}

std::vector<ChartPolygon> Silhouette() {
    const ChartPolygon right_arm{{0.28, 0.34}, {0.24, 0.37}, {0.17, 0.70}, {0.13, 0.96},
                                 {0.18, 0.97}, {0.23, 0.72}, {0.31, 0.48}};
    const ChartPolygon right_leg{{0.32, 0.90}, {0.498, 0.90}, {0.48, 1.30},
                                 {0.47, 1.80}, {0.405, 1.80}, {0.36, 1.30}};
    const ChartPolygon right_foot{{0.405, 1.80}, {0.47, 1.80}, {0.478, 1.92}, {0.385, 1.92}};
    return {
        Ellipse(0.5, 0.14, 0.075, 0.095),
        Box(0.455, 0.23, 0.545, 0.31),
        {{0.29, 0.32},
         {0.71, 0.32},
         {0.73, 0.40},
         {0.66, 0.62},
         {0.69, 0.90},
         {0.31, 0.90},
         {0.34, 0.62},
         {0.27, 0.40}},
        right_arm,
        Mirror(right_arm),
        right_leg,
        Mirror(right_leg),
        right_foot,
        Mirror(right_foot),
    };
}

}  // namespace

const std::vector<ChartArea>& BodyChartAreas() {
    static const std::vector<ChartArea> areas = [] {
        std::vector<ChartArea> all;
        for (const auto& area : RightSideAreas()) {
            all.push_back({area.view, area.region, Side::kRight, area.polygon});
            all.push_back({area.view, area.region, Side::kLeft, Mirror(area.polygon)});
        }
        return all;
    }();
    return areas;
}

const std::vector<ChartPolygon>& BodyOutline(BodyView /*view*/) {
    // Front and back share one silhouette; only the areas on it differ.
    static const std::vector<ChartPolygon> outline = Silhouette();
    return outline;
}

bool Contains(const ChartPolygon& polygon, ChartPoint point) {
    // Ray casting: count the edges a ray to the right crosses.
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const ChartPoint& a = polygon[i];
        const ChartPoint& b = polygon[j];
        if ((a.y > point.y) != (b.y > point.y) &&
            point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

std::optional<RegionSide> RegionAt(BodyView view, ChartPoint point) {
    for (const ChartArea& area : BodyChartAreas()) {
        if (area.view == view && Contains(area.polygon, point)) {
            return RegionSide{area.region, area.side};
        }
    }
    return std::nullopt;
}

ChartPoint Centroid(const ChartPolygon& polygon) {
    ChartPoint sum;
    for (const ChartPoint& point : polygon) {
        sum.x += point.x;
        sum.y += point.y;
    }
    const auto count = static_cast<double>(polygon.size());
    return {sum.x / count, sum.y / count};
}

ChartBounds FigureBounds() {
    static const ChartBounds bounds = [] {
        ChartBounds found{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                          std::numeric_limits<double>::lowest(),
                          std::numeric_limits<double>::lowest()};
        for (const BodyView view : {BodyView::kFront, BodyView::kBack}) {
            for (const ChartPolygon& polygon : BodyOutline(view)) {
                for (const ChartPoint& point : polygon) {
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
        found.right = std::min(kChartViewWidth, found.right + kRoom);
        found.bottom = std::min(kChartViewHeight, found.bottom + kRoom);
        return found;
    }();
    return bounds;
}

std::vector<RoundedCorner> RoundCorners(const ChartPolygon& polygon, double radius,
                                        double max_fraction) {
    std::vector<RoundedCorner> corners;
    const std::size_t n = polygon.size();
    if (n < 3) {
        return corners;
    }
    corners.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const ChartPoint& previous = polygon[(i + n - 1) % n];
        const ChartPoint& corner = polygon[i];
        const ChartPoint& next = polygon[(i + 1) % n];
        const double before = std::min(radius, Distance(previous, corner) * max_fraction);
        const double after = std::min(radius, Distance(corner, next) * max_fraction);
        corners.push_back(
            {Towards(corner, previous, before), corner, Towards(corner, next, after)});
    }
    return corners;
}

std::vector<ChartSegment> HatchLines(const ChartPolygon& polygon, double spacing) {
    std::vector<ChartSegment> lines;
    if (polygon.size() < 3 || spacing <= 0) {
        return lines;
    }
    // Lines x + y = c, spaced `spacing` apart measured across them.
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const ChartPoint& point : polygon) {
        low = std::min(low, point.x + point.y);
        high = std::max(high, point.x + point.y);
    }
    const double step = spacing * std::sqrt(2.0);
    for (double c = low + step / 2; c < high; c += step) {
        std::vector<ChartPoint> crossings;
        for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            const ChartPoint& a = polygon[j];
            const ChartPoint& b = polygon[i];
            const double fa = a.x + a.y - c;
            const double fb = b.x + b.y - c;
            if ((fa < 0) != (fb < 0)) {
                const double t = fa / (fa - fb);
                crossings.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
            }
        }
        std::sort(crossings.begin(), crossings.end(),
                  [](ChartPoint a, ChartPoint b) { return a.x < b.x; });
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            lines.push_back({crossings[k], crossings[k + 1]});
        }
    }
    return lines;
}

}  // namespace myodesk::core
