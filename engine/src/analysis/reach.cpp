#include "orgraph/analysis/reach.hpp"

#include <fmt/format.h>

namespace orgraph {

ReachResult reach(const Graph& graph, EntityIndex start, const ReachParams& params) {
    const TraversalView view(graph, params.traversal);
    std::vector<bool> reported(graph.schema.entity_kinds().size(), params.kinds.empty());
    for (const auto& id : params.kinds) {
        auto kind = graph.schema.entity_kind(id);
        if (!kind) throw unknown_entity_kind(graph.schema, id);
        for (auto k : graph.schema.kind_and_descendants(*kind)) reported[k] = true;
    }
    SearchLimits limits;
    if (params.depth > 0) limits.max_depth = params.depth;
    const auto search = shortest_routes(view, start, params.reverse, limits);
    ReachResult result;
    result.start = start;
    result.reverse = params.reverse;
    result.reached_total = search.order.size() - 1;
    for (auto e : search.order) {
        if (e == start) continue;
        result.farthest = search.distance[e];
        (reported[graph.entity_kind_index(e)] ? result.reached : result.passed)
            .push_back({e, search.distance[e], search.reached_by[e]});
    }
    return result;
}

}  // namespace orgraph
