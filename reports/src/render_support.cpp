#include "render_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace myodesk::reports::detail {

namespace {

struct LayoutIterDeleter {
    void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};

struct GFreeDeleter {
    void operator()(gchar* text) const { g_free(text); }
};

double FromPango(int value) {
    return pango_units_to_double(value);
}

cairo_status_t AppendToVector(void* closure, const unsigned char* data, unsigned int length) {
    auto* bytes = static_cast<std::vector<unsigned char>*>(closure);
    bytes->insert(bytes->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void CheckStatus(cairo_status_t status, std::string_view what) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(fmt::format("{}: {}", what, cairo_status_to_string(status)));
    }
}

void SetColour(cairo_t* cr, Rgb colour) {
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
}

Rgb Mix(Rgb from, Rgb to, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return {from.r + (to.r - from.r) * t, from.g + (to.g - from.g) * t,
            from.b + (to.b - from.b) * t};
}

LayoutPtr MakeLayout(PangoContext* context, std::string_view text, const TextStyle& style,
                     double width) {
    LayoutPtr layout(pango_layout_new(context), GObjectDeleter{});
    FontDescriptionPtr font(pango_font_description_new());
    pango_font_description_set_family(font.get(), kFontFamily);
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(),
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font.get(),
                                     style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());

    // pango wants valid UTF-8 without NULs; a damaged name still prints, with U+FFFD.
    std::string clean(text);
    clean.erase(std::remove(clean.begin(), clean.end(), '\0'), clean.end());
    if (style.single_line) {
        std::replace(clean.begin(), clean.end(), '\n', ' ');
    }
    const std::unique_ptr<gchar, GFreeDeleter> valid(
        g_utf8_make_valid(clean.data(), static_cast<gssize>(clean.size())));
    pango_layout_set_text(layout.get(), valid.get(), -1);

    if (width > 0) {
        pango_layout_set_width(layout.get(), pango_units_from_double(width));
        if (style.single_line) {
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
            pango_layout_set_height(layout.get(), -1);
        } else {
            pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        }
        switch (style.align) {
            case Align::kLeft:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
                break;
            case Align::kRight:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
                break;
            case Align::kCenter:
                pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
                break;
        }
    }
    return layout;
}

LayoutPtr MakeLayout(cairo_t* cr, std::string_view text, const TextStyle& style, double width) {
    const PangoContextPtr context(pango_cairo_create_context(cr));
    return MakeLayout(context.get(), text, style, width);
}

double LayoutWidth(PangoLayout* layout) {
    PangoRectangle logical{};
    pango_layout_get_extents(layout, nullptr, &logical);
    return FromPango(logical.width);
}

double LayoutHeight(PangoLayout* layout) {
    PangoRectangle logical{};
    pango_layout_get_extents(layout, nullptr, &logical);
    return FromPango(logical.height);
}

std::vector<LineExtent> LineExtents(PangoLayout* layout) {
    std::vector<LineExtent> lines;
    const std::unique_ptr<PangoLayoutIter, LayoutIterDeleter> iter(pango_layout_get_iter(layout));
    do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
        PangoRectangle logical{};
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        lines.push_back({FromPango(top), FromPango(bottom),
                         FromPango(pango_layout_iter_get_baseline(iter.get())),
                         FromPango(logical.x)});
    } while (pango_layout_iter_next_line(iter.get()));
    return lines;
}

void DrawLayout(cairo_t* cr, PangoLayout* layout, double x, double y, Rgb colour) {
    SetColour(cr, colour);
    cairo_move_to(cr, x, y);
    pango_cairo_update_layout(cr, layout);
    pango_cairo_show_layout(cr, layout);
    cairo_new_path(cr);
}

void DrawLayoutLine(cairo_t* cr, PangoLayout* layout, int index, const LineExtent& extent, double x,
                    double y, Rgb colour) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, index);
    if (line == nullptr) {
        return;
    }
    SetColour(cr, colour);
    pango_cairo_update_layout(cr, layout);
    cairo_move_to(cr, x + extent.left, y + extent.baseline);
    pango_cairo_show_layout_line(cr, line);
    cairo_new_path(cr);
}

void FillRect(cairo_t* cr, double x, double y, double width, double height, Rgb colour) {
    SetColour(cr, colour);
    cairo_rectangle(cr, x, y, width, height);
    cairo_fill(cr);
}

void StrokeLine(cairo_t* cr, double x1, double y1, double x2, double y2, double line_width,
                Rgb colour) {
    SetColour(cr, colour);
    cairo_set_line_width(cr, line_width);
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
}

SurfacePtr MakeImageSurface(double width_pt, double height_pt, double scale) {
    const auto pixels = [scale](double points) {
        return static_cast<int>(std::clamp(std::lround(points * scale), 1L, 32767L));
    };
    SurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels(width_pt), pixels(height_pt)));
    CheckStatus(cairo_surface_status(surface.get()), "cannot create the chart image");
    return surface;
}

namespace {

struct PngReader {
    const std::vector<unsigned char>* png;
    std::size_t at = 0;
};

cairo_status_t ReadFromVector(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->png->size() - reader->at < length) {
        return CAIRO_STATUS_READ_ERROR;
    }
    std::copy_n(reader->png->begin() + static_cast<std::ptrdiff_t>(reader->at), length, data);
    reader->at += length;
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

SurfacePtr DecodePng(const std::vector<unsigned char>& png) {
    PngReader reader{&png};
    SurfacePtr surface(cairo_image_surface_create_from_png_stream(ReadFromVector, &reader));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS ||
        cairo_image_surface_get_width(surface.get()) <= 0 ||
        cairo_image_surface_get_height(surface.get()) <= 0) {
        return nullptr;
    }
    return surface;
}

std::vector<unsigned char> EncodePng(cairo_surface_t* surface) {
    std::vector<unsigned char> bytes;
    CheckStatus(cairo_surface_write_to_png_stream(surface, AppendToVector, &bytes),
                "cannot encode the chart image");
    return bytes;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
    if (from.empty()) {
        return text;
    }
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

TextStyle Style(double size, bool bold, Rgb colour, Align align) {
    TextStyle style;
    style.size = size;
    style.bold = bold;
    style.colour = colour;
    style.align = align;
    return style;
}

}  // namespace myodesk::reports::detail
