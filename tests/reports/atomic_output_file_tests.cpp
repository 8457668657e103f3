#include <myodesk/reports/atomic_output_file.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>

using namespace myodesk::reports;

namespace myodesk::reports {
std::ostream& operator<<(std::ostream& out, OutputRefusal refusal) {
    return out << "refusal " << static_cast<int>(refusal);
}
}  // namespace myodesk::reports
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

void WriteBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

unsigned ModeOf(const fs::path& path) {
    struct stat status {};
    BOOST_REQUIRE(stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777U;
}

// A character device to write to: a copy of /dev/null in `folder` where this user may make
// one (root), else /dev/null itself (which only root could replace).
fs::path DeviceIn(const fs::path& folder) {
    const fs::path device = folder / "null";
    if (mknod(device.c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) {
        return device;
    }
    return "/dev/null";
}

// Which refusal writing `path` meets (a failed test when it is not refused).
OutputRefusal RefusalOf(const fs::path& path, const std::vector<fs::path>& protected_files = {}) {
    try {
        AtomicOutputFile file(path, protected_files);
    } catch (const OutputRefusedError& error) {
        return error.Refusal();
    }
    BOOST_FAIL("not refused: " + path.string());
    return OutputRefusal::kFolder;
}

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

BOOST_AUTO_TEST_CASE(a_folder_as_the_target_is_refused_and_left_alone) {
    TempFolder folder;
    const auto path = folder.path / "taken";
    fs::create_directory(path);
    fs::create_directory(path / "inside");
    BOOST_TEST(RefusalOf(path) == OutputRefusal::kFolder);
    BOOST_TEST(fs::is_directory(path / "inside"));
    BOOST_TEST(folder.FileCount() == 1u);
}

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_without_blocking) {
    TempFolder folder;
    const auto path = folder.path / "pipe";
    BOOST_REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    BOOST_TEST(RefusalOf(path) == OutputRefusal::kPipe);
    BOOST_TEST(fs::is_fifo(path));
    BOOST_TEST(folder.FileCount() == 1u);
}

BOOST_AUTO_TEST_CASE(a_device_is_refused) {
    TempFolder folder;
    const auto device = DeviceIn(folder.path);
    BOOST_TEST(RefusalOf(device) == OutputRefusal::kDevice);
    BOOST_TEST(fs::is_character_file(device));
}

BOOST_AUTO_TEST_CASE(a_symbolic_link_to_a_device_is_refused) {
    TempFolder folder;
    const auto device = DeviceIn(folder.path);
    const auto link = folder.path / "null.csv";
    fs::create_symlink(device, link);
    BOOST_TEST(RefusalOf(link) == OutputRefusal::kDevice);
    BOOST_TEST(fs::is_symlink(link));
    BOOST_TEST(fs::is_character_file(device));
}

BOOST_AUTO_TEST_CASE(any_sqlite_database_is_refused_and_kept) {
    TempFolder folder;
    const auto path = folder.path / "old-practice.csv";
    const std::string database = std::string("SQLite format 3\0", 16) + "the rest of the file";
    WriteBytes(path, database);
    BOOST_TEST(RefusalOf(path) == OutputRefusal::kDatabaseFile);
    BOOST_TEST(Contents(path) == database);
}

BOOST_AUTO_TEST_CASE(the_protected_files_are_refused_by_any_name) {
    TempFolder folder;
    const auto database = folder.path / "practice.sqlite";
    WriteBytes(database, "not yet a database");  // caught by identity, not by its header
    fs::create_hard_link(database, folder.path / "hard link.csv");
    fs::create_symlink("practice.sqlite", folder.path / "soft link.csv");
    const std::vector<fs::path> protected_files{database, folder.path / "practice.sqlite-wal"};
    for (const fs::path& name :
         {database, folder.path / "." / "practice.sqlite", folder.path / "hard link.csv",
          folder.path / "soft link.csv", folder.path / "practice.sqlite-wal"}) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(RefusalOf(name, protected_files) == OutputRefusal::kProtectedFile);
        }
    }
    BOOST_TEST(Contents(database) == "not yet a database");
    BOOST_TEST(!fs::exists(folder.path / "practice.sqlite-wal"));
}

