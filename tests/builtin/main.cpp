#define BOOST_TEST_MODULE builtin
#include <boost/test/unit_test.hpp>
