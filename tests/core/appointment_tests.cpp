#include <myodesk/core/appointment.h>
#include <myodesk/core/clinic_resources.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

Date Day(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

const Date kToday = Day(2026, 12, 6);

bool Has(const ValidationProblems& problems, std::string_view field, ProblemCode code) {
    return std::any_of(problems.begin(), problems.end(), [&](const ValidationProblem& problem) {
        return problem.field == field && problem.code == code;
    });
}

Appointment Valid() {
    Appointment appointment;
    appointment.client_id = 1;
    appointment.therapist_id = 2;
    appointment.date = AddDays(kToday, 3);
    return appointment;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment)

BOOST_AUTO_TEST_CASE(a_plain_booking_ahead_is_valid) {
    BOOST_TEST(ValidateAppointment(Valid(), kToday).empty());
}

BOOST_AUTO_TEST_CASE(a_walk_in_may_be_entered_afterwards_but_not_years_later) {
    Appointment walk_in = Valid();
    walk_in.date = AddDays(kToday, -1);
    BOOST_TEST(ValidateAppointment(walk_in, kToday).empty());
    walk_in.date = AddDays(kToday, -AppointmentLimits::kMaxDaysPast);
    BOOST_TEST(ValidateAppointment(walk_in, kToday).empty());
    walk_in.date = AddDays(kToday, -AppointmentLimits::kMaxDaysPast - 1);
    BOOST_TEST(Has(ValidateAppointment(walk_in, kToday), "date", ProblemCode::kTooFarInPast));
}

BOOST_AUTO_TEST_CASE(a_booking_more_than_ten_years_ahead_is_refused) {
    Appointment far = Valid();
    far.date = Day(2036, 12, 6);
    BOOST_TEST(ValidateAppointment(far, kToday).empty());
    far.date = Day(2036, 12, 7);
    BOOST_TEST(Has(ValidateAppointment(far, kToday), "date", ProblemCode::kTooFarInFuture));
    far.date = Date{year{2026}, month{2}, day{30}};
    BOOST_TEST(Has(ValidateAppointment(far, kToday), "date", ProblemCode::kInvalidDate));
}

BOOST_AUTO_TEST_CASE(time_duration_and_therapist_are_checked) {
    Appointment bad = Valid();
    bad.start_minute = 24 * 60;
    bad.duration_min = 10;
    bad.therapist_id = 0;
    const ValidationProblems problems = ValidateAppointment(bad, kToday);
    BOOST_TEST(Has(problems, "start_time", ProblemCode::kOutOfRange));
    BOOST_TEST(Has(problems, "duration_min", ProblemCode::kOutOfRange));
    BOOST_TEST(Has(problems, "therapist_id", ProblemCode::kRequired));
    bad = Valid();
    bad.duration_min = AppointmentLimits::kMaxDuration + 1;
    BOOST_TEST(Has(ValidateAppointment(bad, kToday), "duration_min", ProblemCode::kOutOfRange));
}

BOOST_AUTO_TEST_CASE(notes_and_cancel_reason_have_limits_and_the_reason_is_one_line) {
    Appointment appointment = Valid();
    appointment.notes = "Prefers the late slot.\nParks at the back.";
    appointment.cancel_reason = "Flu";
    BOOST_TEST(ValidateAppointment(appointment, kToday).empty());
    appointment.notes = std::string(AppointmentLimits::kNotes + 1, 'n');
    appointment.cancel_reason = "Flu\nagain";
    const ValidationProblems problems = ValidateAppointment(appointment, kToday);
    BOOST_TEST(Has(problems, "notes", ProblemCode::kTooLong));
    BOOST_TEST(Has(problems, "cancel_reason", ProblemCode::kInvalidText));
}

BOOST_AUTO_TEST_CASE(an_appointment_past_midnight_ends_the_next_day) {
    Appointment late = Valid();
    late.start_minute = 23 * 60 + 30;
    late.duration_min = 60;
    BOOST_TEST((StartOf(late) == LocalMoment{late.date, 23 * 60 + 30}));
    BOOST_TEST((EndOf(late) == LocalMoment{AddDays(late.date, 1), 30}));
    late.start_minute = 9 * 60;
    BOOST_TEST((EndOf(late) == LocalMoment{late.date, 10 * 60}));
}

BOOST_AUTO_TEST_CASE(only_cancellations_free_the_slot) {
    for (const AppointmentStatus status : AllAppointmentStatuses()) {
        const bool cancelled =
            status == AppointmentStatus::kCancelled || status == AppointmentStatus::kLateCancelled;
        BOOST_TEST(HoldsSlot(status) == !cancelled, ToCode(status));
    }
}

BOOST_AUTO_TEST_CASE(rooms_need_a_name_and_a_changeover_within_two_hours) {
    Room room{0, "Room 1", 15, true};
    BOOST_TEST(ValidateRoom(room).empty());
    room.name = "  ";
    room.changeover_min = ClinicResourceLimits::kMaxChangeover + 1;
    ValidationProblems problems = ValidateRoom(room);
    BOOST_TEST(Has(problems, "name", ProblemCode::kRequired));
    BOOST_TEST(Has(problems, "changeover_min", ProblemCode::kOutOfRange));
    room = Room{0, "Room\n2", -1, true};
    problems = ValidateRoom(room);
    BOOST_TEST(Has(problems, "name", ProblemCode::kInvalidText));
    BOOST_TEST(Has(problems, "changeover_min", ProblemCode::kOutOfRange));
}

BOOST_AUTO_TEST_CASE(services_need_a_name_and_a_bookable_duration) {
    Service service{0, "Sports massage 60", 60, true};
    BOOST_TEST(ValidateService(service).empty());
    service.duration_min = ClinicResourceLimits::kMinDuration - 1;
    BOOST_TEST(Has(ValidateService(service), "duration_min", ProblemCode::kOutOfRange));
    service.duration_min = ClinicResourceLimits::kMaxDuration;
    service.name = std::string(ClinicResourceLimits::kName + 1, 's');
    BOOST_TEST(Has(ValidateService(service), "name", ProblemCode::kTooLong));
}

BOOST_AUTO_TEST_SUITE_END()
