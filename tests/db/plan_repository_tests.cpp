#include "least_treatment.h"
#include "plan_test_setup.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/plan_json.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <string>
#include <vector>

using namespace myodesk;
using core::Appointment;
using core::Plan;
using core::PlannedSession;
using core::PlannedSessionStatus;
using core::ProblemCode;
using core::Region;
using core::RunType;
using core::Side;
using core::Technique;
using db::PlanRepository;

namespace {

using test::plan_setup::AddClient;
using test::plan_setup::AddTherapist;
using test::plan_setup::D;
using test::plan_setup::FixedNow;
using test::plan_setup::kToday;

// A plan as the generator would make it, by hand: phases, the training it was built around,
// sessions with reasons and cautions that carry details, warnings and home care.
Plan HandBuiltPlan(core::ClientId client) {
    Plan plan;
    plan.client_id = client;
    plan.generated_on = kToday;
    plan.from = kToday;
    plan.to = D("2027-01-31");
    plan.race_date = D("2027-01-24");
    plan.intake_id = 12;
    plan.units = core::DistanceUnit::kMi;
    plan.phases = {{core::PlanPhase::kBuild, kToday, D("2026-12-27")},
                   {core::PlanPhase::kTaper, D("2026-12-28"), D("2027-01-17")},
                   {core::PlanPhase::kRaceWeek, D("2027-01-18"), D("2027-01-24")},
                   {core::PlanPhase::kPostRace, D("2027-01-25"), D("2027-01-31")}};
    plan.training = {{D("2026-11-22"), RunType::kLong, core::MilesToKm(20), false},
                     {D("2026-11-24"), RunType::kTempo, 12.5, false},
                     {D("2026-11-29"), RunType::kLong, std::nullopt, true}};

    PlannedSession recovery;
    recovery.date = D("2026-11-23");
    recovery.phase = core::PlanPhase::kBuild;
    recovery.techniques = {Technique::kSports, Technique::kDeepTissue};
    recovery.duration_min = 60;
    recovery.pressure_max = 7;
    recovery.regions = {{Region::kHamstrings, Side::kLeft}, {Region::kCalves, Side::kBilateral}};
    core::PlanDetail long_run;
    long_run.date = D("2026-11-22");
    long_run.run_type = RunType::kLong;
    long_run.distance_km = core::MilesToKm(20);
    core::PlanDetail sore;
    sore.region = core::RegionSide{Region::kHamstrings, Side::kLeft};
    sore.pain = 6;
    recovery.reasons = {{core::PlanReasonCode::kAfterLongRun, long_run},
                        {core::PlanReasonCode::kSorenessFocus, sore}};
    core::PlanDetail tempo;
    tempo.date = D("2026-11-24");
    tempo.run_type = RunType::kTempo;
    recovery.cautions = {{core::PlanCautionCode::kPoplitealFossa, {}},
                         {core::PlanCautionCode::kHardRunNextDay, tempo}};

    PlannedSession weekly;
    weekly.date = D("2026-11-30");
    weekly.phase = core::PlanPhase::kBuild;
    weekly.techniques = {Technique::kSwedish};
    weekly.duration_min = 45;
    weekly.pressure_max = 5;
    weekly.regions = {{Region::kQuadriceps, Side::kBilateral}};
    weekly.reasons = {{core::PlanReasonCode::kWeeklySession, {}}};
    core::PlanDetail modify;
    modify.flag = core::FlagCode::kAnticoagulants;
    modify.pressure = 5;
    weekly.cautions = {{core::PlanCautionCode::kFlagModify, modify}};

    PlannedSession flush;
    flush.date = D("2027-01-22");
    flush.phase = core::PlanPhase::kRaceWeek;
    flush.techniques = {Technique::kSwedish};
    flush.duration_min = 30;
    flush.pressure_max = 3;
    flush.regions = {{Region::kCalves, Side::kBilateral}, {Region::kQuadriceps, Side::kBilateral}};
    core::PlanDetail two_days;
    two_days.days = 2;
    flush.reasons = {{core::PlanReasonCode::kRaceWeekFlush, two_days}};
    core::PlanDetail seven_days;
    seven_days.days = 7;
    flush.cautions = {{core::PlanCautionCode::kNoDeepBeforeRace, seven_days}};
    plan.sessions = {recovery, weekly, flush};

    core::PlanDetail spike;
    spike.distance_km = core::MilesToKm(20);
    spike.compared_km = 26.0;
    core::PlanDetail race;
    race.date = D("2027-01-24");
    race.days = 65;
    plan.warnings = {{core::PlanWarningCode::kMileageSpike, D("2026-11-22"), spike},
                     {core::PlanWarningCode::kRaceSoon, kToday, race}};
    plan.home_care = {{core::PlanPhase::kBuild, core::HomeCareCode::kSleep},
                      {core::PlanPhase::kBuild, core::HomeCareCode::kFoamRolling},
                      {core::PlanPhase::kTaper, core::HomeCareCode::kNothingNew},
                      {core::PlanPhase::kPostRace, core::HomeCareCode::kPostRaceWalking}};
    return plan;
}

// A plain plan with one Swedish session on each date.
Plan PlanOn(core::ClientId client, const std::vector<std::string_view>& dates) {
    Plan plan;
    plan.client_id = client;
    plan.generated_on = kToday;
    plan.from = kToday;
    plan.to = D("2027-02-11");
    plan.phases = {{core::PlanPhase::kBase, plan.from, plan.to}};
    for (const auto date : dates) {
        PlannedSession session;
        session.date = D(date);
        session.techniques = {Technique::kSwedish};
        session.regions = {{Region::kCalves, Side::kBilateral}};
        session.reasons = {{core::PlanReasonCode::kBaseMaintenance, {}}};
        plan.sessions.push_back(session);
    }
    return plan;
}

Appointment At(core::StaffId therapist, int hour, int minute = 0, int duration = 60) {
    Appointment appointment;
    appointment.therapist_id = therapist;
    appointment.start_minute = hour * 60 + minute;
    appointment.duration_min = duration;
    return appointment;
}

int Count(db::Database& database, const std::string& table) {
    int count = -1;
    db::SociSession(database) << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
}

std::vector<PlannedSessionStatus> Statuses(const Plan& plan) {
    std::vector<PlannedSessionStatus> statuses;
    for (const auto& session : plan.sessions) {
        statuses.push_back(session.status);
    }
    return statuses;
}

// The stored document, parsed: what PlanToJson wrote (and StoreSessions rewrote).
nlohmann::json StoredDocument(db::Database& database, core::PlanId id) {
    std::string document;
    long long plan_id = id;
    db::SociSession(database) << "SELECT document FROM plans WHERE id = :id",
        soci::use(plan_id, "id"), soci::into(document);
    return nlohmann::json::parse(document);
}

template <typename Action>
void ExpectProblem(Action&& action, std::string_view field, ProblemCode code) {
    try {
        action();
        BOOST_FAIL("expected " << field << " to be refused");
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(error.Problems().size() >= 1u);
        BOOST_TEST(error.Problems()[0].field == field);
        BOOST_TEST((error.Problems()[0].code == code));
    }
}

using StatusList = std::vector<PlannedSessionStatus>;
constexpr auto kPlanned = PlannedSessionStatus::kPlanned;
constexpr auto kBooked = PlannedSessionStatus::kBooked;
constexpr auto kSkipped = PlannedSessionStatus::kSkipped;

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_repository_tests)

