#pragma once

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
void DrawPainTrendChart(cairo_t* cr, const PainTrendChart& chart, double x, double y,
                        double width);

double BodyChartFigureHeight(const BodyChartFigure& figure, double width);
void DrawBodyChartFigure(cairo_t* cr, const BodyChartFigure& figure, double x, double y,
                         double width);

// A chart as a PNG image `width_px` wide (units above are points: 1 pt = `scale` px).
std::vector<unsigned char> BarChartPng(const BarChart& chart, double width_pt, double scale);
std::vector<unsigned char> PainTrendChartPng(const PainTrendChart& chart, double width_pt,
                                             double scale);
std::vector<unsigned char> BodyChartFigurePng(const BodyChartFigure& figure, double width_pt,
                                              double scale);

}  // namespace myodesk::reports
