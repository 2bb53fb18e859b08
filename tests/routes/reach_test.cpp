#include <boost/test/unit_test.hpp>

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/analysis/reach.hpp"
#include "route_fixtures.hpp"

using namespace orgraph;
using orgraph::test::GraphText;
using orgraph::test::id;
using orgraph::test::visits;

namespace {

// a -link-> b -link-> c -link-> d, with a cycle d -link-> b and a branch b -near-> e.
GraphText chain() {
    GraphText g;
    g.entity("a").entity("b").entity("c").entity("d").entity("e", "office");
    g.relation("link", "a", "b").relation("link", "b", "c").relation("link", "c", "d");
    g.relation("link", "d", "b").relation("near", "b", "e");
    return g;
}

std::uint32_t distance_of(const Graph& graph, const ReachResult& result, const std::string& entity) {
    for (const auto& r : result.reached)
        if (graph.entity(r.entity).id == entity) return r.distance;
    return unreached;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reach_suite)

BOOST_AUTO_TEST_CASE(distances_follow_breadth_first_order_through_a_cycle) {
    const auto graph = test::load_graph_text(chain());
    const auto result = reach(graph, id(graph, "a"), {});
    BOOST_TEST(result.reached_total == 4u);
    BOOST_TEST(distance_of(graph, result, "b") == 1u);
    BOOST_TEST(distance_of(graph, result, "c") == 2u);
    BOOST_TEST(distance_of(graph, result, "e") == 2u);
    BOOST_TEST(distance_of(graph, result, "d") == 3u);
    BOOST_TEST(result.farthest == 3u);
    // The relation that reached d is c -> d.
    for (const auto& r : result.reached)
        if (graph.entity(r.entity).id == "d") BOOST_TEST(graph.entity(r.step.from).id == "c");
}

BOOST_AUTO_TEST_CASE(depth_and_kinds_limit_what_is_reported) {
    const auto graph = test::load_graph_text(chain());
    ReachParams params;
    params.depth = 2;
    auto result = reach(graph, id(graph, "a"), params);
    BOOST_TEST(result.reached_total == 3u);  // b, c, e
    BOOST_TEST(distance_of(graph, result, "d") == unreached);
    params.depth = 0;
    params.kinds = {"office"};
    result = reach(graph, id(graph, "a"), params);
    BOOST_REQUIRE(result.reached.size() == 1u);
    BOOST_TEST(graph.entity(result.reached[0].entity).id == "e");
    BOOST_TEST(result.reached_total == 4u);  // the filter does not shorten the walk
    // What the answer counted besides: the others reached, each with its step, in search order.
    std::vector<std::string> passed;
    for (const auto& r : result.passed) passed.emplace_back(graph.entity(r.entity).id);
    BOOST_TEST(passed == (std::vector<std::string>{"b", "c", "d"}), boost::test_tools::per_element());
    BOOST_TEST(graph.entity(result.passed.back().step.from).id == "c");
    params.kinds.clear();
    BOOST_TEST(reach(graph, id(graph, "a"), params).passed.empty());
}

BOOST_AUTO_TEST_CASE(reverse_lists_who_reaches_the_entity) {
    const auto graph = test::load_graph_text(chain());
    ReachParams params;
    params.reverse = true;
    const auto result = reach(graph, id(graph, "c"), params);
    BOOST_TEST(distance_of(graph, result, "b") == 1u);
    BOOST_TEST(distance_of(graph, result, "a") == 2u);
    BOOST_TEST(distance_of(graph, result, "d") == 2u);  // d -> b -> c
    BOOST_TEST(distance_of(graph, result, "e") == unreached);
    // Reversed, the step is the first of the route from the entity: a -> b.
    for (const auto& r : result.reached)
        if (graph.entity(r.entity).id == "a") BOOST_TEST(graph.entity(r.step.to).id == "b");
}

BOOST_AUTO_TEST_CASE(only_backward_kinds_are_walked_against_their_direction) {
    GraphText g;
    g.entity("assoc").entity("ministry").entity("dept").entity("country");
    g.relation("part_of", "assoc", "ministry");  // walked forward
    g.relation("part_of", "dept", "ministry");   // walked backward: ministry has part dept
    g.relation("link", "country", "ministry");   // link is forward only: ministry does not reach country
    const auto graph = test::load_graph_text(g);
    const auto result = reach(graph, id(graph, "assoc"), {});
    BOOST_TEST(distance_of(graph, result, "ministry") == 1u);
    BOOST_TEST(distance_of(graph, result, "dept") == 2u);
    BOOST_TEST(distance_of(graph, result, "country") == unreached);
    for (const auto& r : result.reached)
        if (graph.entity(r.entity).id == "dept") {
            BOOST_TEST(r.step.backward);
            BOOST_TEST(graph.entity(r.step.from).id == "ministry");
        }
}

BOOST_AUTO_TEST_CASE(via_and_through_filter_the_walk) {
    const auto graph = test::load_graph_text(chain());
    ReachParams params;
    params.traversal.via = {"near"};
    auto result = reach(graph, id(graph, "b"), params);
    BOOST_REQUIRE(result.reached.size() == 1u);
    BOOST_TEST(graph.entity(result.reached[0].entity).id == "e");

    // Only offices may stand between the ends: from a, b is reached but not passed through.
    GraphText g;
    g.entity("a").entity("b").entity("o", "office").entity("c");
    g.relation("link", "a", "b").relation("link", "b", "c").relation("link", "a", "o").relation("link", "o", "c");
    const auto graph2 = test::load_graph_text(g);
    ReachParams through;
    through.traversal.through = {"office"};
    result = reach(graph2, id(graph2, "a"), through);
    BOOST_TEST(distance_of(graph2, result, "b") == 1u);
    BOOST_TEST(distance_of(graph2, result, "c") == 2u);
    for (const auto& r : result.reached)
        if (graph2.entity(r.entity).id == "c") BOOST_TEST(graph2.entity(r.step.from).id == "o");
    through.traversal.through = {"hub"};
    result = reach(graph2, id(graph2, "a"), through);
    BOOST_TEST(distance_of(graph2, result, "c") == unreached);
}

BOOST_AUTO_TEST_CASE(ties_go_to_the_smaller_id_whatever_the_order_of_the_data) {
    // Two routes of two steps from s to t, through "m2" and "m1"; m2 is declared first.
    GraphText g;
    g.entity("s").entity("m2").entity("m1").entity("t");
    g.relation("link", "s", "m2").relation("link", "m2", "t").relation("link", "s", "m1").relation("link", "m1", "t");
    const auto graph = test::load_graph_text(g);
    const auto result = reach(graph, id(graph, "s"), {});
    for (const auto& r : result.reached)
        if (graph.entity(r.entity).id == "t") BOOST_TEST(graph.entity(r.step.from).id == "m1");
    // Two relations between the same two entities: the lower relation index wins.
    GraphText h;
    h.entity("s").entity("t");
    h.relation("near", "s", "t").relation("link", "s", "t");
    const auto graph2 = test::load_graph_text(h);
    const auto again = reach(graph2, id(graph2, "s"), {});
    BOOST_REQUIRE(again.reached.size() == 1u);
    BOOST_TEST(graph2.kind_of_relation(again.reached[0].step.relation).id == "near");
}

BOOST_AUTO_TEST_CASE(derived_relations_are_walked_unless_turned_off) {
    GraphText g;
    g.raw(R"(
[[rule]]
id = "near-twice"
derive = "near"
transitive = "near"
)");
    g.entity("a").entity("b").entity("c");
    g.relation("near", "a", "b").relation("near", "b", "c");
    const auto graph = test::load_graph_text(g);
    auto result = reach(graph, id(graph, "a"), {});
    BOOST_TEST(distance_of(graph, result, "c") == 1u);
    ReachParams params;
    params.traversal.derived = false;
    result = reach(graph, id(graph, "a"), params);
    BOOST_TEST(distance_of(graph, result, "c") == 2u);
}

BOOST_AUTO_TEST_CASE(unknown_kinds_are_an_error) {
    const auto graph = test::load_graph_text(chain());
    ReachParams params;
    params.traversal.via = {"linx"};
    BOOST_CHECK_THROW(reach(graph, id(graph, "a"), params), unknown_kind_error);
    params.traversal.via.clear();
    params.traversal.through = {"offices"};
    BOOST_CHECK_THROW(reach(graph, id(graph, "a"), params), unknown_kind_error);
    params.traversal.through.clear();
    params.kinds = {"nod"};
    BOOST_CHECK_THROW(reach(graph, id(graph, "a"), params), unknown_kind_error);
}

BOOST_AUTO_TEST_CASE(as_of_drops_a_closed_mission_before_deriving) {
    GraphText g;
    g.entity("assoc")
        .entity("ministry")
        .entity("open-post", "office")
        .entity("closed-post", "office", "valid_to = 2020\n");
    g.relation("link", "assoc", "ministry");
    g.relation("link", "ministry", "open-post");
    g.relation("link", "ministry", "closed-post");
    const auto text = g.text();
    const auto all = test::load_text(text);
    ReachParams offices;
    offices.kinds = {"office"};
    BOOST_TEST(reach(all, id(all, "assoc"), offices).reached.size() == 2u);
    PrepareOptions options;
    options.as_of = Date::parse("2022-01-01");
    BOOST_REQUIRE(options.as_of);
    const auto on_day = prepare_graph(test::load_facts(text), options);
    const auto result = reach(on_day, id(on_day, "assoc"), offices);
    BOOST_REQUIRE(result.reached.size() == 1u);
    BOOST_TEST(on_day.entity(result.reached[0].entity).id == "open-post");
    BOOST_TEST(!on_day.find("closed-post"));
}

BOOST_AUTO_TEST_SUITE_END()
