// The appointment book with the mouse and by room (issue 16): an appointment dragged to another
// therapist and time, its bottom edge dragged to change its length, a drop on a clash refused
// with the clash named and nothing moved, Escape dropping nothing, and the day by room with a
// column per room (and one for the appointments without a room, side by side where they
// overlap).

#include "book/appointment_book_panel.h"
#include "book/book_frame.h"
#include "book/day_view_ctrl.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "shell/main_frame.h"

#include <myodesk/services/appointment_service.h>
#include <myodesk/services/practice_setup_service.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk;
using app::AppointmentBookPanel;
using app::DayViewCtrl;
using app::test::Contains;
using app::test::DialogRecorder;

namespace {

// The book's window with rooms: Bea Stride with Jane tomorrow 10:00-11:00 in Room 1.
struct DragFrame : app::test::BookFrame {
    DragFrame() : BookFrame(true) {}

    core::Appointment Stored(core::AppointmentId id) {
        return services::AppointmentService(context).Get(id);
    }
    std::size_t Column(const std::string& name) {
        const auto& columns = View().Day().columns;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string shown =
                columns[i].room ? columns[i].room->name : columns[i].therapist.name;
            if (shown == name) {
                return i;
            }
        }
        BOOST_FAIL("no column " << name);
        return 0;
    }
    // A point inside the slot, `down` pixels below its top.
    wxPoint In(std::size_t column, int minute, int down = 1) {
        const wxRect slot = View().SlotRect({column, minute});
        return {slot.GetLeft() + slot.GetWidth() / 2, slot.GetTop() + down};
    }
    // The mouse as the window system sends it.
    void Mouse(wxEventType type, const wxPoint& at, bool left_down) {
        wxMouseEvent event(type);
        event.SetPosition(at);
        event.m_leftDown = left_down;
        event.SetEventObject(&View());
        View().GetEventHandler()->ProcessEvent(event);
    }
    void Drag(const wxPoint& from, const wxPoint& to) {
        Mouse(wxEVT_LEFT_DOWN, from, true);
        Mouse(wxEVT_MOTION, from + wxPoint(0, 8), true);  // past the drag threshold
        Mouse(wxEVT_MOTION, to, true);
        Mouse(wxEVT_LEFT_UP, to, false);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_book_drag)

BOOST_FIXTURE_TEST_CASE(dragging_moves_to_another_therapist_and_time, DragFrame) {
    const std::size_t jane_column = Column("Jane Doe");
    const std::size_t bo_column = Column("Bo Ek");
    Mouse(wxEVT_LEFT_DOWN, In(jane_column, 10 * 60), true);
    Mouse(wxEVT_MOTION, In(jane_column, 10 * 60, 9), true);
    Mouse(wxEVT_MOTION, In(bo_column, 13 * 60), true);
    // While it is dragged, the outline says where it would land.
    const auto target = View().DragTarget();
    BOOST_REQUIRE(target.has_value());
    BOOST_TEST(target->column == bo_column);
    BOOST_TEST(target->start_minute == 13 * 60);
    BOOST_TEST(target->duration_min == 60);
    BOOST_TEST(!target->resize);
    Mouse(wxEVT_LEFT_UP, In(bo_column, 13 * 60), false);

    const core::Appointment moved = Stored(booked.id);
    BOOST_TEST(moved.therapist_id == bo.id);
    BOOST_TEST(moved.start_minute == 13 * 60);
    BOOST_TEST(moved.duration_min == 60);
    BOOST_TEST((moved.room_id == std::optional(room.id)));  // the room goes with it
    BOOST_TEST(!View().DragTarget().has_value());
    BOOST_REQUIRE(View().SelectedEntry() != nullptr);
    BOOST_TEST(View().SelectedEntry()->appointment.id == booked.id);
    BOOST_TEST(Contains(Book().DetailsText(), "13:00"), app::test::Utf8(Book().DetailsText()));
}

BOOST_FIXTURE_TEST_CASE(dragging_the_bottom_edge_changes_the_length, DragFrame) {
    const std::size_t jane_column = Column("Jane Doe");
    // The last quarter's bottom pixels are the block's edge.
    const wxRect last_quarter = View().SlotRect({jane_column, 10 * 60 + 45});
    const wxPoint edge(last_quarter.GetLeft() + 20, last_quarter.GetBottom() - 2);
    BOOST_TEST(View().OnResizeEdge(edge));
    BOOST_TEST(!View().OnResizeEdge(In(jane_column, 10 * 60 + 15)));
    Drag(edge, In(jane_column, 11 * 60 + 30));
    const core::Appointment resized = Stored(booked.id);
    BOOST_TEST(resized.start_minute == 10 * 60);
    BOOST_TEST(resized.duration_min == 90);
    BOOST_TEST(resized.therapist_id == jane.id);
}

BOOST_FIXTURE_TEST_CASE(a_drop_on_a_clash_is_refused_and_named, DragFrame) {
    core::Appointment ann_with_bo;
    ann_with_bo.client_id = ann.id;
    ann_with_bo.therapist_id = bo.id;
    ann_with_bo.date = Tomorrow();
    ann_with_bo.start_minute = 13 * 60;
    services::AppointmentService(context).Book(ann_with_bo);
    Book().Reload();
    Drag(In(Column("Jane Doe"), 10 * 60), In(Column("Bo Ek"), 13 * 60 + 30));
    const auto& told = DialogRecorder::Instance().Messages();
    BOOST_REQUIRE(told.size() == 1u);
    BOOST_TEST(Contains(told[0], "Not moved: this clashes with the booked session of Ann Smith"),
               app::test::Utf8(told[0]));
    const core::Appointment kept = Stored(booked.id);
    BOOST_TEST(kept.therapist_id == jane.id);
    BOOST_TEST(kept.start_minute == 10 * 60);
}

BOOST_FIXTURE_TEST_CASE(escape_and_a_click_move_nothing, DragFrame) {
    const std::size_t jane_column = Column("Jane Doe");
    Mouse(wxEVT_LEFT_DOWN, In(jane_column, 10 * 60), true);
    Mouse(wxEVT_MOTION, In(jane_column, 12 * 60), true);
    BOOST_REQUIRE(View().DragTarget().has_value());
    wxKeyEvent escape(wxEVT_KEY_DOWN);
    escape.m_keyCode = WXK_ESCAPE;
    View().GetEventHandler()->ProcessEvent(escape);
    BOOST_TEST(!View().DragTarget().has_value());
    Mouse(wxEVT_LEFT_UP, In(jane_column, 12 * 60), false);
    // A click (no movement) only chooses it.
    Mouse(wxEVT_LEFT_DOWN, In(jane_column, 10 * 60), true);
    Mouse(wxEVT_LEFT_UP, In(jane_column, 10 * 60), false);
    BOOST_TEST(Stored(booked.id).start_minute == 10 * 60);
    BOOST_TEST(Stored(booked.id).version == booked.version);
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
}

BOOST_FIXTURE_TEST_CASE(the_day_by_room_has_a_column_per_room, DragFrame) {
    // Two appointments without a room at overlapping times (different therapists).
    services::AppointmentService service(context);
    core::Appointment first;
    first.client_id = ann.id;
    first.therapist_id = bo.id;
    first.date = Tomorrow();
    first.start_minute = 14 * 60;
    service.Book(first);
    core::Client added = app::test::MakeClient("Cy", "Ames");
    clients.Add(added);
    core::Appointment second;
    second.client_id = added.id;
    second.therapist_id = jane.id;
    second.date = Tomorrow();
    second.start_minute = 14 * 60 + 30;
    service.Book(second);

    wxCommandEvent by_room(wxEVT_MENU, app::MainFrame::kIdViewBookByRoom);
    frame->GetEventHandler()->ProcessEvent(by_room);
    BOOST_TEST(Book().ByRoom());
    BOOST_TEST(View().Day().by_room);
    const auto& columns = View().Day().columns;
    BOOST_REQUIRE(columns.size() == 3u);  // Room 1, Studio, and the ones without a room
    BOOST_TEST(columns[0].room->name == "Room 1");
    BOOST_TEST(columns[1].room->name == "Studio");
    BOOST_TEST(columns[2].room->id == 0);
    BOOST_TEST(View().Day().proposals.empty());

    // Side by side: a point in each half of the 14:30 quarter finds its own appointment.
    const wxRect quarter = View().SlotRect({2, 14 * 60 + 30});
    const auto* left = View().EntryAt(quarter.GetTopLeft() + wxPoint(10, 2));
    const auto* right = View().EntryAt(wxPoint(quarter.GetRight() - 10, quarter.GetTop() + 2));
    BOOST_REQUIRE(left != nullptr);
    BOOST_REQUIRE(right != nullptr);
    BOOST_TEST(left->appointment.id == first.id);
    BOOST_TEST(right->appointment.id == second.id);
    BOOST_TEST(left->therapist_name == "Bo Ek");  // a room's column says who gives it

    // Dropped on the Studio's column: the room changes, the therapist stays.
    Drag(In(0, 10 * 60), In(1, 11 * 60));
    const core::Appointment moved = Stored(booked.id);
    BOOST_TEST((moved.room_id == std::optional(studio.id)));
    BOOST_TEST(moved.therapist_id == jane.id);
    BOOST_TEST(moved.start_minute == 11 * 60);
    // Back to the day by therapist.
    Book().ShowByRoom(false);
    BOOST_TEST(!View().Day().by_room);
    BOOST_TEST(View().Day().columns[0].therapist.id != 0);
}

BOOST_AUTO_TEST_SUITE_END()
