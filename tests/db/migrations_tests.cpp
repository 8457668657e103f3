#include "migration_steps.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_resource_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <csignal>
#include <set>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace myodesk;

namespace {

// A client as version 1 stored it, written with version 1's columns (not the repository, which
// follows the newest schema), so the upgrade has real data to carry.
void AddVersion1Client(db::Database& database) {
    db::SociSession(database) << R"(
        INSERT INTO clients (given_name, family_name, preferred_name, date_of_birth, phone, email,
            address, emergency_contact_name, emergency_contact_phone, physician, referral_source,
            notes, archived, created_at, updated_at, version, search_name, search_name_reversed,
            search_preferred, search_email, search_phone)
        VALUES ('Upgraded', 'Runner-O''Brien', '', '1984-06-30', '+44 20 7946 0958',
            'up@example.org', '', '', '', '', '', 'Carried through every upgrade', 0,
            '2025-01-01T10:00:00Z', '2025-02-01T10:00:00Z', 3, 'upgraded runner-o''brien',
            'runner-o''brien upgraded', 'runner-o''brien', 'up@example.org', '442079460958')
    )";
}

// An intake of that client as version 2 stored it, with one soreness row, written with version
// 2's columns.
void AddVersion2Intake(db::Database& database) {
    long long client_id = 0;
    db::SociSession(database) << "SELECT id FROM clients WHERE given_name = 'Upgraded'",
        soci::into(client_id);
    long long intake_id = 0;
    db::SociSession(database) << R"(
        INSERT INTO intakes (client_id, taken_on, pregnant, allergies, goal_race_name, units,
            preference_pressure, preference_notes, consent_accepted, consent_signed_name,
            consent_signed_on, created_at)
        VALUES (:client_id, '2024-12-01', 0, 'Arnica', 'Dublin Marathon', 'km', 'firm',
            'Firm on calves', 1, 'Upgraded Runner-O''Brien', '2024-12-01',
            '2024-12-01T10:00:00Z')
        RETURNING id)",
        soci::use(client_id, "client_id"), soci::into(intake_id);
    db::SociSession(database)
        << "INSERT INTO intake_soreness (intake_id, position, region, side, pain) "
           "VALUES (:intake_id, 0, 'calves', 'right', 5)",
        soci::use(intake_id, "intake_id");
}

// A therapist and a signed session note of that client as version 3 stored them, with one
// region row, written with version 3's columns.
void AddVersion3Note(db::Database& database) {
    long long client_id = 0;
    db::SociSession(database) << "SELECT id FROM clients WHERE given_name = 'Upgraded'",
        soci::into(client_id);
    long long staff_id = 0;
    db::SociSession(database)
        << "INSERT INTO staff (name, sort_name, role, active, created_at) VALUES "
           "('Old Therapist', 'old therapist', 'therapist', 1, "
           "'2024-12-01T10:00:00Z') RETURNING id",
        soci::into(staff_id);
    long long note_id = 0;
    db::SociSession(database) << R"(
        INSERT INTO session_notes (client_id, therapist_id, session_date, start_minute,
            duration_min, position, subjective, objective, assessment, plan, created_at,
            updated_at, version, signed_at, signed_by)
        VALUES (:client_id, :staff_id, '2024-12-02', 1050, 60, 'prone', 'Calves tight', '', '',
            'Weekly', '2024-12-02T18:00:00Z', '2024-12-02T18:05:00Z', 2, '2024-12-02T18:05:00Z',
            :signed_by)
        RETURNING id)",
        soci::use(client_id, "client_id"), soci::use(staff_id, "staff_id"),
        soci::use(staff_id, "signed_by"), soci::into(note_id);
    db::SociSession(database)
        << "INSERT INTO session_note_regions (note_id, position, region, side, "
           "pressure, pain_before, pain_after) VALUES (:note_id, 0, 'calves', "
           "'right', 6, 5, 2)",
        soci::use(note_id, "note_id");
    db::SociSession(database)
        << "INSERT INTO session_note_amendments (note_id, amended_at, amended_by, reason, "
           "section, text) VALUES (:note_id, '2024-12-03T09:00:00Z', :staff_id, 'Typo', "
           "'plan', 'Weekly, Thursdays')",
        soci::use(note_id, "note_id"), soci::use(staff_id, "staff_id");
}

