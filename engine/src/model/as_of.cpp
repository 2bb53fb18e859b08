#include "orgraph/model/as_of.hpp"

#include <limits>

namespace orgraph {

GraphBuilder restrict_to_date(const GraphBuilder& graph, const Date& date, bool present) {
    GraphBuilder result;
    result.schema = graph.schema;
    for (const auto& source : graph.sources) result.add_source(source);
    result.layers = graph.layers;
    constexpr auto dropped = std::numeric_limits<EntityIndex>::max();
    std::vector<EntityIndex> renumbered(graph.entities().size(), dropped);
    std::size_t kept_relations = 0;
    for (const auto& r : graph.relations()) kept_relations += r.validity.holds_on(date, present) ? 1 : 0;
    result.reserve(graph.entities().size(), kept_relations);
    for (EntityIndex e = 0; e < graph.entities().size(); ++e)
        if (graph.entity(e).validity.holds_on(date, present)) renumbered[e] = result.add_entity(graph.entity(e));
    std::vector<RelationIndex> relation_renumbered(graph.relations().size(), std::numeric_limits<RelationIndex>::max());
    for (RelationIndex r = 0; r < graph.relations().size(); ++r) {
        const auto& relation = graph.relation(r);
        if (!relation.validity.holds_on(date, present)) continue;
        if (renumbered[relation.from] == dropped || renumbered[relation.to] == dropped) continue;
        auto copy = relation;
        copy.from = renumbered[relation.from];
        copy.to = renumbered[relation.to];
        const auto* derivation = graph.derivation(r);
        if (!derivation) {
            relation_renumbered[r] = result.add_relation(std::move(copy));
            continue;
        }
        // Derived relations point at the facts they came from; keep only those still present.
        DerivationData kept{derivation->rule, {}};
        for (auto f : derivation->facts)
            if (relation_renumbered[f] != std::numeric_limits<RelationIndex>::max())
                kept.facts.push_back(relation_renumbered[f]);
        relation_renumbered[r] = result.add_derived_relation(std::move(copy), std::move(kept));
    }
    return result;
}

}  // namespace orgraph
