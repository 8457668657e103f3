#include <myodesk/reports/session_table.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(session_table_tests)

BOOST_AUTO_TEST_CASE(a_row_lists_techniques_regions_and_pain_in_the_notes_order) {
    core::SessionNote note;
    note.client_id = 7;
    note.therapist_id = 3;
    note.date = core::Date{year{2025}, March, day{12}};
    note.start_minute = 17 * 60 + 30;
    note.duration_min = 60;
    note.techniques = {{core::Technique::kTriggerPoint, 20}, {core::Technique::kSports, 35}};
    note.regions = {{core::Region::kHamstrings, core::Side::kLeft, 7, 6, 3},
                    {core::Region::kCalves, core::Side::kBilateral, 4, std::nullopt, std::nullopt},
                    {core::Region::kGlutes, core::Side::kBilateral, 5, 2, std::nullopt}};
    note.signed_at = "2025-03-12T18:45:00Z";
    const reports::Row expected{
        std::string("2025-03-12"),
        std::string("17:30"),
        std::int64_t{7},
        std::string("Siobhán O'Brien"),
        std::int64_t{3},
        std::string("Máire Ní Dhomhnaill"),
        std::int64_t{60},
        std::string("trigger_point 20 min; sports 35 min"),
        std::string("hamstrings left 7/10; calves bilateral 4/10; glutes bilateral 5/10"),
        std::string("hamstrings left 6 → 3; glutes bilateral 2 → ?"),
        std::string("yes")};
    const auto row = reports::SessionTableRow(note, "Siobhán O'Brien", "Máire Ní Dhomhnaill");
    BOOST_TEST_REQUIRE(row.size() == expected.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
        BOOST_TEST((row[i] == expected[i]), "column " << reports::SessionTableHeader()[i]);
    }
}

BOOST_AUTO_TEST_CASE(an_unsigned_note_without_lists_has_empty_cells) {
    core::SessionNote note;
    note.date = core::Date{year{2025}, March, day{12}};
    const auto row = reports::SessionTableRow(note, "A", "B");
    BOOST_TEST((row.at(7) == reports::Cell(std::string())));
    BOOST_TEST((row.at(9) == reports::Cell(std::string())));
    BOOST_TEST((row.at(10) == reports::Cell(std::string("no"))));
}

BOOST_AUTO_TEST_SUITE_END()
