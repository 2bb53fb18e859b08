#define BOOST_TEST_MODULE resolve
#include <boost/test/unit_test.hpp>
