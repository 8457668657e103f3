#include "least_treatment.h"
#include "test_database.h"

#include <myodesk/core/intake_json.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/report_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/services/staff_service.h>
#include <myodesk/services/training_service.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using namespace myodesk;

namespace {

core::Date D(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{4}};

core::Client Named(std::string given, std::string family) {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = std::move(family);
    return client;
}

core::Staff Therapist(std::string name) {
    core::Staff staff;
    staff.name = std::move(name);
    return staff;
}

using test::TreatedNoteAt;

template <typename Action>
void ExpectProblem(Action&& action, std::string_view field, core::ProblemCode code) {
    try {
        action();
        BOOST_FAIL("no problem reported");
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(!error.Problems().empty());
        BOOST_TEST(error.Problems()[0].field == field);
        BOOST_TEST((error.Problems()[0].code == code));
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(service_tests)

BOOST_AUTO_TEST_CASE(a_fixed_clock_gives_its_day, *boost::unit_test::label("pure")) {
    BOOST_TEST((services::Clock::FixedOn(kToday).Today() == kToday));
    const auto now = services::Clock::FixedOn(kToday).Now();
    BOOST_TEST((services::Clock::FixedAt(now).Now() == now));
    BOOST_TEST((db::LocalDate(services::Clock::FixedOn(kToday).Storage()()) == kToday));
}

// The repositories stamp records with the context's clock, and "today" is the clock's.
MYODESK_DB_TEST(clients_are_stamped_by_the_clock_and_archived_and_found) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::ClientService clients(context);
    const auto ann = clients.Add(Named("Ann", "Smith"));
    BOOST_TEST(ann.id > 0);
    BOOST_TEST(ann.created_at.rfind("2026-03-0", 0) == 0u, ann.created_at);
    BOOST_TEST(clients.SetArchived(ann.id, true).archived);
    BOOST_TEST(clients.Count(db::ArchiveFilter::kActive) == 0);
    BOOST_TEST(!clients.SetArchived(ann.id, false).archived);
    BOOST_CHECK_THROW(clients.Get(4242), db::NotFoundError);
    BOOST_TEST(!clients.Find(4242));
    core::Client born_tomorrow = Named("Bo", "Late");
    born_tomorrow.date_of_birth = core::AddDays(kToday, 1);
    ExpectProblem([&] { clients.Add(born_tomorrow); }, "date_of_birth",
                  core::ProblemCode::kInFuture);
}

// A document's client and intake: both or neither, every problem listed at once.
MYODESK_DB_TEST(a_client_comes_with_their_first_intake_or_not_at_all) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::ClientService clients(context);
    const auto document = nlohmann::json::parse(R"({
        "taken_on": "2026-03-01",
        "client": {"given_name": "Zoe", "family_name": "Runner", "email": "no-at-sign"},
        "consent": {"accepted": true, "signed_name": "Zoe Runner", "signed_on": "2026-03-01"}
    })");
    try {
        clients.AddFromIntakeDocument(core::IntakeFromJson(document));
        BOOST_FAIL("a client with a bad email was saved");
    } catch (const db::ValidationError& error) {
        BOOST_TEST(error.Problems().at(0).field == "client.email");
    }
    BOOST_TEST(clients.Count(db::ArchiveFilter::kAll) == 0);
    auto without_client = document;
    without_client.erase("client");
    ExpectProblem([&] { clients.AddFromIntakeDocument(core::IntakeFromJson(without_client)); },
                  "client", core::ProblemCode::kRequired);

    auto good = document;
    good["client"]["email"] = "zoe@example.com";
    const auto saved = clients.AddFromIntakeDocument(core::IntakeFromJson(good));
    BOOST_TEST(saved.client.id > 0);
    BOOST_TEST(saved.intake.client_id == saved.client.id);
    services::IntakeService intakes(context);
    const auto shown = intakes.Show(saved.client.id);
    BOOST_TEST(shown.intake.id == saved.intake.id);
    BOOST_TEST((shown.on == kToday));
    BOOST_TEST(!shown.outdated);
    BOOST_TEST(intakes.History(saved.client.id).size() == 1u);
    // The document's client object is not used when importing for a client.
    const auto imported = intakes.Import(saved.client.id, core::IntakeFromJson(good));
    BOOST_TEST(imported.client_object_ignored);
    BOOST_TEST(imported.intake.client_id == saved.client.id);
    BOOST_CHECK_THROW(intakes.Show(saved.client.id, saved.intake.id + 100), db::NotFoundError);
    const auto bare = clients.Add(Named("No", "Intake"));
    BOOST_CHECK_THROW(intakes.Show(bare.id), services::NoIntakeError);
    BOOST_TEST((intakes.Units(bare.id) == core::DistanceUnit::kKm));
}