MYODESK_DB_TEST(saves_a_plan_and_reads_it_back_whole) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Saved");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    const auto id = plans.Save(plan);
    BOOST_TEST(id > 0);
    BOOST_TEST(plan.id == id);
    BOOST_TEST(plan.created_at == "2026-11-20T09:00:00Z");

    const auto stored = plans.Get(id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == plan));
    const auto current = plans.Current(client);
    BOOST_REQUIRE(current);
    BOOST_TEST((*current == plan));
    // The rows and the document say the same.
    BOOST_TEST(Count(database, "plan_sessions") == 3);
    BOOST_TEST(StoredDocument(database, id) ==
               nlohmann::json::parse(vocabulary::PlanDocument(plan).dump()));

    BOOST_TEST(!plans.Get(id + 1));
    BOOST_TEST(!plans.Current(AddClient(database, "Unplanned")));
}

// Sessions are written many rows per INSERT: a plan longer than one INSERT's rows keeps every
// session, in order, with its own date and status.
MYODESK_DB_TEST(a_long_plan_keeps_every_session_in_order) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Long plan");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    const PlannedSession model = plan.sessions.front();
    plan.sessions.clear();
    for (int i = 0; i < 150; ++i) {
        PlannedSession session = model;
        session.date = core::AddDays(kToday, i);
        session.status = i % 3 == 0 ? core::PlannedSessionStatus::kSkipped
                                    : core::PlannedSessionStatus::kPlanned;
        plan.sessions.push_back(session);
    }
    plan.to = plan.sessions.back().date;
    plans.Save(plan);
    BOOST_TEST(Count(database, "plan_sessions") == 150);
    const auto stored = plans.Get(plan.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == plan));
}

