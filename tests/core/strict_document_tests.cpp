// The strict reading step of every outside JSON document (core/json_document.h) and the
// per-format *FromText readers: numbers a double cannot hold, duplicate keys, control
// characters, limits of size, depth and count, implausible dates.

#include <myodesk/core/intake_json.h>
#include <myodesk/core/json_document.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/core/session_json.h>
#include <myodesk/core/training.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

using namespace myodesk::core;

namespace {

std::string ReadExample(const std::string& name) {
    std::ifstream file(std::string(MYODESK_DOCS_DIR) + "/examples/" + name, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// "field:code" of each problem.
std::vector<std::string> Fields(const ValidationProblems& problems) {
    std::vector<std::string> fields;
    for (const auto& problem : problems) {
        fields.push_back(problem.field + ":" + std::string(ProblemCodeName(problem.code)));
    }
    return fields;
}

// The text with its first `from` replaced by `to` (which must be there).
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

// One document type: its example and its reader.
struct Format {
    const char* name;
    std::string example;
    std::function<ValidationProblems(const std::string&)> read;
};

std::ostream& operator<<(std::ostream& out, const Format& format) {
    return out << format.name;
}

std::vector<Format> Formats() {
    return {
        {"intake", ReadExample("intake-example.json"),
         [](const std::string& text) { return IntakeFromText(text).problems; }},
        {"note", ReadExample("session-example.json"),
         [](const std::string& text) { return SessionNoteFromText(text).problems; }},
        {"plan", ReadExample("plan-example.json"),
         [](const std::string& text) { return PlanFromText(text).problems; }},
        {"training", ReadExample("training-example.json"),
         [](const std::string& text) { return ParseTrainingJson(text).problems; }},
    };
}

// A number member of each example and its path.
struct NumberAt {
    const char* format;
    std::string from;  // the member as the example writes it
    std::string key;   // its replacement's start, before the number
    std::string path;
};

const std::vector<NumberAt> kNumbers{
    {"intake", "\"weekly_distance_km\": 62",
     "\"weekly_distance_km\": ", "runner.weekly_distance_km"},
    {"note", "\"duration_min\": 60", "\"duration_min\": ", "duration_min"},
    {"plan", "\"distance_km\": 32.0", "\"distance_km\": ", "training[0].distance_km"},
    {"training", "\"distance_mi\": 7.5", "\"distance_mi\": ", "entries[1].distance_mi"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(strict_document_tests)

BOOST_DATA_TEST_CASE(the_examples_are_read_without_problems,
                     boost::unit_test::data::make(Formats()), format) {
    BOOST_TEST(Fields(format.read(format.example)).empty());
}

// 1e400 and -1e309 threw nlohmann's out_of_range out of every reader (the CLI aborted).
BOOST_AUTO_TEST_CASE(a_number_a_double_cannot_hold_is_a_problem_at_its_path) {
    for (const Format& format : Formats()) {
        for (const NumberAt& number : kNumbers) {
            if (format.name != std::string(number.format)) {
                continue;
            }
            BOOST_TEST_REQUIRE(format.example.find(number.from) != std::string::npos, number.from);
            for (const std::string& value :
                 std::vector<std::string>{"1e400", "-1e309", "1" + std::string(400, '0')}) {
                const auto text = Replaced(format.example, number.from, number.key + value);
                const auto problems = Fields(format.read(text));
                const std::vector<std::string> expected{number.path + ":invalid_number"};
                BOOST_TEST(problems == expected, format.name << " " << value);
            }
        }
    }
}

// A problem under an empty key still names a field: "" (found by the fuzzer).
BOOST_AUTO_TEST_CASE(a_problem_under_an_empty_key_is_named) {
    BOOST_TEST(Fields(ReadJsonDocument(R"({"": 1e400})").problems) ==
               std::vector<std::string>{R"("":invalid_number)"});
    BOOST_TEST(Fields(ReadJsonDocument(R"({"x": {"": -1e309}})").problems) ==
               std::vector<std::string>{R"(x."":invalid_number)"});
}

BOOST_AUTO_TEST_CASE(a_duplicate_key_is_refused_not_the_last_one_winning) {
    // The consent was saved as given: the later "accepted": true won.
    const auto intake = Replaced(ReadExample("intake-example.json"), "\"accepted\": true",
                                 "\"accepted\": false, \"accepted\": true");
    BOOST_TEST(Fields(IntakeFromText(intake).problems) ==
               std::vector<std::string>{"consent.accepted:duplicate_key"});

    const auto note = Replaced(ReadExample("session-example.json"), "\"pressure\": 7",
                               "\"pressure\": 7, \"pressure\": 2");
    BOOST_TEST(Fields(SessionNoteFromText(note).problems) ==
               std::vector<std::string>{"regions[0].pressure:duplicate_key"});

    BOOST_TEST(Fields(ReadJsonDocument(R"({"a": 1, "b": {"c": 1, "c": 1}})").problems) ==
               std::vector<std::string>{"b.c:duplicate_key"});
    BOOST_TEST(ReadJsonDocument(R"([{"c": 1}, {"c": 1}])").problems.empty());
}

BOOST_AUTO_TEST_CASE(control_characters_in_any_string_or_key_are_refused) {
    const std::string note = ReadExample("session-example.json");
    for (const char* control : {"\\u0000", "\\u001b]0;owned\\u0007", "\\u0007", "\\u007f",
                                "\\u0085", "\\u009b", "\\u202e", "\\u2066", "\\u200f", "\\u061c"}) {
        const auto text =
            Replaced(note, "\"plan\": \"Next", std::string("\"plan\": \"") + control + "Next");
        BOOST_TEST(Fields(SessionNoteFromText(text).problems) ==
                       std::vector<std::string>{"plan:invalid_text"},
                   control);
    }
    // Lines and tabs are left to each field's rules (the note's texts may hold them).
    const auto lines = Replaced(note, "\"plan\": \"Next", "\"plan\": \"Line\\n\\tNext\\n");
    BOOST_TEST(Fields(SessionNoteFromText(lines).problems).empty());
    // A key with a control character: named by the object it is in.
    BOOST_TEST(Fields(ReadJsonDocument("{\"x\": {\"a\\u001bb\": 1}}").problems) ==
               std::vector<std::string>{"x:invalid_text"});
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_or_not_json_is_refused) {
    BOOST_TEST(Fields(ReadJsonDocument("{\"a\": \"\xC3\"}").problems) ==
               std::vector<std::string>{"document:invalid_text"});
    BOOST_TEST(Fields(ReadJsonDocument("{\"a\": \"\\ud800\"}").problems) ==
               std::vector<std::string>{"document:invalid_json"});
    const auto broken = ReadJsonDocument("{\"a\": [1, 2");
    BOOST_TEST(Fields(broken.problems) == std::vector<std::string>{"document:invalid_json"});
    BOOST_TEST(!broken.syntax_error.empty());
    BOOST_TEST(broken.problems[0].limit == 12u);  // where reading stopped: at the end
    BOOST_TEST(Fields(ReadJsonDocument("").problems) ==
               std::vector<std::string>{"document:invalid_json"});
    // A byte-order mark is not a problem.
    BOOST_TEST(ReadJsonDocument("\xEF\xBB\xBF{}").problems.empty());
}

BOOST_AUTO_TEST_CASE(a_depth_bomb_stops_at_the_depth_limit) {
    const auto result = ReadJsonDocument(std::string(100000, '['));
    BOOST_TEST_REQUIRE(result.problems.size() == 1u);
    BOOST_TEST(ProblemCodeName(result.problems[0].code) == "too_deep");
    BOOST_TEST(result.problems[0].limit == JsonDocumentLimits::kMaxDepth);
    BOOST_TEST(result.document.is_null());

    std::string nested;
    for (std::size_t i = 0; i < JsonDocumentLimits::kMaxDepth; ++i) {
        nested += "{\"a\":";
    }
    nested += "1" + std::string(JsonDocumentLimits::kMaxDepth, '}');
    BOOST_TEST(ReadJsonDocument(nested).problems.empty());
}

BOOST_AUTO_TEST_CASE(sizes_and_counts_have_limits) {
    const std::string big(JsonDocumentLimits::kMaxBytes + 1, ' ');
    BOOST_TEST(Fields(ReadJsonDocument(big).problems) ==
               std::vector<std::string>{"document:too_long"});

    const std::string long_text =
        "{\"a\": \"" + std::string(JsonDocumentLimits::kMaxTextCharacters + 1, 'x') + "\"}";
    BOOST_TEST(Fields(ReadJsonDocument(long_text).problems) ==
               std::vector<std::string>{"a:too_long"});
    const std::string long_key =
        "{\"" + std::string(JsonDocumentLimits::kMaxKeyCharacters + 1, 'k') + "\": 1}";
    BOOST_TEST(Fields(ReadJsonDocument(long_key).problems) ==
               std::vector<std::string>{"document:too_long"});

    std::string list = "{\"list\": [0";
    for (std::size_t i = 0; i < JsonDocumentLimits::kMaxListEntries; ++i) {
        list += ",0";
    }
    BOOST_TEST(Fields(ReadJsonDocument(list + "]}").problems) ==
               std::vector<std::string>{"list:too_many"});

    std::string members = "{";
    for (std::size_t i = 0; i <= JsonDocumentLimits::kMaxObjectMembers; ++i) {
        members += (i == 0 ? "\"" : ",\"") + std::to_string(i) + "\":0";
    }
    BOOST_TEST(Fields(ReadJsonDocument(members + "}").problems) ==
               std::vector<std::string>{"document:too_many"});
}

// 100,000 identical entries were accepted.
BOOST_AUTO_TEST_CASE(lists_of_many_identical_entries_are_refused) {
    const auto repeated = [](const std::string& entry, std::size_t count) {
        std::string list = entry;
        for (std::size_t i = 1; i < count; ++i) {
            list += "," + entry;
        }
        return list;
    };
    const std::string region = R"({"region": "calves", "side": "left", "pressure": 4})";
    const auto note = Replaced(ReadExample("session-example.json"),
                               R"({ "region": "calves", "side": "bilateral", "pressure": 4 })",
                               repeated(region, 100000));
    BOOST_TEST(Fields(SessionNoteFromText(note).problems) ==
               std::vector<std::string>{"regions:too_many"});
    const auto few = Replaced(ReadExample("session-example.json"),
                              R"({ "region": "calves", "side": "bilateral", "pressure": 4 })",
                              repeated(region, SessionNoteLimits::kRegions + 1));
    const auto few_problems = SessionNoteFromText(few).problems;
    BOOST_TEST(Fields(few_problems) == std::vector<std::string>{"regions:too_many"});
    BOOST_TEST(few_problems.at(0).limit == SessionNoteLimits::kRegions);

    const std::string condition = R"({"code": "migraine"})";
    const auto intake = "{\"taken_on\": \"2025-03-01\", \"health\": {\"conditions\": [" +
                        repeated(condition, IntakeListLimits::kConditions + 1) + "]}}";
    BOOST_TEST(Fields(IntakeFromText(intake).problems) ==
               std::vector<std::string>{"health.conditions:too_many"});

    const std::string entry = R"({"date": "2025-03-01", "type": "rest"})";
    BOOST_TEST(Fields(ParseTrainingJson("[" + repeated(entry, 100000) + "]").problems) ==
               std::vector<std::string>{"document:too_many"});
    BOOST_TEST(Fields(ParseTrainingJson("{\"entries\": [" +
                                        repeated(entry, TrainingLimits::kEntries + 1) + "]}")
                          .problems) == std::vector<std::string>{"entries:too_many"});
}

BOOST_AUTO_TEST_CASE(dates_outside_1900_to_2100_are_refused_in_every_document) {
    const auto note = Replaced(ReadExample("session-example.json"), "\"date\": \"2025-03-12\"",
                               "\"date\": \"0001-01-01\"");
    BOOST_TEST(Fields(SessionNoteFromText(note).problems) ==
               std::vector<std::string>{"date:too_far_in_past"});
    const auto race =
        Replaced(ReadExample("intake-example.json"), "\"2025-04-13\"", "\"9999-12-31\"");
    BOOST_TEST(Fields(IntakeFromText(race).problems) ==
               std::vector<std::string>{"runner.goal_race.date:too_far_in_future"});
    const auto training =
        Replaced(ReadExample("training-example.json"), "2025-03-17", "1899-12-31");
    BOOST_TEST(Fields(ParseTrainingJson(training).problems) ==
               std::vector<std::string>{"entries[0].date:too_far_in_past"});
    BOOST_TEST(Fields(ParseTrainingCsv("date,type,distance_km\n2101-01-01,rest,\n").problems) ==
               std::vector<std::string>{"line 2.date:too_far_in_future"});
    const auto plan = Replaced(ReadExample("plan-example.json"), "\"to\": \"2025-03-30\"",
                               "\"to\": \"9999-12-31\"");
    BOOST_TEST(Fields(PlanFromText(plan).problems) ==
               std::vector<std::string>{"to:too_far_in_future"});
    // The edges themselves are fine.
    BOOST_TEST(Fields(ParseTrainingCsv("date,type,distance_km\n1900-01-01,rest,\n2100-12-31,"
                                       "rest,\n")
                          .problems)
                   .empty());
}

BOOST_AUTO_TEST_CASE(ids_that_are_not_whole_numbers_in_range_are_the_wrong_type) {
    const auto plan =
        Replaced(ReadExample("plan-example.json"), "\"client_id\": 1", "\"client_id\": 1e300");
    BOOST_TEST(Fields(PlanFromText(plan).problems) ==
               std::vector<std::string>{"client_id:wrong_type"});
    const auto note = Replaced(ReadExample("session-example.json"), "\"therapist_id\": 1",
                               "\"therapist_id\": -4");
    BOOST_TEST(Fields(SessionNoteFromText(note).problems) ==
               std::vector<std::string>{"therapist_id:wrong_type"});
}

BOOST_AUTO_TEST_SUITE_END()
