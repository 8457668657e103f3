#pragma once

#include <myodesk/db/database.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

namespace myodesk::test {

// A throwaway database for one test case: a fresh SQLite file in its own temp folder, or a
// fresh schema on the PostgreSQL server named by MYODESK_TEST_PG. Removed afterwards.
class TestDatabase {
  public:
    static TestDatabase Sqlite();
    static TestDatabase Postgresql();
    // Another new, empty database on the same backend as `like` (an import's or a copy's
    // target).
    static TestDatabase Like(const TestDatabase& like);
    // PostgreSQL: a new, empty database on the server (not a schema of the test database) whose
    // connection uses the schema of `like`: where a dump of `like` restores (pg_restore keeps
    // the schema's name). Dropped afterwards, with the practice's groups in it.
    static TestDatabase OtherServerDatabase(const TestDatabase& like);

    TestDatabase(TestDatabase&&) noexcept;
    TestDatabase& operator=(TestDatabase&&) = delete;
    ~TestDatabase();

    // What a user would pass to --db to open this database.
    const std::string& Location() const { return m_location; }
    db::Backend GetBackend() const { return m_backend; }
    // The temp folder (SQLite only).
    const std::filesystem::path& Folder() const { return m_folder; }

    db::Database Open(const db::OpenOptions& options = {}) const;

  private:
    TestDatabase() = default;

    db::Backend m_backend = db::Backend::kSqlite;
    std::string m_location;
    std::filesystem::path m_folder;
    std::string m_schema;
    std::string m_server_database;  // made by OtherServerDatabase
    std::string m_schema_of_other;  // the schema its connection uses
};

// The PostgreSQL test database as a postgresql:// URL (the form users type most).
std::string PostgresqlUrl(const TestDatabase& database);

// Boost.Test precondition: PostgreSQL cases run when MYODESK_TEST_PG is set; without it they
// are skipped on a developer's machine but run (and fail, saying why) when CI=true.
struct PostgresqlConfigured {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};

}  // namespace myodesk::test

// Defines a test case body that runs once against SQLite and once against PostgreSQL:
//   MYODESK_DB_TEST(adds_a_client) { auto database = test_db.Open(); ... }
#define MYODESK_DB_TEST(name)                                                                 \
    static void name##_body(const myodesk::test::TestDatabase& test_db);                      \
    BOOST_AUTO_TEST_CASE(name##_sqlite, *boost::unit_test::label("sqlite")) {                 \
        const auto test_db = myodesk::test::TestDatabase::Sqlite();                           \
        name##_body(test_db);                                                                 \
    }                                                                                         \
    BOOST_AUTO_TEST_CASE(name##_postgresql, *boost::unit_test::label("postgresql") *          \
                                                boost::unit_test::precondition(               \
                                                    myodesk::test::PostgresqlConfigured{})) { \
        const auto test_db = myodesk::test::TestDatabase::Postgresql();                       \
        name##_body(test_db);                                                                 \
    }                                                                                         \
    static void name##_body([[maybe_unused]] const myodesk::test::TestDatabase& test_db)
