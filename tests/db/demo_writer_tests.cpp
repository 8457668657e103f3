#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/demo_practice.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <latch>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace myodesk;
using db::DemoPracticeCounts;

namespace {

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

core::DemoOptions Options(int clients, std::uint64_t seed = 5) {
    core::DemoOptions options;
    options.clients = clients;
    options.years = 2;
    options.seed = seed;
    options.today = kToday;
    return options;
}

long long Count(db::Database& database, const std::string& table) {
    long long count = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM " + table,
        soci::into(count);  // test-made name
    return count;
}

// Every row of the tables the demo writes, as text, in a fixed order: what "the same
// database content" means.
std::vector<std::string> Dump(db::Database& database) {
    static const std::map<std::string, std::string> kQueries{
        {"clients",
         "SELECT id, given_name, family_name, preferred_name, COALESCE(date_of_birth, ''), phone, "
         "email, address, archived, created_at, search_name FROM clients ORDER BY id"},
        {"notes",
         "SELECT id, client_id, therapist_id, session_date, start_minute, duration_min, "
         "subjective, plan, created_at, COALESCE(signed_at, '') FROM session_notes ORDER BY id"},
        {"regions",
         "SELECT note_id, position, region, side, pressure, COALESCE(pain_before, -1) FROM "
         "session_note_regions ORDER BY note_id, position"},
        {"intakes",
         "SELECT id, client_id, taken_on, goal_race_name, COALESCE(goal_race_date, ''), created_at "
         "FROM intakes ORDER BY id"},
        {"training",
         "SELECT client_id, run_date, run_type, COALESCE(distance_km, 0) FROM training_entries "
         "ORDER BY client_id, run_date"},
        {"plans",
         "SELECT id, client_id, from_date, to_date, document, created_at FROM plans "
         "ORDER BY id"},
        {"staff", "SELECT id, name, created_at FROM staff ORDER BY id"},
    };
    std::vector<std::string> rows;
    for (const auto& [table, sql] : kQueries) {
        soci::rowset<soci::row> result = db::SociSession(database).prepare << sql;
        for (const soci::row& row : result) {
            std::string text = table;
            for (std::size_t i = 0; i < row.size(); ++i) {
                switch (row.get_properties(i).get_data_type()) {
                    case soci::dt_string:
                        text += "|" + row.get<std::string>(i);
                        break;
                    case soci::dt_double:
                        text += fmt::format("|{:.6f}", row.get<double>(i));
                        break;
                    case soci::dt_integer:
                        text += fmt::format("|{}", row.get<int>(i));
                        break;
                    case soci::dt_long_long:
                        text += fmt::format("|{}", row.get<long long>(i));
                        break;
                    default:
                        text += "|?";
                        break;
                }
            }
            rows.push_back(std::move(text));
        }
    }
    return rows;
}

test::TestDatabase Another(const test::TestDatabase& like) {
    return like.GetBackend() == db::Backend::kSqlite ? test::TestDatabase::Sqlite()
                                                     : test::TestDatabase::Postgresql();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_writer_tests)

MYODESK_DB_TEST(writes_a_demo_practice_the_repositories_read_back) {
    auto database = test_db.Open();
    std::vector<std::int64_t> progress;
    db::DemoWriteOptions write_options;
    write_options.clients_per_transaction = 25;  // three batches
    const DemoPracticeCounts counts = db::WriteDemoPractice(
        database, Options(60),
        [&](const DemoPracticeCounts& so_far) {
            progress.push_back(so_far.clients);
            return true;
        },
        write_options);

    BOOST_TEST(counts.clients == 60);
    BOOST_TEST(counts.therapists == 2);
    BOOST_TEST(Count(database, "clients") == counts.clients);
    BOOST_TEST(Count(database, "staff") == counts.therapists);
    BOOST_TEST(Count(database, "intakes") == counts.intakes);
    BOOST_TEST(Count(database, "training_entries") == counts.training_entries);
    BOOST_TEST(Count(database, "session_notes") == counts.notes);
    BOOST_TEST(Count(database, "plans") == counts.plans);
    BOOST_TEST(counts.intakes >= 60);
    BOOST_TEST(counts.notes > 200);
    BOOST_TEST(counts.plans > 5);
    BOOST_TEST(progress.size() == 60u);
    BOOST_TEST(progress.back() == 60);

    // What the generator made is what the repositories read.
    const auto therapists = db::StaffRepository(database).List();
    BOOST_TEST_REQUIRE(therapists.size() == 2u);
    std::map<std::string, core::StaffId> staff_ids;
    for (const auto& staff : therapists) {
        staff_ids[staff.name] = staff.id;
    }
    core::DemoPracticeGenerator generator(Options(60));
    core::DemoClient generated;
    core::ClientId id = 0;
    db::ClientRepository clients(database);
    db::IntakeRepository intakes(database);
    db::SessionNoteRepository notes(database);
    db::TrainingRepository training(database);
    db::PlanRepository plans(database);
    std::int64_t unsigned_notes = 0;
    while (generator.Next(generated)) {
        ++id;  // written in order into an empty database
        core::Client client = generated.client;
        client.id = id;
        BOOST_TEST_REQUIRE((clients.Get(id) == std::optional<core::Client>(client)),
                           core::DisplayName(client));

        const auto newest = intakes.Newest(id);
        BOOST_TEST_REQUIRE(newest.has_value());
        BOOST_TEST((newest->taken_on == generated.intakes.back().taken_on));
        BOOST_TEST((newest->health.conditions == generated.intakes.back().health.conditions));
        BOOST_TEST((newest->health.medications == generated.intakes.back().health.medications));
        BOOST_TEST(newest->runner.goal_race.name == generated.intakes.back().runner.goal_race.name);
        BOOST_TEST(intakes.History(id).size() == generated.intakes.size());

        const auto calendar = training.List(id);
        BOOST_TEST_REQUIRE(calendar.size() == generated.training.size());
        for (std::size_t i = 0; i < calendar.size(); ++i) {
            BOOST_TEST((calendar[i].date == generated.training[i].date));
            BOOST_TEST((calendar[i].type == generated.training[i].type));
            BOOST_TEST(calendar[i].distance_km.value_or(0) ==
                           generated.training[i].distance_km.value_or(0),
                       boost::test_tools::tolerance(1e-9));
        }

        const auto stored = notes.ListAllForClient(id);
        BOOST_TEST_REQUIRE(stored.size() == generated.notes.size());
        const auto& names = generator.Therapists();
        for (std::size_t i = 0; i < stored.size(); ++i) {
            core::SessionNote note = generated.notes[i];
            note.id = stored[i].id;
            note.client_id = id;
            note.therapist_id =
                staff_ids.at(names.at(static_cast<std::size_t>(note.therapist_id - 1)).name);
            if (note.signed_by) {
                note.signed_by = note.therapist_id;
            }
            // The recent notes' bookings are linked (the_demo_practice_has_an_appointment_book).
            note.appointment_id = stored[i].appointment_id;
            unsigned_notes += core::IsSigned(note) ? 0 : 1;
            BOOST_TEST_REQUIRE((stored[i] == note), "note " << i << " of client " << id);
        }
        BOOST_TEST(plans.Current(id).has_value() == generated.race_ahead);
    }
    BOOST_TEST(id == 60);
    BOOST_TEST(notes.CountUnsigned() == unsigned_notes);
    // Search as you type finds demo clients by their folded names.
    const auto first = clients.Get(1);
    BOOST_TEST_REQUIRE(first.has_value());
    BOOST_TEST(clients.CountMatching({first->family_name, db::ArchiveFilter::kAll}) >= 1);
    BOOST_TEST(db::ClinicSettingsRepository(database).LoadClinicDetails().name ==
               "Run Well Clinic (demo practice)");
}

MYODESK_DB_TEST(the_same_options_write_the_same_rows) {
    auto database = test_db.Open();
    db::WriteDemoPractice(database, Options(40, 9));
    const auto other_db = Another(test_db);
    auto other = other_db.Open();
    db::WriteDemoPractice(other, Options(40, 9));
    const auto rows = Dump(database);
    BOOST_TEST(rows.size() > 500u);
    BOOST_TEST((rows == Dump(other)));

    const auto third_db = Another(test_db);
    auto third = third_db.Open();
    db::WriteDemoPractice(third, Options(40, 10));
    BOOST_TEST(!(rows == Dump(third)));
}

MYODESK_DB_TEST(refuses_a_database_that_has_clients) {
    auto database = test_db.Open();
    core::Client client;
    client.given_name = "Zoë";
    client.family_name = "Real";
    db::ClientRepository(database).Add(client);
    BOOST_CHECK_THROW(db::WriteDemoPractice(database, Options(10)), db::DatabaseNotEmptyError);
    BOOST_TEST(Count(database, "clients") == 1);
    BOOST_TEST(Count(database, "staff") == 0);
    BOOST_TEST(db::ClinicSettingsRepository(database).LoadClinicDetails().name.empty());
}

MYODESK_DB_TEST(keeps_the_clinic_name_and_staff_already_there) {
    auto database = test_db.Open();
    db::ClinicSettingsRepository(database).Set("clinic.name", "Máire's Clinic");
    core::Staff staff;
    staff.name = "Máire Ní Dhomhnaill";
    db::StaffRepository(database).Add(staff);
    const auto counts = db::WriteDemoPractice(database, Options(10));
    BOOST_TEST(Count(database, "staff") == counts.therapists + 1);
    BOOST_TEST(db::ClinicSettingsRepository(database).LoadClinicDetails().name == "Máire's Clinic");
}

MYODESK_DB_TEST(stops_when_the_progress_says_so) {
    auto database = test_db.Open();
    db::DemoWriteOptions write_options;
    write_options.clients_per_transaction = 10;
    BOOST_CHECK_THROW(
        db::WriteDemoPractice(
            database, Options(40),
            [](const DemoPracticeCounts& so_far) { return so_far.clients < 15; }, write_options),
        db::DemoCancelledError);
    // The first batch was committed; the one being written when it stopped was not.
    BOOST_TEST(Count(database, "clients") == 10);
}

// Two demo runs started at the same moment (two desks, or a desk and a script) leave one
// practice: the second waits for the first's first batch, then finds clients and is refused.
MYODESK_DB_TEST(two_demo_runs_at_once_leave_one_practice) {
    test_db.Open();  // the schema, made before the race
    std::latch start(2);
    std::vector<DemoPracticeCounts> written(2);
    std::vector<std::string> refusals(2);
    {
        std::vector<std::jthread> runs;
        for (std::size_t run = 0; run < 2; ++run) {
            runs.emplace_back([&, run] {
                auto database = test_db.Open();
                start.arrive_and_wait();
                try {
                    written[run] = db::WriteDemoPractice(database, Options(60, 5 + run));
                } catch (const db::DatabaseError& error) {
                    refusals[run] = error.what();
                }
            });
        }
    }
    const std::size_t winner = refusals[0].empty() ? 0 : 1;
    BOOST_TEST(refusals[winner].empty(), refusals[winner]);
    BOOST_TEST(!refusals[1 - winner].empty(), "both demo runs wrote a practice");
    BOOST_TEST_MESSAGE("the second run: " << refusals[1 - winner]);
    auto database = test_db.Open();
    BOOST_TEST(Count(database, "clients") == written[winner].clients);
    BOOST_TEST(Count(database, "staff") == written[winner].therapists);
    BOOST_TEST(Count(database, "session_notes") == written[winner].notes);
}

// The demo's appointment book: hours, rooms and services set up, the recent notes' bookings
// completed and linked, a few missed visits, bookings ahead from the plans, a weekly series or
// two, none clashing.
MYODESK_DB_TEST(the_demo_practice_has_an_appointment_book) {
    auto database = test_db.Open();
    const DemoPracticeCounts counts = db::WriteDemoPractice(database, Options(150));
    BOOST_TEST(Count(database, "appointments") == counts.appointments);
    BOOST_TEST(Count(database, "rooms") == 3);
    BOOST_TEST(Count(database, "services") == 4);
    BOOST_TEST(Count(database, "clinic_hours") == 7);
    BOOST_TEST(Count(database, "staff_hours") == counts.therapists);  // each one's day off

    const auto by_status = [&](const char* status) {
        long long count = 0;
        const std::string wanted = status;
        db::SociSession(database) << "SELECT COUNT(*) FROM appointments WHERE status = :status",
            soci::use(wanted, "status"), soci::into(count);
        return count;
    };
    BOOST_TEST(by_status("completed") > 20);
    BOOST_TEST(by_status("no_show") + by_status("late_cancelled") > 0);
    BOOST_TEST(by_status("booked") > 0);
    long long linked = 0;
    db::SociSession(database)
        << "SELECT COUNT(*) FROM session_notes n JOIN appointments a ON a.id = n.appointment_id "
           "WHERE a.client_id = n.client_id AND a.session_date = n.session_date AND "
           "a.status = 'completed'",
        soci::into(linked);
    BOOST_TEST(linked == by_status("completed"));
    // A weekly series or two, each stored as its rule and its first appointment.
    const long long series = Count(database, "appointment_series");
    BOOST_TEST(series >= 1);
    BOOST_TEST(series <= 2);
    // Booked ahead from the plans: each points at its plan session.
    long long from_plans = 0;
    db::SociSession(database)
        << "SELECT COUNT(*) FROM appointments a JOIN plan_sessions p ON p.appointment_id = a.id "
           "WHERE a.status = 'booked'",
        soci::into(from_plans);
    BOOST_TEST(from_plans + series == by_status("booked"));
    // Nobody is in two places at once.
    long long overlaps = 0;
    db::SociSession(database)
        << "SELECT COUNT(*) FROM appointments a JOIN appointments b ON a.id < b.id AND "
           "a.session_date = b.session_date AND (a.therapist_id = b.therapist_id OR "
           "a.client_id = b.client_id OR a.room_id = b.room_id) AND a.start_minute < "
           "b.start_minute + b.duration_min AND b.start_minute < a.start_minute + a.duration_min "
           "WHERE a.status NOT IN ('cancelled', 'late_cancelled') AND b.status NOT IN "
           "('cancelled', 'late_cancelled')",
        soci::into(overlaps);
    BOOST_TEST(overlaps == 0);
    // The plans keep to the hours: no session planned on a Sunday, when the clinic is closed.
    std::string day;
    soci::statement planned =
        (db::SociSession(database).prepare << "SELECT session_date FROM plan_sessions WHERE "
                                              "status = 'planned'",
         soci::into(day));
    planned.execute(false);
    int sessions = 0, sundays = 0;
    while (planned.fetch()) {
        ++sessions;
        sundays += core::IsoWeekdayIndex(*core::ParseIsoDate(day)) == 6 ? 1 : 0;
    }
    BOOST_TEST(sessions > 0);
    BOOST_TEST(sundays == 0);
}

BOOST_AUTO_TEST_SUITE_END()
