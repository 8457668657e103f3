#include "csv_test_reader.h"
#include "reporting_test_data.h"
#include "test_database.h"

#include <myodesk/services/csv_exports.h>

#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace myodesk;
using test::Day;

BOOST_AUTO_TEST_SUITE(csv_exports_tests)

// More sessions than one chunk: every one once, oldest first (date, then start time), each
// with its own lists.
MYODESK_DB_TEST(the_sessions_export_writes_every_session_of_the_period_in_order) {
    auto database = test_db.Open();
    const test::BusyClinic clinic(database);
    std::ostringstream out;
    const auto written =
        services::WriteSessionsCsv(database, Day("2026-09-12"), Day("2026-10-31"), out);
    constexpr int kRows = test::BusyClinic::kBusySessions + 2;  // with Back's and Gone's
    BOOST_TEST(written == kRows);
    const auto rows = test::ReadCsv(out.str());
    BOOST_REQUIRE(rows.size() == static_cast<std::size_t>(kRows) + 1);
    BOOST_TEST(rows[0][0] == "date");
    BOOST_TEST(rows[1][0] == "2026-09-12");
    BOOST_TEST(rows[1][3] == "Gone Runner");
    // Never earlier than the row before; each session once (a therapist's sessions never
    // overlap, so date, start and therapist name one).
    std::vector<std::string> previous{"", ""};
    std::set<std::vector<std::string>> sessions;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::vector<std::string> place{rows[i][0], rows[i][1]};  // date, start time
        BOOST_TEST((previous <= place), "row " << i << ": " << place[0] << " " << place[1]);
        previous = place;
        sessions.insert({rows[i][0], rows[i][1], rows[i][4]});
        BOOST_TEST(rows[i][7] == "sports 20 min");
        BOOST_TEST(rows[i][8] == "calves left 4/10");
    }
    BOOST_TEST(sessions.size() == static_cast<std::size_t>(kRows));
    BOOST_TEST(rows.back()[0] == "2026-10-31");
    BOOST_TEST(rows.back()[1] == "16:30");
}

BOOST_AUTO_TEST_SUITE_END()
