// Every public db function reports what the database could not do as db's own error types
// (myodesk/db/errors.h), never as the driver's (SOCI's): the front ends catch db::DatabaseError
// and need no SOCI. Each entry point is called on a database whose tables have been dropped
// under it, so its first statement fails in the driver.

#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/demo_practice.h>
#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <chrono>
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using namespace myodesk;

namespace {

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

db::TimePoint FixedNow() {
    return std::chrono::sys_days{kToday} + std::chrono::hours{12};
}

// Children before parents, so foreign keys never stop a drop.
const std::vector<std::string> kTables = {"session_note_amendments",
                                          "session_note_techniques",
                                          "session_note_regions",
                                          "plan_sessions",
                                          "session_notes",
                                          "appointments",
                                          "appointment_series",
                                          "rooms",
                                          "services",
                                          "plans",
                                          "staff_hours",
                                          "days_off",
                                          "clinic_hours",
                                          "training_entries",
                                          "intake_conditions",
                                          "intake_medications",
                                          "intake_health_events",
                                          "intake_recent_runs",
                                          "intake_soreness",
                                          "intake_avoid_regions",
                                          "intakes",
                                          "staff",
                                          "clinic_settings",
                                          "clients"};

void DropEveryTable(db::Database& database) {
    for (const std::string& table : kTables) {
        db::SociSession(database) << "DROP TABLE " + table;  // test-made names
    }
}

// Records taken from a demo practice before its tables go: every one valid, so each call
// below gets past validation to the database.
struct Records {
    core::Client client;
    core::Staff therapist;
    core::Intake intake;
    core::SessionNote note;
    core::Plan plan;
};

Records WriteRecords(db::Database& database) {
    core::DemoOptions options;
    options.clients = 30;
    options.years = 1;
    options.seed = 5;
    options.today = kToday;
    db::WriteDemoPractice(database, options);
    long long planned_client = 0;
    db::SociSession(database) << "SELECT COALESCE(MIN(client_id), 0) FROM plans",
        soci::into(planned_client);
    BOOST_TEST_REQUIRE(planned_client > 0);

    Records records;
    records.client = *db::ClientRepository(database).Get(planned_client);
    records.therapist = db::StaffRepository(database).List().front();
    records.intake = *db::IntakeRepository(database).Newest(planned_client);
    records.note = *db::SessionNoteRepository(database).Latest(planned_client);
    records.plan = *db::PlanRepository(database).Current(planned_client);
    return records;
}

using Calls = std::vector<std::pair<std::string, std::function<void()>>>;

// Every public entry point of db, each called with valid arguments.
struct EntryPoints {
    explicit EntryPoints(db::Database& database_, Records records_)
        : database(database_), records(std::move(records_)) {
        appointment.client_id = client;
        appointment.therapist_id = therapist;
        appointment.date = core::AddDays(kToday, 7);
        amendment.amended_by = therapist;
        amendment.reason = "Typo";
        amendment.text = "Corrected";
        new_note.id = 0;
    }

    Calls ClientAndStaffCalls() {
        return {
            {"ClientRepository::Add",
             [&] {
                 auto c = records.client;
                 clients.Add(c);
             }},
            {"ClientRepository::Update",
             [&] {
                 auto c = records.client;
                 clients.Update(c);
             }},
            {"ClientRepository::Archive", [&] { clients.Archive(client); }},
            {"ClientRepository::Restore", [&] { clients.Restore(client); }},
            {"ClientRepository::Get", [&] { clients.Get(client); }},
            {"ClientRepository::Count", [&] { clients.Count(); }},
            {"ClientRepository::CountMatching", [&] { clients.CountMatching(typed); }},
            {"ClientRepository::SearchPage", [&] { clients.SearchPage(typed, std::nullopt, 20); }},
            {"ClientRepository::Search (list)", [&] { clients.Search(everyone, 0, 20); }},
            {"ClientRepository::Search (typed)", [&] { clients.Search(typed, 0, 20); }},
            {"ClientRepository::PositionOf (list)", [&] { clients.PositionOf(everyone, client); }},
            {"ClientRepository::PositionOf (typed)", [&] { clients.PositionOf(typed, client); }},
            {"StaffRepository::Add",
             [&] {
                 auto s = records.therapist;
                 staff.Add(s);
             }},
            {"StaffRepository::Update", [&] { staff.Update(records.therapist); }},
            {"StaffRepository::Get", [&] { staff.Get(therapist); }},
            {"StaffRepository::List", [&] { staff.List(true); }},
        };
    }

