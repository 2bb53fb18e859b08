#include "orgraph/load/snapshot.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/pages.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>

namespace orgraph {

// ---------------------------------------------------------------------------------------------
// The file: a header, a section table, then the sections, each aligned to 8 bytes.
//
//   0  magic "\x89ORGSNAP"          8 bytes
//   8  format version               u32
//  12  byte-order mark 0x01020304   u32 (written in the machine's order; read back otherwise on
//                                        a machine of the other order)
//  16  file size                    u64
//  24  checksum                     u64, content_hash of every byte from offset 40 to the end
//  32  section count                u32
//  36  reserved                     u32
//  40  sections: {u32 id, u32 element size, u64 offset, u64 size in bytes} each
//
// Section 0 is the metadata (schema, sources, layers, inputs), in a small length-prefixed
// encoding; sections 1 to 15 are the graph's tables in the order of image::Tables.

namespace {

constexpr std::array<unsigned char, 8> magic = {0x89, 'O', 'R', 'G', 'S', 'N', 'A', 'P'};
constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr std::size_t header_size = 40;
constexpr std::size_t section_entry_size = 24;
constexpr std::uint32_t table_count = 16;

struct SectionEntry {
    std::uint32_t id = 0;
    std::uint32_t element_size = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

std::uint64_t rotl(std::uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

// ---- metadata encoding

class MetaWriter {
public:
    void u32(std::uint32_t v) { append(&v, sizeof v); }
    void u64(std::uint64_t v) { append(&v, sizeof v); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        m_bytes.append(s);
    }
    void strs(const std::vector<std::string>& list) {
        u32(static_cast<std::uint32_t>(list.size()));
        for (const auto& s : list) str(s);
    }
    template <typename T>
    void indices(const std::vector<T>& list) {
        u32(static_cast<std::uint32_t>(list.size()));
        for (auto v : list) u32(v);
    }
    [[nodiscard]] const std::string& bytes() const { return m_bytes; }

private:
    void append(const void* p, std::size_t n) { m_bytes.append(static_cast<const char*>(p), n); }
    std::string m_bytes;
};

class MetaReader {
public:
    MetaReader(std::string_view bytes, const std::string& name) : m_bytes(bytes), m_name(name) {}
    std::uint32_t u32() {
        std::uint32_t v;
        take(&v, sizeof v);
        return v;
    }
    std::uint64_t u64() {
        std::uint64_t v;
        take(&v, sizeof v);
        return v;
    }
    std::string str() {
        const auto n = u32();
        need(n);
        std::string s(m_bytes.substr(m_at, n));
        m_at += n;
        return s;
    }
    std::vector<std::string> strs() {
        const auto n = count(4);
        std::vector<std::string> list;
        list.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) list.push_back(str());
        return list;
    }
    template <typename T>
    std::vector<T> indices(std::size_t limit) {
        const auto n = count(4);
        std::vector<T> list;
        list.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto v = u32();
            if (v >= limit) fail("a kind index is out of range");
            list.push_back(static_cast<T>(v));
        }
        return list;
    }
    // A count of items each at least `min_size` bytes long: checked against what is left, so that
    // a damaged count cannot ask for a huge allocation.
    std::uint32_t count(std::size_t min_size) {
        const auto n = u32();
        if (n > (m_bytes.size() - m_at) / min_size) fail("a list is longer than the metadata holding it");
        return n;
    }
    [[noreturn]] void fail(std::string_view what) const {
        throw snapshot_error(fmt::format("{}: damaged snapshot: {}", m_name, what));
    }
    [[nodiscard]] bool done() const { return m_at == m_bytes.size(); }

private:
    void need(std::size_t n) const {
        if (n > m_bytes.size() - m_at) fail("the metadata ends early");
    }
    void take(void* p, std::size_t n) {
        need(n);
        std::memcpy(p, m_bytes.data() + m_at, n);
        m_at += n;
    }
    std::string_view m_bytes;
    const std::string& m_name;
    std::size_t m_at = 0;
};

// The schema's [presentation], [coverage] and [gazetteer] declarations.
void encode_schema_declarations(MetaWriter& w, const Schema& schema) {
    const auto& p = schema.presentation();
    w.u32(static_cast<std::uint32_t>(p.kinds.size()));
    for (const auto& [kind, style] : p.kinds)
        for (const auto* field : {&kind, &style.shape, &style.fill, &style.style, &style.font_colour}) w.str(*field);
    w.u32(static_cast<std::uint32_t>(p.relations.size()));
    for (const auto& [kind, style] : p.relations) {
        w.str(kind);
        w.str(style.colour);
    }
    w.str(p.chart.root);
    w.strs(p.chart.folded);
    w.strs(p.chart.inside);
    for (const auto* field : {&p.chart.group, &p.chart.group_by, &p.chart.group_label}) w.str(*field);
    for (const auto* field : {&p.report.associations, &p.report.focus_by, &p.report.routes_to}) w.str(*field);
    w.strs(p.overview.kinds);
    w.strs(p.overview.counted);
    w.str(p.overview.count_by);
    const auto& c = schema.coverage();
    for (const auto* field :
         {&c.relation, &c.region_kind, &c.includes_relation, &c.member_relation, &c.home_relation, &c.status_attribute,
          &c.open_value, &c.uncertain_value, &c.presence_relation, &c.presence_kind})
        w.str(*field);
    w.u32(static_cast<std::uint32_t>(c.matrix.size()));
    for (const auto& d : c.matrix)
        for (const auto* field : {&d.name, &d.relation, &d.kind}) w.str(*field);
    const auto& g = schema.gazetteer();
    for (const auto* field :
         {&g.kind, &g.code_label, &g.region_attribute, &g.subregion_attribute, &g.region_label, &g.numeric_attribute,
          &g.membership_attribute, &g.member_value, &g.observer_value, &g.membership_label})
        w.str(*field);
}

void decode_schema_declarations(MetaReader& r, Schema& schema) {
    auto& p = schema.presentation_mut();
    for (auto n = r.count(20); n > 0; --n) {
        auto kind = r.str();
        auto& style = p.kinds[kind];
        for (auto* field : {&style.shape, &style.fill, &style.style, &style.font_colour}) *field = r.str();
    }
    for (auto n = r.count(8); n > 0; --n) {
        auto kind = r.str();
        p.relations[kind].colour = r.str();
    }
    p.chart.root = r.str();
    p.chart.folded = r.strs();
    p.chart.inside = r.strs();
    for (auto* field : {&p.chart.group, &p.chart.group_by, &p.chart.group_label}) *field = r.str();
    for (auto* field : {&p.report.associations, &p.report.focus_by, &p.report.routes_to}) *field = r.str();
    p.overview.kinds = r.strs();
    p.overview.counted = r.strs();
    p.overview.count_by = r.str();
    auto& c = schema.coverage_mut();
    for (auto* field : {&c.relation, &c.region_kind, &c.includes_relation, &c.member_relation, &c.home_relation,
                        &c.status_attribute, &c.open_value, &c.uncertain_value, &c.presence_relation, &c.presence_kind})
        *field = r.str();
    for (auto n = r.count(12); n > 0; --n) {
        MatrixDimension d;
        for (auto* field : {&d.name, &d.relation, &d.kind}) *field = r.str();
        c.matrix.push_back(std::move(d));
    }
    auto& g = schema.gazetteer_mut();
    for (auto* field :
         {&g.kind, &g.code_label, &g.region_attribute, &g.subregion_attribute, &g.region_label, &g.numeric_attribute,
          &g.membership_attribute, &g.member_value, &g.observer_value, &g.membership_label})
        *field = r.str();
}

std::string encode_meta(const Graph& graph, const SnapshotInfo& info) {
    MetaWriter w;
    w.str(info.made_by);
    w.u32(graph.rules_applied ? 1 : 0);
    w.u64(graph.disjoint_chains);
    w.u32(static_cast<std::uint32_t>(info.inputs.size()));
    for (const auto& in : info.inputs) {
        w.str(in.path);
        w.u64(in.size);
        w.u64(in.hash);
    }
    const auto& schema = graph.schema;
    w.u32(static_cast<std::uint32_t>(schema.entity_kinds().size()));
    for (const auto& k : schema.entity_kinds()) {
        w.str(k.id);
        w.str(k.label);
        w.str(k.plural);
        w.str(k.description);
        w.u32(k.parent ? static_cast<std::uint32_t>(*k.parent) + 1 : 0);
        w.strs(k.attributes);
        w.str(k.summary);
        w.str(k.context);
        w.u32(static_cast<std::uint32_t>(k.values.size()));
        for (const auto& [key, values] : k.values) {
            w.str(key);
            w.strs(values);
        }
    }
    w.u32(static_cast<std::uint32_t>(schema.relation_kinds().size()));
    for (const auto& k : schema.relation_kinds()) {
        w.str(k.id);
        w.str(k.label);
        w.str(k.inverse);
        w.str(k.description);
        w.indices(k.from);
        w.indices(k.to);
        w.u32(k.backward ? 1 : 0);
        w.strs(k.attributes);
    }
    w.u32(static_cast<std::uint32_t>(schema.rules().size()));
    for (const auto& r : schema.rules()) {
        w.str(r.id);
        w.str(r.derive);
        w.strs(r.compose);
        w.str(r.transitive);
        w.str(r.inverse_of);
        w.strs(r.only_if);
        w.str(r.description);
        w.str(r.file);
        w.u32(r.line);
        w.u32(r.column);
    }
    encode_schema_declarations(w, schema);
    w.u32(static_cast<std::uint32_t>(graph.sources.size()));
    for (const auto& s : graph.sources) {
        for (const auto* field : {&s.id, &s.title, &s.publisher, &s.url, &s.date, &s.note, &s.layer}) w.str(*field);
    }
    w.u32(static_cast<std::uint32_t>(graph.layers.size()));
    for (const auto& l : graph.layers) {
        w.str(l.id);
        w.str(l.title);
        w.str(l.description);
        w.strs(l.files);
    }
    // The schema's [interchange] table, last.
    const auto& mapping = schema.interchange();
    auto pairs = [&w](const NamePairs& list) {
        w.u32(static_cast<std::uint32_t>(list.size()));
        for (const auto& [a, b] : list) {
            w.str(a);
            w.str(b);
        }
    };
    w.u32(static_cast<std::uint32_t>(mapping.ftm_kinds.size()));
    for (const auto& [id, k] : mapping.ftm_kinds) {
        for (const auto* field : {&id, &k.schema, &k.value, &k.property}) w.str(*field);
        pairs(k.properties);
    }
    w.u32(static_cast<std::uint32_t>(mapping.ftm_relations.size()));
    for (const auto& [id, r] : mapping.ftm_relations) {
        for (const auto* field : {&id, &r.schema, &r.property}) w.str(*field);
        w.u32(r.reverse ? 1 : 0);
        pairs(r.references);
        pairs(r.back_references);
    }
    pairs(mapping.neo4j_attributes);
    // The present graph carried with it: 0 none, 1 whose tables use the graph's text, 2 with a
    // text of its own; then the days it is the present graph of and how it was derived.
    if (const auto& present = graph.present) {
        const auto& p = *present->graph;
        w.u32(p.tables().text.data() == graph.tables().text.data() ? 1 : 2);
        w.u32(image::pack_date(present->from));
        w.u32(image::pack_date(present->until));
        w.u32(p.rules_applied ? 1 : 0);
        w.u64(p.disjoint_chains);
    } else {
        w.u32(0);
    }
    return w.bytes();
}

// What the metadata says of a present graph carried in the file.
struct PresentMeta {
    bool shares_text = false;
    Date from;
    std::optional<Date> until;
    bool rules_applied = false;
    std::uint64_t disjoint_chains = 0;
};

struct Meta {
    SnapshotInfo info;
    bool rules_applied = false;
    std::uint64_t disjoint_chains = 0;
    std::optional<PresentMeta> present;
    Schema schema;
    std::vector<Source> sources;
    std::vector<Layer> layers;
};

Meta decode_meta(std::string_view bytes, const std::string& name) {
    MetaReader r(bytes, name);
    Meta m;
    m.info.made_by = r.str();
    m.rules_applied = r.u32() != 0;
    m.disjoint_chains = r.u64();
    for (auto n = r.count(20); n > 0; --n) {
        SnapshotInput in;
        in.path = r.str();
        in.size = r.u64();
        in.hash = r.u64();
        m.info.inputs.push_back(std::move(in));
    }
    const auto entity_kinds = r.count(4);
    if (entity_kinds > std::numeric_limits<KindIndex>::max()) r.fail("too many entity kinds");
    for (std::uint32_t i = 0; i < entity_kinds; ++i) {
        EntityKind k;
        k.id = r.str();
        k.label = r.str();
        k.plural = r.str();
        k.description = r.str();
        if (const auto parent = r.u32()) {
            if (parent > entity_kinds) r.fail("a kind's parent is out of range");
            k.parent = static_cast<KindIndex>(parent - 1);
        }
        k.attributes = r.strs();
        k.summary = r.str();
        k.context = r.str();
        for (auto n = r.count(8); n > 0; --n) {
            auto key = r.str();
            k.values.emplace_back(std::move(key), r.strs());
        }
        m.schema.add_entity_kind(std::move(k));
    }
    // Parents must not loop: is_a() walks them.
    for (std::uint32_t i = 0; i < entity_kinds; ++i) {
        auto at = m.schema.entity_kind(static_cast<KindIndex>(i)).parent;
        for (std::uint32_t steps = 0; at; ++steps) {
            if (steps > entity_kinds) r.fail("the kinds' parents form a cycle");
            at = m.schema.entity_kind(*at).parent;
        }
    }
    const auto relation_kinds = r.count(4);
    if (relation_kinds > std::numeric_limits<RelationKindIndex>::max()) r.fail("too many relation kinds");
    for (std::uint32_t i = 0; i < relation_kinds; ++i) {
        RelationKind k;
        k.id = r.str();
        k.label = r.str();
        k.inverse = r.str();
        k.description = r.str();
        k.from = r.indices<KindIndex>(entity_kinds);
        k.to = r.indices<KindIndex>(entity_kinds);
        k.backward = r.u32() != 0;
        k.attributes = r.strs();
        m.schema.add_relation_kind(std::move(k));
    }
    for (auto n = r.count(4); n > 0; --n) {
        RuleSpec rule;
        rule.id = r.str();
        rule.derive = r.str();
        rule.compose = r.strs();
        rule.transitive = r.str();
        rule.inverse_of = r.str();
        rule.only_if = r.strs();
        rule.description = r.str();
        rule.file = r.str();
        rule.line = r.u32();
        rule.column = r.u32();
        m.schema.add_rule(std::move(rule));
    }
    decode_schema_declarations(r, m.schema);
    for (auto n = r.count(28); n > 0; --n) {
        Source s;
        for (auto* field : {&s.id, &s.title, &s.publisher, &s.url, &s.date, &s.note, &s.layer}) *field = r.str();
        m.sources.push_back(std::move(s));
    }
    for (auto n = r.count(16); n > 0; --n) {
        Layer l;
        l.id = r.str();
        l.title = r.str();
        l.description = r.str();
        l.files = r.strs();
        m.layers.push_back(std::move(l));
    }
    InterchangeMapping mapping;
    auto pairs = [&r]() {
        NamePairs list;
        for (auto n = r.count(8); n > 0; --n) {
            auto a = r.str();
            list.emplace_back(std::move(a), r.str());
        }
        return list;
    };
    for (auto n = r.count(20); n > 0; --n) {
        std::pair<std::string, FtmKindMapping> k;
        for (auto* field : {&k.first, &k.second.schema, &k.second.value, &k.second.property}) *field = r.str();
        k.second.properties = pairs();
        mapping.ftm_kinds.push_back(std::move(k));
    }
    for (auto n = r.count(24); n > 0; --n) {
        std::pair<std::string, FtmRelationMapping> k;
        for (auto* field : {&k.first, &k.second.schema, &k.second.property}) *field = r.str();
        k.second.reverse = r.u32() != 0;
        k.second.references = pairs();
        k.second.back_references = pairs();
        mapping.ftm_relations.push_back(std::move(k));
    }
    mapping.neo4j_attributes = pairs();
    m.schema.set_interchange(std::move(mapping));
    if (const auto carried = r.u32(); carried != 0) {
        if (carried > 2) r.fail("the present graph's kind is out of range");
        // A day: a month 1-12 and a day of that month.
        auto day = [&](image::PackedDate packed) {
            const auto d = image::unpack_date(packed);
            if (!d || (packed & 0x80000000U) == 0 || d->month < 1 || d->month > 12 || d->day < 1 ||
                Date{d->year, d->month, 0}.last_day().day < d->day)
                r.fail("the present graph's days are out of range");
            return *d;
        };
        PresentMeta p;
        p.shares_text = carried == 1;
        p.from = day(r.u32());
        if (const auto until = r.u32(); until != 0) {
            p.until = day(until);
            if (!(p.from < *p.until)) r.fail("the present graph's days are out of range");
        }
        p.rules_applied = r.u32() != 0;
        p.disjoint_chains = r.u64();
        m.present = p;
    }
    if (!r.done()) r.fail("the metadata has bytes after its end");
    return m;
}

// ---- the tables

template <typename T>
std::span<const std::byte> bytes_of(std::span<const T> s) {
    return std::as_bytes(s);
}

std::vector<std::pair<std::uint32_t, std::span<const std::byte>>> table_bytes(const image::Tables& t) {
    return {{sizeof(char), bytes_of(t.text)},
            {sizeof(image::Entity), bytes_of(t.entities)},
            {sizeof(image::Text), bytes_of(t.aliases)},
            {sizeof(image::Attribute), bytes_of(t.attributes)},
            {sizeof(image::Citation), bytes_of(t.citations)},
            {sizeof(image::Relation), bytes_of(t.relations)},
            {4, bytes_of(t.derived_from)},
            {4, bytes_of(t.out_offsets)},
            {sizeof(image::Adjacent), bytes_of(t.out_edges)},
            {4, bytes_of(t.in_offsets)},
            {sizeof(image::Adjacent), bytes_of(t.in_edges)},
            {4, bytes_of(t.id_rank)},
            {4, bytes_of(t.id_slots)},
            {sizeof(image::NameKey), bytes_of(t.name_keys)},
            {sizeof(image::LowerId), bytes_of(t.lower_ids)}};
}

class Checker {
public:
    explicit Checker(const std::string& name) : m_name(name) {}
    void require(bool ok, std::string_view what) const {
        if (!ok) throw snapshot_error(fmt::format("{}: damaged snapshot: {}", m_name, what));
    }

private:
    const std::string& m_name;
};

// Every index in the tables within range, every list range in order: after this, no read of the
// graph leaves the tables, whatever the file held. Each loop folds its conditions into one flag
// and is checked once, so that the checks cost a pass over memory and no more.
// Hands the bytes of a table the checks have gone past to the caller, which may let them go.
using Release = std::function<void(std::span<const std::byte>)>;

template <typename T>
void checked(const Release& release, std::span<const T> table) {
    if (release) release(std::as_bytes(table));
}

// Each table is walked once, where it can be, and handed to `release` when the checks are done
// with it, so that checking a mapped snapshot does not keep all of it in memory.
void check_tables(const image::Tables& t, const Meta& meta, const Checker& c, const Release& release) {
    const auto text_size = t.text.size();
    auto text_ok = [&](image::Text x) { return x.offset <= text_size && x.size <= text_size - x.offset; };
    c.require(!t.entities.empty() && !t.relations.empty(), "the entity or relation table has no closing record");
    const auto n = t.entities.size() - 1;
    const auto m = t.relations.size() - 1;
    const auto kinds = meta.schema.entity_kinds().size();
    const auto relation_kinds = meta.schema.relation_kinds().size();
    const auto sources = meta.sources.size();
    // A packed date must be one a source could give: a month 1-12 (or none), a day 1-31 only with
    // a month (or none), a four-digit year.
    auto date_ok = [](image::PackedDate d) {
        if (d == 0) return true;
        const auto year = (d >> 9) & 0x3FFFFFU, month = (d >> 5) & 0xFU, day = d & 0x1FU;
        // ... or the unknown date (Date::unknown(): year 9999, "month" 13, no day).
        return (d & 0x80000000U) != 0 && year <= 9999 && (month <= 12 || (month == 13 && year == 9999 && day == 0)) &&
               (month != 0 || day == 0);
    };
    auto start_ok = [&](image::PackedDate d) { return date_ok(d) && ((d >> 5) & 0xFU) != 13; };  // never unknown
    bool ok = true;
    bool dates = true;
    for (std::size_t e = 0; e < n; ++e) {
        const auto& r = t.entities[e];
        const auto& next = t.entities[e + 1];
        dates &= start_ok(r.valid_from) & date_ok(r.valid_to);
        ok &= text_ok(r.id) & text_ok(r.name) & text_ok(r.short_name) & (r.kind < kinds) & (r.aliases <= next.aliases) &
              (r.attributes <= next.attributes) & (r.citations <= next.citations);
    }
    c.require(dates, "a date is out of range");
    c.require(ok, "an entity record is out of range");
    c.require(t.entities[n].aliases <= t.aliases.size() && t.entities[n].attributes <= t.attributes.size() &&
                  t.entities[n].citations <= t.citations.size(),
              "a list table is short");
    for (const auto& a : t.aliases) ok &= text_ok(a);
    c.require(ok, "an alias is out of range");
    checked(release, t.aliases);
    for (const auto& a : t.attributes) ok &= text_ok(a.key) & text_ok(a.value);
    c.require(ok, "an attribute is out of range");
    checked(release, t.attributes);
    for (const auto& x : t.citations) ok &= (x.source < sources) & text_ok(x.locator);
    c.require(ok, "a citation is out of range");
    checked(release, t.citations);
    for (std::size_t r = 0; r < m; ++r) {
        const auto& rec = t.relations[r];
        const auto& next = t.relations[r + 1];
        dates &= start_ok(rec.valid_from) & date_ok(rec.valid_to);
        ok &= (rec.from < n) & (rec.to < n) & (rec.kind < relation_kinds) & text_ok(rec.rule) &
              (rec.attributes <= next.attributes) & (rec.citations <= next.citations) &
              (rec.derived_from <= next.derived_from);
    }
    c.require(dates, "a date is out of range");
    c.require(ok, "a relation record is out of range");
    c.require(t.relations[0].attributes >= t.entities[n].attributes &&
                  t.relations[0].citations >= t.entities[n].citations &&
                  t.relations[m].attributes <= t.attributes.size() && t.relations[m].citations <= t.citations.size() &&
                  t.relations[m].derived_from <= t.derived_from.size(),
              "a list table is short");
    checked(release, t.relations);
    for (auto f : t.derived_from) ok &= f < m;
    c.require(ok, "a derivation names a relation out of range");
    checked(release, t.derived_from);
    auto check_adjacency = [&](std::span<const std::uint32_t> offsets, std::span<const image::Adjacent> edges) {
        c.require(offsets.size() == n + 1 && offsets[0] == 0 && offsets[n] == edges.size() && edges.size() == m,
                  "an adjacency table has the wrong size");
        for (std::size_t e = 0; e < n; ++e) ok &= offsets[e] <= offsets[e + 1];
        c.require(ok, "an adjacency table is out of order");
        for (const auto& a : edges) ok &= (a.relation < m) & (a.other < n) & (a.kind < relation_kinds);
        c.require(ok, "an adjacency entry is out of range");
        checked(release, offsets);
        checked(release, edges);
    };
    check_adjacency(t.out_offsets, t.out_edges);
    check_adjacency(t.in_offsets, t.in_edges);
    c.require(t.id_rank.size() == n, "the id order has the wrong size");
    for (auto r : t.id_rank) ok &= r < n;
    c.require(ok, "the id order is out of range");
    checked(release, t.id_rank);
    c.require(!t.id_slots.empty() && std::has_single_bit(t.id_slots.size()) && t.id_slots.size() > n,
              "the id index has the wrong size");
    std::size_t empty_slots = 0;
    for (auto s : t.id_slots) {
        ok &= s <= n;
        empty_slots += s == 0 ? 1 : 0;
    }
    c.require(ok, "the id index is out of range");
    c.require(empty_slots > 0, "the id index has no empty slot");  // a lookup that misses stops at one
    checked(release, t.id_slots);
    for (const auto& k : t.name_keys) {
        const bool entity_ok = k.entity < n;
        ok &= text_ok(k.folded) & entity_ok;
        if (entity_ok) ok &= k.written < 2 + (t.entities[k.entity + 1].aliases - t.entities[k.entity].aliases);
    }
    c.require(ok, "the name index is out of range");
    checked(release, t.name_keys);
    checked(release, t.entities);
    for (const auto& k : t.lower_ids) ok &= text_ok(k.lower) & (k.entity < n);
    c.require(ok, "the lower-case id index is out of range");
    checked(release, t.lower_ids);
}

template <typename T>
std::span<const T> table_as(std::span<const std::byte> bytes) {
    return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}

// A mapped file, unmapped when the last graph using it is gone.
struct Mapping {
    void* data = nullptr;
    std::size_t size = 0;
    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping() {
        if (data) munmap(data, size);
    }
};

}  // namespace

namespace {

// content_hash over bytes given piece by piece: four lanes of 64-bit words, multiplied and
// rotated, then folded with the length and the last bytes; fast enough to check a snapshot of
// several hundred megabytes on every open.
class ContentHasher {
public:
    void feed(std::span<const std::byte> bytes) {
        if (bytes.empty()) return;  // an empty table may have no address at all
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
        auto size = bytes.size();
        m_total += size;
        if (m_buffered > 0) {
            const auto take = std::min(size, round - m_buffered);
            std::memcpy(m_buffer.data() + m_buffered, p, take);
            m_buffered += take, p += take, size -= take;
            if (m_buffered < round) return;
            mix_round(m_buffer.data());
            m_buffered = 0;
        }
        for (; size >= round; p += round, size -= round) mix_round(p);
        std::memcpy(m_buffer.data(), p, size);
        m_buffered = size;
    }

