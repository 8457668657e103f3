#include <myodesk/core/client_validation.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

const Date kToday{year{2026}, November, day{20}};

Client ValidClient() {
    Client client;
    client.given_name = "Ann";
    client.family_name = "Smith";
    return client;
}

struct Case {
    const char* name;
    std::function<void(Client&)> change;
    std::vector<ValidationProblem> expected;  // empty: valid
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << c.name;
}

std::string Repeat(std::string_view unit, std::size_t times) {
    std::string text;
    for (std::size_t i = 0; i < times; ++i) {
        text += unit;
    }
    return text;
}

const std::vector<Case> kCases{
    {"minimal client", [](Client&) {}, {}},
    {"given name only", [](Client& c) { c.family_name.clear(); }, {}},
    {"family name only", [](Client& c) { c.given_name.clear(); }, {}},
    {"no name",
     [](Client& c) {
         c.given_name = "  ";
         c.family_name.clear();
     },
     {{"given_name", ProblemCode::kRequired}}},
    {"born today", [](Client& c) { c.date_of_birth = kToday; }, {}},
    {"born tomorrow",
     [](Client& c) { c.date_of_birth = Date{sys_days{kToday} + days{1}}; },
     {{"date_of_birth", ProblemCode::kInFuture}}},
    {"exactly 120 years old",
     [](Client& c) {
         c.date_of_birth = Date{year{1906}, November, day{20}};
     },
     {}},
    {"a day over 120 years",
     [](Client& c) {
         c.date_of_birth = Date{year{1906}, November, day{19}};
     },
     {{"date_of_birth", ProblemCode::kTooFarInPast}}},
    {"plain email", [](Client& c) { c.email = "ann.smith+runs@example.co.uk"; }, {}},
    {"email without at",
     [](Client& c) { c.email = "ann.example.com"; },
     {{"email", ProblemCode::kInvalidEmail}}},
    {"email without domain dot",
     [](Client& c) { c.email = "ann@localhost"; },
     {{"email", ProblemCode::kInvalidEmail}}},
    {"email with two ats",
     [](Client& c) { c.email = "ann@@example.com"; },
     {{"email", ProblemCode::kInvalidEmail}}},
    {"email with space",
     [](Client& c) { c.email = "ann smith@example.com"; },
     {{"email", ProblemCode::kInvalidEmail}}},
    {"international phone", [](Client& c) { c.phone = "+44 (0)20 7946-0958"; }, {}},
    {"phone with extension", [](Client& c) { c.phone = "505-555-0100 ext. 12"; }, {}},
    {"phone with letters",
     [](Client& c) { c.phone = "call me maybe"; },
     {{"phone", ProblemCode::kInvalidPhone}}},
    {"phone too short",
     [](Client& c) { c.phone = "123"; },
     {{"phone", ProblemCode::kInvalidPhone}}},
    {"phone with plus inside",
     [](Client& c) { c.phone = "505+555+0100"; },
     {{"phone", ProblemCode::kInvalidPhone}}},
    {"emergency phone checked too",
     [](Client& c) { c.emergency_contact_phone = "n/a"; },
     {{"emergency_contact_phone", ProblemCode::kInvalidPhone}}},
    {"100-character name", [](Client& c) { c.given_name = Repeat("李", 100); }, {}},
    {"101-character name",
     [](Client& c) { c.family_name = Repeat("ë", 101); },
     {{"family_name", ProblemCode::kTooLong, ClientLimits::kName}}},
    {"long notes at the limit", [](Client& c) { c.notes = Repeat("n", ClientLimits::kNotes); }, {}},
    {"notes over the limit",
     [](Client& c) { c.notes = Repeat("n", ClientLimits::kNotes + 1); },
     {{"notes", ProblemCode::kTooLong, ClientLimits::kNotes}}},
    {"multi-line address", [](Client& c) { c.address = "1 Road\nTown"; }, {}},
    {"line break in a name",
     [](Client& c) { c.given_name = "Ann\nMarie"; },
     {{"given_name", ProblemCode::kInvalidText}}},
    {"ESC in a name",
     [](Client& c) { c.given_name = "Ann\x1b]0;owned\x07"; },
     {{"given_name", ProblemCode::kInvalidText}}},
    {"NUL in a name",
     [](Client& c) { c.family_name = std::string("Lee\0x", 5); },
     {{"family_name", ProblemCode::kInvalidText}}},
    {"DEL in a phone number",
     [](Client& c) { c.phone = "+44 20 7946 0958\x7f"; },
     {{"phone", ProblemCode::kInvalidText}}},
    {"a C1 control in the referral source",
     [](Client& c) { c.referral_source = "Web\u009b2J"; },
     {{"referral_source", ProblemCode::kInvalidText}}},
    {"a right-to-left override in a name",
     [](Client& c) { c.preferred_name = "Ann\u202Enne"; },
     {{"preferred_name", ProblemCode::kInvalidText}}},
    {"ESC in the notes, where lines are allowed",
     [](Client& c) { c.notes = "fine\nthen \x1b[2J"; },
     {{"notes", ProblemCode::kInvalidText}}},
    {"tabs and lines in the notes", [](Client& c) { c.notes = "one\n\ttwo"; }, {}},
    {"a carriage return in the notes",
     [](Client& c) { c.notes = "one\r\ntwo"; },
     {{"notes", ProblemCode::kInvalidText}}},
    {"born on 1899-12-31",
     [](Client& c) {
         c.date_of_birth = Date{year{1899}, December, day{31}};
     },
     {{"date_of_birth", ProblemCode::kTooFarInPast}}},
    {"broken UTF-8",
     [](Client& c) { c.physician = "Dr \xC3"; },
     {{"physician", ProblemCode::kInvalidText}}},
    {"several problems at once",
     [](Client& c) {
         c.given_name.clear();
         c.family_name.clear();
         c.email = "x";
         c.date_of_birth = Date{year{2030}, January, day{1}};
     },
     {{"given_name", ProblemCode::kRequired},
      {"date_of_birth", ProblemCode::kInFuture},
      {"email", ProblemCode::kInvalidEmail}}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(client_validation_tests)

BOOST_DATA_TEST_CASE(validates_each_field, boost::unit_test::data::make(kCases), sample) {
    Client client = ValidClient();
    sample.change(client);
    const auto problems = ValidateClient(client, kToday);
    BOOST_TEST_REQUIRE(problems.size() == sample.expected.size());
    for (std::size_t i = 0; i < problems.size(); ++i) {
        BOOST_TEST(problems[i].field == sample.expected[i].field);
        BOOST_TEST(ProblemCodeName(problems[i].code) == ProblemCodeName(sample.expected[i].code));
        BOOST_TEST(problems[i].limit == sample.expected[i].limit);
    }
}

BOOST_AUTO_TEST_CASE(every_code_has_a_stable_name) {
    for (auto code :
         {ProblemCode::kRequired,      ProblemCode::kTooLong,      ProblemCode::kInFuture,
          ProblemCode::kTooFarInPast,  ProblemCode::kInvalidEmail, ProblemCode::kInvalidPhone,
          ProblemCode::kInvalidText,   ProblemCode::kOutOfRange,   ProblemCode::kUnknownCode,
          ProblemCode::kInvalidDate,   ProblemCode::kWrongType,    ProblemCode::kNotAccepted,
          ProblemCode::kOverlaps,      ProblemCode::kLocked,       ProblemCode::kDuplicate,
          ProblemCode::kTooMany,       ProblemCode::kTooDeep,      ProblemCode::kDuplicateKey,
          ProblemCode::kInvalidNumber, ProblemCode::kInvalidJson,  ProblemCode::kTooFarInFuture,
          ProblemCode::kContradicts}) {
        BOOST_TEST(ProblemCodeName(code) != "unknown");
    }
    BOOST_TEST(ProblemCodeName(ProblemCode::kTooLong) == "too_long");
}

BOOST_AUTO_TEST_SUITE_END()
