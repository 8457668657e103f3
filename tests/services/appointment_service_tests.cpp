// AppointmentService: the appointment book's rules once for the GUI and the CLI (issue 16).

#include "test_database.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/services/staff_service.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

using namespace myodesk;
using core::Appointment;
using core::AppointmentStatus;
using core::HoursVerdict;
using core::TimeRange;
using core::Weekday;

namespace {

// Monday 7 December 2026, 10:00 at the desk.
const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::December, std::chrono::day{7}};

services::TimePoint TenOClock() {
    // Clock::FixedAt takes a system time; the desk's local time is what the rules read, so the
    // test builds 10:00 local from the date.
    const std::time_t midnight = [] {
        std::tm local{};
        local.tm_year = 2026 - 1900;
        local.tm_mon = 11;
        local.tm_mday = 7;
        local.tm_hour = 10;
        local.tm_isdst = -1;
        return std::mktime(&local);
    }();
    return std::chrono::system_clock::from_time_t(midnight);
}

struct Desk {
    explicit Desk(db::Database& database)
        : context(database, services::Clock::FixedAt(TenOClock())),
          ada(AddClient("Ada")),
          bea(AddClient("Bea")),
          ann(AddTherapist("Ann")),
          bo(AddTherapist("Bo")) {
        context.SetDesk({services::StaffService(context).Get(ann)});
    }

    core::ClientId AddClient(const std::string& name) {
        core::Client client;
        client.given_name = name;
        client.family_name = "Runner";
        return services::ClientService(context).Add(client).id;
    }

    core::StaffId AddTherapist(const std::string& name) {
        core::Staff staff;
        staff.name = name;
        return services::StaffService(context).Add(staff).id;
    }

    // Monday to Friday 09:00-18:00; Bo works Monday afternoons only.
    void OpeningHours() {
        services::PracticeSetupService setup(context);
        for (const Weekday day : {Weekday::kMonday, Weekday::kTuesday, Weekday::kWednesday,
                                  Weekday::kThursday, Weekday::kFriday}) {
            setup.SetDay(std::nullopt, day, std::vector<TimeRange>{{9 * 60, 18 * 60}});
        }
        setup.SetDay(std::nullopt, Weekday::kSaturday, std::vector<TimeRange>{});
        setup.SetDay(std::nullopt, Weekday::kSunday, std::vector<TimeRange>{});
        setup.SetDay(bo, Weekday::kMonday, std::vector<TimeRange>{{13 * 60, 18 * 60}});
    }

    // Ada's intake today names a deep vein thrombosis in her left calf: an absolute flag.
    void AdaHasADvt() {
        core::Intake intake;
        intake.client_id = ada;
        intake.taken_on = kToday;
        intake.health.conditions.push_back(
            {core::ConditionCode::kDvt, core::Region::kCalves, core::Side::kLeft, kToday});
        intake.consent = {true, "Ada Runner", kToday};
        services::IntakeService(context).Add(intake);
    }

    Appointment At(core::ClientId client, core::StaffId therapist, int days_ahead, int hour,
                   int minute = 0, int duration = 60) const {
        Appointment appointment;
        appointment.client_id = client;
        appointment.therapist_id = therapist;
        appointment.date = core::AddDays(kToday, days_ahead);
        appointment.start_minute = hour * 60 + minute;
        appointment.duration_min = duration;
        return appointment;
    }

    services::Context context;
    core::ClientId ada;
    core::ClientId bea;
    core::StaffId ann;
    core::StaffId bo;
};

template <typename Error, typename Action>
Error Expect(Action&& action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    BOOST_FAIL("nothing was refused");
    throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_service_tests)

MYODESK_DB_TEST(without_hours_set_any_time_is_bookable) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    Appointment sunday_night = desk.At(desk.ada, desk.ann, 6, 22);
    const auto notice = book.Book(sunday_night);
    BOOST_TEST(sunday_night.id > 0);
    BOOST_TEST(!notice.in_past);
    BOOST_TEST((book.Get(sunday_night.id).status == AppointmentStatus::kBooked));
}

