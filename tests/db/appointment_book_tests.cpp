// The appointment book's storage (issue 16): rooms and services, opening and working hours,
// days off, and appointments with a room, a service, notes and a status.

#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/change_watcher.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_resource_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/hours_repository.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

using namespace myodesk;
using core::Appointment;
using core::AppointmentStatus;
using core::ProblemCode;
using core::TimeRange;
using core::Weekday;
using db::AppointmentRepository;

namespace {

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::December, std::chrono::day{7}};  // Monday

db::TimePoint FixedNow() {
    return std::chrono::sys_days{kToday} + std::chrono::hours{8};
}

core::ClientId AddClient(db::Database& database, std::string given) {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Runner";
    return db::ClientRepository(database, FixedNow).Add(client);
}

core::StaffId AddTherapist(db::Database& database, std::string name) {
    core::Staff staff;
    staff.name = std::move(name);
    return db::StaffRepository(database, FixedNow).Add(staff);
}

core::RoomId AddRoom(db::Database& database, std::string name, int changeover) {
    core::Room room{0, std::move(name), changeover, true};
    return db::ClinicResourceRepository(database, FixedNow).AddRoom(room);
}

Appointment At(core::ClientId client, core::StaffId therapist, int hour, int minute = 0,
               int duration = 60) {
    Appointment appointment;
    appointment.client_id = client;
    appointment.therapist_id = therapist;
    appointment.date = core::AddDays(kToday, 1);
    appointment.start_minute = hour * 60 + minute;
    appointment.duration_min = duration;
    return appointment;
}