MYODESK_DB_TEST(keeps_every_generation_and_the_newest_is_current) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Regenerated");
    PlanRepository plans(database, FixedNow);
    Plan first = HandBuiltPlan(client);
    plans.Save(first);
    Plan second = PlanOn(client, {"2026-12-01"});
    second.generated_on = D("2026-11-21");
    second.from = D("2026-11-21");
    second.refer = true;
    plans.Save(second);

    const auto history = plans.History(client);
    BOOST_REQUIRE(history.size() == 2u);
    BOOST_TEST((history[0] == db::PlanSummary{second.id, D("2026-11-21"), D("2026-11-21"),
                                              D("2027-02-11"), 1, true, "2026-11-20T09:00:00Z"}));
    BOOST_TEST((history[1] == db::PlanSummary{first.id, kToday, kToday, D("2027-01-31"), 3, false,
                                              "2026-11-20T09:00:00Z"}));
    BOOST_TEST(plans.Current(client)->id == second.id);
    BOOST_TEST((*plans.Get(first.id) == first));  // the older one stays readable
    BOOST_TEST(plans.History(AddClient(database, "Other")).empty());
}

MYODESK_DB_TEST(a_plan_for_an_unknown_client_is_not_saved) {
    auto database = test_db.Open();
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(4242);
    BOOST_CHECK_THROW(plans.Save(plan), db::NotFoundError);
    BOOST_TEST(plan.id == 0);
    BOOST_TEST(Count(database, "plans") == 0);
    BOOST_TEST(Count(database, "plan_sessions") == 0);
}

MYODESK_DB_TEST(accepting_books_the_session_and_marks_it) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Booked");
    const auto therapist = AddTherapist(database, "Therapist");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    plans.Save(plan);

    Appointment appointment = At(therapist, 17, 30, 45);
    appointment.date = D("2030-01-01");  // the session's date is taken, whatever was given
    const auto id = plans.Accept(plan.id, 1, appointment, kToday);
    BOOST_TEST(id > 0);
    BOOST_TEST(appointment.id == id);
    BOOST_TEST((appointment.date == D("2026-11-30")));
    BOOST_TEST(appointment.client_id == client);
    BOOST_TEST((appointment.plan_id == plan.id));
    BOOST_TEST((appointment.plan_session == 1));
    BOOST_TEST(appointment.created_at == "2026-11-20T09:00:00Z");

    const auto stored = plans.Get(plan.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((Statuses(*stored) == StatusList{kPlanned, kBooked, kPlanned}));
    BOOST_TEST((stored->sessions[1].appointment_id == id));
    // Apart from the decision, the plan is as it was.
    Plan expected = plan;
    expected.sessions[1].status = kBooked;
    expected.sessions[1].appointment_id = id;
    BOOST_TEST((*stored == expected));
    BOOST_TEST(StoredDocument(database, plan.id)["sessions"][1]["status"] == "booked");

    BOOST_TEST((plans.Appointments(client, kToday) == std::vector<Appointment>{appointment}));
    BOOST_TEST(plans.Appointments(client, D("2026-12-01")).empty());
}