MYODESK_DB_TEST(outside_opening_or_working_hours_is_refused_unless_confirmed) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.OpeningHours();
    services::AppointmentService book(desk.context);

    Appointment saturday = desk.At(desk.ada, desk.ann, 5, 10);
    auto error = Expect<services::OutsideHoursError>([&] { book.Book(saturday); });
    BOOST_TEST((error.Verdict() == HoursVerdict::kClinicClosed));
    BOOST_TEST(std::string(error.what()).find("closed on Saturdays") != std::string::npos,
               error.what());

    Appointment evening = desk.At(desk.ada, desk.ann, 1, 17, 30);
    error = Expect<services::OutsideHoursError>([&] { book.Book(evening); });
    BOOST_TEST((error.Verdict() == HoursVerdict::kOutsideOpeningHours));
    BOOST_TEST((error.HoursThatDay() == std::vector<TimeRange>{{9 * 60, 18 * 60}}));

    // Bo's Monday morning: the clinic is open, Bo is not working.
    Appointment bo_morning = desk.At(desk.bea, desk.bo, 7, 10);
    error = Expect<services::OutsideHoursError>([&] { book.Book(bo_morning); });
    BOOST_TEST((error.Verdict() == HoursVerdict::kOutsideWorkingHours));
    BOOST_TEST(error.TherapistName() == "Bo");
    BOOST_TEST(
        std::string(error.what()).find("Bo's working hours (13:00-18:00)") != std::string::npos,
        error.what());
    BOOST_TEST((book.Questions(bo_morning).hours == HoursVerdict::kOutsideWorkingHours));
    BOOST_TEST(book.Between(kToday, core::AddDays(kToday, 30)).empty());

    // Confirmed, each is booked.
    book.Book(saturday, true);
    book.Book(evening, true);
    book.Book(bo_morning, true);
    BOOST_TEST(book.Between(kToday, core::AddDays(kToday, 30)).size() == 3u);

    // A day off and a clinic holiday.
    services::PracticeSetupService setup(desk.context);
    setup.AddDaysOff(desk.ann, {core::AddDays(kToday, 2), core::AddDays(kToday, 2)});
    setup.AddDaysOff(std::nullopt, {core::AddDays(kToday, 3), core::AddDays(kToday, 3)});
    Appointment off = desk.At(desk.bea, desk.ann, 2, 11);
    BOOST_TEST((Expect<services::OutsideHoursError>([&] { book.Book(off); }).Verdict() ==
                HoursVerdict::kTherapistDayOff));
    off.date = core::AddDays(kToday, 3);
    BOOST_TEST((Expect<services::OutsideHoursError>([&] { book.Book(off); }).Verdict() ==
                HoursVerdict::kClinicHoliday));
}

MYODESK_DB_TEST(a_walk_in_entered_afterwards_is_booked_and_said_to_be_past) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    Appointment earlier_today = desk.At(desk.ada, desk.ann, 0, 9, 0);
    BOOST_TEST(book.Questions(earlier_today).in_past);
    BOOST_TEST(book.Book(earlier_today).in_past);
    Appointment later_today = desk.At(desk.bea, desk.ann, 0, 11, 0);
    BOOST_TEST(!book.Book(later_today).in_past);
}

MYODESK_DB_TEST(an_absolute_flag_refuses_a_booking_without_a_reason) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.AdaHasADvt();

    services::AppointmentService book(desk.context);
    Appointment flagged = desk.At(desk.ada, desk.ann, 1, 10);
    Expect<services::AbsoluteFlagError>([&] { book.Book(flagged); });
    BOOST_TEST(book.Between(kToday, core::AddDays(kToday, 7)).empty());
    flagged.flag_override = "Cleared by her GP on 1 Dec, letter on file";
    book.Book(flagged);
    BOOST_TEST(book.Get(flagged.id).flag_override == flagged.flag_override);
}

MYODESK_DB_TEST(the_status_flow_records_who_and_refuses_what_cannot_follow) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    Appointment first = desk.At(desk.ada, desk.ann, 0, 11);
    book.Book(first);

    const Appointment arrived = book.Arrive(first.id);
    BOOST_TEST((arrived.status == AppointmentStatus::kArrived));
    BOOST_TEST((arrived.status_changed_by == desk.ann));
    BOOST_TEST(!arrived.status_changed_at.empty());
    BOOST_TEST((book.Undo(first.id).status == AppointmentStatus::kBooked));
    BOOST_TEST((book.Complete(first.id).status == AppointmentStatus::kCompleted));
    const auto refused = Expect<services::StatusChangeError>([&] { book.NoShow(first.id); });
    BOOST_TEST((refused.From() == AppointmentStatus::kCompleted));
    Expect<services::StatusChangeError>([&] { book.Cancel(first.id, "Too late"); });

    Appointment second = desk.At(desk.bea, desk.bo, 1, 9);
    book.Book(second);
    BOOST_TEST((book.NoShow(second.id).status == AppointmentStatus::kNoShow));
    // Only a booked appointment moves.
    Appointment moved = book.Get(second.id);
    moved.start_minute = 14 * 60;
    Expect<services::StatusChangeError>([&] { book.Reschedule(moved); });
    BOOST_CHECK_THROW(book.Arrive(second.id + 100), db::NotFoundError);
}

