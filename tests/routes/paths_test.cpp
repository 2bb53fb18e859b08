#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

#include "orgraph/analysis/paths.hpp"
#include "route_fixtures.hpp"

using namespace orgraph;
using orgraph::test::GraphText;
using orgraph::test::id;
using orgraph::test::visits;

namespace {

// The textbook graph for Yen's algorithm (C, D, E, F, G, H), with unit weights:
//   C->D, C->E, D->F, E->D, E->F, E->G, F->G, F->H, G->H
GraphText yen_graph() {
    GraphText g;
    for (const char* e : {"C", "D", "E", "F", "G", "H"}) g.entity(e);
    for (auto [a, b] : std::initializer_list<std::pair<const char*, const char*>>{{"C", "D"},
                                                                                  {"C", "E"},
                                                                                  {"D", "F"},
                                                                                  {"E", "D"},
                                                                                  {"E", "F"},
                                                                                  {"E", "G"},
                                                                                  {"F", "G"},
                                                                                  {"F", "H"},
                                                                                  {"G", "H"}})
        g.relation("link", a, b);
    return g;
}

std::vector<std::string> all_visits(const Graph& graph, const std::vector<Route>& routes) {
    std::vector<std::string> out;
    for (const auto& r : routes) out.push_back(visits(graph, r));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(paths_suite)

BOOST_AUTO_TEST_CASE(shortest_path_breaks_ties_by_id) {
    const auto graph = test::load_graph_text(yen_graph());
    const TraversalView view(graph, {});
    const auto route = shortest_path(view, id(graph, "C"), id(graph, "H"));
    BOOST_REQUIRE(route);
    // C-D-F-H, C-E-F-H and C-E-G-H all take three steps; D sorts before E.
    BOOST_TEST(visits(graph, *route) == "C>D>F>H");
}

BOOST_AUTO_TEST_CASE(yen_lists_the_k_shortest_loopless_routes_in_order) {
    const auto graph = test::load_graph_text(yen_graph());
    PathParams params;
    params.k = 10;
    const auto result = find_paths(graph, id(graph, "C"), id(graph, "H"), params);
    const std::vector<std::string> expected = {"C>D>F>H",   "C>E>F>H",   "C>E>G>H",    "C>D>F>G>H",
                                               "C>E>D>F>H", "C>E>F>G>H", "C>E>D>F>G>H"};
    BOOST_TEST(all_visits(graph, result.routes) == expected, boost::test_tools::per_element());
    BOOST_TEST(!result.no_route);
    params.k = 2;
    const auto two = find_paths(graph, id(graph, "C"), id(graph, "H"), params);
    BOOST_TEST(all_visits(graph, two.routes) == std::vector<std::string>(expected.begin(), expected.begin() + 2),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(yen_and_all_simple_paths_agree) {
    const auto graph = test::load_graph_text(yen_graph());
    const TraversalView view(graph, {});
    bool truncated = true;
    const auto all = all_simple_paths(view, id(graph, "C"), id(graph, "H"), 10, 1000, truncated);
    BOOST_TEST(!truncated);
    const auto yen = k_shortest_paths(view, id(graph, "C"), id(graph, "H"), 100);
    BOOST_TEST(all_visits(graph, all) == all_visits(graph, yen), boost::test_tools::per_element());
    // Every route is loopless.
    for (const auto& r : all) {
        std::set<EntityIndex> seen{r.front().from};
        for (const auto& s : r) BOOST_TEST(seen.insert(s.to).second);
    }
}

BOOST_AUTO_TEST_CASE(all_simple_paths_respect_the_bound_and_the_limit) {
    const auto graph = test::load_graph_text(yen_graph());
    const TraversalView view(graph, {});
    bool truncated = false;
    auto routes = all_simple_paths(view, id(graph, "C"), id(graph, "H"), 3, 1000, truncated);
    BOOST_TEST(routes.size() == 3u);
    BOOST_TEST(!truncated);
    routes = all_simple_paths(view, id(graph, "C"), id(graph, "H"), 10, 4, truncated);
    BOOST_TEST(routes.size() == 4u);
    BOOST_TEST(truncated);
    PathParams params;
    params.all = true;
    params.max_hops = 2;
    const auto none = find_paths(graph, id(graph, "C"), id(graph, "H"), params);
    BOOST_TEST(none.routes.empty());
    BOOST_TEST(!none.no_route);  // a route exists, only longer
    BOOST_REQUIRE(none.shortest_hops);
    BOOST_TEST(*none.shortest_hops == 3u);
}

BOOST_AUTO_TEST_CASE(simple_paths_through_a_cycle_do_not_loop) {
    GraphText g;
    g.entity("a").entity("b").entity("c").entity("d");
    g.relation("link", "a", "b").relation("link", "b", "c").relation("link", "c", "b").relation("link", "c", "d");
    g.relation("link", "b", "d");
    const auto graph = test::load_graph_text(g);
    const TraversalView view(graph, {});
    bool truncated = false;
    const auto routes = all_simple_paths(view, id(graph, "a"), id(graph, "d"), 10, 100, truncated);
    const std::vector<std::string> expected = {"a>b>d", "a>b>c>d"};
    BOOST_TEST(all_visits(graph, routes) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(routes_walk_backward_kinds_backwards) {
    GraphText g;
    g.entity("kafa").entity("mfa").entity("aalad").entity("emb");
    g.relation("part_of", "kafa", "mfa").relation("part_of", "aalad", "mfa").relation("link", "aalad", "emb");
    const auto graph = test::load_graph_text(g);
    const auto result = find_paths(graph, id(graph, "kafa"), id(graph, "emb"), {});
    BOOST_REQUIRE(result.routes.size() == 1u);
    const auto& route = result.routes.front();
    BOOST_TEST(visits(graph, route) == "kafa>mfa>aalad>emb");
    BOOST_TEST(!route[0].backward);
    BOOST_TEST(route[1].backward);
    BOOST_TEST(!route[2].backward);
}

BOOST_AUTO_TEST_CASE(no_route_says_how_far_each_end_gets_and_what_would_connect_them) {
    // a -> b -> c, and d -link-> c: nothing leads from c to d, since link is forward only.
    GraphText g;
    g.entity("a").entity("b").entity("c").entity("d").entity("e");
    g.relation("link", "a", "b").relation("link", "b", "c").relation("link", "d", "c").relation("link", "e", "d");
    const auto graph = test::load_graph_text(g);
    const auto result = find_paths(graph, id(graph, "a"), id(graph, "d"), {});
    BOOST_TEST(result.routes.empty());
    BOOST_REQUIRE(result.no_route);
    const auto& why = *result.no_route;
    BOOST_TEST(why.forward.reached == 3u);  // a, b, c
    BOOST_TEST(why.forward.depth == 2u);
    BOOST_REQUIRE(why.forward.frontier.size() == 1u);
    BOOST_TEST(graph.entity(why.forward.frontier[0]).id == "c");
    BOOST_TEST(why.backward.reached == 2u);  // d, and e which leads into it
    BOOST_REQUIRE(why.forward.refused.size() == 1u);
    BOOST_TEST(why.forward.refused[0].backward);
    BOOST_TEST(why.forward.refused[0].refusal == refusal_not_backward);
    BOOST_TEST(why.connectable);
    BOOST_TEST(visits(graph, why.connection) == "a>b>c>d");
    BOOST_REQUIRE(why.obstacles.size() == 1u);
    BOOST_TEST(why.obstacles[0].hop == 2u);
    BOOST_TEST(why.obstacles[0].refusal == refusal_not_backward);
}

BOOST_AUTO_TEST_CASE(no_route_names_the_options_that_exclude_it) {
    GraphText g;
    g.entity("a").entity("hub1", "hub").entity("b");
    g.relation("link", "a", "hub1").relation("near", "hub1", "b");
    const auto graph = test::load_graph_text(g);
    PathParams params;
    params.traversal.via = {"link"};
    params.traversal.through = {"office"};
    const auto result = find_paths(graph, id(graph, "a"), id(graph, "b"), params);
    BOOST_REQUIRE(result.no_route);
    const auto& why = *result.no_route;
    BOOST_REQUIRE(why.connectable);
    BOOST_REQUIRE(why.obstacles.size() == 1u);
    // The second step leaves a hub (not among --through) by `near` (not among --via).
    BOOST_TEST(why.obstacles[0].hop == 1u);
    BOOST_TEST(why.obstacles[0].entity_kind);
    BOOST_TEST(why.obstacles[0].refusal == refusal_not_in_via);
    BOOST_REQUIRE(why.forward.not_passed.size() == 1u);
    BOOST_TEST(graph.schema.entity_kind(why.forward.not_passed[0].first).id == "hub");
}

BOOST_AUTO_TEST_CASE(separate_parts_cannot_be_connected) {
    GraphText g;
    g.entity("a").entity("b").entity("c").entity("d");
    g.relation("link", "a", "b").relation("link", "c", "d");
    const auto graph = test::load_graph_text(g);
    const auto result = find_paths(graph, id(graph, "a"), id(graph, "d"), {});
    BOOST_REQUIRE(result.no_route);
    BOOST_TEST(!result.no_route->connectable);
    BOOST_TEST(result.no_route->connection.empty());
    BOOST_TEST(result.no_route->backward.reached == 2u);
}

BOOST_AUTO_TEST_CASE(k_beyond_the_routes_there_are_returns_them_all) {
    GraphText g;
    g.entity("a").entity("b");
    g.relation("link", "a", "b");
    const auto graph = test::load_graph_text(g);
    PathParams params;
    params.k = 5;
    const auto result = find_paths(graph, id(graph, "a"), id(graph, "b"), params);
    BOOST_TEST(result.routes.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
