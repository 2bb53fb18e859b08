#pragma once
// What the libFuzzer harnesses share: the input as text, and the built-in graph, made once.
// A harness lets through only the exception its reader documents for bad input; anything else
// that escapes (or a crash, a leak, undefined behaviour) is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The built-in dataset, loaded and prepared once for the harnesses that read against a graph.
inline const Graph& builtin_graph() {
    static const Graph graph = prepare_graph(load(builtin_layers()), PrepareOptions{.name_index = true});
    return graph;
}

}  // namespace orgraph::fuzz