    [[nodiscard]] std::uint64_t finish() const {
        std::uint64_t h = rotl(m_lane[0], 1) + rotl(m_lane[1], 7) + rotl(m_lane[2], 12) + rotl(m_lane[3], 18) + m_total;
        for (std::size_t i = 0; i < m_buffered; ++i) h = rotl(h ^ (m_buffer[i] * p1), 11) * p2;
        return mix(h);
    }

private:
    static constexpr std::uint64_t p1 = 0x9E3779B185EBCA87ULL;
    static constexpr std::uint64_t p2 = 0xC2B2AE3D27D4EB4FULL;
    static constexpr std::size_t round = 32;

    void mix_round(const unsigned char* p) {
        for (std::size_t k = 0; k < 4; ++k) {
            std::uint64_t w;
            std::memcpy(&w, p + 8 * k, 8);
            m_lane[k] = rotl(m_lane[k] + w * p2, 31) * p1;
        }
    }

    std::array<std::uint64_t, 4> m_lane = {p1 + p2, p2, 0, 0 - p1};
    std::array<unsigned char, round> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_total = 0;
};

// content_hash, handing each block of the bytes it has gone past to `done` (blocks of 8 MiB, the
// last one shorter): a mapped snapshot is checked without keeping all of it in memory at once.
std::uint64_t hash_in_blocks(std::span<const std::byte> bytes,
                             const std::function<void(std::span<const std::byte>)>& done) {
    constexpr std::size_t block = std::size_t{8} << 20;
    ContentHasher hasher;
    for (std::size_t at = 0; at < bytes.size(); at += block) {
        const auto piece = bytes.subspan(at, std::min(block, bytes.size() - at));
        hasher.feed(piece);
        if (done) done(piece);
    }
    return hasher.finish();
}

}  // namespace

std::uint64_t content_hash(std::span<const std::byte> bytes) {
    return hash_in_blocks(bytes, {});
}

std::uint64_t content_hash(std::string_view bytes) {
    return content_hash(std::as_bytes(std::span<const char>(bytes.data(), bytes.size())));
}

std::vector<SnapshotInput> snapshot_inputs(const std::vector<LayerInput>& layers) {
    std::vector<SnapshotInput> inputs;
    for (const auto& layer : layers)
        for (const auto& file : layer.files)
            inputs.push_back({file.path, file.content.size(), content_hash(file.content)});
    return inputs;
}

std::vector<StaleInput> stale_inputs(const SnapshotInfo& info, const BuiltinFiles& builtin_file) {
    std::vector<StaleInput> stale;
    constexpr std::string_view builtin = "builtin:";
    for (const auto& input : info.inputs) {
        std::string content;
        bool found = false;
        if (input.path.starts_with(builtin)) {
            const auto path = std::string_view(input.path).substr(builtin.size());
            if (const auto file = builtin_file ? builtin_file(path) : std::nullopt) {
                content = std::string(*file);
                found = true;
            }
        } else {
            struct stat st {};
            if (::stat(input.path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
                std::ifstream in(input.path, std::ios::binary);
                content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
                found = static_cast<bool>(in) || in.eof();
            }
        }
        if (!found)
            stale.push_back({input.path, "missing"});
        else if (content.size() != input.size || content_hash(content) != input.hash)
            stale.push_back({input.path, "changed"});
    }
    return stale;
}

bool is_snapshot(std::string_view first_bytes) {
    return first_bytes.size() >= magic.size() && std::memcmp(first_bytes.data(), magic.data(), magic.size()) == 0;
}

bool is_snapshot_file(const std::string& path) {
    if (path.ends_with(".orgraph")) return true;
    // Only a regular file is read: opening a FIFO or a device to look at it could block.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    std::ifstream in(path, std::ios::binary);
    char head[8];
    if (!in.read(head, sizeof head)) return false;
    return is_snapshot({head, sizeof head});
}

void write_snapshot(const Graph& graph, const SnapshotInfo& info, std::ostream& out) {
    const auto meta = encode_meta(graph, info);
    auto tables = table_bytes(graph.tables());
    std::vector<std::pair<std::uint32_t, std::span<const std::byte>>> sections;
    sections.emplace_back(1, std::as_bytes(std::span<const char>(meta.data(), meta.size())));
    sections.insert(sections.end(), tables.begin(), tables.end());
    if (graph.present) {
        // The present graph's tables follow, its text left empty when it is the graph's.
        const auto& present = graph.present->graph->tables();
        auto more = table_bytes(present);
        if (present.text.data() == graph.tables().text.data()) more[0].second = {};
        sections.insert(sections.end(), more.begin(), more.end());
    }

    auto align = [](std::uint64_t x) { return (x + 7) & ~std::uint64_t{7}; };
    std::vector<SectionEntry> entries;
    std::uint64_t at = align(header_size + section_entry_size * sections.size());
    for (std::uint32_t i = 0; i < sections.size(); ++i) {
        entries.push_back({i, sections[i].first, at, sections[i].second.size()});
        at = align(at + sections[i].second.size());
    }
    const auto file_size = at;

    std::string table(section_entry_size * entries.size(), '\0');
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto* p = table.data() + i * section_entry_size;
        std::memcpy(p, &entries[i].id, 4);
        std::memcpy(p + 4, &entries[i].element_size, 4);
        std::memcpy(p + 8, &entries[i].offset, 8);
        std::memcpy(p + 16, &entries[i].size, 8);
    }
    // The body (everything after the first 40 bytes), piece by piece from the tables where they
    // are: hashed first, then written, never copied whole.
    auto body = [&](const std::function<void(std::span<const std::byte>)>& piece) {
        static constexpr std::array<std::byte, 8> zeros{};
        std::uint64_t written = header_size;
        auto pad_to = [&](std::uint64_t offset) {
            piece(std::span<const std::byte>(zeros.data(), static_cast<std::size_t>(offset - written)));
            written = offset;
        };
        piece(std::as_bytes(std::span<const char>(table.data(), table.size())));
        written += table.size();
        for (std::size_t i = 0; i < sections.size(); ++i) {
            pad_to(entries[i].offset);
            piece(sections[i].second);
            written += sections[i].second.size();
        }
        pad_to(file_size);
    };
    ContentHasher hasher;
    body([&](std::span<const std::byte> bytes) { hasher.feed(bytes); });

    std::string header(header_size, '\0');
    std::memcpy(header.data(), magic.data(), magic.size());
    const std::uint32_t version = snapshot_format_version;
    std::memcpy(header.data() + 8, &version, 4);
    std::memcpy(header.data() + 12, &byte_order_mark, 4);
    std::memcpy(header.data() + 16, &file_size, 8);
    const auto checksum = hasher.finish();
    std::memcpy(header.data() + 24, &checksum, 8);
    const auto count = static_cast<std::uint32_t>(entries.size());
    std::memcpy(header.data() + 32, &count, 4);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    body([&](std::span<const std::byte> bytes) {
        if (!bytes.empty())
            out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    });
}

namespace {

// `storage` keeps the bytes alive (none for bytes the caller keeps).
OpenedSnapshot open_checked(std::span<const std::byte> bytes, const std::string& name, const Release& release,
                            const std::shared_ptr<const void>& storage) {
    Checker c(name);
    auto read_u32 = [&](std::size_t at) {
        std::uint32_t v;
        std::memcpy(&v, bytes.data() + at, 4);
        return v;
    };
    auto read_u64 = [&](std::size_t at) {
        std::uint64_t v;
        std::memcpy(&v, bytes.data() + at, 8);
        return v;
    };
    if (bytes.size() < magic.size() || std::memcmp(bytes.data(), magic.data(), magic.size()) != 0)
        throw snapshot_error(fmt::format("{}: not an orgraph snapshot (its first bytes are not a snapshot's)", name));
    if (bytes.size() < header_size)
        throw snapshot_error(
            fmt::format("{}: truncated snapshot: {} bytes, shorter than the header", name, bytes.size()));
    const auto order = read_u32(12);
    if (order != byte_order_mark)
        throw snapshot_error(
            fmt::format("{}: the snapshot was made on a machine of the other byte order; make it again here "
                        "(orgraph snapshot)",
                        name));
    const auto version = read_u32(8);
    if (version != snapshot_format_version)
        throw snapshot_error(
            fmt::format("{}: snapshot format version {}, but this orgraph reads version {}; make it again with this "
                        "orgraph (orgraph snapshot)",
                        name, version, snapshot_format_version));
    const auto file_size = read_u64(16);
    if (file_size != bytes.size())
        throw snapshot_error(fmt::format("{}: truncated or extended snapshot: {} bytes, but its header says {}", name,
                                         bytes.size(), file_size));
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 != 0)
        throw snapshot_error(fmt::format("{}: snapshot bytes are not aligned in memory", name));
    const auto body = bytes.subspan(header_size);
    if (hash_in_blocks(body, release) != read_u64(24))
        throw snapshot_error(fmt::format("{}: damaged snapshot: its checksum does not match its contents", name));
    const auto count = read_u32(32);
    c.require(count == table_count || count == 2 * table_count - 1, "it has the wrong number of sections");
    c.require(header_size + section_entry_size * count <= bytes.size(), "the section table is truncated");
    std::vector<std::span<const std::byte>> sections;
    const auto expected = table_bytes(image::Tables{});
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto at = header_size + section_entry_size * i;
        SectionEntry e{read_u32(at), read_u32(at + 4), read_u64(at + 8), read_u64(at + 16)};
        c.require(e.id == i, "the sections are out of order");
        c.require(e.offset % 8 == 0 && e.offset <= bytes.size() && e.size <= bytes.size() - e.offset,
                  "a section lies outside the file");
        if (i > 0) {
            const auto size = expected[(i - 1) % (table_count - 1)].first;
            c.require(e.element_size == size && e.size % size == 0, "a table has records of the wrong size");
        }
        sections.push_back(bytes.subspan(static_cast<std::size_t>(e.offset), static_cast<std::size_t>(e.size)));
    }
    const auto meta_bytes = sections[0];
    auto meta = decode_meta({reinterpret_cast<const char*>(meta_bytes.data()), meta_bytes.size()}, name);
    c.require(meta.present.has_value() == (count != table_count),
              "its metadata and its sections disagree on whether it carries the present graph");

