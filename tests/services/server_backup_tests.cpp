// Backups of a practice on a PostgreSQL server (issue 18): pg_dump's custom format made by the
// owner's own login, checked against its manifest, restored with pg_restore into an empty
// database only, its accounts working there; a changed byte found, a cancelled backup leaving
// nothing, an encrypted one needing its passphrase. On SQLite the same calls make and restore
// SQLite files, and a server's backup is refused there.
#include "accounts_practice.h"
#include "backup_test_files.h"
#include "test_database.h"

#include <myodesk/db/audit_repository.h>
#include <myodesk/db/encrypted_backup.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/postgresql_dump.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/note_service.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace myodesk;

namespace {

namespace fs = std::filesystem;
using test::AccountsPractice;
using test::FlipByteAt;
using test::ModeOf;
using test::NamesIn;

const std::string kPassphrase = "a long stick phrase";

// A private folder for the backups, and the desk's data folder (XDG_DATA_HOME, where an
// encrypted server backup is opened) inside it, removed afterwards.
struct BackupFolders {
    BackupFolders()
        : root(fs::temp_directory_path() / fmt::format("myodesk server backups {}", ::getpid())) {
        fs::remove_all(root);
        fs::create_directories(root / "data");
        ::setenv("XDG_DATA_HOME", (root / "data").c_str(), 1);
    }
    ~BackupFolders() {
        ::unsetenv("XDG_DATA_HOME");
        std::error_code ignored;
        fs::remove_all(root, ignored);
    }
    fs::path Backups() const { return root / "backups"; }
    fs::path root;
};

std::string ClientNameIn(const std::string& location, const std::string& username,
                         core::ClientId client) {
    db::Database database =
        db::OpenDatabase(location, {true, db::ServerLogin{username, test::kPassword}});
    services::Context context(database, services::Clock::FixedOn(test::kToday));
    services::AccountService(context).SignInAsServerLogin();
    const auto found = services::ClientService(context).Find(client);
    return found ? found->family_name : std::string();
}

bool FileContains(const fs::path& file, const std::string& text) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(fs::file_size(file)), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes.find(text) != std::string::npos;
}

// A practice with accounts on the PostgreSQL server, its owner signed in, and the service she
// backs it up with.
struct OwnersServerPractice {
    OwnersServerPractice() { practice.SignIn("olive"); }

    BackupFolders folders;
    test::TestDatabase test_db = test::TestDatabase::Postgresql();
    db::Database database = test_db.Open();
    AccountsPractice practice{database};
    services::BackupService backups{practice.context};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(server_backup_tests)

MYODESK_DB_TEST(the_owner_backs_up_a_server_practice_with_pg_dump_and_a_manager_may_not) {
    BackupFolders folders;
    auto database = test_db.Open();
    AccountsPractice practice(database);
    services::BackupService backups(practice.context);
    practice.SignIn("mia");
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        // A manager's login does not read the others' private notes: her backup would lack them.
        BOOST_CHECK_THROW(backups.Create(folders.Backups()), services::NotAllowedError);
        BOOST_TEST(NamesIn(folders.Backups()).empty());
        practice.SignIn("olive");
    }
    const services::BackupMade made = backups.Create(folders.Backups());
    const bool server = test_db.GetBackend() == db::Backend::kPostgresql;
    BOOST_TEST(services::BackupService::IsServerBackup(made.path) == server);
    BOOST_TEST(db::IsPostgresqlDump(made.path) == server);
    BOOST_TEST(made.path.extension() == (server ? ".pgdump" : ".sqlite"));
    BOOST_TEST(ModeOf(folders.Backups()) == 0700U);
    BOOST_TEST(ModeOf(made.path) == 0600U);
    BOOST_TEST(ModeOf(made.path.string() + ".json") == 0600U);
    // Every row, the private note of Tess's included (the owner's login reads all of them).
    BOOST_TEST(made.manifest.rows.at("clients") == 1);
    BOOST_TEST(made.manifest.rows.at("session_notes") == 2);
    BOOST_TEST(made.manifest.rows.at("staff") == 5);
    BOOST_TEST(NamesIn(folders.Backups()).size() == 2U);  // no partial file left
    const db::BackupManifest verified = backups.Verify(made.path);
    BOOST_TEST(verified.sha256 == made.manifest.sha256);
    const auto listed = backups.List(folders.Backups());
    BOOST_TEST_REQUIRE(listed.size() == 1U);
    BOOST_TEST_REQUIRE(listed.front().manifest.has_value());
    BOOST_TEST(listed.front().manifest->rows.at("session_notes") == 2);
}

