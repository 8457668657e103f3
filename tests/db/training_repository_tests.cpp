#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/training_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

using namespace myodesk;
using core::RunType;
using core::TrainingEntry;
using db::TrainingRepository;

namespace {

core::Date D(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

core::ClientId AddClient(db::Database& database, std::string given = "Runner") {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Calendar";
    return db::ClientRepository(database).Add(client);
}

int CountEntries(db::Database& database) {
    int count = -1;
    db::SociSession(database) << "SELECT COUNT(*) FROM training_entries", soci::into(count);
    return count;
}

const std::vector<TrainingEntry> kWeek{
    {D("2025-03-09"), RunType::kLong, 30.0},
    {D("2025-03-10"), RunType::kRest, std::nullopt},
    {D("2025-03-11"), RunType::kEasy, 8.5},
    {D("2025-03-12"), RunType::kIntervals, 10.0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(training_repository_tests)

MYODESK_DB_TEST(imports_a_calendar_and_lists_it_by_date) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    // Given out of order: listed by date.
    const std::vector<TrainingEntry> shuffled{kWeek[2], kWeek[0], kWeek[3], kWeek[1]};
    BOOST_TEST(training.Import(client, shuffled) == 4);
    BOOST_TEST((training.List(client) == kWeek));
    BOOST_TEST(training.List(client).size() == 4u);
}

MYODESK_DB_TEST(an_import_replaces_the_entries_on_the_same_dates) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    training.Import(client, kWeek);
    // The long run turned out shorter, the rest day became a cross-training day, and a new day.
    const std::vector<TrainingEntry> update{
        {D("2025-03-09"), RunType::kLong, 28.0},
        {D("2025-03-10"), RunType::kCross, std::nullopt},
        {D("2025-03-13"), RunType::kEasy, 6.0},
    };
    BOOST_TEST(training.Import(client, update) == 1);  // one new, two replaced
    const std::vector<TrainingEntry> expected{update[0], update[1], kWeek[2], kWeek[3], update[2]};
    BOOST_TEST((training.List(client) == expected));
    // A distance can be taken away too.
    BOOST_TEST(training.Import(client, {{D("2025-03-11"), RunType::kEasy, std::nullopt}}) == 0);
    BOOST_TEST(!training.List(client, D("2025-03-11"), D("2025-03-11")).at(0).distance_km);
    BOOST_TEST(CountEntries(database) == 5);
}

MYODESK_DB_TEST(a_bad_entry_saves_nothing) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    training.Import(client, {kWeek[0]});
    // Good entries first (one replacing the stored one), then a bad one: none is saved.
    const std::vector<TrainingEntry> entries{
        {D("2025-03-09"), RunType::kLong, 35.0},
        {D("2025-03-20"), RunType::kEasy, 5.0},
        {D("2025-03-21"), RunType::kRest, 3.0},
    };
    try {
        training.Import(client, entries);
        BOOST_FAIL("a rest day with a distance must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(error.Problems().size() == 1u);
        BOOST_TEST(error.Problems()[0].field == "entries[2].distance_km");
        BOOST_TEST((error.Problems()[0].code == core::ProblemCode::kOutOfRange));
    }
    BOOST_TEST((training.List(client) == std::vector<TrainingEntry>{kWeek[0]}));
    // The same date twice in one import is refused as well.
    BOOST_CHECK_THROW(training.Import(client, {kWeek[1], kWeek[1]}), db::ValidationError);
    BOOST_TEST(CountEntries(database) == 1);
}

MYODESK_DB_TEST(an_import_inside_a_larger_unit_of_work_rolls_back_with_it) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    {
        db::Transaction outer(database);
        training.Import(client, kWeek);
        // Not committed: the whole unit is rolled back.
    }
    BOOST_TEST(CountEntries(database) == 0);
}

MYODESK_DB_TEST(keeps_edge_values_exactly) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    const std::vector<TrainingEntry> edges{
        {D("1900-01-01"), RunType::kEasy, 0.001},
        {D("2024-02-29"), RunType::kRace, 400.0},
        {D("2025-03-09"), RunType::kLong, core::MilesToKm(26.2)},  // not a round number in km
        {D("2025-03-10"), RunType::kTempo, 1.0 / 3.0},
        {D("2099-12-31"), RunType::kCross, std::nullopt},
    };
    training.Import(client, edges);
    const auto stored = training.List(client);
    BOOST_TEST((stored == edges));
    BOOST_REQUIRE(stored.size() == edges.size());
    BOOST_TEST(*stored[2].distance_km == core::MilesToKm(26.2));
    // Just over the top of the range is refused.
    BOOST_CHECK_THROW(training.Put(client, {D("2025-03-11"), RunType::kRace, 400.000001}),
                      db::ValidationError);
}

