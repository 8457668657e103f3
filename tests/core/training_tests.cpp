#include <myodesk/core/training.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>

using namespace myodesk::core;
using nlohmann::json;

namespace {

Date D(std::string_view text) {
    const auto date = ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

std::vector<std::string> Fields(const ValidationProblems& problems) {
    std::vector<std::string> fields;
    for (const auto& problem : problems) {
        fields.push_back(problem.field + ":" + std::string(ProblemCodeName(problem.code)));
    }
    return fields;
}

// "2025-03-09 long 30" per entry ("-" for no distance), to compare whole calendars at a glance.
std::vector<std::string> Lines(const std::vector<TrainingEntry>& entries) {
    std::vector<std::string> lines;
    for (const auto& entry : entries) {
        std::string distance = "-";
        if (entry.distance_km) {
            distance = std::to_string(*entry.distance_km);
            distance.erase(distance.find_last_not_of('0') + 1);
            if (distance.back() == '.') {
                distance.pop_back();
            }
        }
        lines.push_back(FormatIsoDate(entry.date) + " " + std::string(ToCode(entry.type)) + " " +
                        distance);
    }
    return lines;
}

// A document that is read cleanly, and the calendar it holds (sorted by date).
struct Good {
    const char* name;
    std::string text;
    std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& out, const Good& c) {
    return out << c.name;
}

const std::vector<Good> kGood{
    {"CSV in km",
     "date,type,distance_km\n2025-03-09,long,30\n2025-03-10,rest,\n2025-03-11,easy,8.5\n",
     {"2025-03-09 long 30", "2025-03-10 rest -", "2025-03-11 easy 8.5"}},
    {"CSV with a BOM, CRLF, quoted fields and the columns in another order",
     "\xEF\xBB\xBFtype,distance_km,date\r\n\"tempo\",\"12\",2025-03-12\r\n"
     "intervals,10,\"2025-03-13\"\r\n",
     {"2025-03-12 tempo 12", "2025-03-13 intervals 10"}},
    {"CSV without a final line break, with spaces around the cells",
     "date, type ,distance_km\n 2025-03-09 , long , 21.1 ",
     {"2025-03-09 long 21.1"}},
    {"CSV with blank lines and an empty spreadsheet row",
     "date,type,distance_km\n\n2025-03-09,cross,\n,,\n\r\n2025-03-10,race,42.195\n",
     {"2025-03-09 cross -", "2025-03-10 race 42.195"}},
    {"CSV with a quoted line break in a cell",
     "date,type,distance_km\n2025-03-09,\"long\n\",30\n2025-03-10,easy,5\n",
     {"2025-03-09 long 30", "2025-03-10 easy 5"}},
    {"CSV in miles", "date,type,distance_mi\n2025-03-09,long,10\n", {"2025-03-09 long 16.09344"}},
    {"CSV out of date order is sorted",
     "date,type,distance_km\n2025-03-11,easy,5\n2025-03-09,long,30\n2025-03-10,rest,\n",
     {"2025-03-09 long 30", "2025-03-10 rest -", "2025-03-11 easy 5"}},
    {"CSV at the edges of the range: 0.1 km and 400 km",
     "date,type,distance_km\n2025-03-09,easy,0.1\n2025-03-10,race,400\n",
     {"2025-03-09 easy 0.1", "2025-03-10 race 400"}},
    {"CSV with only the header", "date,type,distance_km\n", {}},
    {"JSON object in km",
     R"({"entries": [{"date": "2025-03-09", "type": "long", "distance_km": 30},
                     {"date": "2025-03-10", "type": "rest"}]})",
     {"2025-03-09 long 30", "2025-03-10 rest -"}},
    {"JSON bare array in miles, a null distance, out of date order",
     R"([{"date": "2025-03-10", "type": "easy", "distance_mi": 5},
         {"date": "2025-03-09", "type": "cross", "distance_km": null}])",
     {"2025-03-09 cross -", "2025-03-10 easy 8.04672"}},
    {"JSON with whitespace and a BOM before it",
     "\xEF\xBB\xBF \n {\"entries\": [{\"date\": \"2025-03-09\", \"type\": \"tempo\", "
     "\"distance_km\": 400}]}",
     {"2025-03-09 tempo 400"}},
    {"JSON with no entries", R"({"entries": []})", {}},
    // What a spreadsheet or a watch export writes for a day without a run (issue 15).
    {"CSV with 0 on a rest day and on a cross day",
     "date,type,distance_km\n2025-03-09,rest,0\n2025-03-10,cross,0.0\n2025-03-11,easy,5\n",
     {"2025-03-09 rest -", "2025-03-10 cross -", "2025-03-11 easy 5"}},
    {"JSON with 0 miles on a rest day",
     R"([{"date": "2025-03-09", "type": "rest", "distance_mi": 0}])",
     {"2025-03-09 rest -"}},
};

