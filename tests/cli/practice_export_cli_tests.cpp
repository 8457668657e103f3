// export all, import all and db copy from the command line (issue 18): the files written, a
// practice brought back into a new database, exit 3 for a database that holds records or a
// file that is not an export, the owner's new password for a practice with accounts.
#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

using namespace myodesk;
using test::Cli;
using test::Contains;

namespace {}  // namespace

BOOST_AUTO_TEST_SUITE(practice_export_cli_tests)

MYODESK_DB_TEST(export_all_and_import_all_into_a_new_database) {
    test::TempFolder folder;
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    const auto zip = (folder.path / "practice.zip").string();
    const auto no_out = Cli(test_db, {"export", "all"});
    BOOST_TEST(no_out.code == 2, no_out.err);

    const auto exported = Cli(test_db, {"export", "all", "--out", zip, "--json"});
    BOOST_TEST_REQUIRE(exported.code == 0, exported.err);
    const auto summary = nlohmann::json::parse(exported.out);
    BOOST_TEST(summary["kinds"]["clients"] == 1);
    BOOST_TEST(summary["records"].get<std::int64_t>() >= 1);
    BOOST_TEST(folder.Files() == std::vector<std::string>{"practice.zip"});

    const auto copy_db = test::TestDatabase::Like(test_db);
    const auto imported = Cli(copy_db, {"import", "all", zip});
    BOOST_TEST_REQUIRE(imported.code == 0, imported.err);
    BOOST_TEST(Contains(imported.out, "Imported the practice"), imported.out);
    BOOST_TEST(Contains(Cli(copy_db, {"clients", "list"}).out, "Smith"));

    const auto again = Cli(copy_db, {"import", "all", zip});
    BOOST_TEST(again.code == 3);
    BOOST_TEST(Contains(again.err, "already holds a practice"), again.err);

    const test::TempFile not_zip("notes.zip", "just text");
    const auto refused = Cli(test::TestDatabase::Like(test_db), {"import", "all", not_zip.Path()});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "cannot be imported"), refused.err);
}

MYODESK_DB_TEST(db_copy_into_a_new_sqlite_file) {
    test::TempFolder folder;
    BOOST_TEST_REQUIRE(test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"}) >
                       0);
    const auto target = (folder.path / "copy.sqlite").string();
    const auto copied = Cli(test_db, {"db", "copy", "--to", target});
    BOOST_TEST_REQUIRE(copied.code == 0, copied.err);
    BOOST_TEST(Contains(copied.out, "SHA-256 of every kind checked"), copied.out);
    const auto listed = test::RunShell("--db " + target + " clients list");
    BOOST_TEST(Contains(listed.out, "Smith"), listed.out);

    const auto again = Cli(test_db, {"db", "copy", "--to", target});
    BOOST_TEST(again.code == 3);
    BOOST_TEST(Contains(again.err, "already holds a practice"), again.err);
}

