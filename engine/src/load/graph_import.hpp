#pragma once
// Readers for graphs written by other tools: GraphML and NetworkX node-link JSON. They only
// parse; the dataset loader checks what they read against the schema like any other layer.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgraph/load/dataset_loader.hpp"

namespace orgraph {

struct ImportedNode {
    std::string id, kind, name, short_name;
    std::vector<std::string> aliases;
    std::vector<std::string> citations;  // "SOURCE:LOCATOR"
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string valid_from, valid_to;
    std::uint32_t line = 0, column = 0;
};

struct ImportedEdge {
    std::string source, target, kind;
    std::vector<std::string> citations;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string valid_from, valid_to;
    std::uint32_t line = 0, column = 0;
};

struct ImportedGraph {
    std::vector<ImportedNode> nodes;
    std::vector<ImportedEdge> edges;
};

struct ImportProblem {
    std::uint32_t line = 0, column = 0;
    std::string message;
};

ImportedGraph parse_graphml(std::string_view content, const ImportMapping& mapping, std::vector<ImportProblem>& problems);
ImportedGraph parse_node_link_json(std::string_view content, const ImportMapping& mapping,
                                   std::vector<ImportProblem>& problems);

}  // namespace orgraph
