// The frozen graph: freeze() keeps every field of every entity and relation, thaw() gives the
// facts back, the adjacency arrays are ordered for routes, ids are found, and an empty graph
// answers like any other. Checked on the built-in dataset with the missions overlay, the
// largest the tests have.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph_fields.hpp"
#include "orgraph/analysis/derive.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/model/text.hpp"

using namespace orgraph;
using test::check_same_layers;
using test::check_same_records;
using test::check_same_schema;
using test::check_same_sources;

namespace {

// The facts of the built-in dataset with the missions overlay, as loaded.
const GraphBuilder& facts() {
    static const GraphBuilder loaded = [] {
        auto layers = builtin_layers();
        layers.push_back(read_layer_or_overlay("dprk-missions"));
        return load(layers);
    }();
    return loaded;
}

// Those facts with the derived relations added.
const GraphBuilder& derived_facts() {
    static const GraphBuilder derived = [] {
        GraphBuilder b = facts();
        derive_relations(b);
        return b;
    }();
    return derived;
}

// The derived facts, frozen.
const Graph& frozen() {
    static const Graph graph = freeze(GraphBuilder(derived_facts()));
    return graph;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frozen_graph)

BOOST_AUTO_TEST_CASE(the_dataset_exercises_every_field) {
    // Otherwise the comparisons below would prove little.
    const auto& b = derived_facts();
    std::size_t aliases = 0, attributes = 0, citations = 0, bounded = 0, short_names = 0;
    for (EntityIndex i = 0; i < b.entities().size(); ++i) {
        const auto e = b.entity(i);
        aliases += e.aliases.empty() ? 0 : 1;
        attributes += e.attributes.empty() ? 0 : 1;
        citations += e.citations.size() > 1 ? 1 : 0;
        bounded += e.validity.bounded() ? 1 : 0;
        short_names += e.short_name.empty() ? 0 : 1;
    }
    std::size_t derived = 0, relation_attributes = 0, relation_bounded = 0;
    for (const auto& r : b.relations()) {
        derived += r.derived ? 1 : 0;
        relation_attributes += r.attributes != 0 ? 1 : 0;
        relation_bounded += r.validity.bounded() ? 1 : 0;
    }
    BOOST_TEST(aliases > 0u);
    BOOST_TEST(attributes > 0u);
    BOOST_TEST(citations > 0u);
    BOOST_TEST(bounded > 0u);
    BOOST_TEST(short_names > 0u);
    BOOST_TEST(derived > 0u);
    BOOST_TEST(relation_attributes > 0u);
    BOOST_TEST(relation_bounded > 0u);
    BOOST_TEST(b.rules_applied);
}

BOOST_AUTO_TEST_CASE(freeze_keeps_every_field_of_every_entity_and_relation) {
    const auto& expected = derived_facts();
    const auto& g = frozen();
    BOOST_TEST(g.entity_count() == expected.entities().size());
    BOOST_TEST(g.relation_count() == expected.relations().size());
    check_same_records(g, expected);
    check_same_schema(g.schema, expected.schema);
    check_same_sources(g.sources, expected.sources);
    check_same_layers(g.layers, expected.layers);
    BOOST_TEST(g.rules_applied == expected.rules_applied);
    // The cheap accessors agree with the views.
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        BOOST_TEST_CONTEXT(expected.entity(e).id) {
            BOOST_TEST(g.entity_id(e) == expected.entity(e).id);
            BOOST_TEST(g.entity_name(e) == expected.entity(e).name);
            BOOST_TEST(g.entity_kind_index(e) == expected.entity(e).kind);
            BOOST_TEST(g.kind_of(e).id == expected.kind_of(e).id);
        }
    }
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        BOOST_TEST(g.kind_of_relation(r).id == expected.kind_of_relation(r).id);
}

BOOST_AUTO_TEST_CASE(the_views_iterate_like_the_records) {
    const auto& expected = derived_facts();
    const auto& g = frozen();
    std::size_t i = 0;
    for (const auto e : g.entities()) {
        BOOST_TEST(e.id == expected.entity(static_cast<EntityIndex>(i)).id);
        ++i;
    }
    BOOST_TEST(i == expected.entities().size());
    const auto relations = g.relations();
    BOOST_TEST(static_cast<std::size_t>(relations.end() - relations.begin()) == expected.relations().size());
    BOOST_TEST(relations.front().from == expected.relations().front().from);
    BOOST_TEST(relations.back().to == expected.relations().back().to);
    BOOST_TEST(relations[5].kind == expected.relation(5).kind);
    BOOST_TEST((*(relations.begin() + 7)).to == expected.relation(7).to);
    BOOST_TEST(g.entities()[3].id == expected.entity(3).id);
}

