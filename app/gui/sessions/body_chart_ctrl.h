#pragma once

#include "sessions/body_chart_layout.h"

#include <myodesk/core/body_chart.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/session_note.h>

#include <wx/event.h>
#include <wx/window.h>

#include <cstddef>
#include <optional>
#include <vector>

class wxGraphicsContext;

namespace myodesk::app {

// Sent (as a command event, so it reaches the dialog) when an area of the body chart is
// clicked: the region and side under the pointer, and the view it was clicked in.
class BodyChartEvent : public wxCommandEvent {
  public:
    BodyChartEvent(wxEventType type = wxEVT_NULL, int id = wxID_ANY,
                   core::BodyView view = core::BodyView::kFront, core::RegionSide area = {})
        : wxCommandEvent(type, id), m_view(view), m_area(area) {}

    core::BodyView View() const { return m_view; }
    core::RegionSide Area() const { return m_area; }
    wxEvent* Clone() const override { return new BodyChartEvent(*this); }

  private:
    core::BodyView m_view;
    core::RegionSide m_area;
};

wxDECLARE_EVENT(EVT_BODY_CHART_CLICKED, BodyChartEvent);

// Whether a mark on `marked` side covers the chart area on `area` side (left or right): a
// mark on both sides or on the midline covers the left and the right area.
bool SideCovers(core::Side marked, core::Side area);

// The body chart: the front and back of a figure side by side, drawn from core's geometry
// (core::BodyOutline, core::BodyChartAreas) with wxGraphicsContext, so it is crisp at any
// size and resolution. The regions of a note are shaded by their pressure (light to dark);
// areas to avoid (local contraindications) are hatched; the area under the pointer is
// highlighted and named in a tooltip. A click on an area sends EVT_BODY_CHART_CLICKED: the
// owner decides what it means (add or remove the region) and calls SetRegions. The chart
// takes no keyboard focus: keyboard users edit the regions in the grid beside it.
class BodyChartCtrl : public wxWindow {
  public:
    explicit BodyChartCtrl(wxWindow* parent, wxWindowID id = wxID_ANY);

    // The regions shaded, with their pressure.
    void SetRegions(std::vector<core::RegionWork> regions);
    const std::vector<core::RegionWork>& Regions() const { return m_regions; }

    // The places drawn hatched (a side of nullopt, both or midline covers left and right).
    void SetAvoided(std::vector<core::RegionSide> places);

    // A read-only chart shows and names, but clicks do nothing.
    void SetReadOnly(bool read_only);
    bool IsReadOnly() const { return m_read_only; }

    // The pressure an area (a region on the left or right) is shaded with, or nullopt when it
    // is not among the regions.
    std::optional<int> ShadedPressure(core::RegionSide area) const;
    bool IsShaded(core::RegionSide area) const { return ShadedPressure(area).has_value(); }
    bool IsHatched(core::RegionSide area) const;

    // The area under a point of the control (client pixels), or nullopt.
    std::optional<core::RegionSide> AreaAt(wxPoint point) const;
    // The client pixel at the middle (core::Centroid) of an area in a view; wxDefaultPosition
    // when the view has no such area.
    wxPoint AreaPoint(core::BodyView view, core::RegionSide area) const;
    // The area the pointer is over, or nullopt.
    std::optional<core::RegionSide> HoveredArea() const;

    // Where the views are at the control's current size.
    BodyChartLayout ChartLayout() const;

    bool AcceptsFocus() const override { return false; }
    bool AcceptsFocusFromKeyboard() const override { return false; }

  protected:
    wxSize DoGetBestClientSize() const override;

  private:
    // The index in core::BodyChartAreas() of the area under a point, or nullopt.
    std::optional<std::size_t> AreaIndexAt(wxPoint point) const;
    void SetHover(std::optional<std::size_t> index);
    wxString TooltipFor(const core::ChartArea& area) const;

    void Draw(wxGraphicsContext& gc) const;
    void DrawFigure(wxGraphicsContext& gc, const BodyChartLayout& layout,
                    core::BodyView view) const;
    void DrawAreas(wxGraphicsContext& gc, const BodyChartLayout& layout, core::BodyView view) const;
    void DrawLabels(wxGraphicsContext& gc, const BodyChartLayout& layout,
                    core::BodyView view) const;
    void DrawLegend(wxGraphicsContext& gc, const BodyChartLayout& layout) const;

    void OnPaint(wxPaintEvent& event);
    void OnSize(wxSizeEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeave(wxMouseEvent& event);
    void OnLeftDown(wxMouseEvent& event);

    std::vector<core::RegionWork> m_regions;
    std::vector<core::RegionSide> m_avoided;
    bool m_read_only = false;
    std::optional<std::size_t> m_hover;
};

}  // namespace myodesk::app
