#include "orgraph/write/dot_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>

#include "load/json_reader.hpp"
#include "orgraph/analysis/paths.hpp"

namespace orgraph {
namespace {

// ---- escaping ----

// Neither a DOT string nor XML has a use for control characters: each is written as a space.
void append_printable(fmt::memory_buffer& out, char c) {
    out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
}

// Appends text for a double-quoted DOT string that Graphviz reads as an escString (a label):
// a backslash must be doubled, or "\N" would become the node's name and "\l" a line break; a
// quote is escaped; a line break becomes "\n"; other control characters a space. Graphviz
// unescapes a tooltip twice (checked against its SVG output), so there a backslash is written
// four times.
void append_escaped(fmt::memory_buffer& out, std::string_view text, bool tooltip = false) {
    const bool plain = std::none_of(
        text.begin(), text.end(), [](char c) { return c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20; });
    if (plain) {
        out.append(text);
        return;
    }
    for (const char c : text) {
        switch (c) {
            case '\\':
                out.append(tooltip ? std::string_view("\\\\\\\\") : std::string_view("\\\\"));
                break;
            case '"':
                out.append(std::string_view("\\\""));
                break;
            case '\n':
                out.append(std::string_view("\\n"));
                break;
            case '\r':
                break;
            default:
                append_printable(out, c);
        }
    }
}

// Text inside an HTML-like label: XML escaping, no control characters (which XML forbids), and
// a backslash doubled, since Graphviz replaces "\N" there too.
void append_html(fmt::memory_buffer& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '\\':
                out.append(std::string_view("\\\\"));
                break;
            case '&':
                out.append(std::string_view("&amp;"));
                break;
            case '<':
                out.append(std::string_view("&lt;"));
                break;
            case '>':
                out.append(std::string_view("&gt;"));
                break;
            case '"':
                out.append(std::string_view("&quot;"));
                break;
            default:
                append_printable(out, c);
        }
    }
}

// A node or cluster id: entity ids never hold quotes or backslashes, but a generated cluster
// id might, so quote defensively.
void append_id(fmt::memory_buffer& out, std::string_view id) {
    out.push_back('"');
    for (const char c : id) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

// Breaks a name into lines of about `width` bytes at spaces, so long names make tall nodes
// rather than very wide ones.
std::vector<std::string_view> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string_view> lines;
    // A name written over several lines is wrapped like any other: its breaks are cut here and
    // the pieces wrapped on.
    if (const auto newline = text.find('\n'); newline != std::string_view::npos) {
        for (auto line : wrap(text.substr(0, newline), width)) lines.push_back(line);
        for (auto line : wrap(text.substr(newline + 1), width)) lines.push_back(line);
        return lines;
    }
    while (text.size() > width) {
        auto cut = text.rfind(' ', width);
        if (cut == std::string_view::npos || cut == 0) cut = text.find(' ', width);
        if (cut == std::string_view::npos) break;
        lines.push_back(text.substr(0, cut));
        text.remove_prefix(cut + 1);
    }
    lines.push_back(text);
    return lines;
}

// ---- styles ----

struct KindStyle {
    std::string_view shape;
    std::string_view fill;
    std::string_view style;  // added to "filled"
    std::string_view font_colour;
};

// Styles of the built-in schema's kinds (its ids are a contract); a kind without one takes its
// nearest styled ancestor's, and a kind with neither gets a colour from a palette.
const std::map<std::string_view, KindStyle>& builtin_styles() {
    static const std::map<std::string_view, KindStyle> styles = {
        {"ministry", {"box", "#1f4e79", "bold,rounded", "#ffffff"}},
        {"department", {"box", "#cfe2f3", "rounded", "#000000"}},
        {"regional_department", {"box", "#9fc5e8", "rounded", "#000000"}},
        {"institute", {"box", "#b6d7a8", "rounded", "#000000"}},
        {"association", {"box", "#f9cb9c", "rounded", "#000000"}},
        {"organ", {"box", "#ffe599", "", "#000000"}},
        {"unit", {"box", "#f3f3f3", "", "#000000"}},
        {"post", {"ellipse", "#f4cccc", "", "#000000"}},
        {"branch", {"box", "#ffe599", "dashed", "#000000"}},
        {"country", {"ellipse", "#e6e0f8", "", "#000000"}},
        {"region", {"hexagon", "#d0e0e3", "", "#000000"}},
        {"regional_organization", {"octagon", "#d9d2e9", "", "#000000"}},
        {"international_organization", {"octagon", "#b4a7d6", "", "#000000"}},
        {"organization_body", {"octagon", "#ead1dc", "", "#000000"}},
        {"organization_group", {"octagon", "#ead1dc", "dashed", "#000000"}},
        {"city", {"ellipse", "#eeeeee", "", "#000000"}},
        {"mission", {"house", "#a2c4c9", "", "#000000"}},
        {"mission_group", {"house", "#d0e0e3", "dashed", "#000000"}},
        {"contact_channel", {"note", "#ffffff", "", "#000000"}},
    };
    return styles;
}

constexpr std::string_view palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
constexpr std::string_view edge_palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                                             "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31",
                                             "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
                                             "#636363", "#ad494a", "#a55194", "#6b6ecf", "#b5cf6b", "#e7ba52"};
constexpr std::string_view highlight_colour = "#d62728";

KindStyle style_of(const Schema& schema, KindIndex kind) {
    const auto& styles = builtin_styles();
    for (std::optional<KindIndex> k = kind; k; k = schema.entity_kind(*k).parent) {
        if (auto it = styles.find(schema.entity_kind(*k).id); it != styles.end()) return it->second;
    }
    return {"box", palette[kind % std::size(palette)], "", "#000000"};
}

// ---- what is drawn ----

enum class Mark : std::uint8_t { none, node, folded };

constexpr EntityIndex no_entity = ~EntityIndex{0};

