// The node-link JSON importer (the JSON reader and the mapping onto nodes and edges).
#include <vector>

#include "fuzz_support.hpp"
#include "load/graph_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orgraph;
    std::vector<ImportProblem> problems;
    (void)parse_node_link_json(fuzz::text(data, size), ImportMapping{}, problems);
    return 0;
}
