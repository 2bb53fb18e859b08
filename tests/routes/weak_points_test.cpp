#include <boost/test/unit_test.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>

#include <algorithm>
#include <random>

#include "orgraph/analysis/dominators.hpp"
#include "orgraph/analysis/weak_points.hpp"
#include "route_fixtures.hpp"

using namespace orgraph;
using orgraph::test::GraphText;
using orgraph::test::id;

namespace {

std::vector<std::string> ids(const Graph& graph, const std::vector<EntityIndex>& entities) {
    std::vector<std::string> out;
    for (auto e : entities) out.emplace_back(graph.entity(e).id);
    return out;
}

const TargetWeakPoints& target(const Graph& graph, const WeakPointsResult& result, const std::string& entity) {
    for (const auto& t : result.targets)
        if (graph.entity(t.target).id == entity) return t;
    throw std::runtime_error("no such target: " + entity);
}

// Immediate dominators by Boost.Graph's Lengauer-Tarjan, for comparison.
std::vector<std::uint32_t> boost_dominators(std::uint32_t n,
                                            const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    G g(n);
    for (auto [a, b] : edges) boost::add_edge(a, b, g);
    std::vector<G::vertex_descriptor> idom(n, boost::graph_traits<G>::null_vertex());
    boost::lengauer_tarjan_dominator_tree(
        g, boost::vertex(0, g), boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, g)));
    std::vector<std::uint32_t> out(n, no_dominator);
    out[0] = 0;
    for (std::uint32_t v = 1; v < n; ++v)
        if (idom[v] != boost::graph_traits<G>::null_vertex()) out[v] = static_cast<std::uint32_t>(idom[v]);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(weak_points_suite)

