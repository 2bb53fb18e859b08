#include "orgraph/model/schema.hpp"

#include <algorithm>

namespace orgraph {

KindIndex Schema::add_entity_kind(EntityKind kind) {
    const auto index = static_cast<KindIndex>(m_entity_kinds.size());
    m_entity_kind_ids.emplace(kind.id, index);
    m_entity_kinds.push_back(std::move(kind));
    return index;
}

RelationKindIndex Schema::add_relation_kind(RelationKind kind) {
    const auto index = static_cast<RelationKindIndex>(m_relation_kinds.size());
    m_relation_kind_ids.emplace(kind.id, index);
    m_relation_kinds.push_back(std::move(kind));
    return index;
}

std::optional<KindIndex> Schema::entity_kind(std::string_view id) const {
    auto it = m_entity_kind_ids.find(std::string(id));
    if (it == m_entity_kind_ids.end()) return std::nullopt;
    return it->second;
}

std::optional<RelationKindIndex> Schema::relation_kind(std::string_view id) const {
    auto it = m_relation_kind_ids.find(std::string(id));
    if (it == m_relation_kind_ids.end()) return std::nullopt;
    return it->second;
}

bool Schema::is_a(KindIndex kind, KindIndex ancestor) const {
    // Parent chains are checked for cycles when the schema is loaded; the bound is a guard.
    for (std::size_t steps = 0; steps <= m_entity_kinds.size(); ++steps) {
        if (kind == ancestor) return true;
        const auto& parent = m_entity_kinds[kind].parent;
        if (!parent) return false;
        kind = *parent;
    }
    return false;
}

bool Schema::is_a(KindIndex kind, std::string_view ancestor) const {
    auto index = entity_kind(ancestor);
    return index && is_a(kind, *index);
}

namespace {
bool any_is_a(const Schema& schema, const std::vector<KindIndex>& allowed, KindIndex kind) {
    if (allowed.empty()) return true;
    return std::any_of(allowed.begin(), allowed.end(), [&](KindIndex a) { return schema.is_a(kind, a); });
}
}  // namespace

bool Schema::allows_from(RelationKindIndex relation, KindIndex from) const {
    return any_is_a(*this, m_relation_kinds[relation].from, from);
}

bool Schema::allows_to(RelationKindIndex relation, KindIndex to) const {
    return any_is_a(*this, m_relation_kinds[relation].to, to);
}

bool Schema::allows(RelationKindIndex relation, KindIndex from, KindIndex to) const {
    return allows_from(relation, from) && allows_to(relation, to);
}

bool Schema::entity_attribute_allowed(KindIndex kind, std::string_view key) const {
    if (key == "note" || key.starts_with("x_")) return true;
    for (std::size_t steps = 0; steps <= m_entity_kinds.size(); ++steps) {
        const auto& k = m_entity_kinds[kind];
        if (std::find(k.attributes.begin(), k.attributes.end(), key) != k.attributes.end()) return true;
        if (!k.parent) return false;
        kind = *k.parent;
    }
    return false;
}

bool Schema::relation_attribute_allowed(RelationKindIndex relation, std::string_view key) const {
    if (key == "note" || key.starts_with("x_")) return true;
    const auto& attributes = m_relation_kinds[relation].attributes;
    return std::find(attributes.begin(), attributes.end(), key) != attributes.end();
}

std::vector<std::string> Schema::entity_attributes(KindIndex kind) const {
    std::vector<std::string> all{"note"};
    for (std::size_t steps = 0; steps <= m_entity_kinds.size(); ++steps) {
        const auto& k = m_entity_kinds[kind];
        all.insert(all.end(), k.attributes.begin(), k.attributes.end());
        if (!k.parent) break;
        kind = *k.parent;
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

const std::vector<std::string>* Schema::allowed_values(KindIndex kind, std::string_view key) const {
    for (std::size_t steps = 0; steps <= m_entity_kinds.size(); ++steps) {
        const auto& k = m_entity_kinds[kind];
        for (const auto& [name, values] : k.values)
            if (name == key) return &values;
        if (!k.parent) return nullptr;
        kind = *k.parent;
    }
    return nullptr;
}

const std::string& Schema::context_relation(KindIndex kind) const {
    static const std::string none;
    for (std::size_t steps = 0; steps <= m_entity_kinds.size(); ++steps) {
        const auto& k = m_entity_kinds[kind];
        if (!k.context.empty()) return k.context;
        if (!k.parent) return none;
        kind = *k.parent;
    }
    return none;
}

const std::string& Schema::summary_attribute(KindIndex kind) const {
    static const std::string none;
    for (std::size_t steps = 0; steps <= m_entity_kinds.size(); ++steps) {
        const auto& k = m_entity_kinds[kind];
        if (!k.summary.empty()) return k.summary;
        if (!k.parent) return none;
        kind = *k.parent;
    }
    return none;
}

std::vector<KindIndex> Schema::kind_and_descendants(KindIndex kind) const {
    std::vector<KindIndex> result;
    for (std::size_t i = 0; i < m_entity_kinds.size(); ++i)
        if (is_a(static_cast<KindIndex>(i), kind)) result.push_back(static_cast<KindIndex>(i));
    return result;
}

}  // namespace orgraph