    Calls IntakeAndTrainingCalls() {
        return {
            {"IntakeRepository::Add",
             [&] {
                 auto i = records.intake;
                 intakes.Add(i);
             }},
            {"IntakeRepository::Get", [&] { intakes.Get(records.intake.id); }},
            {"IntakeRepository::Newest", [&] { intakes.Newest(client); }},
            {"IntakeRepository::NewestUnits", [&] { intakes.NewestUnits(client); }},
            {"IntakeRepository::History", [&] { intakes.History(client); }},
            {"TrainingRepository::Import", [&] { training.Import(client, {run}); }},
            {"TrainingRepository::Put", [&] { training.Put(client, run); }},
            {"TrainingRepository::Remove", [&] { training.Remove(client, kToday); }},
            {"TrainingRepository::List", [&] { training.List(client); }},
        };
    }

    Calls NoteCalls() {
        return {
            {"SessionNoteRepository::Add",
             [&] {
                 auto n = new_note;
                 notes.Add(n);
             }},
            {"SessionNoteRepository::Update",
             [&] {
                 auto n = records.note;
                 notes.Update(n);
             }},
            {"SessionNoteRepository::Get", [&] { notes.Get(records.note.id); }},
            {"SessionNoteRepository::Latest", [&] { notes.Latest(client); }},
            {"SessionNoteRepository::CountForClient", [&] { notes.CountForClient(client); }},
            {"SessionNoteRepository::ListForClient", [&] { notes.ListForClient(client, 0, 20); }},
            {"SessionNoteRepository::CountUnsigned", [&] { notes.CountUnsigned(); }},
            {"SessionNoteRepository::ListUnsigned", [&] { notes.ListUnsigned(0, 20); }},
            {"SessionNoteRepository::ForEachBetween",
             [&] { notes.ForEachBetween(from, kToday, 10, [](const auto&) { return true; }); }},
            {"SessionNoteRepository::CountBetween", [&] { notes.CountBetween(from, kToday); }},
            {"SessionNoteRepository::ListForClientBetween",
             [&] { notes.ListForClientBetween(client, from, kToday); }},
            {"SessionNoteRepository::ListAllForClient", [&] { notes.ListAllForClient(client); }},
            {"SessionNoteRepository::FirstSessionsBetween",
             [&] { notes.FirstSessionsBetween(from, kToday, std::nullopt); }},
            {"SessionNoteRepository::LastSessionsBetween",
             [&] { notes.LastSessionsBetween(from, kToday, therapist); }},
            {"SessionNoteRepository::Sign", [&] { notes.Sign(records.note.id, therapist); }},
            {"SessionNoteRepository::Amend", [&] { notes.Amend(records.note.id, amendment); }},
        };
    }

