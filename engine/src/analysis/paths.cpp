#include "orgraph/analysis/paths.hpp"

#include <algorithm>

namespace orgraph {

bool route_before(const TraversalView& view, const Route& a, const Route& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (view.before(a[i], b[i], false)) return true;
        if (view.before(b[i], a[i], false)) return false;
    }
    return false;
}

std::optional<Route> shortest_path(const TraversalView& view, EntityIndex from, EntityIndex to) {
    SearchLimits limits;
    limits.stop_at = to;
    const auto search = shortest_routes(view, from, false, limits);
    if (!search.reached(to)) return std::nullopt;
    return search.route(to);
}

std::optional<std::vector<RelationIndex>> shortest_route(const Graph& graph, EntityIndex from, EntityIndex to,
                                                         const std::vector<std::string>& relations) {
    TraversalParams traversal;
    traversal.via = relations;
    const TraversalView view(graph, traversal);
    const auto route = shortest_path(view, from, to);
    if (!route) return std::nullopt;
    std::vector<RelationIndex> walked;
    walked.reserve(route->size());
    for (const auto& step : *route) walked.push_back(step.relation);
    return walked;
}

// Yen's algorithm: each next route leaves an earlier one at some entity (the spur) and goes on
// by the shortest way that avoids the entities before the spur and the steps the earlier routes
// took from it. Every search is a breadth-first search, so the whole costs k times the route
// length searches over the graph.
std::vector<Route> k_shortest_paths(const TraversalView& view, EntityIndex from, EntityIndex to, std::size_t k) {
    std::vector<Route> found;
    if (k == 0) return found;
    auto first = shortest_path(view, from, to);
    if (!first) return found;
    found.push_back(std::move(*first));
    std::vector<Route> candidates;
    std::vector<bool> blocked_entities(view.graph().entities().size(), false);
    std::vector<Step> blocked_steps;
    auto known = [&](const Route& r) {
        return std::find(found.begin(), found.end(), r) != found.end() ||
               std::find(candidates.begin(), candidates.end(), r) != candidates.end();
    };
    while (found.size() < k) {
        const Route previous = found.back();
        for (std::size_t i = 0; i < previous.size(); ++i) {
            const auto spur = i == 0 ? from : previous[i - 1].to;
            blocked_steps.clear();
            for (const auto& route : found)
                if (route.size() > i &&
                    std::equal(previous.begin(), previous.begin() + static_cast<long>(i), route.begin()))
                    blocked_steps.push_back(route[i]);
            // The entities before the spur may not come again: routes stay loopless.
            std::vector<EntityIndex> root_entities{from};
            for (std::size_t j = 0; j + 1 < i; ++j) root_entities.push_back(previous[j].to);
            if (i == 0) root_entities.clear();
            for (auto e : root_entities) blocked_entities[e] = true;
            SearchLimits limits;
            limits.stop_at = to;
            limits.blocked_entities = &blocked_entities;
            limits.blocked_steps = &blocked_steps;
            const auto search = shortest_routes(view, spur, false, limits);
            for (auto e : root_entities) blocked_entities[e] = false;
            if (!search.reached(to)) continue;
            Route candidate(previous.begin(), previous.begin() + static_cast<long>(i));
            const auto spur_route = search.route(to);
            candidate.insert(candidate.end(), spur_route.begin(), spur_route.end());
            if (!known(candidate)) candidates.push_back(std::move(candidate));
        }
        if (candidates.empty()) break;
        auto best = std::min_element(candidates.begin(), candidates.end(),
                                     [&](const Route& a, const Route& b) { return route_before(view, a, b); });
        found.push_back(std::move(*best));
        candidates.erase(best);
    }
    return found;
}

namespace {

// Depth-first enumeration of the simple routes of exactly `length` steps, pruned by the
// distance every entity still has to go (a lower bound that ignores the entities already on
// the route), scanning steps in the view's order so routes come out sorted.
class SimplePaths {
public:
    SimplePaths(const TraversalView& view, EntityIndex from, EntityIndex to, const std::vector<std::uint32_t>& to_go,
                std::size_t limit, std::vector<Route>& out)
        : m_view(view),
          m_from(from),
          m_to(to),
          m_to_go(to_go),
          m_limit(limit),
          m_out(out),
          m_on_route(view.graph().entities().size(), false) {}

    // False when the limit stopped the enumeration.
    bool run(std::uint32_t length) {
        m_length = length;
        m_on_route[m_from] = true;
        const bool complete = extend(m_from);
        m_on_route[m_from] = false;
        return complete;
    }

private:
    bool extend(EntityIndex at) {
        const auto depth = static_cast<std::uint32_t>(m_route.size());
        if (at == m_to) {
            if (depth != m_length) return true;
            if (m_out.size() == m_limit) return false;
            m_out.push_back(m_route);
            return true;
        }
        if (at != m_from && !m_view.may_pass(at)) return true;
        std::vector<Step> steps;
        m_view.steps(at, false, steps);
        for (const auto& s : steps) {
            if (m_on_route[s.to] || m_to_go[s.to] == unreached || depth + 1 + m_to_go[s.to] > m_length) continue;
            m_on_route[s.to] = true;
            m_route.push_back(s);
            const bool go_on = extend(s.to);
            m_route.pop_back();
            m_on_route[s.to] = false;
            if (!go_on) return false;
        }
        return true;
    }

    const TraversalView& m_view;
    EntityIndex m_from, m_to;
    const std::vector<std::uint32_t>& m_to_go;
    std::size_t m_limit;
    std::vector<Route>& m_out;
    std::vector<bool> m_on_route;
    Route m_route;
    std::uint32_t m_length = 0;
};

}  // namespace

std::vector<Route> all_simple_paths(const TraversalView& view, EntityIndex from, EntityIndex to, std::uint32_t max_hops,
                                    std::size_t limit, bool& truncated) {
    truncated = false;
    std::vector<Route> routes;
    if (from == to) return routes;
    const auto towards = shortest_routes(view, to, true);
    if (!towards.reached(from)) return routes;
    SimplePaths enumeration(view, from, to, towards.distance, limit, routes);
    for (auto length = towards.distance[from]; length <= max_hops; ++length) {
        if (!enumeration.run(length)) {
            truncated = true;
            break;
        }
    }
    return routes;
}

PathResult find_paths(const Graph& graph, EntityIndex from, EntityIndex to, const PathParams& params) {
    const TraversalView view(graph, params.traversal);
    PathResult result;
    if (params.all) {
        result.routes = all_simple_paths(view, from, to, params.max_hops, params.limit, result.truncated);
    } else {
        result.routes = k_shortest_paths(view, from, to, params.k);
    }
    if (result.routes.empty()) {
        // With `all`, routes may exist beyond the hop bound: say how long the shortest is
        // rather than explain an absence.
        if (auto shortest = shortest_path(view, from, to))
            result.shortest_hops = shortest->size();
        else
            result.no_route = explain_no_route(view, from, to);
    }
    return result;
}

}  // namespace orgraph
