#include "orgraph/analysis/weak_points.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "orgraph/analysis/dominators.hpp"

namespace orgraph {
namespace {

constexpr auto none = no_dominator;

// The dominator tree numbered so that "a dominates b" is two comparisons: a's subtree holds
// exactly the numbers from enter[a] to leave[a].
struct DominatorTree {
    std::vector<std::uint32_t> enter, leave;

    DominatorTree(const std::vector<std::uint32_t>& idom, std::uint32_t root) {
        const auto n = static_cast<std::uint32_t>(idom.size());
        std::vector<std::uint32_t> first_child(n, none), next_sibling(n, none);
        for (std::uint32_t v = n; v-- > 0;)
            if (v != root && idom[v] != none) {
                next_sibling[v] = first_child[idom[v]];
                first_child[idom[v]] = v;
            }
        enter.assign(n, none);
        leave.assign(n, none);
        std::uint32_t clock = 0;
        std::vector<std::uint32_t> stack{root};
        enter[root] = clock++;
        std::vector<std::uint32_t> cursor(first_child);
        while (!stack.empty()) {
            const auto v = stack.back();
            if (cursor[v] == none) {
                leave[v] = clock - 1;
                stack.pop_back();
                continue;
            }
            const auto child = cursor[v];
            cursor[v] = next_sibling[child];
            enter[child] = clock++;
            stack.push_back(child);
        }
    }

    [[nodiscard]] bool dominates(std::uint32_t a, std::uint32_t b) const {
        return enter[a] != none && enter[b] != none && enter[a] <= enter[b] && enter[b] <= leave[a];
    }
};

}  // namespace

WeakPointsResult find_weak_points(const Graph& graph, EntityIndex from, std::optional<EntityIndex> to,
                                  const WeakPointsParams& params) {
    const TraversalView view(graph, params.traversal);
    std::vector<bool> is_target(graph.entities().size(), false);
    std::vector<EntityIndex> wanted;
    if (to) {
        wanted.push_back(*to);
    } else {
        const auto kind = graph.schema.entity_kind(params.to_kind);
        if (!kind) throw unknown_entity_kind(graph.schema, params.to_kind);
        std::vector<bool> of_kind(graph.schema.entity_kinds().size(), false);
        for (auto k : graph.schema.kind_and_descendants(*kind)) of_kind[k] = true;
        for (EntityIndex e = 0; e < graph.entities().size(); ++e)
            if (e != from && of_kind[graph.entity_kind_index(e)]) wanted.push_back(e);
    }
    for (auto e : wanted) is_target[e] = true;

    WeakPointsResult result;
    result.from = from;
    const auto search = shortest_routes(view, from, false);
    result.route_entities = search.order.size();

    // The graph of routes: the reached entities, numbered in search order (the start is 0),
    // with every step a route may take between them, and a sink every reached target leads
    // to, whose dominators lie on the routes to all targets at once.
    const auto n = static_cast<std::uint32_t>(search.order.size());
    const auto sink = n;
    std::vector<std::uint32_t> local(graph.entities().size(), none);
    for (std::uint32_t i = 0; i < n; ++i) local[search.order[i]] = i;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<Step> edge_steps;
    std::vector<Step> steps;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto e = search.order[i];
        if (e != from && !view.may_pass(e)) continue;
        // Dominators do not depend on the order of edges: no need to sort the steps.
        view.steps(e, false, steps);
        for (const auto& s : steps) {
            edges.emplace_back(i, local[s.to]);
            edge_steps.push_back(s);
        }
    }
    const auto step_edges = edges.size();
    for (std::uint32_t i = 1; i < n; ++i)
        if (is_target[search.order[i]]) edges.emplace_back(i, sink);
    const auto routes = CompressedDigraph::from_edges(n + 1, edges);
    const auto idom = immediate_dominators(routes, 0);
    const DominatorTree tree(idom, 0);

    // A step u -> v lies on every route to v when it is the only way into v from outside what
    // v dominates: any first arrival at v must come by it. Steps from inside v's dominator
    // subtree arrive again, after v, and do not count.
    std::vector<std::uint32_t> entries(n + 1, 0);
    std::vector<Step> entry_step(n + 1);
    for (std::size_t k = 0; k < step_edges; ++k) {
        const auto [u, v] = edges[k];
        if (tree.dominates(v, u)) continue;
        ++entries[v];
        entry_step[v] = edge_steps[k];
    }
    auto critical = [&](std::uint32_t v) { return v != 0 && v != sink && entries[v] == 1; };