    Calls SettingsPlanAndOtherCalls() {
        return {
            {"ClinicSettingsRepository::LoadScreening", [&] { settings.LoadScreening(); }},
            {"ClinicSettingsRepository::SaveScreening",
             [&] { settings.SaveScreening(core::ScreeningSettings{}); }},
            {"ClinicSettingsRepository::LoadPlan", [&] { settings.LoadPlan(); }},
            {"ClinicSettingsRepository::SavePlan",
             [&] { settings.SavePlan(core::PlanSettings{}); }},
            {"ClinicSettingsRepository::LoadClinicDetails", [&] { settings.LoadClinicDetails(); }},
            {"ClinicSettingsRepository::SaveClinicDetails",
             [&] { settings.SaveClinicDetails(core::ClinicDetails{}); }},
            {"ClinicSettingsRepository::List", [&] { settings.List(); }},
            {"ClinicSettingsRepository::Set (text)", [&] { settings.Set("clinic.name", "Run"); }},
            {"ClinicSettingsRepository::Set (number)",
             [&] { settings.Set("plan.taper_weeks", "2"); }},
            {"PlanRepository::Save",
             [&] {
                 auto p = records.plan;
                 plans.Save(p);
             }},
            {"PlanRepository::Get", [&] { plans.Get(records.plan.id); }},
            {"PlanRepository::Current", [&] { plans.Current(client); }},
            {"PlanRepository::History", [&] { plans.History(client); }},
            {"PlanRepository::Accept",
             [&] {
                 auto a = appointment;
                 plans.Accept(records.plan.id, 0, a, kToday);
             }},
            {"PlanRepository::ReplaceSession",
             [&] { plans.ReplaceSession(records.plan.id, 0, records.plan.sessions.front()); }},
            {"PlanRepository::Skip", [&] { plans.Skip(records.plan.id, 0); }},
            {"PlanRepository::Appointments", [&] { plans.Appointments(client, kToday); }},
            {"PlanRepository::Upcoming",
             [&] { plans.Upcoming(kToday, core::AddDays(kToday, 90)); }},
            {"AppointmentRepository::Book",
             [&] {
                 auto a = appointment;
                 appointments.Book(a, kToday);
             }},
            {"AppointmentRepository::ForClient", [&] { appointments.ForClient(client, kToday); }},
            {"AppointmentRepository::FollowPlanSession",
             [&] { appointments.FollowPlanSession(1, records.plan.id, 0); }},
            {"WriteDemoPractice",
             [&] {
                 db::WriteDemoPractice(database, core::DemoOptions{1, 1, 1, kToday});
             }},

        };
    }

    db::Database& database;
    Records records;
    core::ClientId client = records.client.id;
    core::StaffId therapist = records.therapist.id;
    core::Date from = core::AddDays(kToday, -365);
    db::ClientRepository clients{database, FixedNow};
    db::StaffRepository staff{database, FixedNow};
    db::IntakeRepository intakes{database, FixedNow};
    db::SessionNoteRepository notes{database, FixedNow};
    db::TrainingRepository training{database};
    db::ClinicSettingsRepository settings{database};
    db::PlanRepository plans{database, FixedNow};
    db::AppointmentRepository appointments{database, FixedNow};
    core::Appointment appointment;
    core::TrainingEntry run{kToday, core::RunType::kEasy, 8.0};
    core::Amendment amendment;
    core::SessionNote new_note = records.note;
    db::ClientQuery everyone{"", db::ArchiveFilter::kAll};
    db::ClientQuery typed{"an", db::ArchiveFilter::kActive};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(error_translation_tests)

MYODESK_DB_TEST(driver_errors_reach_callers_as_database_errors) {
    auto database = test_db.Open();
    Records records = WriteRecords(database);
    DropEveryTable(database);
    EntryPoints entry_points(database, std::move(records));
    for (const Calls& calls :
         {entry_points.ClientAndStaffCalls(), entry_points.IntakeAndTrainingCalls(),
          entry_points.NoteCalls(), entry_points.SettingsPlanAndOtherCalls()}) {
        for (const auto& [name, call] : calls) {
            BOOST_TEST_CONTEXT(name) {
                try {
                    call();
                    BOOST_ERROR("no error, though the tables are gone");
                } catch (const db::DatabaseError& error) {
                    BOOST_TEST_MESSAGE(name << ": " << error.what());
                } catch (const soci::soci_error& error) {
                    BOOST_ERROR("the driver's error escaped: " << error.what());
                } catch (const std::exception& error) {
                    BOOST_ERROR("not a db::DatabaseError: " << error.what());
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
