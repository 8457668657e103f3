// Restoring a backup (issue 18) through services::BackupService, as `backup restore` and the
// app's Restore from backup… do: who may, over the practice (what the backup held comes back,
// the database as it was is kept), into a new file, and what is refused with nothing changed:
// a damaged backup, a practice open at another desk, a file that exists.
#include "accounts_practice.h"
#include "backup_test_files.h"
#include "test_database.h"

#include <myodesk/db/audit_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/errors.h>

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace myodesk;

namespace {

namespace fs = std::filesystem;
using test::FlipByteAt;
using test::ModeOf;
using test::NamesIn;

std::int64_t ActiveClients(db::Database& database) {
    services::Context context(database, services::Clock::FixedOn(test::kToday));
    return services::ReadDatabaseInfo(context).active_clients;
}

// The owner at the desk of a SQLite practice with accounts (test::AccountsPractice), a backup
// of it made, and a client added after the backup. The practice can be closed (a restore over
// it needs that) and opened again, the owner signing in again.
struct PracticeBackedUp {
    PracticeBackedUp() {
        database = std::make_unique<db::Database>(test_db.Open());
        now = test::AccountsPractice(*database).now;
        Open();
        backup = services::BackupService(*context).Create(std::nullopt).path;
        core::Client late;
        late.given_name = "Late";
        late.family_name = "Added";
        services::ClientService(*context).Add(late);
        database_path = database->Target().sqlite_path;
    }

    void Open() {
        if (!database) {
            database = std::make_unique<db::Database>(test_db.Open());
        }
        context =
            std::make_unique<services::Context>(*database, services::Clock([this] { return now; }));
        services::AccountService(*context).SignIn("olive", test::kPassword);
    }
    void Close() {
        context.reset();
        database.reset();
    }

