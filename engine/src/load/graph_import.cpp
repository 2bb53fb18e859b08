#include "load/graph_import.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "load/json_reader.hpp"
#include "load/xml_reader.hpp"

namespace orgraph {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// "a | b|c" -> {"a", "b", "c"}; empty items dropped.
void split_list(std::string_view text, std::vector<std::string>& out) {
    while (true) {
        const auto bar = text.find('|');
        const auto item = trim(text.substr(0, bar));
        if (!item.empty()) out.emplace_back(item);
        if (bar == std::string_view::npos) return;
        text.remove_prefix(bar + 1);
    }
}

bool truthy(std::string_view value) {
    const auto v = trim(value);
    return v == "true" || v == "True" || v == "TRUE" || v == "1";
}

// Maps the attributes of imported nodes and edges onto entity and relation fields, and
// collects the problems found on the way.
class Mapper {
public:
    Mapper(std::string_view content, const ImportMapping& mapping, std::vector<ImportProblem>& problems,
           std::string_view source_key)
        : m_positions(content), m_mapping(mapping), m_problems(problems), m_source_key(source_key) {}

    void problem(std::size_t offset, std::string message) {
        const auto [line, column] = m_positions.at(offset);
        m_problems.push_back({line, column, std::move(message)});
    }
    // The document `parse` reads (parse_xml, parse_json), or nothing with its syntax error
    // reported.
    template <typename Document>
    std::optional<Document> document(std::optional<Document> (*parse)(std::string_view, SyntaxError&),
                                     std::string_view content, std::string_view format) {
        SyntaxError syntax;
        auto root = parse(content, syntax);
        if (!root) problem(syntax.offset, fmt::format("{} syntax: {}", format, syntax.message));
        return root;
    }
    std::pair<std::uint32_t, std::uint32_t> position(std::size_t offset) const { return m_positions.at(offset); }

    // One node being read.
    struct Node {
        ImportedNode node;
        std::optional<std::string> kind, name, label;
        std::size_t offset = 0;
    };
    struct Edge {
        ImportedEdge edge;
        bool has_kind = false;
        bool derived = false;
        std::size_t offset = 0;
    };

    Node start_node(std::string id, std::size_t offset) {
        Node n;
        n.node.id = std::move(id);
        n.offset = offset;
        std::tie(n.node.line, n.node.column) = position(offset);
        return n;
    }
    Edge start_edge(std::string source, std::string target, std::size_t offset) {
        Edge e;
        e.edge.source = std::move(source);
        e.edge.target = std::move(target);
        e.offset = offset;
        std::tie(e.edge.line, e.edge.column) = position(offset);
        return e;
    }

    // A node attribute. `items` holds the values of a list (aliases, citations) given as an
    // array; otherwise `value` holds the text.
    void node_field(Node& n, std::string_view key, std::string value, std::size_t offset,
                    const std::vector<std::string>* items = nullptr) {
        auto& node = n.node;
        if (key == m_mapping.kind_key && !items) {
            n.kind = std::move(value);
        } else if (key == m_mapping.name_key && !items) {
            n.name = std::move(value);
        } else if (key == "label" && !items) {
            n.label = std::move(value);
        } else if (key == "short_name" && !items) {
            node.short_name = std::move(value);
        } else if (key == "aliases") {
            list_field(value, items, node.aliases);
        } else if (key == "source" || key == "provenance") {
            list_field(value, items, node.citations);
        } else if (key == "valid_from" && !items) {
            node.valid_from = std::string(trim(value));
        } else if (key == "valid_to" && !items) {
            node.valid_to = std::string(trim(value));
        } else if (key == "id" && !items) {
            if (value != node.id)
                problem(offset, fmt::format("node '{}' has an attribute 'id' with another value '{}' (expected the "
                                            "node's own id, or no such attribute)",
                                            node.id, value));
        } else if (items) {
            problem(offset, fmt::format("attribute '{}' of node '{}' is a list (expected one value; only aliases, "
                                        "source and provenance take lists)",
                                        key, node.id));
        } else {
            node.attributes.emplace_back(std::string(key), std::move(value));
        }
    }

