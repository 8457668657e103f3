// Clients from another program's CSV (services::ClientImportService), on both backends: the
// preview's likely duplicates (a client of the practice, an earlier row), nothing saved while
// a row is refused, the import in one go with each new client recorded.
#include "test_database.h"

#include <myodesk/db/audit_repository.h>
#include <myodesk/services/client_import_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>

#include <boost/test/unit_test.hpp>

#include <chrono>

using namespace myodesk;

namespace {

const core::Date kToday{std::chrono::year{2026}, std::chrono::December, std::chrono::day{7}};

services::Context ContextOn(db::Database& database) {
    return services::Context(database, services::Clock::FixedOn(kToday));
}

const std::string kList =
    "First Name,Last Name,Date of Birth,Email\n"
    "Ann,Smith,1990-04-13,ann@example.org\n"
    "Zoe,O Briain,,\n"
    "Bob,Jones,1985-05-02,\n"
    "ANN,smith,1990-04-13,\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(client_import)

MYODESK_DB_TEST(likely_duplicates_are_shown_and_left_out) {
    auto database = test_db.Open();
    auto context = ContextOn(database);
    core::Client zoe;
    zoe.given_name = "Zoë";
    zoe.family_name = "Ó Briain";
    zoe.date_of_birth = core::ParseIsoDate("1992-01-01");
    const auto existing = services::ClientService(context).Add(zoe).id;

    services::ClientImportService service(context);
    const auto preview = service.Preview(kList, {}, core::CsvDateOrder::kAuto);
    BOOST_TEST_REQUIRE(preview.Usable());
    BOOST_REQUIRE(preview.rows.size() == 4U);
    BOOST_TEST(!preview.rows[0].Duplicate());
    // Accents and case folded as search folds them; a row without a date of birth matches.
    BOOST_REQUIRE(preview.rows[1].same_as_clients.size() == 1U);
    BOOST_TEST(preview.rows[1].same_as_clients.front().id == existing);
    BOOST_TEST(!preview.rows[2].Duplicate());
    BOOST_TEST((preview.rows[3].same_as_line == 2));
    BOOST_TEST(preview.to_add == 2);
    BOOST_TEST(preview.duplicates == 2);

    const auto result = service.Import(preview, false);
    BOOST_TEST(result.added.size() == 2U);
    BOOST_TEST(result.duplicates_left_out == 2);
    BOOST_TEST(services::ClientService(context).Count(db::ArchiveFilter::kAll) == 3);
    const auto ann = services::ClientService(context).Find(result.added.front());
    BOOST_REQUIRE(ann.has_value());
    BOOST_TEST(ann->email == "ann@example.org");

    // Each new client is recorded as any other, and the import itself.
    db::AuditRepository audit(database);
    db::AuditFilter filter;
    filter.action = "client.create";
    BOOST_TEST(audit.List(filter, 0, 100).size() == 3U);
    filter.action = "clients.import";
    BOOST_TEST(audit.List(filter, 0, 100).size() == 1U);

    // Again: now every row is a likely duplicate; with add_duplicates they are added anyway.
    const auto again = service.Preview(kList, {}, core::CsvDateOrder::kAuto);
    BOOST_TEST(again.to_add == 0);
    BOOST_TEST(service.Import(again, true).added.size() == 4U);
}

MYODESK_DB_TEST(a_refused_row_saves_nothing) {
    auto database = test_db.Open();
    auto context = ContextOn(database);
    services::ClientImportService service(context);
    const auto preview =
        service.Preview(kList + "Cal,Lee,2040-01-01,\n", {}, core::CsvDateOrder::kAuto);
    BOOST_TEST(!preview.Usable());
    BOOST_TEST(preview.refused == 1);
    BOOST_CHECK_THROW(service.Import(preview, true), services::RuleError);
    BOOST_TEST(services::ClientService(context).Count(db::ArchiveFilter::kAll) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
