#pragma once

#include <myodesk/core/plan.h>

#include <wx/event.h>
#include <wx/scrolwin.h>

#include <cstddef>
#include <optional>

namespace myodesk::app {

// Sent when the user chooses a session on the timeline (click, or the arrow keys); GetInt()
// is the session's index in the plan.
wxDECLARE_EVENT(EVT_PLAN_SESSION_CHOSEN, wxCommandEvent);

// The plan as a timeline, day by day from the plan's first to its last day, scrolling
// sideways when it does not fit: a band of the training phases (coloured, with a legend), the
// training calendar beside it as bars as long as each day's distance (long runs dark with their
// distance in the client's units, the race red and flagged, days assumed from the intake
// outlined), and the planned massage sessions as markers (planned: a ring; booked: filled;
// skipped: crossed out), with today marked by a red line. A click on a day with a session
// chooses it; Left and Right go to the previous and next session.
class PlanTimelineCtrl : public wxScrolledCanvas {
  public:
    explicit PlanTimelineCtrl(wxWindow* parent, wxWindowID id = wxID_ANY);

    // Shows the plan, or nothing (nullptr). The plan must stay alive and unchanged until the
    // next call.
    void SetPlan(const core::Plan* plan, core::DistanceUnit units, const core::Date& today);
    // Marks a session as chosen (-1: none) and scrolls it into view; sends no event.
    void SetSelection(int index);
    int GetSelection() const { return m_selection; }

    // Where the marker of session `index` is drawn, in client coordinates (for tests).
    wxPoint SessionPoint(std::size_t index) const;
    // The session on the day under a point (client coordinates), or -1.
    int SessionAt(const wxPoint& point) const;
    // The day under a point, or nullopt.
    std::optional<core::Date> DayAt(const wxPoint& point) const;
    // A day in words, as its tooltip says it: "Tue 3 Dec 2026 · Build · Long run 32 km ·
    // Massage: Sports, Swedish, 45 min (planned)".
    wxString DayDescription(const core::Date& day) const;

  protected:
    wxSize DoGetBestClientSize() const override;

  private:
    struct Rows {
        int axis_top, axis_height;
        int phase_top, phase_height;
        int training_top, training_height;
        int massage_top, massage_height;
        int legend_top, legend_height;
    };

    Rows Layout() const;
    int DayCount() const;
    int DayWidth() const;
    int Gutter() const;
    // The left edge of a day in client coordinates (scrolled).
    int DayLeft(const core::Date& day) const;
    void UpdateVirtualSize();
    void ScrollToDay(const core::Date& day);
    void Choose(int index);

    // Painting, in named steps over one Paint (defined with them).
    struct Paint;
    void OnPaint(wxPaintEvent& event);
    void PaintWeekends(Paint& paint) const;
    void PaintAxis(Paint& paint) const;
    void PaintPhases(Paint& paint) const;
    void PaintSelection(Paint& paint) const;
    void PaintTraining(Paint& paint) const;
    void PaintRunLabel(Paint& paint, const core::PlanRun& run, const wxRect& bar,
                       int& last_label_right) const;
    void PaintMassage(Paint& paint) const;
    void PaintToday(Paint& paint) const;
    void PaintRowLabels(Paint& paint) const;
    void PaintLegend(Paint& paint) const;
    void OnSize(wxSizeEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnKeyDown(wxKeyEvent& event);

    const core::Plan* m_plan = nullptr;
    core::DistanceUnit m_units = core::DistanceUnit::kKm;
    core::Date m_today{};
    int m_selection = -1;
    std::optional<core::Date> m_tooltip_day;
};

}  // namespace myodesk::app
