// NetworkX node-link JSON, as networkx.node_link_graph(data) of NetworkX 3.4 and later reads it
// without arguments: the edges under "edges" (NetworkX 2.8 to 3.3 read them with
// link="edges"), each with "source", "target" and a "key" (the same "rN" as the GraphML edge
// id). Citations are under "provenance", since "source" names an edge's start. The graph
// attributes carry the schema and the sources (export_text::embedded_dataset), so that the file
// loads back alone. One node or edge per line, so that two exports compare line by line.

#include <fmt/format.h>

#include <set>

#include "orgraph/write/interchange.hpp"
#include "orgraph/write/json_writer.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

const std::set<std::string, std::less<>> node_fields = {"id",         "kind",   "name",       "short_name", "aliases",
                                                        "provenance", "source", "valid_from", "valid_to",   "label"};
const std::set<std::string, std::less<>> edge_fields = {"source",  "target",     "key",        "kind",
                                                        "name",    "provenance", "valid_from", "valid_to",
                                                        "derived", "rule",       "label",      "id"};

void string_member(std::string& out, std::string_view key, std::string_view value) {
    out += ", ";
    out += JsonWriter::escape(key);
    out += ": ";
    out += JsonWriter::escape(value);
}

void citation_array(std::string& out, const Graph& graph, const Citations& citations) {
    out += ", \"provenance\": [";
    for (std::size_t i = 0; i < citations.size(); ++i) {
        if (i > 0) out += ", ";
        out += JsonWriter::escape(export_text::citation(graph, citations[i]));
    }
    out += ']';
}

}  // namespace

void write_node_link_json(std::ostream& stream, const Graph& graph) {
    for (const auto& k : export_text::entity_attribute_keys(graph))
        if (node_fields.contains(k))
            throw export_error(
                fmt::format("an entity attribute is named '{}', as a node-link field orgraph writes", k));
    for (const auto& k : export_text::relation_attribute_keys(graph, true))
        if (edge_fields.contains(k))
            throw export_error(
                fmt::format("a relation attribute is named '{}', as a node-link field orgraph writes", k));

    std::string out = "{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"orgraph\"";
    string_member(out, export_text::embedded_dataset_key,
                  export_text::dataset_toml(graph,
                                            "# The schema and the sources of this graph, written by `orgraph export`: "
                                            "`orgraph --data FILE` reads them with the graph."));
    out += "}, \"nodes\": [\n";
    auto flush = [&] {
        if (out.size() > (1U << 20)) {
            stream.write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    };
    for (EntityIndex i = 0; i < graph.entities().size(); ++i) {
        const auto& e = graph.entity(i);
        out += "{\"id\": ";
        out += JsonWriter::escape(e.id);
        string_member(out, "kind", graph.schema.entity_kind(e.kind).id);
        string_member(out, "name", e.name);
        if (!e.short_name.empty()) string_member(out, "short_name", e.short_name);
        if (!e.aliases.empty()) {
            out += ", \"aliases\": [";
            for (std::size_t a = 0; a < e.aliases.size(); ++a) {
                if (a > 0) out += ", ";
                out += JsonWriter::escape(e.aliases[a]);
            }
            out += ']';
        }
        citation_array(out, graph, e.citations);
        if (e.validity.from) string_member(out, "valid_from", e.validity.from->to_string());
        if (e.validity.to) string_member(out, "valid_to", e.validity.to->to_string());
        for (const auto& a : e.attributes) string_member(out, a.key, a.value);
        out += i + 1 < graph.entities().size() ? "},\n" : "}\n";
        flush();
    }
    out += "], \"edges\": [\n";
    for (RelationIndex i = 0; i < graph.relations().size(); ++i) {
        const auto& r = graph.relation(i);
        const auto& kind = graph.schema.relation_kind(r.kind);
        out += "{\"source\": ";
        out += JsonWriter::escape(graph.entity(r.from).id);
        out += ", \"target\": ";
        out += JsonWriter::escape(graph.entity(r.to).id);
        out += fmt::format(", \"key\": \"r{}\"", i);
        string_member(out, "kind", kind.id);
        string_member(out, "name", kind.label);
        citation_array(out, graph, r.citations);
        if (r.validity.from) string_member(out, "valid_from", r.validity.from->to_string());
        if (r.validity.to) string_member(out, "valid_to", r.validity.to->to_string());
        out += r.derived ? ", \"derived\": true" : ", \"derived\": false";
        if (r.derived) string_member(out, "rule", r.rule);
        for (const auto& a : r.attributes) string_member(out, a.key, a.value);
        out += i + 1 < graph.relations().size() ? "},\n" : "}\n";
        flush();
    }
    out += "]}\n";
    stream.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace orgraph
