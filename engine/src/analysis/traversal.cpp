#include "orgraph/analysis/traversal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <queue>

#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

template <typename Kinds>
unknown_kind_error unknown(std::string_view what, std::string_view id, const Kinds& kinds) {
    std::vector<std::string> ids;
    for (const auto& k : kinds) ids.push_back(k.id);
    const auto best = closest_match(id, ids);
    return unknown_kind_error(fmt::format("unknown {} '{}'{}", what, id,
                                          best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best)));
}

}  // namespace

unknown_kind_error unknown_entity_kind(const Schema& schema, std::string_view id) {
    return unknown("entity kind", id, schema.entity_kinds());
}

unknown_kind_error unknown_relation_kind(const Schema& schema, std::string_view id) {
    return unknown("relation kind", id, schema.relation_kinds());
}

TraversalView::TraversalView(const Graph& graph, const TraversalParams& params) : m_graph(graph), m_params(params) {
    const auto& schema = graph.schema;
    const auto relation_kinds = schema.relation_kinds().size();
    m_in_via.assign(relation_kinds, params.via.empty());
    for (const auto& id : params.via) {
        auto kind = schema.relation_kind(id);
        if (!kind) throw unknown_relation_kind(schema, id);
        m_in_via[*kind] = true;
    }
    m_forward.resize(relation_kinds);
    m_backward.resize(relation_kinds);
    for (RelationKindIndex k = 0; k < relation_kinds; ++k) {
        m_forward[k] = m_in_via[k];
        m_backward[k] = m_in_via[k] && schema.relation_kind(k).backward;
    }
    const auto entity_kinds = schema.entity_kinds().size();
    m_passable.assign(entity_kinds, params.through.empty());
    for (const auto& id : params.through) {
        auto kind = schema.entity_kind(id);
        if (!kind) throw unknown_entity_kind(schema, id);
        for (auto k : schema.kind_and_descendants(*kind)) m_passable[k] = true;
    }
}

bool TraversalView::before(const Step& a, const Step& b, bool reverse) const {
    const auto a_end = reverse ? a.from : a.to;
    const auto b_end = reverse ? b.from : b.to;
    if (a_end != b_end) return m_graph.id_rank(a_end) < m_graph.id_rank(b_end);
    if (a.relation != b.relation) return a.relation < b.relation;
    return !a.backward && b.backward;
}

std::uint8_t TraversalView::refusal(RelationIndex relation, bool backward) const {
    const auto& r = m_graph.relation(relation);
    std::uint8_t reasons = refusal_none;
    if (!m_in_via[r.kind]) reasons |= refusal_not_in_via;
    if (backward && !m_graph.schema.relation_kind(r.kind).backward) reasons |= refusal_not_backward;
    if (r.derived && !m_params.derived) reasons |= refusal_derived_off;
    return reasons;
}

namespace {

// Visits every step at `entity` in both directions, allowed or not, in route order: by the id
// of the entity at the other end, then relation index, then forward before backward. Both
// adjacency lists are kept in that order, so merging them is enough. `visit(step, adjacent)`.
template <typename Visit>
void for_each_step(const Graph& graph, EntityIndex entity, bool reverse, Visit&& visit) {
    const auto out = graph.out_edges(entity);
    const auto in = graph.in_edges(entity);
    auto from_out = [&](const Adjacent& a) {
        visit(reverse ? Step{a.relation, true, a.other, entity} : Step{a.relation, false, entity, a.other}, a);
    };
    auto from_in = [&](const Adjacent& a) {
        visit(reverse ? Step{a.relation, false, a.other, entity} : Step{a.relation, true, entity, a.other}, a);
    };
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < out.size() || j < in.size()) {
        if (i < out.size() && out[i].other == entity) {  // a relation from an entity to itself leads nowhere
            ++i;
            continue;
        }
        if (j < in.size() && in[j].other == entity) {
            ++j;
            continue;
        }
        bool take_out;
        if (i == out.size()) {
            take_out = false;
        } else if (j == in.size()) {
            take_out = true;
        } else {
            const auto ro = graph.id_rank(out[i].other);
            const auto ri = graph.id_rank(in[j].other);
            // Of one relation at both lists only a self-loop could be; otherwise forward first.
            take_out = ro != ri ? ro < ri : out[i].relation < in[j].relation;
        }
        if (take_out)
            from_out(out[i++]);
        else
            from_in(in[j++]);
    }
}

}  // namespace

void TraversalView::steps(EntityIndex entity, bool reverse, std::vector<Step>& out) const {
    out.clear();
    for_each_step(m_graph, entity, reverse, [&](const Step& s, const Adjacent& a) {
        if ((a.flags & image::relation_derived) && !m_params.derived) return;
        if (s.backward ? m_backward[a.kind] : m_forward[a.kind]) out.push_back(s);
    });
}

void TraversalView::all_steps(EntityIndex entity, bool reverse, std::vector<Step>& out) const {
    out.clear();
    for_each_step(m_graph, entity, reverse, [&](const Step& s, const Adjacent&) { out.push_back(s); });
}

Route ShortestRoutes::route(EntityIndex e) const {
    Route result;
    if (!reached(e)) return result;
    if (!reverse) {
        for (auto at = e; at != root; at = reached_by[at].from) result.push_back(reached_by[at]);
        std::reverse(result.begin(), result.end());
    } else {
        for (auto at = e; at != root; at = reached_by[at].to) result.push_back(reached_by[at]);
    }
    return result;
}

