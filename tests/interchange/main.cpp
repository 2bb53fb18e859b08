#define BOOST_TEST_MODULE interchange
#include <boost/test/unit_test.hpp>
