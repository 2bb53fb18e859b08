#pragma once
// The load options of the orgraph command: a dataset that declares no kind is read with the
// built-in schema.

#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"

namespace orgraph::test {

inline LoadOptions builtin_fallback() {
    LoadOptions options;
    options.fallback_schema = builtin_schema();
    return options;
}

}  // namespace orgraph::test
