#include <myodesk/core/body_chart.h>
#include <myodesk/reports/chart_renderer.h>

#include <boost/test/unit_test.hpp>
#include <cairo.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;

namespace {

struct Pixel {
    int r = 0;
    int g = 0;
    int b = 0;
    double Luminance() const { return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
};

// A white image `width` × `height` px with something drawn on it, then read pixel by pixel.
class Canvas {
  public:
    Canvas(int width, int height, const std::function<void(cairo_t*)>& draw)
        : m_surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height),
                    cairo_surface_destroy) {
        cairo_t* cr = cairo_create(m_surface.get());
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        draw(cr);
        BOOST_REQUIRE(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
        cairo_destroy(cr);
        cairo_surface_flush(m_surface.get());
    }

    int Width() const { return cairo_image_surface_get_width(m_surface.get()); }
    int Height() const { return cairo_image_surface_get_height(m_surface.get()); }

    Pixel At(double x, double y) const {
        const int column = std::clamp(static_cast<int>(std::lround(x)), 0, Width() - 1);
        const int row = std::clamp(static_cast<int>(std::lround(y)), 0, Height() - 1);
        const unsigned char* data = cairo_image_surface_get_data(m_surface.get());
        const int stride = cairo_image_surface_get_stride(m_surface.get());
        std::uint32_t value = 0;
        std::copy_n(data + static_cast<std::ptrdiff_t>(row) * stride +
                        static_cast<std::ptrdiff_t>(column) * 4,
                    4, reinterpret_cast<unsigned char*>(&value));
        // Opaque ARGB32 in native byte order.
        return {static_cast<int>((value >> 16U) & 0xffU), static_cast<int>((value >> 8U) & 0xffU),
                static_cast<int>(value & 0xffU)};
    }

  private:
    std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> m_surface;
};

// PNG signature and the width and height in the IHDR chunk.
struct PngHeader {
    bool is_png = false;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

PngHeader ReadPngHeader(const std::vector<unsigned char>& png) {
    static constexpr unsigned char kSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    PngHeader header;
    if (png.size() < 24 || !std::equal(std::begin(kSignature), std::end(kSignature), png.begin())) {
        return header;
    }
    const auto big_endian = [&](std::size_t at) {
        return (std::uint32_t{png[at]} << 24U) | (std::uint32_t{png[at + 1]} << 16U) |
               (std::uint32_t{png[at + 2]} << 8U) | std::uint32_t{png[at + 3]};
    };
    header.is_png = png[12] == 'I' && png[13] == 'H' && png[14] == 'D' && png[15] == 'R';
    header.width = big_endian(16);
    header.height = big_endian(20);
    return header;
}

core::Date Day(int offset) {
    return core::AddDays(core::Date{std::chrono::year{2025}, std::chrono::March, 3d}, offset);
}

reports::PainTrendChart PainChart(std::vector<reports::PainSeries> series) {
    reports::PainTrendChart chart;
    chart.series = std::move(series);
    chart.first = Day(0);
    chart.last = Day(365);
    chart.ticks = {{Day(0), "Mar 2025"}, {Day(120), "Jul 2025"}, {Day(240), "Nov 2025"}};
    chart.before_label = "Pain before";
    chart.after_label = "Pain after";
    chart.change_label = "Change of 2 points or more";
    chart.empty_text = "No pain scores";
    return chart;
}

// The bar colour: a saturated teal, unlike the text (black and grey) and the white page.
bool IsBarColour(const Pixel& pixel) {
    return pixel.g - pixel.r > 60 && pixel.b - pixel.r > 60;
}

// The orange of a marked change.
bool IsChangeColour(const Pixel& pixel) {
    return pixel.r > 150 && pixel.r - pixel.b > 120;
}

int CountPixels(const Canvas& canvas, const std::function<bool(const Pixel&)>& test) {
    int count = 0;
    for (int y = 0; y < canvas.Height(); ++y) {
        for (int x = 0; x < canvas.Width(); ++x) {
            count += test(canvas.At(x, y)) ? 1 : 0;
        }
    }
    return count;
}

const core::ChartArea& AreaOf(core::Region region, core::Side side) {
    for (const core::ChartArea& area : core::BodyChartAreas()) {
        if (area.region == region && area.side == side) {
            return area;
        }
    }
    throw std::logic_error("no such area");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(chart_renderer_tests)

BOOST_AUTO_TEST_CASE(png_charts_are_pngs_of_the_width_asked) {
    const reports::BarChart bars{
        "Sessions by therapist", {{"Aoife", 12, "12"}, {"Brian", 3, "3"}}, ""};
    const reports::PainTrendChart pain =
        PainChart({{"Left hamstring", {{Day(0), 7, 3, false, 0}, {Day(30), 4, 2, true, -3}}}});
    const reports::BodyChartFigure figure{
        {{core::Region::kCalves, core::Side::kRight, 3}}, "Front", "Back", "Sessions"};
    for (const double scale : {1.0, 2.0}) {
        const PngHeader bar_png = ReadPngHeader(reports::BarChartPng(bars, 400, scale));
        BOOST_TEST(bar_png.is_png);
        BOOST_TEST(bar_png.width == std::lround(400 * scale));
        BOOST_TEST(bar_png.height == std::lround(reports::BarChartHeight(bars, 400) * scale));

        const PngHeader pain_png = ReadPngHeader(reports::PainTrendChartPng(pain, 480, scale));
        BOOST_TEST(pain_png.is_png);
        BOOST_TEST(pain_png.width == std::lround(480 * scale));
        BOOST_TEST(pain_png.height ==
                   std::lround(reports::PainTrendChartHeight(pain, 480) * scale));

        const PngHeader body_png = ReadPngHeader(reports::BodyChartFigurePng(figure, 300, scale));
        BOOST_TEST(body_png.is_png);
        BOOST_TEST(body_png.width == std::lround(300 * scale));
        BOOST_TEST(body_png.height ==
                   std::lround(reports::BodyChartFigureHeight(figure, 300) * scale));
    }
}

BOOST_AUTO_TEST_CASE(the_longest_bar_is_the_largest_value) {
    const reports::BarChart chart{
        "Techniques",
        {{"Sports", 2, "2"}, {"Deep tissue", 10, "10"}, {"Trigger point", 5, "5"}},
        ""};
    constexpr double kWidth = 400;
    const Canvas canvas(static_cast<int>(kWidth),
                        static_cast<int>(std::ceil(reports::BarChartHeight(chart, kWidth))),
                        [&](cairo_t* cr) { reports::DrawBarChart(cr, chart, 0, 0, kWidth); });
    // Each bar a band of rows holding the bar colour; its length the widest run in the band.
    std::vector<int> lengths;
    bool in_bar = false;
    for (int y = 0; y < canvas.Height(); ++y) {
        int run = 0;
        for (int x = 0; x < canvas.Width(); ++x) {
            run += IsBarColour(canvas.At(x, y)) ? 1 : 0;
        }
        if (run > 0 && !in_bar) {
            lengths.push_back(0);
        }
        in_bar = run > 0;
        if (in_bar) {
            lengths.back() = std::max(lengths.back(), run);
        }
    }
    BOOST_REQUIRE(lengths.size() == 3u);
    BOOST_TEST(lengths[1] > lengths[2]);
    BOOST_TEST(lengths[2] > lengths[0]);
    // In proportion to the values.
    BOOST_TEST(static_cast<double>(lengths[1]) / lengths[0] == 5.0,
               boost::test_tools::tolerance(0.1));
    BOOST_TEST(static_cast<double>(lengths[1]) / lengths[2] == 2.0,
               boost::test_tools::tolerance(0.05));
}

BOOST_AUTO_TEST_CASE(treated_areas_are_shaded_darker_than_untreated_ones) {
    using core::Region;
    using core::Side;
    const reports::BodyChartFigure figure{{{Region::kHamstrings, Side::kLeft, 6},
                                           {Region::kCalves, Side::kRight, 1},
                                           {Region::kLowerBack, Side::kMidline, 3},
                                           {Region::kQuadriceps, Side::kBilateral, 2}},
                                          "Front",
                                          "Back",
                                          "Sessions in which the area was treated"};
    constexpr double kX = 10;
    constexpr double kY = 8;
    constexpr double kWidth = 460;
    const Canvas canvas(
        480, static_cast<int>(std::ceil(kY + reports::BodyChartFigureHeight(figure, kWidth))),
        [&](cairo_t* cr) { reports::DrawBodyChartFigure(cr, figure, kX, kY, kWidth); });
    const auto pixel_of = [&](Region region, Side side) {
        const core::ChartArea& area = AreaOf(region, side);
        const core::ChartPoint at = reports::BodyChartFigurePoint(figure, kX, kY, kWidth, area.view,
                                                                  core::Centroid(area.polygon));
        return canvas.At(at.x, at.y);
    };
    const Pixel untreated = pixel_of(Region::kHamstrings, Side::kRight);
    const Pixel most = pixel_of(Region::kHamstrings, Side::kLeft);
    const Pixel least = pixel_of(Region::kCalves, Side::kRight);
    // Untreated: light grey, on the figure (not the white page).
    BOOST_TEST(untreated.Luminance() < 250);
    BOOST_TEST(untreated.Luminance() > 190);
    BOOST_TEST(std::abs(untreated.r - untreated.b) < 8);
    // Treated: darker, and darker still the more sessions.
    BOOST_TEST(least.Luminance() < untreated.Luminance());
    BOOST_TEST(most.Luminance() < least.Luminance() - 60);
    BOOST_TEST(pixel_of(Region::kCalves, Side::kLeft).Luminance() == untreated.Luminance(),
               boost::test_tools::tolerance(2.0));
    // A midline count shades both halves of its region; both sides shade both.
    for (const Side side : {Side::kLeft, Side::kRight}) {
        BOOST_TEST(pixel_of(Region::kLowerBack, side).Luminance() < least.Luminance());
        BOOST_TEST(pixel_of(Region::kLowerBack, side).Luminance() > most.Luminance());
        BOOST_TEST(pixel_of(Region::kQuadriceps, side).Luminance() < untreated.Luminance());
    }
}

BOOST_AUTO_TEST_CASE(the_body_chart_draws_with_no_counts) {
    const reports::BodyChartFigure figure{{}, "Front", "Back", "No sessions yet"};
    BOOST_TEST(ReadPngHeader(reports::BodyChartFigurePng(figure, 480, 1)).is_png);
    // Narrow and wide.
    BOOST_TEST(ReadPngHeader(reports::BodyChartFigurePng(figure, 60, 1)).is_png);
    BOOST_TEST(ReadPngHeader(reports::BodyChartFigurePng(figure, 2000, 1)).is_png);
    // More counts than swatches: a gradient.
    reports::BodyChartFigure many = figure;
    many.counts = {{core::Region::kGlutes, core::Side::kLeft, 40}};
    BOOST_TEST(ReadPngHeader(reports::BodyChartFigurePng(many, 480, 1)).is_png);
}

BOOST_AUTO_TEST_CASE(pain_charts_with_little_data_draw) {
    using reports::PainPoint;
    // One point, the whole axis one day.
    reports::PainTrendChart single = PainChart({{"Neck", {{Day(0), 5, 2, false, 0}}}});
    single.last = single.first;
    BOOST_TEST(ReadPngHeader(reports::PainTrendChartPng(single, 480, 1)).is_png);
    // No before scores at all, and a marked change without a before score.
    const reports::PainTrendChart no_before =
        PainChart({{"Left calf",
                    {{Day(0), std::nullopt, 3, false, 0}, {Day(50), std::nullopt, 2, true, -2}}}});
    BOOST_TEST(ReadPngHeader(reports::PainTrendChartPng(no_before, 480, 1)).is_png);
    // No scores at all, no series at all, no ticks.
    reports::PainTrendChart nothing =
        PainChart({{"Feet", {{Day(3), std::nullopt, std::nullopt, false, 0}}}});
    nothing.ticks.clear();
    BOOST_TEST(ReadPngHeader(reports::PainTrendChartPng(nothing, 480, 1)).is_png);
    BOOST_TEST(ReadPngHeader(reports::PainTrendChartPng(PainChart({}), 480, 1)).is_png);
    // Narrow.
    BOOST_TEST(ReadPngHeader(reports::PainTrendChartPng(no_before, 120, 1)).is_png);
}

BOOST_AUTO_TEST_CASE(marked_changes_are_drawn_in_their_own_colour) {
    using reports::PainPoint;
    const auto draw = [](const reports::PainTrendChart& chart) {
        return Canvas(480, static_cast<int>(std::ceil(reports::PainTrendChartHeight(chart, 480))),
                      [&](cairo_t* cr) { reports::DrawPainTrendChart(cr, chart, 0, 0, 480); });
    };
    reports::PainTrendChart marked = PainChart(
        {{"Left hamstring",
          {{Day(0), 8, 5, false, 0}, {Day(60), 5, 3, true, -3}, {Day(90), 7, 4, true, 2}}}});
    // The legend shows the marker too: compare with the same chart without marks.
    reports::PainTrendChart unmarked = marked;
    for (PainPoint& point : unmarked.series[0].points) {
        point.marked_change = false;
    }
    const int with_marks = CountPixels(draw(marked), IsChangeColour);
    const int without_marks = CountPixels(draw(unmarked), IsChangeColour);
    BOOST_TEST(without_marks > 0);  // the legend's marker
    BOOST_TEST(with_marks > without_marks + 40);
    // Several series share the time axis as small multiples: taller than one.
    reports::PainTrendChart three = marked;
    three.series.push_back({"Right hamstring", {{Day(10), 4, 2, false, 0}}});
    three.series.push_back({"Lower back", {{Day(200), 6, 6, false, 0}}});
    BOOST_TEST(reports::PainTrendChartHeight(three, 480) >
               reports::PainTrendChartHeight(marked, 480));
}

BOOST_AUTO_TEST_CASE(an_empty_bar_chart_shows_its_empty_text) {
    const reports::BarChart chart{"Techniques", {}, "No sessions in this period"};
    BOOST_TEST(reports::BarChartHeight(chart, 400) > 0);
    BOOST_TEST(ReadPngHeader(reports::BarChartPng(chart, 400, 2)).is_png);
    // All values zero: no bar, no division by zero.
    const reports::BarChart zeros{"", {{"A", 0, "0"}, {"B", 0, "0"}}, ""};
    const Canvas canvas(400, static_cast<int>(std::ceil(reports::BarChartHeight(zeros, 400))),
                        [&](cairo_t* cr) { reports::DrawBarChart(cr, zeros, 0, 0, 400); });
    BOOST_TEST(CountPixels(canvas, IsBarColour) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