// Who signs or amends is the person named, else the one at the desk; nobody: refused.
MYODESK_DB_TEST(notes_are_signed_by_the_person_at_the_desk) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    const auto client = services::ClientService(context).Add(Named("Ann", "Smith"));
    services::StaffService staff(context);
    const auto anna = staff.Add(Therapist("Anna"));
    const auto ben = staff.Add(Therapist("Ben"));
    services::NoteService notes(context);

    core::SessionNote note = TreatedNoteAt(client.id, anna.id, kToday, 9 * 60);
    notes.Save(note);
    BOOST_TEST(note.id > 0);
    ExpectProblem([&] { notes.Sign(note.id, std::nullopt); }, "signed_by",
                  core::ProblemCode::kRequired);
    BOOST_TEST(!core::IsSigned(notes.Get(note.id)));

    context.SetDesk({ben});
    const auto signed_note = notes.Sign(note.id, std::nullopt);
    BOOST_TEST(core::IsSigned(signed_note));
    BOOST_TEST((signed_note.signed_by == ben.id));

    core::Amendment amendment;
    amendment.section = core::NoteSection::kPlan;
    amendment.reason = "typo";
    amendment.text = "Rest two days.";
    const auto saved = notes.Amend(note.id, amendment);
    BOOST_TEST(saved.amended_by == ben.id);
    amendment.amended_by = anna.id;
    BOOST_TEST(notes.Amend(note.id, amendment).amended_by == anna.id);

    // A new note saved and signed together: both or neither.
    core::SessionNote overlapping = note;
    overlapping.id = 0;
    overlapping.version = 0;
    overlapping.signed_at.clear();
    overlapping.signed_by.reset();
    overlapping.amendments.clear();
    BOOST_CHECK_THROW(notes.Save(overlapping, true), db::ValidationError);
    BOOST_TEST(overlapping.id == 0);
    BOOST_TEST(notes.CountForClient(client.id) == 1);
    BOOST_TEST(notes.CountUnsigned() == 0);
    BOOST_TEST(staff.Names().at(anna.id) == "Anna");
}

// A signature vouches for a session that happened: not before its end, whichever way it is
// signed, and nothing is written when refused (issue 15: a 03:00-04:00 note was signed at
// 01:22).
MYODESK_DB_TEST(a_note_is_signed_only_once_its_session_has_ended) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));  // noon
    const auto client = services::ClientService(context).Add(Named("Ann", "Smith"));
    const auto anna = services::StaffService(context).Add(Therapist("Anna"));
    context.SetDesk({anna});
    services::NoteService notes(context);

    core::SessionNote afternoon =
        TreatedNoteAt(client.id, anna.id, kToday, 11 * 60 + 30);  // to 12:30
    try {
        notes.Save(afternoon, true);
        BOOST_FAIL("signed before the session ended");
    } catch (const services::NoteNotEndedError& error) {
        BOOST_TEST((error.EndDate() == kToday));
        BOOST_TEST(error.EndMinute() == 12 * 60 + 30);
        BOOST_TEST(std::string(error.what()).find("12:30") != std::string::npos, error.what());
    }
    BOOST_TEST(afternoon.id == 0);  // neither saved nor signed
    BOOST_TEST(notes.CountForClient(client.id) == 0);

    notes.Save(afternoon);  // saved unsigned, signed later
    BOOST_CHECK_THROW(notes.Sign(afternoon.id, std::nullopt), services::NoteNotEndedError);
    BOOST_TEST(!core::IsSigned(notes.Get(afternoon.id)));
    services::Context later(
        database, services::Clock::FixedAt(context.GetClock().Now() + std::chrono::minutes(30)));
    later.SetDesk({anna});
    BOOST_TEST(core::IsSigned(services::NoteService(later).Sign(afternoon.id, std::nullopt)));

    // A session running past midnight ends the next day.
    core::SessionNote late =
        TreatedNoteAt(client.id, anna.id, core::AddDays(kToday, -1), 23 * 60 + 30);
    services::Context just_after_midnight(
        database, services::Clock::FixedAt(context.GetClock().Now() - std::chrono::hours(12) +
                                           std::chrono::minutes(10)));
    just_after_midnight.SetDesk({anna});
    try {
        services::NoteService(just_after_midnight).Save(late, true);
        BOOST_FAIL("signed before the session ended");
    } catch (const services::NoteNotEndedError& error) {
        BOOST_TEST((error.EndDate() == kToday));
        BOOST_TEST(error.EndMinute() == 30);
    }
    services::NoteService(later).Save(late, true);
    BOOST_TEST(core::IsSigned(notes.Get(late.id)));
}

