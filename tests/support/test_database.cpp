#include "test_database.h"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace myodesk::test {

namespace {

std::string EnvOrEmpty(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

std::string UniqueName(std::string_view prefix) {
    static std::atomic<int> counter{0};
    return fmt::format("{}_{}_{}", prefix, getpid(), counter++);
}

// Adds "search_path=<schema>" to a libpq connection string in either of its two forms.
std::string WithSearchPath(const std::string& conninfo, const std::string& schema) {
    if (conninfo.rfind("postgresql://", 0) == 0 || conninfo.rfind("postgres://", 0) == 0) {
        const char separator = conninfo.find('?') == std::string::npos ? '?' : '&';
        return fmt::format("{}{}options=-csearch_path%3D{}", conninfo, separator, schema);
    }
    return fmt::format("{} options='-csearch_path={}'", conninfo, schema);
}

// Says once per run that the PostgreSQL cases were skipped, so CTest can report them as
// skipped (SKIP_REGULAR_EXPRESSION) rather than passed.
struct AnnounceSkippedPostgresql {
    AnnounceSkippedPostgresql() {
        if (EnvOrEmpty("MYODESK_TEST_PG").empty() && EnvOrEmpty("CI") != "true") {
            std::puts("MYODESK_TEST_PG is not set: PostgreSQL test cases are skipped");
        }
    }
};

// The server's roles outlive a schema: the logins of the test practice's accounts
// (db::ServerAccounts) are dropped with it, so the next test may use the same usernames.
void DropServerLogins(soci::session& admin, const std::string& schema) {
    std::string staff_table;
    soci::indicator found = soci::i_null;
    const std::string name = schema + ".staff";
    admin << "SELECT to_regclass(:name)::TEXT", soci::use(name, "name"),
        soci::into(staff_table, found);
    if (found != soci::i_ok) {
        return;
    }
    std::vector<std::string> logins(1000);
    admin << "SELECT username FROM " + schema +
                 ".staff WHERE username IS NOT NULL AND "
                 "username IN (SELECT rolname FROM pg_roles)",
        soci::into(logins);
    for (const std::string& login : logins) {
        admin << "DROP OWNED BY \"" + login + "\"";  // usernames are [a-z0-9._-]
        admin << "DROP ROLE \"" + login + "\"";
    }
}

// The practice's group roles, named by a tag of the database and schema.
void DropPracticeGroups(soci::session& admin, const std::string& schema) {
    std::vector<std::string> groups(10);
    admin << "SELECT rolname FROM pg_roles WHERE rolname LIKE 'myodesk\\_' || "
             "substr(md5(current_database() || '/' || :schema), 1, 10) || '\\_%'",
        soci::use(schema, "schema"), soci::into(groups);
    for (const std::string& group : groups) {
        admin << "DROP OWNED BY " + group;
        admin << "DROP ROLE " + group;
    }
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(AnnounceSkippedPostgresql);

TestDatabase TestDatabase::Sqlite() {
    TestDatabase database;
    database.m_backend = db::Backend::kSqlite;
    // A space in the folder name keeps path quoting honest.
    database.m_folder = std::filesystem::temp_directory_path() / UniqueName("myodesk test");
    std::filesystem::create_directories(database.m_folder);
    database.m_location = (database.m_folder / "practice.sqlite").string();
    return database;
}

TestDatabase TestDatabase::Like(const TestDatabase& like) {
    return like.GetBackend() == db::Backend::kSqlite ? Sqlite() : Postgresql();
}

TestDatabase TestDatabase::OtherServerDatabase(const TestDatabase& like) {
    const std::string server = EnvOrEmpty("MYODESK_TEST_PG");
    TestDatabase database;
    database.m_backend = db::Backend::kPostgresql;
    database.m_server_database = UniqueName("myodesk_restore");
    soci::session admin(*soci::factory_postgresql(), server);
    admin << "CREATE DATABASE " + database.m_server_database;  // test-made name
    // libpq takes the last of a repeated keyword.
    database.m_location = WithSearchPath(
        fmt::format("{} dbname={}", server, database.m_server_database), like.m_schema);
    database.m_schema_of_other = like.m_schema;
    return database;
}

TestDatabase TestDatabase::Postgresql() {
    const std::string server = EnvOrEmpty("MYODESK_TEST_PG");
    if (server.empty()) {
        throw std::runtime_error(
            "MYODESK_TEST_PG is not set, so the PostgreSQL tests cannot run. Run them through "
            "'./dev.sh test', which starts a throwaway server.");
    }
    TestDatabase database;
    database.m_backend = db::Backend::kPostgresql;
    database.m_schema = UniqueName("myodesk_test");
    soci::session admin(*soci::factory_postgresql(), server);
    admin << "SET client_min_messages = WARNING";
    admin << "CREATE SCHEMA " + database.m_schema;  // test-made name, never user input
    database.m_location = WithSearchPath(server, database.m_schema);
    return database;
}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : m_backend(other.m_backend),
      m_location(std::move(other.m_location)),
      m_folder(std::move(other.m_folder)),
      m_schema(std::move(other.m_schema)),
      m_server_database(std::move(other.m_server_database)),
      m_schema_of_other(std::move(other.m_schema_of_other)) {
    other.m_folder.clear();
    other.m_schema.clear();
    other.m_server_database.clear();
}

TestDatabase::~TestDatabase() {
    try {
        if (!m_folder.empty()) {
            std::filesystem::remove_all(m_folder);
        }
        if (!m_schema.empty()) {
            soci::session admin(*soci::factory_postgresql(), EnvOrEmpty("MYODESK_TEST_PG"));
            admin << "SET client_min_messages = WARNING";
            DropServerLogins(admin, m_schema);
            admin << "DROP SCHEMA " + m_schema + " CASCADE";
            DropPracticeGroups(admin, m_schema);
        }
        if (!m_server_database.empty()) {
            const std::string server = EnvOrEmpty("MYODESK_TEST_PG");
            {
                soci::session inside(*soci::factory_postgresql(),
                                     fmt::format("{} dbname={}", server, m_server_database));
                inside << "SET client_min_messages = WARNING";
                DropPracticeGroups(inside, m_schema_of_other);
            }
            soci::session admin(*soci::factory_postgresql(), server);
            admin << "DROP DATABASE " + m_server_database + " WITH (FORCE)";
        }
    } catch (const std::exception& error) {
        BOOST_TEST_MESSAGE("could not clean up test database: " << error.what());
    }
}

db::Database TestDatabase::Open(const db::OpenOptions& options) const {
    return db::OpenDatabase(m_location, options);
}

std::string PostgresqlUrl(const TestDatabase& database) {
    // Build the URL from libpq keywords of MYODESK_TEST_PG: host, port, dbname, user.
    const std::string server = EnvOrEmpty("MYODESK_TEST_PG");
    const auto keyword = [&](const std::string& name) {
        const auto at = server.find(name + "=");
        if (at == std::string::npos) {
            return std::string();
        }
        const auto start = at + name.size() + 1;
        return server.substr(start, server.find(' ', start) - start);
    };
    const std::string schema = database.Location().substr(database.Location().rfind('=') + 1);
    return fmt::format("postgresql://{}@{}:{}/{}?options=-csearch_path%3D{}", keyword("user"),
                       keyword("host"), keyword("port"), keyword("dbname"),
                       schema.substr(0, schema.find('\'')));
}

boost::test_tools::assertion_result PostgresqlConfigured::operator()(
    boost::unit_test::test_unit_id) const {
    if (!EnvOrEmpty("MYODESK_TEST_PG").empty() || EnvOrEmpty("CI") == "true") {
        return true;
    }
    boost::test_tools::assertion_result result(false);
    result.message() << "MYODESK_TEST_PG is not set (run ./dev.sh test to start a server)";
    return result;
}

}  // namespace myodesk::test
