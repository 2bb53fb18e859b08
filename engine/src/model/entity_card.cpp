#include "orgraph/model/entity_card.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

namespace orgraph {

std::vector<EntityIndex> entity_context(const Graph& graph, EntityIndex entity) {
    std::vector<EntityIndex> chain;
    auto current = entity;
    // A few steps suffice (a post in a city in a country); the bound also stops cycles.
    for (int step = 0; step < 4; ++step) {
        const auto& relation_id = graph.schema.context_relation(graph.entity_kind_index(current));
        if (relation_id.empty()) break;
        const auto kind = graph.schema.relation_kind(relation_id);
        if (!kind) break;
        std::optional<EntityIndex> next;
        for (auto r : graph.out_relations(current)) {
            const auto& rel = graph.relation(r);
            if (rel.kind == *kind && !rel.derived) {
                next = rel.to;
                break;
            }
        }
        if (!next || std::find(chain.begin(), chain.end(), *next) != chain.end() || *next == entity) break;
        chain.push_back(*next);
        current = *next;
    }
    return chain;
}

EntityCard make_entity_card(const Graph& graph, EntityIndex entity) {
    EntityCard card;
    card.entity = entity;
    const auto& schema = graph.schema;
    std::map<std::pair<int, RelationKindIndex>, CardGroup> groups;  // (0 out / 1 in, kind)
    auto add = [&](RelationIndex r, bool outgoing) {
        const auto& rel = graph.relation(r);
        auto& group = groups[{outgoing ? 0 : 1, rel.kind}];
        group.kind = rel.kind;
        group.outgoing = outgoing;
        const auto& kind = schema.relation_kind(rel.kind);
        group.phrase = outgoing ? kind.label : kind.inverse;
        group.items.push_back({r, outgoing ? rel.to : rel.from});
    };
    for (auto r : graph.out_relations(entity)) add(r, true);
    for (auto r : graph.in_relations(entity)) add(r, false);
    for (auto& [key, group] : groups) {
        std::sort(group.items.begin(), group.items.end(), [&](const CardItem& a, const CardItem& b) {
            const auto& ea = graph.entity(a.other);
            const auto& eb = graph.entity(b.other);
            return std::tie(ea.name, ea.id, a.relation) < std::tie(eb.name, eb.id, b.relation);
        });
        card.groups.push_back(std::move(group));
    }

    // Which relations do the entity's peers (entities of exactly its kind) have?
    const auto own_kind = graph.entity_kind_index(entity);
    std::size_t peers = 0;
    for (const auto& e : graph.entities())
        if (e.kind == own_kind) ++peers;
    --peers;
    const auto kinds = schema.relation_kinds().size();
    std::vector<std::unordered_set<EntityIndex>> with_out(kinds), with_in(kinds);
    for (const auto& r : graph.relations()) {
        if (graph.entity_kind_index(r.from) == own_kind && r.from != entity) with_out[r.kind].insert(r.from);
        if (graph.entity_kind_index(r.to) == own_kind && r.to != entity) with_in[r.kind].insert(r.to);
    }
    for (int direction = 0; direction < 2; ++direction) {
        for (std::size_t k = 0; k < kinds; ++k) {
            const auto kind = static_cast<RelationKindIndex>(k);
            if (groups.contains({direction, kind})) continue;
            const auto have = (direction == 0 ? with_out : with_in)[k].size();
            if (peers == 0 || have * 2 < peers) continue;
            const auto& rk = schema.relation_kind(kind);
            card.absent.push_back({kind, direction == 0, direction == 0 ? rk.label : rk.inverse, have, peers});
        }
    }
    return card;
}

}  // namespace orgraph
