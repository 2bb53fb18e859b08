#pragma once
// What a diagram draws, decided before any text is written: which entities are nodes and which
// are folded into the nodes related to them, which relations are drawn, the clusters (boxes)
// the nodes sit in, and the groups of a ministry's parts that are drawn with one edge.

#include <cstdint>
#include <string>
#include <vector>

#include "orgraph/model/graph.hpp"
#include "orgraph/write/dot_writer.hpp"

namespace orgraph::dot_detail {

enum class Mark : std::uint8_t { none, node, folded };

inline constexpr EntityIndex no_entity = ~EntityIndex{0};

struct Cluster {
    std::string id;
    std::string label;
    int parent = -1;  // -1: the top level
    std::string fill;
    EntityIndex head = no_entity;  // the entity that opens it; none for a group of parts
    std::vector<EntityIndex> members;
    std::vector<int> children;
};

// The parts of a ministry of one kind, joined to it by one relation kind: drawn as one
// cluster with one edge from the ministry, the parts wrapped into rows.
struct PartGroup {
    EntityIndex root = 0;
    RelationKindIndex relation = 0;
    int cluster = -1;
    std::vector<RelationIndex> relations;  // each part's relation to the ministry
    std::vector<EntityIndex> parts;
};

struct View {
    std::vector<Mark> mark;            // per entity
    std::vector<int> cluster;          // per entity: the cluster it is drawn in, or -1
    std::vector<int> own_cluster;      // per entity: the cluster it opens, or -1
    std::vector<RelationIndex> drawn;  // relations to draw (between nodes) or to fold (to a folded entity)
    std::vector<Cluster> clusters;
    std::vector<EntityIndex> roots;
    std::vector<PartGroup> groups;
    std::string what;  // the default title
    // Per entity: a line drawn under its name (the overview's "12 countries"); empty: none.
    std::vector<std::string> caption;
};

// Decides what the diagram of `params` draws. Throws diagram_error on an unknown kind or
// relation kind.
View build_view(const Graph& graph, const DiagramParams& params);

}  // namespace orgraph::dot_detail
