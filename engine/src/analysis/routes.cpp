#include "orgraph/analysis/routes.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace orgraph {

RoutesResult find_routes(const Graph& graph, EntityIndex from, const RoutesParams& params) {
    const TraversalView view(graph, params.traversal);
    const auto kind = graph.schema.entity_kind(params.to_kind);
    if (!kind) throw unknown_entity_kind(graph.schema, params.to_kind);
    std::vector<bool> wanted(graph.schema.entity_kinds().size(), false);
    for (auto k : graph.schema.kind_and_descendants(*kind)) wanted[k] = true;

    RoutesResult result;
    result.from = from;
    result.kind = *kind;
    // One search answers for every target: a route to each falls out of the search tree.
    const auto search = shortest_routes(view, from, false);
    for (auto e : search.order)
        if (e != from && wanted[graph.entity_kind_index(e)]) result.reached.push_back({e, search.route(e)});

    std::vector<EntityIndex> missing;
    for (EntityIndex e = 0; e < graph.entities().size(); ++e)
        if (e != from && wanted[graph.entity_kind_index(e)] && !search.reached(e)) missing.push_back(e);
    std::sort(missing.begin(), missing.end(),
              [&](EntityIndex a, EntityIndex b) { return graph.entity_id(a) < graph.entity_id(b); });
    if (!missing.empty()) {
        const RelaxedSearch relaxed(view, from);
        for (auto e : missing) result.unreached.push_back({e, relaxed.connection(e)});
    }
    result.side = summarize_side(view, search);
    return result;
}

}  // namespace orgraph
