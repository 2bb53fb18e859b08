#pragma once
// The graph while it is being built: the loader, date restriction and the derivation rules add
// and amend entities and relations here; freeze() (model/graph.hpp) then turns it into the
// compact, immutable Graph that every query reads.
//
// Entities and relations live in plain vectors indexed by EntityIndex and RelationIndex; a
// Boost.Graph topology mirrors them (vertex i is entity i, each edge carries the index of its
// relation), so the derivation rules can walk the graph as it grows.

#include <boost/container/small_vector.hpp>
#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <memory>
#include <optional>
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

struct RelationData {
    RelationKindIndex kind = 0;
    EntityIndex from = 0;
    EntityIndex to = 0;
    AttributeMap attributes;
    CitationList citations;
    Validity validity;
    bool derived = false;
    std::string rule;                         // the rule that derived it
    std::vector<RelationIndex> derived_from;  // the facts it was derived from
};

struct EdgeBundle {
    RelationIndex relation = 0;
};

class GraphBuilder {
public:
    using Topology = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                           EdgeBundle, boost::no_property, boost::vecS>;

    Schema schema;
    std::vector<Source> sources;
    std::vector<Layer> layers;
    bool rules_applied = false;  // derive_relations() has run

    EntityIndex add_entity(EntityData entity);
    RelationIndex add_relation(RelationData relation);

    [[nodiscard]] std::optional<EntityIndex> find(std::string_view id) const;
    // Hints for a bulk loader that looks up many ids in a row: the first asks for the id's slot
    // in the index, the second (once that slot has arrived) for the entity it names, so that
    // a later find() waits on neither.
    void prefetch_id_slot(std::string_view id) const;
    void prefetch_entity(std::string_view id) const;
    [[nodiscard]] std::optional<SourceIndex> find_source(std::string_view id) const;
    SourceIndex add_source(Source source);

    [[nodiscard]] const std::vector<EntityData>& entities() const { return m_entities; }
    [[nodiscard]] const std::vector<RelationData>& relations() const { return m_relations; }
    [[nodiscard]] const EntityData& entity(EntityIndex index) const { return m_entities[index]; }
    [[nodiscard]] EntityData& entity_mut(EntityIndex index) { return m_entities[index]; }
    [[nodiscard]] const RelationData& relation(RelationIndex index) const { return m_relations[index]; }
    [[nodiscard]] const Topology& topology() const { return *m_topology; }

    // Relations leaving / entering an entity, in the order they were added.
    [[nodiscard]] std::vector<RelationIndex> out_relations(EntityIndex index) const;
    [[nodiscard]] std::vector<RelationIndex> in_relations(EntityIndex index) const;

    [[nodiscard]] const EntityKind& kind_of(EntityIndex index) const {
        return schema.entity_kind(m_entities[index].kind);
    }
    [[nodiscard]] const RelationKind& kind_of_relation(RelationIndex index) const {
        return schema.relation_kind(m_relations[index].kind);
    }

    void reserve(std::size_t entities, std::size_t relations);

    // For freeze(): hands the records over, leaving the builder empty of them (and of its
    // topology and id index, which freeze() does not need).
    std::vector<EntityData> take_entities();
    std::vector<RelationData> take_relations();

private:
    // Boost's adjacency_list has no move constructor, and its swap() copies the whole graph three
    // times: with a vector edge list every out-edge entry points at the graph's own edge vector,
    // so the members cannot simply be exchanged. Kept on the heap, the topology moves with its
    // pointer (out of the loader, or when a graph is restricted to a date); copying a Graph still
    // copies it. A moved-from box is empty and may only be assigned to or destroyed.
    class TopologyBox {
    public:
        TopologyBox() : m_topology(std::make_unique<Topology>()) {}
        TopologyBox(const TopologyBox& other) : m_topology(std::make_unique<Topology>(*other)) {}
        TopologyBox(TopologyBox&&) noexcept = default;
        TopologyBox& operator=(const TopologyBox& other) {
            if (this != &other) m_topology = std::make_unique<Topology>(*other);
            return *this;
        }
        TopologyBox& operator=(TopologyBox&&) noexcept = default;
        ~TopologyBox() = default;
        Topology& operator*() { return *m_topology; }
        const Topology& operator*() const { return *m_topology; }
        Topology* operator->() { return m_topology.get(); }

    private:
        std::unique_ptr<Topology> m_topology;
    };
    // Lookups by string_view without building a std::string.
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
    };

    std::vector<EntityData> m_entities;
    std::vector<RelationData> m_relations;
    TopologyBox m_topology;
    // Entity ids to indices: open addressing over the entities' own id strings, each slot the
    // id's hash in the high 32 bits and the index + 1 in the low ones (0: empty). A tenth of the
    // memory of a map holding a second copy of every id, and fewer cache misses.
    std::vector<std::uint64_t> m_id_slots;
    std::size_t m_id_count = 0;
    void index_id(EntityIndex index);
    std::unordered_map<std::string, SourceIndex, IdHash, std::equal_to<>> m_source_ids;
};

}  // namespace orgraph
