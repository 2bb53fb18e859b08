#pragma once
// Everything around one entity, grouped for reading: its relations out and in, by kind, each
// read in the relation's own words ("covers", "covered by"), and the relations that most
// entities of its kind have but it lacks (a country no department covers).

#include <string>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

struct CardItem {
    RelationIndex relation = 0;
    EntityIndex other = 0;
};

// Where a listed entity stands: the chain of its kind's context relation ("located_in"),
// stated relations only: DPRK Embassy in Moscow → Moscow → Russian Federation gives
// [Moscow, Russian Federation]. Empty when its kind names no context relation.
std::vector<EntityIndex> entity_context(const Graph& graph, EntityIndex entity);

struct CardGroup {
    RelationKindIndex kind = 0;
    bool outgoing = true;
    std::string phrase;           // "covers" or "covered by"
    std::vector<CardItem> items;  // by the other entity's name, then id
};

struct AbsentRelation {
    RelationKindIndex kind = 0;
    bool outgoing = true;
    std::string phrase;
    std::size_t peers_with = 0;  // other entities of the same kind that have it
    std::size_t peers = 0;       // other entities of the same kind
};

struct EntityCard {
    EntityIndex entity = 0;
    std::vector<CardGroup> groups;       // outgoing kinds first, in schema order, then incoming
    std::vector<AbsentRelation> absent;  // relations at least half of its peers have
};

EntityCard make_entity_card(const Graph& graph, EntityIndex entity);

}  // namespace orgraph
