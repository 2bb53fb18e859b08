#pragma once
// The history of one entity: every dated fact around it, oldest first: when it began and ended,
// and when each relation stated at it (out or in) began and ended. Derived relations are left out
// (their dates are those of the facts they rest on). Linear in the relations at the entity, plus
// the sort of its events.

#include <cstddef>
#include <optional>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

enum class HistoryEventType { begins, ends };

struct HistoryEvent {
    Date date;
    HistoryEventType type = HistoryEventType::begins;
    std::optional<RelationIndex> relation;  // none: the entity itself
    bool outgoing = true;                   // for a relation: the entity is its from end
};

struct EntityHistory {
    EntityIndex entity = 0;
    std::vector<HistoryEvent> events;   // by date (a year before a month of it, a month before its days),
                                        // then beginnings before ends, then the entity before its relations,
                                        // then by relation kind, the other end's id and relation index
    std::size_t undated_relations = 0;  // stated relations at the entity with neither date
};

EntityHistory entity_history(const Graph& graph, EntityIndex entity);

}  // namespace orgraph
