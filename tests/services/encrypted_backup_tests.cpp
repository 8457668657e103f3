// Encrypted backups (issue 18) through services::BackupService, as `backup create --encrypt`,
// `backup verify` and `backup restore` use them: no client's name in clear, no plain copy
// left anywhere, a wrong passphrase or a changed byte refused with nothing written, and the
// practice restored from one.
#include "accounts_practice.h"
#include "test_database.h"

#include <myodesk/services/backup_service.h>
#include <myodesk/services/errors.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace myodesk;

namespace {

namespace fs = std::filesystem;

const std::string kPassphrase = "a long walk in the rain";

std::string Bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Every file under `folder`, hidden ones too.
std::vector<fs::path> FilesUnder(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    return files;
}

struct OwnersStick {
    OwnersStick() { practice.SignIn("olive"); }

    test::TestDatabase test_db = test::TestDatabase::Sqlite();
    db::Database database = test_db.Open();
    test::AccountsPractice practice{database};
    services::BackupService backups{practice.context};
    fs::path stick = test_db.Folder() / "stick";
};

}  // namespace

BOOST_AUTO_TEST_SUITE(encrypted_backup_tests)

BOOST_FIXTURE_TEST_CASE(an_encrypted_backup_shows_no_readable_text_and_opens_with_its_passphrase,
                        OwnersStick, *boost::unit_test::label("sqlite")) {
    const services::BackupMade made = backups.Create(stick, {}, {}, kPassphrase);
    BOOST_TEST(made.path.filename().string().ends_with(".sqlite.encrypted"));
    // Only the sealed file on the stick: no manifest, no plain copy, here or beside the database.
    BOOST_TEST(FilesUnder(stick).size() == 1U);
    for (const fs::path& file : FilesUnder(test_db.Folder())) {
        BOOST_TEST(file.filename().string().find("myodesk-work") == std::string::npos,
                   file.string());
    }
    const std::string sealed = Bytes(made.path);
    for (const std::string clear : {"Smith", "Olive Owner", "SQLite format", "session_notes"}) {
        BOOST_TEST(sealed.find(clear) == std::string::npos, clear);
    }
    const auto listed = services::BackupService::ListIn(stick);
    BOOST_TEST_REQUIRE(listed.size() == 1U);
    BOOST_TEST(listed.front().encrypted);
    // Dated by its name: the manifest inside is not read without the passphrase.
    BOOST_TEST(listed.front().made_local == made.manifest.created_local);

    const db::BackupManifest opened = backups.Verify(made.path, kPassphrase);
    BOOST_TEST(opened.rows.at("clients") == 1);
    BOOST_TEST(opened.sha256 == made.manifest.sha256);
    BOOST_CHECK_THROW(backups.Verify(made.path), services::RuleError);  // no passphrase
}

BOOST_FIXTURE_TEST_CASE(a_wrong_passphrase_or_a_changed_byte_writes_nothing, OwnersStick,
                        *boost::unit_test::label("sqlite")) {
    const fs::path sealed = backups.Create(stick, {}, {}, kPassphrase).path;
    const fs::path restored = test_db.Folder() / "restored.db";
    BOOST_CHECK_THROW(backups.RestoreToNewFile(sealed, restored, std::string("not the one")),
                      db::WrongPassphraseError);
    BOOST_TEST(!fs::exists(restored));

    // A byte changed in the middle, then the file cut short: found, nothing written.
    const std::string whole = Bytes(sealed);
    std::string changed = whole;
    changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 0x01);
    std::ofstream(sealed, std::ios::binary | std::ios::trunc) << changed;
    try {
        backups.RestoreToNewFile(sealed, restored, kPassphrase);
        BOOST_FAIL("a changed encrypted backup was restored");
    } catch (const db::WrongPassphraseError&) {
        BOOST_FAIL("a changed byte was taken for a wrong passphrase");
    } catch (const db::BackupDamagedError& error) {
        BOOST_TEST(std::string(error.what()).find("changed") != std::string::npos, error.what());
    }
    std::ofstream(sealed, std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() - 5);
    BOOST_CHECK_THROW(backups.RestoreToNewFile(sealed, restored, kPassphrase),
                      db::BackupDamagedError);
    BOOST_TEST(!fs::exists(restored));
    for (const fs::path& file : FilesUnder(test_db.Folder())) {
        const std::string name = file.filename().string();
        BOOST_TEST((name.find("partial") == std::string::npos &&
                    name.find("myodesk-work") == std::string::npos),
                   file.string());
    }

    // Whole again: it restores.
    std::ofstream(sealed, std::ios::binary | std::ios::trunc) << whole;
    BOOST_TEST(
        backups.RestoreToNewFile(sealed, restored, kPassphrase).manifest.rows.at("clients") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_short_passphrase_is_refused, OwnersStick,
                        *boost::unit_test::label("sqlite")) {
    BOOST_CHECK_THROW(backups.Create(stick, {}, {}, std::string("short")), services::RuleError);
    BOOST_TEST(!fs::exists(stick));
}

BOOST_AUTO_TEST_SUITE_END()
