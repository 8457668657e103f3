#include <myodesk/reports/atomic_output_file.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace myodesk::reports;
namespace fs = std::filesystem;

namespace {

// A fresh temp folder for one test, removed afterwards.
struct TempFolder {
    TempFolder()
        : path(fs::temp_directory_path() / ("myodesk-reports-tests-" + std::to_string(getpid()) +
                                            "-" + std::to_string(counter++))) {
        fs::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
    std::size_t FileCount() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(path), fs::directory_iterator()));
    }
    fs::path path;
    static inline int counter = 0;
};

std::string Contents(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(atomic_output_file_tests)

BOOST_AUTO_TEST_CASE(the_file_appears_only_on_commit) {
    TempFolder folder;
    const auto path = folder.path / "clients.csv";
    {
        AtomicOutputFile file(path);
        file.Stream() << "id\r\n1\r\n";
        BOOST_TEST(!fs::exists(path));
        file.Commit();
    }
    BOOST_TEST(Contents(path) == "id\r\n1\r\n");
    BOOST_TEST(folder.FileCount() == 1u);  // no temporary file left
}

BOOST_AUTO_TEST_CASE(an_error_half_way_leaves_nothing_and_keeps_the_old_file) {
    TempFolder folder;
    const auto path = folder.path / "clients.csv";
    std::ofstream(path) << "old";
    try {
        AtomicOutputFile file(path);
        file.Stream() << "half a file";
        throw std::runtime_error("the database went away");
    } catch (const std::runtime_error&) {
    }
    BOOST_TEST(Contents(path) == "old");
    BOOST_TEST(folder.FileCount() == 1u);
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_named_in_the_error) {
    TempFolder folder;
    const auto path = folder.path / "no such folder" / "clients.csv";
    try {
        AtomicOutputFile file(path);
        BOOST_FAIL("no error");
    } catch (const OutputFileError& error) {
        BOOST_TEST(std::string(error.what()) ==
                   "cannot write " + path.string() + ": No such file or directory");
    }
    BOOST_TEST(folder.FileCount() == 0u);
}

BOOST_AUTO_TEST_CASE(a_folder_as_the_target_fails_on_commit_and_leaves_nothing) {
    TempFolder folder;
    const auto path = folder.path / "taken";
    fs::create_directory(path);
    fs::create_directory(path / "inside");  // rename cannot replace a non-empty folder
    AtomicOutputFile file(path);
    file.Stream() << "x";
    BOOST_CHECK_THROW(file.Commit(), OutputFileError);
    BOOST_TEST(fs::is_directory(path));
    BOOST_TEST(folder.FileCount() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
