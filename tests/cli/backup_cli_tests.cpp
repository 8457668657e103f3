// backup create|list|verify|restore from the command line (issue 18): the file printed, the
// list, exit 3 for a changed byte, exit 6 for a role without the right, a PostgreSQL practice
// backed up with pg_dump and restored with pg_restore into an empty database only, and a
// restore over a practice too damaged to open.
#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace myodesk;
using test::Cli;

namespace {

bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Where a test's backups go: beside a SQLite practice (its folder), else a private temp folder
// that is also the desk's data folder (XDG_DATA_HOME: a server's backups go there by default).
struct ScratchFolder {
    explicit ScratchFolder(const test::TestDatabase& test_db) {
        if (test_db.GetBackend() == db::Backend::kSqlite) {
            path = test_db.Folder();
            return;
        }
        path = std::filesystem::temp_directory_path() /
               ("myodesk cli backups " + std::to_string(::getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
        ::setenv("XDG_DATA_HOME", path.c_str(), 1);
        made = true;
    }
    ~ScratchFolder() {
        if (made) {
            ::unsetenv("XDG_DATA_HOME");
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    }
    std::filesystem::path path;
    bool made = false;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_cli_tests)

MYODESK_DB_TEST(backup_create_list_and_verify) {
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    const ScratchFolder scratch(test_db);
    const auto made = Cli(test_db, {"backup", "create"});
    BOOST_TEST_REQUIRE(made.code == 0, made.err);
    const std::string file = made.out.substr(0, made.out.find('\n'));
    BOOST_TEST(std::filesystem::is_regular_file(file), file);
    // A server's practice: pg_dump's file, in the desk's data folder.
    BOOST_TEST(file.ends_with(test_db.GetBackend() == db::Backend::kSqlite ? ".sqlite" : ".pgdump"),
               file);
    BOOST_TEST(file.starts_with(scratch.path.string()), file);

    const auto listed = Cli(test_db, {"backup", "list", "--json"});
    BOOST_TEST_REQUIRE(listed.code == 0, listed.err);
    const auto list = nlohmann::json::parse(listed.out);
    BOOST_TEST_REQUIRE(list.size() == 1U);
    BOOST_TEST(list[0]["file"] == file);
    BOOST_TEST(list[0]["clients"] == 1);

    const auto whole = Cli(test_db, {"backup", "verify", file});
    BOOST_TEST(whole.code == 0, whole.err);
    BOOST_TEST(Contains(whole.out, "is whole"), whole.out);

    {
        std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
        bytes.seekp(static_cast<std::streamoff>(std::filesystem::file_size(file) / 2));
        bytes.put('\x7f');
    }
    const auto damaged = Cli(test_db, {"backup", "verify", file});
    BOOST_TEST(damaged.code == 3);
    BOOST_TEST(Contains(damaged.err, "has changed since it was written"), damaged.err);

    // Another folder (a USB stick): the backup goes there and nothing is thinned.
    const auto elsewhere = (scratch.path / "stick").string();
    const auto copied = Cli(test_db, {"backup", "create", "--to", elsewhere, "--json"});
    BOOST_TEST_REQUIRE(copied.code == 0, copied.err);
    const auto result = nlohmann::json::parse(copied.out);
    BOOST_TEST(result["thinned"].empty());
    BOOST_TEST(Cli(test_db, {"backup", "list", "--dir", elsewhere}).out.find("stick") !=
               std::string::npos);
}

MYODESK_DB_TEST(backup_restore_over_the_practice_and_to_a_new_file) {
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        // Never over a server's practice.
        const auto refused = Cli(test_db, {"backup", "restore", "any.sqlite"});
        BOOST_TEST(refused.code == 3);
        BOOST_TEST(Contains(refused.err, "never restored over it"), refused.err);
        return;
    }
    const auto made = Cli(test_db, {"backup", "create"});
    BOOST_TEST_REQUIRE(made.code == 0, made.err);
    const std::string file = made.out.substr(0, made.out.find('\n'));
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Bo", "--family", "Late"}) > 0);

    // To a new file: the practice keeps both clients, the new file has the backup's one.
    const auto elsewhere = (test_db.Folder() / "restored.db").string();
    const auto copied = Cli(test_db, {"backup", "restore", file, "--to", elsewhere});
    BOOST_TEST_REQUIRE(copied.code == 0, copied.err);
    BOOST_TEST(Contains(copied.out, "1 clients"), copied.out);
    BOOST_TEST(Cli(test_db, {"backup", "restore", file, "--to", elsewhere}).code == 3);
    std::istringstream no_input;
    std::ostringstream listed;
    std::ostringstream errors;
    BOOST_TEST(app::RunCli({"--db", elsewhere, "clients", "list", "--json"}, no_input, listed,
                           errors) == 0);
    BOOST_TEST(nlohmann::json::parse(listed.str()).size() == 1U, listed.str());

    // Over the practice: Bo is gone, and kept in the safety copy.
    const auto over = Cli(test_db, {"backup", "restore", file, "--json"});
    BOOST_TEST_REQUIRE(over.code == 0, over.err);
    const auto result = nlohmann::json::parse(over.out);
    BOOST_TEST(result["safety_copy_whole"] == true);
    BOOST_TEST(std::filesystem::exists(result["safety_copy"].get<std::string>()));
    BOOST_TEST(nlohmann::json::parse(Cli(test_db, {"clients", "list", "--json"}).out).size() == 1U);

    // A practice too damaged to open is restored over all the same.
    {
        std::fstream bytes(test_db.Location(), std::ios::in | std::ios::out | std::ios::binary);
        bytes.write("not a database, not any more", 28);
    }
    BOOST_TEST(Cli(test_db, {"clients", "list"}).code == 5);
    const auto rescued = Cli(test_db, {"backup", "restore", file});
    BOOST_TEST_REQUIRE(rescued.code == 0, rescued.err);
    BOOST_TEST(Contains(rescued.err, "Restoring the backup over it"), rescued.err);
    BOOST_TEST(Contains(rescued.out, "fails SQLite's check"), rescued.out);
    BOOST_TEST(Cli(test_db, {"clients", "list"}).code == 0);
}

BOOST_AUTO_TEST_CASE(backup_create_encrypt_and_open_it_with_the_passphrase,
                     *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    const auto stick = (test_db.Folder() / "stick").string();
    setenv("MYODESK_BACKUP_PASSPHRASE", "short", 1);
    const auto too_short = Cli(test_db, {"backup", "create", "--encrypt", "--to", stick});
    BOOST_TEST(too_short.code == 3);
    BOOST_TEST(Contains(too_short.err, "at least 8 characters"), too_short.err);

    setenv("MYODESK_BACKUP_PASSPHRASE", "a long walk in the rain", 1);
    const auto made = Cli(test_db, {"backup", "create", "--encrypt", "--to", stick});
    BOOST_TEST_REQUIRE(made.code == 0, made.err);
    const std::string file = made.out.substr(0, made.out.find('\n'));
    BOOST_TEST(file.ends_with(".sqlite.encrypted"), file);
    BOOST_TEST(Contains(Cli(test_db, {"backup", "list", "--dir", stick}).out, "(encrypted)"));
    const auto whole = Cli(test_db, {"backup", "verify", file});
    BOOST_TEST(whole.code == 0, whole.err);
    BOOST_TEST(Contains(whole.out, "1 clients"), whole.out);

    setenv("MYODESK_BACKUP_PASSPHRASE", "not the passphrase", 1);
    const auto wrong = Cli(test_db, {"backup", "verify", file});
    BOOST_TEST(wrong.code == 3);
    BOOST_TEST(Contains(wrong.err, "The passphrase does not open"), wrong.err);
    const auto elsewhere = (test_db.Folder() / "restored.db").string();
    BOOST_TEST(Cli(test_db, {"backup", "restore", file, "--to", elsewhere}).code == 3);
    BOOST_TEST(!std::filesystem::exists(elsewhere));
    unsetenv("MYODESK_BACKUP_PASSPHRASE");
}

BOOST_AUTO_TEST_CASE(a_therapist_may_not_back_up, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    setenv("MYODESK_NEW_PASSWORD", "correct horse", 1);
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"setup", "--owner-name", "Olive", "--username", "olive"}).code == 0);
    setenv("MYODESK_PASSWORD", "correct horse", 1);
    BOOST_TEST_REQUIRE(Cli(test_db, {"--user", "olive", "staff", "add", "--name", "Tess", "--role",
                                     "therapist", "--username", "tess"})
                           .code == 0);
    const auto refused = Cli(test_db, {"--user", "tess", "backup", "create"});
    BOOST_TEST(refused.code == 6);
    BOOST_TEST(Contains(refused.err, "back_up"), refused.err);
    BOOST_TEST(Cli(test_db, {"--user", "olive", "backup", "create"}).code == 0);
    unsetenv("MYODESK_PASSWORD");
    unsetenv("MYODESK_NEW_PASSWORD");
}

