#include "write/diagram_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include "orgraph/model/text.hpp"
#include "write/diagram_style.hpp"

namespace orgraph::dot_detail {
namespace {

class Builder {
public:
    Builder(const Graph& graph, const DiagramParams& params) : m_graph(graph), m_params(params) {
        const auto& schema = graph.schema;
        const auto& chart = schema.presentation().chart;
        m_kind_allowed.assign(schema.entity_kinds().size(), params.kinds.empty());
        for (const auto& k : params.kinds) {
            auto index = schema.entity_kind(k);
            if (!index) throw diagram_error(unknown_kind(k));
            for (auto d : schema.kind_and_descendants(*index)) m_kind_allowed[d] = true;
        }
        m_relation_allowed.assign(schema.relation_kinds().size(), params.relations.empty());
        for (const auto& r : params.relations) {
            auto index = schema.relation_kind(r);
            if (!index) throw diagram_error(unknown_relation(r));
            m_relation_allowed[*index] = true;
        }
        m_fold.assign(schema.entity_kinds().size(), false);
        if (params.fold) {
            for (const auto& f : *params.fold) {
                if (f == "none") continue;
                if (f == "outside") {
                    m_fold_outside = true;
                    continue;
                }
                // A kind by its id or its plural ("countries").
                auto index = schema.entity_kind(f);
                if (!index) index = schema.entity_kind_by_plural(f);
                if (!index) throw diagram_error(unknown_kind(f) + " (or a kind's plural), 'outside', 'none'");
                for (auto d : schema.kind_and_descendants(*index)) m_fold[d] = true;
            }
        } else if (!params.focus && !params.overview) {
            // The organisation chart lists what lies outside the organisation, and the kinds the
            // schema folds (posts, contact channels), inside the nodes related to them: the
            // readable default for a whole organisation.
            m_fold_outside = true;
            for (const auto& k : chart.folded)
                if (auto kind = schema.entity_kind(k))
                    for (auto d : schema.kind_and_descendants(*kind)) m_fold[d] = true;
        }
        // Kinds that belong to the organisation part that points at them: drawn inside its box.
        m_owned.assign(schema.entity_kinds().size(), false);
        for (const auto& k : chart.inside)
            if (auto index = schema.entity_kind(k))
                for (auto d : schema.kind_and_descendants(*index)) m_owned[d] = true;
        const auto n = graph.entities().size();
        m_view.mark.assign(n, Mark::none);
        m_view.cluster.assign(n, -1);
        m_view.own_cluster.assign(n, -1);
        if (params.overview) {
            for (const auto& k : schema.presentation().overview.kinds)
                if (auto index = schema.entity_kind(k))
                    for (auto d : schema.kind_and_descendants(*index)) m_overview_kind[d] = true;
        }
    }

    View build() {
        if (m_params.overview) {
            if (!organisation_chart())
                throw diagram_error(
                    "an overview needs the chart's root: the schema's [presentation.chart] root kind, with entities "
                    "of it in the data");
            count_places();
            group_and_fold();
            return std::move(m_view);
        }
        if (m_params.focus) {
            neighbourhood();
        } else if (!organisation_chart()) {
            whole_graph();
        }
        add_highlight();
        group_and_fold();
        return std::move(m_view);
    }

private:
    template <typename Kinds>
    static std::string ids_of(const Kinds& kinds) {
        std::string ids;
        for (const auto& kind : kinds) ids += (ids.empty() ? "" : ", ") + kind.id;
        return ids;
    }
    // The closest kind when one is close, else every kind.
    template <typename Kinds>
    static std::string unknown(std::string_view what, std::string_view k, const Kinds& kinds) {
        std::vector<std::string> ids;
        for (const auto& kind : kinds) ids.push_back(kind.id);
        if (const auto best = closest_match(k, ids); !best.empty())
            return fmt::format("unknown {} '{}'; did you mean '{}'?", what, k, best);
        return fmt::format("unknown {} '{}' (expected one of: {})", what, k, ids_of(kinds));
    }
    std::string unknown_kind(std::string_view k) const {
        return unknown("entity kind", k, m_graph.schema.entity_kinds());
    }
    std::string unknown_relation(std::string_view k) const {
        return unknown("relation kind", k, m_graph.schema.relation_kinds());
    }