MYODESK_DB_TEST(a_session_is_decided_once) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Once");
    const auto therapist = AddTherapist(database, "Therapist");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    plans.Save(plan);
    Appointment first = At(therapist, 9);
    plans.Accept(plan.id, 0, first, kToday);

    Appointment again = At(therapist, 15);
    ExpectProblem([&] { plans.Accept(plan.id, 0, again, kToday); }, "status", ProblemCode::kLocked);
    ExpectProblem([&] { plans.Skip(plan.id, 0); }, "status", ProblemCode::kLocked);
    PlannedSession moved = plan.sessions[0];
    moved.date = D("2026-11-25");
    ExpectProblem([&] { plans.ReplaceSession(plan.id, 0, moved); }, "status", ProblemCode::kLocked);
    BOOST_TEST(Count(database, "appointments") == 1);
    BOOST_TEST(again.id == 0);

    plans.Skip(plan.id, 2);
    ExpectProblem([&] { plans.Accept(plan.id, 2, again, kToday); }, "status", ProblemCode::kLocked);
    ExpectProblem([&] { plans.Skip(plan.id, 2); }, "status", ProblemCode::kLocked);
    BOOST_TEST((Statuses(*plans.Get(plan.id)) == StatusList{kBooked, kPlanned, kSkipped}));
    BOOST_TEST(StoredDocument(database, plan.id)["sessions"][2]["status"] == "skipped");
}

MYODESK_DB_TEST(an_overlapping_appointment_of_the_therapist_is_refused) {
    auto database = test_db.Open();
    const auto ann = AddTherapist(database, "Ann");
    const auto bo = AddTherapist(database, "Bo");
    PlanRepository plans(database, FixedNow);
    std::vector<Plan> day;  // three clients, each with a session on 2026-11-23
    for (const char* name : {"First", "Second", "Third"}) {
        day.push_back(PlanOn(AddClient(database, name), {"2026-11-23"}));
        plans.Save(day.back());
    }
    Appointment first = At(ann, 17);  // 17:00-18:00
    plans.Accept(day[0].id, 0, first, kToday);

    Appointment overlapping = At(ann, 17, 30);
    ExpectProblem([&] { plans.Accept(day[1].id, 0, overlapping, kToday); }, "start_time",
                  ProblemCode::kOverlaps);
    Appointment inside = At(ann, 17, 15, 15);
    ExpectProblem([&] { plans.Accept(day[1].id, 0, inside, kToday); }, "start_time",
                  ProblemCode::kOverlaps);
    Appointment around = At(ann, 16, 0, 180);
    ExpectProblem([&] { plans.Accept(day[1].id, 0, around, kToday); }, "start_time",
                  ProblemCode::kOverlaps);
    BOOST_TEST((Statuses(*plans.Get(day[1].id)) == StatusList{kPlanned}));
    BOOST_TEST(Count(database, "appointments") == 1);

    // Another therapist at the same time, and the same therapist just after: both fine.
    Appointment other_therapist = At(bo, 17, 30);
    BOOST_TEST(plans.Accept(day[1].id, 0, other_therapist, kToday) > 0);
    Appointment touching = At(ann, 18);
    BOOST_TEST(plans.Accept(day[2].id, 0, touching, kToday) > 0);
    BOOST_TEST(Count(database, "appointments") == 3);
}

MYODESK_DB_TEST(a_session_note_of_the_therapist_counts_as_taken_time) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Today");
    const auto ann = AddTherapist(database, "Ann");
    core::SessionNote note;
    note.client_id = AddClient(database, "Earlier");
    note.therapist_id = ann;
    note.date = kToday;
    note.start_minute = 10 * 60;
    note.duration_min = 60;
    test::AddLeastTreatment(note);
    db::SessionNoteRepository(database, FixedNow).Add(note);

    PlanRepository plans(database, FixedNow);
    Plan plan = PlanOn(client, {"2026-11-20"});
    plans.Save(plan);
    Appointment during = At(ann, 10, 30);
    ExpectProblem([&] { plans.Accept(plan.id, 0, during, kToday); }, "start_time",
                  ProblemCode::kOverlaps);
    Appointment after = At(ann, 11);
    BOOST_TEST(plans.Accept(plan.id, 0, after, kToday) > 0);
}

