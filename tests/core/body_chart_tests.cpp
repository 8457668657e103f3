#include <myodesk/core/body_chart.h>

#include <boost/test/unit_test.hpp>

#include <set>
#include <vector>

using namespace myodesk::core;

BOOST_AUTO_TEST_SUITE(body_chart_tests)

BOOST_AUTO_TEST_CASE(every_region_has_a_left_and_a_right_area) {
    std::set<std::pair<Region, Side>> places;
    for (const ChartArea& area : BodyChartAreas()) {
        places.insert({area.region, area.side});
        BOOST_TEST(area.polygon.size() >= 3u);
    }
    for (const Region region : AllValues<Region>()) {
        BOOST_TEST(places.count({region, Side::kLeft}) == 1u, ToCode(region));
        BOOST_TEST(places.count({region, Side::kRight}) == 1u, ToCode(region));
    }
}

BOOST_AUTO_TEST_CASE(clicking_the_centre_of_an_area_finds_that_area) {
    for (const ChartArea& area : BodyChartAreas()) {
        const auto found = RegionAt(area.view, Centroid(area.polygon));
        BOOST_TEST_REQUIRE(found.has_value(), ToCode(area.region));
        BOOST_TEST((found->region == area.region), ToCode(area.region));
        BOOST_TEST((found->side == area.side), ToCode(area.region));
    }
}

BOOST_AUTO_TEST_CASE(areas_are_inside_the_view_and_on_the_body) {
    for (const ChartArea& area : BodyChartAreas()) {
        for (const ChartPoint& point : area.polygon) {
            BOOST_TEST((point.x >= 0 && point.x <= kChartViewWidth), ToCode(area.region));
            BOOST_TEST((point.y >= 0 && point.y <= kChartViewHeight), ToCode(area.region));
        }
        // The centre of every area lies on the silhouette, so nothing floats beside the body.
        const ChartPoint centre = Centroid(area.polygon);
        bool on_body = false;
        for (const ChartPolygon& part : BodyOutline(area.view)) {
            on_body = on_body || Contains(part, centre);
        }
        BOOST_TEST(on_body, ToCode(area.region));
    }
}

BOOST_AUTO_TEST_CASE(sides_follow_the_view) {
    // Front view: the client faces you, so their right is on your left.
    const auto front_left_of_viewer = RegionAt(BodyView::kFront, {0.41, 1.15});
    BOOST_TEST_REQUIRE(front_left_of_viewer.has_value());
    BOOST_TEST(ToCode(front_left_of_viewer->region) == "quadriceps");
    BOOST_TEST(ToCode(front_left_of_viewer->side) == "right");
    // Back view: their right is on your right.
    const auto back_right_of_viewer = RegionAt(BodyView::kBack, {0.57, 1.15});
    BOOST_TEST_REQUIRE(back_right_of_viewer.has_value());
    BOOST_TEST(ToCode(back_right_of_viewer->region) == "hamstrings");
    BOOST_TEST(ToCode(back_right_of_viewer->side) == "right");
    BOOST_TEST(ToCode(RegionAt(BodyView::kBack, {0.43, 1.15})->side) == "left");
}

BOOST_AUTO_TEST_CASE(outside_the_body_is_nothing) {
    BOOST_TEST(!RegionAt(BodyView::kFront, {0.02, 0.02}).has_value());
    BOOST_TEST(!RegionAt(BodyView::kBack, {0.5, 1.97}).has_value());
    BOOST_TEST(!RegionAt(BodyView::kFront, {0.5, 1.5}).has_value());  // between the legs
}

// --- The shapes the editor and the reports draw ---

BOOST_AUTO_TEST_CASE(the_figure_bounds_hold_every_area) {
    const ChartBounds bounds = FigureBounds();
    BOOST_TEST(bounds.left >= 0.0);
    BOOST_TEST(bounds.right <= kChartViewWidth);
    BOOST_TEST(bounds.bottom <= kChartViewHeight);
    for (const ChartArea& area : BodyChartAreas()) {
        for (const ChartPoint& point : area.polygon) {
            BOOST_TEST(point.x >= bounds.left);
            BOOST_TEST(point.x <= bounds.right);
            BOOST_TEST(point.y >= bounds.top);
            BOOST_TEST(point.y <= bounds.bottom);
        }
    }
}

BOOST_AUTO_TEST_CASE(hatch_lines_stay_inside_their_area) {
    for (const ChartArea& area : BodyChartAreas()) {
        const std::vector<ChartSegment> lines = HatchLines(area.polygon, 0.01);
        BOOST_TEST(!lines.empty());
        for (const ChartSegment& line : lines) {
            const ChartPoint middle{(line.from.x + line.to.x) / 2, (line.from.y + line.to.y) / 2};
            BOOST_TEST(Contains(area.polygon, middle));
            // At 45°: x + y is the same at both ends.
            BOOST_TEST(line.from.x + line.from.y == line.to.x + line.to.y,
                       boost::test_tools::tolerance(1e-9));
        }
    }
    const ChartPolygon square{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    BOOST_TEST(HatchLines(square, 0.1).size() > 10u);
    BOOST_TEST(HatchLines(square, 0).empty());
}

BOOST_AUTO_TEST_CASE(rounded_corners_stay_on_the_edges) {
    const ChartPolygon square{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    const std::vector<RoundedCorner> corners = RoundCorners(square, 0.2);
    BOOST_REQUIRE(corners.size() == 4u);
    // The corner (1, 0): the curve starts 0.2 before it on the top edge and ends 0.2 after it
    // on the right edge.
    BOOST_TEST(corners[1].before.x == 0.8, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(corners[1].before.y == 0.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(corners[1].after.x == 1.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(corners[1].after.y == 0.2, boost::test_tools::tolerance(1e-9));
    // A radius larger than the edges allow is cut down, leaving a straight part.
    const std::vector<RoundedCorner> big = RoundCorners(square, 5.0, 0.4);
    BOOST_TEST(big[1].before.x == 0.6, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(RoundCorners({{0, 0}, {1, 1}}, 0.1).empty());
}

BOOST_AUTO_TEST_SUITE_END()