MYODESK_DB_TEST(a_cancellation_within_the_notice_window_is_late) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    // Now is Monday 10:00; the notice window is 24 hours.
    Appointment tomorrow_nine = desk.At(desk.ada, desk.ann, 1, 9, 30);
    Appointment tomorrow_eleven = desk.At(desk.bea, desk.ann, 1, 11);
    book.Book(tomorrow_nine);
    book.Book(tomorrow_eleven);
    BOOST_CHECK_THROW(book.Cancel(tomorrow_nine.id, "  "), db::ValidationError);
    const Appointment late = book.Cancel(tomorrow_nine.id, " Sick ");
    BOOST_TEST((late.status == AppointmentStatus::kLateCancelled));
    BOOST_TEST(late.cancel_reason == "Sick");
    BOOST_TEST(
        (book.Cancel(tomorrow_eleven.id, "Travelling").status == AppointmentStatus::kCancelled));

    // A clinic asking for 48 hours' notice: the 11:00 booking the day after tomorrow is late.
    services::SettingsService(desk.context).Set("book.notice_hours", "48");
    Appointment later = desk.At(desk.ada, desk.ann, 2, 9);
    book.Book(later);
    BOOST_TEST((book.Cancel(later.id, "Race moved").status == AppointmentStatus::kLateCancelled));
    // The cancelled slots are free again.
    Appointment again = desk.At(desk.bea, desk.ann, 1, 9, 30);
    book.Book(again);
    BOOST_TEST(again.id > 0);
}

MYODESK_DB_TEST(rescheduling_rechecks_everything_and_keeps_who_it_is_for) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.OpeningHours();
    services::AppointmentService book(desk.context);
    Appointment ada = desk.At(desk.ada, desk.ann, 1, 9);
    Appointment bea = desk.At(desk.bea, desk.ann, 1, 11);
    book.Book(ada);
    book.Book(bea);

    Appointment moved = book.Get(ada.id);
    moved.client_id = desk.bea;  // ignored: a move does not change the client
    moved.start_minute = 10 * 60 + 30;
    const auto clash = Expect<db::ClashError>([&] { book.Reschedule(moved); });
    BOOST_TEST(clash.Other().slot.id == bea.id);
    moved.start_minute = 17 * 60 + 30;  // runs past closing
    Expect<services::OutsideHoursError>([&] { book.Reschedule(moved); });
    moved.start_minute = 14 * 60;
    moved.therapist_id = desk.bo;
    moved.duration_min = 90;
    book.Reschedule(moved);
    const Appointment stored = book.Get(ada.id);
    BOOST_TEST(stored.client_id == desk.ada);
    BOOST_TEST(stored.therapist_id == desk.bo);
    BOOST_TEST(stored.duration_min == 90);
    BOOST_TEST(stored.version == 2);
}

