#pragma once
// The built-in dataset as the analyses see it.

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"

namespace orgraph::test {

// The built-in layers, with the dprk-missions overlay on top when asked, loaded, derived and
// frozen.
inline Graph load_builtin(bool with_missions) {
    auto layers = builtin_layers();
    if (with_missions) layers.push_back(read_layer_or_overlay("dprk-missions"));
    return prepare_graph(load(layers));
}

}  // namespace orgraph::test
