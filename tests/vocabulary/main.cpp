#define BOOST_TEST_MODULE vocabulary_tests
#include <boost/test/unit_test.hpp>