BOOST_AUTO_TEST_CASE(the_refusal_names_the_path_and_why) {
    TempFolder folder;
    try {
        AtomicOutputFile file(folder.path);
        BOOST_FAIL("no error");
    } catch (const OutputRefusedError& error) {
        BOOST_TEST(std::string(error.what()) ==
                   "cannot write " + folder.path.string() + ": it is a folder; give a file name");
    }
}

BOOST_AUTO_TEST_CASE(a_symbolic_link_is_followed_and_its_target_replaced) {
    TempFolder folder;
    fs::create_directory(folder.path / "exports");
    const auto target = folder.path / "exports" / "clients.csv";
    WriteBytes(target, "old");
    const auto link = folder.path / "latest.csv";
    fs::create_symlink(fs::path("exports") / "clients.csv", link);
    {
        AtomicOutputFile file(link);
        file.Stream() << "new";
        file.Commit();
    }
    BOOST_TEST(fs::is_symlink(link));
    BOOST_TEST(Contents(target) == "new");
    BOOST_TEST(folder.FileCount() == 2u);  // the link and the folder, no temporary file
    BOOST_TEST(static_cast<std::size_t>(std::distance(
                   fs::directory_iterator(folder.path / "exports"), fs::directory_iterator())) ==
               1u);
}

BOOST_AUTO_TEST_CASE(a_dangling_symbolic_link_makes_the_file_it_names) {
    TempFolder folder;
    const auto link = folder.path / "latest.csv";
    fs::create_symlink("clients.csv", link);
    {
        AtomicOutputFile file(link);
        file.Stream() << "new";
        file.Commit();
    }
    BOOST_TEST(fs::is_symlink(link));
    BOOST_TEST(Contents(folder.path / "clients.csv") == "new");
}

BOOST_AUTO_TEST_CASE(a_new_file_is_private) {
    TempFolder folder;
    const auto path = folder.path / "clients.csv";
    const mode_t old_umask = umask(0);  // 0600 whatever the umask lets through
    {
        AtomicOutputFile file(path);
        file.Stream() << "x";
        file.Commit();
    }
    umask(old_umask);
    BOOST_TEST(ModeOf(path) == 0600u);
}

BOOST_AUTO_TEST_CASE(a_readable_old_file_becomes_private_and_a_stricter_one_stays_so) {
    TempFolder folder;
    const auto open = folder.path / "open.csv";
    const auto read_only = folder.path / "read-only.csv";
    WriteBytes(open, "old");
    WriteBytes(read_only, "old");
    fs::permissions(open, static_cast<fs::perms>(0644));
    fs::permissions(read_only, static_cast<fs::perms>(0400));
    for (const fs::path& path : {open, read_only}) {
        AtomicOutputFile file(path);
        file.Stream() << "new";
        file.Commit();
    }
    BOOST_TEST(ModeOf(open) == 0600u);
    BOOST_TEST(ModeOf(read_only) == 0400u);
    BOOST_TEST(Contents(open) == "new");
}

BOOST_AUTO_TEST_CASE(the_old_file_is_replaced_by_a_new_one_not_rewritten) {
    TempFolder folder;
    const auto path = folder.path / "clients.csv";
    WriteBytes(path, "old");
    fs::create_hard_link(path, folder.path / "kept.csv");
    {
        AtomicOutputFile file(path);
        file.Stream() << "new";
        file.Commit();
    }
    BOOST_TEST(Contents(path) == "new");
    BOOST_TEST(Contents(folder.path / "kept.csv") == "old");  // the old inode is untouched
}

BOOST_AUTO_TEST_CASE(a_target_that_became_a_database_while_writing_is_kept) {
    TempFolder folder;
    const auto path = folder.path / "clients.csv";
    AtomicOutputFile file(path);
    file.Stream() << "new";
    const std::string database = std::string("SQLite format 3\0", 16) + "pages";
    WriteBytes(path, database);
    try {
        file.Commit();
        BOOST_FAIL("no error");
    } catch (const OutputRefusedError& error) {
        BOOST_TEST(error.Refusal() == OutputRefusal::kDatabaseFile);
    }
    BOOST_TEST(Contents(path) == database);
    BOOST_TEST(folder.FileCount() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
