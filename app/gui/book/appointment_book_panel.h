#pragma once

#include "book/day_view_ctrl.h"

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/db/change_watcher.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/context.h>

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxGenericCalendarCtrl;
class wxChoice;
class wxStaticText;

namespace myodesk::app {

class DateField;

// The appointment book, the desk's home: one day at a time (previous, today, next, or a day
// typed), a column per working therapist (or per room), and beside it the chosen appointment
// with what the desk does next: Arrived, Completed, No-show, Cancel…, Reschedule…, Open
// client; an appointment also moves by dragging it. A free slot is
// booked with Book… (or Enter, or a double-click on it). What another desk books or changes
// on the day shown appears within a second (db::ChangeWatcher: PostgreSQL's notifications, or
// SQLite's data_version, looked at twice a second; the day read again only when they moved).
class AppointmentBookPanel : public wxPanel {
  public:
    enum : int {
        kIdPreviousDay = wxID_HIGHEST + 400,
        kIdToday,
        kIdNextDay,
        kIdBook,
        kIdArrived,
        kIdCompleted,
        kIdNoShow,
        kIdCancel,
        kIdMove,
        kIdOpenClient,
        kIdShow,
        kIdMonth,
        kIdPrintDay,
    };

    AppointmentBookPanel(wxWindow* parent, services::Context& context);

    // What "Open client" does (the main window shows the client's workspace).
    void OnOpenClient(std::function<void(core::ClientId)> open) { m_open_client = std::move(open); }
    // What "Completed" does next: the note of the session, pre-filled (the main window opens
    // the note editor).
    void OnWriteNote(std::function<void(const core::Appointment&)> write) {
        m_write_note = std::move(write);
    }

    // Shows `date` (read again from the database): the day, or the week it falls in when a
    // therapist's week is shown.
    void ShowDay(const core::Date& date);
    // Shows one therapist's week (Monday to Sunday) around the day shown, or (nullopt) the
    // day with a column per therapist.
    void ShowWeekOf(const std::optional<core::StaffId>& therapist);
    const std::optional<core::StaffId>& WeekOf() const { return m_week_of; }
    wxGenericCalendarCtrl* MonthCalendar() const { return m_month; }
    // Reads the day shown again (after a change made elsewhere).
    void Reload();
    const core::Date& DayShown() const { return m_date; }
    DayViewCtrl* DayView() const { return m_view; }
    // Chooses an appointment of the day shown, as a click on it does.
    void SelectAppointment(core::AppointmentId id);
    void SelectAppointment(const core::AppointmentKey& key);
    // The details pane's text, for tests.
    wxString DetailsText() const;

    // The desk's actions on the chosen appointment or slot; false when nothing was done.
    bool BookSelectedSlot();
    bool MarkSelected(core::AppointmentStatus status);
    bool CancelSelected();
    bool MoveSelected();
    // Saves an appointment dragged to a new time, column or length (the day view's drop), with
    // the same questions and checks as a move; a refusal is shown and the book left as it was.
    bool MoveDropped(const DayViewCtrl::Drop& drop);
    // The day with a column per room (true) or per therapist; a week is left for the day.
    void ShowByRoom(bool by_room) {
        m_by_room = by_room;
        ShowWeekOf(std::nullopt);
    }
    bool ByRoom() const { return m_by_room; }

  private:
    void UpdateDetails();
    // Says the appointment changed at another desk (the book then shows it as it is now).
    void TellChangedElsewhere(const wxString& title);
    // A column's heading: the therapist's name, or the room's.
    static wxString ColumnName(const services::BookColumn& column);
    // The first day shown: the day, or the Monday of the week shown.
    core::Date FirstDayShown() const;
    // The "Show" choice: the day, then each therapist's week (refilled when the staff change).
    void FillShowChoice();
    // Twice a second: reads the book again when another desk changed something.
    void OnWatchTimer(wxTimerEvent& event);
    // "Every 2 weeks, until 4 Mar 2027" for an appointment of a series.
    wxString SeriesText(const core::Appointment& appointment);
    // Books (as a series when `repeat` is set) or moves (the occurrences `change` says)
    // through the service, asking first where the rules want the desk to confirm (outside the
    // hours, a time already begun, an absolute flag).
    void SaveAsking(core::Appointment& appointment, const std::optional<core::Recurrence>& repeat,
                    services::SeriesChange change = services::SeriesChange::kThisOne);
    // For an appointment of a series, which ones a change is for; nullopt when the desk
    // thinks better of it.
    std::optional<services::SeriesChange> AskWhichOccurrences(const core::Appointment& appointment,
                                                              const wxString& title);

    services::Context& m_context;
    services::AppointmentService m_book;
    core::Date m_date{};
    std::function<void(core::ClientId)> m_open_client;
    std::function<void(const core::Appointment&)> m_write_note;
    std::unique_ptr<db::ChangeWatcher> m_watcher;
    bool m_stale = false;  // another desk changed something not read yet
    wxTimer m_watch;
    // The therapist whose week is shown; nullopt: the day, a column per therapist.
    std::optional<core::StaffId> m_week_of;
    bool m_by_room = false;                              // the day with a column per room
    std::map<core::StaffId, std::string> m_staff_names;  // everyone's, for the details
    std::vector<core::StaffId>
        m_show_choices;  // the "Show" choice's therapists, after the two days

    wxStaticText* m_day_title = nullptr;
    DateField* m_jump = nullptr;
    wxChoice* m_show = nullptr;
    wxGenericCalendarCtrl* m_month = nullptr;
    DayViewCtrl* m_view = nullptr;
    wxStaticText* m_detail_title = nullptr;
    wxStaticText* m_detail_text = nullptr;
    wxStaticText* m_detail_flag = nullptr;  // the client's banner that day
    wxStaticText* m_detail_note = nullptr;  // their last note
    wxButton* m_arrived = nullptr;
    wxButton* m_completed = nullptr;
    wxButton* m_no_show = nullptr;
    wxButton* m_cancel = nullptr;
    wxButton* m_move = nullptr;
    wxButton* m_open = nullptr;
};

}  // namespace myodesk::app