    void edge_field(Edge& e, std::string_view key, std::string value, std::size_t offset, bool source_is_citation,
                    const std::vector<std::string>* items = nullptr) {
        auto& edge = e.edge;
        if (key == m_mapping.relation_kind_key && !items) {
            edge.kind = std::move(value);
            e.has_kind = true;
        } else if (key == "provenance" || (key == "source" && source_is_citation)) {
            list_field(value, items, edge.citations);
        } else if (key == "valid_from" && !items) {
            edge.valid_from = std::string(trim(value));
        } else if (key == "valid_to" && !items) {
            edge.valid_to = std::string(trim(value));
        } else if (key == "derived" && !items) {
            e.derived = truthy(value);
        } else if ((key == "rule" || key == "name" || key == "label" || key == "key" || key == "id") && !items) {
            // What orgraph itself writes for readers (the rule of a derived relation, the
            // relation read in words) and the multigraph's edge keys: nothing to load.
        } else if (items) {
            problem(offset, fmt::format("attribute '{}' of edge '{}' → '{}' is a list (expected one value; only "
                                        "source and provenance take lists)",
                                        key, edge.source, edge.target));
        } else {
            edge.attributes.emplace_back(std::string(key), std::move(value));
        }
    }

    void finish_node(Node n, ImportedGraph& graph) {
        bool ok = true;
        if (n.node.citations.empty() && graph.default_source.empty()) {
            problem(n.offset, fmt::format("node '{}' has no 'source' attribute (expected citations SOURCE:LOCATOR, "
                                          "several separated by '|'; or give the graph a default_source)",
                                          n.node.id));
            ok = false;
        }
        if (!n.name && n.label && m_mapping.name_key == "name")
            n.name = std::move(n.label);
        else if (n.label)
            n.node.attributes.emplace_back("label", std::move(*n.label));
        if (!n.kind || trim(*n.kind).empty()) {
            problem(n.offset, fmt::format("node '{}' has no '{}' attribute (expected its entity kind; --import-kind "
                                          "names the attribute that holds it)",
                                          n.node.id, m_mapping.kind_key));
            ok = false;
        }
        if (!n.name || trim(*n.name).empty()) {
            problem(n.offset, fmt::format("node '{}' has no '{}' attribute (expected its name; --import-name names "
                                          "the attribute that holds it)",
                                          n.node.id, m_mapping.name_key));
            ok = false;
        }
        if (!ok) {
            m_broken.insert(n.node.id);
            return;
        }
        n.node.kind = std::string(trim(*n.kind));
        n.node.name = std::move(*n.name);
        graph.nodes.push_back(std::move(n.node));
    }

    void finish_edge(Edge e, ImportedGraph& graph) {
        // Derived relations are re-derived by the schema's rules on load; reading them as facts
        // would state twice what the data says once.
        if (e.derived) return;
        if (!e.has_kind || trim(e.edge.kind).empty()) {
            problem(e.offset, fmt::format("edge '{}' → '{}' has no '{}' attribute (expected its relation kind)",
                                          e.edge.source, e.edge.target, m_mapping.relation_kind_key));
            return;
        }
        if (e.edge.citations.empty() && graph.default_source.empty()) {
            problem(e.offset, fmt::format("edge '{}' → '{}' has no '{}' attribute (expected citations "
                                          "SOURCE:LOCATOR, several separated by '|'; or give the graph a "
                                          "default_source)",
                                          e.edge.source, e.edge.target, m_source_key));
            return;
        }
        e.edge.kind = std::string(trim(e.edge.kind));
        m_edges.push_back(std::move(e.edge));
    }

    // Edges are kept back until every node is read, so that edges touching a node that could
    // not be read are left out (see graph_import.hpp).
    void flush_edges(ImportedGraph& graph) {
        for (auto& edge : m_edges)
            if (!m_broken.contains(edge.source) && !m_broken.contains(edge.target))
                graph.edges.push_back(std::move(edge));
        m_edges.clear();
    }

    void set_default_source(ImportedGraph& graph, std::string value, std::size_t offset) {
        graph.default_source = std::string(trim(value));
        std::tie(graph.default_source_line, graph.default_source_column) = position(offset);
    }

private:
    static void list_field(const std::string& value, const std::vector<std::string>* items,
                           std::vector<std::string>& out) {
        if (items) {
            for (const auto& item : *items) split_list(item, out);
        } else {
            split_list(value, out);
        }
    }