    // How many targets each entity dominates: summed up the tree, farthest first (a dominator
    // is always nearer the start than what it dominates).
    std::vector<std::size_t> cut(n, 0);
    for (std::uint32_t i = 1; i < n; ++i) cut[i] = is_target[search.order[i]] ? 1 : 0;
    for (std::uint32_t i = n; i-- > 1;)
        if (idom[i] != none) cut[idom[i]] += cut[i];

    for (std::uint32_t i = 1; i < n; ++i) {
        const auto e = search.order[i];
        if (!is_target[e]) continue;
        TargetWeakPoints weak;
        weak.target = e;
        for (auto v = i; v != 0; v = idom[v]) {
            if (v != i) weak.entities.push_back(search.order[v]);
            if (critical(v)) weak.relations.push_back(entry_step[v]);
        }
        std::reverse(weak.entities.begin(), weak.entities.end());
        std::reverse(weak.relations.begin(), weak.relations.end());
        result.targets.push_back(std::move(weak));
    }
    for (std::uint32_t i = 1; i < n; ++i) {
        const auto e = search.order[i];
        const auto others = cut[i] - (is_target[e] ? 1 : 0);
        if (others > 0) result.entities.push_back({e, others});
        if (critical(i) && cut[i] > 0) result.relations.push_back({entry_step[i], cut[i]});
    }
    std::sort(result.entities.begin(), result.entities.end(), [&](const WeakPoint& a, const WeakPoint& b) {
        if (a.targets != b.targets) return a.targets > b.targets;
        return graph.entity_id(a.entity) < graph.entity_id(b.entity);
    });
    std::sort(result.relations.begin(), result.relations.end(),
              [](const CriticalRelation& a, const CriticalRelation& b) {
                  if (a.targets != b.targets) return a.targets > b.targets;
                  if (a.step.relation != b.step.relation) return a.step.relation < b.step.relation;
                  return !a.step.backward && b.step.backward;
              });
    if (!result.targets.empty()) {
        for (auto v = idom[sink]; v != 0; v = idom[v]) {
            if (!is_target[search.order[v]]) result.common_entities.push_back(search.order[v]);
            if (critical(v)) result.common_relations.push_back(entry_step[v]);
        }
        std::reverse(result.common_entities.begin(), result.common_entities.end());
        std::reverse(result.common_relations.begin(), result.common_relations.end());
    }

    // What the answer rests on: the entities and steps of some route to a target, found by walking
    // the graph of routes backwards from the sink (an entity off every such route changes nothing).
    // A step back into the start is on no route (a route does not pass its start twice), and
    // neither is what only such a step leads on from.
    {
        std::vector<std::uint32_t> into(n + 2, 0);
        for (const auto& [u, v] : edges) ++into[v + 1];
        for (std::uint32_t v = 0; v <= n; ++v) into[v + 1] += into[v];
        std::vector<std::uint32_t> by_end(edges.size());
        auto next = into;
        for (std::uint32_t k = 0; k < edges.size(); ++k) by_end[next[edges[k].second]++] = k;
        std::vector<bool> leads(n + 1, false);
        std::vector<std::uint32_t> queue{sink};
        leads[sink] = true;
        while (!queue.empty()) {
            const auto v = queue.back();
            queue.pop_back();
            if (v == 0) continue;
            for (auto k = into[v]; k < into[v + 1]; ++k) {
                const auto edge = by_end[k];
                const auto u = edges[edge].first;
                if (edge < step_edges) result.route_steps.push_back(edge_steps[edge]);
                if (!leads[u]) {
                    leads[u] = true;
                    queue.push_back(u);
                }
            }
        }
        for (std::uint32_t i = 0; i < n; ++i)
            if (leads[i]) result.on_routes.push_back(search.order[i]);
    }

    std::vector<EntityIndex> missing;
    for (auto e : wanted)
        if (!search.reached(e)) missing.push_back(e);
    std::sort(missing.begin(), missing.end(),
              [&](EntityIndex a, EntityIndex b) { return graph.entity_id(a) < graph.entity_id(b); });
    if (!missing.empty()) {
        const RelaxedSearch relaxed(view, from);
        for (auto e : missing) result.unreached.push_back({e, relaxed.connection(e)});
    }
    if (to && !search.reached(*to) && *to != from) result.no_route = explain_no_route(view, from, *to);
    return result;
}

}  // namespace orgraph
