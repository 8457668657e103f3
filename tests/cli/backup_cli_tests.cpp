// backup create|list|verify|restore from the command line (issue 18): the file printed, the
// list, exit 3 for a changed byte, exit 6 for a role without the right, a PostgreSQL practice
// told to use pg_dump and pg_restore, and a restore over a practice too damaged to open.
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

using namespace myodesk;
using test::Cli;

namespace {

bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_cli_tests)

MYODESK_DB_TEST(backup_create_list_and_verify) {
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    const auto made = Cli(test_db, {"backup", "create"});
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        BOOST_TEST(made.code == 3);
        BOOST_TEST(Contains(made.err, "pg_dump"), made.err);
        return;
    }
    BOOST_TEST_REQUIRE(made.code == 0, made.err);
    const std::string file = made.out.substr(0, made.out.find('\n'));
    BOOST_TEST(std::filesystem::is_regular_file(file), file);

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
    const auto elsewhere = (test_db.Folder() / "stick").string();
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
        const auto refused = Cli(test_db, {"backup", "restore", "any.sqlite"});
        BOOST_TEST(refused.code == 3);
        BOOST_TEST(Contains(refused.err, "pg_restore"), refused.err);
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

BOOST_AUTO_TEST_SUITE_END()
