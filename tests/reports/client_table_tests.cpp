#include <myodesk/reports/client_table.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(client_table_tests)

BOOST_AUTO_TEST_CASE(a_row_has_a_cell_for_every_column) {
    core::ClientSummary client;
    client.id = 42;
    client.given_name = "Zoë";
    client.family_name = "Ångström";
    client.preferred_name = "Zo";
    client.date_of_birth = core::Date{year{1990}, April, day{2}};
    client.phone = "+46 8 123 45";
    client.email = "zoe@example.se";
    client.archived = true;
    const reports::Row expected{std::int64_t{42},
                                std::string("Ångström"),
                                std::string("Zoë"),
                                std::string("Zo"),
                                std::string("1990-04-02"),
                                std::string("+46 8 123 45"),
                                std::string("zoe@example.se"),
                                std::string("yes")};
    BOOST_TEST((reports::ClientTableRow(client) == expected));
    BOOST_TEST(reports::ClientTableHeader().size() == expected.size());
}

BOOST_AUTO_TEST_CASE(no_date_of_birth_is_an_empty_cell) {
    core::ClientSummary client;
    client.id = 1;
    const auto row = reports::ClientTableRow(client);
    BOOST_TEST((row.at(4) == reports::Cell(std::string())));
    BOOST_TEST((row.at(7) == reports::Cell(std::string("no"))));
}

BOOST_AUTO_TEST_SUITE_END()
