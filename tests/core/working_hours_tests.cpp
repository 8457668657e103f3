#include <myodesk/core/working_hours.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

Date Day(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

bool Has(const ValidationProblems& problems, std::string_view field, ProblemCode code) {
    return std::any_of(problems.begin(), problems.end(), [&](const ValidationProblem& problem) {
        return problem.field == field && problem.code == code;
    });
}

// Monday to Friday 09:00-12:30 and 13:30-18:00, Saturday morning, Sunday closed.
WeeklyHours Clinic() {
    WeeklyHours hours;
    for (int day = 0; day < 5; ++day) {
        hours.days.at(static_cast<std::size_t>(day)) = {{9 * 60, 12 * 60 + 30},
                                                        {13 * 60 + 30, 18 * 60}};
    }
    hours.days.at(5) = {{9 * 60, 13 * 60}};
    return hours;
}

const Date kMonday = Day(2026, 12, 7);
const Date kSunday = Day(2026, 12, 13);

}  // namespace

BOOST_AUTO_TEST_SUITE(working_hours)

BOOST_AUTO_TEST_CASE(a_session_must_fit_one_opening_range) {
    const WeeklyHours hours = Clinic();
    BOOST_TEST(IsWithinHours(hours, {}, kMonday, 9 * 60, 60));
    BOOST_TEST(IsWithinHours(hours, {}, kMonday, 11 * 60 + 30, 60));       // ends at 12:30
    BOOST_TEST(!IsWithinHours(hours, {}, kMonday, 12 * 60, 60));           // into the break
    BOOST_TEST(!IsWithinHours(hours, {}, kMonday, 8 * 60 + 30, 60));       // before opening
    BOOST_TEST(!IsWithinHours(hours, {}, kMonday, 17 * 60 + 30, 60));      // after closing
    BOOST_TEST(IsWithinHours(hours, {}, Day(2026, 12, 12), 12 * 60, 60));  // Saturday
    BOOST_TEST(!IsWithinHours(hours, {}, kSunday, 10 * 60, 60));
    BOOST_TEST(!IsWithinHours(hours, {}, kMonday, 10 * 60, 0));
    BOOST_TEST((hours.On(Weekday::kSunday).empty()));
}

BOOST_AUTO_TEST_CASE(days_off_close_the_days_they_cover) {
    const WeeklyHours hours = Clinic();
    const std::vector<DaysOff> off{{Day(2026, 12, 24), Day(2026, 12, 26)}};
    BOOST_TEST(IsWorkingDay(hours, off, Day(2026, 12, 23)));
    BOOST_TEST(!IsWorkingDay(hours, off, Day(2026, 12, 24)));
    BOOST_TEST(!IsWorkingDay(hours, off, Day(2026, 12, 26)));  // both ends included
    BOOST_TEST(!IsWithinHours(hours, off, Day(2026, 12, 25), 10 * 60, 30));
    BOOST_TEST(!IsWorkingDay(hours, off, kSunday));
}

BOOST_AUTO_TEST_CASE(a_therapists_own_day_wins_then_the_clinics_then_the_whole_day) {
    HoursSetting clinic;
    clinic.days.at(0) = std::vector<TimeRange>{{9 * 60, 17 * 60}};  // Monday
    clinic.days.at(6) = std::vector<TimeRange>{};                   // Sunday closed
    HoursSetting therapist;
    therapist.days.at(0) = std::vector<TimeRange>{{12 * 60, 20 * 60}};
    therapist.days.at(1) = std::vector<TimeRange>{};  // Tuesday off every week

    const WeeklyHours hers = EffectiveHours(clinic, therapist);
    BOOST_TEST((hers.On(Weekday::kMonday) == std::vector<TimeRange>{{12 * 60, 20 * 60}}));
    BOOST_TEST(hers.On(Weekday::kTuesday).empty());
    BOOST_TEST(hers.On(Weekday::kSunday).empty());
    // Wednesday is set nowhere: the whole day, so nothing is refused for hours.
    BOOST_TEST((hers.On(Weekday::kWednesday) == std::vector<TimeRange>{{0, 24 * 60}}));

    const WeeklyHours open = EffectiveHours(clinic);
    BOOST_TEST((open.On(Weekday::kMonday) == std::vector<TimeRange>{{9 * 60, 17 * 60}}));
    BOOST_TEST(open.On(Weekday::kTuesday).size() == 1u);
    BOOST_TEST(IsWithinHours(EffectiveHours({}), {}, Day(2026, 12, 6), 23 * 60, 60));
}