MYODESK_DB_TEST(lists_a_range_with_either_end_open) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    const auto other = AddClient(database, "Other");
    TrainingRepository training(database);
    training.Import(client, kWeek);
    training.Import(other, {{D("2025-03-10"), RunType::kEasy, 4.0}});

    const auto dates = [](const std::vector<TrainingEntry>& entries) {
        std::vector<std::string> texts;
        for (const auto& entry : entries) {
            texts.push_back(core::FormatIsoDate(entry.date));
        }
        return texts;
    };
    using Texts = std::vector<std::string>;
    BOOST_TEST(dates(training.List(client, D("2025-03-10"), D("2025-03-11"))) ==
               (Texts{"2025-03-10", "2025-03-11"}));
    BOOST_TEST(dates(training.List(client, D("2025-03-11"))) ==
               (Texts{"2025-03-11", "2025-03-12"}));
    BOOST_TEST(dates(training.List(client, std::nullopt, D("2025-03-09"))) ==
               (Texts{"2025-03-09"}));
    BOOST_TEST(training.List(client, D("2025-03-13")).empty());
    BOOST_TEST(training.List(client, D("2025-03-12"), D("2025-03-09")).empty());
    // Another client's calendar is its own.
    BOOST_TEST(training.List(other).size() == 1u);
    BOOST_TEST(training.List(client).size() == 4u);
}

MYODESK_DB_TEST(puts_and_removes_single_days) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    training.Put(client, kWeek[0]);
    training.Put(client, {D("2025-03-09"), RunType::kRace, 42.195});
    BOOST_TEST((training.List(client) ==
                std::vector<TrainingEntry>{{D("2025-03-09"), RunType::kRace, 42.195}}));
    BOOST_TEST(training.Remove(client, D("2025-03-09")));
    BOOST_TEST(!training.Remove(client, D("2025-03-09")));  // nothing there any more
    BOOST_TEST(training.List(client).empty());
}

MYODESK_DB_TEST(an_unknown_client_is_not_found) {
    auto database = test_db.Open();
    TrainingRepository training(database);
    BOOST_CHECK_THROW(training.Import(4242, kWeek), db::NotFoundError);
    BOOST_CHECK_THROW(training.Put(4242, kWeek[0]), db::NotFoundError);
    BOOST_TEST(!training.Remove(4242, D("2025-03-09")));
    BOOST_TEST(training.List(4242).empty());
    BOOST_TEST(CountEntries(database) == 0);
}

MYODESK_DB_TEST(a_stored_run_type_this_myodesk_does_not_know_is_reported) {
    auto database = test_db.Open();
    const auto client = AddClient(database);
    TrainingRepository training(database);
    training.Put(client, kWeek[0]);
    // The CHECK constraint keeps unknown types out of the table...
    long long client_id = client;
    const auto insert_jog = [&] {
        db::SociSession(database) << "INSERT INTO training_entries (client_id, run_date, run_type) "
                                     "VALUES (:id, '2025-03-10', 'jog')",
            soci::use(client_id, "id");
    };
    BOOST_CHECK_THROW(insert_jog(), soci::soci_error);
    // ...and a date that is not one is refused when read.
    db::SociSession(database) << "UPDATE training_entries SET run_date = '2025-02-30'";
    BOOST_CHECK_THROW(training.List(client), db::DatabaseError);
}

BOOST_AUTO_TEST_SUITE_END()
