#include <boost/test/unit_test.hpp>

#include <boost/graph/graph_traits.hpp>

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/threads.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"
#include "test_schema.hpp"

using namespace orgraph;

namespace {

// Two kinds and one relation kind, enough to build small graphs by hand.
GraphBuilder small_graph() {
    GraphBuilder graph;
    graph.schema.add_entity_kind(test::entity_kind("office"));
    graph.schema.add_entity_kind(test::entity_kind("country"));
    graph.schema.add_relation_kind(test::relation_kind("covers", {0}, {1}));
    graph.add_source({"handbook", "Handbook", "", "", "", "", "test"});
    return graph;
}

EntityData entity(std::string id, KindIndex kind, std::string name) {
    EntityData e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = std::move(name);
    return e;
}

RelationData relation(EntityIndex from, EntityIndex to) {
    RelationData r;
    r.kind = 0;
    r.from = from;
    r.to = to;
    return r;
}

// The keys of attributes, in the order they are kept.
template <typename Items>
std::vector<std::string> keys_of(const Items& items) {
    std::vector<std::string> keys;
    for (const auto& item : items) keys.emplace_back(item.key);
    return keys;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attributes)

BOOST_AUTO_TEST_CASE(attributes_are_kept_sorted_by_key) {
    AttributeMap a;
    BOOST_TEST(a.empty());
    BOOST_TEST(a.set("status", "open"));
    BOOST_TEST(a.set("as_of", "2024-01"));
    BOOST_TEST(a.set("note", "checked"));
    BOOST_TEST(keys_of(a) == (std::vector<std::string>{"as_of", "note", "status"}), boost::test_tools::per_element());
    BOOST_TEST(a.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_missing_key_is_not_found) {
    AttributeMap a;
    a.set("status", "open");
    BOOST_TEST(a.find("state") == nullptr);
    BOOST_TEST(a.find("") == nullptr);
    BOOST_TEST(a.find("statuses") == nullptr);
    BOOST_REQUIRE(a.find("status") != nullptr);
    BOOST_TEST(*a.find("status") == "open");
}

BOOST_AUTO_TEST_CASE(setting_the_same_value_again_is_accepted) {
    AttributeMap a;
    BOOST_TEST(a.set("status", "open"));
    BOOST_TEST(a.set("status", "open"));
    BOOST_TEST(a.size() == 1u);
}

BOOST_AUTO_TEST_CASE(setting_another_value_is_refused_and_changes_nothing) {
    AttributeMap a;
    a.set("status", "open");
    BOOST_TEST(!a.set("status", "closed"));
    BOOST_TEST(*a.find("status") == "open");
    BOOST_TEST(a.size() == 1u);
}

BOOST_AUTO_TEST_CASE(frozen_attributes_stay_sorted_and_are_found_by_key) {
    auto b = small_graph();
    auto e = entity("aad1", 0, "AAD1");
    e.attributes.set("status", "open");
    e.attributes.set("as_of", "2024-01");
    e.attributes.set("note", "checked");
    b.add_entity(std::move(e));
    b.add_entity(entity("CHN", 1, "China"));
    const auto g = freeze(std::move(b));
    const auto a = g.entity(0).attributes;
    BOOST_TEST(keys_of(a) == (std::vector<std::string>{"as_of", "note", "status"}), boost::test_tools::per_element());
    BOOST_TEST(a.size() == 3u);
    BOOST_TEST(!a.find("state").has_value());
    BOOST_TEST(!a.find("").has_value());
    BOOST_TEST(!a.find("statuses").has_value());
    BOOST_TEST(!a.find("a").has_value());
    BOOST_TEST(!a.find("zzz").has_value());
    BOOST_REQUIRE(a.find("status").has_value());
    BOOST_TEST(*a.find("status") == "open");
    BOOST_TEST(*a.find("as_of") == "2024-01");
    BOOST_TEST(*a.find("note") == "checked");
    BOOST_TEST(g.entity(1).attributes.empty());
    BOOST_TEST(!g.entity(1).attributes.find("status").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(graph)

BOOST_AUTO_TEST_CASE(entities_are_found_by_their_exact_id) {
    auto b = small_graph();
    const auto a = b.add_entity(entity("aad1", 0, "Asian Affairs Department 1"));
    const auto c = b.add_entity(entity("CHN", 1, "China"));
    BOOST_TEST(a == 0u);
    BOOST_TEST(c == 1u);
    BOOST_TEST(*b.find("CHN") == c);
    BOOST_TEST(*b.find("aad1") == a);
    BOOST_TEST(!b.find("chn").has_value());
    BOOST_TEST(!b.find("AAD1").has_value());
    BOOST_TEST(b.entity(c).name == "China");
    BOOST_TEST(b.kind_of(c).id == "country");

    const auto g = freeze(std::move(b));
    BOOST_TEST(*g.find("CHN") == c);
    BOOST_TEST(*g.find("aad1") == a);
    BOOST_TEST(!g.find("chn").has_value());
    BOOST_TEST(!g.find("AAD1").has_value());
    BOOST_TEST(g.entity(c).name == "China");
    BOOST_TEST(g.entity_name(c) == "China");
    BOOST_TEST(g.entity_id(a) == "aad1");
    BOOST_TEST(g.entity_kind_index(c) == 1u);
    BOOST_TEST(g.kind_of(c).id == "country");
}

BOOST_AUTO_TEST_CASE(the_builder_keeps_relations_and_derivations_in_order) {
    auto g = small_graph();
    const auto a = g.add_entity(entity("aad1", 0, "AAD1"));
    const auto c = g.add_entity(entity("CHN", 1, "China"));
    const auto m = g.add_entity(entity("MNG", 1, "Mongolia"));
    const auto r1 = g.add_relation(relation(a, c));
    const auto r2 = g.add_relation(relation(a, m));
    const auto r3 = g.add_derived_relation(relation(c, m), DerivationData{"a-rule", {r1, r2}});
    BOOST_TEST(g.relations().size() == 3u);
    BOOST_TEST(g.kind_of_relation(r1).id == "covers");
    BOOST_TEST(g.relation(r2).to == m);
    BOOST_TEST(!g.relation(r2).derived);
    BOOST_TEST(g.relation(r3).derived);
    BOOST_TEST(!g.derivation(r1));
    BOOST_TEST(!g.derivation(r2));
    BOOST_REQUIRE(g.derivation(r3).has_value());
    BOOST_TEST(g.derivation(r3)->rule == "a-rule");
    const auto facts = g.derivation(r3)->facts;
    BOOST_TEST((std::vector<RelationIndex>(facts.begin(), facts.end()) == std::vector<RelationIndex>{r1, r2}));

    const auto frozen = freeze(std::move(g));
    BOOST_TEST(frozen.relation(r3).derived);
    BOOST_TEST(frozen.relation(r3).rule == "a-rule");
    BOOST_TEST(frozen.relation(r3).derived_from.size() == 2u);
    BOOST_TEST(frozen.relation(r1).rule.empty());
    BOOST_TEST(frozen.relation(r1).derived_from.empty());
}

BOOST_AUTO_TEST_CASE(the_id_order_is_bytewise_and_keeps_the_first_of_two_with_one_id) {
    auto g = small_graph();
    // Ids that share their first eight bytes or more, one a prefix of another, upper case
    // before lower, and one id twice (which a checked load never gives, but freeze accepts).
    for (const auto* id :
         {"region-10", "region-1", "Region-2", "region-100000000b", "region-100000000a", "a", "region-1"})
        g.add_entity(entity(id, 0, id));
    const auto order = id_order(g);
    BOOST_TEST((order == std::vector<EntityIndex>{2, 5, 1, 6, 0, 4, 3}));
    const auto frozen = freeze(std::move(g), FreezeOptions{false, &order});
    BOOST_TEST(frozen.entity(*frozen.find("region-1")).id == "region-1");
    BOOST_TEST(*frozen.find("region-1") == 1u);
}

BOOST_AUTO_TEST_CASE(work_run_beside_other_work_is_done_and_its_exception_reaches_the_caller) {
    int beside = 0, here = 0;
    detail::run_beside([&] { beside = 1; }, [&] { here = 2; });
    BOOST_TEST(beside == 1);
    BOOST_TEST(here == 2);
    // Either side's exception is rethrown, once the other side is done.
    bool other_done = false;
    BOOST_CHECK_THROW(detail::run_beside([] { throw std::length_error("beside"); }, [&] { other_done = true; }),
                      std::length_error);
    BOOST_TEST(other_done);
    other_done = false;
    BOOST_CHECK_THROW(detail::run_beside([&] { other_done = true; }, [] { throw std::length_error("here"); }),
                      std::length_error);
    BOOST_TEST(other_done);
}

BOOST_AUTO_TEST_CASE(a_rule_name_is_kept_once_whatever_the_number_of_relations_it_derives) {
    auto g = small_graph();
    const auto a = g.add_entity(entity("aad1", 0, "AAD1"));
    const auto c = g.add_entity(entity("CHN", 1, "China"));
    const auto m = g.add_entity(entity("MNG", 1, "Mongolia"));
    const auto r1 = g.add_relation(relation(a, c));
    const std::vector<RelationIndex> none;
    g.add_derived_relation(relation(c, m), "first-rule", std::span<const RelationIndex>(&r1, 1));
    g.add_derived_relation(relation(m, c), "second-rule", none);
    g.add_derived_relation(relation(a, m), "first-rule", none);
    BOOST_TEST(g.derivation(1)->rule == "first-rule");
    BOOST_TEST(g.derivation(2)->rule == "second-rule");
    BOOST_TEST(g.derivation(3)->rule == "first-rule");
    BOOST_TEST(g.derivation(1)->facts.size() == 1u);
    BOOST_TEST(g.derivation(3)->facts.empty());
    const auto tables = g.take_derivations();
    BOOST_TEST((tables.rule_names == std::vector<std::string>{"first-rule", "second-rule"}));
    BOOST_TEST(tables.records.size() == 3u);
}

BOOST_AUTO_TEST_CASE(removing_relations_keeps_the_others_in_order_and_renumbers_derivations) {
    auto g = small_graph();
    const auto a = g.add_entity(entity("aad1", 0, "AAD1"));
    const auto c = g.add_entity(entity("CHN", 1, "China"));
    const auto m = g.add_entity(entity("MNG", 1, "Mongolia"));
    g.add_relation(relation(a, c));
    g.add_relation(relation(a, m));
    g.add_relation(relation(a, c));
    g.add_relation(relation(c, m));
    g.add_derived_relation(relation(m, c), DerivationData{"a-rule", {1, 3}});
    g.remove_relations({true, false, true, false, false});
    BOOST_REQUIRE(g.relations().size() == 3u);
    BOOST_TEST(g.relation(0).to == m);
    BOOST_TEST(g.relation(1).from == c);
    BOOST_TEST(g.relation(2).derived);
    BOOST_TEST(!g.derivation(0));
    BOOST_REQUIRE(g.derivation(2).has_value());
    const auto facts = g.derivation(2)->facts;
    BOOST_TEST((std::vector<RelationIndex>(facts.begin(), facts.end()) == std::vector<RelationIndex>{0, 1}));
}

BOOST_AUTO_TEST_CASE(the_frozen_adjacency_mirrors_entities_and_relations) {
    auto b = small_graph();
    const auto a = b.add_entity(entity("aad1", 0, "AAD1"));
    const auto c = b.add_entity(entity("CHN", 1, "China"));
    const auto m = b.add_entity(entity("MNG", 1, "Mongolia"));
    const auto r1 = b.add_relation(relation(a, c));
    const auto r2 = b.add_relation(relation(a, m));
    const auto g = freeze(std::move(b));
    BOOST_TEST(g.entity_count() == 3u);
    BOOST_TEST(g.relation_count() == 2u);
    BOOST_TEST(g.entities().size() == 3u);
    BOOST_TEST(g.relations().size() == 2u);
    std::size_t out = 0, in = 0;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        for (const auto& adjacent : g.out_edges(e)) {
            ++out;
            BOOST_TEST(g.relation(adjacent.relation).from == e);
            BOOST_TEST(g.relation(adjacent.relation).to == adjacent.other);
            BOOST_TEST(g.relation(adjacent.relation).kind == adjacent.kind);
            BOOST_TEST(adjacent.flags == 0u);
        }
        for (const auto& adjacent : g.in_edges(e)) {
            ++in;
            BOOST_TEST(g.relation(adjacent.relation).to == e);
            BOOST_TEST(g.relation(adjacent.relation).from == adjacent.other);
        }
    }
    BOOST_TEST(out == 2u);
    BOOST_TEST(in == 2u);
    BOOST_TEST(g.kind_of_relation(r1).id == "covers");
    BOOST_TEST(g.relation(r2).to == m);
    BOOST_TEST(g.relation(r2).from == a);
    BOOST_TEST(!g.relation(r2).derived);
}

BOOST_AUTO_TEST_CASE(relations_out_of_and_into_an_entity_come_in_the_order_they_were_added) {
    auto b = small_graph();
    const auto a = b.add_entity(entity("aad1", 0, "AAD1"));
    const auto d = b.add_entity(entity("aad2", 0, "AAD2"));
    const auto c = b.add_entity(entity("CHN", 1, "China"));
    const auto m = b.add_entity(entity("MNG", 1, "Mongolia"));
    const auto r0 = b.add_relation(relation(a, m));
    const auto r1 = b.add_relation(relation(d, c));
    const auto r2 = b.add_relation(relation(a, c));
    const auto g = freeze(std::move(b));
    BOOST_TEST(g.out_relations(a) == (std::vector<RelationIndex>{r0, r2}), boost::test_tools::per_element());
    BOOST_TEST(g.in_relations(c) == (std::vector<RelationIndex>{r1, r2}), boost::test_tools::per_element());
    BOOST_TEST(g.out_relations(c).empty());
    BOOST_TEST(g.in_relations(a).empty());
    // The adjacency is ordered by the other end's id instead: "CHN" before "MNG".
    BOOST_REQUIRE(g.out_edges(a).size() == 2u);
    BOOST_TEST(g.out_edges(a)[0].relation == r2);
    BOOST_TEST(g.out_edges(a)[1].relation == r0);
    BOOST_REQUIRE(g.in_edges(c).size() == 2u);
    BOOST_TEST(g.in_edges(c)[0].relation == r2);  // from aad1
    BOOST_TEST(g.in_edges(c)[1].relation == r1);  // from aad2
}

BOOST_AUTO_TEST_CASE(sources_are_found_by_id) {
    auto b = small_graph();
    const auto second = b.add_source({"atlas", "Atlas", "", "", "", "", "test"});
    BOOST_TEST(*b.find_source("atlas") == second);
    BOOST_TEST(*b.find_source("handbook") == 0u);
    BOOST_TEST(!b.find_source("gazette").has_value());
    const auto g = freeze(std::move(b));
    BOOST_TEST(*g.find_source("atlas") == second);
    BOOST_TEST(*g.find_source("handbook") == 0u);
    BOOST_TEST(!g.find_source("gazette").has_value());
    BOOST_TEST(g.sources.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_citation_reads_as_source_and_line_or_lines) {
    auto b = small_graph();
    auto e = entity("aad1", 0, "AAD1");
    e.citations.push_back({0, "4-5"});
    e.citations.push_back({0, "1"});
    b.add_entity(std::move(e));
    b.add_entity(entity("CHN", 1, "China"));
    const auto g = freeze(std::move(b));
    BOOST_TEST(g.cite(Citation{0, ""}) == "handbook");
    BOOST_TEST(g.cite(Citation{0, "12"}) == "handbook, line 12");
    BOOST_TEST(g.cite(Citation{0, "5-6"}) == "handbook, lines 5-6");
    BOOST_TEST(g.cite(Citation{0, "5,9"}) == "handbook, lines 5,9");
    BOOST_TEST(g.cite(Citation{0, "p. 4"}) == "handbook, p. 4");
    const auto both = g.entity(0).citations;
    BOOST_REQUIRE(both.size() == 2u);
    BOOST_TEST(g.cite(both) == "handbook, lines 4-5; handbook, line 1");
    BOOST_TEST(g.cite(g.entity(1).citations) == "");
    BOOST_TEST(g.cite(Citations{}) == "");
}

BOOST_AUTO_TEST_SUITE_END()
