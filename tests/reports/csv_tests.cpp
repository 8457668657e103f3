#include "csv_test_reader.h"

#include <myodesk/reports/csv.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <sstream>

using namespace myodesk::reports;
using myodesk::test::ReadCsv;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

// One text cell written without the byte order mark, as it appears in the file.
std::string Written(const Row& row) {
    std::ostringstream out;
    CsvWriter(out, ByteOrderMark::kOmit).WriteRow(row);
    return out.str();
}

struct QuotingCase {
    const char* name;
    std::string text;
    std::string written;  // the row as the file holds it, CRLF included
};

std::ostream& operator<<(std::ostream& out, const QuotingCase& c) {
    return out << c.name;
}

const std::vector<QuotingCase> kQuotingCases{
    {"plain", "Smith", "Smith\r\n"},
    {"empty", "", "\r\n"},
    {"comma", "Smith, Ann", "\"Smith, Ann\"\r\n"},
    {"quote", "O'Brien \"Shiv\"", "\"O'Brien \"\"Shiv\"\"\"\r\n"},
    {"line feed", "1 Road\nTown", "\"1 Road\nTown\"\r\n"},
    {"carriage return inside", "a\rb", "\"a\rb\"\r\n"},
    {"CRLF inside", "a\r\nb", "\"a\r\nb\"\r\n"},
    {"apostrophe only", "O'Brien", "O'Brien\r\n"},
    {"Latin accents", "Zoë Ångström", "Zoë Ångström\r\n"},
    {"Chinese", "李小龙", "李小龙\r\n"},
    {"space kept", " Ann ", " Ann \r\n"},
};

struct DangerousCase {
    const char* name;
    std::string text;
    std::string written;
};

std::ostream& operator<<(std::ostream& out, const DangerousCase& c) {
    return out << c.name;
}

// OWASP's list: = + - @, tab and carriage return.
const std::vector<DangerousCase> kDangerousCases{
    {"equals", "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"},
    {"plus", "+1+2", "'+1+2\r\n"},
    {"minus", "-2+3", "'-2+3\r\n"},
    {"minus as text", "-5", "'-5\r\n"},
    {"at", "@SUM(A1)", "'@SUM(A1)\r\n"},
    {"tab", "\t=1", "'\t=1\r\n"},
    {"carriage return", "\r=1", "\"'\r=1\"\r\n"},
    {"DDE", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0\r\n"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_tests)

BOOST_DATA_TEST_CASE(quotes_fields_as_rfc_4180_says, boost::unit_test::data::make(kQuotingCases),
                     sample) {
    BOOST_TEST(Written({sample.text}) == sample.written);
    BOOST_TEST(ReadCsv(sample.written).at(0).at(0) == sample.text);
}

BOOST_DATA_TEST_CASE(neutralises_every_dangerous_first_character,
                     boost::unit_test::data::make(kDangerousCases), sample) {
    BOOST_TEST(Written({sample.text}) == sample.written);
    // Read back, the cell is the text behind one quote: nothing lost, nothing run.
    BOOST_TEST(ReadCsv(sample.written).at(0).at(0) == "'" + sample.text);
}

BOOST_AUTO_TEST_CASE(a_dangerous_character_later_in_the_text_is_left_alone) {
    BOOST_TEST(Written({std::string("a=1+2-3@x")}) == "a=1+2-3@x\r\n");
}

BOOST_AUTO_TEST_CASE(numbers_are_not_text_and_are_not_prefixed) {
    BOOST_TEST(Written({std::int64_t{-5}, std::int64_t{0}, std::int64_t{42}}) == "-5,0,42\r\n");
    BOOST_TEST(Written({std::int64_t{INT64_MIN}}) == "-9223372036854775808\r\n");
}

BOOST_AUTO_TEST_CASE(separates_cells_with_commas_and_ends_rows_with_crlf) {
    std::ostringstream out;
    CsvWriter writer(out, ByteOrderMark::kOmit);
    writer.WriteRow(std::vector<std::string>{"id", "name"});
    writer.WriteRow({std::int64_t{1}, std::monostate{}, std::string("x")});
    writer.WriteRow(Row{});
    BOOST_TEST(out.str() == "id,name\r\n1,,x\r\n\r\n");
    BOOST_TEST(writer.RowCount() == 3);
}

BOOST_AUTO_TEST_CASE(writes_the_byte_order_mark_by_default_and_only_once) {
    std::ostringstream with_bom;
    CsvWriter writer(with_bom);
    writer.WriteRow(std::vector<std::string>{"Zoë"});
    writer.WriteRow(std::vector<std::string>{"Zoë"});
    BOOST_TEST(with_bom.str() == kBom + "Zoë\r\nZoë\r\n");

    std::ostringstream without;
    CsvWriter(without, ByteOrderMark::kOmit).WriteRow(std::vector<std::string>{"Zoë"});
    BOOST_TEST(without.str() == "Zoë\r\n");
}

BOOST_AUTO_TEST_CASE(very_long_text_round_trips) {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += "Zoë, \"李\"\r\n";
    }
    std::ostringstream out;
    CsvWriter writer(out);
    writer.WriteRow({std::int64_t{1}, text, std::string("end")});
    const auto rows = ReadCsv(out.str());
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST_REQUIRE(rows[0].size() == 3u);
    BOOST_TEST(rows[0][0] == "1");
    BOOST_TEST(rows[0][1] == text);
    BOOST_TEST(rows[0][2] == "end");
}

BOOST_AUTO_TEST_CASE(a_table_round_trips_through_a_reader) {
    const std::vector<Row> table{
        {std::string("id"), std::string("family_name"), std::string("given_name"),
         std::string("notes")},
        {std::int64_t{1}, std::string("Ångström"), std::string("Zoë"), std::string("")},
        {std::int64_t{2}, std::string("李"), std::string("小龙"), std::string("a,b\nc")},
        {std::int64_t{3}, std::string("O'Brien"), std::string("Siobhán \"Shiv\""),
         std::string("said \"ok\"\r\n, then left")},
    };
    std::ostringstream out;
    CsvWriter writer(out);
    for (const auto& row : table) {
        writer.WriteRow(row);
    }
    const auto rows = ReadCsv(out.str());
    BOOST_TEST_REQUIRE(rows.size() == table.size());
    for (std::size_t r = 0; r < table.size(); ++r) {
        BOOST_TEST_REQUIRE(rows[r].size() == table[r].size());
        for (std::size_t c = 0; c < table[r].size(); ++c) {
            const auto& cell = table[r][c];
            const std::string expected = std::holds_alternative<std::int64_t>(cell)
                                             ? std::to_string(std::get<std::int64_t>(cell))
                                             : std::get<std::string>(cell);
            BOOST_TEST(rows[r][c] == expected, "row " << r << " column " << c);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