BOOST_AUTO_TEST_CASE(a_graph_frozen_with_a_name_index_keeps_the_same_records) {
    auto copy = derived_facts();
    const auto g = freeze(std::move(copy), FreezeOptions{.name_index = true});
    BOOST_TEST(g.has_name_index());
    BOOST_TEST(!frozen().has_name_index());
    check_same_records(g, derived_facts());
    // Every name, short name and alias is in the index, folded, in order.
    std::set<std::tuple<std::string, EntityIndex, std::uint32_t>> keys;
    for (std::size_t k = 0; k < g.name_key_count(); ++k) {
        const auto key = g.name_key(k);
        keys.emplace(std::string(key.folded), key.entity, key.written);
        if (k > 0) {
            const auto before = g.name_key(k - 1);
            BOOST_TEST((std::tie(before.folded, before.entity, before.written) <
                        std::tie(key.folded, key.entity, key.written)));
        }
    }
    std::size_t missing = 0;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        const auto entity = g.entity(e);
        if (!fold_name(entity.name).empty() && !keys.contains({fold_name(entity.name), e, 0})) ++missing;
        if (!fold_name(entity.short_name).empty() && !keys.contains({fold_name(entity.short_name), e, 1})) ++missing;
        for (std::uint32_t a = 0; a < entity.aliases.size(); ++a)
            if (!fold_name(entity.aliases[a]).empty() && !keys.contains({fold_name(entity.aliases[a]), e, 2 + a}))
                ++missing;
        const auto same_lower = g.find_lower_id(lower_ascii(entity.id));
        if (std::find(same_lower.begin(), same_lower.end(), e) == same_lower.end()) ++missing;
    }
    BOOST_TEST(missing == 0u);
    BOOST_TEST(g.find_lower_id("no-such-entity").empty());
}

BOOST_AUTO_TEST_CASE(thaw_gives_back_the_facts_without_the_derived_relations) {
    const auto& stated = facts();
    // Facts alone: thaw(freeze(facts)) is the facts.
    const auto plain = thaw(freeze(GraphBuilder(stated)));
    check_same_records(plain, stated);
    check_same_schema(plain.schema, stated.schema);
    check_same_sources(plain.sources, stated.sources);
    check_same_layers(plain.layers, stated.layers);
    BOOST_TEST(!plain.rules_applied);
    for (const auto& e : stated.entities()) BOOST_TEST((plain.find(e.id) == stated.find(e.id)), e.id);
    for (const auto& s : stated.sources) BOOST_TEST((plain.find_source(s.id) == stated.find_source(s.id)), s.id);

    // With derived relations: they come after the facts, and thaw leaves them out.
    const auto& g = frozen();
    const auto thawed = thaw(g);
    BOOST_TEST_REQUIRE(thawed.relations().size() == stated.relations().size());
    BOOST_TEST_REQUIRE(g.relation_count() > stated.relations().size());
    check_same_records(thawed, stated);
    BOOST_TEST(!thawed.rules_applied);
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        BOOST_TEST(g.relation(r).derived == (r >= stated.relations().size()), r);
    // And preparing the thawed facts again makes the same graph.
    const auto again = prepare_graph(thaw(g));
    BOOST_TEST(again.rules_applied);
    check_same_records(again, g);
}

BOOST_AUTO_TEST_CASE(edges_are_ordered_by_the_other_ends_id_then_relation_index) {
    const auto& g = frozen();
    // What the adjacency must hold, from the relations themselves.
    std::vector<std::vector<RelationIndex>> out(g.entity_count()), in(g.entity_count());
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        out[g.relation(r).from].push_back(r);
        in[g.relation(r).to].push_back(r);
    }
    std::size_t out_total = 0, in_total = 0, self_loops = 0, disordered = 0, wrong = 0;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        BOOST_TEST_CONTEXT(g.entity_id(e)) {
            const auto outgoing = g.out_edges(e);
            const auto incoming = g.in_edges(e);
            out_total += outgoing.size();
            in_total += incoming.size();
            for (std::size_t i = 0; i < outgoing.size(); ++i) {
                const auto& a = outgoing[i];
                const auto r = g.relation(a.relation);
                if (r.from != e || r.to != a.other || r.kind != a.kind ||
                    (a.flags & image::relation_derived) != (r.derived ? image::relation_derived : 0))
                    ++wrong;
                self_loops += a.other == e ? 1 : 0;
                if (i > 0) {
                    const auto& b = outgoing[i - 1];
                    if (!(std::make_tuple(g.entity_id(b.other), b.relation) <
                          std::make_tuple(g.entity_id(a.other), a.relation)))
                        ++disordered;
                    if (!((g.id_rank(b.other) < g.id_rank(a.other)) || (b.other == a.other && b.relation < a.relation)))
                        ++disordered;
                }
            }
            for (std::size_t i = 0; i < incoming.size(); ++i) {
                const auto& a = incoming[i];
                const auto r = g.relation(a.relation);
                if (r.to != e || r.from != a.other || r.kind != a.kind ||
                    (a.flags & image::relation_derived) != (r.derived ? image::relation_derived : 0))
                    ++wrong;
                if (i > 0) {
                    const auto& b = incoming[i - 1];
                    if (!(std::make_tuple(g.entity_id(b.other), b.relation) <
                          std::make_tuple(g.entity_id(a.other), a.relation)))
                        ++disordered;
                }
            }
            // The same relations, in the order they were stated.
            BOOST_TEST(g.out_relations(e) == out[e], boost::test_tools::per_element());
            BOOST_TEST(g.in_relations(e) == in[e], boost::test_tools::per_element());
        }
    }
    BOOST_TEST(wrong == 0u);
    BOOST_TEST(disordered == 0u);
    BOOST_TEST(out_total == g.relation_count());
    BOOST_TEST(in_total == g.relation_count());
    // Ranks order entities as their ids do.
    std::vector<EntityIndex> by_id(g.entity_count());
    for (EntityIndex e = 0; e < g.entity_count(); ++e) by_id[e] = e;
    std::sort(by_id.begin(), by_id.end(), [&](EntityIndex a, EntityIndex b) {
        return std::make_tuple(g.entity_id(a), a) < std::make_tuple(g.entity_id(b), b);
    });
    std::size_t misranked = 0;
    for (std::uint32_t rank = 0; rank < by_id.size(); ++rank) misranked += g.id_rank(by_id[rank]) == rank ? 0 : 1;
    BOOST_TEST(misranked == 0u);
}

