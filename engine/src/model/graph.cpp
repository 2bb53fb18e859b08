#include "orgraph/model/graph.hpp"

#include <fmt/format.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "large_pages.hpp"
#include "orgraph/model/graph_builder.hpp"
#include "orgraph/model/pages.hpp"
#include "orgraph/model/text.hpp"
#include "threads.hpp"

namespace orgraph {

namespace image {

std::uint64_t id_hash(std::string_view id) {
    // FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const unsigned char c : id) h = (h ^ c) * 0x100000001B3ULL;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

}  // namespace image

std::optional<std::string_view> Attributes::find(std::string_view key) const {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), key, [&](const image::Attribute& a, std::string_view k) {
        return image::text_of(m_text, a.key) < k;
    });
    if (it == m_items.end() || image::text_of(m_text, it->key) != key) return std::nullopt;
    return image::text_of(m_text, it->value);
}

Graph::Graph() : Graph(freeze(GraphBuilder{})) {}

Graph::Graph(Schema schema_, std::vector<Source> sources_, std::vector<Layer> layers_, image::Tables tables,
             std::shared_ptr<const void> storage)
    : schema(std::move(schema_)),
      sources(std::move(sources_)),
      layers(std::move(layers_)),
      m_tables(tables),
      m_storage(std::move(storage)) {
    for (SourceIndex s = 0; s < sources.size(); ++s) m_source_ids.emplace(sources[s].id, s);
}

Entity Graph::entity(EntityIndex index) const {
    const auto* text = m_tables.text.data();
    const auto& e = m_tables.entities[index];
    const auto& next = m_tables.entities[index + 1];
    Entity view;
    view.id = image::text_of(text, e.id);
    view.kind = e.kind;
    view.name = image::text_of(text, e.name);
    view.short_name = image::text_of(text, e.short_name);
    view.aliases = TextList(text, m_tables.aliases.subspan(e.aliases, next.aliases - e.aliases));
    view.attributes = Attributes(text, m_tables.attributes.subspan(e.attributes, next.attributes - e.attributes));
    view.citations = Citations(text, m_tables.citations.subspan(e.citations, next.citations - e.citations));
    view.validity = {image::unpack_date(e.valid_from), image::unpack_date(e.valid_to)};
    return view;
}

Relation Graph::relation(RelationIndex index) const {
    const auto* text = m_tables.text.data();
    const auto& r = m_tables.relations[index];
    const auto& next = m_tables.relations[index + 1];
    Relation view;
    view.kind = r.kind;
    view.from = r.from;
    view.to = r.to;
    view.attributes = Attributes(text, m_tables.attributes.subspan(r.attributes, next.attributes - r.attributes));
    view.citations = Citations(text, m_tables.citations.subspan(r.citations, next.citations - r.citations));
    view.validity = {image::unpack_date(r.valid_from), image::unpack_date(r.valid_to)};
    view.derived = (r.flags & image::relation_derived) != 0;
    view.rule = image::text_of(text, r.rule);
    view.derived_from = m_tables.derived_from.subspan(r.derived_from, next.derived_from - r.derived_from);
    return view;
}

namespace {

template <typename T>
void release_pages(std::span<const T> table) {
    release_whole_pages(table.data(), table.size_bytes());
}

}  // namespace

void Graph::release_table_pages() const {
    if (!mapped_from_file) return;
    const auto& t = m_tables;
    release_pages(t.entities), release_pages(t.aliases), release_pages(t.attributes), release_pages(t.citations);
    release_pages(t.relations), release_pages(t.derived_from), release_pages(t.out_offsets);
    release_pages(t.out_edges), release_pages(t.in_offsets), release_pages(t.in_edges), release_pages(t.id_rank);
    release_pages(t.id_slots), release_pages(t.name_keys), release_pages(t.lower_ids);
}

std::optional<EntityIndex> Graph::find(std::string_view id) const {
    const auto& slots = m_tables.id_slots;
    if (slots.empty()) return std::nullopt;
    const auto mask = slots.size() - 1;
    for (auto i = static_cast<std::size_t>(image::id_hash(id)) & mask;; i = (i + 1) & mask) {
        const auto slot = slots[i];
        if (slot == 0) return std::nullopt;
        if (entity_id(slot - 1) == id) return slot - 1;
    }
}

