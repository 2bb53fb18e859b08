// The route JSON of render --highlight-json, read and matched against the built-in graph.
#include "fuzz_support.hpp"
#include "orgraph/load/route_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orgraph;
    const auto& graph = fuzz::builtin_graph();
    try {
        (void)route_relations(graph, read_route_json(fuzz::text(data, size)));
    } catch (const route_json_error&) {
    }
    return 0;
}
