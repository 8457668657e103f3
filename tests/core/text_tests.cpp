#include <myodesk/core/text.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <vector>

using namespace myodesk::core;

BOOST_AUTO_TEST_SUITE(text_tests)

BOOST_AUTO_TEST_CASE(acceptable_text_has_no_control_or_bidi_characters) {
    BOOST_TEST(IsAcceptableText("Zoë Ångström 李小龙 🏃 مرحبا", TextLines::kOne));
    for (const std::string& bad :
         {std::string("a\0b", 3), std::string("\x1b[31m"), std::string("\a"), std::string("\x7f"),
          std::string("\u0080"), std::string("\u009f"), std::string("\u202a"),
          std::string("\u202e"), std::string("\u2066"), std::string("\u2069"),
          std::string("\u200e"), std::string("\u200f"), std::string("\u061c"),
          std::string("\xC3")}) {
        BOOST_TEST(!IsAcceptableText("x" + bad, TextLines::kOne), bad);
        BOOST_TEST(!IsAcceptableText("x" + bad, TextLines::kMany), bad);
    }
    for (const char* line : {"\t", "\n"}) {
        BOOST_TEST(!IsAcceptableText(std::string("a") + line + "b", TextLines::kOne));
        BOOST_TEST(IsAcceptableText(std::string("a") + line + "b", TextLines::kMany));
    }
    // Only tab and line feed: a carriage return is a C0 control like the others.
    BOOST_TEST(!IsAcceptableText("a\r\nb", TextLines::kOne));
    BOOST_TEST(!IsAcceptableText("a\r\nb", TextLines::kMany));
    // Neighbours of the refused ranges are ordinary characters.
    BOOST_TEST(IsAcceptableText("\u00a0\u2029\u202f\u2065\u206a", TextLines::kOne));
}

BOOST_AUTO_TEST_CASE(terminal_output_shows_controls_as_escapes) {
    BOOST_TEST(EscapeForTerminal("Zoë\tÅngström\n") == "Zoë\tÅngström\n");
    BOOST_TEST(EscapeForTerminal("a\x1b]0;title\x07"
                                 "b") == "a\\u{1b}]0;title\\u{7}b");
    BOOST_TEST(EscapeForTerminal(std::string("\0\r\x7f", 3)) == "\\u{0}\\u{d}\\u{7f}");
    BOOST_TEST(EscapeForTerminal("\u009b\u202e") == "\\u{9b}\\u{202e}");
    BOOST_TEST(EscapeForTerminal("a\xFF"
                                 "b") ==
               "a\uFFFD"
               "b");
    // JSON text keeps its meaning: only DEL and C1 controls, which dump leaves raw, change.
    BOOST_TEST(EscapeJsonForTerminal("{\"a\": \"x\x7f\u0085\u202e\"}\n") ==
               "{\"a\": \"x\\u007f\\u0085\u202e\"}\n");
}

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