std::optional<SourceIndex> Graph::find_source(std::string_view id) const {
    auto it = m_source_ids.find(std::string(id));
    if (it == m_source_ids.end()) return std::nullopt;
    return it->second;
}

namespace {

std::vector<RelationIndex> relations_of(std::span<const Adjacent> edges) {
    std::vector<RelationIndex> result;
    result.reserve(edges.size());
    for (const auto& a : edges) result.push_back(a.relation);
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

std::vector<RelationIndex> Graph::out_relations(EntityIndex index) const {
    return relations_of(out_edges(index));
}

std::vector<RelationIndex> Graph::in_relations(EntityIndex index) const {
    return relations_of(in_edges(index));
}

std::string Graph::cite(const Citation& citation) const {
    const auto& source = sources[citation.source];
    if (citation.locator.empty()) return source.id;
    const bool numeric = std::all_of(citation.locator.begin(), citation.locator.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == ','; });
    if (!numeric) return fmt::format("{}, {}", source.id, citation.locator);
    const bool range = citation.locator.find_first_of("-,") != std::string_view::npos;
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

std::string_view list_name(const Graph& graph, EntityIndex entity) {
    for (const auto& a : graph.entity_attributes(entity))
        if (a.key == "list_name" && !a.value.empty()) return a.value;
    return graph.entity_name(entity);
}

std::vector<EntityIndex> Graph::find_lower_id(std::string_view lower) const {
    const auto* text = m_tables.text.data();
    auto range = std::equal_range(m_tables.lower_ids.begin(), m_tables.lower_ids.end(), lower,
                                  [&](const auto& a, const auto& b) {
                                      if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::string_view>)
                                          return a < image::text_of(text, b.lower);
                                      else
                                          return image::text_of(text, a.lower) < b;
                                  });
    std::vector<EntityIndex> result;
    for (auto it = range.first; it != range.second; ++it) result.push_back(it->entity);
    return result;
}

// ---------------------------------------------------------------------------------------------
// freeze

std::vector<EntityIndex> id_order(const GraphBuilder& builder) {
    const auto& entities = builder.entities();
    std::vector<EntityIndex> order(entities.size());
    std::iota(order.begin(), order.end(), EntityIndex{0});
    std::sort(order.begin(), order.end(), [&](EntityIndex a, EntityIndex b) {
        const auto c = entities[a].id.compare(entities[b].id);
        return c != 0 ? c < 0 : a < b;
    });
    return order;
}

namespace {

// The tables of a frozen graph, owned.
struct OwnedTables {
    detail::LargeVector<char> text;
    detail::LargeVector<image::Entity> entities;
    detail::LargeVector<image::Text> aliases;
    detail::LargeVector<image::Attribute> attributes;
    detail::LargeVector<image::Citation> citations;
    detail::LargeVector<image::Relation> relations;
    detail::LargeVector<std::uint32_t> derived_from;
    detail::LargeVector<std::uint32_t> out_offsets;
    detail::LargeVector<image::Adjacent> out_edges;
    detail::LargeVector<std::uint32_t> in_offsets;
    detail::LargeVector<image::Adjacent> in_edges;
    detail::LargeVector<std::uint32_t> id_rank;
    detail::LargeVector<std::uint32_t> id_slots;
    detail::LargeVector<image::NameKey> name_keys;
    detail::LargeVector<image::LowerId> lower_ids;

    [[nodiscard]] image::Tables view() const {
        return {text,      entities,   aliases,  attributes, citations, relations, derived_from, out_offsets,
                out_edges, in_offsets, in_edges, id_rank,    id_slots,  name_keys, lower_ids};
    }
};

// Appends strings to the pool. Strings that tend to repeat (attribute keys and values,
// locators, rule names) go through shared(), which stores each once: an open-addressing table
// of (hash, text) pairs over the pool itself, no copy of any string. Past a million distinct
// shared strings (a locator per row of a bulk file, say) it stops remembering new ones, so the
// table never costs more than a few tens of megabytes.
class TextPool {
public:
    explicit TextPool(detail::LargeVector<char>& text) : m_text(text), m_slots(1024) {}

