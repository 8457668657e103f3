#include "sessions/body_chart_ctrl.h"

#include "common/code_names.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

namespace myodesk::app {

wxDEFINE_EVENT(EVT_BODY_CHART_CLICKED, BodyChartEvent);

namespace {

// The chart's palette: soft, warm neutrals for the figure; teal for what was worked (see
// PressureShade); blue for the pointer; red for what to avoid.
struct Palette {
    wxColour background;
    wxColour figure;
    wxColour figure_edge;
    wxColour area_edge;
    wxColour hover_fill;
    wxColour hover_edge;
    wxColour avoid;
    wxColour label;
    wxColour cue;
};

Palette PaletteFor(bool dark) {
    if (dark) {
        return {wxColour(0x26, 0x24, 0x22),       wxColour(0x45, 0x3f, 0x3a),
                wxColour(0x9a, 0x8c, 0x80),       wxColour(0x5c, 0x54, 0x4e),
                wxColour(0x4a, 0x90, 0xe2, 0x60), wxColour(0x7a, 0xb4, 0xf5),
                wxColour(0xff, 0x6b, 0x6b),       wxColour(0xe8, 0xe2, 0xdc),
                wxColour(0xa8, 0x9c, 0x92)};
    }
    return {
        wxColour(0xfd, 0xfb, 0xf9), wxColour(0xf1, 0xe8, 0xe0),       wxColour(0xa8, 0x97, 0x89),
        wxColour(0xd6, 0xc8, 0xbc), wxColour(0x4a, 0x90, 0xe2, 0x48), wxColour(0x2f, 0x74, 0xc0),
        wxColour(0xc6, 0x28, 0x28), wxColour(0x3b, 0x34, 0x2f),       wxColour(0x8a, 0x7d, 0x72)};
}

bool IsDark() {
    return wxSystemSettings::GetAppearance().IsDark();
}

wxGraphicsPath RoundedPath(wxGraphicsContext& gc, const BodyChartLayout& layout,
                           core::BodyView view, const core::ChartPolygon& polygon, double radius) {
    wxGraphicsPath path = gc.CreatePath();
    const std::vector<core::RoundedCorner> corners = core::RoundCorners(polygon, radius);
    if (corners.empty()) {
        return path;
    }
    const auto at = [&](core::ChartPoint point) { return layout.ToPixels(view, point); };
    const wxPoint2DDouble start = at(corners.front().after);
    path.MoveToPoint(start);
    for (std::size_t i = 1; i <= corners.size(); ++i) {
        const core::RoundedCorner& corner = corners[i % corners.size()];
        path.AddLineToPoint(at(corner.before));
        const wxPoint2DDouble control = at(corner.corner);
        const wxPoint2DDouble end = at(corner.after);
        path.AddQuadCurveToPoint(control.m_x, control.m_y, end.m_x, end.m_y);
    }
    path.CloseSubpath();
    return path;
}

// A darker tone of a colour, for the edge of a shaded area.
wxColour Darker(const wxColour& colour) {
    return colour.ChangeLightness(80);
}

}  // namespace

bool SideCovers(core::Side marked, core::Side area) {
    return marked == area || marked == core::Side::kBilateral || marked == core::Side::kMidline;
}

BodyChartCtrl::BodyChartCtrl(wxWindow* parent, wxWindowID id)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize,
               wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE, "body_chart") {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &BodyChartCtrl::OnPaint, this);
    Bind(wxEVT_SIZE, &BodyChartCtrl::OnSize, this);
    Bind(wxEVT_MOTION, &BodyChartCtrl::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, &BodyChartCtrl::OnLeave, this);
    Bind(wxEVT_LEFT_DOWN, &BodyChartCtrl::OnLeftDown, this);
    // A quick second click arrives as a double click: it toggles the area back.
    Bind(wxEVT_LEFT_DCLICK, &BodyChartCtrl::OnLeftDown, this);
}

void BodyChartCtrl::SetRegions(std::vector<core::RegionWork> regions) {
    if (regions == m_regions) {
        return;
    }
    m_regions = std::move(regions);
    if (m_hover) {
        SetToolTip(TooltipFor(core::BodyChartAreas()[*m_hover]));
    }
    Refresh();
}

void BodyChartCtrl::SetAvoided(std::vector<core::RegionSide> places) {
    m_avoided = std::move(places);
    Refresh();
}

void BodyChartCtrl::SetReadOnly(bool read_only) {
    m_read_only = read_only;
    SetHover(std::nullopt);
}

