// The parts of the graph that make large datasets affordable: the id index (open addressing
// over the entities' own ids, in the builder and in the frozen graph), moving a graph without
// copying it, vectors of entities and relations that move rather than copy when they grow, and
// the table of (from, to, kind) the loader merges repeated statements through.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/relation_table.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"

using namespace orgraph;

namespace {

EntityData named(std::string id, std::string name = "x") {
    EntityData e;
    e.id = std::move(id);
    e.name = std::move(name);
    return e;
}

// a, b, c and the relations a -> b, b -> c.
GraphBuilder three_in_a_row() {
    GraphBuilder g;
    g.add_entity(named("a"));
    g.add_entity(named("b"));
    g.add_entity(named("c"));
    RelationData r;
    r.from = 0;
    r.to = 1;
    g.add_relation(r);
    r.from = 1;
    r.to = 2;
    g.add_relation(r);
    return g;
}

}  // namespace

// Without these, std::vector copies every entity and relation each time it grows.
static_assert(std::is_nothrow_move_constructible_v<CitationList>);
static_assert(std::is_nothrow_move_constructible_v<EntityData>);
static_assert(std::is_nothrow_move_constructible_v<RelationData>);
static_assert(std::is_nothrow_move_constructible_v<GraphBuilder>);
static_assert(std::is_nothrow_move_constructible_v<Graph>);
// Views are small values, made on demand.
static_assert(std::is_trivially_copyable_v<Citations> && std::is_trivially_copyable_v<Attributes>);
static_assert(std::is_trivially_copyable_v<Relation> && std::is_trivially_copyable_v<Entity>);

BOOST_AUTO_TEST_SUITE(graph_index)

BOOST_AUTO_TEST_CASE(finds_every_id_across_growth) {
    GraphBuilder b;
    const std::size_t n = 100000;
    for (std::size_t i = 0; i < n; ++i) b.add_entity(named(fmt::format("e{}", i)));
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto found = b.find(fmt::format("e{}", i));
        if (!found || *found != i) ++wrong;
    }
    BOOST_TEST(wrong == 0u);
    // Near misses and ids that are not there.
    BOOST_TEST(!b.find("e100000"));
    BOOST_TEST(!b.find("E1"));
    BOOST_TEST(!b.find("e1 "));
    BOOST_TEST(!b.find(""));
    BOOST_TEST(!GraphBuilder{}.find("e1"));

    const auto g = freeze(std::move(b));
    BOOST_TEST(g.entity_count() == n);
    wrong = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto found = g.find(fmt::format("e{}", i));
        if (!found || *found != i) ++wrong;
    }
    BOOST_TEST(wrong == 0u);
    BOOST_TEST(!g.find("e100000"));
    BOOST_TEST(!g.find("E1"));
    BOOST_TEST(!g.find("e1 "));
    BOOST_TEST(!g.find(""));
    BOOST_TEST(!Graph{}.find("e1"));
}

BOOST_AUTO_TEST_CASE(long_ids_and_ids_that_share_a_prefix) {
    GraphBuilder b;
    const std::string stem(200, 'a');
    for (int i = 0; i < 50; ++i) b.add_entity(named(stem + std::to_string(i)));
    for (int i = 0; i < 50; ++i) BOOST_TEST(*b.find(stem + std::to_string(i)) == static_cast<EntityIndex>(i));
    BOOST_TEST(!b.find(stem));
    const auto g = freeze(std::move(b));
    for (int i = 0; i < 50; ++i) BOOST_TEST(*g.find(stem + std::to_string(i)) == static_cast<EntityIndex>(i));
    BOOST_TEST(!g.find(stem));
}

BOOST_AUTO_TEST_CASE(the_first_entity_keeps_an_id_given_twice) {
    GraphBuilder b;
    b.add_entity(named("same", "first"));
    b.add_entity(named("other"));
    b.add_entity(named("same", "second"));
    BOOST_TEST(*b.find("same") == 0u);
    BOOST_TEST(*b.find("other") == 1u);
    const auto g = freeze(std::move(b));
    BOOST_TEST(g.entity_count() == 3u);
    BOOST_TEST(*g.find("same") == 0u);
    BOOST_TEST(g.entity(*g.find("same")).name == "first");
    BOOST_TEST(*g.find("other") == 1u);
}