MYODESK_DB_TEST(copy_last_note_uses_the_newest_note_with_something_to_copy) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    const auto client = services::ClientService(context).Add(Named("Ann", "Smith"));
    const auto anna = services::StaffService(context).Add(Therapist("Anna"));
    services::NoteService notes(context);
    BOOST_TEST(!notes.LatestToCopy(client.id).has_value());

    core::SessionNote worked;
    worked.client_id = client.id;
    worked.therapist_id = anna.id;
    worked.date = core::AddDays(kToday, -30);
    test::AddLeastTreatment(worked);
    notes.Save(worked);
    // 25 newer notes of sessions without treatment: past the first page of the search.
    for (int day = 25; day >= 1; --day) {
        core::SessionNote text_only;
        text_only.client_id = client.id;
        text_only.therapist_id = anna.id;
        text_only.date = core::AddDays(kToday, -day);
        text_only.subjective = "Came in with a fever: sent home.";
        text_only.no_treatment = core::NoTreatment::kTurnedAway;
        notes.Save(text_only);
    }
    BOOST_TEST(notes.Latest(client.id)->regions.empty());
    const auto to_copy = notes.LatestToCopy(client.id);
    BOOST_REQUIRE(to_copy.has_value());
    BOOST_TEST(to_copy->id == worked.id);
}

MYODESK_DB_TEST(a_new_note_starts_where_nothing_clashes_and_the_clock_gives_the_minute) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));  // noon
    BOOST_TEST(context.GetClock().MinuteOfDay() == 12 * 60);
    services::ClientService clients(context);
    const auto ann = clients.Add(Named("Ann", "Smith"));
    const auto ben = clients.Add(Named("Ben", "Okafor"));
    const auto anna = services::StaffService(context).Add(Therapist("Anna"));
    const auto bruno = services::StaffService(context).Add(Therapist("Bruno"));
    services::NoteService notes(context);

    auto note = [&](core::ClientId client, core::StaffId therapist, int start) {
        return TreatedNoteAt(client, therapist, kToday, start);
    };
    // Anna wrote up Ben's 10:00-11:00 and Bruno has Ann 11:00-12:00: Anna's next note for Ann
    // (by default the hour that ended at 12:00, 11:00) starts at 12:00.
    core::SessionNote ben_with_anna = note(ben.id, anna.id, 10 * 60);
    notes.Save(ben_with_anna);
    core::SessionNote ann_with_bruno = note(ann.id, bruno.id, 11 * 60);
    notes.Save(ann_with_bruno);
    BOOST_TEST(notes.FirstFreeStart(note(ann.id, anna.id, 11 * 60)) == 12 * 60);
    // Bruno's next note for Ben starts after his own last one.
    BOOST_TEST(notes.FirstFreeStart(note(ben.id, bruno.id, 9 * 60)) == 12 * 60);
    // Saving it where it clashes anyway names the other session.
    core::SessionNote clashing = note(ann.id, anna.id, 11 * 60);
    try {
        notes.Save(clashing);
        BOOST_FAIL("a client in two places at once was saved");
    } catch (const db::ClashError& error) {
        BOOST_TEST(error.Other().slot.id == ann_with_bruno.id);
        BOOST_TEST(error.Other().therapist_name == "Bruno");
    }
    BOOST_TEST(clashing.id == 0);
}

