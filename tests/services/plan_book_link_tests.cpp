// The plan proposes, the book disposes (issue 16): a plan appointment cancelled or not
// attended returns its session to the plan as missed, and plans go on the days the client's
// therapist works.
#include "plan_test_setup.h"
#include "test_database.h"

#include <myodesk/core/plan.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/plan_service.h>
#include <myodesk/services/practice_setup_service.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

using namespace myodesk;
using core::PlannedSessionStatus;

namespace {

using test::plan_setup::AddClient;
using test::plan_setup::AddTherapist;
using test::plan_setup::D;
using test::plan_setup::FixedNow;
using test::plan_setup::kToday;
using test::plan_setup::PlanOn;

core::Appointment At(core::StaffId therapist, int hour) {
    core::Appointment appointment;
    appointment.therapist_id = therapist;
    appointment.start_minute = hour * 60;
    return appointment;
}

PlannedSessionStatus StatusOn(services::PlanService& plans, core::ClientId client,
                              const core::Date& date) {
    const auto plan = plans.Current(client);
    BOOST_TEST_REQUIRE(plan.has_value());
    const auto session =
        std::find_if(plan->sessions.begin(), plan->sessions.end(),
                     [&](const core::PlannedSession& s) { return s.date == date; });
    BOOST_TEST_REQUIRE((session != plan->sessions.end()), "no session on the day");
    return session->status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_book_link)

MYODESK_DB_TEST(a_cancelled_or_no_show_plan_appointment_returns_its_session_as_missed) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService plans(context);
    services::AppointmentService book(context);
    const auto client = AddClient(database, "Linked");
    const auto therapist = AddTherapist(database, "Therapist");
    core::Plan plan = PlanOn(client, {"2026-11-23", "2026-11-30"});
    db::PlanRepository(database, FixedNow).Save(plan);
    const core::Appointment first = plans.Book(plan, 0, At(therapist, 9));
    const core::Appointment second = plans.Book(*plans.Current(client), 1, At(therapist, 10));
    BOOST_TEST((StatusOn(plans, client, D("2026-11-23")) == PlannedSessionStatus::kBooked));

    const core::Appointment cancelled = book.Cancel(first, "Flu");
    BOOST_TEST((StatusOn(plans, client, D("2026-11-23")) == PlannedSessionStatus::kMissed));
    BOOST_TEST((StatusOn(plans, client, D("2026-11-30")) == PlannedSessionStatus::kBooked));

    // A no-show marked by mistake and undone: the session is booked again.
    book.NoShow(second);
    BOOST_TEST((StatusOn(plans, client, D("2026-11-30")) == PlannedSessionStatus::kMissed));
    book.Undo(second.id);
    BOOST_TEST((StatusOn(plans, client, D("2026-11-30")) == PlannedSessionStatus::kBooked));

    // Regenerating uses it: the missed day stays missed (with its appointment) and is named.
    const services::GeneratedPlan again = plans.Generate(client);
    const auto missed =
        std::find_if(again.plan.sessions.begin(), again.plan.sessions.end(),
                     [&](const core::PlannedSession& s) { return s.date == D("2026-11-23"); });
    BOOST_TEST_REQUIRE((missed != again.plan.sessions.end()));
    BOOST_TEST((missed->status == PlannedSessionStatus::kMissed));
    BOOST_TEST((missed->appointment_id == std::optional<core::AppointmentId>{cancelled.id}));
    BOOST_TEST(std::any_of(
        again.plan.warnings.begin(), again.plan.warnings.end(), [](const core::PlanWarning& w) {
            return w.code == core::PlanWarningCode::kMissedSession && w.date == D("2026-11-23");
        }));
    // The booked one stays booked in the new plan.
    BOOST_TEST((StatusOn(plans, client, D("2026-11-30")) == PlannedSessionStatus::kBooked));
}

// Booking a plan's session from the plan (the plan tab, `plan accept`) meets the book's rules:
// the hours asked about first, an overlap refused, nothing half-saved.
MYODESK_DB_TEST(a_plan_session_booked_from_the_plan_meets_the_books_rules) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService plans(context);
    const auto client = AddClient(database, "Ruled");
    const auto other = AddClient(database, "Other");
    const auto therapist = AddTherapist(database, "Therapist");
    services::PracticeSetupService setup(context);
    setup.SetDay(std::nullopt, core::Weekday::kMonday,
                 std::vector<core::TimeRange>{{9 * 60, 17 * 60}});
    core::Plan plan = PlanOn(client, {"2026-11-23", "2026-11-30"});
    db::PlanRepository(database, FixedNow).Save(plan);

    // Monday 18:00: after the clinic closes. Refused until confirmed; nothing saved first.
    BOOST_CHECK_THROW(plans.Book(plan, 0, At(therapist, 18)), services::OutsideHoursError);
    BOOST_TEST((StatusOn(plans, client, D("2026-11-23")) == PlannedSessionStatus::kPlanned));
    BOOST_TEST(
        services::AppointmentService(context).Between(D("2026-11-23"), D("2026-11-23")).empty());
    services::BookingNotice notice;
    const core::Appointment late = plans.Book(plan, 0, At(therapist, 18), true, &notice);
    BOOST_TEST(!notice.in_past);
    BOOST_TEST((late.plan_id == std::optional(plan.id)));
    BOOST_TEST((late.plan_session == std::optional(0)));
    BOOST_TEST((late.date == D("2026-11-23")));
    BOOST_TEST((StatusOn(plans, client, D("2026-11-23")) == PlannedSessionStatus::kBooked));

    // The second session at a time the therapist is taken by another client: a clash.
    core::Appointment taken = At(therapist, 10);
    taken.client_id = other;
    taken.date = D("2026-11-30");
    services::AppointmentService(context).Book(taken);
    BOOST_CHECK_THROW(plans.Book(*plans.Current(client), 1, At(therapist, 10)), db::ClashError);
    BOOST_TEST((StatusOn(plans, client, D("2026-11-30")) == PlannedSessionStatus::kPlanned));
    // A session booked already is not booked twice.
    BOOST_CHECK_THROW(plans.Book(*plans.Current(client), 0, At(therapist, 11)),
                      db::ValidationError);
}

