#include "write/export_text.hpp"

#include <set>

namespace orgraph::export_text {

std::string citation(const Graph& graph, const Citation& c) {
    const auto& id = graph.sources[c.source].id;
    return c.locator.empty() ? id : id + ":" + c.locator;
}

std::string citations(const Graph& graph, const Citations& cs, std::string_view separator) {
    std::string out;
    for (const auto& c : cs) {
        if (!out.empty()) out += separator;
        out += citation(graph, c);
    }
    return out;
}

std::string date(const std::optional<Date>& d) {
    return d ? d->to_string() : std::string{};
}

void append_csv(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::vector<std::string> entity_attribute_keys(const Graph& graph) {
    std::set<std::string> keys;
    for (const auto& e : graph.entities())
        for (const auto& a : e.attributes) keys.insert(a.key);
    return {keys.begin(), keys.end()};
}

std::vector<std::string> relation_attribute_keys(const Graph& graph, bool derived) {
    std::set<std::string> keys;
    for (const auto& r : graph.relations())
        if (derived || !r.derived)
            for (const auto& a : r.attributes) keys.insert(a.key);
    return {keys.begin(), keys.end()};
}

}  // namespace orgraph::export_text
