// Every test executable loads as the orgraph command does: a dataset that declares no kind
// falls back on the built-in schema.

#include <boost/test/unit_test.hpp>

#include "orgraph/builtin/builtin.hpp"

namespace {

struct BuiltinSchemaFallback {
    BuiltinSchemaFallback() { orgraph::use_builtin_schema(); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(BuiltinSchemaFallback);
