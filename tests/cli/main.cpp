#define BOOST_TEST_MODULE cli_tests
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

// Commands given no --db open the default database under $XDG_DATA_HOME: point it at a
// temp folder for the whole run so a test can never touch the user's own practice.
struct PrivateDataHome {
    PrivateDataHome()
        : m_folder(std::filesystem::temp_directory_path() /
                   ("myodesk-cli-tests-" + std::to_string(getpid()))) {
        std::filesystem::create_directories(m_folder);
        setenv("XDG_DATA_HOME", m_folder.c_str(), 1);
    }
    ~PrivateDataHome() {
        std::error_code ignored;
        std::filesystem::remove_all(m_folder, ignored);
    }
    std::filesystem::path m_folder;
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(PrivateDataHome);