    test::TestDatabase test_db = test::TestDatabase::Sqlite();
    services::TimePoint now;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<services::Context> context;
    fs::path backup;
    fs::path database_path;
};

// A child process with the practice open (as another desk has), until it is killed. Made while
// this process has no connection to it: SQLite's record of its locks must not be inherited.
class OtherDesk {
  public:
    explicit OtherDesk(const fs::path& database) {
        int ready[2] = {-1, -1};
        BOOST_TEST_REQUIRE(::pipe(ready) == 0);
        m_pid = ::fork();
        BOOST_TEST_REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::close(ready[0]);
            sqlite3* handle = nullptr;
            sqlite3_open_v2(database.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
            sqlite3_exec(handle, "SELECT COUNT(*) FROM clients", nullptr, nullptr, nullptr);
            const char byte = 1;
            [[maybe_unused]] const auto written = ::write(ready[1], &byte, 1);
            for (;;) {
                ::pause();
            }
        }
        ::close(ready[1]);
        char byte = 0;
        BOOST_TEST_REQUIRE(::read(ready[0], &byte, 1) == 1);  // open: the test goes on
        ::close(ready[0]);
    }
    ~OtherDesk() {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    OtherDesk(const OtherDesk&) = delete;
    OtherDesk& operator=(const OtherDesk&) = delete;

  private:
    pid_t m_pid = -1;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_restore_tests)

MYODESK_DB_TEST(restoring_is_for_the_owner_and_the_manager_of_a_sqlite_practice) {
    auto database = test_db.Open();
    test::AccountsPractice practice(database);
    services::BackupService backups(practice.context);
    const fs::path somewhere = fs::temp_directory_path() / "myodesk-no-such-backup.sqlite";
    for (const std::string user : {"tess", "fred"}) {
        practice.SignIn(user);
        BOOST_CHECK_THROW(backups.CheckRestoreOver(somewhere), services::NotAllowedError);
        BOOST_CHECK_THROW(backups.RestoreToNewFile(somewhere, somewhere),
                          services::NotAllowedError);
    }
    practice.SignIn("mia");
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        // Never over a server's practice: into a new, empty database (server_backup_tests).
        try {
            backups.CheckRestoreOver(somewhere);
            BOOST_FAIL("a PostgreSQL practice was offered a restore over itself");
        } catch (const services::RuleError& error) {
            BOOST_TEST(std::string(error.what()).find("new, empty database") != std::string::npos);
        }
        return;
    }
    BOOST_CHECK_THROW(backups.CheckRestoreOver(somewhere), db::BackupDamagedError);
}

BOOST_FIXTURE_TEST_CASE(a_restore_over_the_practice_brings_back_the_backup_and_keeps_what_was,
                        PracticeBackedUp, *boost::unit_test::label("sqlite")) {
    BOOST_TEST(ActiveClients(*database) == 2);
    const db::BackupManifest checked = services::BackupService(*context).CheckRestoreOver(backup);
    const services::DeskSession desk = context->Desk();
    Close();

    const services::RestoreDone done =
        services::BackupService::RestoreOverPractice(backup, database_path, now);
    BOOST_TEST((done.manifest == checked));
    BOOST_TEST(done.database == database_path);
    BOOST_TEST(ModeOf(database_path) == 0600U);
    // The database as it was: in the backups folder, whole, listed, private, with the client
    // added after the backup.
    BOOST_TEST(done.safety_copy.parent_path() == test_db.Folder() / "backups");
    BOOST_TEST(done.safety_copy.filename().string().find("-before-restore-") != std::string::npos);
    BOOST_TEST(done.safety_copy_whole);
    BOOST_TEST(ModeOf(done.safety_copy) == 0600U);
    BOOST_CHECK_NO_THROW(db::VerifySqliteBackup(done.safety_copy));
    // Nothing partial is left beside the database.
    for (const std::string& name : NamesIn(test_db.Folder())) {
        BOOST_TEST(!name.ends_with(".partial"), name);
    }

    Open();
    BOOST_TEST(ActiveClients(*database) == 1);  // the backup's: Ann only
    context->SetDesk(desk);
    services::BackupService::RecordRestore(*context, done);
    db::AuditFilter restores;
    restores.action = "backup.restore";
    const auto logged = db::AuditRepository(*database).List(restores, 0, 10);
    BOOST_TEST_REQUIRE(logged.size() == 1U);
    BOOST_TEST(logged.front().username == "olive");
    BOOST_TEST(logged.front().detail.find(backup.filename().string()) != std::string::npos);

    // The restore can be undone from it: it holds the client added after the backup.
    const fs::path undone = test_db.Folder() / "undone.db";
    services::BackupService(*context).RestoreToNewFile(done.safety_copy, undone);
    {
        db::Database kept = db::OpenDatabase(undone.string());
        BOOST_TEST(ActiveClients(kept) == 2);
    }
    // And it is kept through the thinning.
    now += std::chrono::hours(24 * 40);
    services::BackupService backups(*context);
    backups.Create(std::nullopt);
    backups.Thin(core::RetentionPolicy{1, 0, 0});
    BOOST_TEST(fs::exists(done.safety_copy));
    BOOST_TEST(!fs::exists(backup));
}

BOOST_FIXTURE_TEST_CASE(a_practice_open_at_another_desk_is_never_restored_over, PracticeBackedUp,
                        *boost::unit_test::label("sqlite")) {
    Close();
    {
        const OtherDesk other(database_path);
        Open();
        BOOST_CHECK_THROW(services::BackupService(*context).CheckRestoreOver(backup),
                          db::DatabaseInUseError);
        Close();
        // Even past the check (the other desk opened it since): refused, nothing changed.
        BOOST_CHECK_THROW(services::BackupService::RestoreOverPractice(backup, database_path, now),
                          db::DatabaseInUseError);
    }
    Open();
    BOOST_TEST(ActiveClients(*database) == 2);
    const std::vector<std::string> expected = {backup.filename().string(),
                                               backup.filename().string() + ".json"};
    BOOST_TEST(NamesIn(test_db.Folder() / "backups") == expected, boost::test_tools::per_element());
    for (const std::string& name : NamesIn(test_db.Folder())) {
        BOOST_TEST(!name.ends_with(".partial"), name);
    }
}

BOOST_FIXTURE_TEST_CASE(a_damaged_backup_restores_nothing, PracticeBackedUp,
                        *boost::unit_test::label("sqlite")) {
    FlipByteAt(backup, static_cast<std::streamoff>(fs::file_size(backup) / 2));
    BOOST_CHECK_THROW(services::BackupService(*context).CheckRestoreOver(backup),
                      db::BackupDamagedError);
    const fs::path elsewhere = test_db.Folder() / "restored.db";
    BOOST_CHECK_THROW(services::BackupService(*context).RestoreToNewFile(backup, elsewhere),
                      db::BackupDamagedError);
    BOOST_TEST(!fs::exists(elsewhere));
    Close();
    BOOST_CHECK_THROW(services::BackupService::RestoreOverPractice(backup, database_path, now),
                      db::BackupDamagedError);
    Open();
    BOOST_TEST(ActiveClients(*database) == 2);
    BOOST_TEST(NamesIn(test_db.Folder() / "backups").size() == 2U);
}

BOOST_FIXTURE_TEST_CASE(a_backup_restored_to_a_new_file_leaves_the_practice_alone, PracticeBackedUp,
                        *boost::unit_test::label("sqlite")) {
    services::BackupService backups(*context);
    BOOST_CHECK_THROW(backups.RestoreToNewFile(backup, database_path), services::RuleError);
    const fs::path elsewhere = test_db.Folder() / "restored.db";
    const services::RestoreDone done = backups.RestoreToNewFile(backup, elsewhere);
    BOOST_TEST(done.safety_copy.empty());
    BOOST_TEST(ModeOf(elsewhere) == 0600U);
    BOOST_TEST(ActiveClients(*database) == 2);
    {
        db::Database restored = db::OpenDatabase(elsewhere.string());
        BOOST_TEST(ActiveClients(restored) == 1);
    }
    db::AuditFilter restores;
    restores.action = "backup.restore";
    const auto logged = db::AuditRepository(*database).List(restores, 0, 10);
    BOOST_TEST_REQUIRE(logged.size() == 1U);
    BOOST_TEST(logged.front().detail.find("restored.db") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_damaged_practice_is_restored_over_and_kept_as_it_was, PracticeBackedUp,
                        *boost::unit_test::label("sqlite")) {
    Close();
    {
        // The first pages overwritten: SQLite no longer takes it for a database.
        std::fstream file(database_path, std::ios::in | std::ios::out | std::ios::binary);
        const std::string garbage(3 * 4096, '\x5a');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    BOOST_CHECK_THROW(test_db.Open(), db::DatabaseError);
    const services::RestoreDone done =
        services::BackupService::RestoreOverPractice(backup, database_path, now);
    BOOST_TEST(fs::exists(done.safety_copy));
    BOOST_TEST(!done.safety_copy_whole);  // kept byte for byte, without a manifest
    Open();
    BOOST_TEST(ActiveClients(*database) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
