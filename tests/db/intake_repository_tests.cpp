#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/screening.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

using namespace myodesk;
using core::ConditionCode;
using core::Intake;
using core::MedicationClass;
using core::Region;
using core::Side;
using db::IntakeRepository;

namespace {

core::Date D(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

// 2026-11-20 09:00 UTC, advanced by `minutes`.
db::TimePoint At(int minutes) {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{9} +
           std::chrono::minutes{minutes};
}

db::TimePoint FixedNow() {
    return At(0);
}

core::ClientId AddClient(db::Database& database, std::string given = "Zoë") {
    db::ClientRepository clients(database, FixedNow);
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Ångström";
    return clients.Add(client);
}

// Every field set, every list with more than one item, text with quotes and Unicode.
Intake FullIntake(core::ClientId client) {
    Intake intake;
    intake.client_id = client;
    intake.taken_on = D("2026-11-16");
    auto& health = intake.health;
    health.conditions = {
        {ConditionCode::kVaricoseVeins, Region::kCalves, Side::kLeft, D("2019-06-01")},
        {ConditionCode::kMigraine, std::nullopt, std::nullopt, std::nullopt},
        {ConditionCode::kControlledHypertension, std::nullopt, std::nullopt, D("2021-03-15")},
    };
    health.medications = {
        {"Ibuprofen 400 mg «as needed»", MedicationClass::kNsaid},
        {"Robert'); DROP TABLE intakes;--", MedicationClass::kOther},
        {"Warfarin \"5 mg\"", MedicationClass::kAnticoagulant},
    };
    health.surgeries = {
        {D("2018-02-20"), Region::kHips, Side::kRight, "arthroscopy", "Dr. O'Neill, Galway"},
        {D("2010-07-01"), std::nullopt, std::nullopt, "appendectomy", ""},
    };
    health.injuries = {
        {D("2026-11-12"), Region::kAnkles, Side::kLeft, "acute", "Rolled it on a trail — sprain"},
        {D("2024-05-01"), Region::kAchilles, Side::kBilateral, "overuse", "Tendinopathy\nrehab"},
        {D("2025-01-10"), std::nullopt, std::nullopt, "fracture", "Toe (unsure which)"},
    };
    health.pregnant = true;
    health.pregnancy_weeks = 20;
    health.allergies = "Arnica; nut oils (almond, 日本語 label)";
    auto& runner = intake.runner;
    runner.goal_race = {"Marathon de Paris – \"Schneider\"", D("2027-04-11"), 42.195};
    runner.goal = core::RaceGoal::kPersonalBest;
    runner.units = core::DistanceUnit::kMi;
    runner.runs_per_week = 5;
    runner.long_run_weekday = core::Weekday::kSunday;
    runner.weekly_distance_km = 0.1 + 0.2;  // 0.30000000000000004: every bit must come back
    runner.longest_run_30d_km = core::MilesToKm(20);
    runner.recent_runs = {
        {D("2026-11-15"), 30.5, core::RunType::kLong},
        {D("2026-11-13"), 8, core::RunType::kTempo},
        {D("2026-11-14"), 0, core::RunType::kRest},
    };
    intake.soreness = {
        {Region::kHamstrings, Side::kLeft, 6},
        {Region::kCalves, Side::kBilateral, 3},
        {Region::kLowerBack, Side::kMidline, 0},
    };
    intake.avoid_regions = {{Region::kNeck, Side::kMidline}, {Region::kAnkles, Side::kLeft}};
    intake.preferences = {core::Pressure::kFirm, "No oil, please; \"firm\" on calves.\nThanks!"};
    intake.consent = {true, "Zoë Ångström-O'Brien", D("2026-11-16")};
    return intake;
}

// Only what an intake needs: the date and the consent. Every optional field stays empty.
Intake MinimalIntake(core::ClientId client, std::string_view taken_on = "2026-11-16") {
    Intake intake;
    intake.client_id = client;
    intake.taken_on = D(taken_on);
    intake.consent = {true, "Zoë", D(taken_on)};
    return intake;
}

constexpr std::array<std::string_view, 7> kIntakeTables{"intakes",
                                                        "intake_conditions",
                                                        "intake_medications",
                                                        "intake_health_events",
                                                        "intake_recent_runs",
                                                        "intake_soreness",
                                                        "intake_avoid_regions"};

// Rows in each intake table (the names are constants, not user input).
std::map<std::string_view, int> RowCounts(db::Database& database) {
    std::map<std::string_view, int> counts;
    for (const auto table : kIntakeTables) {
        int count = -1;
        db::SociSession(database) << fmt::format("SELECT COUNT(*) FROM {}", table),
            soci::into(count);
        counts[table] = count;
    }
    return counts;
}

// The rows the intakes take in each table.
std::map<std::string_view, int> RowsOf(const std::vector<Intake>& stored) {
    std::map<std::string_view, int> counts;
    for (const auto table : kIntakeTables) {
        counts[table] = 0;
    }
    const auto add = [&](std::string_view table, std::size_t n) {
        counts[table] += static_cast<int>(n);
    };
    for (const auto& intake : stored) {
        add("intakes", 1);
        add("intake_conditions", intake.health.conditions.size());
        add("intake_medications", intake.health.medications.size());
        add("intake_health_events", intake.health.surgeries.size() + intake.health.injuries.size());
        add("intake_recent_runs", intake.runner.recent_runs.size());
        add("intake_soreness", intake.soreness.size());
        add("intake_avoid_regions", intake.avoid_regions.size());
    }
    return counts;
}

void CheckNoIntakeRows(db::Database& database) {
    for (const auto& [table, count] : RowCounts(database)) {
        BOOST_TEST(count == 0, table);
    }
}

bool HasProblem(const db::ValidationError& error, std::string_view field, core::ProblemCode code) {
    const auto& problems = error.Problems();
    return std::any_of(problems.begin(), problems.end(), [&](const core::ValidationProblem& p) {
        return p.field == field && p.code == code;
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_repository_tests)

MYODESK_DB_TEST(round_trips_every_field) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    Intake full = FullIntake(AddClient(database));
    const auto id = intakes.Add(full);
    BOOST_TEST(id > 0);
    BOOST_TEST(full.id == id);
    BOOST_TEST(full.created_at == "2026-11-20T09:00:00Z");

    const auto stored = intakes.Get(id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == full));
    // The parts compared one by one too, so a failure says which part differs.
    BOOST_TEST((stored->health == full.health));
    BOOST_TEST((stored->runner == full.runner));
    BOOST_TEST((stored->soreness == full.soreness));
    BOOST_TEST((stored->avoid_regions == full.avoid_regions));
    BOOST_TEST((stored->preferences == full.preferences));
    BOOST_TEST((stored->consent == full.consent));
    BOOST_TEST(*stored->runner.weekly_distance_km == 0.1 + 0.2);
    BOOST_TEST((RowCounts(database) == RowsOf({full})));
    BOOST_TEST(!intakes.Get(id + 1000).has_value());
}

MYODESK_DB_TEST(round_trips_an_intake_with_every_optional_field_empty) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    Intake minimal = MinimalIntake(AddClient(database));
    intakes.Add(minimal);
    const auto stored = intakes.Get(minimal.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == minimal));
    BOOST_TEST(!stored->runner.goal_race.distance_km.has_value());
    BOOST_TEST(!stored->preferences.pressure.has_value());
    BOOST_TEST(!stored->health.pregnancy_weeks.has_value());
}

