#include <myodesk/core/client.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk::core;

BOOST_AUTO_TEST_SUITE(client_tests)

BOOST_AUTO_TEST_CASE(display_name_shows_preferred_name_only_when_different) {
    Client client;
    client.given_name = "Katherine";
    client.family_name = "O'Brien";
    BOOST_TEST(DisplayName(client) == "Katherine O'Brien");
    client.preferred_name = "Kate";
    BOOST_TEST(DisplayName(client) == "Katherine \u201CKate\u201D O'Brien");
    client.preferred_name = "Katherine";
    BOOST_TEST(DisplayName(client) == "Katherine O'Brien");
}

BOOST_AUTO_TEST_CASE(display_name_with_one_name) {
    ClientSummary summary;
    summary.family_name = "李小龙";
    BOOST_TEST(DisplayName(summary) == "李小龙");
    summary = {};
    summary.given_name = "Madonna";
    BOOST_TEST(DisplayName(summary) == "Madonna");
}

BOOST_AUTO_TEST_SUITE_END()
