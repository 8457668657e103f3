#include "gui_test_support.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/body_chart_layout.h"

#include <myodesk/core/body_chart.h>

#include <boost/test/unit_test.hpp>
#include <wx/frame.h>
#include <wx/sizer.h>

#include <chrono>
#include <cmath>

using namespace myodesk;
using namespace std::chrono_literals;
using app::BodyChartLayout;
using core::BodyView;
using core::Region;
using core::Side;

namespace {

BodyChartLayout::Margins SomeMargins() {
    BodyChartLayout::Margins margins;
    margins.top = 24;
    margins.bottom = 30;
    margins.side = 6;
    margins.gap = 12;
    return margins;
}

// The chart in a frame of its own, shown at a known size, destroyed at the end.
struct ChartFrame {
    wxFrame* frame = nullptr;
    app::BodyChartCtrl* chart = nullptr;

    explicit ChartFrame(wxSize size = wxSize(520, 600)) {
        frame = new wxFrame(nullptr, wxID_ANY, "chart");
        chart = new app::BodyChartCtrl(frame);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(chart, wxSizerFlags(1).Expand());
        frame->SetSizer(sizer);
        frame->SetClientSize(size);
        frame->Show();
        BOOST_REQUIRE(app::test::RaiseAndWait(*frame));
        BOOST_REQUIRE(app::test::WaitUntilLaidOut(chart));
    }
    ~ChartFrame() { app::test::DestroyAndWait(frame); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(body_chart_tests)

// --- The pure parts, without a window ---

BOOST_AUTO_TEST_CASE(points_map_to_pixels_and_back_in_both_views) {
    const BodyChartLayout layout(500, 600, SomeMargins());
    BOOST_REQUIRE(!layout.IsEmpty());
    for (const BodyView view : {BodyView::kFront, BodyView::kBack}) {
        for (const core::ChartArea& area : core::BodyChartAreas()) {
            if (area.view != view) {
                continue;
            }
            const core::ChartPoint centre = core::Centroid(area.polygon);
            const wxPoint2DDouble pixel = layout.ToPixels(view, centre);
            const std::optional<app::ChartHit> back = layout.ToChart(pixel);
            BOOST_REQUIRE(back);
            BOOST_TEST((back->view == view));
            BOOST_TEST(back->point.x == centre.x, boost::test_tools::tolerance(1e-9));
            BOOST_TEST(back->point.y == centre.y, boost::test_tools::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(front_is_left_back_is_right_and_proportions_are_kept) {
    for (const auto& [width, height] :
         {std::pair{500.0, 600.0}, std::pair{900.0, 300.0}, std::pair{300.0, 900.0}}) {
        const BodyChartLayout layout(width, height, SomeMargins());
        const wxRect2DDouble front = layout.FigureRect(BodyView::kFront);
        const wxRect2DDouble back = layout.FigureRect(BodyView::kBack);
        BOOST_TEST(front.GetRight() <= back.GetLeft());
        BOOST_TEST(front.GetLeft() >= 6 - 1e-9);
        BOOST_TEST(back.GetRight() <= width - 6 + 1e-9);
        BOOST_TEST(front.GetTop() >= 24 - 1e-9);
        BOOST_TEST(front.GetBottom() <= height - 30 + 1e-9);
        // Uniform scale: one chart unit is as many pixels across as down.
        const core::ChartBounds bounds = core::FigureBounds();
        BOOST_TEST(front.m_width / bounds.Width() == front.m_height / bounds.Height(),
                   boost::test_tools::tolerance(1e-9));
        BOOST_TEST(front.m_width == back.m_width, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(front.m_y == back.m_y, boost::test_tools::tolerance(1e-9));
    }
}

BOOST_AUTO_TEST_CASE(outside_the_figures_is_nothing_and_a_tiny_control_draws_nothing) {
    const BodyChartLayout layout(500, 600, SomeMargins());
    BOOST_TEST(!layout.ToChart({2, 2}));
    BOOST_TEST(!layout.ToChart({250, 599}));
    BOOST_TEST(!layout.ToChart({-10, 300}));
    const BodyChartLayout tiny(10, 10, SomeMargins());
    BOOST_TEST(tiny.IsEmpty());
    BOOST_TEST(!tiny.ToChart({5, 5}));
}

BOOST_AUTO_TEST_CASE(more_pressure_is_a_darker_shade) {
    for (const bool dark_theme : {false, true}) {
        double previous = 2.0;
        for (int pressure = 1; pressure <= 10; ++pressure) {
            const double luminance = app::Luminance(app::PressureShade(pressure, dark_theme));
            BOOST_TEST(luminance < previous, "pressure " << pressure);
            previous = luminance;
        }
        // The four words are told apart at a glance.
        const double light = app::Luminance(app::PressureShade(2, dark_theme));
        const double medium = app::Luminance(app::PressureShade(5, dark_theme));
        const double firm = app::Luminance(app::PressureShade(7, dark_theme));
        const double deep = app::Luminance(app::PressureShade(8, dark_theme));
        BOOST_TEST(light - medium > 0.1);
        BOOST_TEST(medium - firm > 0.05);
        BOOST_TEST(firm - deep > 0.02);
    }
    // Out of range is clamped, not undefined.
    BOOST_TEST((app::PressureShade(0) == app::PressureShade(1)));
    BOOST_TEST((app::PressureShade(12) == app::PressureShade(10)));
    // Text on a light shade is black, on a deep one white.
    BOOST_TEST((app::TextColourOn(app::PressureShade(1)) == *wxBLACK));
    BOOST_TEST((app::TextColourOn(app::PressureShade(10)) == *wxWHITE));
}

BOOST_AUTO_TEST_CASE(both_sides_and_midline_cover_left_and_right) {
    BOOST_TEST(app::SideCovers(Side::kLeft, Side::kLeft));
    BOOST_TEST(!app::SideCovers(Side::kLeft, Side::kRight));
    BOOST_TEST(app::SideCovers(Side::kBilateral, Side::kLeft));
    BOOST_TEST(app::SideCovers(Side::kBilateral, Side::kRight));
    BOOST_TEST(app::SideCovers(Side::kMidline, Side::kRight));
    BOOST_TEST(!app::SideCovers(Side::kRight, Side::kLeft));
}

// --- The control ---

BOOST_AUTO_TEST_CASE(every_area_is_hit_at_its_middle_at_any_size) {
    for (const wxSize size : {wxSize(520, 600), wxSize(900, 420), wxSize(360, 760)}) {
        ChartFrame shown(size);
        for (const core::ChartArea& area : core::BodyChartAreas()) {
            const core::RegionSide place{area.region, area.side};
            const wxPoint point = shown.chart->AreaPoint(area.view, place);
            BOOST_TEST_CONTEXT(core::ToCode(area.region) << " " << core::ToCode(area.side) << " at "
                                                         << size.x << "x" << size.y) {
                BOOST_TEST(wxRect(shown.chart->GetClientSize()).Contains(point));
                const std::optional<core::RegionSide> hit = shown.chart->AreaAt(point);
                BOOST_REQUIRE(hit);
                // What core says is there: the chart adds no geometry of its own; and no area
                // hides the middle of another.
                BOOST_TEST((*hit == core::RegionAt(area.view, core::Centroid(area.polygon))));
                BOOST_TEST((*hit == place));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_client_s_right_is_on_the_left_in_front_and_on_the_right_behind) {
    ChartFrame shown;
    const wxPoint front_right =
        shown.chart->AreaPoint(BodyView::kFront, {Region::kQuadriceps, Side::kRight});
    const wxPoint front_left =
        shown.chart->AreaPoint(BodyView::kFront, {Region::kQuadriceps, Side::kLeft});
    const wxPoint back_right =
        shown.chart->AreaPoint(BodyView::kBack, {Region::kHamstrings, Side::kRight});
    const wxPoint back_left =
        shown.chart->AreaPoint(BodyView::kBack, {Region::kHamstrings, Side::kLeft});
    BOOST_TEST(front_right.x < front_left.x);
    BOOST_TEST(back_left.x < back_right.x);
    BOOST_TEST(front_left.x < back_left.x);  // the front view is on the left
}

BOOST_AUTO_TEST_CASE(regions_are_shaded_with_their_pressure_and_flags_hatched) {
    ChartFrame shown;
    shown.chart->SetRegions({{Region::kHamstrings, Side::kLeft, 7, 5, 2},
                             {Region::kLowerBack, Side::kMidline, 4, {}, {}},
                             {Region::kCalves, Side::kBilateral, 2, {}, {}}});
    shown.chart->SetAvoided({{Region::kShins, Side::kRight}});
    BOOST_TEST(shown.chart->ShadedPressure({Region::kHamstrings, Side::kLeft}).value_or(0) == 7);
    BOOST_TEST(!shown.chart->IsShaded({Region::kHamstrings, Side::kRight}));
    BOOST_TEST(shown.chart->ShadedPressure({Region::kLowerBack, Side::kLeft}).value_or(0) == 4);
    BOOST_TEST(shown.chart->ShadedPressure({Region::kLowerBack, Side::kRight}).value_or(0) == 4);
    BOOST_TEST(shown.chart->IsShaded({Region::kCalves, Side::kLeft}));
    BOOST_TEST(shown.chart->IsShaded({Region::kCalves, Side::kRight}));
    BOOST_TEST(shown.chart->IsHatched({Region::kShins, Side::kRight}));
    BOOST_TEST(!shown.chart->IsHatched({Region::kShins, Side::kLeft}));
    // It paints without complaint (a wx assertion would fail the test).
    shown.chart->Refresh();
    shown.chart->Update();
    BOOST_TEST(app::test::WaitForIdle());
}

BOOST_AUTO_TEST_SUITE_END()