std::optional<int> BodyChartCtrl::ShadedPressure(core::RegionSide area) const {
    std::optional<int> pressure;
    for (const core::RegionWork& work : m_regions) {
        if (work.region == area.region && SideCovers(work.side, area.side)) {
            pressure = std::max(pressure.value_or(0), work.pressure);
        }
    }
    return pressure;
}

bool BodyChartCtrl::IsHatched(core::RegionSide area) const {
    return std::any_of(m_avoided.begin(), m_avoided.end(), [&](const core::RegionSide& place) {
        return place.region == area.region && SideCovers(place.side, area.side);
    });
}

BodyChartLayout BodyChartCtrl::ChartLayout() const {
    const wxSize size = GetClientSize();
    const int text = GetCharHeight();
    BodyChartLayout::Margins margins;
    margins.top = text + FromDIP(10);
    margins.bottom = text + FromDIP(16);
    margins.side = FromDIP(6);
    margins.gap = FromDIP(12);
    return BodyChartLayout(size.x, size.y, margins);
}

std::optional<std::size_t> BodyChartCtrl::AreaIndexAt(wxPoint point) const {
    const std::optional<ChartHit> hit = ChartLayout().ToChart(wxPoint2DDouble(point.x, point.y));
    if (!hit) {
        return std::nullopt;
    }
    const std::vector<core::ChartArea>& areas = core::BodyChartAreas();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (areas[i].view == hit->view && core::Contains(areas[i].polygon, hit->point)) {
            return i;
        }
    }
    return std::nullopt;
}

std::optional<core::RegionSide> BodyChartCtrl::AreaAt(wxPoint point) const {
    const std::optional<std::size_t> index = AreaIndexAt(point);
    if (!index) {
        return std::nullopt;
    }
    const core::ChartArea& area = core::BodyChartAreas()[*index];
    return core::RegionSide{area.region, area.side};
}

wxPoint BodyChartCtrl::AreaPoint(core::BodyView view, core::RegionSide area) const {
    for (const core::ChartArea& candidate : core::BodyChartAreas()) {
        if (candidate.view == view && candidate.region == area.region &&
            candidate.side == area.side) {
            const wxPoint2DDouble pixel =
                ChartLayout().ToPixels(view, core::Centroid(candidate.polygon));
            return {static_cast<int>(std::lround(pixel.m_x)),
                    static_cast<int>(std::lround(pixel.m_y))};
        }
    }
    return wxDefaultPosition;
}

std::optional<core::RegionSide> BodyChartCtrl::HoveredArea() const {
    if (!m_hover) {
        return std::nullopt;
    }
    const core::ChartArea& area = core::BodyChartAreas()[*m_hover];
    return core::RegionSide{area.region, area.side};
}

wxSize BodyChartCtrl::DoGetBestClientSize() const {
    return FromDIP(wxSize(380, 440));
}

wxString BodyChartCtrl::TooltipFor(const core::ChartArea& area) const {
    const core::RegionSide place{area.region, area.side};
    wxString text = RegionSideName(area.region, area.side);
    if (const std::optional<int> pressure = ShadedPressure(place)) {
        // TRANSLATORS: in the body chart's tooltip, e.g. "Pressure 7 – firm".
        text << '\n' << wxString::Format(_("Pressure %s"), PressureText(*pressure));
    }
    if (IsHatched(place)) {
        text << '\n' << _("Area to avoid");
    }
    if (!m_read_only) {
        text << '\n' << (IsShaded(place) ? _("Click to remove") : _("Click to add"));
    }
    return text;
}

void BodyChartCtrl::SetHover(std::optional<std::size_t> index) {
    if (index == m_hover) {
        return;
    }
    m_hover = index;
    if (m_hover) {
        SetToolTip(TooltipFor(core::BodyChartAreas()[*m_hover]));
        SetCursor(m_read_only ? wxNullCursor : wxCursor(wxCURSOR_HAND));
    } else {
        UnsetToolTip();
        SetCursor(wxNullCursor);
    }
    Refresh();
}

// --- Events ---

void BodyChartCtrl::OnSize(wxSizeEvent& event) {
    Refresh();
    event.Skip();
}

void BodyChartCtrl::OnMotion(wxMouseEvent& event) {
    SetHover(AreaIndexAt(event.GetPosition()));
    event.Skip();
}

void BodyChartCtrl::OnLeave(wxMouseEvent& event) {
    SetHover(std::nullopt);
    event.Skip();
}

