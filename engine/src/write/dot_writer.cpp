#include "orgraph/write/dot_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>

#include "write/diagram_builder.hpp"
#include "write/diagram_style.hpp"
#include "write/dot_text.hpp"

namespace orgraph {
namespace {

using namespace dot_detail;

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
    bool has_caption(EntityIndex e) const { return e < m_view.caption.size() && !m_view.caption[e].empty(); }
    // Bytes of a name on one line of a plain node; a node with a caption is wider for it anyway.
    std::size_t name_width(EntityIndex e) const { return has_caption(e) ? 30 : 24; }
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
            for (auto line : wrap(entity.name, name_width(e))) {
                if (!first) append("\\n");
                append_escaped(m_out, line);
                first = false;
            }
            if (has_caption(e)) {
                append("\\n");
                append_escaped(m_out, m_view.caption[e]);
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
    // listing the folded entities by their list names ("covers (3): China; Mongolia; Japan").
    void write_table_label(EntityIndex e, std::size_t begin, std::size_t end, const NodeStyle& style) {
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
                const auto name = list_name(m_graph, others[i]);
                if (i > 0 && width + name.size() > row_width) {
                    append("<BR/>");
                    width = 0;
                } else {
                    m_out.push_back(' ');
                }
                append_html(m_out, name);
                width += name.size() + 2;
                // Names such as "Congo, The Democratic Republic of the" hold commas of their own.
                if (i + 1 < others.size()) m_out.push_back(';');
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
        // A containment relation is drawn from the container down to its part, so that an
        // organisation chart reads top-down, and says so: "has part", its arrow at the part.
        const bool reverse = kind.backward && !kind.inverse.empty();
        const auto& drawn = reverse ? kind.inverse : kind.label;
        append_edge(reverse ? rel.to : rel.from, reverse ? rel.from : rel.to);
        fmt::format_to(std::back_inserter(m_out), " [color=\"{}\"",
                       m_highlight[r] ? highlight_colour : relation_colour(m_graph.schema, rel.kind));
        if (m_highlight[r]) append(", penwidth=2.5");
        if (rel.derived) append(", style=dashed");
        if (m_edge_labels || m_highlight[r]) {
            append(", label=\"");
            append_escaped(m_out, drawn.empty() ? kind.id : drawn);
            fmt::format_to(std::back_inserter(m_out), "\", fontcolor=\"{}\"",
                           m_highlight[r] ? highlight_colour : relation_colour(m_graph.schema, rel.kind));
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
        for (auto e : entities) total += list_name(m_graph, e).size() + 2;
        return total;
    }

    double node_width(EntityIndex e) const {
        const auto begin = m_rows_start[e], end = m_rows_start[e + 1];
        if (begin == end) {
            std::size_t longest = 0;
            for (auto line : wrap(m_graph.entity(e).name, name_width(e))) longest = std::max(longest, line.size());
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
        if (begin == end)
            return 8 + 12 * static_cast<double>(wrap(m_graph.entity(e).name, name_width(e)).size() +
                                                (has_caption(e) ? 1 : 0));
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
                       relation_colour(m_graph.schema, group.relation));
        append(", label=\"");
        append_escaped(m_out, kind.backward ? kind.inverse : kind.label);
        fmt::format_to(std::back_inserter(m_out), "\", fontcolor=\"{}\", tooltip=\"",
                       relation_colour(m_graph.schema, group.relation));
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
            // Labelled as edges of the kind are drawn: a containment from the container.
            const auto& drawn = kind.backward && !kind.inverse.empty() ? kind.inverse : kind.label;
            legend_arrow(relation_colour(schema, k), drawn.empty() ? kind.id : drawn);
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
    if (params.overview && (params.focus || params.fold || !params.highlight.empty()))
        throw diagram_error("an overview draws the organisation's top levels only: no focus, fold or highlight");
    for (auto r : params.highlight)
        if (r >= graph.relations().size()) throw diagram_error("a highlighted relation does not exist");
    auto view = dot_detail::build_view(graph, params);
    Writer(graph, params, std::move(view)).write(out);
}

std::string write_dot(const Graph& graph, const DiagramParams& params) {
    std::ostringstream out;
    write_dot(out, graph, params);
    return std::move(out).str();
}

}  // namespace orgraph