    TextPositions m_positions;
    const ImportMapping& m_mapping;
    std::vector<ImportProblem>& m_problems;
    std::string_view m_source_key;  // what an edge's citations are called in this format
    std::unordered_set<std::string> m_broken;
    std::vector<ImportedEdge> m_edges;
};

// ---- GraphML ----

struct GraphmlKey {
    std::string name;
    std::string domain;  // node, edge, graph, all, …
    std::string type;    // string, boolean, int, long, float, double
    std::optional<std::string> default_value;
    bool foreign = false;  // yEd's graphics and other structured data: not attributes
};

bool applies_to(const GraphmlKey& key, std::string_view domain) {
    return key.domain == domain || key.domain == "all";
}

// Checks a typed value and returns it in a canonical text ("true"/"false" for booleans), or
// nothing when it does not parse as its declared type.
std::optional<std::string> typed_value(const GraphmlKey& key, const std::string& text) {
    if (key.type.empty() || key.type == "string") return text;
    const auto v = trim(text);
    if (key.type == "boolean") {
        if (v == "true" || v == "True" || v == "TRUE" || v == "1") return std::string("true");
        if (v == "false" || v == "False" || v == "FALSE" || v == "0") return std::string("false");
        return std::nullopt;
    }
    if (key.type == "int" || key.type == "long") {
        long long n = 0;
        auto s = v;
        if (!s.empty() && s.front() == '+') s.remove_prefix(1);
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
        return std::string(v);
    }
    if (key.type == "float" || key.type == "double") {
        const std::string copy(v);
        char* end = nullptr;
        (void)std::strtod(copy.c_str(), &end);
        if (copy.empty() || end != copy.c_str() + copy.size()) return std::nullopt;
        return copy;
    }
    return text;
}

}  // namespace

ImportedGraph parse_graphml(std::string_view content, const ImportMapping& mapping,
                            std::vector<ImportProblem>& problems) {
    ImportedGraph graph;
    Mapper mapper(content, mapping, problems, "source");
    const auto root = mapper.document(parse_xml, content, "XML");
    if (!root) return graph;
    if (root->local_name() != "graphml") {
        mapper.problem(root->offset, fmt::format("the root element is <{}> (expected <graphml>)", root->name));
        return graph;
    }

    std::map<std::string, GraphmlKey, std::less<>> keys;
    const XmlElement* graph_element = nullptr;
    for (const auto& child : root->children) {
        const auto local = child.local_name();
        if (local == "key") {
            const auto* id = child.attribute("id");
            if (!id || id->empty()) {
                mapper.problem(child.offset, "<key> without an 'id' attribute (expected id=\"…\")");
                continue;
            }
            GraphmlKey key;
            const auto* name = child.attribute("attr.name");
            key.name = name ? *name : *id;
            const auto* domain = child.attribute("for");
            key.domain = domain ? *domain : "all";
            const auto* type = child.attribute("attr.type");
            key.type = type ? *type : "string";
            key.foreign = child.attribute("yfiles.type") != nullptr;
            if (!key.foreign && key.type != "string" && key.type != "boolean" && key.type != "int" &&
                key.type != "long" && key.type != "float" && key.type != "double")
                mapper.problem(child.offset, fmt::format("key '{}' has attr.type '{}' (expected string, boolean, int, "
                                                         "long, float or double)",
                                                         *id, key.type));
            for (const auto& d : child.children)
                if (d.local_name() == "default") key.default_value = d.text;
            if (keys.contains(*id)) {
                mapper.problem(child.offset, fmt::format("key '{}' is declared twice", *id));
                continue;
            }
            keys.emplace(*id, std::move(key));
        } else if (local == "graph") {
            if (graph_element) {
                mapper.problem(child.offset, "a second <graph> (expected one graph per file; split the file)");
                continue;
            }
            graph_element = &child;
        }
    }
    if (!graph_element) {
        mapper.problem(root->offset, "<graphml> holds no <graph> element");
        return graph;
    }

    // The value of a <data> element, checked against its key; nothing when it is to be skipped.
    auto data_value = [&](const XmlElement& data, std::string_view domain,
                          std::string_view owner) -> std::optional<std::pair<const GraphmlKey*, std::string>> {
        const auto* key_id = data.attribute("key");
        if (!key_id) {
            mapper.problem(data.offset, fmt::format("<data> of {} without a 'key' attribute", owner));
            return std::nullopt;
        }
        const auto it = keys.find(*key_id);
        if (it == keys.end()) {
            mapper.problem(data.offset,
                           fmt::format("<data> of {} refers to key '{}', which no <key> declares", owner, *key_id));
            return std::nullopt;
        }
        const auto& key = it->second;
        if (key.foreign) return std::nullopt;
        if (!applies_to(key, domain)) {
            mapper.problem(data.offset, fmt::format("key '{}' is declared for={} but used on {} (expected for=\"{}\" "
                                                    "or for=\"all\")",
                                                    *key_id, key.domain, owner, domain));
            return std::nullopt;
        }
        auto value = typed_value(key, data.text);
        if (!value) {
            mapper.problem(data.offset, fmt::format("value '{}' of '{}' on {} is not of type {} (as its key declares)",
                                                    std::string(trim(data.text)), key.name, owner, key.type));
            return std::nullopt;
        }
        return std::pair{&key, std::move(*value)};
    };

    // The attributes of a node or edge: its <data>, then the defaults of the keys it gives no
    // value for. `field` takes each (name, value, offset).
    auto read_data = [&](const XmlElement& element, std::string_view domain, std::string_view owner, auto&& field) {
        std::vector<const GraphmlKey*> given;
        for (const auto& part : element.children) {
            const auto part_name = part.local_name();
            if (part_name == "data") {
                if (auto v = data_value(part, domain, owner)) {
                    given.push_back(v->first);
                    field(v->first->name, std::move(v->second), part.offset);
                }
            } else if (part_name == "graph" && domain == "node") {
                mapper.problem(part.offset, fmt::format("{} holds a nested <graph> (expected a flat graph; nested "
                                                        "graphs are not read)",
                                                        owner));
            }
        }
        for (const auto& [key_id, key] : keys) {
            if (!key.default_value || key.foreign || !applies_to(key, domain)) continue;
            if (std::find(given.begin(), given.end(), &key) != given.end()) continue;
            if (auto value = typed_value(key, *key.default_value)) field(key.name, std::move(*value), element.offset);
        }
    };

    // Graph attributes first: default_source applies to every node and edge, wherever it stands.
    for (const auto& child : graph_element->children)
        if (child.local_name() == "data")
            if (auto v = data_value(child, "graph", "the graph"); v && v->first->name == "default_source")
                mapper.set_default_source(graph, std::move(v->second), child.offset);
    std::vector<const XmlElement*> edge_elements;
    for (const auto& child : graph_element->children) {
        const auto local = child.local_name();
        if (local == "node") {
            const auto* id = child.attribute("id");
            if (!id || id->empty()) {
                mapper.problem(child.offset, "<node> without an 'id' attribute (expected id=\"…\")");
                continue;
            }
            auto node = mapper.start_node(*id, child.offset);
            read_data(child, "node", fmt::format("node '{}'", *id),
                      [&](std::string_view name, std::string value, std::size_t offset) {
                          mapper.node_field(node, name, std::move(value), offset);
                      });
            mapper.finish_node(std::move(node), graph);
        } else if (local == "edge") {
            edge_elements.push_back(&child);
        } else if (local == "hyperedge") {
            mapper.problem(child.offset, "<hyperedge> (expected edges joining two nodes; hyperedges are not read)");
        }
    }
    for (const auto* element : edge_elements) {
        const auto* source = element->attribute("source");
        const auto* target = element->attribute("target");
        if (!source || !target || source->empty() || target->empty()) {
            mapper.problem(element->offset, "<edge> without 'source' and 'target' attributes");
            continue;
        }
        auto edge = mapper.start_edge(*source, *target, element->offset);
        read_data(*element, "edge", fmt::format("edge '{}' → '{}'", *source, *target),
                  [&](std::string_view name, std::string value, std::size_t offset) {
                      mapper.edge_field(edge, name, std::move(value), offset, true);
                  });
        mapper.finish_edge(std::move(edge), graph);
    }
    mapper.flush_edges(graph);
    return graph;
}

