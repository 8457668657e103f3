// Backups of a SQLite practice (issue 18) through services::BackupService, as `backup create`,
// `backup list`, `backup verify` and the app use it: who may, what is written (private files,
// a manifest), a changed byte found, a backup stopped half way leaving nothing that looks like
// a backup, and the thinning over a simulated year.
#include "accounts_practice.h"
#include "backup_test_files.h"
#include "test_database.h"

#include <myodesk/db/audit_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace myodesk;

using test::AccountsPractice;

namespace {

namespace fs = std::filesystem;
using test::FlipByteAt;
using test::ModeOf;
using test::NamesIn;

// A SQLite practice with accounts, the owner signed in, and the service she backs up with.
struct OwnersBackups {
    OwnersBackups() { practice.SignIn("olive"); }

    test::TestDatabase test_db = test::TestDatabase::Sqlite();
    db::Database database = test_db.Open();
    AccountsPractice practice{database};
    services::BackupService backups{practice.context};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_service_tests)

MYODESK_DB_TEST(backing_up_is_for_the_owner_and_the_manager_of_a_sqlite_practice) {
    auto database = test_db.Open();
    AccountsPractice practice(database);
    services::BackupService backups(practice.context);
    for (const std::string user : {"tess", "fred"}) {
        practice.SignIn(user);
        BOOST_CHECK_THROW(backups.Create(std::nullopt), services::NotAllowedError);
        BOOST_CHECK_THROW(backups.List(std::nullopt), services::NotAllowedError);
    }
    practice.SignIn("mia");
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        // On a server the manager's login does not read the others' private notes: the owner
        // backs it up (server_backup_tests.cpp).
        BOOST_CHECK_THROW(backups.Create(std::nullopt), services::NotAllowedError);
        return;
    }
    const services::BackupMade made = backups.Create(std::nullopt);
    BOOST_TEST(fs::is_regular_file(made.path));
    BOOST_TEST(made.path.parent_path() == test_db.Folder() / "backups");
}

BOOST_FIXTURE_TEST_CASE(a_backup_is_a_private_verified_copy_with_its_manifest, OwnersBackups,
                        *boost::unit_test::label("sqlite")) {
    std::vector<std::int64_t> progress;
    const services::BackupMade made =
        backups.Create(std::nullopt, [&progress](std::int64_t done, std::int64_t total) {
            progress.push_back(done);
            BOOST_TEST(done <= total);
            return true;
        });
    BOOST_TEST(!progress.empty());
    BOOST_TEST(ModeOf(made.path.parent_path()) == 0700U);
    BOOST_TEST(ModeOf(made.path) == 0600U);
    BOOST_TEST(ModeOf(made.path.string() + ".json") == 0600U);
    // The name says when, never whose.
    BOOST_TEST(made.path.filename().string().find("Smith") == std::string::npos);
    BOOST_TEST(made.manifest.rows.at("clients") == 1);
    BOOST_TEST(made.manifest.rows.at("session_notes") == 2);
    BOOST_TEST(made.manifest.rows.at("staff") == 5);
    BOOST_TEST(made.manifest.sha256.size() == 64U);
    // Stamped by the desk's clock, as everything else it records.
    BOOST_TEST(made.manifest.created_at == db::UtcTimestamp(practice.now));
    BOOST_TEST(made.manifest.created_local.substr(0, 10) == core::FormatIsoDate(test::kToday));
    BOOST_TEST(NamesIn(made.path.parent_path()).size() == 2U);  // no partial file left

    const db::BackupManifest verified = backups.Verify(made.path);
    BOOST_TEST(verified.sha256 == made.manifest.sha256);

    // The copy opens as the practice it was (a copy of it: opening settles the file).
    const fs::path opened = test_db.Folder() / "opened.sqlite";
    fs::copy_file(made.path, opened);
    db::Database copy = db::OpenDatabase(opened.string());
    services::Context reader(copy, practice.context.GetClock());
    BOOST_TEST(services::ClientService(reader).Find(practice.ann).has_value());

    const auto listed = backups.List(std::nullopt);
    BOOST_TEST_REQUIRE(listed.size() == 1U);
    BOOST_TEST(listed.front().path == made.path);
    BOOST_TEST_REQUIRE(listed.front().manifest.has_value());

    db::AuditFilter backups_made;
    backups_made.action = "backup.create";
    const auto logged = db::AuditRepository(database).List(backups_made, 0, 10);
    BOOST_TEST_REQUIRE(logged.size() == 1U);
    BOOST_TEST(logged.front().username == "olive");
}

