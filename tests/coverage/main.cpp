#define BOOST_TEST_MODULE coverage
#include <boost/test/unit_test.hpp>
