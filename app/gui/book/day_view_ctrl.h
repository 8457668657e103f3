#pragma once

#include <myodesk/services/appointment_service.h>

#include <wx/event.h>
#include <wx/scrolwin.h>

#include <optional>
#include <vector>

namespace myodesk::app {

// Sent when the selection moves (a click, the arrow keys): an appointment or a free slot.
wxDECLARE_EVENT(EVT_BOOK_SELECTION_CHANGED, wxCommandEvent);
// Sent on a double-click or Enter: open the selected appointment, or book the free slot.
wxDECLARE_EVENT(EVT_BOOK_ACTIVATED, wxCommandEvent);
// Sent when a booked appointment dragged with the mouse is let go somewhere new (LastDrop).
wxDECLARE_EVENT(EVT_BOOK_DROPPED, wxCommandEvent);

// One day of the appointment book: a column per therapist (their name on top; or, for one
// therapist's week, a column per day), the hours down
// the side in quarter-hour rows, time outside a therapist's hours shaded, and each appointment
// as a block coloured by its status with the client's name, the time and the service or room,
// and a red (absolute) or amber (other) mark when the client has a contraindication flag that
// day. Cancelled appointments free their slot and are left out. The sessions the clients' plans
// propose and nobody has booked are ghosts: a dashed outline at a free time, which selecting
// and activating books (linked to the plan). On today, a red line marks
// the time. A click chooses an appointment or a free quarter hour; the arrow keys move by a
// quarter hour (up, down) and a therapist (left, right); Enter or a double-click activates.
// A booked appointment dragged by its body moves (to another time, therapist, room or day of
// the week), dragged by its bottom edge changes length, by quarter hours, with an outline of
// where it will land; Escape drops nothing. The view only says where (EVT_BOOK_DROPPED): the
// panel saves it with the same checks as a move. In the day by room, a column per room, with
// its changeover after each appointment hatched.
class DayViewCtrl : public wxScrolledCanvas {
  public:
    explicit DayViewCtrl(wxWindow* parent, wxWindowID id = wxID_ANY);

    // Shows the day (or a therapist's week); `now` draws the time line in the columns of its
    // day. Keeps the selected appointment when it is still there.
    void SetDay(services::BookDay day, std::optional<core::LocalMoment> now);
    const services::BookDay& Day() const { return m_day; }

    // What is selected: an appointment (its entry) or a free slot (a column and a minute).
    struct Slot {
        std::size_t column = 0;
        int minute = 9 * 60;
        friend bool operator==(const Slot&, const Slot&) = default;
    };
    const services::BookEntry* SelectedEntry() const;
    std::optional<Slot> SelectedSlot() const;
    void SelectAppointment(core::AppointmentId id);
    void SelectAppointment(const core::AppointmentKey& key);
    void SelectSlot(const Slot& slot);

    // For tests and the tooltips: where a slot is drawn, and what lies under a point.
    wxRect SlotRect(const Slot& slot) const;
    std::optional<Slot> SlotAt(const wxPoint& point) const;
    const services::BookEntry* EntryAt(const wxPoint& point) const;
    // The plan's proposed session drawn over a free slot (a ghost), if any.
    const services::BookProposal* ProposalAt(const Slot& slot) const;
    // Where a dragged appointment was let go: its column and start (a move), or its new
    // length (a resize, `resize` set).
    struct Drop {
        core::AppointmentKey key;
        std::size_t column = 0;
        int start_minute = 0;
        int duration_min = 0;
        bool resize = false;
    };
    const std::optional<Drop>& LastDrop() const { return m_drop; }
    // While an appointment is dragged, where it would land if let go now.
    std::optional<Drop> DragTarget() const;
    // Whether a point is on a booked appointment's bottom edge (dragging there resizes).
    bool OnResizeEdge(const wxPoint& point) const;
    // The first and last minute shown (whole hours around every column's hours and booking).
    int FirstMinute() const { return m_first_minute; }
    int LastMinute() const { return m_last_minute; }

  protected:
    wxSize DoGetBestClientSize() const override;

  private:
    static constexpr int kSlotMinutes = 15;

    int RowHeight() const;
    int HeaderHeight() const;
    int Gutter() const;
    int ColumnWidth() const;
    int ColumnLeft(std::size_t column) const;  // in unscrolled coordinates
    int MinuteTop(int minute) const;           // in unscrolled coordinates
    std::optional<std::size_t> ColumnOf(const core::Appointment& appointment) const;
    static wxString ColumnDay(const core::Date& date);
    bool Shows(const services::BookEntry& entry) const;
    void UpdateRange();
    void UpdateVirtualSize();
    void ScrollToSelection();
    void Notify(const wxEventType& type);
    // Side by side where appointments overlap in a column.
    void UpdateLanes();
    // The shown appointment a slot lies in, if any.
    const services::BookEntry* EntryCovering(const Slot& slot) const;
    // Where an entry's block is drawn (unscrolled coordinates).
    wxRect BlockRect(std::size_t index) const;
    // The minute under a point (not rounded to a slot), in the view's time.
    int MinuteAt(const wxPoint& point) const;
    void UpdateDrag(const wxPoint& point);
    void EndDrag();

    void OnPaint(wxPaintEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnLeftDouble(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeftUp(wxMouseEvent& event);
    void OnCaptureLost(wxMouseCaptureLostEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void OnSize(wxSizeEvent& event);

    services::BookDay m_day;
    std::optional<core::LocalMoment> m_now;
    int m_first_minute = 8 * 60;
    int m_last_minute = 20 * 60;
    std::optional<core::AppointmentKey> m_selected_appointment;
    Slot m_slot;
    // A booked appointment under the mouse button: dragged once past the system's threshold.
    struct Drag {
        Drop target;
        wxPoint pressed;                  // where the button went down
        int grab_minutes = 0;             // from the appointment's start to the pointer
        bool started = false;             // moved far enough to be a drag, not a click
        std::size_t original_column = 0;  // where it was, to tell a drop from a click
        int original_start = 0;
        int original_duration = 0;
    };
    std::optional<Drag> m_drag;
    struct Lane {
        int lane = 0;   // from the left
        int count = 1;  // lanes of its overlapping group
    };
    std::vector<Lane> m_lanes;  // one per entry of m_day
    std::optional<Drop> m_drop;
};

}  // namespace myodesk::app
