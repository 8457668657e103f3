// Recurring series in AppointmentRepository (issue 16): stored as a rule, expanded for the days
// read, an occurrence stored when something happens to it, "this and following", the end of a
// series, and every occurrence in the clash check.

#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <chrono>
#include <string>
#include <vector>

using namespace myodesk;
using core::Appointment;
using core::AppointmentSeries;
using db::AppointmentRepository;

namespace {

// Friday 20 November 2026.
const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

db::TimePoint FixedNow() {
    return std::chrono::sys_days{kToday} + std::chrono::hours{9};
}

core::Date Day(int days_ahead) {
    return core::AddDays(kToday, days_ahead);
}

struct People {
    explicit People(db::Database& database) {
        for (const char* name : {"Ada", "Bea"}) {
            core::Client client;
            client.given_name = name;
            client.family_name = "Weekly";
            clients.push_back(db::ClientRepository(database, FixedNow).Add(client));
        }
        for (const char* name : {"Ann", "Bo"}) {
            core::Staff staff;
            staff.name = name;
            therapists.push_back(db::StaffRepository(database, FixedNow).Add(staff));
        }
    }
    std::vector<core::ClientId> clients;
    std::vector<core::StaffId> therapists;
};

// Ada with Ann every `every` weeks at 10:00 for an hour, from `first_day` days ahead.
AppointmentSeries Series(const People& people, int first_day, int count, int every = 1) {
    AppointmentSeries series;
    series.pattern.client_id = people.clients[0];
    series.pattern.therapist_id = people.therapists[0];
    series.pattern.date = Day(first_day);
    series.pattern.start_minute = 10 * 60;
    series.pattern.duration_min = 60;
    series.rule.every_weeks = every;
    series.rule.count = count;
    return series;
}

long long Count(db::Database& database, const std::string& table) {
    long long count = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
}

std::vector<std::string> Days(const std::vector<Appointment>& appointments) {
    std::vector<std::string> days;
    for (const Appointment& appointment : appointments) {
        days.push_back(core::FormatIsoDate(appointment.date));
    }
    return days;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_series_repository_tests)

MYODESK_DB_TEST(a_series_is_one_rule_and_its_first_appointment_expanded_when_read) {
    auto database = test_db.Open();
    const People people(database);
    AppointmentRepository book(database, FixedNow);
    AppointmentSeries series = Series(people, 3, 520);  // ten years of Mondays
    const core::AppointmentId first = book.BookSeries(series, kToday);
    BOOST_TEST(first > 0);
    BOOST_TEST(series.id > 0);
    BOOST_TEST(Count(database, "appointments") == 1);
    BOOST_TEST(Count(database, "appointment_series") == 1);

    // A month shows its Mondays: the first stored, the others computed.
    const auto month = book.Between(Day(0), Day(30));
    BOOST_TEST_REQUIRE(month.size() == 4u);
    BOOST_TEST(month[0].id == first);
    BOOST_TEST(month[1].id == 0);
    BOOST_TEST(*month[1].series_id == series.id);
    BOOST_TEST((Days(month) == std::vector<std::string>{
                                   core::FormatIsoDate(Day(3)), core::FormatIsoDate(Day(10)),
                                   core::FormatIsoDate(Day(17)), core::FormatIsoDate(Day(24))}));
    // Nine years on it is still there, and the therapist's and the client's filters find it.
    db::AppointmentFilter bea;
    bea.client = people.clients[1];
    BOOST_TEST(book.Between(Day(3 + 7 * 470), Day(3 + 7 * 470)).size() == 1u);
    BOOST_TEST(book.Between(Day(0), Day(30), bea).empty());
    db::AppointmentFilter cancelled;
    cancelled.status = core::AppointmentStatus::kCancelled;
    BOOST_TEST(book.Between(Day(0), Day(30), cancelled).empty());
    BOOST_TEST(book.ForClient(people.clients[0], kToday).size() == 52u);  // a year ahead
    // The occurrence of a day, and none on a day between.
    BOOST_TEST(book.Occurrence(series.id, Day(10))->id == 0);
    BOOST_TEST(book.Occurrence(series.id, Day(3))->id == first);
    BOOST_TEST(!book.Occurrence(series.id, Day(11)));
}

MYODESK_DB_TEST(every_occurrence_is_checked_and_a_clash_saves_nothing) {
    auto database = test_db.Open();
    const People people(database);
    AppointmentRepository book(database, FixedNow);
    // Ann is busy on the third Monday.
    Appointment busy;
    busy.client_id = people.clients[1];
    busy.therapist_id = people.therapists[0];
    busy.date = Day(17);
    busy.start_minute = 10 * 60 + 30;
    book.Book(busy, kToday);

    AppointmentSeries series = Series(people, 3, 6);
    try {
        book.BookSeries(series, kToday);
        BOOST_ERROR("expected a clash on the third Monday");
    } catch (const db::ClashError& error) {
        BOOST_TEST(error.Other().slot.id == busy.id);
        BOOST_TEST((error.Other().slot.date == Day(17)));
    }
    BOOST_TEST(Count(database, "appointment_series") == 0);
    BOOST_TEST(Count(database, "appointments") == 1);

    // Booked from the fourth Monday, the series holds its days against a later booking, which
    // names the occurrence as ID@DAY.
    series = Series(people, 24, 6);
    const core::AppointmentId first = book.BookSeries(series, kToday);
    Appointment bea_with_ann = busy;
    bea_with_ann.id = 0;
    bea_with_ann.date = Day(38);
    try {
        book.Book(bea_with_ann, kToday);
        BOOST_ERROR("expected a clash with the series");
    } catch (const db::ClashError& error) {
        BOOST_TEST(error.Other().slot.id == 0);
        BOOST_TEST_REQUIRE(error.Other().occurrence.has_value());
        BOOST_TEST(core::FormatAppointmentRef(*error.Other().occurrence) ==
                   std::to_string(first) + "@" + core::FormatIsoDate(Day(38)));
        BOOST_TEST(error.Other().client_name == "Ada Weekly");
    }
    // After the series' last day, the time is free.
    bea_with_ann.date = Day(24 + 7 * 6);
    BOOST_TEST(book.Book(bea_with_ann, kToday) > 0);

    AppointmentSeries endless = Series(people, 3, 1);
    endless.rule.count.reset();
    BOOST_CHECK_THROW(book.BookSeries(endless, kToday), db::ValidationError);
}

MYODESK_DB_TEST(an_occurrence_is_stored_once_when_something_happens_to_it) {
    auto database = test_db.Open();
    const People people(database);
    AppointmentRepository book(database, FixedNow);
    AppointmentSeries series = Series(people, 3, 4);
    book.BookSeries(series, kToday);

    Appointment second = *book.Occurrence(series.id, Day(10));
    second.status = core::AppointmentStatus::kNoShow;
    Appointment stale = second;
    BOOST_TEST(book.Book(second, Day(10)) > 0);
    BOOST_TEST(Count(database, "appointments") == 2);
    // Another desk storing the same occurrence is refused: it was changed meanwhile.
    BOOST_CHECK_THROW(book.Book(stale, Day(10)), db::ConflictError);
    // A day the series does not hold.
    Appointment stray = stale;
    stray.occurrence_date = Day(11);
    stray.date = Day(11);
    BOOST_CHECK_THROW(book.Book(stray, kToday), db::NotFoundError);

    // Read back: stored once, not computed as well.
    const auto month = book.Between(Day(0), Day(30));
    BOOST_TEST_REQUIRE(month.size() == 4u);
    BOOST_TEST(month[1].id == second.id);
    BOOST_TEST((month[1].status == core::AppointmentStatus::kNoShow));

    // Moved alone to Tuesday: the Monday stays empty, Tuesday shows it.
    Appointment third = *book.Occurrence(series.id, Day(17));
    third.date = Day(18);
    book.Book(third, kToday);
    BOOST_TEST(book.Between(Day(17), Day(17)).empty());
    BOOST_TEST(book.Between(Day(18), Day(18)).size() == 1u);
    BOOST_TEST(book.Occurrence(series.id, Day(17))->id == third.id);
}

MYODESK_DB_TEST(this_and_following_splits_the_series_and_moves_what_is_stored) {
    auto database = test_db.Open();
    const People people(database);
    AppointmentRepository book(database, FixedNow);
    AppointmentSeries series = Series(people, 3, 6);
    const core::AppointmentId first = book.BookSeries(series, kToday);
    // The fifth is stored (moved alone to 15:00, still booked), the sixth cancelled.
    Appointment fifth = *book.Occurrence(series.id, Day(31));
    fifth.start_minute = 15 * 60;
    book.Book(fifth, kToday);
    Appointment sixth = *book.Occurrence(series.id, Day(38));
    sixth.status = core::AppointmentStatus::kCancelled;
    sixth.cancel_reason = "Away";
    book.Book(sixth, kToday);

    // From the third on: Tuesdays at 08:00 with Bo.
    Appointment third = *book.Occurrence(series.id, Day(17));
    third.date = Day(18);
    third.start_minute = 8 * 60;
    third.therapist_id = people.therapists[1];
    const core::AppointmentId third_id = book.ChangeFollowing(third, kToday);
    BOOST_TEST(third_id > 0);
    BOOST_TEST(third.id == third_id);
    BOOST_TEST(*third.series_id != series.id);

    const auto weeks = book.Between(Day(0), Day(45));
    BOOST_TEST((Days(weeks) == std::vector<std::string>{
                                   core::FormatIsoDate(Day(3)), core::FormatIsoDate(Day(10)),
                                   core::FormatIsoDate(Day(18)), core::FormatIsoDate(Day(25)),
                                   core::FormatIsoDate(Day(32)), core::FormatIsoDate(Day(38))}));
    BOOST_TEST(weeks[0].id == first);
    BOOST_TEST(weeks[3].therapist_id == people.therapists[1]);
    BOOST_TEST(weeks[3].start_minute == 8 * 60);
    BOOST_TEST(weeks[4].id == fifth.id);  // booked: it took the change
    BOOST_TEST(weeks[4].start_minute == 8 * 60);
    BOOST_TEST(weeks[5].id == sixth.id);  // cancelled: it stays where it was, in the new series
    BOOST_TEST((weeks[5].status == core::AppointmentStatus::kCancelled));
    BOOST_TEST(*weeks[5].series_id == *third.series_id);
    BOOST_TEST(Count(database, "appointment_series") == 2);

    // A stale copy of the third (unstored when read) meets the conflict rule.
    Appointment stale = third;
    stale.id = 0;
    stale.version = 0;
    stale.series_id = series.id;
    stale.occurrence_date = Day(17);
    BOOST_CHECK_THROW(book.ChangeFollowing(stale, kToday), db::DatabaseError);

    // The first day of a series changes all of it: the old series goes.
    Appointment new_first = *book.Get(third_id);
    new_first.start_minute = 9 * 60;
    book.ChangeFollowing(new_first, kToday);
    BOOST_TEST(Count(database, "appointment_series") == 2);
    BOOST_TEST(book.Between(Day(25), Day(25)).front().start_minute == 9 * 60);
}

MYODESK_DB_TEST(a_change_to_the_following_ones_is_refused_whole_on_a_clash) {
    auto database = test_db.Open();
    const People people(database);
    AppointmentRepository book(database, FixedNow);
    AppointmentSeries series = Series(people, 3, 6);
    book.BookSeries(series, kToday);
    Appointment busy;
    busy.client_id = people.clients[1];
    busy.therapist_id = people.therapists[0];
    busy.date = Day(31);
    busy.start_minute = 8 * 60;
    book.Book(busy, kToday);

    Appointment third = *book.Occurrence(series.id, Day(17));
    third.start_minute = 8 * 60;
    BOOST_CHECK_THROW(book.ChangeFollowing(third, kToday), db::ClashError);
    BOOST_TEST(Count(database, "appointment_series") == 1);
    BOOST_TEST(book.Between(Day(17), Day(17)).front().start_minute == 10 * 60);
    BOOST_TEST(book.Between(Day(0), Day(45)).size() == 7u);
}

MYODESK_DB_TEST(a_series_ends_with_a_day) {
    auto database = test_db.Open();
    const People people(database);
    AppointmentRepository book(database, FixedNow);
    AppointmentSeries series = Series(people, 3, 10);
    book.BookSeries(series, kToday);
    book.EndSeriesAfter(series.id, Day(17));
    BOOST_TEST(book.Between(Day(0), Day(80)).size() == 3u);
    BOOST_TEST(*book.GetSeries(series.id)->rule.count == 3);
    BOOST_CHECK_THROW(book.EndSeriesAfter(series.id, Day(18)), db::NotFoundError);

    // A series by its last day ends the same way.
    AppointmentSeries until = Series(people, 4, 1);
    until.pattern.client_id = people.clients[1];
    until.rule.count.reset();
    until.rule.until = Day(60);
    book.BookSeries(until, kToday);
    book.EndSeriesAfter(until.id, Day(11));
    BOOST_TEST(core::FormatIsoDate(*book.GetSeries(until.id)->rule.until) ==
               core::FormatIsoDate(Day(11)));
}

BOOST_AUTO_TEST_SUITE_END()
