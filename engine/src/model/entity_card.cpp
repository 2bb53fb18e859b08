#include "orgraph/model/entity_card.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_set>

namespace orgraph {

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
    const auto own_kind = graph.entity(entity).kind;
    std::size_t peers = 0;
    for (const auto& e : graph.entities())
        if (e.kind == own_kind) ++peers;
    --peers;
    const auto kinds = schema.relation_kinds().size();
    std::vector<std::unordered_set<EntityIndex>> with_out(kinds), with_in(kinds);
    for (const auto& r : graph.relations()) {
        if (graph.entity(r.from).kind == own_kind && r.from != entity) with_out[r.kind].insert(r.from);
        if (graph.entity(r.to).kind == own_kind && r.to != entity) with_in[r.kind].insert(r.to);
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
