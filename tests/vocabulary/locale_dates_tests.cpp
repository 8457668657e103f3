// The readable date of real glibc locales, compiled for the test (test::CompiledLocale): the
// one form the GUI's lists, profile and reports and the CLI's reports write.
#include "compiled_locale.h"

#include <myodesk/vocabulary/locale_dates.h>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <string>

using namespace myodesk;
using namespace std::chrono;

namespace {

const core::Date kMarch{year{2026}, March, day{9}};

// LOCPATH names the compiled locale's folder while the test reads it.
struct LocalePath {
    explicit LocalePath(const std::filesystem::path& folder) {
        const char* old = std::getenv("LOCPATH");
        had = old != nullptr;
        previous = had ? old : "";
        setenv("LOCPATH", folder.c_str(), 1);
    }
    ~LocalePath() {
        if (had) {
            setenv("LOCPATH", previous.c_str(), 1);
        } else {
            unsetenv("LOCPATH");
        }
    }
    bool had = false;
    std::string previous;
};

std::string InLocale(const std::string& language) {
    const test::CompiledLocale locale(language);
    const LocalePath path(locale.Folder());
    return core::FormatDate(kMarch, vocabulary::DateStyleOfLocale(locale.Name()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(locale_dates)

BOOST_AUTO_TEST_CASE(each_locale_writes_its_own_readable_date) {
    BOOST_TEST(InLocale("de_DE") == "9 Mär 2026");
    BOOST_TEST(InLocale("en_US") == "9 Mar 2026");
    BOOST_TEST(InLocale("ja_JP") == "2026年3月9日");
    BOOST_TEST(InLocale("hu_HU") == "2026. márc. 9.");
    BOOST_TEST(InLocale("fi_FI") == "9. maaliskuuta 2026");
}

BOOST_AUTO_TEST_CASE(the_c_locale_and_a_missing_one_keep_the_default) {
    BOOST_TEST(core::FormatDate(kMarch, vocabulary::DateStyleOfLocale("C")) == "9 Mar 2026");
    BOOST_TEST(core::FormatDate(kMarch, vocabulary::DateStyleOfLocale("POSIX")) == "9 Mar 2026");
    BOOST_TEST(core::FormatDate(kMarch, vocabulary::DateStyleOfLocale("xx_YY.UTF-8")) ==
               "9 Mar 2026");
}

BOOST_AUTO_TEST_SUITE_END()
