#include "least_treatment.h"
#include "plan_test_setup.h"
#include "test_database.h"

#include <myodesk/core/plan.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/plan_service.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace myodesk;
using core::Appointment;
using core::Plan;
using core::PlannedSession;
using core::PlannedSessionStatus;
using core::Region;
using core::RunType;
using core::Side;
using core::Technique;

namespace {

using test::plan_setup::AddClient;
using test::plan_setup::AddTherapist;
using test::plan_setup::D;
using test::plan_setup::FixedNow;
using test::plan_setup::kToday;
using test::plan_setup::PlanOn;

Appointment At(core::StaffId therapist, int hour, int minute = 0, int duration = 60) {
    Appointment appointment;
    appointment.therapist_id = therapist;
    appointment.start_minute = hour * 60 + minute;
    appointment.duration_min = duration;
    return appointment;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_service_tests)

// Moved from db's plan repository tests (db::LoadPlanInputs became PlanService::LoadInputs).
MYODESK_DB_TEST(load_inputs_reads_what_the_generator_needs) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService plan_service(context);
    const auto client = AddClient(database, "Inputs");
    const auto other = AddClient(database, "Other");
    const auto therapist = AddTherapist(database, "Therapist");

    // Two intakes, the newer one saved first: the newest by the day it was taken counts.
    db::IntakeRepository intakes(database, FixedNow);
    core::Intake newer;
    newer.client_id = client;
    newer.taken_on = D("2026-10-01");
    newer.runner.goal_race.date = D("2027-01-24");
    newer.consent = {true, "Inputs Planned", newer.taken_on};
    intakes.Add(newer);
    core::Intake older = newer;
    older.id = 0;
    older.taken_on = D("2026-01-10");
    older.runner.goal_race.date.reset();
    older.consent.signed_on = older.taken_on;
    intakes.Add(older);

    db::TrainingRepository(database).Import(
        client, {{D("2026-11-15"), RunType::kLong, 30.0}, {D("2026-11-18"), RunType::kRest, {}}});
    db::TrainingRepository(database).Import(other, {{D("2026-11-16"), RunType::kEasy, 5.0}});

    // Notes 10, 41 and 42 days ago (the window is the last 42 days, today included), and one
    // of another client.
    db::SessionNoteRepository notes(database, FixedNow);
    for (const auto& [who, date] :
         std::vector<std::pair<core::ClientId, std::string_view>>{{client, "2026-11-10"},
                                                                  {client, "2026-10-10"},
                                                                  {client, "2026-10-09"},
                                                                  {other, "2026-11-12"}}) {
        core::SessionNote note;
        note.client_id = who;
        note.therapist_id = therapist;
        note.date = D(date);
        note.regions = {{Region::kHamstrings, Side::kLeft, 6, 5, 3}};
        note.techniques = {{core::Technique::kSports, 45}};
        notes.Add(note);
    }

    db::PlanRepository plans(database, FixedNow);
    Plan plan = PlanOn(client, {"2026-11-23", "2026-11-30"});
    plans.Save(plan);
    Appointment first = At(therapist, 9);
    plans.Accept(plan.id, 0, first, kToday);
    Appointment second = At(therapist, 9);
    plans.Accept(plan.id, 1, second, kToday);

    const auto inputs = plan_service.LoadInputs(client);
    BOOST_TEST(inputs.client_id == client);
    BOOST_TEST((inputs.today == kToday));
    BOOST_TEST((inputs.from == kToday));
    BOOST_TEST(!inputs.weeks);
    BOOST_REQUIRE(inputs.intake);
    BOOST_TEST(inputs.intake->id == newer.id);
    BOOST_TEST((*inputs.intake == newer));
    BOOST_TEST((inputs.training == db::TrainingRepository(database).List(client)));
    BOOST_TEST(inputs.training.size() == 2u);
    std::vector<std::string> note_dates;
    for (const auto& note : inputs.recent_notes) {
        BOOST_TEST(note.client_id == client);
        BOOST_TEST((note.regions ==
                    std::vector<core::RegionWork>{{Region::kHamstrings, Side::kLeft, 6, 5, 3}}));
        note_dates.push_back(core::FormatIsoDate(note.date));
    }
    BOOST_TEST(note_dates == (std::vector<std::string>{"2026-10-10", "2026-11-10"}),
               boost::test_tools::per_element());
    BOOST_TEST((inputs.booked == std::vector<Appointment>{first, second}));
    // The current plan's sessions, with what the therapist decided.
    BOOST_REQUIRE(inputs.kept.size() == 2u);
    BOOST_TEST((inputs.kept[0].status == core::PlannedSessionStatus::kBooked));
    BOOST_TEST((inputs.settings == core::PlanSettings{}));
    BOOST_TEST(inputs.screening.recent_surgery_days ==
               core::ScreeningSettings{}.recent_surgery_days);