std::vector<TimeRange> Hours(int from_hour, int to_hour) {
    return {TimeRange{from_hour * 60, to_hour * 60}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_book_tests)

MYODESK_DB_TEST(rooms_and_services_are_listed_by_name_and_kept_when_retired) {
    auto database = test_db.Open();
    db::ClinicResourceRepository resources(database, FixedNow);
    core::Room blue{0, "Blue room", 10, true};
    core::Room annex{0, "Annex", 0, true};
    resources.AddRoom(blue);
    resources.AddRoom(annex);
    BOOST_TEST(blue.id > 0);
    BOOST_TEST((resources.Rooms() == std::vector<core::Room>{annex, blue}));
    annex.active = false;
    annex.changeover_min = 5;
    resources.UpdateRoom(annex);
    BOOST_TEST((resources.Rooms() == std::vector<core::Room>{blue}));
    BOOST_TEST((resources.Rooms(true) == std::vector<core::Room>{annex, blue}));
    BOOST_TEST((*resources.GetRoom(annex.id) == annex));
    BOOST_TEST(!resources.GetRoom(annex.id + 100).has_value());

    core::Service sports{0, "Sports massage 45", 45, true};
    resources.AddService(sports);
    BOOST_TEST((*resources.GetService(sports.id) == sports));
    BOOST_TEST(resources.Services().size() == 1u);

    core::Room nameless{0, "", 0, true};
    BOOST_CHECK_THROW(resources.AddRoom(nameless), db::ValidationError);
    core::Service too_long{0, "Marathon", 300, true};
    BOOST_CHECK_THROW(resources.AddService(too_long), db::ValidationError);
    core::Room missing{annex.id + 100, "Gone", 0, true};
    BOOST_CHECK_THROW(resources.UpdateRoom(missing), db::NotFoundError);
    BOOST_TEST(resources.Rooms(true).size() == 2u);
}

MYODESK_DB_TEST(weekdays_are_set_closed_or_unset_for_the_clinic_and_each_therapist) {
    auto database = test_db.Open();
    const auto ann = AddTherapist(database, "Ann");
    db::HoursRepository hours(database, FixedNow);
    BOOST_TEST((hours.Pattern() == core::HoursSetting{}));

    hours.SetDay(std::nullopt, Weekday::kMonday,
                 std::vector<TimeRange>{{9 * 60, 12 * 60}, {13 * 60, 18 * 60}});
    hours.SetDay(std::nullopt, Weekday::kSunday, std::vector<TimeRange>{});
    hours.SetDay(ann, Weekday::kMonday, Hours(14, 20));
    core::HoursSetting clinic = hours.Pattern();
    BOOST_TEST((clinic.On(Weekday::kMonday) ==
                std::vector<TimeRange>{{9 * 60, 12 * 60}, {13 * 60, 18 * 60}}));
    BOOST_TEST((clinic.On(Weekday::kSunday) == std::vector<TimeRange>{}));
    BOOST_TEST(!clinic.On(Weekday::kTuesday).has_value());
    BOOST_TEST((hours.Pattern(ann).On(Weekday::kMonday) == Hours(14, 20)));
    BOOST_TEST(!hours.Pattern(ann).On(Weekday::kSunday).has_value());

    // Setting a day again replaces it; unsetting removes it.
    hours.SetDay(std::nullopt, Weekday::kMonday, Hours(8, 16));
    hours.SetDay(std::nullopt, Weekday::kSunday, std::nullopt);
    clinic = hours.Pattern();
    BOOST_TEST((clinic.On(Weekday::kMonday) == Hours(8, 16)));
    BOOST_TEST(!clinic.On(Weekday::kSunday).has_value());

    // Refused: ranges out of order or past midnight, an unknown therapist. Nothing changes.
    BOOST_CHECK_THROW(hours.SetDay(std::nullopt, Weekday::kMonday,
                                   std::vector<TimeRange>{{13 * 60, 18 * 60}, {9 * 60, 12 * 60}}),
                      db::ValidationError);
    BOOST_CHECK_THROW(
        hours.SetDay(std::nullopt, Weekday::kMonday, std::vector<TimeRange>{{20 * 60, 25 * 60}}),
        db::ValidationError);
    BOOST_CHECK_THROW(hours.SetDay(ann + 100, Weekday::kMonday, Hours(9, 10)), db::NotFoundError);
    BOOST_TEST((hours.Pattern().On(Weekday::kMonday) == Hours(8, 16)));
}

MYODESK_DB_TEST(days_off_are_the_therapists_own_and_the_clinics_holidays) {
    auto database = test_db.Open();
    const auto ann = AddTherapist(database, "Ann");
    const auto bo = AddTherapist(database, "Bo");
    db::HoursRepository hours(database, FixedNow);
    const auto d = [](int offset) { return core::AddDays(kToday, offset); };
    const auto leave = hours.AddDaysOff(ann, {d(10), d(14)});
    const auto holiday = hours.AddDaysOff(std::nullopt, {d(18), d(18)});
    hours.AddDaysOff(bo, {d(1), d(2)});

    const auto anns = hours.DaysOffBetween(ann, d(0), d(30));
    BOOST_REQUIRE(anns.size() == 2u);
    BOOST_TEST((anns[0] == db::DaysOffEntry{leave, ann, {d(10), d(14)}}));
    BOOST_TEST((anns[1] == db::DaysOffEntry{holiday, std::nullopt, {d(18), d(18)}}));
    // Only what touches the range: the leave's last day is enough.
    BOOST_TEST(hours.DaysOffBetween(ann, d(14), d(17)).size() == 1u);
    BOOST_TEST(hours.DaysOffBetween(ann, d(15), d(17)).empty());
    BOOST_TEST(hours.DaysOffBetween(std::nullopt, d(0), d(30)).size() == 1u);

    hours.RemoveDaysOff(leave);
    BOOST_TEST(hours.DaysOffBetween(ann, d(0), d(30)).size() == 1u);
    BOOST_CHECK_THROW(hours.RemoveDaysOff(leave), db::NotFoundError);
    BOOST_CHECK_THROW(hours.AddDaysOff(ann, {d(5), d(4)}), db::ValidationError);
    BOOST_CHECK_THROW(hours.AddDaysOff(bo + 100, {d(5), d(6)}), db::NotFoundError);
}

MYODESK_DB_TEST(everyones_hours_and_days_off_are_read_at_once) {
    auto database = test_db.Open();
    const auto ann = AddTherapist(database, "Ann");
    const auto bo = AddTherapist(database, "Bo");
    const auto cy = AddTherapist(database, "Cy");  // no hours of her own
    db::HoursRepository hours(database, FixedNow);
    BOOST_TEST(hours.StaffPatterns().empty());
    BOOST_TEST(hours.AllDaysOffBetween(kToday, kToday).empty());

    hours.SetDay(std::nullopt, Weekday::kMonday, Hours(8, 18));  // the clinic's are not theirs
    hours.SetDay(ann, Weekday::kMonday,
                 std::vector<TimeRange>{{9 * 60, 12 * 60}, {13 * 60, 17 * 60}});
    hours.SetDay(ann, Weekday::kFriday, std::vector<TimeRange>{});  // closed
    hours.SetDay(bo, Weekday::kTuesday, Hours(14, 20));
    const auto patterns = hours.StaffPatterns();
    BOOST_TEST(patterns.size() == 2u);
    BOOST_REQUIRE(patterns.count(ann) == 1u);
    BOOST_REQUIRE(patterns.count(bo) == 1u);
    BOOST_TEST(patterns.count(cy) == 0u);
    BOOST_TEST((patterns.at(ann) == hours.Pattern(ann)));
    BOOST_TEST((patterns.at(ann).On(Weekday::kFriday) == std::vector<TimeRange>{}));
    BOOST_TEST((patterns.at(bo) == hours.Pattern(bo)));
    BOOST_TEST((hours.Pattern(cy) == core::HoursSetting{}));

    const auto d = [](int offset) { return core::AddDays(kToday, offset); };
    const auto leave = hours.AddDaysOff(ann, {d(10), d(14)});
    const auto holiday = hours.AddDaysOff(std::nullopt, {d(12), d(12)});
    const auto trip = hours.AddDaysOff(bo, {d(14), d(20)});
    const auto later = hours.AddDaysOff(cy, {d(30), d(31)});
    // Everyone's that touch the range, by first day: as each one's DaysOffBetween, together.
    BOOST_TEST((hours.AllDaysOffBetween(d(0), d(40)) ==
                std::vector<db::DaysOffEntry>{{leave, ann, {d(10), d(14)}},
                                              {holiday, std::nullopt, {d(12), d(12)}},
                                              {trip, bo, {d(14), d(20)}},
                                              {later, cy, {d(30), d(31)}}}));
    BOOST_TEST(
        (hours.AllDaysOffBetween(d(14), d(14)) ==
         std::vector<db::DaysOffEntry>{{leave, ann, {d(10), d(14)}}, {trip, bo, {d(14), d(20)}}}));
    BOOST_TEST((hours.AllDaysOffBetween(d(12), d(12)) ==
                std::vector<db::DaysOffEntry>{{leave, ann, {d(10), d(14)}},
                                              {holiday, std::nullopt, {d(12), d(12)}}}));
    BOOST_TEST(hours.AllDaysOffBetween(d(21), d(29)).empty());
}

MYODESK_DB_TEST(an_appointment_keeps_its_room_service_notes_and_status) {
    auto database = test_db.Open();
    const auto ada = AddClient(database, "Ada");
    const auto ann = AddTherapist(database, "Ann");
    const auto room = AddRoom(database, "Blue room", 10);
    core::Service service{0, "Sports massage 45", 45, true};
    db::ClinicResourceRepository(database, FixedNow).AddService(service);
    AppointmentRepository appointments(database, FixedNow);

    Appointment booked = At(ada, ann, 10, 0, 45);
    booked.room_id = room;
    booked.service_id = service.id;
    booked.notes = "Prefers the late slot.\nParks at the back.";
    appointments.Book(booked, kToday);
    BOOST_TEST(booked.version == 1);
    BOOST_TEST(!booked.created_at.empty());
    auto stored = appointments.Get(booked.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == booked));
    BOOST_TEST((stored->status == AppointmentStatus::kBooked));

    stored->status = AppointmentStatus::kLateCancelled;
    stored->cancel_reason = "Sick";
    stored->status_changed_at = "2026-12-07T07:00:00Z";
    stored->status_changed_by = ann;
    appointments.Update(*stored, kToday);
    BOOST_TEST(stored->version == 2);
    BOOST_TEST((*appointments.Get(booked.id) == *stored));

    // Unknown rooms and services are named.
    Appointment elsewhere = At(ada, ann, 14);
    elsewhere.room_id = room + 100;
    BOOST_CHECK_THROW(appointments.Book(elsewhere, kToday), db::NotFoundError);
    elsewhere.room_id.reset();
    elsewhere.service_id = service.id + 100;
    BOOST_CHECK_THROW(appointments.Book(elsewhere, kToday), db::NotFoundError);
    BOOST_TEST(!appointments.Get(booked.id + 1).has_value());
}

