#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace myodesk::reports {

// A printable report as a sequence of blocks, already in the reader's language, with dates and
// distances formatted. It is what the view-model builders produce and what every renderer
// (PDF, HTML for the print preview) draws, so the PDF and what prints from the app always
// say the same thing. Renderers decide layout only: fonts, page breaks, columns.

struct Heading {
    std::string text;
    int level = 1;  // 1 a section, 2 a sub-section
};

enum class ParagraphStyle {
    kNormal,
    kSmall,    // notes, explanations under a chart
    kWarning,  // a contraindication or something the reader must not miss (red, bold)
};

struct Paragraph {
    std::string text;  // may hold '\n' line breaks
    ParagraphStyle style = ParagraphStyle::kNormal;
};

// Label / value pairs in two columns ("Date of birth" / "12 Mar 1990").
struct FactList {
    std::vector<std::pair<std::string, std::string>> facts;
};

enum class Align { kLeft, kRight, kCenter };

struct TableColumn {
    std::string title;
    double weight = 1;  // share of the table's width, relative to the other columns
    Align align = Align::kLeft;
};

// A table whose rows may split across pages; the header row repeats on every page. Cells may
// hold '\n' line breaks and wrap within their column. A row is never split across pages.
struct Table {
    std::vector<TableColumn> columns;
    std::vector<std::vector<std::string>> rows;  // each row has columns.size() cells
    std::string empty_text;                      // shown instead when there are no rows
};

struct Bar {
    std::string label;
    double value = 0;
    std::string value_text;  // drawn at the end of the bar ("12", "35%")
};

// A horizontal bar chart, one bar per row, longest bar = the largest value.
struct BarChart {
    std::string title;
    std::vector<Bar> bars;
    std::string empty_text;
};

// One point of a pain trend: the scores of one session for one region and side.
struct PainPoint {
    core::Date date{};
    std::optional<int> before;  // NRS-11, 0-10
    std::optional<int> after;
    // The before score moved by 2 points or more from the previous session's before score
    // (a clinically meaningful change); the change is drawn beside the point ("-3", "+2").
    bool marked_change = false;
    int change = 0;
};

struct PainSeries {
    std::string title;              // "Left hamstring"
    std::vector<PainPoint> points;  // oldest first, at least one
};

struct AxisTick {
    core::Date date{};
    std::string label;  // "Mar 2026"
};

// Small multiples: one pain chart (0-10 up the side, time along) per region and side, all on
// the same time axis from `first` to `last`.
struct PainTrendChart {
    std::vector<PainSeries> series;
    core::Date first{};
    core::Date last{};
    std::vector<AxisTick> ticks;
    std::string before_label;  // legend: "Pain before"
    std::string after_label;   // "Pain after"
    std::string change_label;  // "Change of 2 points or more"
    std::string empty_text;
};

// How often one region and side was treated. Bilateral work counts for the left and the
// right; a midline region (lower back) counts for every area of that region.
struct RegionCount {
    core::Region region = core::Region::kCalves;
    core::Side side = core::Side::kLeft;  // kLeft or kRight (kMidline for midline-only areas)
    int count = 0;
};

// The body chart (core/body_chart.h geometry: front and back views) with each area shaded by
// its count, darker = more often; a legend gives the scale.
struct BodyChartFigure {
    std::vector<RegionCount> counts;
    std::string front_label;   // "Front"
    std::string back_label;    // "Back"
    std::string legend_label;  // "Sessions in which the area was treated"
};

// A line to sign on, with the name printed under it.
struct SignatureLine {
    std::string name;
    std::string caption;  // "Therapist", "Date"
};

// Starts the next block on a new page.
struct PageBreak {};

using Block = std::variant<Heading, Paragraph, FactList, Table, BarChart, PainTrendChart,
                           BodyChartFigure, SignatureLine, PageBreak>;

// The clinic's letterhead at the top of the first page.
struct Letterhead {
    std::string clinic_name;
    std::vector<std::string> address_lines;
    std::string contact;    // "01 234 5678 · desk@clinic.ie"
    std::string logo_path;  // PNG; empty or unreadable: no logo (never an error)
};

struct Document {
    Letterhead letterhead;
    std::string title;     // "Client progress report"
    std::string subtitle;  // "Siobhán Ní Bhriain"
    std::vector<Block> blocks;
    // Footer of every page: `footer_text` on the left, `printed_text` ("Printed 21 Nov 2026")
    // in the middle, and on the right `page_format` with {page} and {pages} replaced
    // ("Page {page} of {pages}").
    std::string footer_text;
    std::string printed_text;
    std::string page_format;
};

}  // namespace myodesk::reports
