// What the GUI's client list and client workspace read and save through the services (the
// methods added when the GUI stopped using the repositories), on both backends.

#include "test_database.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/intake_service.h>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace myodesk;

namespace {

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{4}};

core::Client Named(std::string given, std::string family) {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = std::move(family);
    return client;
}

core::Intake IntakeOn(core::ClientId client, const core::Date& taken_on) {
    core::Intake intake;
    intake.client_id = client;
    intake.taken_on = taken_on;
    intake.consent = {true, "Ann Smith", taken_on};
    return intake;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workspace_service_tests)

// The client list finds where a client is without reading the rows before it.
MYODESK_DB_TEST(a_client_is_found_in_the_list_by_position) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::ClientService clients(context);
    const auto cy = clients.Add(Named("Cy", "Carter"));
    const auto ann = clients.Add(Named("Ann", "Adams"));
    const auto bo = clients.Add(Named("Bo", "Baker"));
    const db::ClientQuery all{"", db::ArchiveFilter::kActive};
    BOOST_TEST((clients.PositionOf(all, ann.id) == std::optional<std::int64_t>(0)));
    BOOST_TEST((clients.PositionOf(all, bo.id) == std::optional<std::int64_t>(1)));
    BOOST_TEST((clients.PositionOf(all, cy.id) == std::optional<std::int64_t>(2)));
    clients.SetArchived(bo.id, true);
    BOOST_TEST(!clients.PositionOf(all, bo.id));
    BOOST_TEST((clients.PositionOf(all, cy.id) == std::optional<std::int64_t>(1)));
    BOOST_TEST(!clients.PositionOf(all, 4242));
}

// A new intake with changed contact details: both saved, or neither.
MYODESK_DB_TEST(an_intake_and_the_clients_new_details_are_saved_together) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::ClientService clients(context);
    services::IntakeService intakes(context);
    const auto ann = clients.Add(Named("Ann", "Smith"));
    BOOST_TEST(!intakes.NewestUnits(ann.id));

    auto moved = ann;
    moved.phone = "+44 20 7946 0000";
    const auto saved = intakes.AddWithClientUpdate(moved, IntakeOn(ann.id, kToday));
    BOOST_TEST(saved.intake.id > 0);
    BOOST_TEST(saved.intake.client_id == ann.id);
    BOOST_TEST(saved.client.version == ann.version + 1);
    BOOST_TEST(clients.Get(ann.id).phone == "+44 20 7946 0000");
    BOOST_TEST(intakes.Get(saved.intake.id).has_value());
    BOOST_TEST((intakes.NewestUnits(ann.id) == core::DistanceUnit::kKm));

    // Changed at another desk meanwhile (the version is stale): nothing is saved.
    auto stale = moved;
    stale.phone = "+44 20 7946 1111";
    BOOST_CHECK_THROW(intakes.AddWithClientUpdate(stale, IntakeOn(ann.id, kToday)),
                      db::ConflictError);
    // An intake the checks refuse: the details are not saved either.
    auto fresh = saved.client;
    fresh.phone = "+44 20 7946 2222";
    BOOST_CHECK_THROW(
        intakes.AddWithClientUpdate(fresh, IntakeOn(ann.id, core::AddDays(kToday, 3))),
        db::ValidationError);
    BOOST_TEST(clients.Get(ann.id).phone == "+44 20 7946 0000");
    BOOST_TEST(intakes.History(ann.id).size() == 1u);
    BOOST_TEST(!intakes.Get(saved.intake.id + 100));
}

// The flags of an intake are screened on the day asked, today by default.
MYODESK_DB_TEST(an_intakes_flags_are_those_of_the_day) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::IntakeService intakes(context);
    const auto ann = services::ClientService(context).Add(Named("Ann", "Smith"));
    auto intake = IntakeOn(ann.id, kToday);
    intake.health.conditions.push_back(
        {core::ConditionCode::kVaricoseVeins, core::Region::kCalves, core::Side::kRight, {}});
    intake = intakes.Add(intake);
    const auto flags = intakes.Flags(intake);
    BOOST_TEST(!flags.empty());
    BOOST_TEST(flags.size() == intakes.FlagsToday(ann.id).size());
    BOOST_TEST(intakes.Flags(intake, kToday).size() == flags.size());
    BOOST_TEST(intakes.Flags(IntakeOn(ann.id, kToday)).empty());
}

BOOST_AUTO_TEST_SUITE_END()
