#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

using namespace myodesk;

BOOST_AUTO_TEST_SUITE(database_tests)

BOOST_AUTO_TEST_CASE(sqlite_settings_are_applied, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    auto database = test_db.Open();
    auto& session = db::SociSession(database);
    int foreign_keys = 0, synchronous = 0, busy_timeout = 0, application_id = 0;
    std::string journal_mode;
    session << "PRAGMA foreign_keys", soci::into(foreign_keys);
    session << "PRAGMA journal_mode", soci::into(journal_mode);
    session << "PRAGMA synchronous", soci::into(synchronous);
    session << "PRAGMA busy_timeout", soci::into(busy_timeout);
    session << "PRAGMA application_id", soci::into(application_id);
    BOOST_TEST(foreign_keys == 1);
    BOOST_TEST(journal_mode == "wal");
    BOOST_TEST(synchronous == 2);  // FULL
    BOOST_TEST(busy_timeout == 5000);
    BOOST_TEST(application_id == db::kSqliteApplicationId);
    BOOST_TEST(database.Location() == test_db.Location());
}

BOOST_AUTO_TEST_CASE(another_programs_sqlite_file_is_refused_unchanged,
                     *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    {
        soci::session other(*soci::factory_sqlite3(), "db=\"" + test_db.Location() + "\"");
        other << "CREATE TABLE recipes (name TEXT)";
    }
    BOOST_CHECK_THROW(test_db.Open(), db::NotMyoDeskDatabaseError);
    soci::session other(*soci::factory_sqlite3(), "db=\"" + test_db.Location() + "\"");
    int application_id = -1, tables = 0;
    other << "PRAGMA application_id", soci::into(application_id);
    other << "SELECT COUNT(*) FROM sqlite_master", soci::into(tables);
    BOOST_TEST(application_id == 0);
    BOOST_TEST(tables == 1);
}

BOOST_AUTO_TEST_CASE(missing_folder_gives_a_clear_error, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const auto location = (test_db.Folder() / "no such folder" / "x.sqlite").string();
    try {
        db::OpenDatabase(location);
        BOOST_FAIL("opening a file in a missing folder should fail");
    } catch (const db::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("does not exist") != std::string::npos);
    }
    BOOST_TEST(!std::filesystem::exists(test_db.Folder() / "no such folder"));
}

BOOST_AUTO_TEST_CASE(unreachable_postgresql_gives_a_database_error,
                     *boost::unit_test::label("pure")) {
    BOOST_CHECK_THROW(db::OpenDatabase("host=127.0.0.1 port=1 dbname=none connect_timeout=2"),
                      db::DatabaseError);
}

MYODESK_DB_TEST(postgresql_urls_and_keyword_strings_both_connect) {
    if (test_db.GetBackend() != db::Backend::kPostgresql) {
        return;  // SQLite has one form only, covered everywhere else
    }
    // Regression: SOCI 4.0.3 mangled "postgresql://host:port/db" into dbname "db=".
    auto database = db::OpenDatabase(test::PostgresqlUrl(test_db));
    BOOST_TEST(db::SchemaVersion(database) == db::LatestSchemaVersion());
    BOOST_TEST(database.Location().rfind("postgresql://", 0) == 0u);
}

MYODESK_DB_TEST(nested_transactions_commit_or_roll_back_as_one) {
    auto database = test_db.Open();
    db::ClientRepository clients(database);
    const auto add = [&](const char* name) {
        core::Client client;
        client.given_name = name;
        clients.Add(client);
    };
    {
        db::Transaction outer(database);
        {
            db::Transaction inner(database);
            add("Inner");
            inner.Commit();  // joins the outer one: nothing is written yet
        }
        add("Outer");
    }  // the outer one ends without Commit: both rows go
    BOOST_TEST(clients.Count() == 0);

    {
        db::Transaction outer(database);
        add("Kept?");
        {
            db::Transaction inner(database);
            add("Failed part");
        }  // the inner part failed (no Commit), so the whole unit must not be saved
        BOOST_CHECK_THROW(outer.Commit(), db::DatabaseError);
    }
    BOOST_TEST(clients.Count() == 0);

    {
        db::Transaction outer(database);
        {
            db::Transaction inner(database);
            add("Both");
            inner.Commit();
        }
        add("Saved");
        outer.Commit();
    }
    BOOST_TEST(clients.Count() == 2);
    db::Transaction next(database);  // a new unit starts clean after the failed one
    add("Again");
    next.Commit();
    BOOST_TEST(clients.Count() == 3);
}

BOOST_AUTO_TEST_CASE(a_malformed_postgresql_url_is_explained, *boost::unit_test::label("pure")) {
    try {
        db::OpenDatabase("postgresql://host:notaport:x/db?foo=bar");
        BOOST_FAIL("a malformed URL must be refused");
    } catch (const db::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("PostgreSQL") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