    // The clinic's settings, a later start and a horizon.
    core::PlanSettings settings;
    settings.recent_notes_days = 20;
    settings.taper_weeks = 3;
    db::ClinicSettingsRepository(database).SavePlan(settings);
    core::ScreeningSettings screening;
    screening.acute_injury_days = 10;
    db::ClinicSettingsRepository(database).SaveScreening(screening);
    const auto later = plan_service.LoadInputs(client, D("2026-11-25"), 8);
    BOOST_TEST((later.from == D("2026-11-25")));
    BOOST_TEST((later.weeks == 8));
    BOOST_TEST((later.settings == settings));
    BOOST_TEST(later.screening.acute_injury_days == 10);
    BOOST_REQUIRE(later.recent_notes.size() == 1u);
    BOOST_TEST((later.recent_notes[0].date == D("2026-11-10")));
    BOOST_TEST((later.booked == std::vector<Appointment>{second}));

    // A client without an intake or a calendar: nothing to read, nothing made up.
    const auto bare = plan_service.LoadInputs(AddClient(database, "Bare"));
    BOOST_TEST(!bare.intake);
    BOOST_TEST(bare.training.empty());
    BOOST_TEST(bare.recent_notes.empty());
    BOOST_TEST(bare.booked.empty());
    BOOST_CHECK_THROW(plan_service.LoadInputs(4242), db::NotFoundError);

    // A client last seen long ago: that last note still comes, so the plan can say a session
    // is overdue rather than that there was none.
    const auto lapsed = AddClient(database, "Lapsed");
    core::SessionNote old_note;
    old_note.client_id = lapsed;
    old_note.therapist_id = therapist;
    old_note.date = D("2026-06-01");
    test::AddLeastTreatment(old_note);
    notes.Add(old_note);
    const auto lapsed_inputs = plan_service.LoadInputs(lapsed);
    BOOST_REQUIRE(lapsed_inputs.recent_notes.size() == 1u);
    BOOST_TEST((lapsed_inputs.recent_notes[0].date == D("2026-06-01")));
}

// "An appointment is not in the past" is checked here once, for the GUI and the CLI.
MYODESK_DB_TEST(a_session_whose_day_has_passed_is_not_booked) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Late");
    const auto therapist = AddTherapist(database, "Therapist");
    db::PlanRepository plans(database, FixedNow);
    Plan plan = PlanOn(client, {"2026-11-19", "2026-11-20", "2026-11-23"});
    plans.Save(plan);

    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService service(context);
    BOOST_TEST(!service.CanBook(plan, 0));
    BOOST_TEST(service.CanBook(plan, 1));
    BOOST_TEST(service.CanMove(plan, 0));  // a past session may still move ahead
    BOOST_CHECK_THROW(service.Book(plan, 0, At(therapist, 9)), services::SessionInPastError);
    BOOST_TEST(plans.Appointments(client, D("2026-01-01")).empty());
    BOOST_TEST((plans.Get(plan.id)->sessions[0].status == PlannedSessionStatus::kPlanned));

    // Today is not in the past; the appointment takes the session's date.
    const auto booked = service.Book(plan, 1, At(therapist, 10));
    BOOST_TEST(booked.id > 0);
    BOOST_TEST((booked.date == D("2026-11-20")));
    const auto after = *service.Current(client);
    BOOST_TEST((after.sessions[1].status == PlannedSessionStatus::kBooked));
    BOOST_TEST(!service.CanBook(after, 1));
    BOOST_TEST(!service.CanMove(after, 1));
    // A booked session is decided: it neither moves nor is skipped.
    try {
        service.Move(after, 1, D("2026-11-24"));
        BOOST_FAIL("a booked session moved");
    } catch (const db::ValidationError& error) {
        BOOST_TEST(error.Problems().at(0).field == "status");
    }

    // The next day, the same session has passed.
    services::Context tomorrow(database, services::Clock::FixedOn(D("2026-11-24")));
    BOOST_CHECK_THROW(services::PlanService(tomorrow).Book(after, 2, At(therapist, 9)),
                      services::SessionInPastError);
}

