#pragma once
// The graph while it is being built: the loader, date restriction and the derivation rules add
// and amend entities and relations here; freeze() (model/graph.hpp) then turns it into the
// compact, immutable Graph that every query reads.
//
// Entities and relations live in plain vectors indexed by EntityIndex and RelationIndex, with
// an index of entity ids. Nothing else is kept per relation while a graph is built: the
// derivation rules make their own adjacency arrays when they need them, and a derived
// relation's rule and facts sit in a side table, since most relations are stated.

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "orgraph/model/graph_types.hpp"

namespace orgraph {

// A pointer into a source: which source, and where in it ("12-14" for lines 12 to 14).
struct CitationData {
    SourceIndex source = 0;
    std::string locator;

    auto operator<=>(const CitationData&) const = default;
};

// One citation is kept inline. Boost's small_vector does not declare its move constructor
// noexcept (although moving citations cannot throw), and without that std::vector copies every
// entity and relation each time it grows; this type declares it.
struct CitationList : boost::container::small_vector<CitationData, 1> {
    using Base = boost::container::small_vector<CitationData, 1>;
    using Base::Base;
    CitationList() = default;
    CitationList(const CitationList&) = default;
    CitationList(CitationList&&) noexcept = default;
    CitationList& operator=(const CitationList&) = default;
    CitationList& operator=(CitationList&&) noexcept = default;
    ~CitationList() = default;
};

struct AttributeData {
    std::string key;
    std::string value;

    auto operator<=>(const AttributeData&) const = default;
};

// Attributes kept sorted by key, each key at most once.
class AttributeMap {
public:
    [[nodiscard]] const std::string* find(std::string_view key) const;
    // Sets the value; returns false (and changes nothing) when the key holds another value.
    bool set(std::string key, std::string value);
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    [[nodiscard]] auto begin() const { return m_items.begin(); }
    [[nodiscard]] auto end() const { return m_items.end(); }

private:
    std::vector<AttributeData> m_items;
};

// An entity as it is handed to the builder (add_entity) or taken back from it (entity_data).
struct EntityData {
    std::string id;
    KindIndex kind = 0;
    std::string name;
    std::string short_name;
    std::vector<std::string> aliases;
    AttributeMap attributes;
    CitationList citations;
    Validity validity;
};

struct EntityAttribute {
    std::string_view key;
    std::string_view value;
};

// An entity as the builder keeps it: 88 bytes, its strings in the builder's text blocks, its
// aliases and attributes (sorted by key) as ranges of the builder's side tables and its
// citations among the builder's lists of citations (which an entity cited to one source without
// a locator shares with every other such entity and relation). A million entities then cost a
// few hundred bytes each rather than a record with a heap allocation per string.
struct BuilderEntity {
    std::string_view id;
    std::string_view name;
    std::string_view short_name;
    Validity validity;
    KindIndex kind = 0;
    std::uint32_t aliases = 0;  // the first in the builder's aliases
    std::uint32_t alias_count = 0;
    std::uint32_t attributes = 0;  // the first in the builder's entity attributes
    std::uint32_t attribute_count = 0;
    std::uint32_t citations = 0;  // into the builder's lists of citations; 0 is the empty one
};

// An entity read as a view (a builder's EntityView, or a frozen graph's Entity), copied whole.
template <typename View>
EntityData copy_entity(const View& view) {
    EntityData data;
    data.id = view.id;
    data.kind = view.kind;
    data.name = view.name;
    data.short_name = view.short_name;
    for (const auto& alias : view.aliases) data.aliases.emplace_back(alias);
    for (const auto& a : view.attributes) data.attributes.set(std::string(a.key), std::string(a.value));
    for (const auto& c : view.citations) data.citations.push_back({c.source, std::string(c.locator)});
    data.validity = view.validity;
    return data;
}

// A builder's entity read whole: views into the builder, valid until it next changes.
struct EntityView {
    std::string_view id;
    KindIndex kind = 0;
    std::string_view name;
    std::string_view short_name;
    std::span<const std::string_view> aliases;
    std::span<const EntityAttribute> attributes;
    const CitationList& citations;
    Validity validity;
};

// A relation as it is handed to the builder (add_relation) or taken back from it
// (relation_data).
struct RelationData {
    RelationKindIndex kind = 0;
    EntityIndex from = 0;
    EntityIndex to = 0;
    AttributeMap attributes;
    CitationList citations;
    Validity validity;
    bool derived = false;  // added by a rule; its rule and facts are the builder's derivation()
};

// A relation as the builder keeps it: 32 bytes. Its attributes and citations sit in tables of
// the builder (relation_attributes, relation_citations): most relations have no attribute, and
// relations cited to the same source without a locator (every row of a bulk CSV file without a
// provenance column, and what is derived from them) share one list of citations.
struct RelationRecord {
    EntityIndex from = 0;
    EntityIndex to = 0;
    Validity validity;
    RelationKindIndex kind = 0;
    bool derived = false;          // added by a rule; its rule and facts are the builder's derivation()
    std::uint32_t attributes = 0;  // into the builder's attribute maps; 0 is the empty one
    std::uint32_t citations = 0;   // into the builder's lists of citations; 0 is the empty one
};

// How a derived relation came about, as handed to the builder.
struct DerivationData {
    std::string rule;                  // the rule that derived it
    std::vector<RelationIndex> facts;  // the relations it was derived from
};

// How a derived relation came about, as the builder keeps it: views into its tables, valid
// until the builder next changes.
struct Derivation {
    std::string_view rule;
    std::span<const RelationIndex> facts;
};

class GraphBuilder {
public:
    Schema schema;
    std::vector<Source> sources;
    std::vector<Layer> layers;
    bool rules_applied = false;  // derive_relations() has run
    // Chains of facts the rules followed whose facts never hold at one time, so that they
    // derived nothing (derive.hpp). While there are none, a derived graph restricted to a date
    // is what deriving from the facts of that date gives (as_of.hpp).
    std::uint64_t disjoint_chains = 0;

