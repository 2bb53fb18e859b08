// The parts of the graph that make large datasets affordable: the id index (open addressing
// over the entities' own ids), moving a graph without copying it, vectors of entities and
// relations that move rather than copy when they grow, and the table of (from, to, kind) the
// loader merges repeated statements through.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/relation_table.hpp"
#include "orgraph/model/graph.hpp"

using namespace orgraph;

namespace {

Entity named(std::string id, std::string name = "x") {
    Entity e;
    e.id = std::move(id);
    e.name = std::move(name);
    return e;
}

}  // namespace

// Without these, std::vector copies every entity and relation each time it grows.
static_assert(std::is_nothrow_move_constructible_v<Citations>);
static_assert(std::is_nothrow_move_constructible_v<Entity>);
static_assert(std::is_nothrow_move_constructible_v<Relation>);
static_assert(std::is_nothrow_move_constructible_v<Graph>);

BOOST_AUTO_TEST_SUITE(graph_index)

BOOST_AUTO_TEST_CASE(finds_every_id_across_growth) {
    Graph g;
    const std::size_t n = 100000;
    for (std::size_t i = 0; i < n; ++i) g.add_entity(named(fmt::format("e{}", i)));
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto found = g.find(fmt::format("e{}", i));
        if (!found || *found != i) ++wrong;
    }
    BOOST_TEST(wrong == 0u);
    // Near misses and ids that are not there.
    BOOST_TEST(!g.find("e100000"));
    BOOST_TEST(!g.find("E1"));
    BOOST_TEST(!g.find("e1 "));
    BOOST_TEST(!g.find(""));
    BOOST_TEST(!Graph{}.find("e1"));
}

BOOST_AUTO_TEST_CASE(long_ids_and_ids_that_share_a_prefix) {
    Graph g;
    const std::string stem(200, 'a');
    for (int i = 0; i < 50; ++i) g.add_entity(named(stem + std::to_string(i)));
    for (int i = 0; i < 50; ++i) BOOST_TEST(*g.find(stem + std::to_string(i)) == static_cast<EntityIndex>(i));
    BOOST_TEST(!g.find(stem));
}

BOOST_AUTO_TEST_CASE(the_first_entity_keeps_an_id_given_twice) {
    Graph g;
    g.add_entity(named("same", "first"));
    g.add_entity(named("other"));
    g.add_entity(named("same", "second"));
    BOOST_TEST(*g.find("same") == 0u);
    BOOST_TEST(*g.find("other") == 1u);
}

BOOST_AUTO_TEST_CASE(reserving_keeps_what_is_indexed) {
    Graph g;
    for (int i = 0; i < 1000; ++i) g.add_entity(named(fmt::format("k{}", i)));
    g.reserve(50000, 100000);
    for (int i = 1000; i < 2000; ++i) g.add_entity(named(fmt::format("k{}", i)));
    std::size_t wrong = 0;
    for (int i = 0; i < 2000; ++i)
        if (g.find(fmt::format("k{}", i)) != std::optional<EntityIndex>(static_cast<EntityIndex>(i))) ++wrong;
    BOOST_TEST(wrong == 0u);
}

BOOST_AUTO_TEST_CASE(a_moved_graph_keeps_its_entities_relations_and_topology) {
    Graph g;
    g.add_entity(named("a"));
    g.add_entity(named("b"));
    g.add_entity(named("c"));
    Relation r;
    r.from = 0;
    r.to = 1;
    g.add_relation(r);
    r.from = 1;
    r.to = 2;
    g.add_relation(r);

    Graph moved(std::move(g));
    BOOST_TEST(moved.entities().size() == 3u);
    BOOST_TEST(*moved.find("c") == 2u);
    BOOST_TEST(boost::num_vertices(moved.topology()) == 3u);
    BOOST_TEST(boost::num_edges(moved.topology()) == 2u);
    BOOST_TEST((moved.out_relations(1) == std::vector<RelationIndex>{1}));
    BOOST_TEST((moved.in_relations(1) == std::vector<RelationIndex>{0}));

    Graph assigned;
    assigned.add_entity(named("old"));
    assigned = std::move(moved);
    BOOST_TEST(*assigned.find("b") == 1u);
    BOOST_TEST(!assigned.find("old"));
    BOOST_TEST(boost::num_edges(assigned.topology()) == 2u);

    // A copy is still a copy.
    Graph copy(assigned);
    copy.add_entity(named("d"));
    BOOST_TEST(copy.entities().size() == 4u);
    BOOST_TEST(assigned.entities().size() == 3u);
    BOOST_TEST(!assigned.find("d"));
}

BOOST_AUTO_TEST_CASE(citations_read_as_before) {
    const Citations two{{0, "1-2"}, {1, ""}};
    BOOST_TEST(two.size() == 2u);
    Citations copy = two;
    BOOST_TEST((copy == two));
    Citations moved = std::move(copy);
    BOOST_TEST((moved == two));
    moved.push_back({2, "9"});
    BOOST_TEST((moved != two));
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