    bool entity_ok(EntityIndex e) const { return m_kind_allowed[m_graph.entity_kind_index(e)]; }
    bool relation_ok(RelationIndex r) const { return m_relation_allowed[m_graph.relation_record(r).kind]; }
    bool containment(RelationIndex r) const {
        return m_graph.kind_of_relation(r).backward && !m_graph.relation(r).derived;
    }

    void neighbourhood() {
        const auto focus = *m_params.focus;
        std::vector<unsigned> distance(m_graph.entities().size(), ~0U);
        std::deque<EntityIndex> queue{focus};
        distance[focus] = 0;
        m_view.mark[focus] = Mark::node;
        while (!queue.empty()) {
            const auto x = queue.front();
            queue.pop_front();
            if (distance[x] >= m_params.depth) continue;
            auto visit = [&](RelationIndex r, EntityIndex y) {
                if (!relation_ok(r) || !entity_ok(y) || distance[y] != ~0U) return;
                distance[y] = distance[x] + 1;
                m_view.mark[y] = Mark::node;
                queue.push_back(y);
            };
            // Which entities lie within the depth does not depend on the order of the edges.
            for (const auto& a : m_graph.out_edges(x)) visit(a.relation, a.other);
            for (const auto& a : m_graph.in_edges(x)) visit(a.relation, a.other);
        }
        induced_relations();
        const auto& e = m_graph.entity(focus);
        m_view.what =
            fmt::format("{} and its neighbourhood ({} step{})", e.name, m_params.depth, m_params.depth == 1 ? "" : "s");
    }

    void induced_relations() {
        for (RelationIndex r = 0; r < m_graph.relations().size(); ++r) {
            const auto& rel = m_graph.relation(r);
            if (relation_ok(r) && m_view.mark[rel.from] != Mark::none && m_view.mark[rel.to] != Mark::none)
                m_view.drawn.push_back(r);
        }
    }

    // Every entity of the chart's root kind, what it contains (the relations whose kind may be
    // walked backward, read backward: "has part", "sponsors"), and what those parts point at, one
    // step out.
    bool organisation_chart() {
        const auto& schema = m_graph.schema;
        const auto& root_kind = schema.presentation().chart.root;
        if (root_kind.empty()) return false;
        const auto root_index = schema.entity_kind(root_kind);
        if (!root_index) return false;
        const auto n = m_graph.entities().size();
        std::vector<EntityIndex> tree;
        for (EntityIndex e = 0; e < n; ++e)
            if (schema.is_a(m_graph.entity_kind_index(e), *root_index) && entity_ok(e)) tree.push_back(e);
        if (tree.empty()) return false;
        m_view.roots = tree;
        m_tree_parent.assign(n, no_entity);
        m_joined_by.assign(n, 0);
        m_in_tree.assign(n, false);
        for (auto root : tree) m_in_tree[root] = true;
        for (std::size_t i = 0; i < tree.size(); ++i) {
            const auto x = tree[i];
            // In the order the relations were added, so that the tree does not depend on how
            // the graph lists in-edges.
            std::vector<std::pair<RelationIndex, EntityIndex>> in;
            for (const auto& a : m_graph.in_edges(x)) in.emplace_back(a.relation, a.other);
            std::sort(in.begin(), in.end());
            for (auto [r, child] : in) {
                if (!containment(r) || !relation_ok(r) || !entity_ok(child) || m_in_tree[child]) continue;
                if (m_params.overview && !in_overview(child, x)) continue;
                m_in_tree[child] = true;
                m_tree_parent[child] = x;
                m_joined_by[child] = r;
                tree.push_back(child);
            }
        }
        for (auto t : tree) m_view.mark[t] = Mark::node;
        std::string names;
        for (auto root : m_view.roots) {
            if (!names.empty()) names += ", ";
            names += m_graph.entity_name(root);
        }
        if (m_params.overview) {
            // Only the containment that holds the tree together; nothing one step out.
            for (auto t : tree)
                if (m_tree_parent[t] != no_entity) m_view.drawn.push_back(m_joined_by[t]);
            std::sort(m_view.drawn.begin(), m_view.drawn.end());
            m_view.what = fmt::format("Overview: {}", names);
            return true;
        }
        std::vector<bool> seen(m_graph.relations().size(), false);
        for (auto t : tree) {
            for (const auto& a : m_graph.out_edges(t)) {
                const auto r = a.relation;
                const auto y = a.other;
                if (!relation_ok(r) || !entity_ok(y)) continue;
                if (m_view.mark[y] == Mark::none) m_view.mark[y] = Mark::node;
                seen[r] = true;
            }
        }
        for (RelationIndex r = 0; r < seen.size(); ++r)
            if (seen[r]) m_view.drawn.push_back(r);
        m_view.what = fmt::format("Organisation chart: {}", names);
        return true;
    }

