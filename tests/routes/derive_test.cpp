#include <boost/test/unit_test.hpp>

#include <optional>

#include "orgraph/analysis/prepare.hpp"
#include "route_fixtures.hpp"

using namespace orgraph;
using orgraph::test::GraphText;
using orgraph::test::id;

namespace {

std::optional<Relation> find_relation(const Graph& graph, const std::string& kind, const std::string& from,
                                      const std::string& to) {
    for (const auto r : graph.relations())
        if (graph.schema.relation_kind(r.kind).id == kind && graph.entity_id(r.from) == from &&
            graph.entity_id(r.to) == to)
            return r;
    return std::nullopt;
}

std::size_t derived_count(const Graph& graph) {
    std::size_t n = 0;
    for (const auto r : graph.relations()) n += r.derived ? 1 : 0;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(derive_suite)

BOOST_AUTO_TEST_CASE(transitive_closure_rests_on_the_chain_of_facts) {
    GraphText g;
    g.raw("[[rule]]\nid = \"in\"\nderive = \"part_of\"\ntransitive = \"part_of\"\n");
    g.entity("post").entity("city").entity("country").entity("continent");
    g.relation("part_of", "post", "city", "", "t:10").relation("part_of", "city", "country", "", "t:11");
    g.relation("part_of", "country", "continent", "", "t:12");
    const auto graph = test::load_graph_text(g);
    BOOST_TEST(derived_count(graph) == 3u);  // post-country, post-continent, city-continent
    const auto r = find_relation(graph, "part_of", "post", "continent");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->derived);
    BOOST_TEST(r->rule == "in");
    BOOST_REQUIRE(r->derived_from.size() == 3u);
    for (auto f : r->derived_from) BOOST_TEST(!graph.relation(f).derived);
    BOOST_TEST(graph.cite(r->citations) == "t, line 10; t, line 11; t, line 12");
}

BOOST_AUTO_TEST_CASE(compose_walks_backward_steps_and_respects_the_schema) {
    GraphText g;
    g.raw(R"(
[[relation_kind]]
id = "oversees"
from = ["hub"]
to = ["office"]

[[rule]]
id = "oversees-by-location"
derive = "oversees"
compose = ["link", "~near"]
)");
    g.entity("dept", "hub").entity("country").entity("embassy", "office").entity("town");
    g.relation("link", "dept", "country").relation("near", "embassy", "country").relation("near", "town", "country");
    const auto graph = test::load_graph_text(g);
    const auto r = find_relation(graph, "oversees", "dept", "embassy");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->derived_from.size() == 2u);
    // The town is near the country too, but oversees may only end on an office.
    BOOST_TEST(!find_relation(graph, "oversees", "dept", "town"));
    BOOST_TEST(derived_count(graph) == 1u);
}

BOOST_AUTO_TEST_CASE(inverse_and_no_duplicate_of_a_stated_relation) {
    GraphText g;
    g.raw("[[rule]]\nid = \"back\"\nderive = \"link\"\ninverse_of = \"near\"\n");
    g.entity("a").entity("b").entity("c");
    g.relation("near", "a", "b").relation("near", "a", "c").relation("link", "c", "a");
    const auto graph = test::load_graph_text(g);
    BOOST_TEST(find_relation(graph, "link", "b", "a")->derived);
    BOOST_TEST(!find_relation(graph, "link", "c", "a")->derived);  // stated; nothing added
    BOOST_TEST(derived_count(graph) == 1u);
}

BOOST_AUTO_TEST_CASE(validity_is_what_all_the_facts_share_by_the_day) {
    GraphText g;
    g.raw("[[rule]]\nid = \"in\"\nderive = \"part_of\"\ntransitive = \"part_of\"\n");
    g.entity("a").entity("b").entity("c").entity("x").entity("y").entity("z");
    // until 2023 and until 2023-06: the shared period ends with June 2023, not with 2023.
    g.relation("part_of", "a", "b", "valid_from = 2001\nvalid_to = 2023\n");
    g.relation("part_of", "b", "c", "valid_from = \"2001-05\"\nvalid_to = \"2023-06\"\n");
    // Facts that never hold together derive nothing.
    g.relation("part_of", "x", "y", "valid_to = 1999\n");
    g.relation("part_of", "y", "z", "valid_from = 2000\n");
    const auto graph = test::load_graph_text(g);
    const auto r = find_relation(graph, "part_of", "a", "c");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->validity.from->to_string() == "2001-05");
    BOOST_TEST(r->validity.to->to_string() == "2023-06");
    BOOST_TEST(!find_relation(graph, "part_of", "x", "z"));
}