ShortestRoutes shortest_routes(const TraversalView& view, EntityIndex root, bool reverse, const SearchLimits& limits) {
    const auto& graph = view.graph();
    ShortestRoutes result;
    result.root = root;
    result.reverse = reverse;
    result.distance.assign(graph.entities().size(), unreached);
    result.reached_by.resize(graph.entities().size());
    result.distance[root] = 0;
    result.order.push_back(root);
    std::vector<Step> steps;
    auto blocked = [&](const Step& s) {
        return limits.blocked_steps &&
               std::find(limits.blocked_steps->begin(), limits.blocked_steps->end(), s) != limits.blocked_steps->end();
    };
    // `order` doubles as the queue: entities are appended as they are found, level by level.
    for (std::size_t head = 0; head < result.order.size(); ++head) {
        const auto at = result.order[head];
        const auto d = result.distance[at];
        if (d >= limits.max_depth) break;
        // The ends of a route may be of any kind; what lies between must be passable.
        if (at != root && !view.may_pass(at)) continue;
        view.steps(at, reverse, steps);
        for (const auto& s : steps) {
            const auto next = reverse ? s.from : s.to;
            if (result.distance[next] != unreached) continue;
            if (limits.blocked_entities && (*limits.blocked_entities)[next]) continue;
            if (blocked(s)) continue;
            result.distance[next] = d + 1;
            result.reached_by[next] = s;
            result.order.push_back(next);
            if (limits.stop_at && next == *limits.stop_at) return result;
        }
    }
    return result;
}

SideSummary summarize_side(const TraversalView& view, const ShortestRoutes& search) {
    const auto& graph = view.graph();
    SideSummary summary;
    summary.reached = search.order.size();
    summary.depth = search.distance[search.order.back()];
    for (auto e : search.order)
        if (search.distance[e] == summary.depth) summary.frontier.push_back(e);
    std::map<std::tuple<RelationKindIndex, bool, std::uint8_t>, std::size_t> refused;
    std::map<KindIndex, std::size_t> not_passed;
    std::vector<Step> steps;
    for (auto e : search.order) {
        if (e != search.root && !view.may_pass(e)) {
            ++not_passed[graph.entity_kind_index(e)];
            continue;
        }
        view.all_steps(e, search.reverse, steps);
        for (const auto& s : steps) {
            const auto other = search.reverse ? s.from : s.to;
            if (search.reached(other)) continue;
            const auto why = view.refusal(s.relation, s.backward);
            if (why == refusal_none) continue;  // allowed, but beyond a depth limit
            ++refused[{graph.relation(s.relation).kind, s.backward, why}];
        }
    }
    for (const auto& [key, count] : refused)
        summary.refused.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), count});
    // Most frequent first: what would open the most.
    std::stable_sort(summary.refused.begin(), summary.refused.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    for (const auto& [kind, count] : not_passed) summary.not_passed.emplace_back(kind, count);
    return summary;
}

RelaxedSearch::RelaxedSearch(const TraversalView& view, EntityIndex from) : m_view(view), m_from(from) {
    const auto& graph = view.graph();
    constexpr auto infinite = std::numeric_limits<std::uint64_t>::max();
    m_cost.assign(graph.entities().size(), infinite);
    m_reached_by.resize(graph.entities().size());
    m_cost[from] = 0;
    using Item = std::pair<std::uint64_t, EntityIndex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    queue.emplace(0, from);
    std::vector<Step> steps;
    while (!queue.empty()) {
        const auto [cost, at] = queue.top();
        queue.pop();
        if (cost != m_cost[at]) continue;
        const std::uint64_t leaving = (at != from && !view.may_pass(at)) ? 1 : 0;
        view.all_steps(at, false, steps);
        for (const auto& s : steps) {
            const std::uint64_t refused = view.refusal(s.relation, s.backward) != refusal_none ? 1 : 0;
            const auto next_cost = cost + ((refused + leaving) << 32) + 1;
            if (next_cost < m_cost[s.to]) {
                m_cost[s.to] = next_cost;
                m_reached_by[s.to] = s;
                queue.emplace(next_cost, s.to);
            }
        }
    }
}

Connection RelaxedSearch::connection(EntityIndex to) const {
    Connection result;
    if (m_cost[to] == std::numeric_limits<std::uint64_t>::max()) return result;
    result.found = true;
    for (auto at = to; at != m_from; at = m_reached_by[at].from) result.route.push_back(m_reached_by[at]);
    std::reverse(result.route.begin(), result.route.end());
    for (std::size_t i = 0; i < result.route.size(); ++i) {
        const auto& s = result.route[i];
        const auto why = m_view.refusal(s.relation, s.backward);
        const bool blocked_entity = i > 0 && !m_view.may_pass(s.from);
        if (why != refusal_none || blocked_entity) result.obstacles.push_back({i, why, blocked_entity});
    }
    return result;
}

NoRouteExplanation explain_no_route(const TraversalView& view, EntityIndex from, EntityIndex to) {
    NoRouteExplanation explanation;
    explanation.forward = summarize_side(view, shortest_routes(view, from, false));
    explanation.backward = summarize_side(view, shortest_routes(view, to, true));
    auto connection = RelaxedSearch(view, from).connection(to);
    explanation.connectable = connection.found;
    explanation.connection = std::move(connection.route);
    explanation.obstacles = std::move(connection.obstacles);
    return explanation;
}

}  // namespace orgraph