BOOST_AUTO_TEST_CASE(dominators_match_boost_on_random_graphs) {
    std::mt19937 random(20240130);
    for (int round = 0; round < 200; ++round) {
        const std::uint32_t n = 2 + random() % 40;
        const std::uint32_t m = random() % (n * 3);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        // Every vertex reachable (a random tree first): Boost's version mistakes an unreachable
        // predecessor for the entry, so unreachable vertices are tested on their own below.
        for (std::uint32_t v = 1; v < n; ++v) edges.emplace_back(random() % v, v);
        for (std::uint32_t i = 0; i < m; ++i) edges.emplace_back(random() % n, random() % n);
        std::shuffle(edges.begin(), edges.end(), random);
        const auto ours = immediate_dominators(CompressedDigraph::from_edges(n, edges), 0);
        const auto theirs = boost_dominators(n, edges);
        BOOST_TEST(ours == theirs, boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(unreachable_vertices_have_no_dominator_and_do_not_mislead) {
    // 0 -> 1 -> 3, 0 -> 2 -> 3, and 4 (unreachable) -> 3: 3 is still dominated by 0 only.
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> edges = {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {4, 3}, {4, 1}};
    const auto idom = immediate_dominators(CompressedDigraph::from_edges(5, edges), 0);
    const std::vector<std::uint32_t> expected = {0, 0, 0, 0, no_dominator};
    BOOST_TEST(idom == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dominators_of_a_long_chain_need_no_deep_stack) {
    // Vertices in a long line, each also joined to the entry: recursion would overflow.
    const std::uint32_t n = 300'000;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::uint32_t v = 0; v + 1 < n; ++v) edges.emplace_back(v, v + 1);
    edges.emplace_back(n - 1, 1);
    const auto idom = immediate_dominators(CompressedDigraph::from_edges(n, edges), 0);
    BOOST_TEST(idom[n - 1] == n - 2);
    BOOST_TEST(idom[1] == 0u);
}

BOOST_AUTO_TEST_CASE(a_diamond_has_its_join_as_weak_point) {
    // s -> a -> j, s -> b -> j, j -> t: j and the step j -> t are on every route to t.
    GraphText g;
    g.entity("s").entity("a").entity("b").entity("j").entity("t", "office");
    g.relation("link", "s", "a").relation("link", "s", "b").relation("link", "a", "j").relation("link", "b", "j");
    g.relation("link", "j", "t");
    const auto graph = test::load_graph_text(g);
    const auto result = find_weak_points(graph, id(graph, "s"), id(graph, "t"), {});
    BOOST_REQUIRE(result.targets.size() == 1u);
    const auto& t = result.targets.front();
    BOOST_TEST(ids(graph, t.entities) == std::vector<std::string>{"j"}, boost::test_tools::per_element());
    BOOST_REQUIRE(t.relations.size() == 1u);
    BOOST_TEST(graph.entity(t.relations[0].from).id == "j");
    BOOST_TEST(ids(graph, result.common_entities) == std::vector<std::string>{"j"}, boost::test_tools::per_element());
    BOOST_TEST(!result.no_route);
}

BOOST_AUTO_TEST_CASE(the_graph_of_routes_leaves_out_what_leads_to_no_target) {
    // s -> a -> t, s -> b -> t, and a side branch s -> x -> y -> s that leads to no target but
    // back to the start: the answer rests on s, a, b, t and the four steps between them, not on x
    // or y.
    GraphText g;
    g.entity("s").entity("a").entity("b").entity("x").entity("y").entity("t", "office");
    g.relation("link", "s", "a").relation("link", "s", "b").relation("link", "a", "t").relation("link", "b", "t");
    g.relation("link", "s", "x").relation("link", "x", "y").relation("link", "y", "s");
    const auto graph = test::load_graph_text(g);
    const auto result = find_weak_points(graph, id(graph, "s"), id(graph, "t"), {});
    auto on_routes = ids(graph, result.on_routes);
    std::sort(on_routes.begin(), on_routes.end());
    BOOST_TEST(on_routes == (std::vector<std::string>{"a", "b", "s", "t"}), boost::test_tools::per_element());
    std::vector<std::string> steps;
    for (const auto& s : result.route_steps)
        steps.push_back(std::string(graph.entity(s.from).id) + ">" + std::string(graph.entity(s.to).id));
    std::sort(steps.begin(), steps.end());
    BOOST_TEST(steps == (std::vector<std::string>{"a>t", "b>t", "s>a", "s>b"}), boost::test_tools::per_element());
    BOOST_TEST(result.route_entities == 6u);  // x and y are reached all the same
}

BOOST_AUTO_TEST_CASE(parallel_relations_are_not_single_points_of_failure) {
    GraphText g;
    g.entity("s").entity("m").entity("t");
    g.relation("link", "s", "m").relation("near", "s", "m").relation("link", "m", "t");
    const auto graph = test::load_graph_text(g);
    const auto result = find_weak_points(graph, id(graph, "s"), id(graph, "t"), {});
    const auto& t = result.targets.front();
    BOOST_TEST(ids(graph, t.entities) == std::vector<std::string>{"m"}, boost::test_tools::per_element());
    BOOST_REQUIRE(t.relations.size() == 1u);  // only m -> t; s -> m is doubled
    BOOST_TEST(graph.entity(t.relations[0].from).id == "m");
}

BOOST_AUTO_TEST_CASE(a_way_back_into_a_target_does_not_hide_its_only_entry) {
    // s -> m -> t and t -> x -> m: the second way into m comes from behind m, so s -> m is
    // still on every route to t.
    GraphText g;
    g.entity("s").entity("m").entity("t").entity("x");
    g.relation("link", "s", "m").relation("link", "m", "t").relation("link", "t", "x").relation("link", "x", "m");
    const auto graph = test::load_graph_text(g);
    const auto result = find_weak_points(graph, id(graph, "s"), id(graph, "t"), {});
    const auto& t = result.targets.front();
    BOOST_TEST(t.relations.size() == 2u);
}

BOOST_AUTO_TEST_CASE(kind_targets_count_what_each_point_cuts_off) {
    // s -> hub -> o1, hub -> o2, s -> o3 directly; o4 unreachable.
    GraphText g;
    g.entity("s")
        .entity("hub")
        .entity("o1", "office")
        .entity("o2", "office")
        .entity("o3", "office")
        .entity("o4", "office");
    g.relation("link", "s", "hub")
        .relation("link", "hub", "o1")
        .relation("link", "hub", "o2")
        .relation("link", "s", "o3");
    g.relation("link", "o4", "s");
    const auto graph = test::load_graph_text(g);
    WeakPointsParams params;
    params.to_kind = "office";
    const auto result = find_weak_points(graph, id(graph, "s"), std::nullopt, params);
    BOOST_TEST(result.targets.size() == 3u);
    BOOST_REQUIRE(result.unreached.size() == 1u);
    BOOST_TEST(graph.entity(result.unreached[0].target).id == "o4");
    BOOST_TEST(result.unreached[0].connection.found);  // o4 -> s walked backwards
    BOOST_REQUIRE(result.entities.size() == 1u);
    BOOST_TEST(graph.entity(result.entities[0].entity).id == "hub");
    BOOST_TEST(result.entities[0].targets == 2u);
    BOOST_TEST(result.common_entities.empty());  // o3 is reached without the hub
    BOOST_TEST(result.common_relations.empty());
    BOOST_REQUIRE(!result.relations.empty());
    BOOST_TEST(result.relations[0].targets == 2u);  // s -> hub
    BOOST_TEST(graph.entity(result.relations[0].step.to).id == "hub");
    BOOST_TEST(target(graph, result, "o3").entities.empty());
    BOOST_TEST(ids(graph, target(graph, result, "o1").entities) == std::vector<std::string>{"hub"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_target_behind_another_counts_the_first_as_weak_point) {
    GraphText g;
    g.entity("s").entity("o1", "office").entity("o2", "office");
    g.relation("link", "s", "o1").relation("link", "o1", "o2");
    const auto graph = test::load_graph_text(g);
    WeakPointsParams params;
    params.to_kind = "office";
    const auto result = find_weak_points(graph, id(graph, "s"), std::nullopt, params);
    BOOST_REQUIRE(result.entities.size() == 1u);
    BOOST_TEST(graph.entity(result.entities[0].entity).id == "o1");
    BOOST_TEST(result.entities[0].targets == 1u);      // o2; o1 itself does not count
    BOOST_TEST(result.common_entities.empty());        // a target is not listed as a common point
    BOOST_TEST(result.common_relations.size() == 1u);  // s -> o1 is on the way to both
}

BOOST_AUTO_TEST_CASE(an_unreachable_target_is_explained) {
    GraphText g;
    g.entity("s").entity("t");
    g.relation("link", "t", "s");
    const auto graph = test::load_graph_text(g);
    const auto result = find_weak_points(graph, id(graph, "s"), id(graph, "t"), {});
    BOOST_TEST(result.targets.empty());
    BOOST_REQUIRE(result.no_route);
    BOOST_TEST(result.no_route->connectable);
    BOOST_TEST(result.no_route->obstacles.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