BOOST_AUTO_TEST_CASE(later_rules_see_what_earlier_ones_derived) {
    GraphText g;
    g.raw(R"(
[[relation_kind]]
id = "reaches"

[[rule]]
id = "near-closure"
derive = "near"
transitive = "near"

[[rule]]
id = "reaches"
derive = "reaches"
compose = ["link", "near"]
)");
    g.entity("d").entity("a").entity("b").entity("c");
    g.relation("link", "d", "a").relation("near", "a", "b").relation("near", "b", "c");
    const auto graph = test::load_graph_text(g);
    const auto r = find_relation(graph, "reaches", "d", "c");
    BOOST_REQUIRE(r);
    BOOST_TEST(graph.relation(r->derived_from[1]).derived);  // a near c, itself derived
}

BOOST_AUTO_TEST_CASE(the_built_in_rules_say_who_oversees_the_missions) {
    auto facts = load(builtin_layers());
    const auto stated = facts.relations().size();
    const auto graph = prepare_graph(std::move(facts));
    BOOST_TEST(graph.relation_count() > stated);
    const auto located = find_relation(graph, "located_in", "emb-rus-moscow", "RUS");
    BOOST_REQUIRE(located);
    BOOST_TEST(located->rule == "located-in-transitive");
    const auto oversees = find_relation(graph, "oversees", "ead1", "emb-rus-moscow");
    BOOST_REQUIRE(oversees);
    BOOST_TEST(oversees->rule == "oversees-missions-in-covered-countries");
    BOOST_TEST(graph.cite(oversees->citations).find("mfa-structure, line 90") != std::string::npos);
    // No other department covers Russia.
    BOOST_TEST(!find_relation(graph, "oversees", "aad1", "emb-rus-moscow"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(derive_condition_suite)

// Two states, each with a ministry, a department covering the same country, and a mission
// there: each department oversees its own state's mission only.
BOOST_AUTO_TEST_CASE(only_if_keeps_the_pairs_the_second_chain_joins_and_cites_it) {
    GraphText g;
    g.raw(R"(
[[relation_kind]]
id = "oversees"

[[rule]]
id = "oversees-own"
derive = "oversees"
compose = ["link", "~near"]
only_if = ["part_of", "link", "~part_of"]
)");
    g.entity("dept-a").entity("dept-b").entity("min-a").entity("min-b").entity("state-a").entity("state-b");
    g.entity("country").entity("mission-a", "office").entity("mission-b", "office");
    for (const char* s : {"a", "b"}) {
        const std::string x = s;
        g.relation("part_of", "dept-" + x, "min-" + x).relation("link", "min-" + x, "state-" + x);
        g.relation("link", "dept-" + x, "country").relation("near", "mission-" + x, "country");
        g.relation("part_of", "mission-" + x, "state-" + x);
    }
    const auto graph = test::load_graph_text(g);
    BOOST_TEST(derived_count(graph) == 2u);
    const auto a = find_relation(graph, "oversees", "dept-a", "mission-a");
    BOOST_REQUIRE(a);
    BOOST_TEST(!find_relation(graph, "oversees", "dept-a", "mission-b"));
    BOOST_TEST(find_relation(graph, "oversees", "dept-b", "mission-b").has_value());
    // The two facts of the chain, then the three of the condition, in walking order.
    BOOST_REQUIRE(a->derived_from.size() == 5u);
    std::vector<std::string> kinds;
    for (auto f : a->derived_from) kinds.push_back(graph.kind_of_relation(f).id);
    const std::vector<std::string> expected = {"link", "near", "part_of", "link", "part_of"};
    BOOST_TEST(kinds == expected, boost::test_tools::per_element());
    BOOST_TEST(graph.entity(graph.relation(a->derived_from[4]).from).id == "mission-a");
}

BOOST_AUTO_TEST_CASE(only_if_with_an_unknown_kind_is_a_load_error) {
    GraphText g;
    g.raw("[[rule]]\nid = \"r\"\nderive = \"link\"\ninverse_of = \"near\"\nonly_if = [\"nearby\"]\n");
    g.entity("a");
    BOOST_CHECK_THROW(test::load_graph_text(g), dataset_error);
}

BOOST_AUTO_TEST_SUITE_END()
