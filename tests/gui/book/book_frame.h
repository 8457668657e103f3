#pragma once

// The window the appointment book's GUI tests start from.

#include "book/appointment_book_panel.h"
#include "book/day_view_ctrl.h"
#include "gui_test_support.h"
#include "shell/main_frame.h"

#include <myodesk/services/appointment_service.h>
#include <myodesk/services/practice_setup_service.h>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <vector>

namespace myodesk::app::test {

// Jane Doe and Bo Ek working every day 09:00-17:00, and Bea Stride booked with Jane tomorrow
// at 10:00 (with `with_rooms`: in Room 1, changeover 10 min, beside the Studio); the book shows
// tomorrow.
struct BookFrame : ClinicFrame {
    explicit BookFrame(bool with_rooms = false) {
        staff.Add(bo);
        bea = MakeClient("Bea", "Stride");
        clients.Add(bea);
        services::PracticeSetupService setup(context);
        for (int day = 0; day < 7; ++day) {
            setup.SetDay(std::nullopt, static_cast<core::Weekday>(day),
                         std::vector<core::TimeRange>{{9 * 60, 17 * 60}});
        }
        booked.client_id = bea.id;
        booked.therapist_id = jane.id;
        booked.date = Tomorrow();
        booked.start_minute = 10 * 60;
        if (with_rooms) {
            room.name = "Room 1";
            room.changeover_min = 10;
            setup.AddRoom(room);
            studio.name = "Studio";
            setup.AddRoom(studio);
            booked.room_id = room.id;
        }
        services::AppointmentService(context).Book(booked);
        Open(jane);
        frame->ShowAppointmentBook();
        Book().ShowDay(Tomorrow());
    }

    core::Date Tomorrow() const { return core::AddDays(context.Today(), 1); }
    AppointmentBookPanel& Book() { return *frame->AppointmentBook(); }
    DayViewCtrl& View() { return *Book().DayView(); }
    std::size_t ColumnOf(core::StaffId id) {
        for (std::size_t i = 0; i < View().Day().columns.size(); ++i) {
            if (View().Day().columns[i].therapist.id == id) {
                return i;
            }
        }
        BOOST_FAIL("no column for staff " << id);
        return 0;
    }
    std::size_t Booked() {
        return services::AppointmentService(context).Between(Tomorrow(), Tomorrow()).size();
    }

    core::Staff bo{0, "Bo Ek", core::StaffRole::kTherapist, true, ""};
    core::Client bea;
    core::Room room;    // with rooms only
    core::Room studio;  // with rooms only
    core::Appointment booked;
};

}  // namespace myodesk::app::test