// Two appointments of that client with the therapist of version 3 as version 4 stored them:
// one on the day of the note (its booking, which version 9 completes and links the note to),
// one later without a note.
void AddVersion4Appointments(db::Database& database) {
    db::SociSession(database) << R"(
        INSERT INTO appointments (client_id, therapist_id, session_date, start_minute,
            duration_min, created_at)
        SELECT c.id, s.id, d.day, 1050, 60, '2024-11-25T10:00:00Z'
        FROM clients c, staff s, (SELECT '2024-12-02' AS day UNION ALL SELECT '2024-12-20') d
        WHERE c.given_name = 'Upgraded' AND s.name = 'Old Therapist')";
}

// A plan of the upgraded client as version 9 stored it: two sessions, the second skipped.
core::PlanId AddVersion9Plan(db::Database& database) {
    core::ClientId client = 0;
    db::SociSession(database) << "SELECT id FROM clients WHERE given_name = 'Upgraded'",
        soci::into(client);
    const core::Date day{std::chrono::year{2024} / 12 / 9};
    core::Plan plan;
    plan.client_id = client;
    plan.generated_on = day;
    plan.from = day;
    plan.to = core::AddDays(day, 13);
    plan.phases = {{core::PlanPhase::kBase, plan.from, plan.to}};
    for (const int offset : {1, 8}) {
        core::PlannedSession session;
        session.date = core::AddDays(day, offset);
        session.techniques = {core::Technique::kSwedish};
        session.reasons = {{core::PlanReasonCode::kBaseMaintenance, {}}};
        plan.sessions.push_back(session);
    }
    db::PlanRepository plans(database);
    plans.Save(plan);
    plans.Skip(plan.id, 1);
    return plan.id;
}

// The indexes of the clients table (those the schema made, not a primary key's).
std::set<std::string> IndexNames(db::Database& database) {
    std::string name;
    const std::string sql =
        database.GetDialect().backend == db::Backend::kSqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' AND "
              "sql IS NOT NULL"
            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND "
              "tablename = 'clients' AND indexname <> 'clients_pkey'";
    soci::statement statement = (db::SociSession(database).prepare << sql, soci::into(name));
    statement.execute(false);
    std::set<std::string> names;
    while (statement.fetch()) {
        names.insert(name);
    }
    return names;
}

int CountClientsTable(db::Database& database) {
    int count = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM clients", soci::into(count);
    return count;
}

// The released steps plus extra ones, to exercise upgrades past the newest real version.
std::vector<db::Migration> WithExtraSteps(std::vector<db::Migration> extra) {
    std::vector<db::Migration> steps = db::AllMigrations();
    steps.insert(steps.end(), extra.begin(), extra.end());
    return steps;
}

// After an upgrade from `start`: the client written at the old version is read back whole and
// still found, and a new one can be added (its id in `added`). Returns the carried client's
// id (0 when `start` is 0).
core::ClientId CheckClientsAfterUpgrade(db::Database& database, int start, core::ClientId& added) {
    db::ClientRepository clients(database);
    core::ClientId carried = 0;
    if (start >= 1) {
        // The client written at the old version is read back whole, and still found.
        const auto rows = clients.Search({"upgraded run"}, 0, 10);
        BOOST_REQUIRE(rows.size() == 1u);
        carried = rows[0].id;
        const auto client = clients.Get(carried);
        BOOST_REQUIRE(client);
        BOOST_TEST(client->given_name == "Upgraded");
        BOOST_TEST(client->family_name == "Runner-O'Brien");
        BOOST_TEST(core::FormatIsoDate(*client->date_of_birth) == "1984-06-30");
        BOOST_TEST(client->email == "up@example.org");
        BOOST_TEST(client->notes == "Carried through every upgrade");
        BOOST_TEST(client->version == 3);
    }
    core::Client client;
    client.given_name = "Added";
    clients.Add(client);
    BOOST_TEST(clients.Count() == (start >= 1 ? 2 : 1));
    added = client.id;
    return carried;
}

