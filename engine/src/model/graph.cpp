#include "orgraph/model/graph.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace orgraph {

const std::string* Attributes::find(std::string_view key) const {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                               [](const Attribute& a, std::string_view k) { return a.key < k; });
    if (it == m_items.end() || it->key != key) return nullptr;
    return &it->value;
}

bool Attributes::set(std::string key, std::string value) {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                               [](const Attribute& a, const std::string& k) { return a.key < k; });
    if (it != m_items.end() && it->key == key) return it->value == value;
    m_items.insert(it, Attribute{std::move(key), std::move(value)});
    return true;
}

EntityIndex Graph::add_entity(Entity entity) {
    const auto index = static_cast<EntityIndex>(m_entities.size());
    m_ids.emplace(entity.id, index);
    m_entities.push_back(std::move(entity));
    boost::add_vertex(m_topology);
    return index;
}

RelationIndex Graph::add_relation(Relation relation) {
    const auto index = static_cast<RelationIndex>(m_relations.size());
    boost::add_edge(relation.from, relation.to, EdgeBundle{index}, m_topology);
    m_relations.push_back(std::move(relation));
    return index;
}

std::optional<EntityIndex> Graph::find(std::string_view id) const {
    auto it = m_ids.find(std::string(id));
    if (it == m_ids.end()) return std::nullopt;
    return it->second;
}

std::optional<SourceIndex> Graph::find_source(std::string_view id) const {
    auto it = m_source_ids.find(std::string(id));
    if (it == m_source_ids.end()) return std::nullopt;
    return it->second;
}

SourceIndex Graph::add_source(Source source) {
    const auto index = static_cast<SourceIndex>(sources.size());
    m_source_ids.emplace(source.id, index);
    sources.push_back(std::move(source));
    return index;
}

std::vector<RelationIndex> Graph::out_relations(EntityIndex index) const {
    std::vector<RelationIndex> result;
    for (auto [it, end] = boost::out_edges(index, m_topology); it != end; ++it)
        result.push_back(m_topology[*it].relation);
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<RelationIndex> Graph::in_relations(EntityIndex index) const {
    std::vector<RelationIndex> result;
    for (auto [it, end] = boost::in_edges(index, m_topology); it != end; ++it)
        result.push_back(m_topology[*it].relation);
    std::sort(result.begin(), result.end());
    return result;
}

std::string Graph::cite(const Citation& citation) const {
    const auto& source = sources[citation.source];
    if (citation.locator.empty()) return source.id;
    const bool numeric = std::all_of(citation.locator.begin(), citation.locator.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ','; });
    if (!numeric) return fmt::format("{}, {}", source.id, citation.locator);
    const bool range = citation.locator.find_first_of("-,") != std::string::npos;
    return fmt::format("{}, {} {}", source.id, range ? "lines" : "line", citation.locator);
}

std::string Graph::cite(const Citations& citations) const {
    std::string out;
    for (const auto& c : citations) {
        if (!out.empty()) out += "; ";
        out += cite(c);
    }
    return out;
}

void Graph::reserve(std::size_t entities, std::size_t relations) {
    m_entities.reserve(entities);
    m_relations.reserve(relations);
    m_ids.reserve(entities);
}

}  // namespace orgraph