    auto tables_at = [&](std::size_t first) {
        image::Tables t;
        t.text = table_as<char>(sections[first]);
        t.entities = table_as<image::Entity>(sections[first + 1]);
        t.aliases = table_as<image::Text>(sections[first + 2]);
        t.attributes = table_as<image::Attribute>(sections[first + 3]);
        t.citations = table_as<image::Citation>(sections[first + 4]);
        t.relations = table_as<image::Relation>(sections[first + 5]);
        t.derived_from = table_as<std::uint32_t>(sections[first + 6]);
        t.out_offsets = table_as<std::uint32_t>(sections[first + 7]);
        t.out_edges = table_as<image::Adjacent>(sections[first + 8]);
        t.in_offsets = table_as<std::uint32_t>(sections[first + 9]);
        t.in_edges = table_as<image::Adjacent>(sections[first + 10]);
        t.id_rank = table_as<std::uint32_t>(sections[first + 11]);
        t.id_slots = table_as<std::uint32_t>(sections[first + 12]);
        t.name_keys = table_as<image::NameKey>(sections[first + 13]);
        t.lower_ids = table_as<image::LowerId>(sections[first + 14]);
        return t;
    };
    const auto t = tables_at(1);
    check_tables(t, meta, c, release);
    std::optional<image::Tables> present_tables;
    if (meta.present) {
        present_tables = tables_at(table_count);
        if (meta.present->shares_text) {
            c.require(present_tables->text.empty(), "the present graph has a text of its own and shares one");
            present_tables->text = t.text;
        }
        check_tables(*present_tables, meta, c, release);
    }

