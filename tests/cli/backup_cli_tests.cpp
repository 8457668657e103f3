// backup create|list|verify from the command line (issue 18): the file printed, the list, exit
// 3 for a changed byte, exit 6 for a role without the right, and a PostgreSQL practice told to
// use pg_dump.
#include "cli_test_support.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
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
