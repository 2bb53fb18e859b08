#pragma once
// The typed graph every query reads: entities (vertices) and relations (edges), each with its
// provenance, frozen into compact read-only tables.
//
// A Graph is made once, by freeze() from a GraphBuilder (model/graph_builder.hpp) or by opening
// a snapshot file (model/snapshot.hpp), and never changes. Its tables are arrays of small
// fixed-size records (model/graph_image.hpp): every string lives once in a text pool, lists
// (aliases, attributes, citations, the facts a derived relation rests on) are ranges of side
// tables, and the relations leaving and entering each entity are CSR arrays. The tables live in
// memory owned by the graph or in a mapped snapshot file; the same code reads both, so a graph
// answers alike from text and from a snapshot.
//
// Entity, Relation, Citation and Attributes below are views: small values made on demand from
// the records, valid as long as the graph (or a copy of it: copies share the tables) lives.

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgraph/model/graph_image.hpp"
#include "orgraph/model/graph_types.hpp"

namespace orgraph {

class GraphBuilder;

// A random-access range of values made on demand: `Derived` provides size() and
// operator[](std::size_t) returning `Value` by value.
template <typename Derived, typename Value>
class ViewRange {
public:
    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Value;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = Value;

        iterator() = default;
        iterator(const Derived* range, std::size_t index) : m_range(range), m_index(index) {}
        Value operator*() const { return (*m_range)[m_index]; }
        Value operator[](difference_type n) const { return (*m_range)[m_index + static_cast<std::size_t>(n)]; }
        iterator& operator++() {
            ++m_index;
            return *this;
        }
        iterator operator++(int) {
            auto old = *this;
            ++m_index;
            return old;
        }
        iterator& operator--() {
            --m_index;
            return *this;
        }
        iterator operator--(int) {
            auto old = *this;
            --m_index;
            return old;
        }
        iterator& operator+=(difference_type n) {
            m_index = static_cast<std::size_t>(static_cast<difference_type>(m_index) + n);
            return *this;
        }
        iterator& operator-=(difference_type n) { return *this += -n; }
        friend iterator operator+(iterator it, difference_type n) { return it += n; }
        friend iterator operator+(difference_type n, iterator it) { return it += n; }
        friend iterator operator-(iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const iterator& a, const iterator& b) {
            return static_cast<difference_type>(a.m_index) - static_cast<difference_type>(b.m_index);
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.m_index == b.m_index; }
        friend auto operator<=>(const iterator& a, const iterator& b) { return a.m_index <=> b.m_index; }

    private:
        const Derived* m_range = nullptr;
        std::size_t m_index = 0;
    };

    [[nodiscard]] iterator begin() const { return iterator(self(), 0); }
    [[nodiscard]] iterator end() const { return iterator(self(), self()->size()); }
    [[nodiscard]] bool empty() const { return self()->size() == 0; }
    [[nodiscard]] Value front() const { return (*self())[0]; }
    [[nodiscard]] Value back() const { return (*self())[self()->size() - 1]; }

private:
    const Derived* self() const { return static_cast<const Derived*>(this); }
};

// A pointer into a source: which source, and where in it ("12-14" for lines 12 to 14).
struct Citation {
    SourceIndex source = 0;
    std::string_view locator;

    auto operator<=>(const Citation&) const = default;
};

struct Attribute {
    std::string_view key;
    std::string_view value;

    auto operator<=>(const Attribute&) const = default;
};

// The strings of a list (an entity's aliases).
class TextList : public ViewRange<TextList, std::string_view> {
public:
    TextList() = default;
    TextList(const char* text, std::span<const image::Text> items) : m_text(text), m_items(items) {}
    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    std::string_view operator[](std::size_t i) const { return image::text_of(m_text, m_items[i]); }

private:
    const char* m_text = nullptr;
    std::span<const image::Text> m_items;
};

// Attributes sorted by key, each key at most once.
class Attributes : public ViewRange<Attributes, Attribute> {
public:
    Attributes() = default;
    Attributes(const char* text, std::span<const image::Attribute> items) : m_text(text), m_items(items) {}
    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    Attribute operator[](std::size_t i) const {
        return {image::text_of(m_text, m_items[i].key), image::text_of(m_text, m_items[i].value)};
    }
    // The value of a key, if the entity or relation has it.
    [[nodiscard]] std::optional<std::string_view> find(std::string_view key) const;

private:
    const char* m_text = nullptr;
    std::span<const image::Attribute> m_items;
};

class Citations : public ViewRange<Citations, Citation> {
public:
    Citations() = default;
    Citations(const char* text, std::span<const image::Citation> items) : m_text(text), m_items(items) {}
    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    Citation operator[](std::size_t i) const { return {m_items[i].source, image::text_of(m_text, m_items[i].locator)}; }
    friend bool operator==(const Citations& a, const Citations& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i] != b[i]) return false;
        return true;
    }

private:
    const char* m_text = nullptr;
    std::span<const image::Citation> m_items;
};

struct Entity {
    std::string_view id;
    KindIndex kind = 0;
    std::string_view name;
    std::string_view short_name;
    TextList aliases;
    Attributes attributes;
    Citations citations;
    Validity validity;
};

