#include <myodesk/core/text.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

using namespace myodesk::core;

BOOST_AUTO_TEST_SUITE(text_tests)

BOOST_AUTO_TEST_CASE(counts_code_points_not_bytes) {
    BOOST_TEST(Utf8Length("") == 0u);
    BOOST_TEST(Utf8Length("O'Brien") == 7u);
    BOOST_TEST(Utf8Length("Zoë") == 3u);
    BOOST_TEST(Utf8Length("李小龙") == 3u);
    BOOST_TEST(Utf8Length("🏃") == 1u);
}

BOOST_AUTO_TEST_CASE(display_width_counts_terminal_columns) {
    BOOST_TEST(DisplayWidth("Ann") == 3u);
    BOOST_TEST(DisplayWidth("Zoë") == 3u);
    BOOST_TEST(DisplayWidth("Zoe\u0308") == 3u);  // e + combining diaeresis
    BOOST_TEST(DisplayWidth("李小龙") == 6u);
    BOOST_TEST(DisplayWidth("김민준") == 6u);
}

BOOST_AUTO_TEST_CASE(recognises_malformed_utf8) {
    BOOST_TEST(IsValidUtf8("Zoë Ångström 李小龙 🏃"));
    BOOST_TEST(!IsValidUtf8("\xC3"));          // truncated sequence
    BOOST_TEST(!IsValidUtf8("\xC0\xAF"));      // overlong '/'
    BOOST_TEST(!IsValidUtf8("\xED\xA0\x80"));  // surrogate
    BOOST_TEST(!IsValidUtf8("abc\xFF"));       // never valid
    BOOST_TEST(Utf8Length("a\xFF"
                          "b") == 3u);  // a bad byte counts as one
}

namespace {

struct Fold {
    std::string first;   // as typed
    std::string second;  // the search key
};

std::ostream& operator<<(std::ostream& out, const Fold& fold) {
    return out << fold.first;
}

}  // namespace

BOOST_DATA_TEST_CASE(folds_case_and_latin_accents,
                     boost::unit_test::data::make(std::vector<Fold>{
                         {"Zoë", "zoe"},
                         {"Ångström", "angstrom"},
                         {"O'BRIEN", "o'brien"},
                         {"Łukasz Żółć", "lukasz zolc"},
                         {"Straße", "strasse"},
                         {"ÆSIR Œuvre", "aesir oeuvre"},
                         {"李小龙", "李小龙"},
                         {"ΑΘΗΝΑ", "αθηνα"},
                         {"ИВАН", "иван"},
                         {"Robert'); DROP TABLE clients;--", "robert'); drop table clients;--"},
                     }),
                     sample) {
    BOOST_TEST(FoldForSearch(sample.first) == sample.second);
}

BOOST_AUTO_TEST_CASE(keeps_only_digits_and_trims) {
    BOOST_TEST(DigitsOnly("+44 (0)20 7946-0958") == "4402079460958");
    BOOST_TEST(Trim("  Ann \t") == "Ann");
    BOOST_TEST(Trim("   ").empty());
}

BOOST_AUTO_TEST_SUITE_END()