    // In the overview, a part is drawn when its kind is one the schema's overview names (without
    // any, when it is a root's direct part).
    bool in_overview(EntityIndex child, EntityIndex parent) const {
        const auto& kinds = m_graph.schema.presentation().overview.kinds;
        if (kinds.empty()) return m_tree_parent[parent] == no_entity;  // only the roots have none
        return m_overview_kind[m_graph.entity_kind_index(child)];
    }

    // The overview's captions: for each drawn part of a counted kind, the places it covers
    // ("12 countries"), as the caller counted them (OverviewCounts); nothing when it counted none.
    void count_places() {
        const auto& counts = m_params.overview_counts;
        if (counts.places.size() != m_graph.entities().size()) return;
        m_view.caption.assign(m_graph.entities().size(), {});
        for (EntityIndex e = 0; e < m_view.mark.size(); ++e) {
            const auto kind = m_graph.entity_kind_index(e);
            if (m_view.mark[e] != Mark::node || kind >= counts.counted_kind.size() || !counts.counted_kind[kind])
                continue;
            const auto n = counts.places[e];
            m_view.caption[e] = fmt::format("{} {}", n, n == 1 ? counts.singular : counts.plural);
        }
        m_view.what += fmt::format(" (how many {} each {}{})", counts.plural, counts.relation,
                                   counts.date ? fmt::format(", as of {}", counts.date->to_string()) : std::string());
    }

    void whole_graph() {
        for (EntityIndex e = 0; e < m_graph.entities().size(); ++e)
            if (entity_ok(e)) m_view.mark[e] = Mark::node;
        induced_relations();
        m_view.what = fmt::format("{} entities, {} relations", m_graph.entities().size(), m_view.drawn.size());
    }

    void add_highlight() {
        if (m_params.highlight.empty()) return;
        std::vector<bool> drawn(m_graph.relations().size(), false);
        for (auto r : m_view.drawn) drawn[r] = true;
        for (auto r : m_params.highlight) {
            const auto& rel = m_graph.relation(r);
            for (auto e : {rel.from, rel.to}) {
                if (m_view.mark[e] == Mark::none) m_view.mark[e] = Mark::node;
                m_on_route.insert(e);
            }
            drawn[r] = true;
        }
        m_view.drawn.clear();
        for (RelationIndex r = 0; r < drawn.size(); ++r)
            if (drawn[r]) m_view.drawn.push_back(r);
    }

    int add_cluster(std::string id, std::string label, int parent, std::string_view fill, EntityIndex head) {
        m_view.clusters.push_back({std::move(id), std::move(label), parent, std::string(fill), head, {}, {}});
        const int index = static_cast<int>(m_view.clusters.size()) - 1;
        if (parent >= 0) m_view.clusters[parent].children.push_back(index);
        return index;
    }

