#include "orgraph/model/graph.hpp"

#include <fmt/format.h>
#include <algorithm>

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

namespace {
std::uint64_t id_hash(std::string_view id) {
    // FNV-1a, then a final mix so that the low bits (the slot) and the high bits (the tag)
    // both depend on every byte.
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const unsigned char c : id) h = (h ^ c) * 0x100000001B3ULL;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}
}  // namespace

void Graph::index_id(EntityIndex index) {
    if ((m_id_count + 1) * 2 > m_id_slots.size()) {
        // Grow to twice the size and put every id back.
        std::vector<std::uint64_t> slots(std::max<std::size_t>(64, m_id_slots.size() * 2), 0);
        m_id_slots.swap(slots);
        m_id_count = 0;
        for (const auto slot : slots)
            if (slot) index_id(static_cast<EntityIndex>((slot & 0xFFFFFFFFULL) - 1));
    }
    const auto& id = m_entities[index].id;
    const auto h = id_hash(id);
    const auto mask = m_id_slots.size() - 1;
    for (auto i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
        const auto slot = m_id_slots[i];
        if (slot == 0) {
            m_id_slots[i] = (h & 0xFFFFFFFF00000000ULL) | (static_cast<std::uint64_t>(index) + 1);
            ++m_id_count;
            return;
        }
        // The same id twice: the first entity keeps it.
        if ((slot >> 32) == (h >> 32) && m_entities[(slot & 0xFFFFFFFFULL) - 1].id == id) return;
    }
}

EntityIndex Graph::add_entity(Entity entity) {
    const auto index = static_cast<EntityIndex>(m_entities.size());
    m_entities.push_back(std::move(entity));
    index_id(index);
    boost::add_vertex(*m_topology);
    return index;
}

RelationIndex Graph::add_relation(Relation relation) {
    const auto index = static_cast<RelationIndex>(m_relations.size());
    boost::add_edge(relation.from, relation.to, EdgeBundle{index}, *m_topology);
    m_relations.push_back(std::move(relation));
    return index;
}

std::optional<EntityIndex> Graph::find(std::string_view id) const {
    if (m_id_slots.empty()) return std::nullopt;
    const auto h = id_hash(id);
    const auto mask = m_id_slots.size() - 1;
    for (auto i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
        const auto slot = m_id_slots[i];
        if (slot == 0) return std::nullopt;
        const auto index = static_cast<EntityIndex>((slot & 0xFFFFFFFFULL) - 1);
        if ((slot >> 32) == (h >> 32) && m_entities[index].id == id) return index;
    }
}

void Graph::prefetch_id_slot(std::string_view id) const {
    if (m_id_slots.empty()) return;
    __builtin_prefetch(&m_id_slots[static_cast<std::size_t>(id_hash(id)) & (m_id_slots.size() - 1)]);
}

void Graph::prefetch_entity(std::string_view id) const {
    if (m_id_slots.empty()) return;
    const auto h = id_hash(id);
    const auto slot = m_id_slots[static_cast<std::size_t>(h) & (m_id_slots.size() - 1)];
    // Only the first probe: an id further along is rare with the index at most half full.
    if (slot != 0 && (slot >> 32) == (h >> 32)) __builtin_prefetch(&m_entities[(slot & 0xFFFFFFFFULL) - 1]);
}

std::optional<SourceIndex> Graph::find_source(std::string_view id) const {
    auto it = m_source_ids.find(id);
    if (it == m_source_ids.end()) return std::nullopt;
    return it->second;
}

SourceIndex Graph::add_source(Source source) {
    const auto index = static_cast<SourceIndex>(sources.size());
    m_source_ids.emplace(source.id, index);
    sources.push_back(std::move(source));
    return index;
}

namespace {

// The relations of a range of edges, in the order they were added.
template <typename Topology, typename Edges>
std::vector<RelationIndex> relations_of(const Topology& topology, Edges edges) {
    std::vector<RelationIndex> result;
    for (auto [it, end] = edges; it != end; ++it) result.push_back(topology[*it].relation);
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

std::vector<RelationIndex> Graph::out_relations(EntityIndex index) const {
    return relations_of(*m_topology, boost::out_edges(index, *m_topology));
}

std::vector<RelationIndex> Graph::in_relations(EntityIndex index) const {
    return relations_of(*m_topology, boost::in_edges(index, *m_topology));
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
    // Boost keeps these public (adjacency_list has no reserve of its own): sized up front, the
    // vertex and edge vectors are not copied over and over while a large dataset loads.
    m_topology->m_vertices.reserve(entities);
    m_topology->m_edges.reserve(relations);
    if (entities * 2 > m_id_slots.size()) {
        std::size_t size = 64;
        while (size < entities * 2) size *= 2;
        std::vector<std::uint64_t> slots(size, 0);
        m_id_slots.swap(slots);
        m_id_count = 0;
        for (const auto slot : slots)
            if (slot) index_id(static_cast<EntityIndex>((slot & 0xFFFFFFFFULL) - 1));
    }
}

}  // namespace orgraph
