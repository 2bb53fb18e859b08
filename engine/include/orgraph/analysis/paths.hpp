#pragma once
// Routes between two entities: the shortest one, the k shortest loopless ones (Yen's
// algorithm), or every simple route up to a number of hops; and, when there is none, why.
//
// Every step counts one. Of routes equally long, the one whose entities' ids read first (then
// lower relation indexes) comes first.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orgraph/analysis/traversal.hpp"

namespace orgraph {

struct PathParams {
    TraversalParams traversal;
    std::size_t k = 1;           // this many shortest loopless routes
    bool all = false;            // instead: every simple route of at most max_hops steps
    std::uint32_t max_hops = 6;  // the bound for `all`
    std::size_t limit = 1000;    // `all` stops after this many routes
};

struct PathResult {
    std::vector<Route> routes;                   // shortest first
    bool truncated = false;                      // `all` found more than `limit`
    std::optional<NoRouteExplanation> no_route;  // set when there is no route at all
    std::optional<std::size_t> shortest_hops;    // `all` found none within max_hops, but this one exists
};

// Throws unknown_kind_error for a kind the schema does not know.
PathResult find_paths(const Graph& graph, EntityIndex from, EntityIndex to, const PathParams& params);

// The relations the shortest route from one entity to another walks, in order: the route
// `orgraph path` prints, as a diagram highlights it (DiagramParams::highlight). `relations` limits
// the kinds walked. Nothing when no route joins them; throws unknown_kind_error for a kind the
// schema does not know.
std::optional<std::vector<RelationIndex>> shortest_route(const Graph& graph, EntityIndex from, EntityIndex to,
                                                         const std::vector<std::string>& relations = {});

// The building blocks, on a view.
std::optional<Route> shortest_path(const TraversalView& view, EntityIndex from, EntityIndex to);
std::vector<Route> k_shortest_paths(const TraversalView& view, EntityIndex from, EntityIndex to, std::size_t k);
// Every simple route (no entity twice) of at most `max_hops` steps, shortest first; stops once
// `limit` routes are found and sets `truncated` when more exist.
std::vector<Route> all_simple_paths(const TraversalView& view, EntityIndex from, EntityIndex to, std::uint32_t max_hops,
                                    std::size_t limit, bool& truncated);

// The order routes are listed in: fewer steps first, then step by step as TraversalView sorts.
bool route_before(const TraversalView& view, const Route& a, const Route& b);

}  // namespace orgraph