    int cluster_of(EntityIndex e) const {
        return m_view.own_cluster[e] >= 0 ? m_view.own_cluster[e] : m_view.cluster[e];
    }

    void group_and_fold() {
        if (!m_view.roots.empty()) group_parts();
        // Fold what is to be folded; what lies on the route and the focus stay nodes.
        for (EntityIndex e = 0; e < m_view.mark.size(); ++e) {
            if (m_view.mark[e] != Mark::node || m_on_route.contains(e) || (m_params.focus && e == *m_params.focus))
                continue;
            const bool outside = !m_view.roots.empty() && !m_in_tree[e] && m_view.cluster[e] < 0;
            if (m_fold[m_graph.entity_kind_index(e)] || (m_fold_outside && outside)) m_view.mark[e] = Mark::folded;
        }
        // A relation between two folded entities has nowhere to be shown.
        std::erase_if(m_view.drawn, [&](RelationIndex r) {
            const auto& rel = m_graph.relation(r);
            return m_view.mark[rel.from] == Mark::folded && m_view.mark[rel.to] == Mark::folded;
        });
        group_by_attribute();
        for (EntityIndex e = 0; e < m_view.mark.size(); ++e)
            if (m_view.mark[e] == Mark::node && m_view.cluster[e] >= 0)
                m_view.clusters[m_view.cluster[e]].members.push_back(e);
    }

    std::string capitalised(std::string text) const {
        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
        return text;
    }

    // The organisation's parts: a ministry's direct parts grouped by kind and relation, every
    // part that has parts of its own as a box around them, owned things (posts, contact
    // channels) inside the box of the parts that point at them.
    void group_parts() {
        const auto n = m_graph.entities().size();
        std::vector<std::vector<EntityIndex>> children(n);
        std::vector<EntityIndex> order(m_view.roots.begin(), m_view.roots.end());
        for (EntityIndex e = 0; e < n; ++e)
            if (m_tree_parent[e] != no_entity) children[m_tree_parent[e]].push_back(e);
        // A root's groups come in the order of their kinds in the schema (departments before
        // associations, as the schema's author listed them), whatever the order of the files.
        for (auto root : m_view.roots)
            std::stable_sort(children[root].begin(), children[root].end(), [&](EntityIndex a, EntityIndex b) {
                return std::tuple(m_graph.entity_kind_index(a), m_graph.relation_record(m_joined_by[a]).kind) <
                       std::tuple(m_graph.entity_kind_index(b), m_graph.relation_record(m_joined_by[b]).kind);
            });
        for (std::size_t i = 0; i < order.size(); ++i)
            for (auto child : children[order[i]]) order.push_back(child);
        std::map<std::tuple<EntityIndex, RelationKindIndex, KindIndex>, std::size_t> group_index;
        for (auto t : order) {
            const auto parent = m_tree_parent[t];
            if (parent == no_entity) continue;  // a root: top level
            int parent_cluster = cluster_of(parent);
            if (m_tree_parent[parent] == no_entity) {
                const auto& entity = m_graph.entity(t);
                const RelationKindIndex relation = m_graph.relation_record(m_joined_by[t]).kind;
                const auto key = std::tuple{parent, relation, entity.kind};
                auto [it, fresh] = group_index.try_emplace(key, m_view.groups.size());
                if (fresh) {
                    const auto& k = m_graph.schema.entity_kind(entity.kind);
                    PartGroup group;
                    group.root = parent;
                    group.relation = relation;
                    group.cluster =
                        add_cluster(fmt::format("cluster_{}_{}_{}", m_graph.entity(parent).id,
                                                m_graph.schema.relation_kind(relation).id, k.id),
                                    capitalised(k.plural), -1, style_of(m_graph.schema, entity.kind).fill, no_entity);
                    m_view.groups.push_back(std::move(group));
                }
                auto& group = m_view.groups[it->second];
                group.parts.push_back(t);
                group.relations.push_back(m_joined_by[t]);
                parent_cluster = group.cluster;
            }
            if (!children[t].empty()) {
                const auto& e = m_graph.entity(t);
                m_view.own_cluster[t] = add_cluster(std::string("cluster_").append(e.id), std::string(e.name),
                                                    parent_cluster, style_of(m_graph.schema, e.kind).fill, t);
                m_view.cluster[t] = m_view.own_cluster[t];
            } else {
                m_view.cluster[t] = parent_cluster;
            }
        }
        // Owned things pointed at from the organisation only go in the innermost box holding
        // everything that points at them.
        for (EntityIndex e = 0; e < n; ++e) {
            if (m_view.mark[e] != Mark::node || m_in_tree[e] || !m_owned[m_graph.entity_kind_index(e)]) continue;
            int common = -2;
            // The innermost common box does not depend on the order of the edges.
            const auto in = m_graph.in_edges(e);
            for (auto it = in.begin(); it != in.end() && common != -1; ++it) {
                const auto other = static_cast<EntityIndex>(it->other);
                common = !m_in_tree[other] ? -1
                         : common == -2    ? cluster_of(other)
                                           : common_cluster(common, cluster_of(other));
            }
            if (common >= 0) m_view.cluster[e] = common;
        }
    }

