#pragma once
// Single points of failure: the entities and the relations that every route from one entity
// to a target passes through, so that losing any one of them cuts the target off. They are the
// dominators of the target in the graph of routes from the start.

#include <optional>
#include <string>
#include <vector>

#include "orgraph/analysis/routes.hpp"
#include "orgraph/analysis/traversal.hpp"

namespace orgraph {

struct WeakPointsParams {
    TraversalParams traversal;
    std::string to_kind;  // targets: every entity of this kind (subkinds too); empty: one target
};

struct TargetWeakPoints {
    EntityIndex target = 0;
    std::vector<EntityIndex> entities;  // on every route to the target, nearest the start first
    std::vector<Step> relations;        // steps every route takes, in route order
};

struct WeakPoint {
    EntityIndex entity = 0;
    std::size_t targets = 0;  // targets (other than itself) every route to which passes through it
};

struct CriticalRelation {
    Step step;
    std::size_t targets = 0;  // targets every route to which takes this step
};

struct WeakPointsResult {
    EntityIndex from = 0;
    std::size_t route_entities = 0;           // entities routes from `from` reach, `from` included
    std::vector<TargetWeakPoints> targets;    // reachable targets, nearest first
    std::vector<WeakPoint> entities;          // most targets first, then by id
    std::vector<CriticalRelation> relations;  // most targets first, then by relation index
    // On every route to every reachable target (targets themselves left out of `common_entities`).
    std::vector<EntityIndex> common_entities;
    std::vector<Step> common_relations;
    // The graph the answer was found in: the entities (in search order) and the steps (in no
    // particular order) of some route from `from` to a reachable target.
    std::vector<EntityIndex> on_routes;
    std::vector<Step> route_steps;
    std::vector<UnreachedTarget> unreached;      // targets no route reaches, by id
    std::optional<NoRouteExplanation> no_route;  // one target, and no route to it
};

// Targets: `to` when given, else every entity of params.to_kind. Throws unknown_kind_error.
WeakPointsResult find_weak_points(const Graph& graph, EntityIndex from, std::optional<EntityIndex> to,
                                  const WeakPointsParams& params);

}  // namespace orgraph