BOOST_FIXTURE_TEST_CASE(a_server_backup_restores_into_an_empty_database_with_its_accounts,
                        OwnersServerPractice,
                        *boost::unit_test::label("postgresql") *
                            boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    const services::BackupMade made = backups.Create(folders.Backups());

    // Never over a practice: the database holding one is refused, nothing written.
    BOOST_CHECK_THROW(
        backups.RestoreToServer(made.path, test_db.Location(), std::nullopt, std::nullopt),
        services::RuleError);
    // Nor into a SQLite file: a server's backup goes to a server.
    BOOST_CHECK_THROW(backups.RestoreToNewFile(made.path, folders.root / "restored.sqlite"),
                      services::RuleError);
    BOOST_TEST(!fs::exists(folders.root / "restored.sqlite"));

    const auto target = test::TestDatabase::OtherServerDatabase(test_db);
    // The same server: the accounts' logins are there and keep their passwords.
    BOOST_TEST(!services::BackupService::OwnerLoginNeeded(made.path, target.Location()));
    const services::RestoreDone done =
        backups.RestoreToServer(made.path, target.Location(), std::nullopt, std::nullopt);
    BOOST_TEST(done.manifest.sha256 == made.manifest.sha256);

    // Each account signs in to the restored practice and reads what it read before: Tess her
    // private note, Theo not hers.
    BOOST_TEST(ClientNameIn(target.Location(), "olive", practice.ann) == "Smith");
    {
        db::Database restored =
            db::OpenDatabase(target.Location(), {true, db::ServerLogin{"theo", test::kPassword}});
        services::Context context(restored, services::Clock::FixedOn(test::kToday));
        services::AccountService(context).SignInAsServerLogin();
        services::NoteService notes(context);
        // The server's row-level security came back with the practice: Theo reads his note,
        // never Tess's private one.
        BOOST_TEST(notes.Get(practice.theos_note.id).client_id == practice.ann);
        BOOST_CHECK_THROW(notes.Get(practice.private_note.id), std::exception);
    }
    // Recorded in the practice it was restored from, and a second restore into the same
    // database is refused (it now holds a practice).
    db::AuditFilter restores;
    restores.action = "backup.restore";
    BOOST_TEST(db::AuditRepository(database).List(restores, 0, 10).size() == 1U);
    BOOST_CHECK_THROW(
        backups.RestoreToServer(made.path, target.Location(), std::nullopt, std::nullopt),
        services::RuleError);
}

BOOST_AUTO_TEST_CASE(a_server_without_the_owners_login_needs_their_new_password_first,
                     *boost::unit_test::label("postgresql") *
                         boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    BackupFolders folders;
    const auto test_db = test::TestDatabase::Postgresql();
    services::BackupMade made;
    {
        auto database = test_db.Open();
        AccountsPractice practice(database);
        practice.SignIn("olive");
        made = services::BackupService(practice.context).Create(folders.Backups());
    }
    // As on another server: the owner's login is gone.
    {
        auto admin = test_db.Open();
        db::ServerAccounts(admin).DropAll({"olive"});
    }
    const auto target = test::TestDatabase::OtherServerDatabase(test_db);
    BOOST_TEST(
        services::BackupService::OwnerLoginNeeded(made.path, target.Location()).value_or("") ==
        "olive");
    BOOST_CHECK_THROW(services::BackupService::RestoreDumpInto(made.path, target.Location()),
                      services::RuleError);
    {
        // Nothing was written: the database is still empty.
        db::Database empty =
            db::OpenDatabase(target.Location(), db::OpenOptions{false, std::nullopt});
        BOOST_TEST(db::SchemaVersion(empty) == 0);
    }
    services::BackupService::RestoreDumpInto(made.path, target.Location(), std::nullopt,
                                             std::string("a new owner password"));
    db::Database restored = db::OpenDatabase(
        target.Location(), {true, db::ServerLogin{"olive", "a new owner password"}});
    services::Context context(restored, services::Clock::FixedOn(test::kToday));
    BOOST_TEST(services::AccountService(context).SignInAsServerLogin().has_value());
    BOOST_TEST(services::ClientService(context).Find(1).has_value());
}

