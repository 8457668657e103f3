// The record rules of the services, once for the GUI and the CLI: an absolute contraindication
// flag refuses a note or a booking unless a reason overrides it; a signed note's every field
// can be corrected by an amendment; a note records treatment or why there was none.

#include "least_treatment.h"
#include "test_database.h"

#include <myodesk/core/plan.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/plan_service.h>
#include <myodesk/services/staff_service.h>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace myodesk;

namespace {

// Noon on a Wednesday at the desk.
const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::December, std::chrono::day{2}};

struct Desk {
    explicit Desk(db::Database& database)
        : context(database, services::Clock::FixedOn(kToday)),
          ann([&] {
              core::Client client;
              client.given_name = "Ann";
              client.family_name = "Smith";
              return services::ClientService(context).Add(client).id;
          }()),
          therapist([&] {
              core::Staff staff;
              staff.name = "Anna";
              return services::StaffService(context).Add(staff);
          }()),
          anna(therapist.id) {
        context.SetDesk({therapist});  // who signs and amends
    }

    // Ann's intake of today: a deep vein thrombosis in the left calf (no massage: refer).
    void IntakeWithDvt() {
        core::Intake intake;
        intake.client_id = ann;
        intake.taken_on = kToday;
        intake.health.conditions.push_back(
            {core::ConditionCode::kDvt, core::Region::kCalves, core::Side::kLeft, kToday});
        intake.consent = {true, "Ann Smith", kToday};
        services::IntakeService(context).Add(intake);
    }

    core::SessionNote NoteAt(int start_minute) const {
        return test::TreatedNoteAt(ann, anna, kToday, start_minute);
    }

    services::Context context;
    core::ClientId ann;
    core::Staff therapist;
    core::StaffId anna;
};

template <typename Action>
services::AbsoluteFlagError ExpectFlagRefusal(Action&& action) {
    try {
        action();
    } catch (const services::AbsoluteFlagError& error) {
        return error;
    }
    BOOST_FAIL("nothing refused the absolute flag");
    throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record_rule_tests)

MYODESK_DB_TEST(an_absolute_flag_refuses_a_note_until_a_reason_overrides_it) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.IntakeWithDvt();
    services::NoteService notes(desk.context);

    core::SessionNote note = desk.NoteAt(9 * 60);
    const auto refused = ExpectFlagRefusal([&] { notes.Save(note); });
    BOOST_REQUIRE(refused.Flags().size() == 1u);
    BOOST_TEST((refused.Flags()[0].code == core::FlagCode::kDvt));
    BOOST_TEST((refused.Date() == kToday));
    BOOST_TEST(std::string(refused.what()).find("Deep vein thrombosis") != std::string::npos);
    BOOST_TEST(note.id == 0);
    BOOST_TEST(notes.CountForClient(desk.ann) == 0);

    note.flag_override = " \n ";  // blank is no reason
    ExpectFlagRefusal([&] { notes.Save(note); });
    BOOST_TEST(notes.CountForClient(desk.ann) == 0);

    note.flag_override = "  Physician cleared upper-body massage by phone today.  ";
    notes.Save(note, true);
    const auto stored = notes.Get(note.id);
    BOOST_TEST(stored.flag_override == "Physician cleared upper-body massage by phone today.");
    BOOST_TEST(core::IsSigned(stored));

    // The CLI's path (a note document) follows the same rule.
    core::SessionNoteParseResult parsed;
    parsed.note = desk.NoteAt(11 * 60);
    ExpectFlagRefusal([&] { notes.AddFromDocument(desk.ann, parsed, desk.anna); });
    parsed.note.flag_override = "Referred on; seen for the handover only.";
    const auto added = notes.AddFromDocument(desk.ann, parsed, desk.anna);
    BOOST_TEST(notes.Get(added.id).flag_override == "Referred on; seen for the handover only.");
}

MYODESK_DB_TEST(an_override_of_no_flag_is_not_kept) {
    auto database = test_db.Open();
    Desk desk(database);
    services::NoteService notes(desk.context);
    core::SessionNote note = desk.NoteAt(9 * 60);
    note.flag_override = "No flag to override";
    notes.Save(note);
    BOOST_TEST(notes.Get(note.id).flag_override.empty());
}

MYODESK_DB_TEST(an_absolute_flag_refuses_a_booking_until_a_reason_overrides_it) {
    auto database = test_db.Open();
    Desk desk(database);
    desk.IntakeWithDvt();
    core::Plan plan;
    plan.client_id = desk.ann;
    plan.generated_on = kToday;
    plan.from = kToday;
    plan.to = core::AddDays(kToday, 60);
    plan.phases = {{core::PlanPhase::kBase, plan.from, plan.to}};
    core::PlannedSession session;
    session.date = core::AddDays(kToday, 2);
    session.techniques = {core::Technique::kSwedish};
    session.regions = {{core::Region::kCalves, core::Side::kBilateral}};
    session.reasons = {{core::PlanReasonCode::kBaseMaintenance, {}}};
    plan.sessions.push_back(session);
    db::PlanRepository(database).Save(plan);

    services::PlanService plans(desk.context);
    core::Appointment appointment;
    appointment.therapist_id = desk.anna;
    appointment.start_minute = 10 * 60;
    ExpectFlagRefusal([&] { plans.Book(plan, 0, appointment); });
    BOOST_TEST(plans.Appointments(desk.ann, kToday).empty());

    appointment.flag_override = "Cleared by Dr Osei for the upper body (letter on file).";
    const auto booked = plans.Book(plan, 0, appointment);
    const auto stored = plans.Appointments(desk.ann, kToday);
    BOOST_REQUIRE(stored.size() == 1u);
    BOOST_TEST(stored[0].id == booked.id);
    BOOST_TEST(stored[0].flag_override == appointment.flag_override);
}

