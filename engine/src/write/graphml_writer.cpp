// GraphML: one <key> per attribute with its attr.name and attr.type, kind, label and source on
// every node and edge, directed. A node's `name` is its id, as igraph names a vertex by the
// attribute `name` (g.vs.find(name="aad1")); its display name is `label`, which Gephi shows.
// The graph attribute `orgraph_dataset` carries the schema and the sources as TOML, so that the
// file loads back alone. Read back by orgraph itself (--data FILE.graphml), NetworkX, igraph,
// graph-tool, Gephi, yEd and Boost's read_graphml.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "orgraph/model/visible_text.hpp"
#include "orgraph/write/interchange.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

// A key id: readable when the name allows it ("n_kind"), numbered otherwise.
std::string key_id(char domain, const std::string& name, std::size_t index) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.';
    });
    return plain ? fmt::format("{}_{}", domain, name) : fmt::format("{}{}", domain, index);
}

const std::set<std::string, std::less<>> node_fields = {"kind",       "name",     "short_name", "aliases", "source",
                                                        "valid_from", "valid_to", "provenance", "label",   "id"};
const std::set<std::string, std::less<>> edge_fields = {
    "kind", "name", "source", "valid_from", "valid_to", "derived", "rule", "provenance", "label", "id", "key"};

}  // namespace

void write_graphml(std::ostream& stream, const Graph& graph) {
    const auto entity_keys = export_text::entity_attribute_keys(graph);
    const auto relation_keys = export_text::relation_attribute_keys(graph, true);
    for (const auto& k : entity_keys)
        if (node_fields.contains(k))
            throw export_error(fmt::format("an entity attribute is named '{}', as a GraphML field orgraph writes", k));
    for (const auto& k : relation_keys)
        if (edge_fields.contains(k))
            throw export_error(fmt::format("a relation attribute is named '{}', as a GraphML field orgraph writes", k));

    std::string out;
    out.reserve(512 + graph.entities().size() * 200 + graph.relations().size() * 200);
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    using KeyIds = std::map<std::string, std::string, std::less<>>;
    KeyIds node_key, edge_key;
    auto declare = [&](char domain, const std::string& name, std::string_view type, KeyIds& ids) {
        const auto id = key_id(domain, name, ids.size());
        ids[name] = id;
        out += fmt::format("  <key id=\"{}\" for=\"{}\" attr.name=\"", id, domain == 'n' ? "node" : "edge");
        append_xml(out, name, true);
        out += fmt::format("\" attr.type=\"{}\"/>\n", type);
    };
    out += "  <key id=\"g_";
    out += export_text::embedded_dataset_key;
    out += "\" for=\"graph\" attr.name=\"";
    out += export_text::embedded_dataset_key;
    out += "\" attr.type=\"string\"/>\n";
    for (const char* name : {"kind", "name", "label", "short_name", "aliases", "source", "valid_from", "valid_to"})
        declare('n', name, "string", node_key);
    for (const auto& k : entity_keys) declare('n', k, "string", node_key);
    for (const char* name : {"kind", "label", "source", "valid_from", "valid_to"})
        declare('e', name, "string", edge_key);
    declare('e', "derived", "boolean", edge_key);
    declare('e', "rule", "string", edge_key);
    for (const auto& k : relation_keys) declare('e', k, "string", edge_key);
    out += "  <graph id=\"orgraph\" edgedefault=\"directed\">\n    <data key=\"g_";
    out += export_text::embedded_dataset_key;
    out += "\">";
    append_xml(out,
               export_text::dataset_toml(graph,
                                         "# The schema and the sources of this graph, written by `orgraph export`: "
                                         "`orgraph --data FILE` reads them with the graph."),
               false);
    out += "</data>\n";

    // The key id of an attribute (every attribute key is declared above).
    auto key_of = [](KeyIds& ids, std::string_view name) -> const std::string& {
        auto it = ids.find(name);
        if (it == ids.end()) it = ids.emplace(std::string(name), std::string()).first;
        return it->second;
    };
    auto data = [&](const std::string& key, std::string_view value) {
        out += "      <data key=\"";
        out += key;
        out += "\">";
        append_xml(out, value, false);
        out += "</data>\n";
    };
    for (const auto& e : graph.entities()) {
        out += "    <node id=\"";
        append_xml(out, e.id, true);
        out += "\">\n";
        data(node_key["kind"], graph.schema.entity_kind(e.kind).id);
        data(node_key["name"], e.id);
        data(node_key["label"], e.name);
        if (!e.short_name.empty()) data(node_key["short_name"], e.short_name);
        if (!e.aliases.empty()) data(node_key["aliases"], export_text::join(e.aliases, "|"));
        data(node_key["source"], export_text::citations(graph, e.citations));
        if (e.validity.from) data(node_key["valid_from"], e.validity.from->to_string());
        if (e.validity.to) data(node_key["valid_to"], e.validity.to->to_string());
        for (const auto& a : e.attributes) data(key_of(node_key, a.key), a.value);
        out += "    </node>\n";
        if (out.size() > (1U << 20)) {
            stream.write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    }
    for (RelationIndex i = 0; i < graph.relations().size(); ++i) {
        const auto& r = graph.relation(i);
        const auto& kind = graph.schema.relation_kind(r.kind);
        out += fmt::format("    <edge id=\"r{}\" source=\"", i);
        append_xml(out, graph.entity(r.from).id, true);
        out += "\" target=\"";
        append_xml(out, graph.entity(r.to).id, true);
        out += "\">\n";
        data(edge_key["kind"], kind.id);
        data(edge_key["label"], kind.label);
        data(edge_key["source"], export_text::citations(graph, r.citations));
        if (r.validity.from) data(edge_key["valid_from"], r.validity.from->to_string());
        if (r.validity.to) data(edge_key["valid_to"], r.validity.to->to_string());
        // xs:boolean allows true/false and 1/0; Boost's read_graphml accepts only 1/0 (it reads
        // booleans with lexical_cast, and rejects the whole file otherwise).
        data(edge_key["derived"], r.derived ? "1" : "0");
        if (r.derived) data(edge_key["rule"], r.rule);
        for (const auto& a : r.attributes) data(key_of(edge_key, a.key), a.value);
        out += "    </edge>\n";
        if (out.size() > (1U << 20)) {
            stream.write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    }
    out += "  </graph>\n</graphml>\n";
    stream.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace orgraph
