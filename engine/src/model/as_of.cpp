#include "orgraph/model/as_of.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace orgraph {

void restrict_to_date_in_place(GraphBuilder& graph, const Date& date, bool present) {
    const auto n = graph.entities().size();
    const auto m = graph.relations().size();
    std::vector<bool> entity_gone(n);
    bool any_entity = false;
    for (EntityIndex e = 0; e < n; ++e) {
        entity_gone[e] = !graph.entities()[e].validity.holds_on(date, present);
        any_entity = any_entity || entity_gone[e];
    }
    std::vector<bool> relation_gone(m);
    bool any_relation = false;
    for (RelationIndex r = 0; r < m; ++r) {
        const auto& relation = graph.relation(r);
        relation_gone[r] =
            !relation.validity.holds_on(date, present) || entity_gone[relation.from] || entity_gone[relation.to];
        any_relation = any_relation || relation_gone[r];
    }
    // A derived relation kept keeps only the facts kept (as restrict_to_date does).
    if (any_relation) graph.remove_relations(relation_gone, true);
    if (any_entity) graph.remove_entities(entity_gone);
    // As the copy restrict_to_date makes: the rules are to be applied again.
    graph.rules_applied = false;
    graph.disjoint_chains = 0;
}

// Why filtering is enough when it is (derive.hpp for the rules' walk): every chain of facts
// valid on the date also stood in the whole graph, in the same relative order. A rule's walk
// keeps, per entity reached, the first chain in that order; if that chain holds on the date it
// is also the first among the date's chains, so deriving from the date's facts finds the same
// chain and the same derived relation, which filtering keeps. Deriving from the date's facts
// could find something else only where the whole graph's derivation (1) found a chain whose facts
// never hold together (counted in disjoint_chains), (2) derived a relation between two entities
// of the date from a chain that does not hold on it, or (3) skipped a pair because a stated
// relation of the derived kind joined it, which does not hold on the date. Each of these is
// detected, and the caller derives again.
std::optional<Graph> restrict_to_date(const Graph& graph, const Date& date, bool present) {
    if (graph.rules_applied && graph.disjoint_chains != 0) return std::nullopt;  // (1)
    const auto n = graph.entity_count();
    const auto m = graph.relation_count();
    std::vector<std::uint8_t> keep_entity(n, 1);
    std::size_t dropped = 0;
    for (EntityIndex e = 0; e < n; ++e) {
        if (graph.entity_validity(e).holds_on(date, present)) continue;
        keep_entity[e] = 0;
        ++dropped;
    }
    std::vector<std::uint8_t> derived_kind(graph.schema.relation_kinds().size(), 0);
    if (graph.rules_applied)
        for (const auto& rule : graph.schema.rules())
            if (auto kind = graph.schema.relation_kind(rule.derive)) derived_kind[*kind] = 1;
    std::vector<std::uint8_t> keep_relation(m, 1);
    const auto& tables = graph.tables();
    for (RelationIndex r = 0; r < m; ++r) {
        const auto& rec = tables.relations[r];
        const bool ends_kept = keep_entity[rec.from] && keep_entity[rec.to];
        bool kept = ends_kept && graph.relation_validity(r).holds_on(date, present);
        const bool is_derived = (rec.flags & image::relation_derived) != 0;
        if (kept && is_derived)
            for (auto f = rec.derived_from; f < tables.relations[r + 1].derived_from; ++f)
                kept = kept && keep_relation[tables.derived_from[f]];
        if (kept) continue;
        keep_relation[r] = 0;
        ++dropped;
        if (ends_kept && (is_derived || derived_kind[rec.kind])) return std::nullopt;  // (2), (3)
    }
    if (dropped == 0) return graph;
    return subgraph(graph, keep_entity, keep_relation);
}

DaySpan same_facts_around(const Graph& graph, const Date& day) {
    const auto today = day.first_day();
    DaySpan span{Date{0, 1, 1}, std::nullopt};
    // A fact holds from the first day of its start up to the last day of its end: the days on
    // which one starts or stops holding are the only ones where the answer can change.
    auto change = [&](const Date& d) {
        if (today < d) {
            if (!span.until || d < *span.until) span.until = d;
        } else if (span.from < d) {
            span.from = d;
        }
    };
    auto edges = [&](const Validity& v) {
        if (v.from) change(v.from->first_day());
        // An unknown end changes nothing from day to day: the fact holds on every day (it may
        // have), or at present on none.
        if (v.to && !v.to->is_unknown())
            if (const auto after = v.to->next_day()) change(*after);
    };
    for (EntityIndex e = 0; e < graph.entity_count(); ++e) edges(graph.entity_validity(e));
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) edges(graph.relation_validity(r));
    return span;
}

}  // namespace orgraph
