#define BOOST_TEST_MODULE dataset
#include <boost/test/unit_test.hpp>