// Every code of every enumeration can be stored and read back: the CHECK lists frozen in
// the migration must keep up with core's codes (a new code needs a new migration step).
MYODESK_DB_TEST(stores_every_code) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    const auto client = AddClient(database);
    const auto& weekdays = core::AllValues<core::Weekday>();
    for (std::size_t i = 0; i < weekdays.size(); ++i) {
        Intake intake = MinimalIntake(client);
        intake.runner.long_run_weekday = weekdays[i];
        const auto& pressures = core::AllValues<core::Pressure>();
        intake.preferences.pressure = pressures[i % pressures.size()];
        const auto& goals = core::AllValues<core::RaceGoal>();
        intake.runner.goal = goals[i % goals.size()];
        const auto& units = core::AllValues<core::DistanceUnit>();
        intake.runner.units = units[i % units.size()];
        if (i == 0) {
            const auto& sides = core::AllValues<Side>();
            std::size_t n = 0;
            for (const auto code : core::AllValues<ConditionCode>()) {
                intake.health.conditions.push_back(
                    {code, Region::kGlutes, sides[n++ % sides.size()], std::nullopt});
            }
            for (const auto region : core::AllValues<Region>()) {
                intake.soreness.push_back({region, sides[n % sides.size()], int(n % 11)});
                intake.avoid_regions.push_back({region, sides[n++ % sides.size()]});
            }
            for (const auto kind : core::AllValues<core::MedicationClass>()) {
                intake.health.medications.push_back({"x", kind});
            }
            for (const auto kind : core::AllValues<core::InjuryKind>()) {
                intake.health.injuries.push_back(
                    {D("2026-01-01"), std::nullopt, std::nullopt, std::string(ToCode(kind)), ""});
            }
            for (const auto type : core::AllValues<core::RunType>()) {
                intake.runner.recent_runs.push_back({D("2026-11-01"), 5, type});
            }
        }
        intakes.Add(intake);
        const auto stored = intakes.Get(intake.id);
        BOOST_REQUIRE(stored);
        BOOST_TEST((*stored == intake), "intake " << i);
    }
}

