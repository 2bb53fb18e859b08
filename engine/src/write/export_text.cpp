#include "write/export_text.hpp"

#include <set>

namespace orgraph::export_text {

std::string citation(const Graph& graph, const Citation& c) {
    const auto& id = graph.sources[c.source].id;
    if (c.locator.empty()) return id;
    std::string out;
    out.reserve(id.size() + 1 + c.locator.size());
    out.append(id).append(1, ':').append(c.locator);
    return out;
}

std::string citations(const Graph& graph, const Citations& cs, std::string_view separator) {
    std::string out;
    for (const auto& c : cs) {
        if (!out.empty()) out += separator;
        out += citation(graph, c);
    }
    return out;
}

std::string join(const TextList& items, std::string_view separator) {
    std::string out;
    for (const auto item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string date(const std::optional<Date>& d) {
    return d ? d->to_string() : std::string{};
}

std::vector<std::string> entity_attribute_keys(const Graph& graph) {
    std::set<std::string, std::less<>> keys;
    for (const auto& e : graph.entities())
        for (const auto& a : e.attributes)
            if (keys.find(a.key) == keys.end()) keys.emplace(a.key);
    return {keys.begin(), keys.end()};
}

std::vector<std::string> relation_attribute_keys(const Graph& graph, bool derived) {
    std::set<std::string, std::less<>> keys;
    for (const auto& r : graph.relations())
        if (derived || !r.derived)
            for (const auto& a : r.attributes)
                if (keys.find(a.key) == keys.end()) keys.emplace(a.key);
    return {keys.begin(), keys.end()};
}

}  // namespace orgraph::export_text