void CheckIntakesAfterUpgrade(db::Database& database, int start, core::ClientId carried,
                              core::ClientId added) {
    // Version 2: the intake written at the old version is read back whole.
    db::IntakeRepository intakes(database);
    if (start >= 2) {
        const auto history = intakes.History(carried);
        BOOST_REQUIRE(history.size() == 1u);
        const auto old = intakes.Get(history[0].id);
        BOOST_REQUIRE(old);
        BOOST_TEST(core::FormatIsoDate(old->taken_on) == "2024-12-01");
        BOOST_TEST(old->health.allergies == "Arnica");
        BOOST_TEST(old->runner.goal_race.name == "Dublin Marathon");
        BOOST_TEST((old->preferences.pressure == core::Pressure::kFirm));
        BOOST_TEST(old->consent.signed_name == "Upgraded Runner-O'Brien");
        BOOST_TEST(old->created_at == "2024-12-01T10:00:00Z");
        BOOST_TEST((old->soreness ==
                    std::vector<core::Soreness>{{core::Region::kCalves, core::Side::kRight, 5}}));
    }
    // The intake tables work for the carried client and a new one.
    for (const core::ClientId id : {carried, added}) {
        if (id == 0) {
            continue;
        }
        core::Intake intake;
        intake.client_id = id;
        intake.taken_on = core::Date{std::chrono::year{2025} / 1 / 15};
        intake.soreness = {{core::Region::kHamstrings, core::Side::kLeft, 4}};
        intake.consent = {true, "Upgraded Runner", intake.taken_on};
        intakes.Add(intake);
        const auto newest = intakes.Newest(id);
        BOOST_REQUIRE(newest);
        BOOST_TEST((*newest == intake));
    }
}

// Returns the therapist it adds.
core::StaffId CheckNotesAfterUpgrade(db::Database& database, int start, core::ClientId carried,
                                     core::ClientId added) {
    // Version 3: the note written at the old version is read back whole.
    if (start >= 3) {
        const auto old_notes = db::SessionNoteRepository(database).ListForClient(carried, 0, 10);
        BOOST_REQUIRE(old_notes.size() == 1u);
        const auto old = db::SessionNoteRepository(database).Get(old_notes[0].id);
        BOOST_REQUIRE(old);
        BOOST_TEST(core::FormatIsoDate(old->date) == "2024-12-02");
        BOOST_TEST(core::FormatClockTime(old->start_minute) == "17:30");
        BOOST_TEST(old->subjective == "Calves tight");
        BOOST_TEST(core::IsSigned(*old));
        BOOST_TEST(old->version == 2);
        BOOST_TEST((old->regions == std::vector<core::RegionWork>{
                                        {core::Region::kCalves, core::Side::kRight, 6, 5, 2}}));
        // Version 8 rebuilt the amendments' table (on SQLite): the old one is kept whole.
        BOOST_REQUIRE(old->amendments.size() == 1u);
        BOOST_TEST(old->amendments[0].reason == "Typo");
        BOOST_TEST((old->amendments[0].section == core::NoteSection::kPlan));
        BOOST_TEST(old->amendments[0].text == "Weekly, Thursdays");
        BOOST_TEST(!old->amendments[0].corrected.has_value());
        BOOST_TEST(!old->no_treatment.has_value());
        BOOST_TEST(old->flag_override.empty());
        // ... and takes a whole-note correction after the upgrade.
        core::SessionNote whole = *old;
        whole.techniques = {{core::Technique::kSwedish, 30}};
        whole.regions[0].pain_after = 3;
        db::SessionNoteRepository(database).Amend(
            old->id,
            {0, "", old->therapist_id, "Pain after was 3", core::NoteSection::kPlan, "", whole});
        const auto corrected = db::SessionNoteRepository(database).Get(old->id);
        BOOST_REQUIRE(corrected);
        BOOST_REQUIRE(corrected->amendments.size() == 2u);
        BOOST_REQUIRE(corrected->amendments[1].corrected.has_value());
        BOOST_TEST((corrected->amendments[1].corrected->regions[0].pain_after == 3));
    }

    // Version 3: staff and session notes work for the carried client and a new one.
    core::Staff therapist;
    therapist.name = "Upgraded Therapist";
    db::StaffRepository(database).Add(therapist);
    db::SessionNoteRepository notes(database);
    int start_minute = 8 * 60;
    for (const core::ClientId id : {carried, added}) {
        if (id == 0) {
            continue;
        }
        core::SessionNote note;
        note.client_id = id;
        note.therapist_id = therapist.id;
        note.date = core::Date{std::chrono::year{2025} / 1 / 15};
        note.start_minute = start_minute;
        start_minute += 60;
        note.techniques = {{core::Technique::kSports, 30}};
        note.regions = {{core::Region::kHamstrings, core::Side::kLeft, 6, 5, 2}};
        notes.Add(note);
        notes.Sign(note.id, therapist.id);
        const auto stored = notes.Get(note.id);
        BOOST_REQUIRE(stored);
        BOOST_TEST(core::IsSigned(*stored));
        BOOST_TEST((stored->regions == note.regions));
        BOOST_TEST(notes.ListForClient(id, 0, 10).size() ==
                   (id == carried && start >= 3 ? 2u : 1u));
    }

    return therapist.id;
}

