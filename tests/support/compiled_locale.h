#pragma once

// A glibc locale compiled for one test into a folder of its own (localedef from the sources of
// Debian's `locales` package, which dev.sh installs), so a test of locale-dependent output
// needs no locale installed on the machine: point LOCPATH at Folder(). Without the sources the
// test fails, saying so; it never passes untested.

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace myodesk::test {

class CompiledLocale {
  public:
    // `name` as glibc spells it with UTF-8: "de_DE" gives "de_DE.UTF-8".
    explicit CompiledLocale(const std::string& name) : m_name(name + ".UTF-8") {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "myodesk-locale-XXXXXX").string();
        BOOST_TEST_REQUIRE(mkdtemp(pattern.data()) != nullptr);
        m_folder = pattern;
        const std::string command = fmt::format("localedef -i '{}' -f UTF-8 '{}' >/dev/null 2>&1",
                                                name, (m_folder / m_name).string());
        // localedef exits 1 for warnings with the locale written; the folder tells.
        std::system(command.c_str());
        if (!std::filesystem::exists(m_folder / m_name / "LC_TIME")) {
            BOOST_FAIL("could not compile the " << m_name
                                                << " locale with localedef: install Debian's "
                                                   "locales package (./dev.sh test does)");
        }
    }
    ~CompiledLocale() {
        std::error_code ignored;
        std::filesystem::remove_all(m_folder, ignored);
    }
    CompiledLocale(const CompiledLocale&) = delete;
    CompiledLocale& operator=(const CompiledLocale&) = delete;

    const std::string& Name() const { return m_name; }  // "de_DE.UTF-8"
    const std::filesystem::path& Folder() const { return m_folder; }

  private:
    std::string m_name;
    std::filesystem::path m_folder;
};

}  // namespace myodesk::test