MYODESK_DB_TEST(a_room_is_booked_once_with_its_changeover_and_the_clash_is_named) {
    auto database = test_db.Open();
    const auto ada = AddClient(database, "Ada");
    const auto bea = AddClient(database, "Bea");
    const auto ann = AddTherapist(database, "Ann");
    const auto bo = AddTherapist(database, "Bo");
    const auto blue = AddRoom(database, "Blue room", 15);
    const auto green = AddRoom(database, "Green room", 0);
    AppointmentRepository appointments(database, FixedNow);

    Appointment first = At(ada, ann, 10, 0, 50);
    first.room_id = blue;
    appointments.Book(first, kToday);

    // Another therapist and client, the same room, before the changeover is over.
    Appointment second = At(bea, bo, 11, 0, 60);
    second.room_id = blue;
    try {
        appointments.Book(second, kToday);
        BOOST_ERROR("the room was booked twice");
    } catch (const db::ClashError& error) {
        BOOST_TEST((error.Reason() == core::ClashReason::kRoom));
        BOOST_TEST(error.Other().slot.id == first.id);
        BOOST_TEST(error.Other().room_name == "Blue room");
        BOOST_TEST(error.Other().slot.room_changeover_min == 15);
    }
    second.start_minute = 11 * 60 + 5;  // 10:50 + 15 minutes
    appointments.Book(second, kToday);

    // The therapist is named before the room.
    Appointment third = At(bea, ann, 10, 30, 30);
    third.room_id = green;
    try {
        appointments.Book(third, kToday);
        BOOST_ERROR("the therapist was booked twice");
    } catch (const db::ClashError& error) {
        BOOST_TEST((error.Reason() == core::ClashReason::kTherapist));
        BOOST_TEST(error.Other().therapist_name == "Ann");
    }
}