struct Relation {
    RelationKindIndex kind = 0;
    EntityIndex from = 0;
    EntityIndex to = 0;
    Attributes attributes;
    Citations citations;
    Validity validity;
    bool derived = false;
    std::string_view rule;                        // the rule that derived it
    std::span<const RelationIndex> derived_from;  // the facts it was derived from
};

// One relation at an entity, as the adjacency arrays hold it: enough to decide whether a route
// may take it without reading the relation itself.
using Adjacent = image::Adjacent;

class Graph;

class EntityRange : public ViewRange<EntityRange, Entity> {
public:
    explicit EntityRange(const Graph* graph) : m_graph(graph) {}
    [[nodiscard]] std::size_t size() const;
    Entity operator[](std::size_t i) const;

private:
    const Graph* m_graph;
};

class RelationRange : public ViewRange<RelationRange, Relation> {
public:
    explicit RelationRange(const Graph* graph) : m_graph(graph) {}
    [[nodiscard]] std::size_t size() const;
    Relation operator[](std::size_t i) const;

private:
    const Graph* m_graph;
};

// One name of an entity as the name index holds it: folded (model/text.hpp) for lookups.
struct NameKey {
    std::string_view folded;
    EntityIndex entity = 0;
    std::uint32_t written = 0;  // 0 name, 1 short name, 2+ aliases
};

class Graph;

// The graph as it stands at present, carried beside a graph of every date (a snapshot keeps the
// one of the day it was made), with the days on which it is the present graph: from `from` up
// to the day before `until` (none: every day after `from`). On those days no fact begins or
// ends, so restricting the whole graph to any of them gives this graph.
struct PresentGraph {
    std::shared_ptr<const Graph> graph;
    Date from;
    std::optional<Date> until;

    [[nodiscard]] bool covers(const Date& day) const {
        const auto d = day.first_day();
        return !(d < from) && (!until || d < *until);
    }
};

class Graph {
public:
    // An empty graph with an empty schema.
    Graph();

    Schema schema;
    std::vector<Source> sources;
    std::vector<Layer> layers;
    bool rules_applied = false;         // the schema's derivation rules have run (derive.hpp)
    std::uint64_t disjoint_chains = 0;  // GraphBuilder::disjoint_chains when it was frozen
    // The tables are a read-only mapping of a file (a snapshot): the kernel may drop their pages
    // at any time and reads them again from the file when they are next touched.
    bool mapped_from_file = false;
    // For a graph of every date, the graph at present when it is carried with it (a snapshot's).
    std::optional<PresentGraph> present;

    // For a graph mapped from a file, tells the kernel that the pages of every table but the
    // text will not be needed soon (a graph made from this one by subgraph() has its own), so
    // they stop counting against the process's memory; they are read again if touched. Does
    // nothing for a graph whose tables are in memory it owns.
    void release_table_pages() const;

    [[nodiscard]] EntityRange entities() const { return EntityRange(this); }
    [[nodiscard]] RelationRange relations() const { return RelationRange(this); }
    [[nodiscard]] std::size_t entity_count() const { return m_tables.entities.size() - 1; }
    [[nodiscard]] std::size_t relation_count() const { return m_tables.relations.size() - 1; }
    [[nodiscard]] Entity entity(EntityIndex index) const;
    [[nodiscard]] Relation relation(RelationIndex index) const;
    // The cheap parts of a record, without making the whole view.
    [[nodiscard]] KindIndex entity_kind_index(EntityIndex index) const { return m_tables.entities[index].kind; }
    [[nodiscard]] std::string_view entity_id(EntityIndex index) const {
        return image::text_of(m_tables.text.data(), m_tables.entities[index].id);
    }
    [[nodiscard]] std::string_view entity_name(EntityIndex index) const {
        return image::text_of(m_tables.text.data(), m_tables.entities[index].name);
    }
    [[nodiscard]] Validity entity_validity(EntityIndex index) const {
        const auto& e = m_tables.entities[index];
        return {image::unpack_date(e.valid_from), image::unpack_date(e.valid_to)};
    }
    [[nodiscard]] Attributes entity_attributes(EntityIndex index) const {
        const auto begin = m_tables.entities[index].attributes;
        return Attributes(m_tables.text.data(),
                          m_tables.attributes.subspan(begin, m_tables.entities[index + 1].attributes - begin));
    }
    [[nodiscard]] Validity relation_validity(RelationIndex index) const {
        const auto& r = m_tables.relations[index];
        return {image::unpack_date(r.valid_from), image::unpack_date(r.valid_to)};
    }
    // The entity's place among all entities sorted by id: comparing ranks orders as comparing ids.
    [[nodiscard]] std::uint32_t id_rank(EntityIndex index) const { return m_tables.id_rank[index]; }
    [[nodiscard]] const image::Relation& relation_record(RelationIndex index) const {
        return m_tables.relations[index];
    }

    [[nodiscard]] std::optional<EntityIndex> find(std::string_view id) const;
    [[nodiscard]] std::optional<SourceIndex> find_source(std::string_view id) const;

