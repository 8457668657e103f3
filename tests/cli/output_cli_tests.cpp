// Issue 14: --out replaced anything: `export clients --out practice.sqlite` (the open
// database) exited 0 and the practice was gone; a FIFO, a folder or another database too.
#include "cli_test_support.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <vector>

using namespace myodesk;
using test::Cli;
using test::CliResult;
using test::Contains;
using test::ReadText;
namespace fs = std::filesystem;

namespace {

unsigned ModeOf(const fs::path& path) {
    struct stat status {};
    BOOST_REQUIRE(stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777U;
}

// Every command that writes a file the user names, writing `path`.
std::vector<std::vector<std::string>> WritersOf(const std::string& path) {
    return {{"export", "clients", "--out", path},
            {"export", "sessions", "--from", "2026-01-01", "--to", "2026-01-31", "--out", path},
            {"export", "clinic", "--from", "2026-01-01", "--to", "2026-01-31", "--out", path},
            {"report", "clinic", "--from", "2026-01-01", "--to", "2026-01-31", "--out", path},
            {"report", "client", "1", "--out", path}};
}

// Each writer is refused with exit 3 and says why.
void ExpectRefused(const test::TestDatabase& database, const fs::path& path,
                   const std::string& why) {
    for (const auto& words : WritersOf(path.string())) {
        const auto result = Cli(database, words);
        BOOST_TEST_CONTEXT(words[0] + " " + words[1] + " " + path.string()) {
            BOOST_TEST(result.code == 3, result.err);
            BOOST_TEST(Contains(result.err, "cannot write " + path.string() + ": " + why),
                       result.err);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_cli_tests)

MYODESK_DB_TEST(the_open_database_is_never_an_output) {
    if (test_db.GetBackend() != db::Backend::kSqlite) {
        return;  // a PostgreSQL database has no file here; the other refusals are tested below
    }
    test::AddClientWithCli(test_db, {"--given", "Ann", "--family", "Kept"});
    const fs::path database = test_db.Location();
    const fs::path folder = database.parent_path();
    fs::create_hard_link(database, folder / "hard link.csv");
    fs::create_symlink(database.filename(), folder / "soft link.csv");
    const std::string why = "it is the open database (or one of its files)";
    for (const fs::path& path :
         {database, folder / "." / database.filename(), folder / "hard link.csv",
          folder / "soft link.csv", fs::path(database.string() + "-wal"),
          fs::path(database.string() + "-journal")}) {
        ExpectRefused(test_db, path, why);
    }
    const auto listed = Cli(test_db, {"clients", "list"});
    BOOST_TEST(listed.code == 0, listed.err);
    BOOST_TEST(Contains(listed.out, "Kept"), listed.out);
    BOOST_TEST(!fs::exists(database.string() + "-journal"));
}

MYODESK_DB_TEST(a_folder_a_pipe_a_device_or_another_database_is_never_an_output) {
    test::TempFolder folder;
    test::AddClientWithCli(test_db, {"--given", "Ann"});
    ExpectRefused(test_db, folder.path, "it is a folder");

    const fs::path fifo = folder.path / "pipe.csv";
    BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    ExpectRefused(test_db, fifo, "it is a pipe or a socket");
    BOOST_TEST(fs::is_fifo(fifo));

    const fs::path other = folder.path / "other practice.sqlite";
    const std::string header("SQLite format 3\0rest of the database", 36);
    std::ofstream(other, std::ios::binary) << header;
    ExpectRefused(test_db, other, "it is a database");
    BOOST_TEST(ReadText(other.string()) == header);

    // A device node of our own where we may make one (root), so a mistake cannot hit /dev.
    const fs::path device = folder.path / "null";
    if (mknod(device.c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) {
        ExpectRefused(test_db, device, "it is a device");
        BOOST_TEST(fs::is_character_file(device));
    }
}

MYODESK_DB_TEST(an_export_is_private_and_replaces_a_link_s_target) {
    test::TempFolder folder;
    test::AddClientWithCli(test_db, {"--given", "Ann"});
    const fs::path fresh = folder.path / "fresh.csv";
    BOOST_TEST(Cli(test_db, {"export", "clients", "--out", fresh.string()}).code == 0);
    BOOST_TEST(ModeOf(fresh) == 0600u);

    // Exporting over a 0644 file made it 0644 again; now 0600.
    const fs::path open = folder.path / "open.csv";
    std::ofstream(open) << "old";
    fs::permissions(open, static_cast<fs::perms>(0644));
    BOOST_TEST(Cli(test_db, {"export", "clients", "--out", open.string()}).code == 0);
    BOOST_TEST(ModeOf(open) == 0600u);
    BOOST_TEST(Contains(ReadText(open.string()), "Ann"));

    const fs::path pdf = folder.path / "summary.pdf";
    const auto report = Cli(test_db, {"report", "clinic", "--from", "2026-01-01", "--to",
                                      "2026-01-31", "--out", pdf.string()});
    BOOST_TEST(report.code == 0, report.err);
    BOOST_TEST(ModeOf(pdf) == 0600u);

    const fs::path link = folder.path / "latest.csv";
    fs::create_symlink("fresh.csv", link);
    std::ofstream(fresh) << "old";
    BOOST_TEST(Cli(test_db, {"export", "clients", "--out", link.string()}).code == 0);
    BOOST_TEST(fs::is_symlink(link));
    BOOST_TEST(Contains(ReadText(fresh.string()), "Ann"));
}

BOOST_AUTO_TEST_SUITE_END()