MYODESK_DB_TEST(a_session_for_a_client_not_screened_within_the_year_is_flagged) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    const auto ann = services::ClientService(context).Add(Named("Ann", "Smith"));
    services::IntakeService intakes(context);
    auto gap = intakes.ScreeningGapOn(ann.id, kToday);
    BOOST_REQUIRE(gap.has_value());
    BOOST_TEST((gap->kind == services::ScreeningGap::Kind::kNoIntake));

    core::Intake intake;
    intake.client_id = ann.id;
    intake.taken_on = core::AddDays(kToday, -300);
    intake.consent = {true, "Ann Smith", intake.taken_on};
    intakes.Add(intake);
    BOOST_TEST(!intakes.ScreeningGapOn(ann.id, kToday).has_value());
    // The same intake on a session day over a year after it.
    gap = intakes.ScreeningGapOn(ann.id, core::AddDays(kToday, 70));
    BOOST_REQUIRE(gap.has_value());
    BOOST_TEST((gap->kind == services::ScreeningGap::Kind::kOutdated));
    BOOST_TEST((gap->taken_on == intake.taken_on));
}

MYODESK_DB_TEST(training_is_put_and_imported_for_a_known_client) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    const auto client = services::ClientService(context).Add(Named("Ann", "Smith"));
    services::TrainingService training(context);
    BOOST_TEST(training.Put(client.id, {kToday, core::RunType::kLong, 20.0}));
    BOOST_TEST(!training.Put(client.id, {kToday, core::RunType::kEasy, 8.0}));
    ExpectProblem(
        [&] {
            training.Put(client.id, {kToday, core::RunType::kRest, 5.0});
        },
        "distance_km", core::ProblemCode::kOutOfRange);
    // Edited onto another day: the old day goes.
    BOOST_TEST(training.Put(client.id, {D("2026-03-05"), core::RunType::kEasy, 8.0}, kToday));
    BOOST_TEST(training.List(client.id).size() == 1u);
    const auto imported = training.Import(
        client.id, "date,type,distance_km\n2026-03-05,tempo,10\n2026-03-06,rest,\n");
    BOOST_TEST(imported.entries == 2u);
    BOOST_TEST(imported.added == 1);
    BOOST_TEST(imported.Replaced() == 1);
    BOOST_CHECK_THROW(training.Import(client.id, "date,type\n"), db::ValidationError);
    BOOST_TEST(training.Remove(client.id, D("2026-03-06")));
    BOOST_TEST(!training.Remove(client.id, D("2026-03-06")));
    BOOST_CHECK_THROW(training.List(4242), db::NotFoundError);
}

MYODESK_DB_TEST(settings_refuse_unknown_keys_and_wrong_kinds) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::SettingsService settings(context);
    BOOST_CHECK_THROW(settings.Set("clinic.fax", "01"), services::RuleError);
    BOOST_CHECK_THROW(settings.Set("plan.taper_weeks", "three"), services::RuleError);
    BOOST_CHECK_THROW(settings.Set("plan.taper_weeks", "99"), db::ValidationError);
    const auto before = settings.Set("plan.taper_weeks", "3");
    BOOST_TEST(before.key == "plan.taper_weeks");
    BOOST_TEST(settings.LoadPlan().taper_weeks == 3);
    settings.Set("clinic.name", "Run Well");
    BOOST_TEST(settings.LoadClinicDetails().name == "Run Well");
}

MYODESK_DB_TEST(a_clinic_period_is_checked_and_dated_today) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::ReportService reports(context);
    BOOST_CHECK_THROW(reports.ClinicPeriod(D("2026-02-01"), D("2026-01-01"), std::nullopt),
                      services::InvalidPeriodError);
    BOOST_CHECK_THROW(reports.ClinicPeriod(D("2026-01-01"), D("2026-02-01"), 4242),
                      db::NotFoundError);
    const auto period = reports.ClinicPeriod(D("2026-01-01"), D("2026-02-01"), std::nullopt);
    BOOST_TEST((period.today == kToday));
    std::ostringstream out;
    BOOST_CHECK_THROW(reports.WriteSessionsCsv(D("2026-02-01"), D("2026-01-01"), out),
                      services::InvalidPeriodError);
    BOOST_TEST(out.str().empty());
    const auto summary = reports.ClinicSummary(period);
    BOOST_TEST(services::ReportService::WriteClinicSummaryCsv(summary, out) >= 0);
    BOOST_CHECK_THROW(reports.ClientReportInputs(4242), db::NotFoundError);

    const auto info = services::ReadDatabaseInfo(context);
    BOOST_TEST(info.schema_version == info.app_schema_version);
    BOOST_TEST(info.active_clients == 0);
}

BOOST_AUTO_TEST_SUITE_END()