BOOST_AUTO_TEST_CASE(an_export_with_accounts_needs_the_owners_new_password,
                     *boost::unit_test::label("sqlite")) {
    test::TempFolder folder;
    const auto practice = test::TestDatabase::Sqlite();
    {
        const test::ScopedEnv password("MYODESK_NEW_PASSWORD", "owner password");
        BOOST_TEST_REQUIRE(
            Cli(practice, {"setup", "--owner-name", "Olga", "--username", "olga"}).code == 0);
    }
    const auto zip = (folder.path / "practice.zip").string();
    {
        const test::ScopedEnv user("MYODESK_USER", "olga");
        const test::ScopedEnv password("MYODESK_PASSWORD", "owner password");
        BOOST_TEST_REQUIRE(Cli(practice, {"export", "all", "--out", zip}).code == 0);
    }
    const auto copy_db = test::TestDatabase::Sqlite();
    const auto no_password = Cli(copy_db, {"import", "all", zip});
    BOOST_TEST(no_password.code == 3);
    BOOST_TEST(Contains(no_password.err, "MYODESK_NEW_PASSWORD"), no_password.err);
    {
        const test::ScopedEnv password("MYODESK_NEW_PASSWORD", "a new password");
        const auto imported = Cli(copy_db, {"import", "all", zip});
        BOOST_TEST_REQUIRE(imported.code == 0, imported.err);
        BOOST_TEST(Contains(imported.out, "The owner olga signs in"), imported.out);
    }
    const test::ScopedEnv user("MYODESK_USER", "olga");
    {
        const test::ScopedEnv old_password("MYODESK_PASSWORD", "owner password");
        BOOST_TEST(Cli(copy_db, {"clients", "list"}).code == 6);
    }
    const test::ScopedEnv new_password("MYODESK_PASSWORD", "a new password");
    BOOST_TEST(Cli(copy_db, {"clients", "list"}).code == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(import_clients_cli_tests)

MYODESK_DB_TEST(import_clients_previews_maps_and_adds) {
    const test::TempFile list("clients.csv",
                              "Client,DOB,Cell,Referral kind\n"
                              "Ann Smith,03/04/1990,604 555 0101,Strava\n"
                              "\"Jones, Bob\",13/05/1985,,\n");
    const auto dry = Cli(test_db, {"import", "clients", list.Path(), "--dry-run", "--map",
                                   "Referral kind=referral_source"});
    BOOST_TEST_REQUIRE(dry.code == 0, dry.err);
    BOOST_TEST(Contains(dry.out, "Referral kind -> referral_source"), dry.out);
    BOOST_TEST(Contains(dry.out, "2 to add"), dry.out);
    BOOST_TEST(Contains(dry.out, "Dry run: nothing was saved"), dry.out);
    BOOST_TEST(!Contains(Cli(test_db, {"clients", "list"}).out, "Smith"));

    const auto added = Cli(test_db, {"import", "clients", list.Path(), "--json"});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto json = nlohmann::json::parse(added.out);
    BOOST_TEST(json["added"].size() == 2U);
    const auto shown = Cli(test_db, {"clients", "list"}).out;
    BOOST_TEST(Contains(shown, "Smith"), shown);
    BOOST_TEST(Contains(shown, "1990-04-03"), shown);  // 13/05 makes the file day first

    // The same list again: both are likely duplicates, nothing is added.
    const auto again = Cli(test_db, {"import", "clients", list.Path()});
    BOOST_TEST(again.code == 0, again.err);
    BOOST_TEST(Contains(again.out, "likely already client"), again.out);
    BOOST_TEST(Contains(again.out, "Added 0 clients; 2 likely duplicates left out"), again.out);

    const test::TempFile bad("bad.csv", "Name,Email\nCal Lee,not-an-email\n");
    const auto refused = Cli(test_db, {"import", "clients", bad.Path()});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.out, "refused"), refused.out);
    const auto wrong_map = Cli(test_db, {"import", "clients", bad.Path(), "--map", "Name=nom"});
    BOOST_TEST(wrong_map.code == 3);
    BOOST_TEST(Contains(wrong_map.err, "COLUMN=FIELD"), wrong_map.err);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(export_client_cli_tests)

MYODESK_DB_TEST(export_client_writes_the_record_and_refuses_an_unknown_client) {
    test::TempFolder folder;
    const auto id = test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Smith"});
    BOOST_TEST_REQUIRE(id > 0);
    const auto zip = (folder.path / "ann.zip").string();
    const auto written =
        Cli(test_db, {"export", "client", std::to_string(id), "--out", zip, "--json"});
    BOOST_TEST_REQUIRE(written.code == 0, written.err);
    const auto summary = nlohmann::json::parse(written.out);
    BOOST_TEST(summary["kinds"]["clients"] == 1);
    BOOST_TEST(folder.Files() == std::vector<std::string>{"ann.zip"});
    const auto missing = Cli(test_db, {"export", "client", "999", "--out", zip});
    BOOST_TEST(missing.code == 4, missing.err);
    BOOST_TEST(Cli(test_db, {"export", "client", "1"}).code == 2);  // --out is needed
}

BOOST_AUTO_TEST_SUITE_END()
