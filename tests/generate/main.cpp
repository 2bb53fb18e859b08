#define BOOST_TEST_MODULE generate
#include <boost/test/unit_test.hpp>