MYODESK_DB_TEST(keeps_every_version) {
    auto database = test_db.Open();
    int minute = 0;
    IntakeRepository intakes(database, [&] { return At(minute++); });
    const auto client = AddClient(database);
    const auto other_client = AddClient(database, "Other");
    BOOST_TEST(!intakes.Newest(client).has_value());
    BOOST_TEST(!intakes.NewestUnits(client).has_value());
    BOOST_TEST(intakes.History(client).empty());

    Intake first = FullIntake(client);
    first.taken_on = D("2025-11-10");
    intakes.Add(first);
    Intake second = MinimalIntake(client, "2026-11-16");
    second.soreness = {{Region::kCalves, Side::kRight, 2}};
    intakes.Add(second);
    // Entered later, but taken on an earlier date: not the newest.
    Intake third = MinimalIntake(client, "2026-06-01");
    intakes.Add(third);
    Intake other = MinimalIntake(other_client, "2026-11-19");
    intakes.Add(other);

    const auto history = intakes.History(client);
    BOOST_REQUIRE(history.size() == 3u);
    BOOST_TEST((history[0] == db::IntakeVersion{second.id, D("2026-11-16"), second.created_at}));
    BOOST_TEST((history[1] == db::IntakeVersion{third.id, D("2026-06-01"), third.created_at}));
    BOOST_TEST((history[2] == db::IntakeVersion{first.id, D("2025-11-10"), first.created_at}));
    BOOST_TEST(first.created_at == "2026-11-20T09:00:00Z");
    BOOST_TEST(third.created_at == "2026-11-20T09:02:00Z");

    auto newest = intakes.Newest(client);
    BOOST_REQUIRE(newest);
    BOOST_TEST((*newest == second));

    // Two intakes taken on the same day: the one saved last is the newest.
    Intake same_day = MinimalIntake(client, "2026-11-16");
    same_day.preferences.notes = "second form that day";
    intakes.Add(same_day);
    newest = intakes.Newest(client);
    BOOST_REQUIRE(newest);
    BOOST_TEST(newest->id == same_day.id);
    // The newest's units alone, as the Plan tab reads them.
    Intake in_miles = MinimalIntake(client, "2026-11-17");
    in_miles.runner.units = core::DistanceUnit::kMi;
    intakes.Add(in_miles);
    BOOST_TEST((intakes.NewestUnits(client) == core::DistanceUnit::kMi));
    BOOST_TEST((intakes.NewestUnits(other_client) == other.runner.units));
    newest = intakes.Newest(client);
    BOOST_REQUIRE(newest);
    BOOST_TEST(newest->id == in_miles.id);
    BOOST_TEST(intakes.History(client).front().id == in_miles.id);

    // The old versions are unchanged by the newer ones.
    const auto old = intakes.Get(first.id);
    BOOST_REQUIRE(old);
    BOOST_TEST((*old == first));
    BOOST_TEST(intakes.History(other_client).size() == 1u);
}

