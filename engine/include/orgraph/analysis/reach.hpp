#pragma once
// What an entity reaches: every entity a route leads to from it (or, reversed, every entity
// from which a route leads to it), with its distance in steps and the step that got there.

#include <cstdint>
#include <string>
#include <vector>

#include "orgraph/analysis/traversal.hpp"

namespace orgraph {

struct ReachParams {
    TraversalParams traversal;
    bool reverse = false;            // who reaches the entity, instead of what it reaches
    std::vector<std::string> kinds;  // report only entities of these kinds (subkinds too); empty: all
    std::uint32_t depth = 0;         // at most this many steps away; 0: no limit
};

struct Reached {
    EntityIndex entity = 0;
    std::uint32_t distance = 0;
    // Forward: the last step of the route to the entity. Reversed: the first step of the route
    // from the entity towards the start.
    Step step;
};

struct ReachResult {
    EntityIndex start = 0;
    bool reverse = false;
    std::size_t reached_total = 0;  // entities reached, the start not counted, before `kinds`
    std::uint32_t farthest = 0;     // the greatest distance reached
    std::vector<Reached> reached;   // by distance, then in search order; the start left out
    // With `kinds`: the entities reached that are of other kinds, ordered alike (counted in
    // `reached_total`, and what the routes to those listed pass through).
    std::vector<Reached> passed;
};

// Throws unknown_kind_error for a kind the schema does not know.
ReachResult reach(const Graph& graph, EntityIndex start, const ReachParams& params);

}  // namespace orgraph
