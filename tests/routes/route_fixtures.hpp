#pragma once
// Small graphs written as TOML, loaded through the real loader, for the route analyses.

#include <string>
#include <vector>

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/analysis/traversal.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/graph.hpp"
#include "toml_records.hpp"

namespace orgraph::test {

// Kinds: node, with the subkinds office and hub; relation kinds: link (forward only), part_of
// (may be walked backward), near (forward only).
inline const std::string route_schema = R"(
[[source]]
id = "t"
title = "test facts"

[[entity_kind]]
id = "node"

[[entity_kind]]
id = "office"
parent = "node"

[[entity_kind]]
id = "hub"
parent = "node"

[[relation_kind]]
id = "link"
label = "links to"
inverse = "is linked from"

[[relation_kind]]
id = "part_of"
label = "is part of"
inverse = "has part"
backward = true

[[relation_kind]]
id = "near"
label = "is near"
inverse = "has near it"
)";

class GraphText {
public:
    GraphText& entity(const std::string& id, const std::string& kind = "node", const std::string& extra = "") {
        m_text += "\n" + entity_record(id, kind, "Name of " + id, "t:1") + extra;
        return *this;
    }
    GraphText& relation(const std::string& kind, const std::string& from, const std::string& to,
                        const std::string& extra = "", const std::string& source = "t:2") {
        m_text += "\n[[relation]]\nkind = \"" + kind + "\"\nfrom = \"" + from + "\"\nto = \"" + to + "\"\nsource = \"" +
                  source + "\"\n" + extra;
        return *this;
    }
    GraphText& raw(const std::string& text) {
        m_text += "\n" + text + "\n";
        return *this;
    }
    [[nodiscard]] std::string text() const { return route_schema + m_text; }

private:
    std::string m_text;
};

// The facts of the text, as loaded.
inline GraphBuilder load_facts(const std::string& text) {
    LayerInput layer{"test", {InputFile{"test.toml", text, FileFormat::toml}}};
    return load({layer});
}

inline Graph load_text(const std::string& text, bool derive = true) {
    PrepareOptions options;
    options.derive = derive;
    return prepare_graph(load_facts(text), options);
}

inline Graph load_graph_text(const GraphText& g, bool derive = true) {
    return load_text(g.text(), derive);
}

inline EntityIndex id(const Graph& graph, const std::string& entity) {
    return graph.find(entity).value();
}

// "a>b>c": the entities a route visits, by id.
inline std::string visits(const Graph& graph, const Route& route) {
    if (route.empty()) return {};
    std::string text(graph.entity_id(route.front().from));
    for (const auto& s : route) text += ">" + std::string(graph.entity_id(s.to));
    return text;
}

}  // namespace orgraph::test