MYODESK_DB_TEST(refuses_what_cannot_be_booked_and_saves_nothing) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Refused");
    const auto therapist = AddTherapist(database, "Therapist");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    plans.Save(plan);

    Appointment appointment = At(therapist, 9);
    BOOST_CHECK_THROW(plans.Accept(plan.id + 1, 0, appointment, kToday), db::NotFoundError);
    BOOST_CHECK_THROW(plans.Accept(plan.id, 3, appointment, kToday), db::NotFoundError);
    BOOST_CHECK_THROW(plans.Accept(plan.id, -1, appointment, kToday), db::NotFoundError);
    Appointment nobody = At(therapist + 100, 9);
    BOOST_CHECK_THROW(plans.Accept(plan.id, 0, nobody, kToday), db::NotFoundError);
    Appointment no_therapist = At(0, 9);
    ExpectProblem([&] { plans.Accept(plan.id, 0, no_therapist, kToday); }, "therapist_id",
                  ProblemCode::kRequired);
    Appointment short_one = At(therapist, 9, 0, 10);
    ExpectProblem([&] { plans.Accept(plan.id, 0, short_one, kToday); }, "duration_min",
                  ProblemCode::kOutOfRange);
    Appointment late = At(therapist, 24);
    ExpectProblem([&] { plans.Accept(plan.id, 0, late, kToday); }, "start_time",
                  ProblemCode::kOutOfRange);
    // A session whose day has passed is not booked any more.
    ExpectProblem([&] { plans.Accept(plan.id, 0, appointment, D("2026-11-24")); }, "date",
                  ProblemCode::kTooFarInPast);

    BOOST_TEST(appointment.id == 0);
    BOOST_TEST(Count(database, "appointments") == 0);
    BOOST_TEST((*plans.Get(plan.id) == plan));
    BOOST_CHECK_THROW(plans.Skip(plan.id, 7), db::NotFoundError);
    BOOST_CHECK_THROW(plans.ReplaceSession(plan.id + 1, 0, plan.sessions[0]), db::NotFoundError);
}

MYODESK_DB_TEST(skipping_marks_the_session) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Skipped");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    plans.Save(plan);
    plans.Skip(plan.id, 1);
    const auto stored = plans.Get(plan.id);
    BOOST_TEST((Statuses(*stored) == StatusList{kPlanned, kSkipped, kPlanned}));
    BOOST_TEST(!stored->sessions[1].appointment_id);
    BOOST_TEST((stored->sessions[1].date == plan.sessions[1].date));
}

MYODESK_DB_TEST(a_moved_session_takes_its_place_by_date) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Moved");
    const auto therapist = AddTherapist(database, "Therapist");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    plans.Save(plan);
    Appointment booked = At(therapist, 9);
    plans.Accept(plan.id, 1, booked, kToday);  // 2026-11-30

    // Session 0 (2026-11-23) moves after the booked one: the booked one becomes session 0 and
    // its appointment follows it.
    PlannedSession moved = plan.sessions[0];
    moved.moved_from = moved.date;
    moved.date = D("2026-12-02");
    moved.techniques = {Technique::kSwedish};
    moved.pressure_max = 5;
    moved.cautions.push_back({core::PlanCautionCode::kMovedByTherapist, {}});
    moved.cautions.back().detail.date = D("2026-11-23");
    moved.status = kBooked;       // never taken from the caller: moving does not book
    moved.appointment_id = 4242;  // (and this appointment does not exist)
    plans.ReplaceSession(plan.id, 0, moved);

    const auto stored = plans.Get(plan.id);
    BOOST_REQUIRE(stored);
    BOOST_REQUIRE(stored->sessions.size() == 3u);
    BOOST_TEST((stored->sessions[0].date == D("2026-11-30")));
    BOOST_TEST((stored->sessions[0].appointment_id == booked.id));
    PlannedSession expected = moved;
    expected.status = kPlanned;
    expected.appointment_id.reset();
    BOOST_TEST((stored->sessions[1] == expected));
    BOOST_TEST((stored->sessions[2] == plan.sessions[2]));
    const auto appointments = plans.Appointments(client, kToday);
    BOOST_REQUIRE(appointments.size() == 1u);
    BOOST_TEST((appointments[0].plan_session == 0));
    BOOST_TEST(StoredDocument(database, plan.id)["sessions"][1]["moved_from"] == "2026-11-23");

    // One session a day: the race-week flush's day is taken.
    PlannedSession clash = expected;
    clash.date = D("2027-01-22");
    ExpectProblem([&] { plans.ReplaceSession(plan.id, 1, clash); }, "date",
                  ProblemCode::kDuplicate);
    BOOST_TEST((*plans.Get(plan.id) == *stored));
}

