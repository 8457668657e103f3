#pragma once

// Internal to reports/: the cairo and pango pieces the PDF renderer and the charts share.
// RAII owners for cairo and pango objects, the report's colours, and text set with pango in
// point units ("Sans", absolute sizes, so 1 user unit = 1 pt on a PDF page and `scale` px on
// an image).

#include <myodesk/reports/report_document.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::reports::detail {

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct GObjectDeleter {
    void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;
// Shared: a laid out page keeps its text until it is drawn.
using LayoutPtr = std::shared_ptr<PangoLayout>;

// std::runtime_error("<what>: <cairo's message>") unless `status` is CAIRO_STATUS_SUCCESS.
void CheckStatus(cairo_status_t status, std::string_view what);

struct Rgb {
    double r = 0;
    double g = 0;
    double b = 0;
};

// 0xRRGGBB.
constexpr Rgb Hex(unsigned value) {
    return {static_cast<double>((value >> 16) & 0xffU) / 255.0,
            static_cast<double>((value >> 8) & 0xffU) / 255.0,
            static_cast<double>(value & 0xffU) / 255.0};
}

void SetColour(cairo_t* cr, Rgb colour);
Rgb Mix(Rgb from, Rgb to, double t);

// The report's palette.
namespace colours {
inline constexpr Rgb kText = Hex(0x1f1f1f);
inline constexpr Rgb kMuted = Hex(0x5f6368);       // labels, small print, footers
inline constexpr Rgb kRule = Hex(0xc4c7c5);        // thin rules between table rows
inline constexpr Rgb kHeaderFill = Hex(0xe8eaed);  // table header rows
inline constexpr Rgb kWarning = Hex(0xb00020);
inline constexpr Rgb kAccent = Hex(0x1f7a80);       // bars, the pain-before line
inline constexpr Rgb kAccentLight = Hex(0x8fc9cc);  // the pain-after points
inline constexpr Rgb kChange = Hex(0xd35400);       // a marked change of pain
inline constexpr Rgb kGrid = Hex(0xe3e5e8);
// The body chart's shades: one hue, from a pale wash (treated once) to a deep tone (most).
inline constexpr Rgb kShadeLight = Hex(0xbfe3df);
inline constexpr Rgb kShadeDeep = Hex(0x0c545e);
inline constexpr Rgb kUntreated = Hex(0xe4e4e4);
inline constexpr Rgb kFigure = Hex(0xfbfaf8);
inline constexpr Rgb kFigureEdge = Hex(0x8c8279);
}  // namespace colours

inline constexpr const char* kFontFamily = "Sans";

struct TextStyle {
    double size = 9.5;  // points (user units)
    bool bold = false;
    bool italic = false;
    Rgb colour = colours::kText;
    Align align = Align::kLeft;
    // One line, cut with "…" when wider than the width given (labels of charts).
    bool single_line = false;
};

// A style of `size` points, optionally bold, in a colour and alignment.
TextStyle Style(double size, bool bold = false, Rgb colour = colours::kText,
                Align align = Align::kLeft);

// A pango layout of `text` in `style`, wrapped (word, then character) to `width` when it is
// positive. Invalid UTF-8 is repaired rather than dropped.
LayoutPtr MakeLayout(PangoContext* context, std::string_view text, const TextStyle& style,
                     double width);
// The same through a context made for `cr` (charts, which only get a cairo_t).
LayoutPtr MakeLayout(cairo_t* cr, std::string_view text, const TextStyle& style, double width);

// The logical size of a layout in user units.
double LayoutWidth(PangoLayout* layout);
double LayoutHeight(PangoLayout* layout);
// Where each line of a layout is, from the layout's top left: its logical top and bottom, its
// baseline and its left edge (aligned lines do not start at 0).
struct LineExtent {
    double top = 0;
    double bottom = 0;
    double baseline = 0;
    double left = 0;
};
std::vector<LineExtent> LineExtents(PangoLayout* layout);

// Draws a layout with its top left corner at (x, y) in `colour`.
void DrawLayout(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb colour);
// Draws line `index` of a layout (LineExtents()[index]) as if the layout's top left corner
// were at (x, y).
void DrawLayoutLine(cairo_t* cr, PangoLayout* layout, int index, const LineExtent& extent, double x,
                    double y, Rgb colour);

// A rectangle filled, and a line stroked.
void FillRect(cairo_t* cr, double x, double y, double width, double height, Rgb colour);
void StrokeLine(cairo_t* cr, double x1, double y1, double x2, double y2, double line_width,
                Rgb colour);

// Draws into a white ARGB image `width_pt` × `height_pt` at `scale` px per pt and returns it
// as PNG bytes.
template <typename Draw>
std::vector<unsigned char> RenderPng(double width_pt, double height_pt, double scale,
                                     const Draw& draw);
// The image in PNG bytes, or nullptr when they are not a whole PNG image. Bounded by the
// caller: check the header's width and height first (ReadLogo does).
SurfacePtr DecodePng(const std::vector<unsigned char>& png);
std::vector<unsigned char> EncodePng(cairo_surface_t* surface);
SurfacePtr MakeImageSurface(double width_pt, double height_pt, double scale);

template <typename Draw>
std::vector<unsigned char> RenderPng(double width_pt, double height_pt, double scale,
                                     const Draw& draw) {
    SurfacePtr surface = MakeImageSurface(width_pt, height_pt, scale);
    {
        CairoPtr cr(cairo_create(surface.get()));
        CheckStatus(cairo_status(cr.get()), "cannot draw the chart image");
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_scale(cr.get(), scale, scale);
        draw(cr.get());
        CheckStatus(cairo_status(cr.get()), "cannot draw the chart image");
    }
    cairo_surface_flush(surface.get());
    return EncodePng(surface.get());
}

// Replaces every `from` in `text` with `to`.
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to);

}  // namespace myodesk::reports::detail