MYODESK_DB_TEST(a_cancelled_appointment_frees_its_slot) {
    auto database = test_db.Open();
    const auto ada = AddClient(database, "Ada");
    const auto bea = AddClient(database, "Bea");
    const auto ann = AddTherapist(database, "Ann");
    AppointmentRepository appointments(database, FixedNow);
    Appointment first = At(ada, ann, 10);
    appointments.Book(first, kToday);
    Appointment second = At(bea, ann, 10);
    BOOST_CHECK_THROW(appointments.Book(second, kToday), db::ClashError);

    first.status = AppointmentStatus::kCancelled;
    first.cancel_reason = "Travelling";
    appointments.Update(first, kToday);
    appointments.Book(second, kToday);
    BOOST_TEST(second.id > 0);
    // The day's sessions leave the cancelled one out; ForClient too.
    const auto day = db::SessionsOnDay(database, first.date, {ann, ada, std::nullopt});
    BOOST_REQUIRE(day.size() == 1u);
    BOOST_TEST(day[0].slot.id == second.id);
    BOOST_TEST(appointments.ForClient(ada, kToday).empty());
    // Booking it again is refused now that the slot is taken.
    first.status = AppointmentStatus::kBooked;
    BOOST_CHECK_THROW(appointments.Update(first, kToday), db::ClashError);
}

MYODESK_DB_TEST(moving_rechecks_and_a_stale_copy_is_refused) {
    auto database = test_db.Open();
    const auto ada = AddClient(database, "Ada");
    const auto bea = AddClient(database, "Bea");
    const auto ann = AddTherapist(database, "Ann");
    AppointmentRepository appointments(database, FixedNow);
    Appointment morning = At(ada, ann, 9);
    Appointment noon = At(bea, ann, 12);
    appointments.Book(morning, kToday);
    appointments.Book(noon, kToday);

    Appointment desk_one = *appointments.Get(morning.id);
    Appointment desk_two = desk_one;
    desk_one.start_minute = 12 * 60 + 30;  // into noon's hour
    BOOST_CHECK_THROW(appointments.Update(desk_one, kToday), db::ClashError);
    desk_one.start_minute = 10 * 60;
    desk_one.duration_min = 90;  // moved and resized
    appointments.Update(desk_one, kToday);
    // Its own old time does not clash with it.
    desk_one.start_minute = 10 * 60 + 15;
    appointments.Update(desk_one, kToday);

    desk_two.notes = "Running late";
    BOOST_CHECK_THROW(appointments.Update(desk_two, kToday), db::ConflictError);
    const auto stored = appointments.Get(morning.id);
    BOOST_TEST(stored->start_minute == 10 * 60 + 15);
    BOOST_TEST(stored->notes.empty());
    BOOST_TEST(stored->version == 3);
    Appointment gone = desk_one;
    gone.id = noon.id + 100;
    BOOST_CHECK_THROW(appointments.Update(gone, kToday), db::NotFoundError);
}