    EntityIndex add_entity(EntityData entity);
    RelationIndex add_relation(RelationData relation);
    // A relation a rule derived (marked derived whatever `relation` says), with how.
    RelationIndex add_derived_relation(RelationData relation, std::string_view rule,
                                       std::span<const RelationIndex> facts);
    RelationIndex add_derived_relation(RelationData relation, const DerivationData& derivation) {
        return add_derived_relation(std::move(relation), derivation.rule, derivation.facts);
    }

    [[nodiscard]] std::optional<EntityIndex> find(std::string_view id) const;
    // Hints for a bulk loader that looks up many ids in a row: the first asks for the id's slot
    // in the index, the second (once that slot has arrived) for the entity it names, so that
    // a later find() waits on neither.
    void prefetch_id_slot(std::string_view id) const;
    void prefetch_entity(std::string_view id) const;
    [[nodiscard]] std::optional<SourceIndex> find_source(std::string_view id) const;
    SourceIndex add_source(Source source);

    [[nodiscard]] const std::vector<BuilderEntity>& entities() const { return m_entities; }
    [[nodiscard]] const std::vector<RelationRecord>& relations() const { return m_relations; }
    [[nodiscard]] EntityView entity(EntityIndex index) const;
    [[nodiscard]] KindIndex entity_kind(EntityIndex index) const { return m_entities[index].kind; }
    // The whole entity, its strings and lists copied out.
    [[nodiscard]] EntityData entity_data(EntityIndex index) const;
    // Changes the entity through `change` (given its EntityData); everything but its id may change.
    template <typename Change>
    void change_entity(EntityIndex index, Change&& change) {
        auto data = entity_data(index);
        change(data);
        replace_entity(index, std::move(data));
    }
    [[nodiscard]] const RelationRecord& relation(RelationIndex index) const { return m_relations[index]; }
    [[nodiscard]] const AttributeMap& relation_attributes(RelationIndex index) const {
        return m_attribute_maps[m_relations[index].attributes];
    }
    [[nodiscard]] const CitationList& relation_citations(RelationIndex index) const {
        return m_citation_lists[m_relations[index].citations];
    }
    // The whole relation, its attributes and citations copied out.
    [[nodiscard]] RelationData relation_data(RelationIndex index) const;
    // Gives relation `into` the attributes it lacks and the citations it lacks of relation
    // `from` (a statement made twice, merged by the loader).
    void merge_relation(RelationIndex into, RelationIndex from);
    // The rule and facts behind a derived relation; nothing for a stated one.
    [[nodiscard]] std::optional<Derivation> derivation(RelationIndex index) const;