    // The entities of the chart's group kind (countries) not in a box yet, boxed by the value of
    // its group_by attribute (their region), each box filled as the kind is.
    void group_by_attribute() {
        const auto& chart = m_graph.schema.presentation().chart;
        if (chart.group.empty() || chart.group_by.empty()) return;
        const auto kind = m_graph.schema.entity_kind(chart.group);
        if (!kind) return;
        const auto fill = style_of(m_graph.schema, *kind).fill;
        std::map<std::string, int> groups;
        for (EntityIndex e = 0; e < m_view.mark.size(); ++e) {
            if (m_view.mark[e] != Mark::node || m_view.cluster[e] >= 0) continue;
            const auto& entity = m_graph.entity(e);
            if (!m_graph.schema.is_a(entity.kind, *kind)) continue;
            const auto value = entity.attributes.find(chart.group_by);
            if (!value || value->empty()) continue;
            auto [it, fresh] = groups.try_emplace(std::string(*value), -1);
            if (fresh)
                it->second = add_cluster(
                    fmt::format("cluster_region_{}", *value),
                    fmt::format("{} ({})", *value, chart.group_label.empty() ? chart.group_by : chart.group_label), -1,
                    fill, no_entity);
            m_view.cluster[e] = it->second;
        }
    }

    int cluster_depth(int c) const {
        int d = 0;
        for (; c >= 0; c = m_view.clusters[c].parent) ++d;
        return d;
    }

    int common_cluster(int a, int b) const {
        if (a < 0 || b < 0) return -1;
        int da = cluster_depth(a), db = cluster_depth(b);
        while (da > db) a = m_view.clusters[a].parent, --da;
        while (db > da) b = m_view.clusters[b].parent, --db;
        while (a != b) a = m_view.clusters[a].parent, b = m_view.clusters[b].parent;
        return a;
    }

    const Graph& m_graph;
    const DiagramParams& m_params;
    std::vector<bool> m_kind_allowed, m_relation_allowed, m_fold, m_owned;
    std::vector<bool> m_overview_kind = std::vector<bool>(m_graph.schema.entity_kinds().size(), false);
    bool m_fold_outside = false;
    View m_view;
    std::vector<EntityIndex> m_tree_parent;
    std::vector<RelationIndex> m_joined_by;
    std::vector<bool> m_in_tree;
    std::set<EntityIndex> m_on_route;
};

}  // namespace

View build_view(const Graph& graph, const DiagramParams& params) {
    return Builder(graph, params).build();
}

}  // namespace orgraph::dot_detail