BOOST_FIXTURE_TEST_CASE(a_changed_cancelled_or_sealed_server_backup, OwnersServerPractice,
                        *boost::unit_test::label("postgresql") *
                            boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    // Stopped at the first table: nothing that looks like a backup is left.
    BOOST_CHECK_THROW(
        backups.Create(folders.Backups(), [](std::int64_t, std::int64_t) { return false; }),
        db::BackupCancelledError);
    BOOST_TEST(NamesIn(folders.Backups()).empty());

    std::vector<std::int64_t> progress;
    const services::BackupMade made =
        backups.Create(folders.Backups(), [&progress](std::int64_t done, std::int64_t total) {
            BOOST_TEST(done <= total);
            progress.push_back(done);
            return true;
        });
    BOOST_TEST(progress.size() > 10U);  // a step per table
    const fs::path changed = folders.root / "changed.pgdump";
    fs::copy_file(made.path, changed);
    fs::copy_file(made.path.string() + ".json", changed.string() + ".json");
    FlipByteAt(changed, static_cast<std::streamoff>(fs::file_size(changed) / 2));
    BOOST_CHECK_THROW(backups.Verify(changed), db::BackupDamagedError);

    // Sealed with a passphrase: no name in clear, opened only with it.
    const services::BackupMade sealed =
        backups.Create(folders.Backups(), {}, {}, services::Passphrase(kPassphrase));
    BOOST_TEST(sealed.path.string().ends_with(".pgdump.encrypted"));
    BOOST_TEST(!FileContains(sealed.path, "Smith"));
    BOOST_TEST(services::BackupService::IsServerBackup(sealed.path));
    BOOST_CHECK_THROW(backups.Verify(sealed.path, services::Passphrase("not the phrase")),
                      db::WrongPassphraseError);
    BOOST_TEST(backups.Verify(sealed.path, services::Passphrase(kPassphrase)).rows.at("clients") ==
               1);
    const auto target = test::TestDatabase::OtherServerDatabase(test_db);
    backups.RestoreToServer(sealed.path, target.Location(), services::Passphrase(kPassphrase),
                            std::nullopt);
    BOOST_TEST(ClientNameIn(target.Location(), "olive", practice.ann) == "Smith");
    // No plain copy left in the desk's data folder.
    for (const auto& entry : fs::recursive_directory_iterator(folders.root / "data")) {
        BOOST_TEST(!entry.is_regular_file(), entry.path());
    }
}

BOOST_FIXTURE_TEST_CASE(without_the_servers_client_programs_the_message_says_what_to_do,
                        OwnersServerPractice,
                        *boost::unit_test::label("postgresql") *
                            boost::unit_test::precondition(test::PostgresqlConfigured{})) {
    const std::string path = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
    ::setenv("PATH", (folders.root / "no programs here").c_str(), 1);
    try {
        backups.Create(folders.Backups());
        BOOST_FAIL("a backup was made without pg_dump");
    } catch (const db::ServerToolsMissingError& error) {
        BOOST_TEST(std::string(error.what()).find("postgresql-client") != std::string::npos);
        BOOST_TEST(std::string(error.what()).find("export all") != std::string::npos);
    }
    ::setenv("PATH", path.c_str(), 1);
    BOOST_TEST(NamesIn(folders.Backups()).empty());
}

BOOST_AUTO_TEST_SUITE_END()
