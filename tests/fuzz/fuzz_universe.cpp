// The country list of coverage --universe, read against the built-in graph.
#include "fuzz_support.hpp"
#include "orgraph/analysis/coverage.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orgraph;
    const auto& graph = fuzz::builtin_graph();
    try {
        (void)read_place_list(graph, fuzz::text(data, size), "fuzz.txt");
    } catch (const place_list_error&) {
    }
    return 0;
}