void CheckPlansAfterUpgrade(db::Database& database, core::ClientId carried, core::ClientId added,
                            core::StaffId therapist_id) {
    // Version 4: training calendars, plans and appointments work for the carried client
    // and a new one, and the plan inputs read what every earlier version stored.
    db::TrainingRepository training(database);
    db::PlanRepository plans(database);
    const core::Date today = db::LocalDate(db::SystemNow());
    int hour = 8;
    for (const core::ClientId id : {carried, added}) {
        if (id == 0) {
            continue;
        }
        const std::vector<core::TrainingEntry> calendar{
            {core::Date{std::chrono::year{2025} / 1 / 12}, core::RunType::kLong, 30.0},
            {core::Date{std::chrono::year{2025} / 1 / 13}, core::RunType::kRest, {}}};
        BOOST_TEST(training.Import(id, calendar) == 2);
        BOOST_TEST((training.List(id) == calendar));

        core::Plan plan;
        plan.client_id = id;
        plan.generated_on = today;
        plan.from = today;
        plan.to = core::AddDays(today, 13);
        plan.phases = {{core::PlanPhase::kBase, plan.from, plan.to}};
        core::PlannedSession session;
        session.date = core::AddDays(today, 7);
        session.techniques = {core::Technique::kSwedish};
        session.reasons = {{core::PlanReasonCode::kBaseMaintenance, {}}};
        plan.sessions = {session};
        plans.Save(plan);
        core::Appointment appointment;
        appointment.therapist_id = therapist_id;
        appointment.start_minute = hour++ * 60;
        plans.Accept(plan.id, 0, appointment, today);
        const auto current = plans.Current(id);
        BOOST_REQUIRE(current);
        BOOST_TEST((current->sessions[0].status == core::PlannedSessionStatus::kBooked));
        // Version 10: a plan session may be missed (its appointment cancelled).
        core::Appointment cancelled = appointment;
        cancelled.status = core::AppointmentStatus::kCancelled;
        BOOST_TEST(plans.FollowAppointment(cancelled));
        BOOST_TEST((plans.Current(id)->sessions[0].status == core::PlannedSessionStatus::kMissed));
        BOOST_TEST(plans.FollowAppointment(appointment));  // and booked again

        // What a plan is made from reads back from the migrated tables.
        BOOST_TEST(db::TrainingRepository(database).List(id).size() == 2u);
        BOOST_TEST((plans.Appointments(id, today) == std::vector<core::Appointment>{appointment}));
        BOOST_TEST(db::IntakeRepository(database).Newest(id).has_value());
    }
}

