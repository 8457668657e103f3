// The practice's automatic backups (issue 18) through services::BackupService: the practice's
// rule whoever is at the desk, into the folder the settings name, thinned by their keep
// counts; off when the settings say so; due once a day; and the status the status bar shows.
#include "accounts_practice.h"
#include "test_database.h"

#include <myodesk/db/audit_repository.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/settings_service.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <string>

using namespace myodesk;

namespace {

namespace fs = std::filesystem;

struct TherapistsDesk {
    TherapistsDesk() {
        practice.SignIn("olive");
        SetBackup([](core::BackupSettings&) {});
        practice.SignIn("tess");
    }

    // Changes the backup settings as the owner, then gives the desk back to whoever was at it.
    template <typename Change>
    void SetBackup(Change change) {
        const services::DeskSession desk = practice.context.Desk();
        practice.SignIn("olive");
        services::SettingsService settings(practice.context);
        core::BackupSettings backup = settings.LoadBackup();
        change(backup);
        settings.SaveBackup(backup);
        practice.context.SetDesk(desk);
    }

    test::TestDatabase test_db = test::TestDatabase::Sqlite();
    db::Database database = test_db.Open();
    test::AccountsPractice practice{database};
    services::BackupService backups{practice.context};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(automatic_backup_tests)

BOOST_FIXTURE_TEST_CASE(an_automatic_backup_is_the_practices_rule_whoever_is_at_the_desk,
                        TherapistsDesk, *boost::unit_test::label("sqlite")) {
    // Tess may not back up by hand, but the practice's automatic backup is made at her desk.
    BOOST_CHECK_THROW(backups.Create(std::nullopt), services::NotAllowedError);
    BOOST_TEST(backups.Status().automatic);
    BOOST_TEST(backups.Status().overdue);  // none yet
    BOOST_TEST(backups.DailyDue());
    const auto made = backups.CreateAutomatic();
    BOOST_TEST_REQUIRE(made.has_value());
    BOOST_TEST(made->path.parent_path() == test_db.Folder() / "backups");
    BOOST_CHECK_NO_THROW(db::VerifySqliteBackup(made->path));
    BOOST_TEST(!backups.DailyDue());
    const services::BackupStatus status = backups.Status();
    BOOST_TEST_REQUIRE(status.newest.has_value());
    BOOST_TEST(!status.overdue);
    BOOST_TEST(status.newest->sha256 == made->manifest.sha256);

    db::AuditFilter filter;
    filter.action = "backup.create";
    const auto logged = db::AuditRepository(database).List(filter, 0, 10);
    BOOST_TEST_REQUIRE(logged.size() == 1U);
    BOOST_TEST(logged.front().username == "tess");
    BOOST_TEST(logged.front().detail.find("\"automatic\":true") != std::string::npos);

    // A day later it is due again; after backup.warn_after_days the status warns.
    practice.now += std::chrono::hours(25);
    BOOST_TEST(backups.DailyDue());
    BOOST_TEST(!backups.Status().overdue);
    practice.now += std::chrono::hours(24);
    BOOST_TEST(backups.Status().overdue);
}

BOOST_FIXTURE_TEST_CASE(automatic_backups_follow_their_settings, TherapistsDesk,
                        *boost::unit_test::label("sqlite")) {
    const fs::path stick = test_db.Folder() / "stick";
    SetBackup([&stick](core::BackupSettings& backup) {
        backup.folder = stick.string();
        backup.keep_daily = 2;
        backup.keep_weekly = 0;
        backup.keep_monthly = 0;
    });
    // Four days of backups into the folder of the settings, thinned to the last two days.
    for (int day = 0; day < 4; ++day) {
        BOOST_TEST_REQUIRE(backups.CreateAutomatic().has_value());
        practice.now += std::chrono::hours(24);
    }
    BOOST_TEST(backups.AutomaticFolder() == stick);
    BOOST_TEST(services::BackupService::ListIn(stick).size() == 2U);
    BOOST_TEST(!fs::exists(test_db.Folder() / "backups"));

    // Off: nothing made, never due, and the status says they are off.
    SetBackup([](core::BackupSettings& backup) { backup.automatic = 0; });
    BOOST_TEST(!backups.CreateAutomatic().has_value());
    practice.now += std::chrono::hours(24 * 30);
    BOOST_TEST(!backups.DailyDue());
    BOOST_TEST(!backups.Status().automatic);
    BOOST_TEST(services::BackupService::ListIn(stick).size() == 2U);
}

BOOST_AUTO_TEST_CASE(backup_settings_are_for_the_owner_and_the_manager,
                     *boost::unit_test::label("sqlite")) {
    auto test_db = test::TestDatabase::Sqlite();
    auto database = test_db.Open();
    test::AccountsPractice practice(database);
    services::SettingsService settings(practice.context);
    core::BackupSettings off;
    off.automatic = 0;
    practice.SignIn("tess");
    BOOST_CHECK_THROW(settings.SaveBackup(off), services::NotAllowedError);
    practice.SignIn("mia");
    settings.SaveBackup(off);
    BOOST_TEST(settings.LoadBackup().automatic == 0);
}

MYODESK_DB_TEST(a_server_practice_has_no_automatic_backups) {
    auto database = test_db.Open();
    test::AccountsPractice practice(database);
    services::BackupService backups(practice.context);
    if (test_db.GetBackend() == db::Backend::kSqlite) {
        BOOST_TEST(backups.DailyDue());
        return;
    }
    BOOST_TEST(!backups.CreateAutomatic().has_value());
    BOOST_TEST(!backups.DailyDue());
    BOOST_TEST(!backups.Status().automatic);
}

BOOST_AUTO_TEST_SUITE_END()
