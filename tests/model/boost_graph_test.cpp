#include <boost/test/unit_test.hpp>

#include <boost/concept/assert.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>

#include <deque>
#include <limits>
#include <string>
#include <vector>

#include "builtin_graph.hpp"
#include "orgraph/model/boost_graph.hpp"
#include "orgraph/model/graph_builder.hpp"
#include "test_schema.hpp"

using namespace orgraph;

BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));

namespace {

// a -> b -> c -> d, a -> c, and e alone.
Graph chain() {
    GraphBuilder b;
    b.schema.add_entity_kind(test::entity_kind("office"));
    b.schema.add_relation_kind(test::relation_kind("reports_to", {0}, {0}));
    for (const char* id : {"a", "b", "c", "d", "e"}) {
        EntityData e;
        e.id = id;
        e.name = std::string("Office ") + id;
        b.add_entity(std::move(e));
    }
    for (auto [from, to] : std::vector<std::pair<EntityIndex, EntityIndex>>{{0, 1}, {1, 2}, {2, 3}, {0, 2}}) {
        RelationData r;
        r.from = from;
        r.to = to;
        b.add_relation(std::move(r));
    }
    return freeze(std::move(b));
}

std::vector<std::size_t> boost_distances(const Graph& g, EntityIndex root) {
    std::vector<std::size_t> d(num_vertices(g), std::numeric_limits<std::size_t>::max());
    d[root] = 0;
    auto distances = boost::make_iterator_property_map(d.begin(), get(boost::vertex_index, g));
    boost::breadth_first_search(
        g, root, boost::visitor(boost::make_bfs_visitor(boost::record_distances(distances, boost::on_tree_edge()))));
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(boost_graph)

BOOST_AUTO_TEST_CASE(breadth_first_search_runs_on_the_frozen_tables) {
    const auto g = chain();
    const auto d = boost_distances(g, 0);
    const auto none = std::numeric_limits<std::size_t>::max();
    BOOST_TEST(d == (std::vector<std::size_t>{0, 1, 1, 2, none}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(in_edges_name_the_relation_and_both_ends) {
    const auto g = chain();
    std::vector<std::pair<EntityIndex, RelationIndex>> into_c;
    for (auto [it, end] = in_edges(2, g); it != end; ++it) {
        BOOST_TEST(target(*it, g) == 2U);
        into_c.emplace_back(source(*it, g), it->relation);
    }
    // Ordered by the id of the other end: a before b.
    BOOST_TEST((into_c == std::vector<std::pair<EntityIndex, RelationIndex>>{{0, 3}, {1, 1}}));
    BOOST_TEST(in_degree(2, g) == 2U);
    BOOST_TEST(out_degree(0, g) == 2U);
    BOOST_TEST(degree(2, g) == 3U);
}

BOOST_AUTO_TEST_CASE(dijkstra_with_unit_weights_agrees_with_breadth_first_search_on_the_builtin_graph) {
    const auto g = test::load_builtin(true);
    const auto root = *g.find("korua");
    std::vector<std::size_t> dist(num_vertices(g));
    std::vector<EntityIndex> pred(num_vertices(g));
    auto index = get(boost::vertex_index, g);
    boost::dijkstra_shortest_paths(g, root,
                                   boost::weight_map(boost::static_property_map<std::size_t, GraphEdge>(1))
                                       .distance_map(boost::make_iterator_property_map(dist.begin(), index))
                                       .predecessor_map(boost::make_iterator_property_map(pred.begin(), index)));
    const auto bfs = boost_distances(g, root);
    // A breadth-first search over the same out-edges, by hand.
    std::vector<std::size_t> hand(num_vertices(g), std::numeric_limits<std::size_t>::max());
    std::deque<EntityIndex> queue{root};
    hand[root] = 0;
    while (!queue.empty()) {
        const auto at = queue.front();
        queue.pop_front();
        for (const auto& a : g.out_edges(at))
            if (hand[a.other] == std::numeric_limits<std::size_t>::max()) {
                hand[a.other] = hand[at] + 1;
                queue.push_back(a.other);
            }
    }
    std::size_t reached = 0;
    for (EntityIndex e = 0; e < num_vertices(g); ++e) {
        if (hand[e] == std::numeric_limits<std::size_t>::max()) continue;
        ++reached;
        BOOST_TEST(bfs[e] == hand[e]);
        BOOST_TEST(dist[e] == hand[e]);
    }
    BOOST_TEST(reached > 5U);
}

BOOST_AUTO_TEST_SUITE_END()
