#include "orgraph/model/graph_builder.hpp"

#include "orgraph/model/graph_image.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <stdexcept>

namespace orgraph {

const std::string* AttributeMap::find(std::string_view key) const {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                               [](const AttributeData& a, std::string_view k) { return a.key < k; });
    if (it == m_items.end() || it->key != key) return nullptr;
    return &it->value;
}

bool AttributeMap::set(std::string key, std::string value) {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                               [](const AttributeData& a, const std::string& k) { return a.key < k; });
    if (it != m_items.end() && it->key == key) return it->value == value;
    m_items.insert(it, AttributeData{std::move(key), std::move(value)});
    return true;
}

using image::id_hash;

void GraphBuilder::index_id(EntityIndex index) {
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

std::string_view GraphBuilder::TextBlocks::add(std::string_view text) {
    if (text.empty()) return {};
    char* at = nullptr;
    if (text.size() > block_size / 4) {
        at = m_long.emplace_back(new char[text.size()]).get();
    } else {
        if (m_blocks.empty() || m_blocks.back().use_count() > 1 || m_used + text.size() > block_size) {
            m_blocks.emplace_back(new char[block_size]);
            m_used = 0;
        }
        at = m_blocks.back().get() + m_used;
        m_used += text.size();
    }
    std::copy(text.begin(), text.end(), at);
    return {at, text.size()};
}

void GraphBuilder::TextBlocks::clear() {
    std::vector<std::shared_ptr<char[]>>().swap(m_blocks);
    std::vector<std::shared_ptr<char[]>>().swap(m_long);
    m_used = 0;
}

BuilderEntity GraphBuilder::store_entity(EntityData& entity) {
    BuilderEntity record;
    record.id = m_entity_text.add(entity.id);
    record.name = m_entity_text.add(entity.name);
    record.short_name = m_entity_text.add(entity.short_name);
    record.validity = entity.validity;
    record.kind = entity.kind;
    record.aliases = static_cast<std::uint32_t>(m_entity_aliases.size());
    record.alias_count = static_cast<std::uint32_t>(entity.aliases.size());
    for (const auto& alias : entity.aliases) m_entity_aliases.push_back(m_entity_text.add(alias));
    record.attributes = static_cast<std::uint32_t>(m_entity_attributes.size());
    record.attribute_count = static_cast<std::uint32_t>(entity.attributes.size());
    for (const auto& a : entity.attributes) {
        auto key = m_attribute_keys.find(std::string_view(a.key));
        if (key == m_attribute_keys.end()) {
            const auto stored = m_entity_text.add(a.key);
            key = m_attribute_keys.emplace(stored, stored).first;
        }
        m_entity_attributes.push_back({key->second, m_entity_text.add(a.value)});
    }
    if (m_entity_aliases.size() > 0xFFFFFFFFULL || m_entity_attributes.size() > 0xFFFFFFFFULL)
        throw std::length_error("more than 4,294,967,295 aliases or entity attributes in one graph");
    record.citations = keep_citations(std::move(entity.citations));
    return record;
}

EntityIndex GraphBuilder::add_entity(EntityData entity) {
    const auto index = static_cast<EntityIndex>(m_entities.size());
    m_entities.push_back(store_entity(entity));
    index_id(index);
    return index;
}

EntityView GraphBuilder::entity(EntityIndex index) const {
    const auto& e = m_entities[index];
    return {e.id,
            e.kind,
            e.name,
            e.short_name,
            {m_entity_aliases.data() + e.aliases, e.alias_count},
            {m_entity_attributes.data() + e.attributes, e.attribute_count},
            m_citation_lists[e.citations],
            e.validity};
}

EntityData GraphBuilder::entity_data(EntityIndex index) const {
    return copy_entity(entity(index));
}

// The new strings and lists are added; the old ones stay where they were, unused (an entity is
// changed rarely: a later layer amending it).
void GraphBuilder::replace_entity(EntityIndex index, EntityData entity) {
    const auto id = m_entities[index].id;
    entity.id.clear();  // the id stays where it is (the id index points at it)
    auto record = store_entity(entity);
    record.id = id;
    m_entities[index] = record;
}

std::uint32_t GraphBuilder::keep_attributes(AttributeMap attributes) {
    if (attributes.empty()) return 0;
    m_attribute_maps.push_back(std::move(attributes));
    return static_cast<std::uint32_t>(m_attribute_maps.size() - 1);
}

std::uint32_t GraphBuilder::keep_citations(CitationList citations) {
    if (citations.empty()) return 0;
    const bool plain = citations.size() == 1 && citations.front().locator.empty();
    const auto source = citations.front().source;
    if (plain && source < m_plain_citations.size() && m_plain_citations[source] != 0)
        return m_plain_citations[source] - 1;
    m_citation_lists.push_back(std::move(citations));
    const auto index = static_cast<std::uint32_t>(m_citation_lists.size() - 1);
    if (plain) {
        if (m_plain_citations.size() <= source) m_plain_citations.resize(source + 1, 0);
        m_plain_citations[source] = index + 1;
    }
    return index;
}

RelationIndex GraphBuilder::add_relation(RelationData relation) {
    const auto index = static_cast<RelationIndex>(m_relations.size());
    RelationRecord record;
    record.from = relation.from;
    record.to = relation.to;
    record.validity = relation.validity;
    record.kind = relation.kind;
    record.derived = relation.derived;
    record.attributes = keep_attributes(std::move(relation.attributes));
    record.citations = keep_citations(std::move(relation.citations));
    m_relations.push_back(record);
    return index;
}

RelationData GraphBuilder::relation_data(RelationIndex index) const {
    const auto& record = m_relations[index];
    RelationData relation;
    relation.kind = record.kind;
    relation.from = record.from;
    relation.to = record.to;
    relation.attributes = m_attribute_maps[record.attributes];
    relation.citations = m_citation_lists[record.citations];
    relation.validity = record.validity;
    relation.derived = record.derived;
    return relation;
}

void GraphBuilder::merge_relation(RelationIndex into, RelationIndex from) {
    const auto& source = m_relations[from];
    auto& target = m_relations[into];
    if (source.attributes != 0) {
        // A map of its own (maps are never shared), made when the relation had none.
        if (target.attributes == 0) {
            m_attribute_maps.emplace_back();
            target.attributes = static_cast<std::uint32_t>(m_attribute_maps.size() - 1);
        }
        auto& attributes = m_attribute_maps[target.attributes];
        for (const auto& a : m_attribute_maps[source.attributes]) attributes.set(a.key, a.value);
    }
    if (source.citations == target.citations) return;
    // Lists may be shared: the merged one is a new list.
    CitationList merged = m_citation_lists[target.citations];
    bool grew = false;
    for (const auto& c : m_citation_lists[source.citations])
        if (std::find(merged.begin(), merged.end(), c) == merged.end()) {
            merged.push_back(c);
            grew = true;
        }
    if (grew) target.citations = keep_citations(std::move(merged));
}

std::uint32_t GraphBuilder::rule_number(std::string_view rule) {
    // A schema has a handful of rules, and a rule derives its relations one after another.
    auto& names = m_derivations.rule_names;
    if (!m_derivations.records.empty() && names[m_derivations.records.back().rule] == rule)
        return m_derivations.records.back().rule;
    for (std::uint32_t i = 0; i < names.size(); ++i)
        if (names[i] == rule) return i;
    names.emplace_back(rule);
    return static_cast<std::uint32_t>(names.size() - 1);
}

RelationIndex GraphBuilder::add_derived_relation(RelationData relation, std::string_view rule,
                                                 std::span<const RelationIndex> facts) {
    relation.derived = true;
    const auto number = rule_number(rule);
    const auto index = add_relation(std::move(relation));
    m_derivations.records.push_back({index, number, m_derivations.facts.size()});
    m_derivations.facts.insert(m_derivations.facts.end(), facts.begin(), facts.end());
    return index;
}

std::optional<Derivation> GraphBuilder::derivation(RelationIndex index) const {
    const auto& records = m_derivations.records;
    auto it = std::lower_bound(records.begin(), records.end(), index,
                               [](const DerivationRecord& d, RelationIndex r) { return d.relation < r; });
    if (it == records.end() || it->relation != index) return std::nullopt;
    return Derivation{m_derivations.rule_names[it->rule],
                      m_derivations.facts_of(static_cast<std::size_t>(it - records.begin()))};
}

std::optional<EntityIndex> GraphBuilder::find(std::string_view id) const {
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

void GraphBuilder::prefetch_id_slot(std::string_view id) const {
    if (m_id_slots.empty()) return;
    __builtin_prefetch(&m_id_slots[static_cast<std::size_t>(id_hash(id)) & (m_id_slots.size() - 1)]);
}

void GraphBuilder::prefetch_entity(std::string_view id) const {
    if (m_id_slots.empty()) return;
    const auto h = id_hash(id);
    const auto slot = m_id_slots[static_cast<std::size_t>(h) & (m_id_slots.size() - 1)];
    // Only the first probe: an id further along is rare with the index at most half full.
    if (slot != 0 && (slot >> 32) == (h >> 32)) __builtin_prefetch(&m_entities[(slot & 0xFFFFFFFFULL) - 1]);
}

std::optional<SourceIndex> GraphBuilder::find_source(std::string_view id) const {
    auto it = m_source_ids.find(id);
    if (it == m_source_ids.end()) return std::nullopt;
    return it->second;
}

SourceIndex GraphBuilder::add_source(Source source) {
    const auto index = static_cast<SourceIndex>(sources.size());
    m_source_ids.emplace(source.id, index);
    sources.push_back(std::move(source));
    return index;
}

void GraphBuilder::reserve(std::size_t entities, std::size_t relations) {
    m_entities.reserve(entities);
    m_relations.reserve(relations);
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

void GraphBuilder::remove_relations(const std::vector<bool>& removed, bool drop_removed_facts) {
    std::vector<RelationIndex> renumbered(m_relations.size());
    RelationIndex kept = 0;
    for (RelationIndex r = 0; r < m_relations.size(); ++r) {
        renumbered[r] = kept;
        if (removed[r]) continue;
        if (kept != r) m_relations[kept] = m_relations[r];
        ++kept;
    }
    m_relations.erase(m_relations.begin() + kept, m_relations.end());
    // The derivations of the relations kept, their facts renumbered, moved down in place.
    auto& records = m_derivations.records;
    auto& facts = m_derivations.facts;
    std::size_t kept_records = 0;
    std::uint64_t kept_facts = 0;
    for (std::size_t d = 0; d < records.size(); ++d) {
        const auto begin = records[d].facts;
        const auto end = d + 1 < records.size() ? records[d + 1].facts : facts.size();
        if (removed[records[d].relation]) continue;
        auto record = records[d];
        record.relation = renumbered[record.relation];
        record.facts = kept_facts;
        for (auto f = begin; f < end; ++f)
            if (!drop_removed_facts || !removed[facts[f]]) facts[kept_facts++] = renumbered[facts[f]];
        records[kept_records++] = record;
    }
    records.resize(kept_records);
    facts.resize(kept_facts);
}

void GraphBuilder::remove_entities(const std::vector<bool>& removed) {
    std::vector<EntityIndex> renumbered(m_entities.size());
    EntityIndex kept = 0;
    for (EntityIndex e = 0; e < m_entities.size(); ++e) {
        renumbered[e] = kept;
        if (removed[e]) continue;
        if (kept != e) m_entities[kept] = m_entities[e];
        ++kept;
    }
    m_entities.erase(m_entities.begin() + kept, m_entities.end());
    for (auto& r : m_relations) {
        r.from = renumbered[r.from];
        r.to = renumbered[r.to];
    }
    // The id index again, over the entities that are left.
    std::fill(m_id_slots.begin(), m_id_slots.end(), 0);
    m_id_count = 0;
    for (EntityIndex e = 0; e < m_entities.size(); ++e) index_id(e);
}

void GraphBuilder::release_entities() {
    std::vector<std::uint64_t>().swap(m_id_slots);
    m_id_count = 0;
    std::vector<BuilderEntity>().swap(m_entities);
    std::vector<std::string_view>().swap(m_entity_aliases);
    std::vector<EntityAttribute>().swap(m_entity_attributes);
    m_attribute_keys.clear();
    m_entity_text.clear();
}

GraphBuilder::RelationTables GraphBuilder::take_relations() {
    RelationTables tables{std::move(m_relations), std::move(m_attribute_maps), std::move(m_citation_lists)};
    m_relations.clear();
    m_attribute_maps.assign(1, AttributeMap{});
    m_citation_lists.assign(1, CitationList{});
    m_plain_citations.clear();
    return tables;
}

GraphBuilder::DerivationTables GraphBuilder::take_derivations() {
    auto tables = std::move(m_derivations);
    m_derivations = {};
    return tables;
}

}  // namespace orgraph
