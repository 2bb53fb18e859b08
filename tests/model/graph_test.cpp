#include <boost/test/unit_test.hpp>

#include <boost/graph/graph_traits.hpp>

#include <vector>

#include "orgraph/model/graph.hpp"
#include "test_schema.hpp"

using namespace orgraph;

namespace {

// Two kinds and one relation kind, enough to build small graphs by hand.
Graph small_graph() {
    Graph graph;
    graph.schema.add_entity_kind(test::entity_kind("office"));
    graph.schema.add_entity_kind(test::entity_kind("country"));
    graph.schema.add_relation_kind(test::relation_kind("covers", {0}, {1}));
    graph.add_source({"handbook", "Handbook", "", "", "", "", "test"});
    return graph;
}

Entity entity(std::string id, KindIndex kind, std::string name) {
    Entity e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = std::move(name);
    return e;
}

Relation relation(EntityIndex from, EntityIndex to) {
    Relation r;
    r.kind = 0;
    r.from = from;
    r.to = to;
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attributes)

BOOST_AUTO_TEST_CASE(attributes_are_kept_sorted_by_key) {
    Attributes a;
    BOOST_TEST(a.empty());
    BOOST_TEST(a.set("status", "open"));
    BOOST_TEST(a.set("as_of", "2024-01"));
    BOOST_TEST(a.set("note", "checked"));
    std::vector<std::string> keys;
    for (const auto& item : a) keys.push_back(item.key);
    BOOST_TEST(keys == (std::vector<std::string>{"as_of", "note", "status"}), boost::test_tools::per_element());
    BOOST_TEST(a.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_missing_key_is_not_found) {
    Attributes a;
    a.set("status", "open");
    BOOST_TEST(a.find("state") == nullptr);
    BOOST_TEST(a.find("") == nullptr);
    BOOST_TEST(a.find("statuses") == nullptr);
    BOOST_REQUIRE(a.find("status") != nullptr);
    BOOST_TEST(*a.find("status") == "open");
}

BOOST_AUTO_TEST_CASE(setting_the_same_value_again_is_accepted) {
    Attributes a;
    BOOST_TEST(a.set("status", "open"));
    BOOST_TEST(a.set("status", "open"));
    BOOST_TEST(a.size() == 1u);
}

BOOST_AUTO_TEST_CASE(setting_another_value_is_refused_and_changes_nothing) {
    Attributes a;
    a.set("status", "open");
    BOOST_TEST(!a.set("status", "closed"));
    BOOST_TEST(*a.find("status") == "open");
    BOOST_TEST(a.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(graph)

BOOST_AUTO_TEST_CASE(entities_are_found_by_their_exact_id) {
    auto g = small_graph();
    const auto a = g.add_entity(entity("aad1", 0, "Asian Affairs Department 1"));
    const auto c = g.add_entity(entity("CHN", 1, "China"));
    BOOST_TEST(a == 0u);
    BOOST_TEST(c == 1u);
    BOOST_TEST(*g.find("CHN") == c);
    BOOST_TEST(*g.find("aad1") == a);
    BOOST_TEST(!g.find("chn").has_value());
    BOOST_TEST(!g.find("AAD1").has_value());
    BOOST_TEST(g.entity(c).name == "China");
    BOOST_TEST(g.kind_of(c).id == "country");
}

BOOST_AUTO_TEST_CASE(the_topology_mirrors_entities_and_relations) {
    auto g = small_graph();
    const auto a = g.add_entity(entity("aad1", 0, "AAD1"));
    const auto c = g.add_entity(entity("CHN", 1, "China"));
    const auto m = g.add_entity(entity("MNG", 1, "Mongolia"));
    const auto r1 = g.add_relation(relation(a, c));
    const auto r2 = g.add_relation(relation(a, m));
    BOOST_TEST(boost::num_vertices(g.topology()) == 3u);
    BOOST_TEST(boost::num_edges(g.topology()) == 2u);
    for (auto [it, end] = boost::edges(g.topology()); it != end; ++it) {
        const auto index = g.topology()[*it].relation;
        BOOST_TEST(boost::source(*it, g.topology()) == g.relation(index).from);
        BOOST_TEST(boost::target(*it, g.topology()) == g.relation(index).to);
    }
    BOOST_TEST(g.kind_of_relation(r1).id == "covers");
    BOOST_TEST(g.relation(r2).to == m);
}

BOOST_AUTO_TEST_CASE(relations_out_of_and_into_an_entity_come_in_the_order_they_were_added) {
    auto g = small_graph();
    const auto a = g.add_entity(entity("aad1", 0, "AAD1"));
    const auto b = g.add_entity(entity("aad2", 0, "AAD2"));
    const auto c = g.add_entity(entity("CHN", 1, "China"));
    const auto m = g.add_entity(entity("MNG", 1, "Mongolia"));
    const auto r0 = g.add_relation(relation(a, m));
    const auto r1 = g.add_relation(relation(b, c));
    const auto r2 = g.add_relation(relation(a, c));
    BOOST_TEST(g.out_relations(a) == (std::vector<RelationIndex>{r0, r2}), boost::test_tools::per_element());
    BOOST_TEST(g.in_relations(c) == (std::vector<RelationIndex>{r1, r2}), boost::test_tools::per_element());
    BOOST_TEST(g.out_relations(c).empty());
    BOOST_TEST(g.in_relations(a).empty());
}

BOOST_AUTO_TEST_CASE(sources_are_found_by_id) {
    auto g = small_graph();
    const auto second = g.add_source({"atlas", "Atlas", "", "", "", "", "test"});
    BOOST_TEST(*g.find_source("atlas") == second);
    BOOST_TEST(*g.find_source("handbook") == 0u);
    BOOST_TEST(!g.find_source("gazette").has_value());
}

BOOST_AUTO_TEST_CASE(a_citation_reads_as_source_and_line_or_lines) {
    auto g = small_graph();
    BOOST_TEST(g.cite(Citation{0, ""}) == "handbook");
    BOOST_TEST(g.cite(Citation{0, "12"}) == "handbook, line 12");
    BOOST_TEST(g.cite(Citation{0, "5-6"}) == "handbook, lines 5-6");
    BOOST_TEST(g.cite(Citation{0, "5,9"}) == "handbook, lines 5,9");
    BOOST_TEST(g.cite(Citation{0, "p. 4"}) == "handbook, p. 4");
    Citations both;
    both.push_back({0, "4-5"});
    both.push_back({0, "1"});
    BOOST_TEST(g.cite(both) == "handbook, lines 4-5; handbook, line 1");
    BOOST_TEST(g.cite(Citations{}) == "");
}

BOOST_AUTO_TEST_SUITE_END()
