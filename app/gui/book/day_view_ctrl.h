#pragma once

#include <myodesk/services/appointment_service.h>

#include <wx/event.h>
#include <wx/scrolwin.h>

#include <optional>

namespace myodesk::app {

// Sent when the selection moves (a click, the arrow keys): an appointment or a free slot.
wxDECLARE_EVENT(EVT_BOOK_SELECTION_CHANGED, wxCommandEvent);
// Sent on a double-click or Enter: open the selected appointment, or book the free slot.
wxDECLARE_EVENT(EVT_BOOK_ACTIVATED, wxCommandEvent);

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

    void OnPaint(wxPaintEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnLeftDouble(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void OnSize(wxSizeEvent& event);

    services::BookDay m_day;
    std::optional<core::LocalMoment> m_now;
    int m_first_minute = 8 * 60;
    int m_last_minute = 20 * 60;
    std::optional<core::AppointmentKey> m_selected_appointment;
    Slot m_slot;
};

}  // namespace myodesk::app