// A document that is refused, and every problem it has, named by field.
struct Bad {
    const char* name;
    std::string text;
    std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& out, const Bad& c) {
    return out << c.name;
}

const std::vector<Bad> kBad{
    {"an empty document", "", {"line 1:required"}},
    {"a blank document", "\n\r\n  \n", {"line 1:required"}},
    {"an unknown column",
     "date,type,distance_km,pace\n2025-03-09,long,30,5:30\n",
     {"line 1.pace:unknown_code"}},
    {"an unnamed column", "date,type,distance_km,\n", {"line 1.column 4:unknown_code"}},
    {"a column twice", "date,type,date,distance_km\n", {"line 1.date:duplicate"}},
    {"no type column", "date,distance_km\n2025-03-09,30\n", {"line 1.type:required"}},
    {"no date column", "type,distance_km\n", {"line 1.date:required"}},
    {"no distance column", "date,type\n2025-03-09,rest\n", {"line 1.distance_km:required"}},
    {"both distance columns",
     "date,type,distance_km,distance_mi\n",
     {"line 1.distance_mi:duplicate"}},
    {"a date that does not exist",
     "date,type,distance_km\n2025-03-09,long,30\n2025-02-29,easy,5\n",
     {"line 3.date:invalid_date"}},
    {"a date in another form",
     "date,type,distance_km\n09/03/2025,long,30\n",
     {"line 2.date:invalid_date"}},
    {"no date", "date,type,distance_km\n,long,30\n", {"line 2.date:required"}},
    {"an unknown run type",
     "date,type,distance_km\n2025-03-09,sprint,3\n",
     {"line 2.type:unknown_code"}},
    {"no run type", "date,type,distance_km\n2025-03-09,,3\n", {"line 2.type:required"}},
    {"a distance that is not a number",
     "date,type,distance_km\n2025-03-09,easy,ten\n",
     {"line 2.distance_km:wrong_type"}},
    {"a distance with a unit",
     "date,type,distance_km\n2025-03-09,easy,10km\n",
     {"line 2.distance_km:wrong_type"}},
    {"a distance of infinity",
     "date,type,distance_km\n2025-03-09,easy,inf\n",
     {"line 2.distance_km:wrong_type"}},
    {"a distance of 0",
     "date,type,distance_km\n2025-03-09,easy,0\n",
     {"line 2.distance_km:out_of_range"}},
    {"a negative distance",
     "date,type,distance_km\n2025-03-09,easy,-5\n",
     {"line 2.distance_km:out_of_range"}},
    {"over 400 km",
     "date,type,distance_km\n2025-03-09,race,400.1\n",
     {"line 2.distance_km:out_of_range"}},
    {"over 400 km given in miles",
     "date,type,distance_mi\n2025-03-09,race,250\n",
     {"line 2.distance_mi:out_of_range"}},
    {"a distance on a rest day",
     "date,type,distance_km\n2025-03-09,rest,5\n",
     {"line 2.distance_km:out_of_range"}},
    {"the same date twice",
     "date,type,distance_km\n2025-03-09,long,30\n2025-03-09,easy,5\n",
     {"line 3.date:duplicate"}},
    {"a row with a cell too many",
     "date,type,distance_km\n2025-03-09,long,30,x\n",
     {"line 2:wrong_type"}},
    {"a row with a cell too few",
     "date,type,distance_km\n2025-03-09,long\n",
     {"line 2:wrong_type"}},
    {"a quote that never closes",
     "date,type,distance_km\n2025-03-09,\"long,30\n2025-03-10,easy,5\n",
     {"line 2:wrong_type"}},
    {"text after a closing quote",
     "date,type,distance_km\n2025-03-09,\"long\"x,30\n",
     {"line 2:wrong_type"}},
    {"a line counted after a quoted line break",
     "date,type,distance_km\r\n2025-03-09,\"long\r\n\",30\r\n2025-03-10,sprint,5\r\n",
     {"line 4.type:unknown_code"}},
    {"every problem of every row",
     "date,type,distance_km\n2025-13-01,long,30\n2025-03-09,walk,x\n2025-03-10,rest,3\n",
     {"line 2.date:invalid_date", "line 3.type:unknown_code", "line 3.distance_km:wrong_type",
      "line 4.distance_km:out_of_range"}},

    {"not JSON", "{\"entries\": [", {"document:invalid_json"}},
    {"a JSON list cut short", "[{\"date\": \"2025-03-09\"", {"document:invalid_json"}},
    {"an object without entries", R"({})", {"entries:required"}},
    {"entries that are not a list",
     R"({"entries": {"date": "2025-03-09"}})",
     {"entries:wrong_type"}},
    {"an unknown top-level key", R"({"athlete": "Zoe", "entries": []})", {"athlete:unknown_code"}},
    {"an entry that is not an object",
     R"({"entries": ["2025-03-09 long 30"]})",
     {"entries[0]:wrong_type"}},
    {"an unknown key in an entry",
     R"({"entries": [{"date": "2025-03-09", "type": "long", "distance_km": 30, "pace": "5:30"}]})",
     {"entries[0].pace:unknown_code"}},
    {"a date that is a number",
     R"({"entries": [{"date": 20250309, "type": "long"}]})",
     {"entries[0].date:wrong_type"}},
    {"a date that does not exist",
     R"({"entries": [{"date": "2025-02-30", "type": "long"}]})",
     {"entries[0].date:invalid_date"}},
    {"no type", R"({"entries": [{"date": "2025-03-09"}]})", {"entries[0].type:required"}},
    {"an unknown type",
     R"({"entries": [{"date": "2025-03-09", "type": "jog"}]})",
     {"entries[0].type:unknown_code"}},
    {"a distance as text",
     R"({"entries": [{"date": "2025-03-09", "type": "easy", "distance_km": "10"}]})",
     {"entries[0].distance_km:wrong_type"}},
    {"a distance that is true",
     R"({"entries": [{"date": "2025-03-09", "type": "easy", "distance_mi": true}]})",
     {"entries[0].distance_mi:wrong_type"}},
    {"both distances",
     R"({"entries": [{"date": "2025-03-09", "type": "easy", "distance_km": 10, "distance_mi": 6}]})",
     {"entries[0].distance_mi:duplicate"}},
    {"over 400 km in miles, by path",
     R"({"entries": [{"date": "2025-03-09", "type": "race", "distance_mi": 300}]})",
     {"entries[0].distance_mi:out_of_range"}},
    {"a distance on a rest day, by path",
     R"({"entries": [{"date": "2025-03-09", "type": "rest", "distance_km": 2}]})",
     {"entries[0].distance_km:out_of_range"}},
    {"the same date twice, by path",
     R"({"entries": [{"date": "2025-03-09", "type": "long", "distance_km": 30},
                     {"date": "2025-03-10", "type": "rest"},
                     {"date": "2025-03-09", "type": "easy", "distance_km": 5}]})",
     {"entries[2].date:duplicate"}},
    {"a bare array's paths start at the index",
     R"([{"date": "2025-03-09", "type": "long"}, {"date": "2025-03-10", "type": "walk"}])",
     {"[1].type:unknown_code"}},
    {"every problem of every entry",
     R"({"entries": [{"date": "2025-03-09", "type": "long", "distance_km": 0},
                     {"type": "easy", "km": 5}], "version": 2})",
     {"version:unknown_code", "entries[1].km:unknown_code", "entries[1].date:required",
      "entries[0].distance_km:out_of_range"}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(training_tests)

