#include <myodesk/core/appointment_series.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

Date Day(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

std::vector<std::string> Iso(const std::vector<Date>& days) {
    std::vector<std::string> text;
    for (const Date& each : days) {
        text.push_back(FormatIsoDate(each));
    }
    return text;
}

bool Has(const ValidationProblems& problems, std::string_view field, ProblemCode code) {
    return std::any_of(problems.begin(), problems.end(), [&](const ValidationProblem& problem) {
        return problem.field == field && problem.code == code;
    });
}

const Date kFirst = Day(2026, 12, 1);  // a Tuesday

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_series)

BOOST_AUTO_TEST_CASE(statuses_have_codes_and_the_desk_changes_them_in_order) {
    BOOST_TEST(AllAppointmentStatuses().size() == 6u);
    for (const AppointmentStatus status : AllAppointmentStatuses()) {
        BOOST_TEST((AppointmentStatusFromCode(ToCode(status)) == status));
    }
    BOOST_TEST(ToCode(AppointmentStatus::kLateCancelled) == "late_cancelled");
    BOOST_TEST(!AppointmentStatusFromCode("noshow"));
    using S = AppointmentStatus;
    BOOST_TEST(CanChangeStatus(S::kBooked, S::kArrived));
    BOOST_TEST(CanChangeStatus(S::kArrived, S::kCompleted));
    BOOST_TEST(CanChangeStatus(S::kArrived, S::kBooked));  // an arrival marked by mistake
    BOOST_TEST(CanChangeStatus(S::kNoShow, S::kBooked));
    BOOST_TEST(CanChangeStatus(S::kBooked, S::kLateCancelled));
    BOOST_TEST(CanChangeStatus(S::kBooked, S::kCompleted));  // the arrival was not marked
    BOOST_TEST(!CanChangeStatus(S::kCompleted, S::kBooked));
    BOOST_TEST(!CanChangeStatus(S::kCancelled, S::kBooked));
    BOOST_TEST(!CanChangeStatus(S::kNoShow, S::kCompleted));
}

BOOST_AUTO_TEST_CASE(a_cancellation_inside_the_notice_window_is_late) {
    const LocalMoment start{Day(2026, 12, 8), 9 * 60};
    BOOST_TEST(!IsLateCancellation(start, {Day(2026, 12, 7), 9 * 60}, 24));  // exactly 24 h
    BOOST_TEST(IsLateCancellation(start, {Day(2026, 12, 7), 9 * 60 + 1}, 24));
    BOOST_TEST(IsLateCancellation(start, {Day(2026, 12, 8), 10 * 60}, 24));   // after the start
    BOOST_TEST(!IsLateCancellation(start, {Day(2026, 12, 6), 23 * 60}, 34));  // 34 h before
    BOOST_TEST(IsLateCancellation(start, {Day(2026, 12, 6), 23 * 60}, 35));
    BOOST_TEST(MinutesBetween({Day(2026, 12, 31), 23 * 60}, {Day(2027, 1, 1), 60}) == 120);
}

BOOST_AUTO_TEST_CASE(a_weekly_series_is_expanded_only_for_the_days_shown) {
    Recurrence weekly;
    weekly.count = 4;
    BOOST_TEST(
        Iso(OccurrencesBetween(kFirst, weekly, Day(2026, 11, 1), Day(2027, 3, 1))) ==
            (std::vector<std::string>{"2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22"}),
        boost::test_tools::per_element());
    BOOST_TEST(Iso(OccurrencesBetween(kFirst, weekly, Day(2026, 12, 9), Day(2026, 12, 15))) ==
                   (std::vector<std::string>{"2026-12-15"}),
               boost::test_tools::per_element());
    BOOST_TEST(OccurrencesBetween(kFirst, weekly, Day(2026, 12, 2), Day(2026, 12, 7)).empty());
    BOOST_TEST(OccurrencesBetween(kFirst, weekly, Day(2026, 12, 9), Day(2026, 12, 8)).empty());

    // Every two weeks until a day, ten years long: a week far ahead gives its one day.
    Recurrence fortnightly;
    fortnightly.every_weeks = 2;
    fortnightly.until = Day(2036, 11, 30);
    BOOST_TEST(Iso(OccurrencesBetween(kFirst, fortnightly, Day(2035, 6, 4), Day(2035, 6, 17))) ==
                   (std::vector<std::string>{"2035-06-05"}),
               boost::test_tools::per_element());
    BOOST_TEST(OccurrencesBetween(kFirst, fortnightly, kFirst, Day(2036, 12, 31)).size() == 261u);
}

BOOST_AUTO_TEST_CASE(an_exception_leaves_its_day_out_and_still_counts) {
    Recurrence weekly;
    weekly.count = 3;
    weekly.exceptions = {Day(2026, 12, 8)};  // "this one" cancelled
    BOOST_TEST(Iso(OccurrencesBetween(kFirst, weekly, kFirst, Day(2027, 1, 31))) ==
                   (std::vector<std::string>{"2026-12-01", "2026-12-15"}),
               boost::test_tools::per_element());
    BOOST_TEST(IsOccurrence(kFirst, weekly, Day(2026, 12, 15)));
    BOOST_TEST(!IsOccurrence(kFirst, weekly, Day(2026, 12, 8)));
    BOOST_TEST(!IsOccurrence(kFirst, weekly, Day(2026, 12, 22)));  // past the count
    BOOST_TEST(!IsOccurrence(kFirst, weekly, Day(2026, 12, 2)));   // not its weekday
}