BOOST_AUTO_TEST_CASE(reserving_keeps_what_is_indexed) {
    GraphBuilder g;
    for (int i = 0; i < 1000; ++i) g.add_entity(named(fmt::format("k{}", i)));
    g.reserve(50000, 100000);
    for (int i = 1000; i < 2000; ++i) g.add_entity(named(fmt::format("k{}", i)));
    std::size_t wrong = 0;
    for (int i = 0; i < 2000; ++i)
        if (g.find(fmt::format("k{}", i)) != std::optional<EntityIndex>(static_cast<EntityIndex>(i))) ++wrong;
    BOOST_TEST(wrong == 0u);
}

BOOST_AUTO_TEST_CASE(a_moved_builder_keeps_its_entities_and_relations) {
    GraphBuilder g = three_in_a_row();

    GraphBuilder moved(std::move(g));
    BOOST_TEST(moved.entities().size() == 3u);
    BOOST_TEST(*moved.find("c") == 2u);
    BOOST_TEST(moved.relations().size() == 2u);
    BOOST_TEST(moved.relation(1).from == 1u);
    BOOST_TEST(moved.relation(0).to == 1u);

    GraphBuilder assigned;
    assigned.add_entity(named("old"));
    assigned = std::move(moved);
    BOOST_TEST(*assigned.find("b") == 1u);
    BOOST_TEST(!assigned.find("old"));
    BOOST_TEST(assigned.relations().size() == 2u);

    // A copy is still a copy.
    GraphBuilder copy(assigned);
    copy.add_entity(named("d"));
    BOOST_TEST(copy.entities().size() == 4u);
    BOOST_TEST(assigned.entities().size() == 3u);
    BOOST_TEST(!assigned.find("d"));
}

BOOST_AUTO_TEST_CASE(freezing_keeps_the_records_of_the_builder) {
    GraphBuilder b = three_in_a_row();
    const auto g = freeze(std::move(b));
    BOOST_TEST(g.entity_count() == 3u);
    BOOST_TEST(g.relation_count() == 2u);
    BOOST_TEST(*g.find("c") == 2u);
    BOOST_TEST((g.out_relations(1) == std::vector<RelationIndex>{1}));
    BOOST_TEST((g.in_relations(1) == std::vector<RelationIndex>{0}));
    BOOST_TEST(g.entity(0).id == "a");
    BOOST_TEST(g.entity(2).id == "c");
    BOOST_TEST(g.relation(1).from == 1u);
    BOOST_TEST(g.relation(1).to == 2u);
}

BOOST_AUTO_TEST_CASE(a_moved_graph_keeps_its_tables_without_copying_them) {
    Graph g = freeze(three_in_a_row());
    const auto* entities = g.tables().entities.data();
    const auto* text = g.tables().text.data();

    Graph moved(std::move(g));
    BOOST_TEST(moved.entity_count() == 3u);
    BOOST_TEST(moved.relation_count() == 2u);
    BOOST_TEST(*moved.find("c") == 2u);
    BOOST_TEST((moved.out_relations(1) == std::vector<RelationIndex>{1}));
    BOOST_TEST((moved.in_relations(1) == std::vector<RelationIndex>{0}));
    BOOST_TEST(moved.out_edges(0).size() == 1u);
    BOOST_TEST(moved.in_edges(2).size() == 1u);
    // The same tables, not a copy of them.
    BOOST_TEST((moved.tables().entities.data() == entities));
    BOOST_TEST((moved.tables().text.data() == text));

    Graph assigned = freeze([] {
        GraphBuilder b;
        b.add_entity(named("old"));
        return b;
    }());
    assigned = std::move(moved);
    BOOST_TEST(*assigned.find("b") == 1u);
    BOOST_TEST(!assigned.find("old"));
    BOOST_TEST(assigned.relation_count() == 2u);
    BOOST_TEST((assigned.tables().entities.data() == entities));

    // A copy shares the tables, which never change, and outlives the original.
    auto copy = std::make_unique<Graph>(assigned);
    BOOST_TEST((copy->tables().entities.data() == entities));
    assigned = Graph{};
    BOOST_TEST(assigned.entity_count() == 0u);
    BOOST_TEST(copy->entity_count() == 3u);
    BOOST_TEST(copy->entity(2).id == "c");
    BOOST_TEST(*copy->find("a") == 0u);
}

