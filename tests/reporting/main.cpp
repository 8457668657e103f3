#define BOOST_TEST_MODULE reporting_tests
#include <boost/test/unit_test.hpp>