    image::Text add(std::string_view s) {
        if (s.empty()) return {};
        if (m_text.size() + s.size() > 0xFFFFFFFFULL)
            throw std::length_error("the graph's text is larger than 4 GiB, the most a frozen graph holds");
        image::Text t{static_cast<std::uint32_t>(m_text.size()), static_cast<std::uint32_t>(s.size())};
        m_text.insert(m_text.end(), s.begin(), s.end());
        return t;
    }

    image::Text shared(std::string_view s) {
        if (s.empty()) return {};
        const auto h = image::id_hash(s) | 1;  // 0 marks an empty slot
        const auto mask = m_slots.size() - 1;
        for (auto i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
            auto& slot = m_slots[i];
            if (slot.hash == 0) {
                const auto t = add(s);
                if (m_count < max_shared) {
                    slot = {h, t};
                    if (++m_count * 2 > m_slots.size()) grow();
                }
                return t;
            }
            if (slot.hash == h && image::text_of(m_text.data(), slot.text) == s) return slot.text;
        }
    }

private:
    static constexpr std::size_t max_shared = std::size_t{1} << 20;
    struct Slot {
        std::uint64_t hash = 0;
        image::Text text;
    };
    void grow() {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const auto mask = m_slots.size() - 1;
        for (const auto& s : old) {
            if (s.hash == 0) continue;
            auto i = static_cast<std::size_t>(s.hash) & mask;
            while (m_slots[i].hash != 0) i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    detail::LargeVector<char>& m_text;
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

std::uint32_t checked_index(std::size_t n, const char* what) {
    if (n > 0xFFFFFFFEULL) throw std::length_error(fmt::format("more than 4,294,967,294 {} in one graph", what));
    return static_cast<std::uint32_t>(n);
}

template <typename Attributes>  // an AttributeMap, or a builder's entity attributes
void add_attributes(OwnedTables& t, TextPool& pool, const Attributes& attributes) {
    for (const auto& a : attributes) t.attributes.push_back({pool.shared(a.key), pool.shared(a.value)});
}

void add_citations(OwnedTables& t, TextPool& pool, const CitationList& citations) {
    for (const auto& c : citations) t.citations.push_back({c.source, pool.shared(c.locator)});
}

// Fills one direction's CSR arrays: for each entity, its relations ordered by the rank of the
// entity at the other end (its id's place in id order), then by relation index.
void build_adjacency(const detail::LargeVector<image::Relation>& relations, std::size_t entity_count,
                     const detail::LargeVector<std::uint32_t>& rank, bool outgoing,
                     detail::LargeVector<std::uint32_t>& offsets, detail::LargeVector<image::Adjacent>& edges) {
    offsets.assign(entity_count + 1, 0);
    const auto relation_count = relations.size() - 1;
    for (std::size_t r = 0; r < relation_count; ++r) ++offsets[(outgoing ? relations[r].from : relations[r].to) + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    edges.resize(relation_count);
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (std::size_t r = 0; r < relation_count; ++r) {
        const auto& rel = relations[r];
        const auto at = outgoing ? rel.from : rel.to;
        edges[fill[at]++] = {static_cast<std::uint32_t>(r), outgoing ? rel.to : rel.from, rel.kind, rel.flags};
    }
    for (std::size_t e = 0; e < entity_count; ++e) {
        auto begin = edges.begin() + offsets[e];
        auto end = edges.begin() + offsets[e + 1];
        if (end - begin < 2) continue;
        std::sort(begin, end, [&](const image::Adjacent& a, const image::Adjacent& b) {
            if (a.other != b.other) return rank[a.other] < rank[b.other];
            return a.relation < b.relation;
        });
    }
}

void build_name_index(OwnedTables& t, TextPool& pool) {
    const auto entity_count = t.entities.size() - 1;
    struct Key {
        std::string folded;
        std::uint32_t entity;
        std::uint32_t written;
    };
    std::vector<Key> keys;
    std::vector<std::pair<std::string, std::uint32_t>> lower;
    keys.reserve(entity_count);
    lower.reserve(entity_count);
    for (std::uint32_t e = 0; e < entity_count; ++e) {
        const auto& rec = t.entities[e];
        auto add = [&](image::Text written, std::uint32_t which) {
            auto folded = fold_name(image::text_of(t.text.data(), written));
            if (!folded.empty()) keys.push_back({std::move(folded), e, which});
        };
        add(rec.name, 0);
        if (rec.short_name.size) add(rec.short_name, 1);
        for (std::uint32_t a = rec.aliases; a < t.entities[e + 1].aliases; ++a)
            add(t.aliases[a], 2 + (a - rec.aliases));
        std::string id(image::text_of(t.text.data(), rec.id));
        for (auto& c : id)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        lower.emplace_back(std::move(id), e);
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.folded, a.entity, a.written) < std::tie(b.folded, b.entity, b.written);
    });
    std::sort(lower.begin(), lower.end());
    t.name_keys.reserve(keys.size());
    for (auto& k : keys) t.name_keys.push_back({pool.shared(k.folded), k.entity, k.written});
    t.lower_ids.reserve(lower.size());
    for (auto& [l, e] : lower) t.lower_ids.push_back({pool.shared(l), e});
}

}  // namespace

namespace {

// Gives the heap's free pages back to the system where the C library can (glibc's malloc_trim);
// elsewhere it does nothing.
void return_free_memory() {
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

}  // namespace

Graph freeze(GraphBuilder&& builder, const FreezeOptions& options) {
    auto owned = std::make_shared<OwnedTables>();
    auto& t = *owned;
    TextPool pool(t.text);
    Schema schema = std::move(builder.schema);
    auto sources = std::move(builder.sources);
    auto layers = std::move(builder.layers);
    const bool rules_applied = builder.rules_applied;
    const auto disjoint_chains = builder.disjoint_chains;

    // Entities, and the order of their ids.
    auto& rank = t.id_rank;
    {
        const auto n = checked_index(builder.entities().size(), "entities");
        const auto order = options.id_order ? *options.id_order : id_order(builder);
        if (order.size() != n) throw std::invalid_argument("freeze: the id order given is not one of these entities");
        rank.resize(n);
        for (std::uint32_t i = 0; i < n; ++i) rank[order[i]] = i;

        // Every table sized once, so that none is copied to a larger one while the builder's
        // records are still held (the text's size is a bound: shared strings are stored once).
        std::size_t aliases = 0, attributes = 0, citations = 0, text = 0;
        for (EntityIndex e = 0; e < n; ++e) {
            const auto entity = builder.entity(e);
            aliases += entity.aliases.size();
            attributes += entity.attributes.size();
            citations += entity.citations.size();
            text += entity.id.size() + entity.name.size() + entity.short_name.size();
            for (const auto& a : entity.aliases) text += a.size();
            for (const auto& a : entity.attributes) text += a.key.size() + a.value.size();
            for (const auto& c : entity.citations) text += c.locator.size();
        }
        t.entities.reserve(n + 1);
        t.aliases.reserve(aliases);
        t.attributes.reserve(attributes);
        t.citations.reserve(citations);
        t.text.reserve(text);
        for (EntityIndex e = 0; e < n; ++e) {
            const auto entity = builder.entity(e);
            image::Entity rec;
            rec.id = pool.add(entity.id);
            rec.name = pool.add(entity.name);
            rec.short_name = pool.add(entity.short_name);
            rec.kind = entity.kind;
            rec.valid_from = image::pack_date(entity.validity.from);
            rec.valid_to = image::pack_date(entity.validity.to);
            rec.aliases = checked_index(t.aliases.size(), "aliases");
            rec.attributes = checked_index(t.attributes.size(), "attributes");
            rec.citations = checked_index(t.citations.size(), "citations");
            for (const auto& a : entity.aliases) t.aliases.push_back(pool.add(a));
            add_attributes(t, pool, entity.attributes);
            add_citations(t, pool, entity.citations);
            t.entities.push_back(rec);
        }
        builder.release_entities();
        image::Entity sentinel;
        sentinel.aliases = checked_index(t.aliases.size(), "aliases");
        sentinel.attributes = checked_index(t.attributes.size(), "attributes");
        sentinel.citations = checked_index(t.citations.size(), "citations");
        t.entities.push_back(sentinel);

        // Ids to entities; of two entities with one id (which a checked load never has), the
        // first keeps it.
        std::size_t size = 1;
        while (size < static_cast<std::size_t>(n) * 2) size *= 2;
        t.id_slots.assign(size, 0);
        const auto mask = size - 1;
        for (std::uint32_t e = 0; e < n; ++e) {
            const auto id = image::text_of(t.text.data(), t.entities[e].id);
            for (auto i = static_cast<std::size_t>(image::id_hash(id)) & mask;; i = (i + 1) & mask) {
                if (t.id_slots[i] == 0) {
                    t.id_slots[i] = e + 1;
                    break;
                }
                if (image::text_of(t.text.data(), t.entities[t.id_slots[i] - 1].id) == id) break;
            }
        }
    }

    // Hand the pages the builder's entities leave back to the system before the relations'
    // tables are made.
    return_free_memory();

    // Relations.
    {
        auto [relations, attribute_maps, citation_lists] = builder.take_relations();
        const auto derivations = builder.take_derivations();
        std::size_t derivation = 0;
        const auto m = checked_index(relations.size(), "relations");
        std::size_t attributes = t.attributes.size(), citations = t.citations.size(), text = t.text.size();
        for (const auto& r : relations) {
            attributes += attribute_maps[r.attributes].size();
            citations += citation_lists[r.citations].size();
        }
        for (const auto& map : attribute_maps)
            for (const auto& a : map) text += a.key.size() + a.value.size();
        for (const auto& list : citation_lists)
            for (const auto& c : list) text += c.locator.size();
        for (const auto& rule : derivations.rule_names) text += rule.size();
        t.relations.reserve(m + 1);
        t.derived_from.reserve(derivations.facts.size());
        t.attributes.reserve(attributes);
        t.citations.reserve(citations);
        t.text.reserve(text);
        std::vector<image::Text> rule_texts;
        for (const auto& rule : derivations.rule_names) rule_texts.push_back(pool.shared(rule));
        // The builder's records are handed back as they are copied, a block at a time, so
        // that they and the tables made of them are not all held at once.
        constexpr RelationIndex block = 1U << 16;
        for (RelationIndex index = 0; index < m; ++index) {
            if (index % block == 0 && index >= block)
                release_pages(std::span<const RelationRecord>(relations.data() + (index - block), block));
            const auto& r = relations[index];
            image::Relation rec;
            rec.from = r.from;
            rec.to = r.to;
            rec.kind = r.kind;
            rec.flags = r.derived ? image::relation_derived : 0;
            rec.valid_from = image::pack_date(r.validity.from);
            rec.valid_to = image::pack_date(r.validity.to);
            rec.attributes = checked_index(t.attributes.size(), "attributes");
            rec.citations = checked_index(t.citations.size(), "citations");
            rec.derived_from = checked_index(t.derived_from.size(), "derivations");
            add_attributes(t, pool, attribute_maps[r.attributes]);
            add_citations(t, pool, citation_lists[r.citations]);
            if (derivation < derivations.records.size() && derivations.records[derivation].relation == index) {
                rec.rule = rule_texts[derivations.records[derivation].rule];
                const auto facts = derivations.facts_of(derivation);
                t.derived_from.insert(t.derived_from.end(), facts.begin(), facts.end());
                ++derivation;
            }
            t.relations.push_back(rec);
        }
        image::Relation sentinel;
        sentinel.attributes = checked_index(t.attributes.size(), "attributes");
        sentinel.citations = checked_index(t.citations.size(), "citations");
        sentinel.derived_from = checked_index(t.derived_from.size(), "derivations");
        t.relations.push_back(sentinel);
    }

    // The two directions' arrays and the name index read what is made by now and write tables
    // of their own: the second core makes one part meanwhile.
    auto out_edges = [&] { build_adjacency(t.relations, rank.size(), rank, true, t.out_offsets, t.out_edges); };
    auto in_edges = [&] { build_adjacency(t.relations, rank.size(), rank, false, t.in_offsets, t.in_edges); };
    if (options.name_index)
        detail::run_beside([&] { build_name_index(t, pool); }, [&] { out_edges(), in_edges(); });
    else
        detail::run_beside(in_edges, out_edges);
    t.text.shrink_to_fit();

    const auto tables = t.view();
    Graph graph(std::move(schema), std::move(sources), std::move(layers), tables, std::move(owned));
    graph.rules_applied = rules_applied;
    graph.disjoint_chains = disjoint_chains;
    return graph;
}

// ---------------------------------------------------------------------------------------------
// subgraph

namespace {

// Lets go of a mapped table's pages behind a reader that goes through it from start to end, a few
// MiB at a time, so that the table is never in memory whole while its copy is made. Pages read
// again later come back from the file.
template <typename T>
class ReadBehind {
public:
    ReadBehind(std::span<const T> table, bool on) : m_table(table), m_on(on) {}