// ---- node-link JSON ----

namespace {

// The text of a scalar JSON value as an attribute value; nothing for null.
std::optional<std::string> scalar_text(const JsonValue& v) {
    switch (v.type) {
        case JsonValue::Type::string:
        case JsonValue::Type::number:
            return v.text;
        case JsonValue::Type::boolean:
            return std::string(v.boolean ? "true" : "false");
        default:
            return std::nullopt;
    }
}

}  // namespace

ImportedGraph parse_node_link_json(std::string_view content, const ImportMapping& mapping,
                                   std::vector<ImportProblem>& problems) {
    ImportedGraph graph;
    Mapper mapper(content, mapping, problems, "provenance");
    const auto root = mapper.document(parse_json, content, "JSON");
    if (!root) return graph;
    if (!root->is_object()) {
        mapper.problem(root->offset, fmt::format("the document is {} (expected a node-link object with \"nodes\" "
                                                 "and \"links\")",
                                                 json_type_name(root->type)));
        return graph;
    }
    if (const auto* g = root->find("graph")) {
        if (!g->is_object()) {
            mapper.problem(g->offset, fmt::format("\"graph\" is {} (expected an object of graph attributes)",
                                                  json_type_name(g->type)));
        } else if (const auto* ds = g->find("default_source")) {
            if (ds->is_string())
                mapper.set_default_source(graph, ds->text, ds->offset);
            else
                mapper.problem(ds->offset,
                               fmt::format("\"default_source\" is {} (expected a string)", json_type_name(ds->type)));
        }
    }
    const auto* nodes = root->find("nodes");
    if (!nodes) {
        mapper.problem(root->offset, "the document has no \"nodes\" array (expected node-link JSON)");
        return graph;
    }
    if (!nodes->is_array()) {
        mapper.problem(nodes->offset, fmt::format("\"nodes\" is {} (expected an array)", json_type_name(nodes->type)));
        return graph;
    }
    const auto* links = root->find("links");
    const auto* edges = root->find("edges");
    // A problem with the edges still lets the nodes be checked.
    if (links && edges) {
        mapper.problem(edges->offset, "the document has both \"links\" and \"edges\" (expected one of them)");
        links = edges = nullptr;
    }
    if (!links) links = edges;
    if (links && !links->is_array()) {
        mapper.problem(links->offset, fmt::format("\"links\" is {} (expected an array)", json_type_name(links->type)));
        links = nullptr;
    }

    // Lists of strings (aliases, citations) may be written as arrays.
    auto string_items = [&](const JsonValue& v, std::string_view key,
                            std::string_view owner) -> std::optional<std::vector<std::string>> {
        std::vector<std::string> items;
        for (const auto& item : v.items) {
            if (!item.is_string()) {
                mapper.problem(item.offset, fmt::format("an item of '{}' of {} is {} (expected a string)", key, owner,
                                                        json_type_name(item.type)));
                return std::nullopt;
            }
            items.push_back(item.text);
        }
        return items;
    };

    // The attributes of a node or link: its members but for the ones that say which node or
    // link it is. `field` takes each (key, value, offset, the items of a list or nullptr).
    auto read_members = [&](const JsonValue& object, std::initializer_list<std::string_view> identity,
                            std::string_view owner, auto&& field) {
        for (const auto& [key, value] : object.members) {
            if (std::find(identity.begin(), identity.end(), key) != identity.end()) continue;
            if (value.is_array()) {
                if (auto items = string_items(value, key, owner)) field(key, std::string{}, value.offset, &*items);
            } else if (value.is_object()) {
                mapper.problem(value.offset, fmt::format("attribute '{}' of {} is an object (expected a string, "
                                                         "number or boolean)",
                                                         key, owner));
            } else if (auto text = scalar_text(value)) {
                field(key, std::move(*text), value.offset, nullptr);
            }
        }
    };

    for (const auto& n : nodes->items) {
        if (!n.is_object()) {
            mapper.problem(n.offset, fmt::format("a node is {} (expected an object)", json_type_name(n.type)));
            continue;
        }
        const auto* id = n.find("id");
        std::optional<std::string> id_text;
        if (id) id_text = scalar_text(*id);
        if (!id_text || id_text->empty() || id->type == JsonValue::Type::boolean) {
            mapper.problem(id ? id->offset : n.offset, "a node without an \"id\" (expected a string or number)");
            continue;
        }
        auto node = mapper.start_node(*id_text, n.offset);
        read_members(
            n, {"id"}, fmt::format("node '{}'", *id_text),
            [&](std::string_view key, std::string value, std::size_t offset, const std::vector<std::string>* items) {
                mapper.node_field(node, key, std::move(value), offset, items);
            });
        mapper.finish_node(std::move(node), graph);
    }
    if (links) {
        for (const auto& l : links->items) {
            if (!l.is_object()) {
                mapper.problem(l.offset, fmt::format("a link is {} (expected an object)", json_type_name(l.type)));
                continue;
            }
            const auto* source = l.find("source");
            const auto* target = l.find("target");
            std::optional<std::string> s, t;
            if (source && source->type != JsonValue::Type::boolean) s = scalar_text(*source);
            if (target && target->type != JsonValue::Type::boolean) t = scalar_text(*target);
            if (!s || !t || s->empty() || t->empty()) {
                mapper.problem(l.offset, "a link without \"source\" and \"target\" node ids");
                continue;
            }
            auto edge = mapper.start_edge(*s, *t, l.offset);
            read_members(l, {"source", "target"}, fmt::format("edge '{}' → '{}'", *s, *t),
                         [&](std::string_view key, std::string value, std::size_t offset,
                             const std::vector<std::string>* items) {
                             mapper.edge_field(edge, key, std::move(value), offset, false, items);
                         });
            mapper.finish_edge(std::move(edge), graph);
        }
    }
    mapper.flush_edges(graph);
    return graph;
}

}  // namespace orgraph
