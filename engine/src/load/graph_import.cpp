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
#include "load/record_fields.hpp"
#include "load/xml_reader.hpp"
#include "orgraph/model/text_checks.hpp"

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
// Split as a bulk CSV cell is (load_detail::for_each_listed); a graph attribute's items are
// also trimmed, as its other values are.
void split_list(std::string_view text, std::vector<std::string>& out) {
    load_detail::for_each_listed(text, [&](std::string_view item) {
        item = trim(item);
        if (!item.empty()) out.emplace_back(item);
    });
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
        bool too_many = false;  // more attributes than import_max_attributes, reported once
    };
    struct Edge {
        ImportedEdge edge;
        bool has_kind = false;
        bool derived = false;
        std::size_t offset = 0;
        bool too_many = false;
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
                                            quoted_excerpt(node.id), quoted_excerpt(value)));
        } else if (items) {
            problem(offset, fmt::format("attribute '{}' of node '{}' is a list (expected one value; only aliases, "
                                        "source and provenance take lists)",
                                        quoted_excerpt(key), quoted_excerpt(node.id)));
        } else if (node.attributes.size() >= import_max_attributes) {
            if (!std::exchange(n.too_many, true))
                problem(n.offset, fmt::format("node '{}' has more than {} attributes (at most {})",
                                              quoted_excerpt(node.id), import_max_attributes, import_max_attributes));
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
                                        quoted_excerpt(key), quoted_excerpt(edge.source), quoted_excerpt(edge.target)));
        } else if (edge.attributes.size() >= import_max_attributes) {
            if (!std::exchange(e.too_many, true))
                problem(e.offset, fmt::format("edge '{}' → '{}' has more than {} attributes (at most {})",
                                              quoted_excerpt(edge.source), quoted_excerpt(edge.target),
                                              import_max_attributes, import_max_attributes));
        } else {
            edge.attributes.emplace_back(std::string(key), std::move(value));
        }
    }

    void finish_node(Node n, ImportedGraph& graph) {
        bool ok = true;
        if (n.node.citations.empty() && graph.default_source.empty()) {
            problem(n.offset, fmt::format("node '{}' has no 'source' attribute (expected citations SOURCE:LOCATOR, "
                                          "several separated by '|'; or give the graph a default_source)",
                                          quoted_excerpt(n.node.id)));
            ok = false;
        }
        // A `name` that only repeats the node id (as orgraph writes it, for igraph) gives way to
        // the `label`, which holds the name to show.
        if (n.label && m_mapping.name_key == "name" && (!n.name || *n.name == n.node.id))
            n.name = std::move(n.label);
        else if (n.label)
            n.node.attributes.emplace_back("label", std::move(*n.label));
        if (!n.kind || trim(*n.kind).empty()) {
            problem(n.offset, fmt::format("node '{}' has no '{}' attribute (expected its entity kind; --import-kind "
                                          "names the attribute that holds it)",
                                          quoted_excerpt(n.node.id), m_mapping.kind_key));
            ok = false;
        }
        if (!n.name || trim(*n.name).empty()) {
            problem(n.offset, fmt::format("node '{}' has no '{}' attribute (expected its name; --import-name names "
                                          "the attribute that holds it)",
                                          quoted_excerpt(n.node.id), m_mapping.name_key));
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
                                          quoted_excerpt(e.edge.source), quoted_excerpt(e.edge.target),
                                          m_mapping.relation_kind_key));
            return;
        }
        if (e.edge.citations.empty() && graph.default_source.empty()) {
            problem(e.offset, fmt::format("edge '{}' → '{}' has no '{}' attribute (expected citations "
                                          "SOURCE:LOCATOR, several separated by '|'; or give the graph a "
                                          "default_source)",
                                          quoted_excerpt(e.edge.source), quoted_excerpt(e.edge.target), m_source_key));
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

    void set_dataset(ImportedGraph& graph, std::string value, std::size_t offset) {
        graph.dataset = std::move(value);
        graph.has_dataset = true;
        std::tie(graph.dataset_line, graph.dataset_column) = position(offset);
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
    bool foreign = false;    // yEd's graphics and other structured data: not attributes
    std::size_t offset = 0;  // where the <key> is declared
    std::size_t stamp = 0;   // the last node or edge that gave the key a value (see read_data)
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

// A <data> element as read, resolved against the keys once the whole document is read (a
// <key> may stand after the graph that uses it).
struct RawData {
    std::string key;  // the key attribute; empty when missing
    bool has_key = false;
    std::string text;
    std::size_t offset = 0;
};

// A <node> or <edge> as read: its identity and where its <data> lie in GraphmlReader::m_data.
struct RawItem {
    bool edge = false;
    std::string id, source, target;  // id for a node, source and target for an edge
    bool complete = false;           // the identifying attributes are there
    std::size_t offset = 0;
    std::size_t data_begin = 0, data_end = 0;
};

// The streaming half of the GraphML importer: picks keys, graph data, nodes and edges out of
// the XML events, keeping nothing of the elements it has no use for.
class GraphmlReader final : public XmlHandler {
public:
    explicit GraphmlReader(Mapper& mapper) : m_mapper(mapper) {}

    void start_element(std::string_view name, std::span<const XmlAttribute> attributes, std::size_t offset,
                       std::size_t depth) override {
        const auto local = xml_local_name(name);
        if (depth == 1) {
            if (local != "graphml") {
                m_mapper.problem(offset,
                                 fmt::format("the root element is <{}> (expected <graphml>)", quoted_excerpt(name)));
                m_ignore = true;
            }
            return;
        }
        if (m_ignore) return;
        if (depth == 2) {
            m_in_key = m_in_graph = false;
            if (local == "key") {
                start_key(attributes, offset);
            } else if (local == "graph") {
                if (m_graph_seen) {
                    m_mapper.problem(offset, "a second <graph> (expected one graph per file; split the file)");
                } else {
                    m_graph_seen = m_in_graph = true;
                }
            }
        } else if (depth == 3 && m_in_key) {
            if (local == "default") {
                m_keys.back().second.default_value.emplace();
                m_collect_depth = depth;
                m_collect_default = true;
            }
        } else if (depth == 3 && m_in_graph) {
            m_in_item = false;
            if (local == "node" || local == "edge") {
                start_item(local == "edge", attributes, offset);
            } else if (local == "data") {
                start_data(attributes, offset, depth);
                m_graph_data.push_back(m_data.size() - 1);
            } else if (local == "hyperedge") {
                m_mapper.problem(offset, "<hyperedge> (expected edges joining two nodes; hyperedges are not read)");
            }
        } else if (depth == 4 && m_in_item) {
            if (local == "data") {
                start_data(attributes, offset, depth);
                m_items.back().data_end = m_data.size();
            } else if (local == "graph" && !m_items.back().edge) {
                m_mapper.problem(offset, fmt::format("node '{}' holds a nested <graph> (expected a flat graph; "
                                                     "nested graphs are not read)",
                                                     quoted_excerpt(m_items.back().id)));
            }
        }
    }

    void end_element(std::string_view, std::size_t depth) override {
        if (depth == m_collect_depth) m_collect_depth = 0;
        if (depth == 2) m_in_key = m_in_graph = false;
        if (depth == 3) m_in_item = false;
    }

    // Only the text directly inside a <data> or <default> counts, as GraphML says.
    void text(std::string_view text, std::size_t depth) override {
        if (depth != m_collect_depth) return;
        if (m_collect_default)
            *m_keys.back().second.default_value += text;
        else
            m_data.back().text += text;
    }

    // Maps what was read onto the graph.
    void finish(ImportedGraph& graph);

private:
    // One pass over the attributes, whatever their number.
    static void pick(std::span<const XmlAttribute> attributes,
                     std::initializer_list<std::pair<std::string_view, std::optional<std::string_view>*>> wanted) {
        for (const auto& a : attributes)
            for (const auto& [name, out] : wanted)
                if (a.name == name) *out = a.value;
    }

    void start_key(std::span<const XmlAttribute> attributes, std::size_t offset) {
        std::optional<std::string_view> id, name, domain, type, yfiles;
        pick(attributes,
             {{"id", &id}, {"attr.name", &name}, {"for", &domain}, {"attr.type", &type}, {"yfiles.type", &yfiles}});
        if (!id || id->empty()) {
            m_mapper.problem(offset, "<key> without an 'id' attribute (expected id=\"…\")");
            return;
        }
        GraphmlKey key;
        key.name = std::string(name ? *name : *id);
        key.domain = std::string(domain ? *domain : "all");
        key.type = std::string(type ? *type : "string");
        key.foreign = yfiles.has_value();
        key.offset = offset;
        if (!key.foreign && key.type != "string" && key.type != "boolean" && key.type != "int" && key.type != "long" &&
            key.type != "float" && key.type != "double")
            m_mapper.problem(offset, fmt::format("key '{}' has attr.type '{}' (expected string, boolean, int, long, "
                                                 "float or double)",
                                                 quoted_excerpt(*id), quoted_excerpt(key.type)));
        m_keys.emplace_back(std::string(*id), std::move(key));
        m_in_key = true;
    }

    void start_item(bool edge, std::span<const XmlAttribute> attributes, std::size_t offset) {
        RawItem item;
        item.edge = edge;
        item.offset = offset;
        item.data_begin = item.data_end = m_data.size();
        if (edge) {
            std::optional<std::string_view> source, target;
            pick(attributes, {{"source", &source}, {"target", &target}});
            item.complete = source && target && !source->empty() && !target->empty();
            if (item.complete) {
                item.source = std::string(*source);
                item.target = std::string(*target);
            }
        } else {
            std::optional<std::string_view> id;
            pick(attributes, {{"id", &id}});
            item.complete = id && !id->empty();
            if (item.complete) item.id = std::string(*id);
        }
        m_items.push_back(std::move(item));
        m_in_item = true;
    }

    void start_data(std::span<const XmlAttribute> attributes, std::size_t offset, std::size_t depth) {
        std::optional<std::string_view> key;
        pick(attributes, {{"key", &key}});
        RawData data;
        data.has_key = key.has_value();
        if (key) data.key = std::string(*key);
        data.offset = offset;
        m_data.push_back(std::move(data));
        m_collect_depth = depth;
        m_collect_default = false;
    }

    Mapper& m_mapper;
    std::vector<std::pair<std::string, GraphmlKey>> m_keys;  // in the order declared
    std::vector<RawData> m_data;
    std::vector<std::size_t> m_graph_data;  // the graph's own <data>, as positions in m_data
    std::vector<RawItem> m_items;
    bool m_ignore = false, m_graph_seen = false;
    bool m_in_key = false, m_in_graph = false, m_in_item = false;
    std::size_t m_collect_depth = 0;  // the depth of the <data> or <default> whose text is read; 0 for none
    bool m_collect_default = false;
};

void GraphmlReader::finish(ImportedGraph& graph) {
    if (m_ignore) return;
    // Keys by id, each once; those with a default, per domain, in id order.
    std::map<std::string_view, GraphmlKey*, std::less<>> keys;
    for (auto& [id, key] : m_keys) {
        if (!keys.emplace(id, &key).second) {
            m_mapper.problem(key.offset, fmt::format("key '{}' is declared twice", quoted_excerpt(id)));
            continue;
        }
    }
    // Past the limit, defaults are reported once (at the first key too many) and ignored.
    std::size_t defaults = 0;
    for (auto& [id, key] : m_keys) {
        if (!key.default_value || key.foreign) continue;
        if (++defaults == graphml_max_default_keys + 1)
            m_mapper.problem(key.offset, fmt::format("more than {} keys have a <default> (key '{}' is one too many; "
                                                     "each default applies to every node or edge that lacks the "
                                                     "key, so their number is limited)",
                                                     graphml_max_default_keys, quoted_excerpt(id)));
        if (defaults > graphml_max_default_keys) key.default_value.reset();
    }
    if (!m_graph_seen) {
        m_mapper.problem(0, "<graphml> holds no <graph> element");
        return;
    }

    // The value of a <data> element, checked against its key; nothing when it is to be skipped.
    auto data_value = [&](const RawData& data, std::string_view domain,
                          std::string_view owner) -> std::optional<std::pair<GraphmlKey*, std::string>> {
        if (!data.has_key) {
            m_mapper.problem(data.offset, fmt::format("<data> of {} without a 'key' attribute", owner));
            return std::nullopt;
        }
        const auto it = keys.find(data.key);
        if (it == keys.end()) {
            m_mapper.problem(data.offset, fmt::format("<data> of {} refers to key '{}', which no <key> declares", owner,
                                                      quoted_excerpt(data.key)));
            return std::nullopt;
        }
        auto& key = *it->second;
        if (key.foreign) return std::nullopt;
        if (!applies_to(key, domain)) {
            m_mapper.problem(data.offset,
                             fmt::format("key '{}' is declared for={} but used on {} (expected "
                                         "for=\"{}\" or for=\"all\")",
                                         quoted_excerpt(data.key), quoted_excerpt(key.domain), owner, domain));
            return std::nullopt;
        }
        auto value = typed_value(key, data.text);
        if (!value) {
            m_mapper.problem(data.offset, fmt::format("value '{}' of '{}' on {} is not of type {} (as its key "
                                                      "declares)",
                                                      quoted_excerpt(trim(data.text)), quoted_excerpt(key.name), owner,
                                                      quoted_excerpt(key.type)));
            return std::nullopt;
        }
        return std::pair{&key, std::move(*value)};
    };

    // The attributes of a node or edge: its <data>, then the defaults of the keys it gives no
    // value for. `field` takes each (name, value, offset). A key's stamp says which item last
    // gave it a value, so finding the defaults still to apply costs one look per default.
    std::size_t stamp = 0;
    auto read_data = [&](RawItem& item, std::string_view domain, std::string_view owner, auto&& field) {
        ++stamp;
        for (auto i = item.data_begin; i < item.data_end; ++i) {
            if (auto v = data_value(m_data[i], domain, owner)) {
                v->first->stamp = stamp;
                field(v->first->name, std::move(v->second), m_data[i].offset);
            }
            m_data[i].text = std::string();  // read once: give the memory back
        }
        for (auto& [id, key] : keys) {
            if (!key->default_value || key->foreign || !applies_to(*key, domain) || key->stamp == stamp) continue;
            if (auto value = typed_value(*key, *key->default_value)) field(key->name, std::move(*value), item.offset);
        }
    };

    // Graph attributes first: default_source applies to every node and edge, wherever it stands.
    for (auto i : m_graph_data) {
        auto v = data_value(m_data[i], "graph", "the graph");
        if (!v) continue;
        if (v->first->name == "default_source")
            m_mapper.set_default_source(graph, std::move(v->second), m_data[i].offset);
        else if (v->first->name == embedded_dataset_key)
            m_mapper.set_dataset(graph, std::move(v->second), m_data[i].offset);
    }
    for (auto& item : m_items) {
        if (item.edge) continue;
        if (!item.complete) {
            m_mapper.problem(item.offset, "<node> without an 'id' attribute (expected id=\"…\")");
            continue;
        }
        auto node = m_mapper.start_node(item.id, item.offset);
        read_data(item, "node", fmt::format("node '{}'", quoted_excerpt(item.id)),
                  [&](std::string_view name, std::string value, std::size_t offset) {
                      m_mapper.node_field(node, name, std::move(value), offset);
                  });
        m_mapper.finish_node(std::move(node), graph);
    }
    for (auto& item : m_items) {
        if (!item.edge) continue;
        if (!item.complete) {
            m_mapper.problem(item.offset, "<edge> without 'source' and 'target' attributes");
            continue;
        }
        auto edge = m_mapper.start_edge(item.source, item.target, item.offset);
        read_data(item, "edge",
                  fmt::format("edge '{}' → '{}'", quoted_excerpt(item.source), quoted_excerpt(item.target)),
                  [&](std::string_view name, std::string value, std::size_t offset) {
                      m_mapper.edge_field(edge, name, std::move(value), offset, true);
                  });
        m_mapper.finish_edge(std::move(edge), graph);
    }
    m_mapper.flush_edges(graph);
}

}  // namespace

ImportedGraph parse_graphml(std::string_view content, const ImportMapping& mapping,
                            std::vector<ImportProblem>& problems) {
    ImportedGraph graph;
    // Problems of the content are kept back until the document proves well-formed: a broken
    // document reports its syntax error alone.
    std::vector<ImportProblem> found;
    Mapper mapper(content, mapping, found, "source");
    GraphmlReader reader(mapper);
    XmlSyntaxError syntax;
    try {
        if (!read_xml(content, reader, syntax)) {
            found.clear();
            mapper.problem(syntax.offset, fmt::format("XML syntax: {}", syntax.message));
        } else {
            reader.finish(graph);
        }
    } catch (const std::bad_alloc&) {
        graph = {};
        found.clear();
        mapper.problem(0, "out of memory while reading the GraphML document");
    }
    problems.insert(problems.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
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
    std::optional<JsonValue> root;
    try {
        root = mapper.document(parse_json, content, "JSON");
    } catch (const std::bad_alloc&) {
        mapper.problem(0, "out of memory while reading the JSON document");
        return graph;
    }
    if (!root) return graph;
    if (!root->is_object()) {
        mapper.problem(root->offset, fmt::format("the document is {} (expected a node-link object with \"nodes\" "
                                                 "and \"edges\")",
                                                 json_type_name(root->type)));
        return graph;
    }
    if (const auto* g = root->find("graph")) {
        if (!g->is_object()) {
            mapper.problem(g->offset, fmt::format("\"graph\" is {} (expected an object of graph attributes)",
                                                  json_type_name(g->type)));
        } else {
            if (const auto* ds = g->find("default_source")) {
                if (ds->is_string())
                    mapper.set_default_source(graph, ds->text, ds->offset);
                else
                    mapper.problem(ds->offset, fmt::format("\"default_source\" is {} (expected a string)",
                                                           json_type_name(ds->type)));
            }
            if (const auto* dataset = g->find(embedded_dataset_key)) {
                if (dataset->is_string())
                    mapper.set_dataset(graph, dataset->text, dataset->offset);
                else
                    mapper.problem(dataset->offset,
                                   fmt::format("\"{}\" is {} (expected a string: the schema and the sources as TOML)",
                                               embedded_dataset_key, json_type_name(dataset->type)));
            }
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
                mapper.problem(item.offset, fmt::format("an item of '{}' of {} is {} (expected a string)",
                                                        quoted_excerpt(key), owner, json_type_name(item.type)));
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
                                                         quoted_excerpt(key), owner));
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
            n, {"id"}, fmt::format("node '{}'", quoted_excerpt(*id_text)),
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
            read_members(l, {"source", "target"},
                         fmt::format("edge '{}' → '{}'", quoted_excerpt(*s), quoted_excerpt(*t)),
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