BOOST_FIXTURE_TEST_CASE(verify_finds_a_changed_byte_and_a_damaged_manifest, OwnersBackups,
                        *boost::unit_test::label("sqlite")) {
    const fs::path backup = backups.Create(std::nullopt).path;
    const auto size = static_cast<std::streamoff>(fs::file_size(backup));

    FlipByteAt(backup, size / 2);
    BOOST_CHECK_THROW(backups.Verify(backup), db::BackupDamagedError);
    FlipByteAt(backup, size / 2);
    BOOST_CHECK_NO_THROW(backups.Verify(backup));

    fs::resize_file(backup.string() + ".json", 10);
    BOOST_CHECK_THROW(backups.Verify(backup), db::BackupDamagedError);
    BOOST_CHECK_THROW(backups.Verify(test_db.Folder() / "no-such.sqlite"), db::BackupDamagedError);
}

BOOST_FIXTURE_TEST_CASE(a_backup_stopped_half_way_leaves_nothing_that_looks_like_a_backup,
                        OwnersBackups, *boost::unit_test::label("sqlite")) {
    const fs::path folder = test_db.Folder() / "backups";

    // Cancelled: nothing at all is left.
    BOOST_CHECK_THROW(
        backups.Create(std::nullopt, [](std::int64_t, std::int64_t) { return false; }),
        db::BackupCancelledError);
    BOOST_TEST(NamesIn(folder).empty());

    // Killed while copying (SIGKILL from inside the copy, in a child process): what it left
    // starts with a dot and is never listed; the next backup is whole.
    const pid_t child = ::fork();
    BOOST_TEST_REQUIRE(child >= 0);
    if (child == 0) {
        services::BackupService(practice.context)
            .Create(std::nullopt, [](std::int64_t, std::int64_t) {
                ::raise(SIGKILL);
                return true;
            });
        ::_exit(0);
    }
    int status = 0;
    BOOST_TEST_REQUIRE(::waitpid(child, &status, 0) == child);
    BOOST_TEST(WIFSIGNALED(status));
    for (const std::string& name : NamesIn(folder)) {
        BOOST_TEST(name.front() == '.', name);
    }
    BOOST_TEST(backups.List(std::nullopt).empty());
    practice.now += std::chrono::seconds(1);
    const fs::path whole = backups.Create(std::nullopt).path;
    BOOST_TEST(backups.List(std::nullopt).size() == 1U);
    BOOST_CHECK_NO_THROW(backups.Verify(whole));
}

BOOST_FIXTURE_TEST_CASE(a_year_of_daily_backups_is_thinned_to_the_documented_set, OwnersBackups,
                        *boost::unit_test::label("sqlite")) {
    // Noon on 2026-01-01, then a day later each time: a year of the practice's backups.
    practice.now = services::Clock::FixedOn(*core::ParseIsoDate("2026-01-01")).Now();
    for (int day = 0; day < 365; ++day) {
        backups.Create(std::nullopt);
        practice.now += std::chrono::hours(24);
    }
    std::vector<std::string> kept;
    for (const services::BackupFile& file : backups.List(std::nullopt)) {
        BOOST_TEST_REQUIRE(file.manifest.has_value());
        kept.insert(kept.begin(), file.manifest->created_local.substr(0, 10));
    }
    // docs/backups.md: the last 7 days, 4 weeks (Mondays to Sundays) and 12 months.
    const std::vector<std::string> expected = {
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
        "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
        "2026-11-30", "2026-12-13", "2026-12-20", "2026-12-25", "2026-12-26",
        "2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"};
    BOOST_TEST(kept == expected, boost::test_tools::per_element());
    // Each kept backup still has its manifest; the thinned ones left none behind.
    BOOST_TEST(NamesIn(test_db.Folder() / "backups").size() == 2 * expected.size());
}

BOOST_FIXTURE_TEST_CASE(a_backup_just_made_is_never_thinned_away, OwnersBackups,
                        *boost::unit_test::label("sqlite")) {
    const fs::path first = backups.Create(std::nullopt).path;
    const fs::path second = backups.Create(std::nullopt).path;  // the same second
    BOOST_TEST(first != second);
    BOOST_TEST(fs::exists(second));
}

BOOST_AUTO_TEST_SUITE_END()