MYODESK_DB_TEST(an_amendment_corrects_every_field_and_keeps_the_original) {
    auto database = test_db.Open();
    Desk desk(database);
    services::NoteService notes(desk.context);
    core::SessionNote note = desk.NoteAt(9 * 60);
    note.regions = {{core::Region::kCalves, core::Side::kLeft, 6, 7, 4}};
    notes.Save(note, true);

    core::SessionNote corrected = note;
    corrected.regions = {{core::Region::kCalves, core::Side::kRight, 5, 7, 3}};
    corrected.techniques = {{core::Technique::kSports, 40}};
    corrected.start_minute = 8 * 60 + 30;
    corrected.duration_min = 75;
    corrected.position = core::Position::kSupine;
    corrected.assessment = "Right calf, not left.";
    core::Amendment amendment;
    amendment.reason = "Pain score recorded on the wrong side";
    amendment.corrected = corrected;
    notes.Amend(note.id, amendment);

    const auto stored = notes.Get(note.id);
    // The original stays as it was signed ...
    BOOST_TEST((stored.regions == note.regions));
    BOOST_TEST(stored.start_minute == 9 * 60);
    BOOST_REQUIRE(stored.amendments.size() == 1u);
    BOOST_REQUIRE(stored.amendments[0].corrected.has_value());
    BOOST_TEST(stored.amendments[0].amended_by == desk.anna);
    // ... and what reports use is the correction.
    const auto current = core::AsCorrected(stored);
    BOOST_TEST((current.regions == corrected.regions));
    BOOST_TEST((current.techniques == corrected.techniques));
    BOOST_TEST(current.start_minute == 8 * 60 + 30);
    BOOST_TEST(current.duration_min == 75);
    BOOST_TEST((current.position == core::Position::kSupine));
    BOOST_TEST(current.assessment == "Right calf, not left.");

    // A correction is validated like a note; nothing is stored when it fails.
    amendment.corrected->regions[0].pain_after = 11;
    try {
        notes.Amend(note.id, amendment);
        BOOST_FAIL("an invalid correction was stored");
    } catch (const db::ValidationError& error) {
        BOOST_TEST(error.Problems().at(0).field == "corrected.regions[0].pain_after");
    }
    BOOST_TEST(notes.Get(note.id).amendments.size() == 1u);
}

MYODESK_DB_TEST(a_corrected_time_may_not_clash_nor_land_on_a_flagged_day) {
    auto database = test_db.Open();
    Desk desk(database);
    services::NoteService notes(desk.context);
    core::SessionNote early = desk.NoteAt(8 * 60);
    notes.Save(early, true);
    core::SessionNote late = desk.NoteAt(10 * 60);
    notes.Save(late, true);

    core::Amendment amendment;
    amendment.reason = "Wrong start time";
    amendment.corrected = late;
    amendment.corrected->start_minute = 8 * 60 + 30;  // into the early session
    BOOST_CHECK_THROW(notes.Amend(late.id, amendment), db::ClashError);

    desk.IntakeWithDvt();
    amendment.corrected->start_minute = 11 * 60;
    ExpectFlagRefusal([&] { notes.Amend(late.id, amendment); });
    amendment.corrected->flag_override = "The flag was entered after the session.";
    notes.Amend(late.id, amendment);
    BOOST_TEST(core::AsCorrected(notes.Get(late.id)).start_minute == 11 * 60);
}

MYODESK_DB_TEST(a_note_records_treatment_or_why_there_was_none) {
    auto database = test_db.Open();
    Desk desk(database);
    services::NoteService notes(desk.context);
    core::SessionNote empty = desk.NoteAt(9 * 60);
    empty.techniques.clear();
    empty.regions.clear();
    try {
        notes.Save(empty, true);
        BOOST_FAIL("an empty note was saved");
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(error.Problems().size() == 2u);
        BOOST_TEST(error.Problems()[0].field == "techniques");
        BOOST_TEST(error.Problems()[1].field == "regions");
    }
    BOOST_TEST(notes.CountForClient(desk.ann) == 0);

    empty.no_treatment = core::NoTreatment::kReferred;
    empty.assessment = "Calf swollen and warm: referred to her GP the same day.";
    notes.Save(empty, true);
    BOOST_TEST((notes.Get(empty.id).no_treatment == core::NoTreatment::kReferred));
}

BOOST_AUTO_TEST_SUITE_END()