void CheckAppointmentsAfterUpgrade(db::Database& database, int start, core::ClientId carried,
                                   core::ClientId added) {
    db::AppointmentRepository appointments(database);
    const core::Date december{std::chrono::year{2024} / 12 / 1};
    if (start >= 4 && start < 9) {
        // Version 9: the old bookings read back booked, or completed where a note was written
        // for them, and the note points at its appointment.
        db::AppointmentFilter carried_only;
        carried_only.client = carried;
        const auto old = appointments.Between(december, core::AddDays(december, 30), carried_only);
        BOOST_REQUIRE(old.size() == 2u);
        BOOST_TEST((old[0].status == core::AppointmentStatus::kCompleted));
        BOOST_TEST((old[1].status == core::AppointmentStatus::kBooked));
        BOOST_TEST(!old[0].room_id.has_value());
        BOOST_TEST(old[1].version == 1);
        long long linked = 0;
        db::SociSession(database)
            << "SELECT COALESCE(MIN(appointment_id), 0) FROM session_notes WHERE "
               "session_date = '2024-12-02'",
            soci::into(linked);
        BOOST_TEST(linked == old[0].id);
    }
    // Rooms, services and the appointment's new columns work after any upgrade.
    core::Room room{0, "Upgraded room", 10, true};
    db::ClinicResourceRepository(database).AddRoom(room);
    core::Appointment booked;
    booked.client_id = added;
    booked.therapist_id = db::StaffRepository(database).List().front().id;
    booked.date = core::AddDays(db::LocalDate(db::SystemNow()), 30);
    booked.room_id = room.id;
    booked.notes = "After the upgrade";
    appointments.Book(booked, db::LocalDate(db::SystemNow()));
    BOOST_TEST((*appointments.Get(booked.id) == booked));
}

void CheckSearchAfterUpgrade(db::Database& database, int start, core::ClientId carried) {
    db::ClientRepository clients(database);
    // Version 6 put the search keys in the list's index; version 7 gave them back to
    // their own indexes (read in key order) and cleared preferred-name keys that only
    // repeated the family name. The carried client is found once, and listed in place. (Its
    // row is written in version 1's shape, without keys: from version 7 on, the keys are the
    // repository's to write, and these steps have nothing left to do.)
    BOOST_TEST(
        IndexNames(database) ==
        (std::set<std::string>{"clients_by_email", "clients_by_given_name", "clients_by_name",
                               "clients_by_phone", "clients_by_preferred_name"}));
    if (start >= 1 && start < 7) {
        std::string preferred_key = "not read";
        const long long carried_id = carried;
        db::SociSession(database) << "SELECT search_preferred FROM clients WHERE id = :id",
            soci::use(carried_id, "id"), soci::into(preferred_key);
        BOOST_TEST(preferred_key.empty());
        const auto page = clients.SearchPage({"runner-o"}, std::nullopt, 10);
        BOOST_TEST(page.rows.size() == 1u);
        BOOST_TEST(!page.next.has_value());
        BOOST_TEST(clients.CountMatching({"runner-o"}) == 1);
        BOOST_TEST(clients.CountMatching({"4420"}) == 1);
        BOOST_TEST(*clients.PositionOf({}, carried) == 1);  // after "Added" (no family)
        BOOST_TEST(*clients.PositionOf({"upgraded"}, carried) == 0);
    }
}

const int kNext = db::LatestSchemaVersion() + 1;

// Whether the current schema has a table of that name.
bool HasTable(db::Database& database, const std::string& table) {
    int count = 0;
    db::SociSession(database) << std::string(database.GetDialect().count_tables_named),
        soci::use(table), soci::into(count);
    return count > 0;
}

// The files in the test database's folder whose names hold `part`.
std::vector<std::string> FilesNamed(const test::TestDatabase& test_db, const std::string& part) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(test_db.Folder())) {
        const std::string name = entry.path().filename().string();
        if (name.find(part) != std::string::npos) {
            names.push_back(name);
        }
    }
    return names;
}

