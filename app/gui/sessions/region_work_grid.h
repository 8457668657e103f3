#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/core/session_note.h>

#include <wx/panel.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

class wxScrolledWindow;

namespace myodesk::app {

class FormRowsPanel;
class NoteCautions;

// The regions of a session note as a grid: region, side, pressure and pain before and after,
// one row each, under fixed headings, scrolled on its own so that many regions never push the
// body chart above it off the dialog. Keyboard users edit the regions here alone. Choosing an
// avoided area or deep pressure under a modify flag asks first, and a declined change is
// undone.
class RegionWorkGrid : public wxPanel {
  public:
    enum Column : std::size_t {
        kRegionColumn,
        kSideColumn,
        kPressureColumn,
        kPainBeforeColumn,
        kPainAfterColumn,
    };

    // `on_changed` is called after the regions changed (a row added, removed or edited).
    RegionWorkGrid(wxWindow* parent, const NoteCautions& cautions,
                   std::function<void()> on_changed);

    FormRowsPanel* Rows() const { return m_rows; }

    void Load(const std::vector<core::RegionWork>& regions);
    // The region of a row, or nullopt while its region is not chosen.
    std::optional<core::RegionWork> ReadRow(std::size_t row) const;
    void SetRow(std::size_t row, const core::RegionWork& work);
    // The regions of the rows with a region chosen.
    std::vector<core::RegionWork> Regions() const;

    // What a click on the chart does: removes the area's region and side when the grid has
    // it (both sides, one clicked off: the other stays); turns the region's row for the other
    // side into both sides; otherwise adds a row for it (asking first for an area to avoid).
    void ToggleArea(core::RegionSide area);

  private:
    std::vector<wxWindow*> CreateRow(wxWindow* parent);
    std::optional<std::size_t> RowOf(const wxWindow* control, std::size_t* column) const;
    // The row of the same region on the other side (right for left), if `area` is a side.
    std::optional<std::size_t> RowOfOtherSide(core::RegionSide area) const;
    void RememberRows();
    void ScrollToEnd();
    void OnChoice(wxCommandEvent& event);

    const NoteCautions& m_cautions;
    std::function<void()> m_on_changed;
    wxScrolledWindow* m_scroller = nullptr;
    FormRowsPanel* m_rows = nullptr;
    // The rows as last accepted, to undo a change the user declines.
    std::vector<std::optional<core::RegionWork>> m_accepted_rows;
};

}  // namespace myodesk::app
