#pragma once
// Readers for graphs written by other tools: GraphML and NetworkX node-link JSON. They only
// parse and map attributes to the parts of an entity or relation (see docs/interchange.md);
// the dataset loader checks what they read against the schema like any other layer.
//
// A node or edge that cannot be read (no id, no kind, no name) is reported and left out, and
// so are the edges that touch such a node: the load fails anyway, and the user sees the cause
// instead of a cascade of "no such entity".

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
    // The graph-level attribute `default_source`: the citation of nodes and edges that give none.
    std::string default_source;
    std::uint32_t default_source_line = 0, default_source_column = 0;
    // The graph attribute `orgraph_dataset`: the schema and the sources as a TOML dataset file,
    // as orgraph's exports carry them (empty when the graph has none).
    std::string dataset;
    bool has_dataset = false;
    std::uint32_t dataset_line = 0, dataset_column = 0;
};

// The name of the graph attribute that carries the schema and the sources.
inline constexpr std::string_view embedded_dataset_key = "orgraph_dataset";

struct ImportProblem {
    std::uint32_t line = 0, column = 0;
    std::string message;
};

// Limits on what one file may ask of the importer (see docs/limits.md).
// GraphML keys that carry a <default>: each applies to every node or edge that lacks it, so a
// few kilobytes of keys would otherwise multiply every node's attributes.
inline constexpr std::size_t graphml_max_default_keys = 100;
// Attributes of one node or edge (its <data>, or the members of its JSON object).
inline constexpr std::size_t import_max_attributes = 1000;

ImportedGraph parse_graphml(std::string_view content, const ImportMapping& mapping,
                            std::vector<ImportProblem>& problems);
ImportedGraph parse_node_link_json(std::string_view content, const ImportMapping& mapping,
                                   std::vector<ImportProblem>& problems);

}  // namespace orgraph