    [[nodiscard]] const EntityKind& kind_of(EntityIndex index) const {
        return schema.entity_kind(m_entities[index].kind);
    }
    [[nodiscard]] const RelationKind& kind_of_relation(RelationIndex index) const {
        return schema.relation_kind(m_relations[index].kind);
    }

    void reserve(std::size_t entities, std::size_t relations);
    // Removes the relations marked (one flag per relation), keeping the others in their order;
    // derived relations' facts are renumbered, and must not be among those removed unless
    // `drop_removed_facts` says to leave those out of the derivations.
    void remove_relations(const std::vector<bool>& removed, bool drop_removed_facts = false);
    // Removes the entities marked, keeping the others in their order and renumbering the
    // relations' ends; no relation may touch an entity removed (remove those first).
    void remove_entities(const std::vector<bool>& removed);

    // For freeze(), once it has copied them: lets go of the entities' records, strings and side
    // tables, and of the id index.
    void release_entities();
    // For freeze(): hands the relations over, leaving the builder empty of them.
    struct RelationTables {
        std::vector<RelationRecord> relations;
        std::vector<AttributeMap> attribute_maps;
        std::vector<CitationList> citation_lists;
    };
    RelationTables take_relations();
    // The derived relations' rules and facts, in relation order: the rules' names once each,
    // and every derivation's facts in one array.
    struct DerivationRecord {
        RelationIndex relation = 0;
        std::uint32_t rule = 0;   // into rule_names
        std::uint64_t facts = 0;  // where its facts begin in `facts`; they end where the next one's begin
    };
    struct DerivationTables {
        std::vector<DerivationRecord> records;
        std::vector<RelationIndex> facts;
        std::vector<std::string> rule_names;

        [[nodiscard]] std::span<const RelationIndex> facts_of(std::size_t d) const {
            const auto end = d + 1 < records.size() ? records[d + 1].facts : facts.size();
            return {facts.data() + records[d].facts, static_cast<std::size_t>(end - records[d].facts)};
        }
    };
    DerivationTables take_derivations();

private:
    // Lookups by string_view without building a std::string.
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
    };

    std::vector<BuilderEntity> m_entities;
    // The entities' strings, in blocks that never move (so that the records' views stay valid),
    // and their aliases and attributes; attribute keys are kept once each.
    class TextBlocks {
    public:
        std::string_view add(std::string_view text);
        void clear();

    private:
        static constexpr std::size_t block_size = std::size_t{1} << 20;
        // A copy of the builder shares the blocks (the records copied with it point into them);
        // a block shared so is never added to again, by either side.
        std::vector<std::shared_ptr<char[]>> m_blocks;
        std::vector<std::shared_ptr<char[]>> m_long;  // a block each for long strings
        std::size_t m_used = 0;                       // of the last block
    };
    TextBlocks m_entity_text;
    std::vector<std::string_view> m_entity_aliases;
    std::vector<EntityAttribute> m_entity_attributes;
    std::unordered_map<std::string_view, std::string_view> m_attribute_keys;
    BuilderEntity store_entity(EntityData& entity);
    void replace_entity(EntityIndex index, EntityData entity);
    std::vector<RelationRecord> m_relations;
    // The relations' attribute maps and lists of citations; the first of each is empty. A list
    // of one citation without a locator is kept once per source (m_plain_citations: 1 + where
    // it is, by source; 0 while there is none).
    std::vector<AttributeMap> m_attribute_maps{1};
    std::vector<CitationList> m_citation_lists{1};
    std::vector<std::uint32_t> m_plain_citations;
    std::uint32_t keep_attributes(AttributeMap attributes);
    std::uint32_t keep_citations(CitationList citations);
    // The derived relations' rules and facts, in relation order, without an allocation of their
    // own: a rule derives hundreds of thousands of relations at scale.
    DerivationTables m_derivations;
    std::uint32_t rule_number(std::string_view rule);
    // Entity ids to indices: open addressing over the entities' own id strings, each slot the
    // id's hash in the high 32 bits and the index + 1 in the low ones (0: empty). A tenth of the
    // memory of a map holding a second copy of every id, and fewer cache misses.
    std::vector<std::uint64_t> m_id_slots;
    std::size_t m_id_count = 0;
    void index_id(EntityIndex index);
    std::unordered_map<std::string, SourceIndex, IdHash, std::equal_to<>> m_source_ids;
};

}  // namespace orgraph
