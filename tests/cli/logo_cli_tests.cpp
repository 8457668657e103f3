// Issue 14: a 20000×20000 PNG logo cost every report 14.5 s and 2 GB, and a FIFO as the logo
// hung every report. `settings set clinic.logo` now refuses them; a report whose logo no longer
// passes is made without it, with a warning.
#include "cli_test_support.h"
#include "logo_test_files.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace myodesk;
using test::Cli;
using test::CliResult;
using test::Contains;
namespace fs = std::filesystem;

namespace {

std::string ShownLogo(const test::TestDatabase& database) {
    const auto shown = Cli(database, {"settings", "show"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    return shown.out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(logo_cli_tests)

MYODESK_DB_TEST(a_logo_is_checked_when_it_is_set) {
    test::TempFolder folder;
    const fs::path good = folder.path / "logo.png";
    test::WriteFileBytes(good, test::SmallPng());
    const auto set = Cli(test_db, {"settings", "set", "clinic.logo", good.string()});
    BOOST_TEST(set.code == 0, set.err);

    const fs::path huge = folder.path / "huge.png";
    test::WriteFileBytes(huge, test::PngHeaderClaiming(20000, 20000));
    const fs::path fifo = folder.path / "fifo.png";
    BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const fs::path big = folder.path / "big.png";
    test::WriteFileBytes(big, test::SmallPng());
    fs::resize_file(big, 3 * 1024 * 1024);
    const std::vector<std::pair<fs::path, std::string>> refused{
        {huge, "the image is 20000×20000 pixels; a logo may be at most 2000×2000 pixels"},
        {fifo, "it is not a file"},
        {folder.path, "it is not a file"},
        {big, "the file is 3145728 bytes; a logo may be at most 2097152 bytes (2 MiB)"},
        {folder.path / "gone.png", "it cannot be read (No such file or directory)"}};
    for (const auto& [path, why] : refused) {
        const auto result = Cli(test_db, {"settings", "set", "clinic.logo", path.string()});
        BOOST_TEST(result.code == 3, path.string());
        BOOST_TEST(Contains(result.err, "clinic.logo: " + path.string() + ": " + why), result.err);
    }
    BOOST_TEST(Contains(ShownLogo(test_db), good.string()));
    BOOST_TEST(!Contains(ShownLogo(test_db), huge.string()));
}

MYODESK_DB_TEST(a_report_leaves_out_a_logo_that_no_longer_passes_and_says_why) {
    test::TempFolder folder;
    const fs::path logo = folder.path / "logo.png";
    test::WriteFileBytes(logo, test::SmallPng());
    BOOST_REQUIRE(Cli(test_db, {"settings", "set", "clinic.logo", logo.string()}).code == 0);
    const std::vector<std::string> report{
        "report", "clinic",     "--from", "2026-01-01",
        "--to",   "2026-01-31", "--out",  (folder.path / "q.pdf").string()};
    const auto with_logo = Cli(test_db, report);
    BOOST_TEST(with_logo.code == 0, with_logo.err);
    BOOST_TEST(!Contains(with_logo.err, "warning"), with_logo.err);

    // The file was swapped for a huge image, then for a FIFO, after it was set.
    test::WriteFileBytes(logo, test::PngHeaderClaiming(20000, 20000));
    const auto huge = Cli(test_db, report);
    BOOST_TEST(huge.code == 0, huge.err);
    BOOST_TEST(Contains(huge.err, "warning: the clinic logo " + logo.string() +
                                      " cannot be used: the image is 20000×20000 pixels"),
               huge.err);
    BOOST_TEST(fs::file_size(folder.path / "q.pdf") > 0u);
    fs::remove(logo);
    BOOST_REQUIRE(mkfifo(logo.c_str(), 0600) == 0);
    const auto fifo = Cli(test_db, report);  // returns: nothing waits on the FIFO
    BOOST_TEST(fifo.code == 0, fifo.err);
    BOOST_TEST(Contains(fifo.err, "cannot be used: it is not a file"), fifo.err);
}

BOOST_AUTO_TEST_SUITE_END()
