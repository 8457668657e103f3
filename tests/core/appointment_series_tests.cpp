#include <myodesk/core/appointment.h>
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

BOOST_AUTO_TEST_CASE(the_last_day_comes_from_the_count_or_the_until_date) {
    Recurrence four;
    four.count = 4;
    BOOST_TEST(FormatIsoDate(*LastOccurrence(kFirst, four)) == "2026-12-22");
    four.every_weeks = 2;
    BOOST_TEST(FormatIsoDate(*LastOccurrence(kFirst, four)) == "2027-01-12");
    Recurrence until;
    until.until = Day(2027, 1, 4);  // a Monday: the last Tuesday before it
    BOOST_TEST(FormatIsoDate(*LastOccurrence(kFirst, until)) == "2026-12-29");
    BOOST_TEST(!LastOccurrence(kFirst, Recurrence{}));  // neither: no end
}

// A series as booked: Ada with therapist 7 on Tuesdays at 09:00, eight times.
AppointmentSeries Tuesdays() {
    AppointmentSeries series;
    series.id = 3;
    series.pattern.client_id = 5;
    series.pattern.therapist_id = 7;
    series.pattern.date = kFirst;
    series.pattern.start_minute = 9 * 60;
    series.rule.count = 8;
    series.created_at = "2026-11-30T10:00:00Z";
    return series;
}

BOOST_AUTO_TEST_CASE(an_occurrence_not_stored_is_the_series_on_its_day) {
    const AppointmentSeries series = Tuesdays();
    const Appointment third = OccurrenceOf(series, Day(2026, 12, 15));
    BOOST_TEST(third.id == 0);
    BOOST_TEST(third.version == 0);
    BOOST_TEST(IsUnstoredOccurrence(third));
    BOOST_TEST(*third.series_id == 3);
    BOOST_TEST(FormatIsoDate(*third.occurrence_date) == "2026-12-15");
    BOOST_TEST(third.start_minute == 9 * 60);
    BOOST_TEST((third.status == AppointmentStatus::kBooked));
    // Keys tell unstored occurrences apart by their day, stored ones by id.
    BOOST_TEST(!(KeyOf(third) == KeyOf(OccurrenceOf(series, Day(2026, 12, 22)))));
    Appointment stored = third;
    stored.id = 40;
    BOOST_TEST(!IsUnstoredOccurrence(stored));
    BOOST_TEST((KeyOf(stored) == AppointmentKey{40, 0, Date{}}));
}

BOOST_AUTO_TEST_CASE(this_and_following_starts_a_series_on_the_new_day) {
    const AppointmentSeries series = Tuesdays();
    // The fourth, moved to Wednesday 10:00: five are left, from Wednesday 23 December.
    Appointment fourth = OccurrenceOf(series, Day(2026, 12, 22));
    fourth.date = Day(2026, 12, 23);
    fourth.start_minute = 10 * 60;
    const auto following = FollowingSeries(series, fourth);
    BOOST_REQUIRE(following.has_value());
    BOOST_TEST(following->id == 0);
    BOOST_TEST(FormatIsoDate(following->pattern.date) == "2026-12-23");
    BOOST_TEST(following->pattern.start_minute == 10 * 60);
    BOOST_TEST(*following->rule.count == 5);
    BOOST_TEST(!following->pattern.series_id.has_value());
    // An until date moves with it.
    AppointmentSeries until = series;
    until.rule.count.reset();
    until.rule.until = Day(2027, 1, 19);
    const auto moved = FollowingSeries(until, fourth);
    BOOST_TEST(FormatIsoDate(*moved->rule.until) == "2027-01-20");
    // The first occurrence: the whole series.
    Appointment first = OccurrenceOf(series, kFirst);
    first.start_minute = 8 * 60;
    BOOST_TEST(*FollowingSeries(series, first)->rule.count == 8);
    // Not a day of the series, or another series.
    Appointment stray = fourth;
    stray.occurrence_date = Day(2026, 12, 23);
    BOOST_TEST(!FollowingSeries(series, stray));
    Appointment other = fourth;
    other.series_id = 4;
    BOOST_TEST(!FollowingSeries(series, other));
}

BOOST_AUTO_TEST_CASE(a_series_is_checked_as_its_appointment_and_rule) {
    AppointmentSeries series = Tuesdays();
    const Date today = Day(2026, 11, 30);
    BOOST_TEST(ValidateSeries(series, today).empty());
    series.rule.count = 0;
    BOOST_TEST(Has(ValidateSeries(series, today), "count", ProblemCode::kOutOfRange));
    series.rule.count.reset();
    BOOST_TEST(Has(ValidateSeries(series, today), "count", ProblemCode::kRequired));
    // Ten years from the first day is allowed by the rule, not from a first day far ahead.
    series.pattern.date = Day(2030, 12, 3);
    series.rule.until = Day(2040, 11, 27);
    BOOST_TEST(Has(ValidateSeries(series, today), "until", ProblemCode::kTooFarInFuture));
    series.pattern.duration_min = 0;
    BOOST_TEST(Has(ValidateSeries(series, today), "duration_min", ProblemCode::kOutOfRange));
}

BOOST_AUTO_TEST_CASE(the_desk_names_an_occurrence_by_an_id_and_a_day) {
    BOOST_TEST((*ParseAppointmentRef("42") == AppointmentRef{42, std::nullopt}));
    const auto occurrence = ParseAppointmentRef("42@2027-01-14");
    BOOST_REQUIRE(occurrence.has_value());
    BOOST_TEST(occurrence->id == 42);
    BOOST_TEST(FormatIsoDate(*occurrence->day) == "2027-01-14");
    BOOST_TEST(FormatAppointmentRef(*occurrence) == "42@2027-01-14");
    for (const char* bad : {"", "0", "-3", "42@", "@2027-01-14", "42@2027-02-30", "42 ", "4x",
                            "42@2027-01-14@2027-01-21", "99999999999999999999"}) {
        BOOST_TEST(!ParseAppointmentRef(bad), bad);
    }
}

BOOST_AUTO_TEST_SUITE_END()
