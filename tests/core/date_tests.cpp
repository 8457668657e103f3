#include <myodesk/core/date.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

using namespace myodesk::core;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(date_tests)

BOOST_AUTO_TEST_CASE(parses_and_formats_iso_dates) {
    const auto date = ParseIsoDate("1985-03-07");
    BOOST_REQUIRE(date);
    BOOST_TEST(static_cast<int>(date->year()) == 1985);
    BOOST_TEST(static_cast<unsigned>(date->month()) == 3u);
    BOOST_TEST(static_cast<unsigned>(date->day()) == 7u);
    BOOST_TEST(FormatIsoDate(*date) == "1985-03-07");
    BOOST_TEST(FormatIsoDate(Date{year{2024}, February, day{29}}) == "2024-02-29");
}

BOOST_DATA_TEST_CASE(refuses_malformed_or_impossible_dates,
                     boost::unit_test::data::make({"", "1985-3-7", "1985/03/07", "85-03-07",
                                                   "1985-13-01", "1985-00-10", "2023-02-29",
                                                   "1985-04-31", "1985-03-07x", "abcd-ef-gh",
                                                   "1985-03-0 "}),
                     text) {
    BOOST_TEST(!ParseIsoDate(text).has_value());
}

BOOST_AUTO_TEST_CASE(age_counts_whole_years_and_birthdays) {
    const Date born{year{1990}, June, day{15}};
    BOOST_TEST(AgeInYears(born, Date{year{2026}, June, day{14}}) == 35);
    BOOST_TEST(AgeInYears(born, Date{year{2026}, June, day{15}}) == 36);
    const Date leap{year{2000}, February, day{29}};
    BOOST_TEST(AgeInYears(leap, Date{year{2025}, February, day{28}}) == 24);
    BOOST_TEST(AgeInYears(leap, Date{year{2025}, March, day{1}}) == 25);
}

BOOST_AUTO_TEST_CASE(years_before_clamps_leap_day) {
    BOOST_TEST(FormatIsoDate(YearsBefore(Date{year{2024}, February, day{29}}, 1)) == "2023-02-28");
    BOOST_TEST(FormatIsoDate(YearsBefore(Date{year{2026}, November, day{20}}, 120)) ==
               "1906-11-20");
}

BOOST_AUTO_TEST_SUITE_END()