struct Cluster {
    std::string id;
    std::string label;
    int parent = -1;  // -1: the top level
    std::string fill;
    EntityIndex head = no_entity;  // the entity that opens it; none for a group of parts
    std::vector<EntityIndex> members;
    std::vector<int> children;
};

// The parts of a ministry of one kind, joined to it by one relation kind: drawn as one
// cluster with one edge from the ministry, the parts wrapped into rows.
struct PartGroup {
    EntityIndex root = 0;
    RelationKindIndex relation = 0;
    int cluster = -1;
    std::vector<RelationIndex> relations;  // each part's relation to the ministry
    std::vector<EntityIndex> parts;
};

struct View {
    std::vector<Mark> mark;            // per entity
    std::vector<int> cluster;          // per entity: the cluster it is drawn in, or -1
    std::vector<int> own_cluster;      // per entity: the cluster it opens, or -1
    std::vector<RelationIndex> drawn;  // relations to draw (between nodes) or to fold (to a folded entity)
    std::vector<Cluster> clusters;
    std::vector<EntityIndex> roots;
    std::vector<PartGroup> groups;
    std::string what;  // the default title
};

class Builder {
public:
    Builder(const Graph& graph, const DiagramParams& params) : m_graph(graph), m_params(params) {
        const auto& schema = graph.schema;
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
                const std::string k = f == "countries" ? "country" : f;
                auto index = schema.entity_kind(k);
                if (!index) throw diagram_error(unknown_kind(f) + " or 'countries', 'outside', 'none'");
                for (auto d : schema.kind_and_descendants(*index)) m_fold[d] = true;
            }
        } else if (!params.focus) {
            // The organisation chart lists what lies outside the organisation, posts and contact
            // channels inside the nodes related to them: the readable default for a whole ministry.
            m_fold_outside = true;
            for (const char* k : {"post", "contact_channel"})
                if (auto kind = schema.entity_kind(k))
                    for (auto d : schema.kind_and_descendants(*kind)) m_fold[d] = true;
        }
        // Kinds that belong to the organisation part that points at them: drawn inside its box.
        m_owned.assign(schema.entity_kinds().size(), false);
        for (const char* k : {"post", "contact_channel", "unit", "organ", "branch"})
            if (auto index = schema.entity_kind(k))
                for (auto d : schema.kind_and_descendants(*index)) m_owned[d] = true;
        const auto n = graph.entities().size();
        m_view.mark.assign(n, Mark::none);
        m_view.cluster.assign(n, -1);
        m_view.own_cluster.assign(n, -1);
    }

    View build() {
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
    std::string unknown_kind(std::string_view k) const {
        return fmt::format("unknown entity kind '{}' (expected one of: {})", k, ids_of(m_graph.schema.entity_kinds()));
    }
    std::string unknown_relation(std::string_view k) const {
        return fmt::format("unknown relation kind '{}' (expected one of: {})", k,
                           ids_of(m_graph.schema.relation_kinds()));
    }

    bool entity_ok(EntityIndex e) const { return m_kind_allowed[m_graph.entity(e).kind]; }
    bool relation_ok(RelationIndex r) const { return m_relation_allowed[m_graph.relation(r).kind]; }
    bool containment(RelationIndex r) const {
        return m_graph.kind_of_relation(r).backward && !m_graph.relation(r).derived;
    }

    void neighbourhood() {
        const auto& topology = m_graph.topology();
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
            for (auto [e, end] = boost::out_edges(x, topology); e != end; ++e)
                visit(topology[*e].relation, static_cast<EntityIndex>(boost::target(*e, topology)));
            for (auto [e, end] = boost::in_edges(x, topology); e != end; ++e)
                visit(topology[*e].relation, static_cast<EntityIndex>(boost::source(*e, topology)));
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

    // Every ministry, what it contains (the relations whose kind may be walked backward, read
    // backward: "has part", "sponsors"), and what those parts point at, one step out.
    bool organisation_chart() {
        const auto& schema = m_graph.schema;
        const auto ministry = schema.entity_kind("ministry");
        if (!ministry) return false;
        const auto& topology = m_graph.topology();
        const auto n = m_graph.entities().size();
        std::vector<EntityIndex> tree;
        for (EntityIndex e = 0; e < n; ++e)
            if (schema.is_a(m_graph.entity(e).kind, *ministry) && entity_ok(e)) tree.push_back(e);
        if (tree.empty()) return false;
        m_view.roots = tree;
        m_tree_parent.assign(n, no_entity);
        m_joined_by.assign(n, 0);
        m_in_tree.assign(n, false);
        for (auto root : tree) m_in_tree[root] = true;
        for (std::size_t i = 0; i < tree.size(); ++i) {
            const auto x = tree[i];
            // In the order the relations were added, so that the tree does not depend on how
            // Boost lists in-edges.
            std::vector<std::pair<RelationIndex, EntityIndex>> in;
            for (auto [e, end] = boost::in_edges(x, topology); e != end; ++e)
                in.emplace_back(topology[*e].relation, static_cast<EntityIndex>(boost::source(*e, topology)));
            std::sort(in.begin(), in.end());
            for (auto [r, child] : in) {
                if (!containment(r) || !relation_ok(r) || !entity_ok(child) || m_in_tree[child]) continue;
                m_in_tree[child] = true;
                m_tree_parent[child] = x;
                m_joined_by[child] = r;
                tree.push_back(child);
            }
        }
        for (auto t : tree) m_view.mark[t] = Mark::node;
        std::vector<bool> seen(m_graph.relations().size(), false);
        for (auto t : tree) {
            for (auto [e, end] = boost::out_edges(t, topology); e != end; ++e) {
                const auto r = topology[*e].relation;
                const auto y = static_cast<EntityIndex>(boost::target(*e, topology));
                if (!relation_ok(r) || !entity_ok(y)) continue;
                if (m_view.mark[y] == Mark::none) m_view.mark[y] = Mark::node;
                seen[r] = true;
            }
        }
        for (RelationIndex r = 0; r < seen.size(); ++r)
            if (seen[r]) m_view.drawn.push_back(r);
        std::string names;
        for (auto root : m_view.roots) names += (names.empty() ? "" : ", ") + m_graph.entity(root).name;
        m_view.what = fmt::format("Organisation chart: {}", names);
        return true;
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
            if (m_fold[m_graph.entity(e).kind] || (m_fold_outside && outside)) m_view.mark[e] = Mark::folded;
        }
        // A relation between two folded entities has nowhere to be shown.
        std::erase_if(m_view.drawn, [&](RelationIndex r) {
            const auto& rel = m_graph.relation(r);
            return m_view.mark[rel.from] == Mark::folded && m_view.mark[rel.to] == Mark::folded;
        });
        group_countries();
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
        // A ministry's groups come in the order of their kinds in the schema (departments before
        // associations, as the schema's author listed them), whatever the order of the files.
        for (auto root : m_view.roots)
            std::stable_sort(children[root].begin(), children[root].end(), [&](EntityIndex a, EntityIndex b) {
                return std::tuple(m_graph.entity(a).kind, m_graph.relation(m_joined_by[a]).kind) <
                       std::tuple(m_graph.entity(b).kind, m_graph.relation(m_joined_by[b]).kind);
            });
        for (std::size_t i = 0; i < order.size(); ++i)
            for (auto child : children[order[i]]) order.push_back(child);
        std::map<std::tuple<EntityIndex, RelationKindIndex, KindIndex>, std::size_t> group_index;
        for (auto t : order) {
            const auto parent = m_tree_parent[t];
            if (parent == no_entity) continue;  // a ministry: top level
            int parent_cluster = cluster_of(parent);
            if (m_tree_parent[parent] == no_entity) {
                const auto& entity = m_graph.entity(t);
                const auto relation = m_graph.relation(m_joined_by[t]).kind;
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
                m_view.own_cluster[t] =
                    add_cluster("cluster_" + e.id, e.name, parent_cluster, style_of(m_graph.schema, e.kind).fill, t);
                m_view.cluster[t] = m_view.own_cluster[t];
            } else {
                m_view.cluster[t] = parent_cluster;
            }
        }
        // Owned things pointed at from the organisation only go in the innermost box holding
        // everything that points at them.
        const auto& topology = m_graph.topology();
        for (EntityIndex e = 0; e < n; ++e) {
            if (m_view.mark[e] != Mark::node || m_in_tree[e] || !m_owned[m_graph.entity(e).kind]) continue;
            int common = -2;
            for (auto [it, end] = boost::in_edges(e, topology); it != end && common != -1; ++it) {
                const auto other = static_cast<EntityIndex>(boost::source(*it, topology));
                common = !m_in_tree[other] ? -1
                         : common == -2    ? cluster_of(other)
                                           : common_cluster(common, cluster_of(other));
            }
            if (common >= 0) m_view.cluster[e] = common;
        }
    }

    void group_countries() {
        const auto country = m_graph.schema.entity_kind("country");
        if (!country) return;
        std::map<std::string, int> regions;
        for (EntityIndex e = 0; e < m_view.mark.size(); ++e) {
            if (m_view.mark[e] != Mark::node || m_view.cluster[e] >= 0) continue;
            const auto& entity = m_graph.entity(e);
            if (!m_graph.schema.is_a(entity.kind, *country)) continue;
            const auto* region = entity.attributes.find("m49_region");
            if (!region || region->empty()) continue;
            auto [it, fresh] = regions.try_emplace(*region, -1);
            if (fresh)
                it->second =
                    add_cluster("cluster_region_" + *region, *region + " (UN M49 region)", -1, "#e6e0f8", no_entity);
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
    bool m_fold_outside = false;
    View m_view;
    std::vector<EntityIndex> m_tree_parent;
    std::vector<RelationIndex> m_joined_by;
    std::vector<bool> m_in_tree;
    std::set<EntityIndex> m_on_route;
};

// ---- layout hints ----

// Rough sizes in points, to wrap the parts of a large organisation so that the chart keeps a
// screen's proportions. The chart runs left to right (rankdir=LR): "along" is the room taken
// along the ranks (to the right), "cross" the room taken beside siblings (downwards). Graphviz
// does the real layout; these only choose where a new column of parts starts.
struct Extent {
    double cross = 0;
    double along = 0;
    int ranks = 1;
};

class Writer {
public:
    Writer(const Graph& graph, const DiagramParams& params, View view)
        : m_graph(graph), m_params(params), m_view(std::move(view)) {
        const auto n = graph.entities().size();
        m_highlight.assign(graph.relations().size(), false);
        for (auto r : params.highlight) m_highlight[r] = true;
        m_on_route.assign(n, false);
        for (auto r : params.highlight) {
            m_on_route[graph.relation(r).from] = true;
            m_on_route[graph.relation(r).to] = true;
        }
        // A part's relation to its ministry is drawn once per group, not once per part.
        m_summarised.assign(graph.relations().size(), false);
        for (const auto& g : m_view.groups)
            for (auto r : g.relations)
                if (!m_highlight[r]) m_summarised[r] = true;
        // Folded entities become rows of the nodes related to them.
        m_rows_start.assign(n + 1, 0);
        std::size_t edges = 0;
        for (auto r : m_view.drawn) {
            const auto& rel = graph.relation(r);
            if (m_view.mark[rel.to] == Mark::folded)
                ++m_rows_start[rel.from + 1];
            else if (m_view.mark[rel.from] == Mark::folded)
                ++m_rows_start[rel.to + 1];
            else if (!m_summarised[r])
                ++edges;
        }
        for (std::size_t i = 1; i < m_rows_start.size(); ++i) m_rows_start[i] += m_rows_start[i - 1];
        m_rows.resize(m_rows_start.back());
        auto fill = m_rows_start;
        for (auto r : m_view.drawn) {
            const auto& rel = graph.relation(r);
            if (m_view.mark[rel.to] == Mark::folded)
                m_rows[fill[rel.from]++] = r;
            else if (m_view.mark[rel.from] == Mark::folded)
                m_rows[fill[rel.to]++] = r;
        }
        // Edge labels help in a small picture and only clutter a large one; an organisation
        // chart has its legend.
        m_edge_labels = edges <= 40 && m_view.roots.empty();
        m_used_kinds.assign(graph.schema.entity_kinds().size(), false);
        m_used_relations.assign(graph.schema.relation_kinds().size(), false);
        m_group_of_part.assign(n, -1);
        m_index_in_group.assign(n, 0);
        for (std::size_t g = 0; g < m_view.groups.size(); ++g)
            for (std::size_t i = 0; i < m_view.groups[g].parts.size(); ++i) {
                m_group_of_part[m_view.groups[g].parts[i]] = static_cast<int>(g);
                m_index_in_group[m_view.groups[g].parts[i]] = i;
            }
    }

    void write(std::ostream& stream) {
        m_stream = &stream;
        const auto title = m_params.title.empty() ? m_view.what : m_params.title;
        append(std::string_view(
            "// Drawn by orgraph. Node ids are entity ids; hover a node or an edge for its sources.\n"));
        if (!m_params.highlight.empty()) {
            const auto [start, finish] = route_ends(m_params.highlight);
            const auto& first = m_graph.entity(start);
            const auto& last = m_graph.entity(finish);
            fmt::format_to(std::back_inserter(m_out), "// route: {} hop{} from {} to {}\n", m_params.highlight.size(),
                           m_params.highlight.size() == 1 ? "" : "s", first.id, last.id);
        }
        append("digraph \"orgraph\" {\n  graph [label=\"");
        append_escaped(m_out, title);
        // Diagrams run left to right: names are wide and short, so nodes stacked in columns take
        // far less room than nodes side by side.
        append(
            "\", labelloc=t, fontsize=16, fontname=\"Helvetica\", rankdir=LR, newrank=true, compound=true, "
            "nodesep=0.12, ranksep=0.3, pad=0.2, outputorder=edgesfirst];\n");
        append(
            "  node [fontname=\"Helvetica\", fontsize=10, style=filled, penwidth=0.8, margin=\"0.08,0.03\", "
            "height=0.3];\n"
            "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.5, penwidth=0.8];\n");
        for (int c = 0; c < static_cast<int>(m_view.clusters.size()); ++c)
            if (m_view.clusters[c].parent < 0) write_cluster(c, 1);
        for (EntityIndex e = 0; e < m_view.mark.size(); ++e)
            if (m_view.mark[e] == Mark::node && m_view.cluster[e] < 0) write_node(e, 1);
        for (auto r : m_view.drawn) write_edge(r);
        write_groups();
        if (m_params.legend) write_legend();
        append("}\n");
        flush(true);
    }

private:
    void append(std::string_view text) { m_out.append(text); }
    // Written out in pieces: a large graph's text never has to fit in memory at once.
    void flush(bool all = false) {
        if (!all && m_out.size() < (1U << 20)) return;
        m_stream->write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
        m_out.clear();
    }
    // Citations as a tooltip shows them; consecutive facts often cite the same.
    void append_citations(const Citations& citations) {
        if (citations != m_last_citations || m_last_cite.empty()) {
            m_last_citations = citations;
            m_last_cite.clear();
            fmt::memory_buffer text;
            append_escaped(text, m_graph.cite(citations), true);
            m_last_cite.assign(text.data(), text.size());
        }
        append(m_last_cite);
    }

    // Where a route starts and ends as walked: a step may follow its relation backward.
    std::pair<EntityIndex, EntityIndex> route_ends(const std::vector<RelationIndex>& route) const {
        const auto& first = m_graph.relation(route.front());
        EntityIndex start = first.from;
        if (route.size() > 1) {
            const auto& second = m_graph.relation(route[1]);
            if (first.from == second.from || first.from == second.to) start = first.to;
        }
        EntityIndex at = start;
        for (auto r : route) {
            const auto& rel = m_graph.relation(r);
            at = rel.from == at ? rel.to : rel.from;
        }
        return {start, at};
    }
    void indent(int level) {
        for (int i = 0; i < level; ++i) append("  ");
    }
    // An edge statement up to its attributes: `  "tail" -> "head"`.
    void append_edge(EntityIndex tail, EntityIndex head) {
        append("  ");
        append_id(m_out, m_graph.entity(tail).id);
        append(" -> ");
        append_id(m_out, m_graph.entity(head).id);
    }

    void write_cluster(int c, int level) {
        const auto& cluster = m_view.clusters[c];
        indent(level);
        append("subgraph ");
        append_id(m_out, cluster.id);
        append(" {\n");
        indent(level + 1);
        append("graph [label=\"");
        append_escaped(m_out, cluster.label);
        fmt::format_to(
            std::back_inserter(m_out),
            "\", style=\"rounded,filled\", color=\"#aaaaaa\", fillcolor=\"{}30\", fontsize={}, labeljust=l];\n",
            cluster.fill, cluster.head == no_entity ? 12 : 10);
        for (auto e : cluster.members) write_node(e, level + 1);
        for (auto child : cluster.children) write_cluster(child, level + 1);
        indent(level);
        append("}\n");
    }

    void write_node(EntityIndex e, int level) {
        const auto& entity = m_graph.entity(e);
        const auto& kind = m_graph.kind_of(e);
        const auto style = style_of(m_graph.schema, entity.kind);
        m_used_kinds[entity.kind] = true;
        indent(level);
        append_id(m_out, entity.id);
        append(" [label=");
        const auto rows_begin = m_rows_start[e], rows_end = m_rows_start[e + 1];
        if (rows_begin == rows_end) {
            m_out.push_back('"');
            bool first = true;
            for (auto line : wrap(entity.name, 24)) {
                if (!first) append("\\n");
                append_escaped(m_out, line);
                first = false;
            }
            m_out.push_back('"');
        } else {
            write_table_label(e, rows_begin, rows_end, style);
        }
        fmt::format_to(std::back_inserter(m_out), ", shape={}, fillcolor=\"{}\"", style.shape, style.fill);
        if (style.font_colour != "#000000")
            fmt::format_to(std::back_inserter(m_out), ", fontcolor=\"{}\"", style.font_colour);
        if (!style.style.empty()) fmt::format_to(std::back_inserter(m_out), ", style=\"filled,{}\"", style.style);
        if (m_on_route[e] || (m_params.focus && *m_params.focus == e))
            fmt::format_to(std::back_inserter(m_out), ", color=\"{}\", penwidth=2.5", highlight_colour);
        append(", tooltip=\"");
        append_escaped(m_out, entity.name, true);
        append("\\n");
        append_escaped(m_out, kind.label, true);
        append(" (");
        append_escaped(m_out, entity.id, true);
        append(")\\nsource: ");
        append_citations(entity.citations);
        // The relation to the ministry that the group's single edge stands for.
        if (m_group_of_part[e] >= 0) {
            const auto& group = m_view.groups[m_group_of_part[e]];
            const auto& rel = m_graph.relation(group.relations[m_index_in_group[e]]);
            append("\\n");
            append_escaped(m_out, m_graph.schema.relation_kind(rel.kind).label, true);
            append(" ");
            append_escaped(m_out, m_graph.entity(rel.to).name, true);
            append(": ");
            append_escaped(m_out, m_graph.cite(rel.citations), true);
        }
        append("\"];\n");
        flush();
    }

    // A node with folded entities: its name, then one row per relation kind and direction
    // listing the folded entities ("covers (3): China, Mongolia, Japan").
    void write_table_label(EntityIndex e, std::size_t begin, std::size_t end, const KindStyle& style) {
        append("<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
        const bool white = style.font_colour == "#ffffff";
        for (auto line : wrap(m_graph.entity(e).name, 32)) {
            append("<TR><TD><B>");
            append_html(m_out, line);
            append("</B></TD></TR>");
        }
        for (const auto& [key, others] : fold_groups(e, begin, end)) {
            const auto& [kind_index, outgoing, derived] = key;
            const auto& kind = m_graph.schema.relation_kind(kind_index);
            const auto& verb = outgoing ? kind.label : kind.inverse;
            append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\"");
            if (!white) append(" COLOR=\"#333333\"");
            append("><I>");
            append_html(m_out, verb.empty() ? kind.id : verb);
            fmt::format_to(std::back_inserter(m_out), " ({}{}):</I>", derived ? "derived, " : "", others.size());
            std::size_t width = 0;
            for (std::size_t i = 0; i < others.size(); ++i) {
                const auto& name = m_graph.entity(others[i]).name;
                if (i > 0 && width + name.size() > row_width) {
                    append("<BR/>");
                    width = 0;
                } else {
                    m_out.push_back(' ');
                }
                append_html(m_out, name);
                width += name.size() + 2;
                if (i + 1 < others.size()) m_out.push_back(',');
            }
            append("</FONT></TD></TR>");
        }
        append("</TABLE>>");
    }

    static constexpr std::size_t row_width = 60;  // bytes of names on one line of a table row

    // The folded entities of a node grouped by (relation kind, direction), in the order the
    // relations were added.
    using RowKey = std::tuple<RelationKindIndex, bool, bool>;  // kind, outgoing, derived
    std::vector<std::pair<RowKey, std::vector<EntityIndex>>> fold_groups(EntityIndex e, std::size_t begin,
                                                                         std::size_t end) const {
        std::vector<std::pair<RowKey, std::vector<EntityIndex>>> groups;
        std::set<std::pair<std::size_t, EntityIndex>> seen;
        for (auto i = begin; i < end; ++i) {
            const auto& rel = m_graph.relation(m_rows[i]);
            const bool outgoing = rel.from == e;
            const RowKey key{rel.kind, outgoing, rel.derived};
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
            if (it == groups.end()) {
                groups.push_back({key, {}});
                it = groups.end() - 1;
            }
            const auto other = outgoing ? rel.to : rel.from;
            if (seen.insert({static_cast<std::size_t>(it - groups.begin()), other}).second) it->second.push_back(other);
        }
        return groups;
    }

    void write_edge(RelationIndex r) {
        const auto& rel = m_graph.relation(r);
        if (m_view.mark[rel.from] != Mark::node || m_view.mark[rel.to] != Mark::node || m_summarised[r]) return;
        const auto& kind = m_graph.kind_of_relation(r);
        m_used_relations[rel.kind] = true;
        // A containment relation is drawn from the container down to its part (the arrow still
        // points at the container), so that an organisation chart reads top-down.
        const bool reverse = kind.backward;
        append_edge(reverse ? rel.to : rel.from, reverse ? rel.from : rel.to);
        fmt::format_to(std::back_inserter(m_out), " [color=\"{}\"",
                       m_highlight[r] ? highlight_colour : colour_of(rel.kind));
        if (reverse) append(", dir=back");
        if (m_highlight[r]) append(", penwidth=2.5");
        if (rel.derived) append(", style=dashed");
        if (m_edge_labels || m_highlight[r]) {
            append(", label=\"");
            append_escaped(m_out, kind.label.empty() ? kind.id : kind.label);
            fmt::format_to(std::back_inserter(m_out), "\", fontcolor=\"{}\"",
                           m_highlight[r] ? highlight_colour : colour_of(rel.kind));
        }
        append(", tooltip=\"");
        append_escaped(m_out, m_graph.entity(rel.from).name, true);
        m_out.push_back(' ');
        append_escaped(m_out, kind.label.empty() ? kind.id : kind.label, true);
        m_out.push_back(' ');
        append_escaped(m_out, m_graph.entity(rel.to).name, true);
        if (rel.derived) {
            append(" (derived by rule ");
            append_escaped(m_out, rel.rule, true);
            m_out.push_back(')');
        }
        append("\\nsource: ");
        append_citations(rel.citations);
        append("\"];\n");
        flush();
    }

    // ---- groups of parts: one edge each, parts wrapped into rows ----

    // Bytes of a row of folded names, each with its separator.
    std::size_t names_width(const std::vector<EntityIndex>& entities) const {
        std::size_t total = 0;
        for (auto e : entities) total += m_graph.entity(e).name.size() + 2;
        return total;
    }

    double node_width(EntityIndex e) const {
        const auto begin = m_rows_start[e], end = m_rows_start[e + 1];
        if (begin == end) {
            std::size_t longest = 0;
            for (auto line : wrap(m_graph.entity(e).name, 24)) longest = std::max(longest, line.size());
            return 16 + 5.6 * static_cast<double>(longest);
        }
        std::size_t longest = 0;
        for (const auto& [key, others] : fold_groups(e, begin, end))
            longest = std::max(longest, std::min(names_width(others) + 16, row_width + 16));
        for (auto line : wrap(m_graph.entity(e).name, 32)) longest = std::max(longest, line.size() + line.size() / 5);
        return 16 + 4.6 * static_cast<double>(longest);
    }

    double node_height(EntityIndex e) const {
        const auto begin = m_rows_start[e], end = m_rows_start[e + 1];
        if (begin == end) return 8 + 12 * static_cast<double>(wrap(m_graph.entity(e).name, 24).size());
        double lines = static_cast<double>(wrap(m_graph.entity(e).name, 32).size()) * 12;
        for (const auto& [key, others] : fold_groups(e, begin, end))
            lines += 10 * static_cast<double>(1 + names_width(others) / row_width);
        return 8 + lines;
    }

    // The nodes inside a cluster, its sub-clusters' included.
    void collect(int c, std::vector<EntityIndex>& out) const {
        const auto& cluster = m_view.clusters[c];
        out.insert(out.end(), cluster.members.begin(), cluster.members.end());
        for (auto child : cluster.children) collect(child, out);
    }

    // The extent of one part: a node, or a box with what it contains, ranked along the edges.
    Extent extent_of(EntityIndex part) {
        Extent x;
        const int c = m_view.own_cluster[part];
        if (c < 0) {
            x.cross = node_height(part) + node_gap;
            x.along = node_width(part) + rank_gap;
            return x;
        }
        std::vector<EntityIndex> nodes;
        collect(c, nodes);
        std::map<EntityIndex, int> rank;
        for (auto e : nodes) rank[e] = -1;
        rank[part] = 0;
        // Longest path from the head along drawn edges (as Graphviz orients them), bounded so
        // that a cycle cannot loop.
        for (int pass = 0; pass < 12; ++pass) {
            bool changed = false;
            for (auto e : nodes) {
                for (auto r : m_graph.out_relations(e)) {
                    const auto& rel = m_graph.relation(r);
                    if (m_view.mark[rel.to] != Mark::node) continue;
                    const bool reverse = m_graph.kind_of_relation(r).backward;
                    const auto tail = reverse ? rel.to : rel.from, head = reverse ? rel.from : rel.to;
                    auto t = rank.find(tail), h = rank.find(head);
                    if (t == rank.end() || h == rank.end() || t->second < 0) continue;
                    if (h->second < t->second + 1 && t->second + 1 < 12) {
                        h->second = t->second + 1;
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
        std::map<int, std::pair<double, double>> per_rank;  // cross, along
        for (auto [e, r] : rank) {
            auto& [cross, along] = per_rank[e == part ? 0 : std::max(r, 1)];
            cross += node_height(e) + node_gap;
            along = std::max(along, node_width(e) + rank_gap);
        }
        x.ranks = per_rank.rbegin()->first + 1;
        for (const auto& [r, size] : per_rank) {
            x.cross = std::max(x.cross, size.first);
            x.along += size.second;
        }
        x.cross += cluster_padding;
        x.along += cluster_padding;
        return x;
    }

    // Measured against Graphviz's layouts of the built-in dataset: nodesep=0.12 and ranksep=0.3
    // plus the room edges and box labels take.
    static constexpr double node_gap = 13;
    static constexpr double rank_gap = 22;
    static constexpr double cluster_padding = 34;

    struct Layout {
        std::vector<std::vector<std::size_t>> rows;  // indices of parts; a row runs downwards
        double cross = 0, along = 0;
    };

    static Layout wrap_rows(const std::vector<Extent>& parts, double budget) {
        Layout layout;
        double cross = 0, along = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (layout.rows.empty() || (cross + parts[i].cross > budget && !layout.rows.back().empty())) {
                layout.along += along;
                layout.rows.emplace_back();
                cross = along = 0;
            }
            layout.rows.back().push_back(i);
            cross += parts[i].cross;
            along = std::max(along, parts[i].along);
            layout.cross = std::max(layout.cross, cross);
        }
        layout.along += along;
        return layout;
    }

    // Chooses how far each group of parts may run downwards before a new column starts (one
    // budget for all groups) so that the whole chart is about 16:10, then writes the group
    // edges and the invisible edges that place the columns.
    // Beyond this many parts a chart is not for reading on a screen: the parts of each group
    // are stacked in one column and no layout is estimated, which keeps the writer linear.
    static constexpr std::size_t wrapped_parts_limit = 2000;

    void write_groups() {
        if (m_view.groups.empty()) return;
        std::size_t parts = 0;
        for (const auto& g : m_view.groups) parts += g.parts.size();
        if (parts > wrapped_parts_limit) {
            for (const auto& group : m_view.groups) {
                Layout one_column;
                one_column.rows.emplace_back();
                for (std::size_t i = 0; i < group.parts.size(); ++i) one_column.rows.back().push_back(i);
                write_group(group, one_column, {});
            }
            return;
        }
        std::vector<std::vector<Extent>> extents;
        double root_along = 0;
        for (auto root : m_view.roots) root_along = std::max(root_along, node_width(root) + rank_gap);
        for (const auto& g : m_view.groups) {
            auto& ex = extents.emplace_back();
            for (auto p : g.parts) ex.push_back(extent_of(p));
        }
        // Each group may wrap at its own budget: for a chart width W, every group takes the
        // wrapping that runs down least without growing wider than W; W is chosen for 16:10.
        std::vector<std::vector<Layout>> candidates(extents.size());
        for (std::size_t g = 0; g < extents.size(); ++g) {
            double tallest = 0;
            for (const auto& e : extents[g]) tallest = std::max(tallest, e.cross);
            double total = 0;
            for (const auto& e : extents[g]) total += e.cross;
            // At most 64 wrappings per group, so that choosing stays cheap.
            const double step = std::max(tallest / 8, (total - tallest) / 64);
            for (double budget = tallest;; budget += step) {
                candidates[g].push_back(wrap_rows(extents[g], budget));
                if (budget >= total) break;
            }
        }
        std::vector<double> widths;
        for (const auto& c : candidates)
            for (const auto& layout : c) widths.push_back(layout.along);
        std::sort(widths.begin(), widths.end());
        widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
        std::vector<Layout> best;
        double best_score = 0;
        for (const double width : widths) {
            std::vector<Layout> layouts;
            double cross = 0, along = 0;
            for (const auto& c : candidates) {
                const Layout* pick = nullptr;
                for (const auto& layout : c)
                    if (layout.along <= width && (!pick || layout.cross < pick->cross)) pick = &layout;
                if (!pick)
                    for (const auto& layout : c)
                        if (!pick || layout.along < pick->along) pick = &layout;
                layouts.push_back(*pick);
                cross += pick->cross + cluster_padding;
                along = std::max(along, pick->along + cluster_padding);
            }
            const double score = std::abs(std::log((along + root_along) / cross / 1.6));
            if (best.empty() || score < best_score - 1e-9) {
                best = std::move(layouts);
                best_score = score;
            }
        }
        for (std::size_t g = 0; g < m_view.groups.size(); ++g) write_group(m_view.groups[g], best[g], extents[g]);
    }

    // The group's one visible edge, from the ministry into the box of its parts, and the
    // invisible edges that place its columns (`extents` empty: one column).
    void write_group(const PartGroup& group, const Layout& layout, const std::vector<Extent>& extents) {
        const auto& rows = layout.rows;
        const auto root = group.root;
        const auto& kind = m_graph.schema.relation_kind(group.relation);
        const auto& cluster = m_view.clusters[group.cluster];
        const auto first = group.parts[rows[0][0]];
        append_edge(root, first);
        fmt::format_to(std::back_inserter(m_out), " [lhead=\"{}\", color=\"{}\", penwidth=1.2", cluster.id,
                       colour_of(group.relation));
        if (kind.backward) append(", dir=back");
        append(", label=\"");
        append_escaped(m_out, kind.backward ? kind.inverse : kind.label);
        fmt::format_to(std::back_inserter(m_out), "\", fontcolor=\"{}\", tooltip=\"", colour_of(group.relation));
        append_escaped(m_out,
                       fmt::format("{} {} {}: see each part's tooltip for the sources", m_graph.entity(root).name,
                                   kind.backward ? kind.inverse : kind.label, cluster.label),
                       true);
        append("\"];\n");
        m_used_relations[group.relation] = true;
        for (std::size_t i = 1; i < rows[0].size(); ++i) {
            append_edge(root, group.parts[rows[0][i]]);
            append(" [style=invis];\n");
        }
        for (std::size_t r = 1; r < rows.size(); ++r) {
            for (std::size_t i = 0; i < rows[r].size(); ++i) {
                const auto above = rows[r - 1][std::min(i, rows[r - 1].size() - 1)];
                append_edge(group.parts[above], group.parts[rows[r][i]]);
                fmt::format_to(std::back_inserter(m_out), " [style=invis, minlen={}];\n", extents[above].ranks);
            }
        }
    }

    std::string_view colour_of(RelationKindIndex kind) const { return edge_palette[kind % std::size(edge_palette)]; }

    void write_legend() {
        append(
            "  \"orgraph:legend\" [shape=plaintext, style=\"\", margin=0, tooltip=\"legend\", label=<<TABLE "
            "BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
            "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>");
        const auto& schema = m_graph.schema;
        for (KindIndex k = 0; k < schema.entity_kinds().size(); ++k) {
            if (!m_used_kinds[k]) continue;
            const auto style = style_of(schema, k);
            fmt::format_to(std::back_inserter(m_out),
                           "<TR><TD BGCOLOR=\"{}\" BORDER=\"1\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\"><FONT "
                           "POINT-SIZE=\"9\">",
                           style.fill);
            append_html(m_out, schema.entity_kind(k).label);
            append("</FONT></TD></TR>");
        }
        for (RelationKindIndex k = 0; k < schema.relation_kinds().size(); ++k) {
            if (!m_used_relations[k]) continue;
            const auto& kind = schema.relation_kind(k);
            legend_arrow(colour_of(k), kind.label.empty() ? kind.id : kind.label);
        }
        if (!m_params.highlight.empty()) legend_arrow(highlight_colour, "route");
        append("</TABLE>>];\n");
    }

    void legend_arrow(std::string_view colour, std::string_view label) {
        fmt::format_to(std::back_inserter(m_out),
                       "<TR><TD><FONT COLOR=\"{}\" POINT-SIZE=\"9\"><B>&#8594;</B></FONT></TD><TD "
                       "ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">",
                       colour);
        append_html(m_out, label);
        append("</FONT></TD></TR>");
    }

    const Graph& m_graph;
    const DiagramParams& m_params;
    View m_view;
    fmt::memory_buffer m_out;
    std::ostream* m_stream = nullptr;
    Citations m_last_citations;
    std::string m_last_cite;
    std::vector<bool> m_highlight, m_on_route, m_summarised;
    std::vector<std::size_t> m_rows_start;
    std::vector<RelationIndex> m_rows;
    bool m_edge_labels = true;
    std::vector<bool> m_used_kinds, m_used_relations;
    std::vector<int> m_group_of_part;
    std::vector<std::size_t> m_index_in_group;
};

}  // namespace

void write_dot(std::ostream& out, const Graph& graph, const DiagramParams& params) {
    if (params.focus && *params.focus >= graph.entities().size()) throw diagram_error("the focus is not an entity");
    for (auto r : params.highlight)
        if (r >= graph.relations().size()) throw diagram_error("a highlighted relation does not exist");
    auto view = Builder(graph, params).build();
    Writer(graph, params, std::move(view)).write(out);
}

std::string write_dot(const Graph& graph, const DiagramParams& params) {
    std::ostringstream out;
    write_dot(out, graph, params);
    return std::move(out).str();
}

std::optional<std::vector<RelationIndex>> shortest_route(const Graph& graph, EntityIndex from, EntityIndex to,
                                                         const std::vector<std::string>& relations) {
    // The same search as `orgraph path`, so that a highlighted route is the route it prints.
    TraversalParams traversal;
    traversal.via = relations;
    std::optional<Route> route;
    try {
        const TraversalView view(graph, traversal);
        route = shortest_path(view, from, to);
    } catch (const unknown_kind_error& e) {
        throw diagram_error(e.what());
    }
    if (!route) return std::nullopt;
    std::vector<RelationIndex> relations_walked;
    for (const auto& step : *route) relations_walked.push_back(step.relation);
    return relations_walked;
}

std::vector<RelationIndex> route_relations(const Graph& graph, const std::vector<RouteHop>& hops) {
    std::vector<RelationIndex> route;
    for (const auto& hop : hops) {
        const auto from = graph.find(hop.from);
        const auto to = graph.find(hop.to);
        if (!from) throw diagram_error(fmt::format("the route names an unknown entity '{}'", hop.from));
        if (!to) throw diagram_error(fmt::format("the route names an unknown entity '{}'", hop.to));
        std::optional<RelationIndex> found;
        auto consider = [&](RelationIndex r) {
            if (found) return;
            const auto& rel = graph.relation(r);
            if (!hop.kind.empty() && graph.schema.relation_kind(rel.kind).id != hop.kind) return;
            if ((rel.from == *from && rel.to == *to) || (rel.from == *to && rel.to == *from)) found = r;
        };
        for (auto r : graph.out_relations(*from)) consider(r);
        for (auto r : graph.in_relations(*from)) consider(r);
        if (!found)
            throw diagram_error(fmt::format("no {}relation joins '{}' and '{}' in the loaded data",
                                            hop.kind.empty() ? std::string{} : "'" + hop.kind + "' ", hop.from,
                                            hop.to));
        route.push_back(*found);
    }
    return route;
}

namespace {

std::optional<std::string> id_of(const JsonValue* v) {
    if (!v) return std::nullopt;
    if (v->is_string()) return v->text;
    if (v->is_object()) {
        if (const auto* id = v->find("id"); id && id->is_string()) return id->text;
    }
    return std::nullopt;
}

void collect_hops(const JsonValue& v, const TextPositions& positions, std::vector<RouteHop>& hops) {
    if (v.is_object()) {
        for (const auto& [key, member] : v.members) {
            // `orgraph path --format json` lists each route's steps under "route"; a step's
            // "derived_from" holds the facts behind it, which are not steps of the route.
            if (key == "derived_from") continue;
            if ((key == "route" || key == "hops" || key == "steps") && member.is_array()) {
                for (const auto& hop : member.items) {
                    const auto from = id_of(hop.find("from"));
                    const auto to = id_of(hop.find("to"));
                    if (!hop.is_object() || !from || !to) {
                        const auto [line, column] = positions.at(hop.offset);
                        throw diagram_error(fmt::format("{}:{}: a step without from.id and to.id", line, column));
                    }
                    RouteHop h{*from, *to, {}};
                    for (const char* k : {"kind", "relation"}) {
                        if (const auto* kind = hop.find(k)) {
                            if (kind->is_string())
                                h.kind = kind->text;
                            else if (auto id = id_of(kind))
                                h.kind = *id;
                        }
                    }
                    hops.push_back(std::move(h));
                }
            } else {
                collect_hops(member, positions, hops);
            }
        }
    } else if (v.is_array()) {
        for (const auto& item : v.items) collect_hops(item, positions, hops);
    }
}

}  // namespace

std::vector<RouteHop> read_route_json(std::string_view json) {
    JsonSyntaxError error;
    const auto root = parse_json(json, error);
    const TextPositions positions(json);
    if (!root) {
        const auto [line, column] = positions.at(error.offset);
        throw diagram_error(fmt::format("{}:{}: JSON syntax: {}", line, column, error.message));
    }
    std::vector<RouteHop> hops;
    collect_hops(*root, positions, hops);
    if (hops.empty())
        throw diagram_error(
            "the JSON holds no route (expected the output of orgraph path --format json: routes, "
            "each with a \"route\" array of steps with from.id and to.id)");
    return hops;
}

}  // namespace orgraph