MYODESK_DB_TEST(an_appointment_of_no_plan_changes_no_plan) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService plans(context);
    services::AppointmentService book(context);
    const auto client = AddClient(database, "Unplanned");
    const auto therapist = AddTherapist(database, "Therapist");
    core::Plan plan = PlanOn(client, {"2026-11-23"});
    db::PlanRepository(database, FixedNow).Save(plan);
    core::Appointment walk_in = At(therapist, 14);
    walk_in.client_id = client;
    walk_in.date = D("2026-11-24");
    book.Book(walk_in);
    book.Cancel(walk_in, "Changed plans");
    BOOST_TEST((StatusOn(plans, client, D("2026-11-23")) == PlannedSessionStatus::kPlanned));
}

MYODESK_DB_TEST(plans_go_on_the_days_the_usual_therapist_works) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService plans(context);
    services::PracticeSetupService setup(context);
    const auto client = AddClient(database, "Mondays");
    const auto therapist = AddTherapist(database, "Monday Therapist");
    // The clinic is open every day but Sunday; this therapist works Mondays only.
    setup.SetDay(std::nullopt, core::Weekday::kSunday, std::vector<core::TimeRange>{});
    for (const core::Weekday weekday :
         {core::Weekday::kTuesday, core::Weekday::kWednesday, core::Weekday::kThursday,
          core::Weekday::kFriday, core::Weekday::kSaturday}) {
        setup.SetDay(therapist, weekday, std::vector<core::TimeRange>{});
    }
    setup.SetDay(therapist, core::Weekday::kMonday,
                 std::vector<core::TimeRange>{{9 * 60, 17 * 60}});
    // They saw the client last.
    core::SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = D("2026-11-16");
    note.regions = {{core::Region::kCalves, core::Side::kBilateral, 4, 4, 2}};
    note.techniques = {{core::Technique::kSports, 45}};
    db::SessionNoteRepository(database, FixedNow).Add(note);

    const core::Plan plan = plans.Generate(client, std::nullopt, 12).plan;
    BOOST_TEST_REQUIRE(plan.sessions.size() >= 3U);
    for (const core::PlannedSession& session : plan.sessions) {
        BOOST_TEST(core::IsoWeekdayIndex(session.date) == 0, core::FormatIsoDate(session.date));
    }

    // Without that note, the clinic's hours stand: no Sunday.
    const auto other = AddClient(database, "Anyday");
    const core::Plan any = plans.Generate(other, std::nullopt, 12).plan;
    BOOST_TEST_REQUIRE(!any.sessions.empty());
    BOOST_TEST(std::none_of(
        any.sessions.begin(), any.sessions.end(),
        [](const core::PlannedSession& s) { return core::IsoWeekdayIndex(s.date) == 6; }));
}

MYODESK_DB_TEST(the_book_shows_a_plans_unbooked_sessions_from_today_on) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::AppointmentService book(context);
    const auto client = AddClient(database, "Ghost");
    const auto booked_client = AddClient(database, "Booked");
    const auto therapist = AddTherapist(database, "Therapist");
    // Yesterday's session was missed, not bookable; Monday's is proposed.
    core::Plan plan = PlanOn(client, {"2026-11-19", "2026-11-23"});
    plan.sessions[1].duration_min = 45;
    db::PlanRepository(database, FixedNow).Save(plan);
    core::Plan other = PlanOn(booked_client, {"2026-11-23"});
    db::PlanRepository(database, FixedNow).Save(other);
    core::Appointment theirs = At(therapist, 9);
    theirs.client_id = booked_client;
    theirs.date = D("2026-11-23");
    book.Book(theirs);  // booked that day already: no ghost for them

    BOOST_TEST(book.Day(D("2026-11-19")).proposals.empty());
    const services::BookDay monday = book.Day(D("2026-11-23"));
    BOOST_TEST_REQUIRE(monday.proposals.size() == 1u);
    const core::Appointment& ghost = monday.proposals[0].appointment;
    BOOST_TEST(ghost.client_id == client);
    BOOST_TEST(ghost.duration_min == 45);
    BOOST_TEST(ghost.start_minute == 10 * 60);  // after the 09:00 booking of that therapist
    BOOST_TEST((ghost.plan_id == std::optional<std::int64_t>{plan.id}));
}

BOOST_AUTO_TEST_SUITE_END()