void BodyChartCtrl::OnLeftDown(wxMouseEvent& event) {
    event.Skip();
    if (m_read_only) {
        return;
    }
    const std::optional<std::size_t> index = AreaIndexAt(event.GetPosition());
    if (!index) {
        return;
    }
    const core::ChartArea& area = core::BodyChartAreas()[*index];
    BodyChartEvent clicked(EVT_BODY_CHART_CLICKED, GetId(), area.view,
                           core::RegionSide{area.region, area.side});
    clicked.SetEventObject(this);
    ProcessWindowEvent(clicked);
    // The owner may have asked a question meanwhile: the pointer may be elsewhere by now, and
    // no leave event came while the question was open.
    if (!GetClientRect().Contains(ScreenToClient(wxGetMousePosition()))) {
        SetHover(std::nullopt);
    }
}

// --- Drawing ---

void BodyChartCtrl::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const Palette palette = PaletteFor(IsDark());
    dc.SetBackground(wxBrush(palette.background));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (gc) {
        gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
        Draw(*gc);
    }
}

void BodyChartCtrl::Draw(wxGraphicsContext& gc) const {
    const BodyChartLayout layout = ChartLayout();
    if (layout.IsEmpty()) {
        return;
    }
    for (const core::BodyView view : {core::BodyView::kFront, core::BodyView::kBack}) {
        DrawFigure(gc, layout, view);
        DrawAreas(gc, layout, view);
        DrawLabels(gc, layout, view);
    }
    DrawLegend(gc, layout);
}

void BodyChartCtrl::DrawFigure(wxGraphicsContext& gc, const BodyChartLayout& layout,
                               core::BodyView view) const {
    const Palette palette = PaletteFor(IsDark());
    const std::vector<core::ChartPolygon>& outline = core::BodyOutline(view);
    // The silhouette is several overlapping shapes (head, torso, limbs). Stroking them all
    // first with a wide pen and filling them on top leaves one continuous contour around the
    // whole figure, with no seams where the shapes meet.
    const double edge = std::max(1.0, FromDIP(16) / 10.0);
    gc.SetPen(
        gc.CreatePen(wxGraphicsPenInfo(palette.figure_edge).Width(edge * 2).Join(wxJOIN_ROUND)));
    gc.SetBrush(*wxTRANSPARENT_BRUSH);
    for (const core::ChartPolygon& polygon : outline) {
        gc.StrokePath(RoundedPath(gc, layout, view, polygon, core::kChartOutlineRadius));
    }
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(palette.figure));
    for (const core::ChartPolygon& polygon : outline) {
        gc.FillPath(RoundedPath(gc, layout, view, polygon, core::kChartOutlineRadius));
    }
}

void BodyChartCtrl::DrawAreas(wxGraphicsContext& gc, const BodyChartLayout& layout,
                              core::BodyView view) const {
    const bool dark = IsDark();
    const Palette palette = PaletteFor(dark);
    const double thin = std::max(0.8, FromDIP(10) / 10.0);
    const std::vector<core::ChartArea>& areas = core::BodyChartAreas();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const core::ChartArea& area = areas[i];
        if (area.view != view) {
            continue;
        }
        const core::RegionSide place{area.region, area.side};
        const wxGraphicsPath path =
            RoundedPath(gc, layout, view, area.polygon, core::kChartAreaRadius);
        const std::optional<int> pressure = ShadedPressure(place);
        if (pressure) {
            const wxColour shade = PressureShade(*pressure, dark);
            gc.SetBrush(wxBrush(shade));
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(Darker(shade)).Width(thin)));
        } else {
            // Unworked areas are only hinted at, like the lines of a muscle chart.
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(palette.area_edge).Width(thin)));
        }
        gc.DrawPath(path);

        if (IsHatched(place)) {
            const double spacing = FromDIP(5) / layout.Scale();
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(palette.avoid).Width(thin * 1.3)));
            for (const core::ChartSegment& line : core::HatchLines(area.polygon, spacing)) {
                const wxPoint2DDouble from = layout.ToPixels(view, line.from);
                const wxPoint2DDouble to = layout.ToPixels(view, line.to);
                gc.StrokeLine(from.m_x, from.m_y, to.m_x, to.m_y);
            }
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(palette.avoid).Width(thin * 1.3)));
            gc.StrokePath(path);
        }

        if (m_hover == i) {
            gc.SetBrush(wxBrush(palette.hover_fill));
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(palette.hover_edge).Width(thin * 2)));
            gc.DrawPath(path);
        }
    }
}