// A step that works and one after it that fails.
std::vector<db::Migration> StepsFailingAtTheSecond() {
    return WithExtraSteps(
        {{kNext, "a step that works",
          [](soci::session& session, const db::Dialect&) {
              session << "CREATE TABLE first_step_done (id INTEGER)";
              session << "INSERT INTO first_step_done VALUES (1)";
          }},
         {kNext + 1, "a step that fails", [](soci::session& session, const db::Dialect&) {
              session << "INSERT INTO no_such_table VALUES (1)";
          }}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(migrations_tests)

BOOST_AUTO_TEST_CASE(versions_are_numbered_without_gaps, *boost::unit_test::label("pure")) {
    int expected = 1;
    for (const auto& step : db::AllMigrations()) {
        BOOST_TEST(step.version == expected++);
        BOOST_TEST(!step.description.empty());
    }
}

MYODESK_DB_TEST(migrates_an_empty_database) {
    auto database = test_db.Open({.migrate = false, .login = std::nullopt});
    BOOST_TEST(db::SchemaVersion(database) == 0);
    const auto result = db::Migrate(database);
    BOOST_TEST(result.from_version == 0);
    BOOST_TEST(result.to_version == db::LatestSchemaVersion());
    BOOST_TEST(result.backup_path.empty());  // nothing to back up in a new database
    BOOST_TEST(db::SchemaVersion(database) == db::LatestSchemaVersion());
    BOOST_TEST(CountClientsTable(database) == 0);
    // Opening again changes nothing.
    auto again = test_db.Open();
    BOOST_TEST(db::SchemaVersion(again) == db::LatestSchemaVersion());
}

MYODESK_DB_TEST(upgrades_from_every_earlier_version) {
    for (int start = 0; start < db::LatestSchemaVersion(); ++start) {
        BOOST_TEST_CONTEXT("starting at schema version " << start) {
            core::PlanId version9_plan = 0;
            const auto fresh = test_db.GetBackend() == db::Backend::kSqlite
                                   ? test::TestDatabase::Sqlite()
                                   : test::TestDatabase::Postgresql();
            {
                auto database = fresh.Open({.migrate = false, .login = std::nullopt});
                db::MigrateTo(database, start);
                BOOST_TEST(db::SchemaVersion(database) == start);
                if (start >= 1) {
                    AddVersion1Client(database);
                }
                if (start >= 2) {
                    AddVersion2Intake(database);
                }
                if (start >= 3) {
                    AddVersion3Note(database);
                }
                if (start >= 4) {
                    AddVersion4Appointments(database);
                }
                if (start == 9) {
                    version9_plan = AddVersion9Plan(database);
                }
            }
            auto database = fresh.Open();
            BOOST_TEST(db::SchemaVersion(database) == db::LatestSchemaVersion());
            core::ClientId added = 0;
            const core::ClientId carried = CheckClientsAfterUpgrade(database, start, added);
            CheckIntakesAfterUpgrade(database, start, carried, added);
            const core::StaffId therapist = CheckNotesAfterUpgrade(database, start, carried, added);
            CheckPlansAfterUpgrade(database, carried, added, therapist);
            CheckAppointmentsAfterUpgrade(database, start, carried, added);
            CheckSearchAfterUpgrade(database, start, carried);
            if (start == 9) {
                // Version 10 rebuilt SQLite's plan_sessions: the rows came along.
                const auto plan = db::PlanRepository(database).Get(version9_plan);
                BOOST_REQUIRE(plan.has_value());
                BOOST_TEST(plan->sessions.size() == 2u);
                BOOST_TEST((plan->sessions[1].status == core::PlannedSessionStatus::kSkipped));
            }
        }
    }
}

MYODESK_DB_TEST(refuses_a_database_from_a_newer_myodesk) {
    {
        auto database = test_db.Open();
        db::SociSession(database)
            << "INSERT INTO schema_migrations (version, description, applied_at) "
               "VALUES (:v, 'from the future', '2030-01-01T00:00:00Z')",
            soci::use(kNext);
    }
    try {
        test_db.Open();
        BOOST_FAIL("a newer database must be refused");
    } catch (const db::SchemaTooNewError& error) {
        BOOST_TEST(error.DatabaseVersion() == kNext);
        BOOST_TEST(error.AppVersion() == db::LatestSchemaVersion());
        BOOST_TEST(std::string(error.what()).find("newer") != std::string::npos);
    }
    auto database = test_db.Open({.migrate = false, .login = std::nullopt});
    BOOST_TEST(db::SchemaVersion(database) == kNext);
    if (test_db.GetBackend() == db::Backend::kSqlite) {
        // No backup either: nothing was about to change.
        int files = 0;
        for ([[maybe_unused]] const auto& entry :
             std::filesystem::directory_iterator(test_db.Folder())) {
            files += entry.path().extension() == ".sqlite" ? 1 : 0;
        }
        BOOST_TEST(files == 1);
    }
}

MYODESK_DB_TEST(a_failed_step_leaves_the_database_as_it_was) {
    auto database = test_db.Open();
    db::ClientRepository clients(database);
    core::Client client;
    client.given_name = "Kept";
    clients.Add(client);

    const auto steps =
        WithExtraSteps({{kNext, "broken step", [](soci::session& session, const db::Dialect&) {
                             session << "CREATE TABLE half_done (id INTEGER)";
                             session << "ALTER TABLE clients ADD COLUMN shoe_size INTEGER";
                             session << "INSERT INTO no_such_table VALUES (1)";
                         }}});
    BOOST_CHECK_THROW(db::MigrateTo(database, kNext, steps), db::DatabaseError);
    BOOST_TEST(db::SchemaVersion(database) == db::LatestSchemaVersion());
    int half_done = 0;
    if (test_db.GetBackend() == db::Backend::kSqlite) {
        db::SociSession(database) << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'",
            soci::into(half_done);
    } else {
        db::SociSession(database)
            << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = "
               "'half_done' AND table_schema = current_schema()",
            soci::into(half_done);
    }
    BOOST_TEST(half_done == 0);
    BOOST_CHECK_THROW(db::SociSession(database) << "SELECT shoe_size FROM clients",
                      soci::soci_error);
    BOOST_TEST(clients.Count() == 1);
}

MYODESK_DB_TEST(an_existing_sqlite_file_is_backed_up_before_an_upgrade) {
    {
        auto database = test_db.Open();
        db::ClientRepository clients(database);
        core::Client client;
        client.given_name = "Backed";
        client.family_name = "Up";
        clients.Add(client);
    }
    auto database = test_db.Open();
    const auto steps =
        WithExtraSteps({{kNext, "add shoe size", [](soci::session& session, const db::Dialect&) {
                             session << "ALTER TABLE clients ADD COLUMN shoe_size INTEGER";
                         }}});
    const auto result = db::MigrateTo(database, kNext, steps);
    BOOST_TEST(result.from_version == db::LatestSchemaVersion());
    BOOST_TEST(result.to_version == kNext);
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        BOOST_TEST(result.backup_path.empty());  // a server is backed up with its own tools
        return;
    }
    BOOST_REQUIRE(!result.backup_path.empty());
    BOOST_TEST(std::filesystem::path(result.backup_path).parent_path() == test_db.Folder());
    auto backup = db::OpenDatabase(result.backup_path, {.migrate = false, .login = std::nullopt});
    BOOST_TEST(db::SchemaVersion(backup) == db::LatestSchemaVersion());
    db::ClientRepository backed_up(backup);
    BOOST_TEST(backed_up.Count() == 1);
    BOOST_CHECK_THROW(db::SociSession(backup) << "SELECT shoe_size FROM clients", soci::soci_error);
}

// An upgrade over several steps is all or nothing: a failed step undoes the ones before it, and
// the message says so.
MYODESK_DB_TEST(a_failed_upgrade_leaves_the_version_it_started_from) {
    auto database = test_db.Open();
    try {
        db::MigrateTo(database, kNext + 1, StepsFailingAtTheSecond());
        BOOST_FAIL("the second step fails");
    } catch (const db::DatabaseError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find("Nothing was changed") != std::string::npos, message);
        BOOST_TEST(message.find(fmt::format("still at version {}", db::LatestSchemaVersion())) !=
                       std::string::npos,
                   message);
    }
    BOOST_TEST(db::SchemaVersion(database) == db::LatestSchemaVersion());
    BOOST_TEST(!HasTable(database, "first_step_done"));
    // The same from a new database: nothing at all is left.
    const auto fresh = test_db.GetBackend() == db::Backend::kSqlite
                           ? test::TestDatabase::Sqlite()
                           : test::TestDatabase::Postgresql();
    auto empty = fresh.Open({.migrate = false, .login = std::nullopt});
    BOOST_CHECK_THROW(db::MigrateTo(empty, kNext + 1, StepsFailingAtTheSecond()),
                      db::DatabaseError);
    BOOST_TEST(db::SchemaVersion(empty) == 0);
    BOOST_TEST(!HasTable(empty, "clients"));
}

// Each retry of a failed upgrade keeps the one backup the first attempt wrote (0600), and no
// part-written copy is left.
MYODESK_DB_TEST(retried_upgrades_keep_one_private_backup) {
    const mode_t old_mask = ::umask(022);
    auto database = test_db.Open();
    std::string first_backup;
    for (int attempt = 0; attempt < 2; ++attempt) {
        BOOST_CHECK_THROW(db::MigrateTo(database, kNext + 1, StepsFailingAtTheSecond()),
                          db::DatabaseError);
    }
    const auto steps =
        WithExtraSteps({{kNext, "add shoe size",
                         [](soci::session& session, const db::Dialect&) {
                             session << "ALTER TABLE clients ADD COLUMN shoe_size INTEGER";
                         }},
                        {kNext + 1, "nothing", [](soci::session&, const db::Dialect&) {}}});
    const auto result = db::MigrateTo(database, kNext + 1, steps);
    ::umask(old_mask);
    BOOST_TEST(result.to_version == kNext + 1);
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        BOOST_TEST(result.backup_path.empty());
        return;
    }
    const auto backups = FilesNamed(test_db, ".before-v");
    BOOST_TEST(backups.size() == 1u);
    BOOST_TEST(std::filesystem::path(result.backup_path).filename() ==
               (backups.empty() ? "" : backups[0]));
    struct stat status {};
    BOOST_TEST_REQUIRE(::stat(result.backup_path.c_str(), &status) == 0);
    BOOST_TEST((status.st_mode & 0777u) == 0600u);
    BOOST_TEST(FilesNamed(test_db, ".partial").empty());
}

