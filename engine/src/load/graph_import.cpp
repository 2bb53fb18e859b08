#include "load/graph_import.hpp"

// GraphML and node-link JSON import arrive with the interchange work; until then a layer in
// either format is refused with a clear message rather than read wrongly.
namespace orgraph {

ImportedGraph parse_graphml(std::string_view, const ImportMapping&, std::vector<ImportProblem>& problems) {
    problems.push_back({1, 1, "GraphML import is not available in this build"});
    return {};
}

ImportedGraph parse_node_link_json(std::string_view, const ImportMapping&, std::vector<ImportProblem>& problems) {
    problems.push_back({1, 1, "node-link JSON import is not available in this build"});
    return {};
}

}  // namespace orgraph