    Graph graph(std::move(meta.schema), std::move(meta.sources), std::move(meta.layers), t, storage);
    graph.rules_applied = meta.rules_applied;
    graph.disjoint_chains = meta.disjoint_chains;
    graph.mapped_from_file = release != nullptr;
    if (meta.present) {
        auto present = std::make_shared<Graph>(graph.schema, graph.sources, graph.layers, *present_tables, storage);
        present->rules_applied = meta.present->rules_applied;
        present->disjoint_chains = meta.present->disjoint_chains;
        present->mapped_from_file = graph.mapped_from_file;
        graph.present = PresentGraph{std::move(present), meta.present->from, meta.present->until};
    }
    meta.info.format_version = version;
    return {std::move(graph), std::move(meta.info)};
}

}  // namespace

OpenedSnapshot open_snapshot_bytes(std::span<const std::byte> bytes, const std::string& name) {
    return open_checked(bytes, name, {}, nullptr);
}

OpenedSnapshot open_snapshot(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw snapshot_error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw snapshot_error(fmt::format("{}: not a regular file", path));
    }
    auto mapping = std::make_shared<Mapping>();
    mapping->size = static_cast<std::size_t>(st.st_size);
    if (mapping->size > 0) {
        void* data = mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) {
            const int error = errno;
            ::close(fd);
            throw snapshot_error(fmt::format("{}: cannot map: {}", path, std::strerror(error)));
        }
        mapping->data = data;
    }
    ::close(fd);
    // Every byte is read to check the file, and each page is let go once checked: a command reads
    // back (from the page cache) only the pages its answer needs. The graph keeps the mapping.
    const auto bytes = std::span<const std::byte>(static_cast<const std::byte*>(mapping->data), mapping->size);
    return open_checked(
        bytes, path, [](std::span<const std::byte> checked) { release_whole_pages(checked.data(), checked.size()); },
        mapping);
}

}  // namespace orgraph