MYODESK_DB_TEST(a_session_moves_and_skips_and_a_refused_move_changes_nothing) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Mover");
    db::PlanRepository plans(database, FixedNow);
    Plan plan = PlanOn(client, {"2026-11-23", "2026-11-30", "2026-12-07"});
    plans.Save(plan);
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService service(context);

    // Onto the day of another session of the plan: refused with the rules' warnings.
    try {
        service.Move(plan, 0, D("2026-11-30"));
        BOOST_FAIL("a move onto another session's day was allowed");
    } catch (const services::MoveRefusedError& error) {
        BOOST_TEST((error.From() == D("2026-11-23")));
        BOOST_TEST((error.To() == D("2026-11-30")));
        BOOST_TEST(!error.Warnings().empty());
    }
    BOOST_TEST((*plans.Get(plan.id) == plan));

    const auto moved = service.Move(plan, 0, D("2026-11-25"));
    BOOST_TEST((moved.plan.sessions[0].date == D("2026-11-25")));
    BOOST_TEST((moved.plan.sessions[0].moved_from == D("2026-11-23")));
    BOOST_TEST((*plans.Get(plan.id) == moved.plan));

    const auto skipped = service.Skip(moved.plan, 2);
    BOOST_TEST((skipped.sessions[2].status == PlannedSessionStatus::kSkipped));
    BOOST_TEST(!service.CanSkip(skipped, 2));
}

MYODESK_DB_TEST(generating_keeps_the_previous_plan_and_says_what_changed) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Generated");
    db::TrainingRepository(database).Import(client, {{D("2026-11-22"), RunType::kLong, 30.0}});
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::PlanService service(context);
    const core::Client who = *db::ClientRepository(database).Get(client);

    BOOST_CHECK_THROW(service.RequireCurrent(who), services::NoPlanError);
    BOOST_CHECK_THROW(service.Generate(client, {}, 0), services::RuleError);
    BOOST_CHECK_THROW(service.Generate(client, {}, services::PlanService::kMaxWeeks + 1),
                      services::RuleError);
    BOOST_CHECK_THROW(service.Generate(4242), db::NotFoundError);
    BOOST_TEST(service.History(client).empty());

    const auto first = service.Generate(client, {}, 6);
    BOOST_TEST(!first.previous);
    BOOST_TEST(first.changes.empty());
    BOOST_TEST((first.plan.generated_on == kToday));
    BOOST_TEST((first.plan.from == kToday));
    const auto second = service.Generate(client, D("2026-11-27"), 6);
    BOOST_REQUIRE(second.previous);
    BOOST_TEST(second.previous->id == first.plan.id);
    BOOST_TEST((second.changes == core::DiffPlans(first.plan, second.plan)));
    BOOST_TEST(service.RequireCurrent(who).id == second.plan.id);
    BOOST_TEST(service.History(client).size() == 2u);
    if (!second.plan.sessions.empty()) {
        const auto date = second.plan.sessions[0].date;
        BOOST_TEST(services::PlanService::SessionOn(who, second.plan, date) == 0u);
    }
    BOOST_CHECK_THROW(services::PlanService::SessionOn(who, second.plan, D("2020-01-01")),
                      services::NoPlanSessionError);
}

BOOST_AUTO_TEST_SUITE_END()