BOOST_AUTO_TEST_CASE(hard_training_is_long_tempo_intervals_and_race) {
    BOOST_TEST(IsHardTraining(RunType::kLong));
    BOOST_TEST(IsHardTraining(RunType::kTempo));
    BOOST_TEST(IsHardTraining(RunType::kIntervals));
    BOOST_TEST(IsHardTraining(RunType::kRace));
    BOOST_TEST(!IsHardTraining(RunType::kEasy));
    BOOST_TEST(!IsHardTraining(RunType::kRest));
    BOOST_TEST(!IsHardTraining(RunType::kCross));
}

BOOST_AUTO_TEST_CASE(validates_entries_by_path) {
    const std::vector<TrainingEntry> entries{
        {D("2025-03-09"), RunType::kLong, 30.0},
        {D("2025-03-10"), RunType::kRest, 1.0},
        {D("2025-03-09"), RunType::kEasy, 400.0},
        {D("2025-03-11"), RunType::kEasy, 400.01},
        {D("2025-03-12"), RunType::kRest, std::nullopt},
        {Date{std::chrono::year{2025}, std::chrono::February, std::chrono::day{30}}, RunType::kEasy,
         0.0},
    };
    const std::vector<std::string> expected{
        "entries[1].distance_km:out_of_range", "entries[2].date:duplicate",
        "entries[3].distance_km:out_of_range", "entries[5].date:invalid_date",
        "entries[5].distance_km:out_of_range",
    };
    const auto problems = ValidateTrainingEntries(entries);
    BOOST_TEST(Fields(problems) == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(problems.size() == expected.size());
    BOOST_TEST(problems[2].maximum == 400.0);  // the range is named in the message
    BOOST_TEST(problems[0].maximum == 0.0);    // a rest day: no distance at all
    BOOST_TEST(ValidateTrainingEntries({}).empty());
}

BOOST_DATA_TEST_CASE(reads_good_documents, boost::unit_test::data::make(kGood), sample) {
    const auto result = ParseTrainingDocument(sample.text);
    BOOST_TEST(Fields(result.problems).empty(), boost::test_tools::per_element());
    BOOST_TEST(Lines(result.entries) == sample.expected, boost::test_tools::per_element());
}

BOOST_DATA_TEST_CASE(names_every_problem_by_field, boost::unit_test::data::make(kBad), sample) {
    const auto result = ParseTrainingDocument(sample.text);
    BOOST_TEST(Fields(result.problems) == sample.expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_distance_in_miles_out_of_range_names_the_range_in_miles) {
    const auto result = ParseTrainingCsv("date,type,distance_mi\n2025-03-09,race,250\n");
    BOOST_REQUIRE(result.problems.size() == 1u);
    BOOST_TEST(result.problems[0].maximum == 248.5);  // 400 km
    const auto in_km = ParseTrainingCsv("date,type,distance_km\n2025-03-09,race,401\n");
    BOOST_REQUIRE(in_km.problems.size() == 1u);
    BOOST_TEST(in_km.problems[0].maximum == 400.0);
}

BOOST_AUTO_TEST_CASE(chooses_the_format_by_the_first_character) {
    // The first non-blank character decides: '{' or '[' is JSON, anything else CSV.
    BOOST_TEST(Fields(ParseTrainingDocument("  [").problems) ==
               std::vector<std::string>{"document:invalid_json"});
    const std::vector<std::string> semicolons{"line 1.date;type;distance_km:unknown_code",
                                              "line 1.date:required", "line 1.type:required",
                                              "line 1.distance_km:required"};
    BOOST_TEST(Fields(ParseTrainingDocument("date;type;distance_km\n").problems) == semicolons,
               boost::test_tools::per_element());
    // The parsers called directly do not guess.
    BOOST_TEST(Fields(ParseTrainingJson("date,type,distance_km\n").problems) ==
               std::vector<std::string>{"document:invalid_json"});
    BOOST_TEST(Fields(ParseTrainingJson("5").problems) ==
               std::vector<std::string>{"document:wrong_type"});
    BOOST_TEST(ParseTrainingCsv("date,type,distance_km\n2025-03-09,long,30\n").entries.size() ==
               1u);
}

BOOST_AUTO_TEST_CASE(writes_the_json_form_sorted_and_reads_it_back) {
    const std::vector<TrainingEntry> entries{
        {D("2025-03-11"), RunType::kEasy, 8.5},
        {D("2025-03-09"), RunType::kLong, 32.0},
        {D("2025-03-10"), RunType::kRest, std::nullopt},
    };
    const auto document = TrainingToJson(entries);
    const json expected = json::parse(R"({"entries": [
        {"date": "2025-03-09", "type": "long", "distance_km": 32.0},
        {"date": "2025-03-10", "type": "rest"},
        {"date": "2025-03-11", "type": "easy", "distance_km": 8.5}]})");
    BOOST_TEST(json::parse(document.dump()) == expected, document.dump(2));
    BOOST_TEST(document.begin().key() == "entries");
    BOOST_TEST(document["entries"][0].begin().key() == "date");  // date, type, distance_km

    const auto read = ParseTrainingJson(document.dump());
    BOOST_TEST(read.problems.empty());
    std::vector<TrainingEntry> sorted{entries[1], entries[2], entries[0]};
    BOOST_TEST((read.entries == sorted));
    BOOST_TEST(TrainingToJson({}).dump() == R"({"entries":[]})");
}

BOOST_AUTO_TEST_SUITE_END()