    // The relations leaving and entering an entity, ordered for routes: by the id of the entity
    // at the other end, then by relation index. Self-loops are included.
    [[nodiscard]] std::span<const Adjacent> out_edges(EntityIndex index) const {
        return m_tables.out_edges.subspan(m_tables.out_offsets[index],
                                          m_tables.out_offsets[index + 1] - m_tables.out_offsets[index]);
    }
    [[nodiscard]] std::span<const Adjacent> in_edges(EntityIndex index) const {
        return m_tables.in_edges.subspan(m_tables.in_offsets[index],
                                         m_tables.in_offsets[index + 1] - m_tables.in_offsets[index]);
    }
    // Relations leaving / entering an entity, in the order they were stated (by index).
    [[nodiscard]] std::vector<RelationIndex> out_relations(EntityIndex index) const;
    [[nodiscard]] std::vector<RelationIndex> in_relations(EntityIndex index) const;

    [[nodiscard]] const EntityKind& kind_of(EntityIndex index) const {
        return schema.entity_kind(m_tables.entities[index].kind);
    }
    [[nodiscard]] const RelationKind& kind_of_relation(RelationIndex index) const {
        return schema.relation_kind(m_tables.relations[index].kind);
    }
    // "mfa-structure, line 12" / "mfa-structure, lines 5-6" / "iso-codes".
    [[nodiscard]] std::string cite(const Citation& citation) const;
    [[nodiscard]] std::string cite(const Citations& citations) const;

    // The name index (ids, names, short names and aliases, folded and sorted), when the graph
    // was frozen with one or opened from a snapshot; empty otherwise.
    [[nodiscard]] bool has_name_index() const { return !m_tables.name_keys.empty() || entity_count() == 0; }
    [[nodiscard]] std::size_t name_key_count() const { return m_tables.name_keys.size(); }
    [[nodiscard]] NameKey name_key(std::size_t i) const {
        const auto& k = m_tables.name_keys[i];
        return {image::text_of(m_tables.text.data(), k.folded), k.entity, k.written};
    }
    // Entities whose id, in ASCII lower case, is `lower` (ids differing only in case are rare).
    [[nodiscard]] std::vector<EntityIndex> find_lower_id(std::string_view lower) const;

    // The tables themselves, for the snapshot writer and tests.
    [[nodiscard]] const image::Tables& tables() const { return m_tables; }

    // Made by freeze() and the snapshot reader: tables and the storage that keeps them alive.
    Graph(Schema schema, std::vector<Source> sources, std::vector<Layer> layers, image::Tables tables,
          std::shared_ptr<const void> storage);

private:
    friend Graph subgraph(const Graph&, std::span<const std::uint8_t>, std::span<const std::uint8_t>);
    image::Tables m_tables;
    std::shared_ptr<const void> m_storage;
    std::unordered_map<std::string, SourceIndex> m_source_ids;
};

inline std::size_t EntityRange::size() const {
    return m_graph->entity_count();
}
inline Entity EntityRange::operator[](std::size_t i) const {
    return m_graph->entity(static_cast<EntityIndex>(i));
}
inline std::size_t RelationRange::size() const {
    return m_graph->relation_count();
}
inline Relation RelationRange::operator[](std::size_t i) const {
    return m_graph->relation(static_cast<RelationIndex>(i));
}

// The name a reader scans a list by: the entity's `list_name` attribute when it has one (the
// gazetteer's common short name: "Democratic Republic of the Congo" for ISO's "Congo, The
// Democratic Republic of the"), else its name. Cards and exports keep the name itself.
std::string_view list_name(const Graph& graph, EntityIndex entity);

struct FreezeOptions {
    // Build the name index (what `find` and name lookups use) now rather than when a command
    // first resolves a name: worth it for a snapshot, not for a one-off command.
    bool name_index = false;
    // The entities' order by id, as id_order() gives it, when it was worked out beforehand
    // (prepare_graph does, beside the derivation rules); freeze() works it out otherwise.
    const std::vector<EntityIndex>* id_order = nullptr;
};

// The builder's entities in the order of their ids (bytewise), as indices; of two with one id,
// the earlier first.
std::vector<EntityIndex> id_order(const GraphBuilder& builder);

// Freezes a built graph into the compact, immutable form. The builder is consumed: its memory is
// released as the tables are made.
Graph freeze(GraphBuilder&& builder, const FreezeOptions& options = {});

// The part of a graph made of the entities and relations marked kept (one byte per entity and
// per relation, nonzero to keep), in their order, without copying a string: the new graph shares
// the text of the old one and keeps it alive. A kept relation's two ends, and the facts a kept
// derived relation rests on, must be kept too. The name index is kept when the graph has one.
Graph subgraph(const Graph& graph, std::span<const std::uint8_t> keep_entity,
               std::span<const std::uint8_t> keep_relation);

// The facts of a frozen graph (derived relations left out) as a builder again, to restrict
// them to a date and derive anew.
GraphBuilder thaw(const Graph& graph);

}  // namespace orgraph
