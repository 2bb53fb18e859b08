#pragma once
// The frozen Graph as a Boost.Graph graph: graph_traits and the free functions of the
// IncidenceGraph, BidirectionalGraph and VertexListGraph concepts, and a vertex_index map, so
// that Boost's algorithms (breadth_first_search, dijkstra_shortest_paths, …) run on the CSR
// tables directly. A vertex is an EntityIndex; an edge names its relation and its two ends.
//
//   #include "orgraph/model/boost_graph.hpp"
//   boost::breadth_first_search(graph, root, boost::visitor(...));

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include <utility>

#include "orgraph/model/graph.hpp"

namespace orgraph {

struct GraphEdge {
    RelationIndex relation = 0;
    EntityIndex source = 0;
    EntityIndex target = 0;

    friend bool operator==(const GraphEdge& a, const GraphEdge& b) { return a.relation == b.relation; }
    friend bool operator!=(const GraphEdge& a, const GraphEdge& b) { return a.relation != b.relation; }
};

// Walks one entity's adjacency entries as edges: leaving it (`outgoing`) or entering it.
class GraphEdgeIterator
    : public boost::iterator_facade<GraphEdgeIterator, GraphEdge, std::random_access_iterator_tag, GraphEdge> {
public:
    GraphEdgeIterator() = default;
    GraphEdgeIterator(const Adjacent* at, EntityIndex self, bool outgoing)
        : m_at(at), m_self(self), m_outgoing(outgoing) {}

private:
    friend class boost::iterator_core_access;
    [[nodiscard]] GraphEdge dereference() const {
        return m_outgoing ? GraphEdge{m_at->relation, m_self, m_at->other}
                          : GraphEdge{m_at->relation, m_at->other, m_self};
    }
    [[nodiscard]] bool equal(const GraphEdgeIterator& other) const { return m_at == other.m_at; }
    void increment() { ++m_at; }
    void decrement() { --m_at; }
    void advance(std::ptrdiff_t n) { m_at += n; }
    [[nodiscard]] std::ptrdiff_t distance_to(const GraphEdgeIterator& other) const { return other.m_at - m_at; }

    const Adjacent* m_at = nullptr;
    EntityIndex m_self = 0;
    bool m_outgoing = true;
};

struct GraphTraversalCategory : boost::bidirectional_graph_tag, boost::vertex_list_graph_tag {};

}  // namespace orgraph

namespace boost {

template <>
struct graph_traits<orgraph::Graph> {
    using vertex_descriptor = orgraph::EntityIndex;
    using edge_descriptor = orgraph::GraphEdge;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = orgraph::GraphTraversalCategory;
    using out_edge_iterator = orgraph::GraphEdgeIterator;
    using in_edge_iterator = orgraph::GraphEdgeIterator;
    using vertex_iterator = counting_iterator<orgraph::EntityIndex>;
    using adjacency_iterator = void;
    using edge_iterator = void;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    using degree_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return ~orgraph::EntityIndex{0}; }
};

template <>
struct property_map<orgraph::Graph, vertex_index_t> {
    using type = typed_identity_property_map<orgraph::EntityIndex>;
    using const_type = type;
};

}  // namespace boost

namespace orgraph {

inline std::pair<GraphEdgeIterator, GraphEdgeIterator> out_edges(EntityIndex v, const Graph& g) {
    const auto edges = g.out_edges(v);
    return {GraphEdgeIterator(edges.data(), v, true), GraphEdgeIterator(edges.data() + edges.size(), v, true)};
}
inline std::pair<GraphEdgeIterator, GraphEdgeIterator> in_edges(EntityIndex v, const Graph& g) {
    const auto edges = g.in_edges(v);
    return {GraphEdgeIterator(edges.data(), v, false), GraphEdgeIterator(edges.data() + edges.size(), v, false)};
}
inline EntityIndex source(const GraphEdge& e, const Graph&) {
    return e.source;
}
inline EntityIndex target(const GraphEdge& e, const Graph&) {
    return e.target;
}
inline std::size_t out_degree(EntityIndex v, const Graph& g) {
    return g.out_edges(v).size();
}
inline std::size_t in_degree(EntityIndex v, const Graph& g) {
    return g.in_edges(v).size();
}
inline std::size_t degree(EntityIndex v, const Graph& g) {
    return out_degree(v, g) + in_degree(v, g);
}
inline std::pair<boost::counting_iterator<EntityIndex>, boost::counting_iterator<EntityIndex>> vertices(
    const Graph& g) {
    return {boost::counting_iterator<EntityIndex>(0),
            boost::counting_iterator<EntityIndex>(static_cast<EntityIndex>(g.entity_count()))};
}
inline std::size_t num_vertices(const Graph& g) {
    return g.entity_count();
}
inline boost::typed_identity_property_map<EntityIndex> get(boost::vertex_index_t, const Graph&) {
    return {};
}

}  // namespace orgraph