MYODESK_DB_TEST(refuses_an_invalid_intake_and_writes_nothing) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    Intake intake = FullIntake(AddClient(database));
    intake.soreness[1].pain = 11;
    intake.consent.accepted = false;
    intake.runner.recent_runs[0].date = D("2026-11-21");  // tomorrow
    try {
        intakes.Add(intake);
        BOOST_FAIL("an invalid intake must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_TEST(HasProblem(error, "soreness[1].pain", core::ProblemCode::kOutOfRange));
        BOOST_TEST(HasProblem(error, "consent.accepted", core::ProblemCode::kNotAccepted));
        BOOST_TEST(HasProblem(error, "runner.recent_runs[0].date", core::ProblemCode::kInFuture));
    }
    BOOST_TEST(intake.id == 0);
    CheckNoIntakeRows(database);
}

MYODESK_DB_TEST(refuses_an_unknown_client_and_writes_nothing) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    Intake intake = FullIntake(AddClient(database) + 1000);
    BOOST_CHECK_THROW(intakes.Add(intake), db::NotFoundError);
    BOOST_TEST(intake.id == 0);
    CheckNoIntakeRows(database);
}

// The last child row violates a CHECK constraint (a side no enumerator has, which validation
// cannot see): everything written before it in the same Add is rolled back.
MYODESK_DB_TEST(a_failure_in_the_last_child_row_leaves_nothing) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    Intake intake = FullIntake(AddClient(database));
    intake.avoid_regions.push_back({Region::kFeet, static_cast<Side>(99)});
    try {
        intakes.Add(intake);
        BOOST_FAIL("the CHECK constraint must refuse the row");
    } catch (const db::DatabaseError& error) {
        std::string message = error.what();
        std::transform(message.begin(), message.end(), message.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        BOOST_TEST(message.find("check constraint") != std::string::npos, message);
    }
    BOOST_TEST(intake.id == 0);
    CheckNoIntakeRows(database);
    // The connection is still usable afterwards.
    Intake valid = FullIntake(intake.client_id);
    intakes.Add(valid);
    BOOST_TEST((RowCounts(database) == RowsOf({valid})));
}

// Add joins a caller's transaction: when the caller's later step fails, the intake goes too.
MYODESK_DB_TEST(add_inside_a_failed_outer_transaction_leaves_nothing) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    const auto client = AddClient(database);
    try {
        db::Transaction outer(database);
        Intake intake = FullIntake(client);
        intakes.Add(intake);
        BOOST_TEST(intakes.Get(intake.id).has_value());  // visible inside the transaction
        throw std::runtime_error("a later step of the same change failed");
    } catch (const std::runtime_error&) {
    }
    CheckNoIntakeRows(database);
    BOOST_TEST(intakes.History(client).empty());

    {
        db::Transaction outer(database);
        Intake intake = FullIntake(client);
        intakes.Add(intake);
        outer.Commit();
    }
    BOOST_TEST(intakes.History(client).size() == 1u);
}

MYODESK_DB_TEST(reads_the_newest_intakes_of_many_clients) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    // The first client: a full intake, and an older one saved after it (taken_on wins).
    const core::ClientId full_client = AddClient(database, "Full");
    Intake full = FullIntake(full_client);
    intakes.Add(full);
    Intake older = MinimalIntake(full_client, "2026-10-01");
    intakes.Add(older);
    // Two intakes taken the same day: the one saved last (the higher id) wins.
    const core::ClientId same_day = AddClient(database, "SameDay");
    Intake first = MinimalIntake(same_day, "2026-11-10");
    intakes.Add(first);
    Intake second = FullIntake(same_day);
    second.taken_on = D("2026-11-10");
    second.consent.signed_on = second.taken_on;
    intakes.Add(second);
    BOOST_TEST_REQUIRE(second.id > first.id);
    // Many more clients (more than two statements' worth of ids), every fifth without one.
    std::vector<core::ClientId> clients{full_client, same_day};
    for (int i = 0; i < 230; ++i) {
        const core::ClientId client = AddClient(database, fmt::format("Client{}", i));
        clients.push_back(client);
        if (i % 5 != 0) {
            Intake minimal = MinimalIntake(client);
            intakes.Add(minimal);
        }
    }
    std::vector<core::ClientId> asked = clients;
    asked.push_back(clients.back() + 1000);  // an unknown client has no intake
    asked.push_back(full_client);            // asked twice, answered once
    const auto newest = intakes.NewestOf(asked);

    std::size_t with_intake = 0;
    for (const core::ClientId client : clients) {
        const auto one = intakes.Newest(client);
        BOOST_TEST(newest.count(client) == (one ? 1u : 0u), client);
        if (one && newest.count(client) == 1) {
            ++with_intake;
            BOOST_TEST((newest.at(client) == *one), client);
        }
    }
    BOOST_TEST(newest.size() == with_intake);
    BOOST_TEST(with_intake == 2u + 230u - 46u);
    // Every list filled comes back as Get reads it.
    BOOST_REQUIRE(newest.count(full_client) == 1u);
    BOOST_TEST(newest.at(full_client).id == full.id);
    BOOST_TEST((newest.at(full_client) == *intakes.Get(full.id)));
    BOOST_TEST((newest.at(full_client) == full));
    BOOST_REQUIRE(newest.count(same_day) == 1u);
    BOOST_TEST((newest.at(same_day) == *intakes.Get(second.id)));
    BOOST_TEST(intakes.NewestOf({}).empty());
}