BOOST_AUTO_TEST_CASE(this_and_following_splits_the_series_where_it_is_changed) {
    Recurrence counted;
    counted.count = 6;
    counted.exceptions = {Day(2026, 12, 8), Day(2026, 12, 29)};
    const auto split = SplitSeries(kFirst, counted, Day(2026, 12, 22));
    BOOST_REQUIRE(split);
    BOOST_TEST(*split->before.count == 3);
    BOOST_TEST(*split->from_at.count == 3);
    BOOST_TEST(Iso(split->before.exceptions) == (std::vector<std::string>{"2026-12-08"}));
    BOOST_TEST(Iso(split->from_at.exceptions) == (std::vector<std::string>{"2026-12-29"}));
    // Together the two parts are the days the series had.
    std::vector<Date> joined = OccurrencesBetween(kFirst, split->before, kFirst, Day(2027, 12, 31));
    for (const Date& day :
         OccurrencesBetween(Day(2026, 12, 22), split->from_at, kFirst, Day(2027, 12, 31))) {
        joined.push_back(day);
    }
    BOOST_TEST(Iso(joined) == Iso(OccurrencesBetween(kFirst, counted, kFirst, Day(2027, 12, 31))),
               boost::test_tools::per_element());

    Recurrence until;
    until.until = Day(2027, 2, 28);
    const auto by_date = SplitSeries(kFirst, until, Day(2027, 1, 5));
    BOOST_REQUIRE(by_date);
    BOOST_TEST(FormatIsoDate(*by_date->before.until) == "2027-01-04");
    BOOST_TEST(FormatIsoDate(*by_date->from_at.until) == "2027-02-28");
    // Only at a later day of the series.
    BOOST_TEST(!SplitSeries(kFirst, until, kFirst));
    BOOST_TEST(!SplitSeries(kFirst, until, Day(2027, 1, 6)));
    BOOST_TEST(!SplitSeries(kFirst, until, Day(2027, 3, 2)));
}

BOOST_AUTO_TEST_CASE(a_series_is_checked_naming_each_field) {
    Recurrence good;
    good.every_weeks = 3;
    good.count = 10;
    good.exceptions = {Day(2026, 12, 22)};
    BOOST_TEST(ValidateRecurrence(kFirst, good).empty());

    Recurrence open_ended;
    BOOST_TEST(Has(ValidateRecurrence(kFirst, open_ended), "count", ProblemCode::kRequired));
    Recurrence both = good;
    both.until = Day(2027, 6, 1);
    BOOST_TEST(Has(ValidateRecurrence(kFirst, both), "until", ProblemCode::kContradicts));
    Recurrence bad_rhythm = good;
    bad_rhythm.every_weeks = 0;
    BOOST_TEST(
        Has(ValidateRecurrence(kFirst, bad_rhythm), "every_weeks", ProblemCode::kOutOfRange));
    bad_rhythm.every_weeks = 53;
    BOOST_TEST(
        Has(ValidateRecurrence(kFirst, bad_rhythm), "every_weeks", ProblemCode::kOutOfRange));
    Recurrence too_many = good;
    too_many.count = RecurrenceLimits::kMaxCount + 1;
    BOOST_TEST(Has(ValidateRecurrence(kFirst, too_many), "count", ProblemCode::kOutOfRange));
    Recurrence before;
    before.until = Day(2026, 11, 30);
    BOOST_TEST(Has(ValidateRecurrence(kFirst, before), "until", ProblemCode::kContradicts));
    Recurrence far;
    far.until = Day(2036, 12, 2);
    BOOST_TEST(Has(ValidateRecurrence(kFirst, far), "until", ProblemCode::kTooFarInFuture));
    far.until = Day(2036, 12, 1);
    BOOST_TEST(ValidateRecurrence(kFirst, far).empty());

    Recurrence odd_exceptions = good;
    odd_exceptions.exceptions = {Day(2026, 12, 22), Day(2026, 12, 23), Day(2026, 12, 22)};
    const auto problems = ValidateRecurrence(kFirst, odd_exceptions);
    BOOST_TEST(Has(problems, "exceptions[1]", ProblemCode::kInvalidDate));  // not a series day
    BOOST_TEST(Has(problems, "exceptions[2]", ProblemCode::kDuplicate));
    odd_exceptions.exceptions.assign(RecurrenceLimits::kMaxExceptions + 1, Day(2026, 12, 22));
    BOOST_TEST(
        Has(ValidateRecurrence(kFirst, odd_exceptions), "exceptions", ProblemCode::kTooMany));
}

BOOST_AUTO_TEST_SUITE_END()
