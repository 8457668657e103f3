// AppointmentRepository on its own: an appointment booked without a plan. Booking from a plan
// (PlanRepository::Accept, which books here) is tested in plan_repository_tests.cpp.

#include "least_treatment.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

using namespace myodesk;
using core::Appointment;
using core::ProblemCode;
using db::AppointmentRepository;

namespace {

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

db::TimePoint FixedNow() {
    return std::chrono::sys_days{kToday} + std::chrono::hours{9};
}

core::ClientId AddClient(db::Database& database, std::string given) {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Booked";
    return db::ClientRepository(database, FixedNow).Add(client);
}

core::StaffId AddTherapist(db::Database& database, std::string name) {
    core::Staff staff;
    staff.name = std::move(name);
    return db::StaffRepository(database, FixedNow).Add(staff);
}

Appointment On(core::ClientId client, core::StaffId therapist, int days_ahead, int hour,
               int minute = 0, int duration = 60) {
    Appointment appointment;
    appointment.client_id = client;
    appointment.therapist_id = therapist;
    appointment.date = core::AddDays(kToday, days_ahead);
    appointment.start_minute = hour * 60 + minute;
    appointment.duration_min = duration;
    return appointment;
}

void ExpectProblem(const std::function<void()>& action, const std::string& field,
                   ProblemCode code) {
    try {
        action();
        BOOST_ERROR("expected a ValidationError for " << field);
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(!error.Problems().empty());
        BOOST_TEST(error.Problems().front().field == field);
        BOOST_TEST(static_cast<int>(error.Problems().front().code) == static_cast<int>(code));
    }
}

long long CountAppointments(db::Database& database) {
    long long count = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM appointments", soci::into(count);
    return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_repository_tests)

MYODESK_DB_TEST(books_an_appointment_and_lists_the_clients_ahead_in_order) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Ada");
    const auto other = AddClient(database, "Bea");
    const auto ann = AddTherapist(database, "Ann");
    AppointmentRepository appointments(database, FixedNow);

    Appointment later = On(client, ann, 7, 15);
    Appointment sooner = On(client, ann, 2, 9);
    Appointment not_hers = On(other, ann, 3, 9);
    BOOST_TEST(appointments.Book(later, kToday) > 0);
    BOOST_TEST(appointments.Book(sooner, kToday) > later.id);
    appointments.Book(not_hers, kToday);
    BOOST_TEST(later.created_at == "2026-11-20T09:00:00Z");
    BOOST_TEST(!later.plan_id.has_value());

    const auto listed = appointments.ForClient(client, kToday);
    BOOST_REQUIRE(listed.size() == 2u);
    BOOST_TEST((listed[0] == sooner));
    BOOST_TEST((listed[1] == later));
    BOOST_TEST(appointments.ForClient(client, core::AddDays(kToday, 3)).size() == 1u);
}

// What the clash names: the other session's kind, id, time, people.
void ExpectClash(const std::function<void()>& action, core::SessionKind kind, std::int64_t id,
                 const std::string& client_name, const std::string& therapist_name) {
    try {
        action();
        BOOST_ERROR("expected a ClashError");
    } catch (const db::ClashError& error) {
        BOOST_TEST(error.Problems().front().field == "start_time");
        BOOST_TEST((error.Other().slot.kind == kind));
        BOOST_TEST(error.Other().slot.id == id);
        BOOST_TEST(error.Other().client_name == client_name);
        BOOST_TEST(error.Other().therapist_name == therapist_name);
    }
}

MYODESK_DB_TEST(refuses_a_clash_with_the_therapists_or_the_clients_sessions) {
    auto database = test_db.Open();
    const auto ada = AddClient(database, "Ada");
    const auto cy = AddClient(database, "Cy");
    const auto ann = AddTherapist(database, "Ann");
    const auto bo = AddTherapist(database, "Bo");
    AppointmentRepository appointments(database, FixedNow);
    Appointment first = On(ada, ann, 0, 17);
    appointments.Book(first, kToday);

    // Ann is busy; Ada is busy (with Ann) whoever she would see.
    Appointment ann_busy = On(cy, ann, 0, 17, 30);
    ExpectClash([&] { appointments.Book(ann_busy, kToday); }, core::SessionKind::kAppointment,
                first.id, "Ada Booked", "Ann");
    Appointment ada_busy = On(ada, bo, 0, 17, 30);
    ExpectClash([&] { appointments.Book(ada_busy, kToday); }, core::SessionKind::kAppointment,
                first.id, "Ada Booked", "Ann");

    core::SessionNote note;
    note.client_id = cy;
    note.therapist_id = bo;
    note.date = kToday;
    note.start_minute = 10 * 60;
    note.duration_min = 60;
    test::AddLeastTreatment(note);
    db::SessionNoteRepository(database, FixedNow).Add(note);
    Appointment during_note = On(ada, bo, 0, 10, 30);
    ExpectClash([&] { appointments.Book(during_note, kToday); }, core::SessionKind::kNote, note.id,
                "Cy Booked", "Bo");
    Appointment cy_during_note = On(cy, ann, 0, 10, 30);
    ExpectProblem([&] { appointments.Book(cy_during_note, kToday); }, "start_time",
                  ProblemCode::kOverlaps);
    BOOST_TEST(CountAppointments(database) == 1);

    // The booking of the session Bo wrote up with Cy is that session, not a clash.
    Appointment written_up = On(cy, bo, 0, 10);
    BOOST_TEST(appointments.Book(written_up, kToday) > 0);
    Appointment other_people = On(cy, bo, 0, 17, 30);
    BOOST_TEST(appointments.Book(other_people, kToday) > 0);
    Appointment touching = On(ada, ann, 0, 18);
    BOOST_TEST(appointments.Book(touching, kToday) > 0);
    BOOST_TEST(CountAppointments(database) == 4);
}

MYODESK_DB_TEST(refuses_what_cannot_be_booked_and_saves_nothing) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Ada");
    const auto ann = AddTherapist(database, "Ann");
    AppointmentRepository appointments(database, FixedNow);

    Appointment long_ago = On(client, ann, -core::AppointmentLimits::kMaxDaysPast - 1, 9);
    ExpectProblem([&] { appointments.Book(long_ago, kToday); }, "date", ProblemCode::kTooFarInPast);
    Appointment no_therapist = On(client, ann + 100, 1, 9);
    BOOST_CHECK_THROW(appointments.Book(no_therapist, kToday), db::NotFoundError);
    Appointment no_client = On(client + 100, ann, 1, 9);
    BOOST_CHECK_THROW(appointments.Book(no_client, kToday), db::NotFoundError);
    BOOST_TEST(CountAppointments(database) == 0);
    BOOST_TEST(no_client.id == 0);
}

BOOST_AUTO_TEST_SUITE_END()