MYODESK_DB_TEST(reads_the_health_answers_of_many_clients_newest_intakes) {
    auto database = test_db.Open();
    IntakeRepository intakes(database, FixedNow);
    // A full intake with an older one saved after it, and two taken the same day (as above);
    // then more clients than a statement's ids: full intakes, minimal ones and none.
    const core::ClientId full_client = AddClient(database, "Full");
    Intake full = FullIntake(full_client);
    intakes.Add(full);
    Intake older = MinimalIntake(full_client, "2026-10-01");
    intakes.Add(older);
    const core::ClientId same_day = AddClient(database, "SameDay");
    Intake first = FullIntake(same_day);
    first.taken_on = D("2026-11-10");
    first.consent.signed_on = first.taken_on;
    intakes.Add(first);
    Intake second = MinimalIntake(same_day, "2026-11-10");
    second.health.pregnant = true;  // unknown week
    intakes.Add(second);
    std::vector<core::ClientId> clients{full_client, same_day};
    for (int i = 0; i < 150; ++i) {
        const core::ClientId client = AddClient(database, fmt::format("Client{}", i));
        clients.push_back(client);
        if (i % 3 == 0) {
            Intake intake = FullIntake(client);
            intakes.Add(intake);
        } else if (i % 3 == 1) {
            Intake intake = MinimalIntake(client);
            intakes.Add(intake);
        }
    }
    std::vector<core::ClientId> asked = clients;
    asked.push_back(clients.back() + 1000);  // an unknown client has no intake
    asked.push_back(same_day);               // asked twice, answered once
    const auto whole = intakes.NewestOf(asked);
    const auto health = intakes.NewestHealthOf(asked);

    BOOST_TEST(health.size() == whole.size());
    BOOST_TEST(health.size() == 2u + 100u);
    for (const auto& [client, intake] : whole) {
        BOOST_REQUIRE(health.count(client) == 1u);
        // The same version with its id, client, date and health; nothing else.
        Intake expected;
        expected.id = intake.id;
        expected.client_id = intake.client_id;
        expected.taken_on = intake.taken_on;
        expected.health = intake.health;
        BOOST_TEST((health.at(client) == expected), client);
        // All the screening reads: the same flags on any day.
        for (const core::Date& day : {D("2026-11-12"), D("2026-11-20"), D("2027-06-01")}) {
            BOOST_TEST((core::ScreenContraindications(health.at(client), day) ==
                        core::ScreenContraindications(intake, day)),
                       client);
        }
    }
    BOOST_REQUIRE(health.count(full_client) == 1u);
    BOOST_TEST(health.at(full_client).id == full.id);
    BOOST_TEST((health.at(full_client).health == full.health));
    BOOST_TEST(!health.at(full_client).health.surgeries.empty());
    BOOST_TEST(!health.at(full_client).health.injuries.empty());
    BOOST_REQUIRE(health.count(same_day) == 1u);
    BOOST_TEST(health.at(same_day).id == second.id);
    BOOST_TEST(health.at(same_day).health.pregnant);
    BOOST_TEST(health.at(same_day).health.conditions.empty());
    BOOST_TEST(intakes.NewestHealthOf({}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