MYODESK_DB_TEST(the_day_has_a_column_per_working_therapist_and_the_clients_flags) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.OpeningHours();
    core::Staff manager;
    manager.name = "Max";
    manager.role = core::StaffRole::kManager;
    services::StaffService(desk.context).Add(manager);
    desk.AdaHasADvt();
    core::Room room{0, "Blue room", 0, true};
    services::PracticeSetupService(desk.context).AddRoom(room);

    services::AppointmentService book(desk.context);
    Appointment flagged = desk.At(desk.ada, desk.ann, 2, 10);  // Wednesday
    flagged.flag_override = "Cleared by her GP";
    flagged.room_id = room.id;
    book.Book(flagged);
    Appointment plain = desk.At(desk.bea, desk.ann, 2, 9);
    book.Book(plain);

    // Wednesday: Ann and Bo work (Bo follows the clinic), the manager has no column.
    const services::BookDay wednesday = book.Day(core::AddDays(kToday, 2));
    BOOST_TEST(!wednesday.clinic_closed);
    BOOST_REQUIRE(wednesday.columns.size() == 2u);
    BOOST_TEST(wednesday.columns[0].therapist.name == "Ann");
    BOOST_TEST((wednesday.columns[1].hours == std::vector<TimeRange>{{9 * 60, 18 * 60}}));
    BOOST_REQUIRE(wednesday.entries.size() == 2u);
    BOOST_TEST(wednesday.entries[0].client_name == "Bea Runner");  // 09:00 first
    BOOST_TEST(!wednesday.entries[0].flag.has_value());
    BOOST_TEST(wednesday.entries[1].room_name == "Blue room");
    BOOST_TEST((wednesday.entries[1].flag == core::FlagLevel::kAbsolute));
    // Monday: Bo's own hours, Ann the clinic's.
    const services::BookDay monday = book.Day(kToday);
    BOOST_REQUIRE(monday.columns.size() == 2u);
    BOOST_TEST((monday.columns[0].hours == std::vector<TimeRange>{{9 * 60, 18 * 60}}));
    BOOST_TEST((monday.columns[1].hours == std::vector<TimeRange>{{13 * 60, 18 * 60}}));

    // Saturday: closed, nobody works; an appointment booked anyway brings its therapist.
    BOOST_TEST(book.Day(core::AddDays(kToday, 5)).columns.empty());
    Appointment saturday = desk.At(desk.bea, desk.bo, 5, 10);
    book.Book(saturday, true);
    const services::BookDay weekend = book.Day(core::AddDays(kToday, 5));
    BOOST_TEST(weekend.clinic_closed);
    BOOST_REQUIRE(weekend.columns.size() == 1u);
    BOOST_TEST(weekend.columns[0].therapist.name == "Bo");
    BOOST_TEST(weekend.columns[0].hours.empty());

    // Ann's day off takes her column away unless she has an appointment.
    services::PracticeSetupService(desk.context)
        .AddDaysOff(desk.ann, {core::AddDays(kToday, 3), core::AddDays(kToday, 3)});
    const services::BookDay thursday = book.Day(core::AddDays(kToday, 3));
    BOOST_REQUIRE(thursday.columns.size() == 1u);
    BOOST_TEST(thursday.columns[0].therapist.name == "Bo");
    BOOST_TEST(!thursday.columns[0].day_off);
    // Booked that day anyway, she keeps her column, marked off; Bo's is not.
    Appointment off_day = desk.At(desk.bea, desk.ann, 3, 11);
    book.Book(off_day, true);
    const services::BookDay kept = book.Day(core::AddDays(kToday, 3));
    BOOST_REQUIRE(kept.columns.size() == 2u);
    BOOST_TEST(kept.columns[0].therapist.name == "Ann");
    BOOST_TEST(kept.columns[0].day_off);
    BOOST_TEST(!kept.columns[1].day_off);
    BOOST_TEST(!kept.clinic_closed);

    // A clinic holiday closes a weekday: no column but a booked therapist's.
    const core::Date friday = core::AddDays(kToday, 4);
    BOOST_TEST(book.Day(friday).columns.size() == 2u);
    services::PracticeSetupService(desk.context).AddDaysOff(std::nullopt, {friday, friday});
    BOOST_TEST(book.Day(friday).clinic_closed);
    BOOST_TEST(book.Day(friday).columns.empty());
}