MYODESK_DB_TEST(a_period_is_read_by_therapist_client_and_status) {
    auto database = test_db.Open();
    const auto ada = AddClient(database, "Ada");
    const auto bea = AddClient(database, "Bea");
    const auto ann = AddTherapist(database, "Ann");
    const auto bo = AddTherapist(database, "Bo");
    AppointmentRepository appointments(database, FixedNow);
    std::vector<Appointment> booked{At(ada, ann, 9), At(bea, bo, 9), At(ada, bo, 14),
                                    At(bea, ann, 11)};
    booked[2].date = core::AddDays(kToday, 3);
    booked[3].date = core::AddDays(kToday, 10);
    for (Appointment& each : booked) {
        appointments.Book(each, kToday);
    }
    booked[1].status = AppointmentStatus::kNoShow;
    appointments.Update(booked[1], kToday);

    const auto ids = [](const std::vector<Appointment>& list) {
        std::vector<core::AppointmentId> found;
        for (const Appointment& each : list) {
            found.push_back(each.id);
        }
        return found;
    };
    db::AppointmentFilter bos, beas, no_shows;
    bos.therapist = bo;
    beas.client = bea;
    no_shows.status = AppointmentStatus::kNoShow;
    const core::Date from = kToday;
    const core::Date week_end = core::AddDays(kToday, 6);
    BOOST_TEST((ids(appointments.Between(from, week_end)) ==
                std::vector<core::AppointmentId>{booked[0].id, booked[1].id, booked[2].id}));
    BOOST_TEST((ids(appointments.Between(from, week_end, bos)) ==
                std::vector<core::AppointmentId>{booked[1].id, booked[2].id}));
    BOOST_TEST((ids(appointments.Between(from, core::AddDays(kToday, 30), beas)) ==
                std::vector<core::AppointmentId>{booked[1].id, booked[3].id}));
    BOOST_TEST((ids(appointments.Between(from, week_end, no_shows)) ==
                std::vector<core::AppointmentId>{booked[1].id}));
    BOOST_TEST(appointments.Between(core::AddDays(kToday, 11), core::AddDays(kToday, 20)).empty());
}

// Another desk's change is seen by the book's watcher (PostgreSQL's notification, or SQLite's
// data_version), once; this desk's own changes and anyone's reads are not.
MYODESK_DB_TEST(a_change_at_another_desk_is_seen_and_ones_own_is_not) {
    auto here = test_db.Open();
    auto there = test_db.Open();
    db::ChangeWatcher watcher(here);
    BOOST_TEST(!watcher.Changed());
    const auto ada = AddClient(here, "Ada");  // this desk's own
    const auto ann = AddTherapist(here, "Ann");
    BOOST_TEST(!watcher.Changed());

    Appointment elsewhere = At(ada, ann, 9);
    AppointmentRepository(there, FixedNow).Book(elsewhere, kToday);
    // The notification crosses the server: looked for until it comes (or two seconds pass).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() < deadline) {
        seen = watcher.Changed();
        std::this_thread::yield();
    }
    BOOST_TEST(seen);
    BOOST_TEST(!watcher.Changed());  // once
    AppointmentRepository(there, FixedNow).Between(kToday, core::AddDays(kToday, 7));
    BOOST_TEST(!watcher.Changed());  // a read changes nothing
}

// Two desks book the same room at the same moment for different therapists and clients:
// the room's row is held by the first, so the second sees its booking and is refused.
MYODESK_DB_TEST(two_desks_booking_one_room_at_once_one_wins) {
    std::vector<core::ClientId> clients;
    std::vector<core::StaffId> therapists;
    core::RoomId room = 0;
    {
        auto database = test_db.Open();
        clients = {AddClient(database, "Ada"), AddClient(database, "Bea")};
        therapists = {AddTherapist(database, "Ann"), AddTherapist(database, "Bo")};
        room = AddRoom(database, "Blue room", 0);
    }
    std::latch start(2);
    std::vector<std::string> outcomes(2);
    {
        std::vector<std::jthread> desks;
        for (std::size_t desk = 0; desk < 2; ++desk) {
            desks.emplace_back([&, desk] {
                auto database = test_db.Open();
                Appointment wanted = At(clients[desk], therapists[desk], 15);
                wanted.room_id = room;
                start.arrive_and_wait();
                try {
                    AppointmentRepository(database, FixedNow).Book(wanted, kToday);
                    outcomes[desk] = "booked";
                } catch (const db::ClashError& error) {
                    outcomes[desk] = error.Reason() == core::ClashReason::kRoom ? "room" : "other";
                } catch (const std::exception& error) {
                    outcomes[desk] = error.what();
                }
            });
        }
    }
    std::sort(outcomes.begin(), outcomes.end());
    BOOST_TEST((outcomes == std::vector<std::string>{"booked", "room"}));
    auto database = test_db.Open();
    long long count = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM appointments", soci::into(count);
    BOOST_TEST(count == 1);
}

BOOST_AUTO_TEST_SUITE_END()