BOOST_AUTO_TEST_CASE(find_finds_every_id_and_misses_unknown_ones) {
    const auto& g = frozen();
    std::set<std::string, std::less<>> ids;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) ids.emplace(g.entity_id(e));
    BOOST_TEST(ids.size() == g.entity_count());  // a checked load has each id once
    std::size_t wrong = 0, found_unknown = 0;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        const std::string id(g.entity_id(e));
        if (g.find(id) != std::optional<EntityIndex>(e)) ++wrong;
        // Near misses: longer, shorter, in another case.
        for (const auto& other :
             {id + "x", id + " ", " " + id, id.substr(0, id.size() - 1), lower_ascii(id), std::string(1, '\0') + id})
            if (!ids.contains(other) && g.find(other).has_value()) ++found_unknown;
    }
    BOOST_TEST(wrong == 0u);
    BOOST_TEST(found_unknown == 0u);
    for (const char* unknown : {"", "no-such-entity", "aad0", "CHNA", "xyz"}) {
        BOOST_TEST(!g.find(unknown).has_value(), unknown);
        BOOST_TEST(!derived_facts().find(unknown).has_value(), unknown);
    }
    for (SourceIndex s = 0; s < g.sources.size(); ++s)
        BOOST_TEST((g.find_source(g.sources[s].id) == std::optional<SourceIndex>(s)), g.sources[s].id);
    BOOST_TEST(!g.find_source("no-such-source").has_value());
    BOOST_TEST(!g.find_source("").has_value());
}

BOOST_AUTO_TEST_CASE(an_empty_graph_works) {
    const Graph g;
    BOOST_TEST(g.entity_count() == 0u);
    BOOST_TEST(g.relation_count() == 0u);
    BOOST_TEST(g.entities().empty());
    BOOST_TEST(g.relations().empty());
    BOOST_TEST((g.entities().begin() == g.entities().end()));
    BOOST_TEST((g.relations().begin() == g.relations().end()));
    std::size_t visited = 0;
    for ([[maybe_unused]] const auto e : g.entities()) ++visited;
    for ([[maybe_unused]] const auto r : g.relations()) ++visited;
    BOOST_TEST(visited == 0u);
    BOOST_TEST(!g.find("").has_value());
    BOOST_TEST(!g.find("x").has_value());
    BOOST_TEST(!g.find_source("x").has_value());
    BOOST_TEST(g.find_lower_id("x").empty());
    BOOST_TEST(g.has_name_index());
    BOOST_TEST(g.name_key_count() == 0u);
    BOOST_TEST(g.schema.entity_kinds().empty());
    BOOST_TEST(g.schema.relation_kinds().empty());
    BOOST_TEST(g.sources.empty());
    BOOST_TEST(g.layers.empty());
    BOOST_TEST(!g.rules_applied);
    BOOST_TEST(g.cite(Citations{}) == "");

    // Copied, thawed, frozen again and prepared, it stays empty.
    const Graph copy = g;
    BOOST_TEST(copy.entity_count() == 0u);
    const auto thawed = thaw(g);
    BOOST_TEST(thawed.entities().empty());
    BOOST_TEST(thawed.relations().empty());
    const auto again = freeze(GraphBuilder{}, FreezeOptions{.name_index = true});
    BOOST_TEST(again.entity_count() == 0u);
    BOOST_TEST(again.relation_count() == 0u);
    BOOST_TEST(!again.find("x").has_value());
    const auto prepared = prepare_graph(Graph{});
    BOOST_TEST(prepared.entity_count() == 0u);
    BOOST_TEST(prepared.rules_applied);
    const NameResolver resolver(g);
    BOOST_TEST(resolver.resolve("anything").entities.empty());
    BOOST_TEST(resolver.find("anything", 10).empty());
}

BOOST_AUTO_TEST_SUITE_END()