MYODESK_DB_TEST(upcoming_lists_the_current_plans_of_every_client) {
    auto database = test_db.Open();
    const auto ann = AddClient(database, "Ann");
    const auto bo = AddClient(database, "Bo");
    const auto therapist = AddTherapist(database, "Therapist");
    PlanRepository plans(database, FixedNow);
    Plan ann_old = PlanOn(ann, {"2026-11-23", "2026-11-30"});
    plans.Save(ann_old);
    Plan ann_new = PlanOn(ann, {"2026-11-25", "2026-12-02"});
    plans.Save(ann_new);
    Plan bo_plan = PlanOn(bo, {"2026-11-24", "2026-11-30", "2026-12-20"});
    plans.Save(bo_plan);
    Appointment booked = At(therapist, 9);
    plans.Accept(bo_plan.id, 0, booked, kToday);
    plans.Skip(bo_plan.id, 1);

    const auto upcoming = plans.Upcoming(kToday, D("2026-12-10"));
    const std::vector<db::UpcomingPlannedSession> expected{
        // The booked one with its appointment's time and therapist.
        {bo, bo_plan.id, 0, D("2026-11-24"), kBooked, 9 * 60, therapist},
        {ann, ann_new.id, 0, D("2026-11-25"), kPlanned, std::nullopt, std::nullopt},
        {ann, ann_new.id, 1, D("2026-12-02"), kPlanned, std::nullopt, std::nullopt},
    };
    BOOST_TEST((upcoming == expected));
    // Both ends are included.
    BOOST_TEST(plans.Upcoming(D("2026-12-02"), D("2026-12-20")).size() == 2u);
    BOOST_TEST(plans.Upcoming(D("2026-12-21"), D("2027-12-31")).empty());
}

MYODESK_DB_TEST(a_damaged_stored_plan_is_reported) {
    auto database = test_db.Open();
    const auto client = AddClient(database, "Damaged");
    PlanRepository plans(database, FixedNow);
    Plan plan = HandBuiltPlan(client);
    plans.Save(plan);
    long long id = plan.id;
    // A session row the document does not have.
    db::SociSession(database)
        << "INSERT INTO plan_sessions (plan_id, position, session_date, phase, "
           "status) VALUES (:id, 3, '2027-01-30', 'post_race', 'planned')",
        soci::use(id, "id");
    BOOST_CHECK_THROW(plans.Get(plan.id), db::DatabaseError);
    db::SociSession(database) << "DELETE FROM plan_sessions WHERE position = 3";
    BOOST_TEST(plans.Get(plan.id).has_value());
    // A document that is not JSON.
    db::SociSession(database) << "UPDATE plans SET document = 'not json' WHERE id = :id",
        soci::use(id, "id");
    BOOST_CHECK_THROW(plans.Current(client), db::DatabaseError);
    // JSON a lenient parser throws past the repository on (a number beyond a double) or
    // reads wrongly (a duplicate key, the last one winning): refused as a damaged row.
    for (const std::string document :
         {R"({"weekly_distance_km": 1e400})", R"({"client_id": 1, "client_id": 2})"}) {
        db::SociSession(database) << "UPDATE plans SET document = :document WHERE id = :id",
            soci::use(document, "document"), soci::use(id, "id");
        BOOST_CHECK_THROW(plans.Current(client), db::DatabaseError);
    }
}

BOOST_AUTO_TEST_SUITE_END()