BOOST_AUTO_TEST_CASE(backup_restore_of_a_server_practice_into_an_empty_database,
                     *boost::unit_test::label("postgresql") *
                         boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    const auto test_db = test::TestDatabase::Postgresql();
    const ScratchFolder scratch(test_db);
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    const auto made = Cli(test_db, {"backup", "create", "--to", scratch.path.string()});
    BOOST_TEST_REQUIRE(made.code == 0, made.err);
    const std::string file = made.out.substr(0, made.out.find('\n'));
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Bo", "--family", "Late"}) > 0);

    // Into a SQLite file: refused, a server's backup goes to a server.
    const auto to_file =
        Cli(test_db, {"backup", "restore", file, "--to", (scratch.path / "x.sqlite").string()});
    BOOST_TEST(to_file.code == 3);
    BOOST_TEST(!std::filesystem::exists(scratch.path / "x.sqlite"));

    // --to an empty database: it holds the backup's one client, the practice keeps both.
    const auto target = test::TestDatabase::OtherServerDatabase(test_db);
    const auto restored = Cli(test_db, {"backup", "restore", file, "--to", target.Location()});
    BOOST_TEST_REQUIRE(restored.code == 0, restored.err);
    BOOST_TEST(Contains(restored.out, "1 clients"), restored.out);
    BOOST_TEST(nlohmann::json::parse(Cli(target, {"clients", "list", "--json"}).out).size() == 1U);
    BOOST_TEST(nlohmann::json::parse(Cli(test_db, {"clients", "list", "--json"}).out).size() == 2U);
    // Again into it, now a practice: refused, exit 3.
    const auto again = Cli(test_db, {"backup", "restore", file, "--to", target.Location()});
    BOOST_TEST(again.code == 3);
    BOOST_TEST(Contains(again.err, "already holds tables"), again.err);

    // With --db naming the empty database itself, and recorded in its own audit log.
    const auto other = test::TestDatabase::OtherServerDatabase(test_db);
    const auto into_db = Cli(other, {"backup", "restore", file, "--json"});
    BOOST_TEST_REQUIRE(into_db.code == 0, into_db.err);
    const auto audit = Cli(other, {"audit", "list", "--json"});
    BOOST_TEST(Contains(audit.out, "backup.restore"), audit.out);
}

BOOST_AUTO_TEST_SUITE_END()