BOOST_AUTO_TEST_CASE(the_hours_verdict_names_the_clinic_first_then_the_therapist) {
    HoursOfDay hours;
    hours.clinic = Clinic();  // Monday-Friday 09:00-12:30 and 13:30-18:00, Saturday morning
    hours.therapist = Clinic();
    hours.therapist.days.at(0) = {{14 * 60, 18 * 60}};  // Mondays afternoons only
    hours.therapist.days.at(2) = {};                    // no Wednesdays
    const Date monday = Day(2026, 12, 7);
    const Date wednesday = Day(2026, 12, 9);
    const Date sunday = Day(2026, 12, 13);
    BOOST_TEST((CheckHours(hours, monday, 14 * 60, 60) == HoursVerdict::kWithin));
    BOOST_TEST((CheckHours(hours, sunday, 10 * 60, 60) == HoursVerdict::kClinicClosed));
    BOOST_TEST((CheckHours(hours, monday, 12 * 60, 60) == HoursVerdict::kOutsideOpeningHours));
    BOOST_TEST((CheckHours(hours, monday, 10 * 60, 60) == HoursVerdict::kOutsideWorkingHours));
    BOOST_TEST((CheckHours(hours, wednesday, 10 * 60, 60) == HoursVerdict::kTherapistNotWorking));
    hours.therapist_off = {{monday, monday}};
    BOOST_TEST((CheckHours(hours, monday, 14 * 60, 60) == HoursVerdict::kTherapistDayOff));
    hours.clinic_off = {{monday, Day(2026, 12, 8)}};
    BOOST_TEST((CheckHours(hours, monday, 14 * 60, 60) == HoursVerdict::kClinicHoliday));
}

BOOST_AUTO_TEST_CASE(ranges_are_read_strictly_and_written_back_the_same) {
    const auto day = ParseTimeRanges("09:00-12:30,13:30-24:00");
    BOOST_REQUIRE(day.has_value());
    BOOST_TEST((*day == std::vector<TimeRange>{{9 * 60, 12 * 60 + 30}, {13 * 60 + 30, 24 * 60}}));
    BOOST_TEST(FormatTimeRanges(*day) == "09:00-12:30,13:30-24:00");
    for (const char* bad :
         {"", "9:00-12:00", "09:00-12:00,", "09:00 - 12:00", "09:00-24:30", "25:00-26:00",
          "09:60-10:00", "09:00-12:00;13:00-14:00",
          "01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00", "closed"}) {
        BOOST_TEST(!ParseTimeRanges(bad).has_value(), bad);
    }
    // The form is read here; the order is ValidateWeeklyHours's to refuse.
    BOOST_TEST(ParseTimeRanges("12:00-09:00").has_value());
}

BOOST_AUTO_TEST_CASE(hours_and_days_off_are_checked_naming_the_field) {
    BOOST_TEST(ValidateWeeklyHours(Clinic()).empty());
    WeeklyHours wrong = Clinic();
    wrong.days.at(0) = {{9 * 60, 8 * 60}};                         // ends before it starts
    wrong.days.at(1) = {{9 * 60, 13 * 60}, {12 * 60, 18 * 60}};    // overlapping
    wrong.days.at(2) = {{0, 24 * 60 + 1}};                         // past midnight
    wrong.days.at(3) = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};  // too many
    const auto problems = ValidateWeeklyHours(wrong);
    BOOST_TEST(Has(problems, "monday[0]", ProblemCode::kOutOfRange));
    BOOST_TEST(Has(problems, "tuesday[1]", ProblemCode::kContradicts));
    BOOST_TEST(Has(problems, "wednesday[0]", ProblemCode::kOutOfRange));
    BOOST_TEST(Has(problems, "thursday", ProblemCode::kTooMany));
    BOOST_TEST(problems.size() == 4u);

    BOOST_TEST(ValidateDaysOff({kMonday, kMonday}).empty());
    BOOST_TEST(Has(ValidateDaysOff({kSunday, kMonday}), "to", ProblemCode::kContradicts));
    BOOST_TEST(
        Has(ValidateDaysOff({Day(2026, 2, 30), kMonday}), "from", ProblemCode::kInvalidDate));
}

BOOST_AUTO_TEST_SUITE_END()
