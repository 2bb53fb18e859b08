#include "orgraph/analysis/history.hpp"

#include <algorithm>
#include <tuple>

namespace orgraph {

EntityHistory entity_history(const Graph& graph, EntityIndex entity) {
    EntityHistory history;
    history.entity = entity;
    auto add = [&](const Validity& validity, std::optional<RelationIndex> relation, bool outgoing) {
        if (validity.from) history.events.push_back({*validity.from, HistoryEventType::begins, relation, outgoing});
        if (validity.to) history.events.push_back({*validity.to, HistoryEventType::ends, relation, outgoing});
    };
    add(graph.entity_validity(entity), std::nullopt, true);
    auto relations = [&](std::span<const Adjacent> edges, bool outgoing) {
        for (const auto& edge : edges) {
            if ((edge.flags & image::relation_derived) != 0) continue;
            // A self-loop is listed once, as leaving the entity.
            if (!outgoing && edge.other == entity) continue;
            const auto validity = graph.relation_validity(edge.relation);
            if (!validity.bounded()) ++history.undated_relations;
            add(validity, edge.relation, outgoing);
        }
    };
    relations(graph.out_edges(entity), true);
    relations(graph.in_edges(entity), false);
    auto order = [&](const HistoryEvent& e) {
        const bool is_relation = e.relation.has_value();
        const RelationIndex r = is_relation ? *e.relation : 0;
        const auto kind = is_relation ? std::string_view(graph.kind_of_relation(r).id) : std::string_view{};
        std::string_view other_id;
        if (is_relation) {
            const auto& record = graph.relation_record(r);
            other_id = graph.entity_id(e.outgoing ? record.to : record.from);
        }
        return std::tuple(e.date, e.type, is_relation, kind, !e.outgoing, other_id, r);
    };
    std::sort(history.events.begin(), history.events.end(),
              [&](const HistoryEvent& a, const HistoryEvent& b) { return order(a) < order(b); });
    return history;
}

}  // namespace orgraph