BOOST_AUTO_TEST_CASE(citations_read_as_before) {
    const CitationList two{{0, "1-2"}, {1, ""}};
    BOOST_TEST(two.size() == 2u);
    CitationList copy = two;
    BOOST_TEST((copy == two));
    CitationList moved = std::move(copy);
    BOOST_TEST((moved == two));
    moved.push_back({2, "9"});
    BOOST_TEST((moved != two));
}

BOOST_AUTO_TEST_CASE(frozen_citations_compare_by_source_and_locator) {
    GraphBuilder b;
    for (const char* id : {"a", "b", "c", "d"}) b.add_entity(named(id));
    for (const char* id : {"s0", "s1", "s2"}) b.add_source({id, "", "", "", "", "", ""});
    b.change_entity(0, [](EntityData& e) { e.citations = {{0, "1-2"}, {1, ""}}; });
    b.change_entity(1, [](EntityData& e) { e.citations = {{0, "1-2"}, {1, ""}}; });
    b.change_entity(2, [](EntityData& e) { e.citations = {{0, "1-2"}, {1, ""}, {2, "9"}}; });
    b.change_entity(3, [](EntityData& e) { e.citations = {{0, "1-2"}, {1, "3"}}; });
    const auto g = freeze(std::move(b));
    const auto two = g.entity(0).citations;
    BOOST_TEST(two.size() == 2u);
    BOOST_TEST((two[0] == Citation{0, "1-2"}));
    BOOST_TEST((two[1] == Citation{1, ""}));
    const auto copy = two;
    BOOST_TEST((copy == two));
    BOOST_TEST((g.entity(1).citations == two));
    BOOST_TEST(!(g.entity(2).citations == two));
    BOOST_TEST(!(g.entity(3).citations == two));
    BOOST_TEST(!(Citations{} == two));
    BOOST_TEST((Citations{} == Citations{}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(relation_table)

BOOST_AUTO_TEST_CASE(the_first_relation_of_a_statement_is_kept) {
    RelationTable table;
    BOOST_TEST(!table.find(1, 2, 3));
    BOOST_TEST(table.insert(1, 2, 3, 10));
    BOOST_TEST(!table.insert(1, 2, 3, 11));
    BOOST_TEST(*table.find(1, 2, 3) == 10u);
    // Each part of the key counts.
    BOOST_TEST(!table.find(2, 1, 3));
    BOOST_TEST(!table.find(1, 2, 4));
    BOOST_TEST(!table.find(1, 3, 3));
    BOOST_TEST(table.size() == 1u);
}

BOOST_AUTO_TEST_CASE(grows_without_losing_keys) {
    RelationTable table;
    table.reserve(10);
    RelationIndex next = 0;
    for (EntityIndex from = 0; from < 300; ++from)
        for (EntityIndex to = 0; to < 300; to += 7)
            table.insert(from, to, static_cast<RelationKindIndex>(to % 3), next++);
    BOOST_TEST(table.size() == next);
    RelationIndex expected = 0;
    std::size_t wrong = 0;
    for (EntityIndex from = 0; from < 300; ++from)
        for (EntityIndex to = 0; to < 300; to += 7)
            if (table.find(from, to, static_cast<RelationKindIndex>(to % 3)) !=
                std::optional<RelationIndex>(expected++))
                ++wrong;
    BOOST_TEST(wrong == 0u);
    BOOST_TEST(!table.find(0, 1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
