#define BOOST_TEST_MODULE routes
#include <boost/test/unit_test.hpp>
