#include "backend_connections.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <arpa/inet.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace myodesk;
namespace fs = std::filesystem;

namespace {

std::string Bytes(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

unsigned Mode(const fs::path& path) {
    struct stat status {};
    BOOST_TEST_REQUIRE(::stat(path.c_str(), &status) == 0, "no " << path);
    return status.st_mode & 0777u;
}

// A TCP socket on 127.0.0.1 that listens (the kernel accepts connections) and never answers:
// a PostgreSQL server that has stopped.
struct SilentServer {
    SilentServer() {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        BOOST_TEST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        BOOST_TEST_REQUIRE(::listen(fd, 8) == 0);
        BOOST_TEST_REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port = ntohs(address.sin_port);
    }
    ~SilentServer() { ::close(fd); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    int fd = -1;
    int port = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(database_tests)

BOOST_AUTO_TEST_CASE(sqlite_settings_are_applied, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    auto database = test_db.Open();
    auto& session = db::SociSession(database);
    int foreign_keys = 0, synchronous = 0, application_id = 0;
    std::string journal_mode;
    session << "PRAGMA foreign_keys", soci::into(foreign_keys);
    session << "PRAGMA journal_mode", soci::into(journal_mode);
    session << "PRAGMA synchronous", soci::into(synchronous);
    session << "PRAGMA application_id", soci::into(application_id);
    BOOST_TEST(foreign_keys == 1);
    BOOST_TEST(journal_mode == "wal");
    BOOST_TEST(synchronous == 2);  // FULL
    // The wait for a busy database (MyoDesk's own busy handler, kSqliteBusyTimeoutMs): see
    // a_busy_database_waits_then_says_another_desk_is_saving.
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

BOOST_AUTO_TEST_CASE(a_refused_database_is_left_byte_for_byte, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const fs::path path = test_db.Location();
    {
        auto database = test_db.Open();
        db::SociSession(database)
            << "INSERT INTO schema_migrations (version, description, applied_at) "
               "VALUES (:v, 'from the future', '2030-01-01T00:00:00Z')",
            soci::use(db::LatestSchemaVersion() + 1);
    }
    // A newer MyoDesk's file in either journal mode (the was in rollback mode).
    for (const std::string mode : {"delete", "wal"}) {
        BOOST_TEST_CONTEXT("journal mode " << mode) {
            {
                soci::session raw(*soci::factory_sqlite3(), "db=\"" + path.string() + "\"");
                raw << "PRAGMA journal_mode = " + mode;
            }
            const std::string before = Bytes(path);
            BOOST_CHECK_THROW(test_db.Open(), db::SchemaTooNewError);
            BOOST_TEST((Bytes(path) == before));
            BOOST_TEST(!fs::exists(path.string() + "-wal"));
            BOOST_TEST(!fs::exists(path.string() + "-shm"));
        }
    }
    // Another program's file (tables, no MyoDesk application id), new or with an id of its own.
    for (const std::string id : {"0", "1234"}) {
        BOOST_TEST_CONTEXT("application id " << id) {
            const fs::path other = test_db.Folder() / ("other-" + id + ".sqlite");
            {
                soci::session raw(*soci::factory_sqlite3(), "db=\"" + other.string() + "\"");
                raw << "PRAGMA application_id = " + id;
                raw << "CREATE TABLE recipes (name TEXT)";
            }
            const std::string before = Bytes(other);
            BOOST_CHECK_THROW(db::OpenDatabase(other.string()), db::NotMyoDeskDatabaseError);
            BOOST_TEST((Bytes(other) == before));
            BOOST_TEST(!fs::exists(other.string() + "-wal"));
            BOOST_TEST(!fs::exists(other.string() + "-shm"));
        }
    }
}

BOOST_AUTO_TEST_CASE(database_files_are_private, *boost::unit_test::label("sqlite")) {
    const mode_t old_mask = ::umask(022);  // the usual: files 0644 unless asked otherwise
    const auto test_db = test::TestDatabase::Sqlite();
    {
        auto database = test_db.Open();
        db::ClientRepository clients(database);
        core::Client client;
        client.given_name = "Private";
        clients.Add(client);
        for (const std::string suffix : {"", "-wal", "-shm"}) {
            BOOST_TEST(Mode(test_db.Location() + suffix) == 0600u, "file" << suffix);
        }
    }
    // An existing file keeps the mode its owner gave it.
    fs::permissions(test_db.Location(), fs::perms(0640));
    test_db.Open();
    BOOST_TEST(Mode(test_db.Location()) == 0640u);
    ::umask(old_mask);
}

BOOST_AUTO_TEST_CASE(the_data_folder_is_private, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old != nullptr ? old : "";
    const fs::path home = fs::absolute(test_db.Folder() / "data home");
    ::setenv("XDG_DATA_HOME", home.c_str(), 1);
    const mode_t old_mask = ::umask(022);
    db::EnsureDefaultDatabaseFolder();
    BOOST_TEST(Mode(home / "myodesk") == 0700u);
    // A folder an older MyoDesk made 0755 is tightened.
    fs::permissions(home / "myodesk", fs::perms(0755));
    db::EnsureDefaultDatabaseFolder();
    BOOST_TEST(Mode(home / "myodesk") == 0700u);
    ::umask(old_mask);
    if (old != nullptr) {
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("XDG_DATA_HOME");
    }
}

MYODESK_DB_TEST(a_busy_database_waits_then_says_another_desk_is_saving) {
    if (test_db.GetBackend() != db::Backend::kSqlite) {
        return;  // a PostgreSQL writer locks rows, not the database
    }
    auto desk = test_db.Open();
    auto other = test_db.Open();
    db::ClientRepository clients(other);
    core::Client client;
    client.given_name = "Waited";
    {
        // The other desk's save does not finish while this one is saving (the future is still
        // pending after a bounded wait), then goes through once this one commits.
        db::Transaction saving(desk);
        auto other_save = std::async(std::launch::async, [&] { return clients.Add(client); });
        BOOST_TEST(
            (other_save.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout));
        saving.Commit();
        BOOST_TEST(other_save.get() > 0);
    }
    BOOST_TEST(clients.Count() == 1);
    // Held for longer than the busy timeout: a BusyError that says what happened.
    db::Transaction held(desk);
    const auto started = std::chrono::steady_clock::now();
    try {
        db::Transaction transaction(other);
        BOOST_FAIL("the database was held by another desk");
    } catch (const db::BusyError& error) {
        BOOST_TEST(std::string(error.what()).find("Another desk is saving") != std::string::npos);
    }
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    BOOST_TEST(waited >= db::kSqliteBusyTimeoutMs / 1000.0 * 0.9);
}

BOOST_AUTO_TEST_CASE(postgresql_connections_get_a_timeout_and_keepalives,
                     *boost::unit_test::label("pure")) {
    const auto defaults = db::detail::PostgresqlConnectKeywords("host=db.example dbname=practice");
    BOOST_TEST(defaults.keywords.find("connect_timeout='10'") != std::string::npos);
    BOOST_TEST(defaults.keywords.find("keepalives_idle=") != std::string::npos);
    BOOST_TEST(defaults.keywords.find("tcp_user_timeout=") != std::string::npos);
    BOOST_TEST(defaults.server == "db.example:5432");
    // The user's own values win, in either form.
    const auto keyword = db::detail::PostgresqlConnectKeywords(
        "host=db.example port=6543 connect_timeout=3 keepalives_idle=5");
    BOOST_TEST(keyword.keywords.find("connect_timeout='3'") != std::string::npos);
    BOOST_TEST(keyword.keywords.find("connect_timeout='10'") == std::string::npos);
    BOOST_TEST(keyword.keywords.find("keepalives_idle='5'") != std::string::npos);
    BOOST_TEST(keyword.server == "db.example:6543");
    const auto url = db::detail::PostgresqlConnectKeywords(
        "postgresql://desk@db.example:6543/practice?connect_timeout=4");
    BOOST_TEST(url.keywords.find("connect_timeout='4'") != std::string::npos);
    BOOST_TEST(url.timeout_s == "4");
}

BOOST_AUTO_TEST_CASE(a_silent_postgresql_server_is_given_up_on_in_time,
                     *boost::unit_test::label("pure")) {
    const SilentServer server;
    const auto started = std::chrono::steady_clock::now();
    try {
        db::OpenDatabase(
            fmt::format("host=127.0.0.1 port={} dbname=practice user=desk "
                        "connect_timeout=2",
                        server.port));
        BOOST_FAIL("a server that never answers cannot be opened");
    } catch (const db::DatabaseError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find(fmt::format("PostgreSQL server at 127.0.0.1:{} did not answer "
                                            "within 2 seconds",
                                            server.port)) != std::string::npos,
                   message);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    BOOST_TEST(seconds >= 1.5);
    BOOST_TEST(seconds < 10.0);
}

BOOST_AUTO_TEST_CASE(a_stopped_postgresql_server_is_explained, *boost::unit_test::label("pure")) {
    int port = 0;
    {
        const SilentServer closed;  // a free port, closed again: nothing listens there
        port = closed.port;
    }
    try {
        db::OpenDatabase(fmt::format("postgresql://desk@127.0.0.1:{}/practice", port));
        BOOST_FAIL("nothing listens there");
    } catch (const db::DatabaseError& error) {
        const std::string message = error.what();
        BOOST_TEST(message.find(fmt::format("PostgreSQL server at 127.0.0.1:{} refused the "
                                            "connection",
                                            port)) != std::string::npos,
                   message);
    }
}

BOOST_AUTO_TEST_SUITE_END()