// The day by room: a column per active room, an inactive room only while it holds an
// appointment, and a column for the appointments without a room only when there are some.
MYODESK_DB_TEST(the_day_by_room_has_a_column_per_room) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.OpeningHours();
    services::PracticeSetupService setup(desk.context);
    core::Room blue{0, "Blue room", 10, true};
    setup.AddRoom(blue);
    core::Room old{0, "Old room", 0, true};
    setup.AddRoom(old);
    services::AppointmentService book(desk.context);
    Appointment in_old = desk.At(desk.ada, desk.ann, 2, 10);
    in_old.room_id = old.id;
    book.Book(in_old);
    old.active = false;
    setup.UpdateRoom(old);

    const core::Date wednesday = core::AddDays(kToday, 2);
    services::BookDay day = book.RoomDay(wednesday);
    BOOST_TEST(day.by_room);
    BOOST_TEST(!day.clinic_closed);
    BOOST_REQUIRE(day.columns.size() == 2u);  // Blue, and Old while it holds Ada's
    BOOST_TEST(day.columns[0].room->name == "Blue room");
    BOOST_TEST(day.columns[0].room->changeover_min == 10);
    BOOST_TEST(day.columns[1].room->name == "Old room");
    BOOST_TEST((day.columns[0].hours == std::vector<TimeRange>{{9 * 60, 18 * 60}}));
    BOOST_TEST((day.columns[0].date == wednesday));
    BOOST_REQUIRE(day.entries.size() == 1u);
    BOOST_TEST(day.entries[0].therapist_name == "Ann");
    BOOST_TEST(day.proposals.empty());

    // Cancelled, it leaves the inactive room's column; one without a room brings "no room".
    book.Cancel(in_old.id, "Away racing");
    Appointment roomless = desk.At(desk.bea, desk.bo, 2, 15);
    book.Book(roomless);
    day = book.RoomDay(wednesday);
    BOOST_REQUIRE(day.columns.size() == 2u);
    BOOST_TEST(day.columns[0].room->name == "Blue room");
    BOOST_TEST(day.columns[1].room->id == 0);
    BOOST_TEST(day.entries.size() == 2u);  // the cancelled one too: the view leaves it out

    // Saturday: closed.
    BOOST_TEST(book.RoomDay(core::AddDays(kToday, 5)).clinic_closed);
}

// Beside an appointment, the client's flags on its day and their latest note.
MYODESK_DB_TEST(the_client_beside_an_appointment) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    const Appointment tomorrow = desk.At(desk.ada, desk.ann, 1, 10);
    services::ClientAtAppointment shown = book.ClientAt(tomorrow);
    BOOST_TEST(shown.flags.empty());
    BOOST_TEST(!shown.intake_taken_on.has_value());
    BOOST_TEST(!shown.last_note.has_value());

    // The note first: the intake's flag would refuse a note that day without a reason.
    core::SessionNote note;
    note.client_id = desk.ada;
    note.therapist_id = desk.bo;
    note.date = core::AddDays(kToday, -3);
    note.techniques = {{core::Technique::kSwedish, 30}};
    note.regions = {{core::Region::kCalves, core::Side::kBilateral, 4, 5, 2}};
    services::NoteService(desk.context).Save(note);
    desk.AdaHasADvt();

    shown = book.ClientAt(tomorrow);
    BOOST_TEST((shown.intake_taken_on == std::optional(kToday)));
    BOOST_REQUIRE(!shown.flags.empty());
    BOOST_TEST((shown.flags.front().level == core::FlagLevel::kAbsolute));
    BOOST_REQUIRE(shown.last_note.has_value());
    BOOST_TEST(shown.last_note->therapist_id == desk.bo);
    BOOST_TEST((shown.last_note->date == core::AddDays(kToday, -3)));
}

MYODESK_DB_TEST(a_period_must_not_end_before_it_starts) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    BOOST_CHECK_THROW(book.Between(kToday, core::AddDays(kToday, -1)),
                      services::InvalidPeriodError);
}

// Ada with Ann on Tuesdays at 10:00 for `count` weeks, from tomorrow.
core::AppointmentSeries Tuesdays(const Desk& desk, int count) {
    core::AppointmentSeries series;
    series.pattern = desk.At(desk.ada, desk.ann, 1, 10);
    series.rule.count = count;
    return series;
}

MYODESK_DB_TEST(a_series_is_checked_on_every_day_for_hours) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.OpeningHours();
    core::DaysOff holiday;
    holiday.from = core::AddDays(kToday, 15);  // the third Tuesday
    holiday.to = holiday.from;
    services::PracticeSetupService(desk.context).AddDaysOff(std::nullopt, holiday);
    services::AppointmentService book(desk.context);

    core::AppointmentSeries series = Tuesdays(desk, 6);
    const services::BookingQuestions questions = book.Questions(series);
    BOOST_TEST((questions.hours == HoursVerdict::kClinicHoliday));
    BOOST_TEST((questions.hours_day == holiday.from));
    core::AppointmentId first = 0;
    const auto refused =
        Expect<services::OutsideHoursError>([&] { book.BookSeries(series, first); });
    BOOST_TEST((refused.Date() == holiday.from));
    BOOST_TEST(book.Between(kToday, core::AddDays(kToday, 60)).empty());

    book.BookSeries(series, first, true);
    BOOST_TEST(first > 0);
    BOOST_TEST(book.Between(kToday, core::AddDays(kToday, 60)).size() == 6u);
    BOOST_TEST(*book.SeriesOf(book.Get(first))->rule.count == 6);
}

