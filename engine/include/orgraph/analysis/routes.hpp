#pragma once
// Contact routes: from one entity to every entity of a kind (subkinds included), each with its
// shortest route; and for those no route reaches, the cheapest connection that would, with
// what stands in its way.

#include <string>
#include <vector>

#include "orgraph/analysis/traversal.hpp"

namespace orgraph {

struct RoutesParams {
    TraversalParams traversal;
    std::string to_kind;  // the kind of the targets (required)
};

struct TargetRoute {
    EntityIndex target = 0;
    Route route;
};

struct UnreachedTarget {
    EntityIndex target = 0;
    Connection connection;  // the cheapest connection if every relation could be walked both ways
};

struct RoutesResult {
    EntityIndex from = 0;
    KindIndex kind = 0;
    std::vector<TargetRoute> reached;        // by route length, then as the search found them
    std::vector<UnreachedTarget> unreached;  // by id
    SideSummary side;                        // how far routes from `from` get
};

// Throws unknown_kind_error for a kind the schema does not know.
RoutesResult find_routes(const Graph& graph, EntityIndex from, const RoutesParams& params);

}  // namespace orgraph
