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

KindStyle Schema::kind_style(KindIndex kind) const {
    KindStyle style;
    for (std::optional<KindIndex> k = kind; k; k = m_entity_kinds[*k].parent) {
        const auto it = m_presentation.kinds.find(m_entity_kinds[*k].id);
        if (it == m_presentation.kinds.end()) continue;
        for (auto [mine, theirs] : {std::pair{&style.shape, &it->second.shape},
                                    {&style.fill, &it->second.fill},
                                    {&style.style, &it->second.style},
                                    {&style.font_colour, &it->second.font_colour}})
            if (mine->empty()) *mine = *theirs;
    }
    return style;
}

std::optional<KindIndex> Schema::entity_kind_by_plural(std::string_view plural) const {
    for (std::size_t i = 0; i < m_entity_kinds.size(); ++i)
        if (m_entity_kinds[i].plural == plural) return static_cast<KindIndex>(i);
    return std::nullopt;
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

namespace {

// Calls `visit(index, kind)` on a kind and then on its ancestors, nearest first, until it
// returns true; says whether it did.
template <typename Visit>
bool up_from(const std::vector<EntityKind>& kinds, KindIndex index, Visit visit) {
    // Parent chains are checked for cycles when the schema is loaded; the bound is a guard.
    for (std::size_t steps = 0; steps <= kinds.size(); ++steps) {
        const auto& kind = kinds[index];
        if (visit(index, kind)) return true;
        if (!kind.parent) return false;
        index = *kind.parent;
    }
    return false;
}

}  // namespace

bool Schema::is_a(KindIndex kind, KindIndex ancestor) const {
    return up_from(m_entity_kinds, kind, [&](KindIndex k, const EntityKind&) { return k == ancestor; });
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
    return up_from(m_entity_kinds, kind, [&](KindIndex, const EntityKind& k) {
        return std::find(k.attributes.begin(), k.attributes.end(), key) != k.attributes.end();
    });
}

bool Schema::relation_attribute_allowed(RelationKindIndex relation, std::string_view key) const {
    if (key == "note" || key.starts_with("x_")) return true;
    const auto& attributes = m_relation_kinds[relation].attributes;
    return std::find(attributes.begin(), attributes.end(), key) != attributes.end();
}

std::vector<std::string> Schema::entity_attributes(KindIndex kind) const {
    std::vector<std::string> all{"note"};
    up_from(m_entity_kinds, kind, [&](KindIndex, const EntityKind& k) {
        all.insert(all.end(), k.attributes.begin(), k.attributes.end());
        return false;
    });
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

const std::vector<std::string>* Schema::allowed_values(KindIndex kind, std::string_view key) const {
    const std::vector<std::string>* found = nullptr;
    up_from(m_entity_kinds, kind, [&](KindIndex, const EntityKind& k) {
        for (const auto& [name, values] : k.values) {
            if (name == key) {
                found = &values;
                return true;
            }
        }
        return false;
    });
    return found;
}

namespace {

// The nearest non-empty `field` of the kind and its ancestors.
const std::string& inherited(const std::vector<EntityKind>& kinds, KindIndex kind, std::string EntityKind::*field) {
    static const std::string none;
    const std::string* found = &none;
    up_from(kinds, kind, [&](KindIndex, const EntityKind& k) {
        if ((k.*field).empty()) return false;
        found = &(k.*field);
        return true;
    });
    return *found;
}

}  // namespace

const std::string& Schema::context_relation(KindIndex kind) const {
    return inherited(m_entity_kinds, kind, &EntityKind::context);
}

const std::string& Schema::summary_attribute(KindIndex kind) const {
    return inherited(m_entity_kinds, kind, &EntityKind::summary);
}

std::vector<KindIndex> Schema::kind_and_descendants(KindIndex kind) const {
    std::vector<KindIndex> result;
    for (std::size_t i = 0; i < m_entity_kinds.size(); ++i)
        if (is_a(static_cast<KindIndex>(i), kind)) result.push_back(static_cast<KindIndex>(i));
    return result;
}

}  // namespace orgraph