MYODESK_DB_TEST(the_desk_changes_one_occurrence_or_the_following_ones) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    core::AppointmentSeries series = Tuesdays(desk, 6);
    core::AppointmentId first = 0;
    book.BookSeries(series, first);

    // The second, named as the CLI names it, marked a no-show: stored now.
    const core::AppointmentRef second_ref{first, core::AddDays(kToday, 8)};
    const Appointment second = book.Get(second_ref);
    BOOST_TEST(second.id == 0);
    const Appointment missed = book.NoShow(second);
    BOOST_TEST(missed.id > 0);
    BOOST_TEST((book.Get(second_ref).status == AppointmentStatus::kNoShow));
    BOOST_TEST((core::FormatAppointmentRef(
                    book.RefOf(book.Get(core::AppointmentRef{first, core::AddDays(kToday, 15)}))) ==
                std::to_string(first) + "@" + core::FormatIsoDate(core::AddDays(kToday, 15))));
    BOOST_CHECK_THROW(book.Get(core::AppointmentRef{first, core::AddDays(kToday, 9)}),
                      db::NotFoundError);

    // The fourth on and after it move to Thursdays at 14:00.
    Appointment fourth = book.Get(core::AppointmentRef{first, core::AddDays(kToday, 22)});
    fourth.date = core::AddDays(fourth.date, 2);
    fourth.start_minute = 14 * 60;
    book.Reschedule(fourth, false, services::SeriesChange::kThisAndFollowing);
    BOOST_TEST(fourth.id > 0);
    const auto later = book.Between(core::AddDays(kToday, 20), core::AddDays(kToday, 40));
    BOOST_TEST_REQUIRE(later.size() == 3u);
    for (const Appointment& each : later) {
        BOOST_TEST(core::IsoWeekdayIndex(each.date) == 3);  // Thursday
        BOOST_TEST(each.start_minute == 14 * 60);
    }

    // The fifth cancelled with those after it: the series ends there.
    const Appointment fifth = later[1];
    const Appointment cancelled =
        book.Cancel(fifth, "Moving away", services::SeriesChange::kThisAndFollowing);
    BOOST_TEST((cancelled.status == AppointmentStatus::kCancelled));
    db::AppointmentFilter booked;
    booked.status = AppointmentStatus::kBooked;
    BOOST_TEST(book.Between(core::AddDays(kToday, 25), core::AddDays(kToday, 60), booked).empty());
    BOOST_TEST(book.Between(kToday, core::AddDays(kToday, 60), booked).size() == 3u);
}

MYODESK_DB_TEST(the_note_written_for_an_appointment_points_at_it_and_completes_it) {
    auto database = test_db.Open();
    Desk desk(database);
    services::AppointmentService book(desk.context);
    Appointment earlier = desk.At(desk.ada, desk.ann, 0, 8);  // 08:00 today, before 10:00
    book.Book(earlier);
    Appointment bea_s = desk.At(desk.bea, desk.ann, 0, 9, 0, 30);
    book.Book(bea_s);
    services::NoteService notes(desk.context);

    core::SessionNote note;
    note.client_id = desk.ada;
    note.therapist_id = desk.ann;
    note.date = earlier.date;
    note.start_minute = earlier.start_minute;
    note.regions = {{core::Region::kCalves, core::Side::kBilateral, 4, 4, 2}};
    note.techniques = {{core::Technique::kSports, 45}};
    // Another client's appointment is refused, with nothing saved.
    note.appointment_id = bea_s.id;
    const auto refused = Expect<db::ValidationError>([&] { notes.Save(note); });
    BOOST_TEST(refused.Problems().front().field == "appointment_id");
    BOOST_TEST(note.id == 0);
    BOOST_TEST((book.Get(bea_s.id).status == AppointmentStatus::kBooked));

    note.appointment_id = earlier.id;
    notes.Save(note);
    BOOST_TEST((notes.Get(note.id).appointment_id == std::optional<std::int64_t>{earlier.id}));
    BOOST_TEST((book.Get(earlier.id).status == AppointmentStatus::kCompleted));
}

BOOST_AUTO_TEST_SUITE_END()
