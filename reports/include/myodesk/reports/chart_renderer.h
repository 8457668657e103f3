#pragma once

#include <myodesk/core/body_chart.h>
#include <myodesk/reports/report_document.h>

#include <vector>

typedef struct _cairo cairo_t;

namespace myodesk::reports {

// The charts, drawn with cairo (and pango for their text) into a box at (x, y) of `width` ×
// the height the chart needs for that width. One drawing for the PDF (vector) and the HTML
// preview (PNG), so both show the same chart.
double BarChartHeight(const BarChart& chart, double width);
void DrawBarChart(cairo_t* cr, const BarChart& chart, double x, double y, double width);

double PainTrendChartHeight(const PainTrendChart& chart, double width);
void DrawPainTrendChart(cairo_t* cr, const PainTrendChart& chart, double x, double y, double width);

// The body chart: an area's count is the sum of the counts of its region on its side, plus
// those of its region marked kMidline or kBilateral (they belong to every area of the region,
// as the lower back's left and right halves). Shades run from light (1) to dark (the most).
double BodyChartFigureHeight(const BodyChartFigure& figure, double width);
void DrawBodyChartFigure(cairo_t* cr, const BodyChartFigure& figure, double x, double y,
                         double width);
// Where a point of one view (core/body_chart.h units) lands in the figure drawn at (x, y) with
// `width`: the same place DrawBodyChartFigure draws it (for tests, and image maps).
core::ChartPoint BodyChartFigurePoint(const BodyChartFigure& figure, double x, double y,
                                      double width, core::BodyView view, core::ChartPoint point);

// A chart as a PNG image `width_px` wide (units above are points: 1 pt = `scale` px).
std::vector<unsigned char> BarChartPng(const BarChart& chart, double width_pt, double scale);
std::vector<unsigned char> PainTrendChartPng(const PainTrendChart& chart, double width_pt,
                                             double scale);
std::vector<unsigned char> BodyChartFigurePng(const BodyChartFigure& figure, double width_pt,
                                              double scale);

}  // namespace myodesk::reports
