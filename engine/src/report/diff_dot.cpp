#include "orgraph/report/diff_dot.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>

#include "write/dot_text.hpp"

namespace orgraph {
namespace {

using dot_detail::append_escaped;
using dot_detail::append_id;

struct Style {
    std::string_view color;
    std::string_view style;
    std::string_view mark;  // before the label, for readers without colour
};

Style style_of(ChangeType type) {
    switch (type) {
        case ChangeType::added:
            return {"#1a9850", "bold", "+ "};
        case ChangeType::removed:
            return {"#d73027", "dashed", "- "};
        case ChangeType::changed:
            return {"#f08c00", "solid", "~ "};
    }
    return {"#f08c00", "solid", "~ "};
}

std::string fields_text(const std::vector<FieldChange>& fields) {
    std::string text;
    // A change of sources lists the citations dropped and those added.
    for (const auto& f : fields)
        text += fmt::format("\n{}: {} -> {}", f.field == "sources" ? "citations" : f.field,
                            f.before.empty() ? "(none)" : f.before, f.after.empty() ? "(none)" : f.after);
    return text;
}

}  // namespace

std::string diff_dot(const Graph& before, const Graph& after, const GraphDiff& diff, const std::string& title) {
    fmt::memory_buffer out;
    fmt::format_to(std::back_inserter(out), "digraph diff {{\n  graph [rankdir=LR, fontname=\"Helvetica\", label=\"");
    append_escaped(out, title);
    fmt::format_to(std::back_inserter(out),
                   "\", labelloc=t];\n  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=10];\n"
                   "  edge [fontname=\"Helvetica\", fontsize=9];\n");

    // Entities drawn: the changed ones in their style, and the ends of changed relations in grey.
    std::map<std::string_view, const EntityChange*> changed;
    for (const auto& e : diff.entities) changed.emplace(e.id, &e);
    std::map<std::string_view, std::pair<const Graph*, EntityIndex>> context;
    for (const auto& r : diff.relations) {
        const auto& graph = r.after ? after : before;
        const auto& record = graph.relation_record(r.after ? *r.after : *r.before);
        for (const auto end : {record.from, record.to})
            if (!changed.contains(graph.entity_id(end))) context.emplace(graph.entity_id(end), std::pair{&graph, end});
    }
    auto node = [&](std::string_view id, const Graph& graph, EntityIndex e, const Style* style,
                    const std::string& tooltip) {
        out.append(std::string_view("  "));
        append_id(out, id);
        out.append(std::string_view(" [label=\""));
        append_escaped(out, fmt::format("{}{}\n({})", style ? style->mark : "", graph.entity_name(e), id));
        out.append(std::string_view("\", tooltip=\""));
        append_escaped(out, tooltip, true);
        if (style)
            fmt::format_to(std::back_inserter(out), "\", color=\"{}\", fontcolor=\"{}\", style=\"rounded,{}\"];\n",
                           style->color, style->color, style->style);
        else
            out.append(std::string_view("\", color=\"#999999\", fontcolor=\"#666666\"];\n"));
    };
    // Both lists are by id: merge them so the nodes come in one order.
    auto c = changed.begin();
    auto x = context.begin();
    while (c != changed.end() || x != context.end()) {
        if (x == context.end() || (c != changed.end() && c->first < x->first)) {
            const auto& e = *c->second;
            const auto& graph = e.after ? after : before;
            const auto index = e.after ? *e.after : *e.before;
            const auto style = style_of(e.type);
            node(
                e.id, graph, index, &style,
                fmt::format("{} {}\nsources: {}{}",
                            e.type == ChangeType::added     ? "added"
                            : e.type == ChangeType::removed ? "removed"
                                                            : "changed",
                            graph.kind_of(index).id, graph.cite(graph.entity(index).citations), fields_text(e.fields)));
            ++c;
        } else {
            const auto [graph, index] = x->second;
            node(x->first, *graph, index, nullptr,
                 fmt::format("unchanged {}\nsources: {}", graph->kind_of(index).id,
                             graph->cite(graph->entity(index).citations)));
            ++x;
        }
    }

    for (const auto& r : diff.relations) {
        const auto& graph = r.after ? after : before;
        const auto index = r.after ? *r.after : *r.before;
        const auto relation = graph.relation(index);
        const auto style = style_of(r.type);
        out.append(std::string_view("  "));
        append_id(out, graph.entity_id(relation.from));
        out.append(std::string_view(" -> "));
        append_id(out, graph.entity_id(relation.to));
        out.append(std::string_view(" [label=\""));
        append_escaped(out, fmt::format("{}{}", style.mark, graph.kind_of_relation(index).id));
        out.append(std::string_view("\", tooltip=\""));
        append_escaped(out, fmt::format("sources: {}{}", graph.cite(relation.citations), fields_text(r.fields)), true);
        fmt::format_to(std::back_inserter(out), "\", color=\"{}\", fontcolor=\"{}\", style=\"{}\"];\n", style.color,
                       style.color, style.style);
    }
    out.append(std::string_view("}\n"));
    return fmt::to_string(out);
}

}  // namespace orgraph