void BodyChartCtrl::DrawLabels(wxGraphicsContext& gc, const BodyChartLayout& layout,
                               core::BodyView view) const {
    const Palette palette = PaletteFor(IsDark());
    const wxRect2DDouble rect = layout.FigureRect(view);

    // "Front" / "Back" above the figure.
    const wxString title = view == core::BodyView::kFront ? _("Front") : _("Back");
    gc.SetFont(GetFont().Bold(), palette.label);
    double width = 0;
    double height = 0;
    gc.GetTextExtent(title, &width, &height);
    gc.DrawText(title, rect.m_x + (rect.m_width - width) / 2,
                std::max(0.0, rect.m_y - height - FromDIP(4)));

    // Which side is the client's right: on the viewer's left in the front view, on the
    // viewer's right in the back view. A small badge beside each shoulder.
    const wxString right = _("R");
    const wxString left = _("L");
    const bool front = view == core::BodyView::kFront;
    const std::array<std::pair<double, wxString>, 2> cues{std::pair{0.16, front ? right : left},
                                                          std::pair{0.84, front ? left : right}};
    wxFont small = GetFont().Bold();
    small.SetFractionalPointSize(small.GetFractionalPointSize() * 0.85);
    gc.SetFont(small, palette.cue);
    for (const auto& [x, letter] : cues) {
        const wxPoint2DDouble centre = layout.ToPixels(view, {x, 0.17});
        const double radius = FromDIP(9);
        gc.SetBrush(*wxTRANSPARENT_BRUSH);
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(palette.cue).Width(1)));
        gc.DrawEllipse(centre.m_x - radius, centre.m_y - radius, radius * 2, radius * 2);
        gc.GetTextExtent(letter, &width, &height);
        gc.DrawText(letter, centre.m_x - width / 2, centre.m_y - height / 2);
    }
}

void BodyChartCtrl::DrawLegend(wxGraphicsContext& gc, const BodyChartLayout& layout) const {
    const bool dark = IsDark();
    const Palette palette = PaletteFor(dark);
    wxFont font = GetFont();
    font.SetFractionalPointSize(font.GetFractionalPointSize() * 0.9);
    gc.SetFont(font, palette.cue);

    struct Item {
        wxString text;
        std::optional<int> pressure;  // nullopt: the hatch
    };
    std::vector<Item> items;
    const wxString title = _("Pressure:");
    for (const core::Pressure pressure : core::AllValues<core::Pressure>()) {
        const wxString name = NameOf(pressure);
        items.push_back({name.Lower(), core::PressureLevel(pressure)});
    }
    if (!m_avoided.empty()) {
        items.push_back({_("avoid"), std::nullopt});
    }
    const double swatch = FromDIP(12);
    const double space = FromDIP(5);
    const double between = FromDIP(14);
    double title_width = 0;
    double title_height = 0;
    gc.GetTextExtent(title, &title_width, &title_height);
    double total = title_width + space;
    for (const Item& item : items) {
        double w = 0;
        double h = 0;
        gc.GetTextExtent(item.text, &w, &h);
        total += swatch + space + w + between;
    }
    total -= between;
    const wxSize size = GetClientSize();
    const wxRect2DDouble front = layout.FigureRect(core::BodyView::kFront);
    double x = std::max(0.0, (size.x - total) / 2);
    const double y =
        std::min(static_cast<double>(size.y) - swatch - FromDIP(6), front.GetBottom() + FromDIP(8));
    const double thin = std::max(0.8, FromDIP(10) / 10.0);
    gc.DrawText(title, x, y + (swatch - title_height) / 2);
    x += title_width + space;
    for (const Item& item : items) {
        if (item.pressure) {
            const wxColour shade = PressureShade(*item.pressure, dark);
            gc.SetBrush(wxBrush(shade));
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(Darker(shade)).Width(thin)));
            gc.DrawRoundedRectangle(x, y, swatch, swatch, FromDIP(3));
        } else {
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
            gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(palette.avoid).Width(thin * 1.3)));
            gc.DrawRoundedRectangle(x, y, swatch, swatch, FromDIP(3));
            const core::ChartPolygon square{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
            for (const core::ChartSegment& line : core::HatchLines(square, 0.3)) {
                gc.StrokeLine(x + line.from.x * swatch, y + line.from.y * swatch,
                              x + line.to.x * swatch, y + line.to.y * swatch);
            }
        }
        x += swatch + space;
        double w = 0;
        double h = 0;
        gc.GetTextExtent(item.text, &w, &h);
        gc.DrawText(item.text, x, y + (swatch - h) / 2);
        x += w + between;
    }
}

}  // namespace myodesk::app