    // The reader has gone past the records before `index`.
    void passed(std::size_t index) {
        if (!m_on) return;
        const auto bytes = index * sizeof(T);
        if (bytes < m_released + step) return;
        release_whole_pages(reinterpret_cast<const std::byte*>(m_table.data()) + m_released, bytes - m_released);
        m_released = bytes;
    }

private:
    static constexpr std::size_t step = std::size_t{4} << 20;
    std::span<const T> m_table;
    bool m_on;
    std::size_t m_released = 0;
};

// The tables of a subgraph and the storage of the graph whose text they point into.
struct SharedTextTables {
    OwnedTables tables;
    std::shared_ptr<const void> text_owner;
};

}  // namespace

Graph subgraph(const Graph& graph, std::span<const std::uint8_t> keep_entity,
               std::span<const std::uint8_t> keep_relation) {
    const auto& old = graph.m_tables;
    const auto n = graph.entity_count();
    const auto m = graph.relation_count();
    if (keep_entity.size() != n || keep_relation.size() != m)
        throw std::invalid_argument("subgraph: one mark per entity and per relation is needed");
    constexpr auto none = std::numeric_limits<std::uint32_t>::max();

    auto shared = std::make_shared<SharedTextTables>();
    shared->text_owner = graph.m_storage;
    auto& t = shared->tables;

    // What is kept, counted first so that every table is sized once (a table grown by doubling
    // would be copied, and held twice, as it grows).
    const bool mapped = graph.mapped_from_file;
    std::vector<std::uint32_t> entity_at(n, none);
    std::uint32_t kept_entities = 0;
    std::size_t alias_count = 0, attribute_count = 0, citation_count = 0, derived_from_count = 0;
    for (std::size_t e = 0; e < n; ++e) {
        if (!keep_entity[e]) continue;
        entity_at[e] = kept_entities++;
        const auto &rec = old.entities[e], &next = old.entities[e + 1];
        alias_count += next.aliases - rec.aliases;
        attribute_count += next.attributes - rec.attributes;
        citation_count += next.citations - rec.citations;
    }
    std::vector<std::uint32_t> relation_at(m, none);
    std::uint32_t kept_relations = 0;
    {
        ReadBehind behind(old.relations, mapped);
        for (std::size_t r = 0; r < m; ++r) {
            behind.passed(r);
            if (!keep_relation[r]) continue;
            const auto &rec = old.relations[r], &next = old.relations[r + 1];
            if (entity_at[rec.from] == none || entity_at[rec.to] == none)
                throw std::invalid_argument("subgraph: a kept relation has an end that is not kept");
            relation_at[r] = kept_relations++;
            attribute_count += next.attributes - rec.attributes;
            citation_count += next.citations - rec.citations;
            derived_from_count += next.derived_from - rec.derived_from;
        }
    }
    t.entities.reserve(kept_entities + 1);
    t.aliases.reserve(alias_count);
    t.attributes.reserve(attribute_count);
    t.citations.reserve(citation_count);
    t.relations.reserve(kept_relations + 1);
    t.derived_from.reserve(derived_from_count);

    // Entities with their lists; the text stays where it is.
    for (std::size_t e = 0; e < n; ++e) {
        if (!keep_entity[e]) continue;
        auto rec = old.entities[e];
        const auto& next = old.entities[e + 1];
        const auto aliases = static_cast<std::uint32_t>(t.aliases.size());
        const auto attributes = static_cast<std::uint32_t>(t.attributes.size());
        const auto citations = static_cast<std::uint32_t>(t.citations.size());
        t.aliases.insert(t.aliases.end(), old.aliases.begin() + rec.aliases, old.aliases.begin() + next.aliases);
        t.attributes.insert(t.attributes.end(), old.attributes.begin() + rec.attributes,
                            old.attributes.begin() + next.attributes);
        t.citations.insert(t.citations.end(), old.citations.begin() + rec.citations,
                           old.citations.begin() + next.citations);
        rec.aliases = aliases;
        rec.attributes = attributes;
        rec.citations = citations;
        t.entities.push_back(rec);
    }
    // A mapped graph's tables are let go as soon as they are copied, so that the old and the new
    // are not both in memory at the peak.
    auto done = [&](auto table) {
        if (mapped) release_pages(table);
    };
    done(old.aliases), done(old.entities);
    image::Entity entity_sentinel;
    entity_sentinel.aliases = static_cast<std::uint32_t>(t.aliases.size());
    entity_sentinel.attributes = static_cast<std::uint32_t>(t.attributes.size());
    entity_sentinel.citations = static_cast<std::uint32_t>(t.citations.size());
    t.entities.push_back(entity_sentinel);

    // Relations with their lists, ends and derivations renumbered.
    ReadBehind relations_behind(old.relations, mapped);
    ReadBehind attributes_behind(old.attributes, mapped);
    ReadBehind citations_behind(old.citations, mapped);
    ReadBehind derived_behind(old.derived_from, mapped);
    for (std::size_t r = 0; r < m; ++r) {
        relations_behind.passed(r);
        if (!keep_relation[r]) continue;
        auto rec = old.relations[r];
        const auto& next = old.relations[r + 1];
        attributes_behind.passed(rec.attributes), citations_behind.passed(rec.citations);
        derived_behind.passed(rec.derived_from);
        const auto attributes = static_cast<std::uint32_t>(t.attributes.size());
        const auto citations = static_cast<std::uint32_t>(t.citations.size());
        const auto derived_from = static_cast<std::uint32_t>(t.derived_from.size());
        t.attributes.insert(t.attributes.end(), old.attributes.begin() + rec.attributes,
                            old.attributes.begin() + next.attributes);
        t.citations.insert(t.citations.end(), old.citations.begin() + rec.citations,
                           old.citations.begin() + next.citations);
        for (auto f = rec.derived_from; f < next.derived_from; ++f) {
            const auto at = relation_at[old.derived_from[f]];
            if (at == none)
                throw std::invalid_argument("subgraph: a kept derived relation rests on a fact that is not kept");
            t.derived_from.push_back(at);
        }
        rec.from = entity_at[rec.from];
        rec.to = entity_at[rec.to];
        rec.attributes = attributes;
        rec.citations = citations;
        rec.derived_from = derived_from;
        t.relations.push_back(rec);
    }
    image::Relation relation_sentinel;
    relation_sentinel.attributes = static_cast<std::uint32_t>(t.attributes.size());
    relation_sentinel.citations = static_cast<std::uint32_t>(t.citations.size());
    relation_sentinel.derived_from = static_cast<std::uint32_t>(t.derived_from.size());
    t.relations.push_back(relation_sentinel);
    done(old.attributes), done(old.citations), done(old.derived_from), done(old.relations);

    // Id order: the kept entities keep their order among themselves.
    {
        std::vector<std::uint32_t> by_rank(n, none);
        for (std::size_t e = 0; e < n; ++e)
            if (keep_entity[e]) by_rank[old.id_rank[e]] = entity_at[e];
        t.id_rank.resize(kept_entities);
        std::uint32_t rank = 0;
        for (const auto e : by_rank)
            if (e != none) t.id_rank[e] = rank++;
    }
    done(old.id_rank);
    {
        std::size_t size = 1;
        while (size < static_cast<std::size_t>(kept_entities) * 2) size *= 2;
        t.id_slots.assign(size, 0);
        const auto mask = size - 1;
        for (std::uint32_t e = 0; e < kept_entities; ++e) {
            auto i = static_cast<std::size_t>(image::id_hash(image::text_of(old.text.data(), t.entities[e].id))) & mask;
            while (t.id_slots[i] != 0) i = (i + 1) & mask;  // ids are unique in a frozen graph
            t.id_slots[i] = e + 1;
        }
    }

    // Adjacency: each kept entity's list, filtered; its order (by the other end's id, then by
    // relation) survives renumbering, since both keep their order.
    auto filter_adjacency = [&](std::span<const std::uint32_t> offsets, std::span<const image::Adjacent> edges,
                                detail::LargeVector<std::uint32_t>& new_offsets,
                                detail::LargeVector<image::Adjacent>& new_edges) {
        new_offsets.reserve(kept_entities + 1);
        new_edges.reserve(kept_relations);
        new_offsets.push_back(0);
        ReadBehind behind(edges, mapped);
        for (std::size_t e = 0; e < n; ++e) {
            if (!keep_entity[e]) continue;
            behind.passed(offsets[e]);
            for (auto i = offsets[e]; i < offsets[e + 1]; ++i) {
                auto a = edges[i];
                if (relation_at[a.relation] == none) continue;
                a.relation = relation_at[a.relation];
                a.other = entity_at[a.other];
                new_edges.push_back(a);
            }
            new_offsets.push_back(static_cast<std::uint32_t>(new_edges.size()));
        }
    };
    filter_adjacency(old.out_offsets, old.out_edges, t.out_offsets, t.out_edges);
    done(old.out_offsets), done(old.out_edges);
    filter_adjacency(old.in_offsets, old.in_edges, t.in_offsets, t.in_edges);
    done(old.in_offsets), done(old.in_edges);

    // The name index, filtered: sorted by text then entity, which renumbering keeps.
    for (const auto& k : old.name_keys)
        if (entity_at[k.entity] != none) t.name_keys.push_back({k.folded, entity_at[k.entity], k.written});
    for (const auto& l : old.lower_ids)
        if (entity_at[l.entity] != none) t.lower_ids.push_back({l.lower, entity_at[l.entity]});
    done(old.name_keys), done(old.lower_ids);

    auto tables = t.view();
    tables.text = old.text;
    Graph result(graph.schema, graph.sources, graph.layers, tables, std::move(shared));
    result.rules_applied = graph.rules_applied;
    result.disjoint_chains = graph.disjoint_chains;
    return result;
}

GraphBuilder thaw(const Graph& graph) {
    GraphBuilder builder;
    builder.schema = graph.schema;
    for (const auto& source : graph.sources) builder.add_source(source);
    builder.layers = graph.layers;
    std::size_t facts = 0;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r)
        facts += (graph.relation_record(r).flags & image::relation_derived) ? 0 : 1;
    builder.reserve(graph.entity_count(), facts);
    for (const auto& e : graph.entities()) builder.add_entity(copy_entity(e));
    for (const auto& r : graph.relations()) {
        if (r.derived) continue;
        RelationData data;
        data.kind = r.kind;
        data.from = r.from;
        data.to = r.to;
        for (auto a : r.attributes) data.attributes.set(std::string(a.key), std::string(a.value));
        for (auto c : r.citations) data.citations.push_back({c.source, std::string(c.locator)});
        data.validity = r.validity;
        builder.add_relation(std::move(data));
    }
    return builder;
}

}  // namespace orgraph