// A backup that cannot be finished (here the disk fills: a file size limit) leaves no file
// named like a backup, and no part-copy; the upgrade does not run.
BOOST_AUTO_TEST_CASE(a_backup_that_fails_partway_leaves_no_backup_named_file,
                     *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    {
        auto database = test_db.Open();
        db::ClientRepository clients(database);
        core::Client client;
        client.notes = std::string(2000, 'x');
        db::Transaction transaction(database);
        for (int i = 0; i < 200; ++i) {
            client.id = 0;
            client.given_name = fmt::format("Client {}", i);
            clients.Add(client);
        }
        transaction.Commit();
    }
    const auto size = std::filesystem::file_size(test_db.Location());
    BOOST_TEST_REQUIRE(size > 200'000u);
    // In a child process, so the limit ends with it. No Boost.Test checks there.
    const pid_t child = fork();
    BOOST_TEST_REQUIRE(child >= 0);
    if (child == 0) {
        int code = 0;
        try {
            auto database = test_db.Open();
            signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails instead of killing
            const rlimit limit{100'000, 100'000};
            setrlimit(RLIMIT_FSIZE, &limit);
            const auto steps = WithExtraSteps(
                {{kNext, "add shoe size", [](soci::session& session, const db::Dialect&) {
                      session << "ALTER TABLE clients ADD COLUMN shoe_size INTEGER";
                  }}});
            db::MigrateTo(database, kNext, steps);
            code = 1;  // the backup should have failed
        } catch (const db::DatabaseError&) {
            code = 0;
        } catch (...) {
            code = 2;
        }
        _exit(code);
    }
    int status = 0;
    waitpid(child, &status, 0);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0, "the upgrade with a failing backup did not fail");
    BOOST_TEST(FilesNamed(test_db, ".before-v").empty());
    auto database = test_db.Open();
    BOOST_TEST(db::SchemaVersion(database) == db::LatestSchemaVersion());
}

BOOST_AUTO_TEST_SUITE_END()
