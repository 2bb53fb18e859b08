// FollowTheMoney entities, one JSON object per line ({"id", "schema", "properties"}), as
// Aleph, OpenSanctions' tools and `ftm` read them. What each kind and relation becomes is the
// schema's [interchange.ftm] table (orgraph/model/interchange_mapping.hpp); this writer knows
// only FtM's own model. docs/interchange.md describes the mapping:
//
// - a kind mapped to a `schema` becomes an entity of it (a kind without a mapping takes its
//   nearest parent's, and with none at all an Organization); a kind mapped to a `value` is no
//   entity: a relation to it gives the value (a country's ISO code in lower case) to a property
//   of the other end, and is told in words in its `notes`;
// - a relation between two entities sets a reference property (`references`,
//   `back_references`) or becomes an interval entity of its `schema` (UnknownLink by default,
//   or when FtM would not accept its ends in that schema);
// - ids are namespaced: `orgraph-LAYER-ID` for an entity (LAYER: the layer of its first
//   citation's source), with a hash when the id holds characters FtM ids cannot;
//   `orgraph--KIND-HASH` for a relation;
// - sources: `publisher` and `sourceUrl` of the sources cited, and every citation in `notes`
//   ("source: mfa-structure, lines 4-5"; `summary` for an interval).

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <unordered_set>

#include "orgraph/write/interchange.hpp"
#include "orgraph/write/json_writer.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

// FNV-1a, 64 bits, as 16 hex digits: stable across runs, machines and versions.
std::string hash16(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return fmt::format("{:016x}", h);
}

bool id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// `text` with every character an FtM id cannot hold turned into '-'; `changed` says whether the
// result no longer tells the original apart (a character replaced, "--", or a '-' at the end).
std::string slug(std::string_view text, bool& changed) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (!id_char(c)) changed = true;
        out += id_char(c) ? c : '-';
    }
    if (out.empty() || out.back() == '-' || out.find("--") != std::string::npos) changed = true;
    return out;
}

// Properties in a fixed order, each a list of unique values.
class Properties {
public:
    void add(std::string_view key, std::string_view value) {
        if (value.empty()) return;
        auto& values = m_values[std::string(key)];
        if (std::find(values.begin(), values.end(), value) == values.end()) values.emplace_back(value);
    }
    [[nodiscard]] const std::vector<std::string>* get(std::string_view key) const {
        const auto it = m_values.find(std::string(key));
        return it == m_values.end() ? nullptr : &it->second;
    }
    void write(std::string& out) const {
        out += "{";
        bool first_key = true;
        for (const auto& [key, values] : m_values) {
            if (!first_key) out += ", ";
            first_key = false;
            out += JsonWriter::escape(key);
            out += ": [";
            for (std::size_t i = 0; i < values.size(); ++i) {
                if (i > 0) out += ", ";
                out += JsonWriter::escape(values[i]);
            }
            out += "]";
        }
        out += "}";
    }

private:
    std::map<std::string, std::vector<std::string>> m_values;
};

const FtmKindMapping default_kind{"Organization", {}, {}, {}};
const FtmRelationMapping default_relation{};

class FtmWriter {
public:
    explicit FtmWriter(const Graph& graph) : m_graph(graph), m_mapping(graph.schema.interchange()) {
        const auto& schema = graph.schema;
        for (KindIndex k = 0; k < schema.entity_kinds().size(); ++k) {
            const FtmKindMapping* found = nullptr;
            for (std::optional<KindIndex> a = k; a && !found; a = schema.entity_kind(*a).parent)
                found = m_mapping.ftm_kind(schema.entity_kind(*a).id);
            m_kinds.push_back(found ? found : &default_kind);
        }
        for (const auto& r : schema.relation_kinds()) {
            const auto* found = m_mapping.ftm_relation(r.id);
            m_relations.push_back(found ? found : &default_relation);
        }
        m_properties.resize(graph.entities().size());
        m_ids.resize(graph.entities().size());
        std::unordered_set<std::string> used;
        for (EntityIndex e = 0; e < graph.entities().size(); ++e) {
            if (!is_entity(e)) continue;
            m_ids[e] = entity_id(e);
            for (int n = 2; !used.insert(m_ids[e]).second; ++n) m_ids[e] = fmt::format("{}-{}", entity_id(e), n);
        }
    }

    void write(std::ostream& stream) {
        std::string out;
        // Relations first fill in the properties of the entities they touch.
        std::vector<std::pair<std::string, std::pair<std::string_view, Properties>>> links;
        std::set<std::string> link_ids;
        for (RelationIndex i = 0; i < m_graph.relations().size(); ++i) relation(i, links, link_ids);
        for (EntityIndex e = 0; e < m_graph.entities().size(); ++e)
            if (is_entity(e)) entity(e);
        for (EntityIndex e = 0; e < m_graph.entities().size(); ++e) {
            if (!is_entity(e)) continue;
            if (schema_of(e) == "Address") address_country(e, 0);
            out += "{\"id\": ";
            out += JsonWriter::escape(m_ids[e]);
            out += ", \"schema\": ";
            out += JsonWriter::escape(schema_of(e));
            out += ", \"properties\": ";
            m_properties[e].write(out);
            out += "}\n";
        }
        for (const auto& [id, link] : links) {
            out += "{\"id\": ";
            out += JsonWriter::escape(id);
            out += ", \"schema\": ";
            out += JsonWriter::escape(link.first);
            out += ", \"properties\": ";
            link.second.write(out);
            out += "}\n";
            if (out.size() > (1U << 20)) {
                stream.write(out.data(), static_cast<std::streamsize>(out.size()));
                out.clear();
            }
        }
        stream.write(out.data(), static_cast<std::streamsize>(out.size()));
    }

private:
    const FtmKindMapping& kind_of(EntityIndex e) const { return *m_kinds[m_graph.entity(e).kind]; }
    std::string_view schema_of(EntityIndex e) const { return kind_of(e).schema; }
    bool is_entity(EntityIndex e) const { return !schema_of(e).empty(); }

    // orgraph-LAYER-ID, or orgraph-LAYER-SLUG--HASH when ID holds what an FtM id cannot.
    std::string entity_id(EntityIndex index) const {
        const auto& e = m_graph.entity(index);
        std::string_view layer;
        if (!e.citations.empty()) layer = m_graph.sources[e.citations.front().source].layer;
        bool changed = false;
        auto id = fmt::format("orgraph-{}-{}", slug(layer, changed), slug(e.id, changed));
        if (layer.empty()) id = fmt::format("orgraph-{}", slug(e.id, changed));
        if (!changed && id.size() <= 200) return id;
        const auto hash = hash16(fmt::format("{}\x1f{}", layer, e.id));
        while (!id.empty() && id.back() == '-') id.pop_back();
        return fmt::format("{}--{}", id.substr(0, 160), hash);
    }

    // The value a relation to a value kind gives, in the form its property wants; empty when
    // there is none (no such attribute, or no ISO alpha-2 code for a country property).
    std::string value_of(EntityIndex index, std::string_view property) const {
        const auto& e = m_graph.entity(index);
        const auto& attribute = kind_of(index).value;
        std::string text;
        if (attribute == "name")
            text = e.name;
        else if (attribute == "short_name")
            text = e.short_name;
        else if (const auto v = e.attributes.find(attribute))
            text = *v;
        if (!ftm::is_country_property(property)) return text;
        if (text.size() != 2 || !std::isalpha(static_cast<unsigned char>(text[0])) ||
            !std::isalpha(static_cast<unsigned char>(text[1])))
            return {};
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    }

    void sources(Properties& p, std::string_view notes, const Citations& citations) const {
        for (const auto& c : citations) {
            const auto& s = m_graph.sources[c.source];
            p.add("publisher", s.publisher);
            p.add("sourceUrl", s.url);
        }
        p.add(notes, "source: " + m_graph.cite(citations));
    }

    void entity(EntityIndex index) {
        const auto& e = m_graph.entity(index);
        const auto& kind = m_graph.schema.entity_kind(e.kind);
        const auto& mapping = kind_of(index);
        const auto schema = std::string_view(mapping.schema);
        auto& p = m_properties[index];
        p.add("name", e.name);
        p.add("alias", e.short_name);
        for (const auto& a : e.aliases) p.add("alias", a);
        const bool dated_legal_entity = ftm::is_legal_entity(schema);
        if (dated_legal_entity) p.add("classification", kind.label);
        if (dated_legal_entity || schema == "Position") {
            if (e.validity.from)
                p.add(dated_legal_entity ? "incorporationDate" : "inceptionDate", e.validity.from->to_string());
            // An end the source does not date has no FtM date: it is said in words.
            if (e.validity.end_unknown())
                p.add("description", "ended on a date the source does not give");
            else if (e.validity.to)
                p.add("dissolutionDate", e.validity.to->to_string());
        }
        std::set<std::string_view> mapped;
        for (const auto& [property, attribute] : mapping.properties) {
            std::string value;
            if (attribute == "name")
                value = e.name;
            else if (attribute == "short_name")
                value = e.short_name;
            else if (const auto v = e.attributes.find(attribute))
                value = *v;
            if (ftm::is_country_property(property)) {
                if (value.size() != 2) continue;
                for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            p.add(property, value);
            mapped.insert(attribute);
        }
        for (const auto& a : e.attributes) {
            if (mapped.contains(a.key)) continue;
            if (a.key == "note")
                p.add("notes", a.value);
            else
                p.add("description", fmt::format("{}: {}", a.key, a.value));
        }
        sources(p, "notes", e.citations);
    }

    // An Address without a country takes the country of the Address it is in (a postal
    // address in a city).
    std::string address_country(EntityIndex e, int depth) {
        auto& p = m_properties[e];
        if (const auto* c = p.get("country"); c && !c->empty()) return c->front();
        if (depth > 8) return {};
        const auto* within = m_address_of.count(e) ? &m_address_of[e] : nullptr;
        if (!within) return {};
        for (const auto other : *within) {
            auto country = address_country(other, depth + 1);
            if (!country.empty()) {
                p.add("country", country);
                return country;
            }
        }
        return {};
    }

    std::string sentence(RelationIndex i, EntityIndex other, bool inverse) const {
        const auto& r = m_graph.relation(i);
        const auto& kind = m_graph.schema.relation_kind(r.kind);
        const auto& o = m_graph.entity(other);
        return fmt::format("{} {} ({}){} — source: {}", inverse ? kind.inverse : kind.label, o.name, o.id,
                           r.derived ? fmt::format(", derived by rule {}", r.rule) : std::string{},
                           m_graph.cite(r.citations));
    }

    static std::string_view lookup(const NamePairs& pairs, std::string_view key) {
        for (const auto& [k, v] : pairs)
            if (k == key) return v;
        return {};
    }

    // Whether FtM takes `first` and `second` as the two ends of `schema`.
    static bool ends_fit(std::string_view schema, std::string_view first, std::string_view second) {
        if (schema == "Membership" || schema == "Directorship")
            return ftm::is_legal_entity(first) && ftm::is_organization(second);
        if (schema == "Representation") return ftm::is_legal_entity(first) && ftm::is_legal_entity(second);
        return true;
    }

    void relation(RelationIndex i, std::vector<std::pair<std::string, std::pair<std::string_view, Properties>>>& links,
                  std::set<std::string>& link_ids) {
        const auto& r = m_graph.relation(i);
        const auto& kind = m_graph.schema.relation_kind(r.kind);
        const auto& mapping = *m_relations[r.kind];
        const bool from_entity = is_entity(r.from), to_entity = is_entity(r.to);
        if (!from_entity && !to_entity) return;
        if (!from_entity) {
            // A relation out of a value (a country member of an organisation): told at its target.
            m_properties[r.to].add("notes", sentence(i, r.from, true));
            return;
        }
        auto& p = m_properties[r.from];
        if (!to_entity) {
            const auto& target = kind_of(r.to);
            const auto property = mapping.property.empty() ? std::string_view(target.property) : mapping.property;
            if (!property.empty()) p.add(property, value_of(r.to, property));
            p.add("notes", sentence(i, r.to, false));
            return;
        }
        const auto from_schema = schema_of(r.from), to_schema = schema_of(r.to);
        if (const auto property = lookup(mapping.back_references, to_schema); !property.empty()) {
            m_properties[r.to].add(property, m_ids[r.from]);
            m_properties[r.to].add("notes", sentence(i, r.from, true));
            return;
        }
        if (const auto property = lookup(mapping.references, to_schema); !property.empty()) {
            p.add(property, m_ids[r.to]);
            p.add("notes", sentence(i, r.to, false));
            if (property == "addressEntity" && from_schema == "Address") m_address_of[r.from].push_back(r.to);
            return;
        }
        auto first = r.from, second = r.to;
        if (mapping.reverse) std::swap(first, second);
        std::string_view schema = mapping.schema.empty() ? "UnknownLink" : std::string_view(mapping.schema);
        if (!ends_fit(schema, schema_of(first), schema_of(second))) {
            schema = "UnknownLink";
            first = r.from;
            second = r.to;
        }
        const auto& ends = *std::find_if(ftm_interval_schemata().begin(), ftm_interval_schemata().end(),
                                         [&](const auto& s) { return s.schema == schema; });
        Properties link;
        link.add(ends.first, m_ids[first]);
        link.add(ends.second, m_ids[second]);
        link.add("role", kind.label);
        if (r.validity.from) link.add("startDate", r.validity.from->to_string());
        if (r.validity.end_unknown())
            link.add("description", "ended on a date the source does not give");
        else if (r.validity.to)
            link.add("endDate", r.validity.to->to_string());
        if (r.derived) link.add("description", fmt::format("derived by rule {}", r.rule));
        for (const auto& a : r.attributes) link.add("description", fmt::format("{}: {}", a.key, a.value));
        for (const auto& c : r.citations) {
            const auto& s = m_graph.sources[c.source];
            link.add("publisher", s.publisher);
            link.add("sourceUrl", s.url);
        }
        link.add("summary", "source: " + m_graph.cite(r.citations));
        bool changed = false;
        const auto base = fmt::format("orgraph--{}-{}", slug(kind.id, changed),
                                      hash16(fmt::format("{}\x1f{}\x1f{}", m_ids[r.from], kind.id, m_ids[r.to])));
        auto id = base;
        for (int n = 2; !link_ids.insert(id).second; ++n) id = fmt::format("{}-{}", base, n);
        links.push_back({std::move(id), {schema, std::move(link)}});
    }

    const Graph& m_graph;
    const InterchangeMapping& m_mapping;
    std::vector<const FtmKindMapping*> m_kinds;
    std::vector<const FtmRelationMapping*> m_relations;
    std::vector<Properties> m_properties;
    std::vector<std::string> m_ids;
    std::map<EntityIndex, std::vector<EntityIndex>> m_address_of;  // Address -> the Addresses it is in
};

}  // namespace

void write_ftm(std::ostream& out, const Graph& graph) {
    FtmWriter(graph).write(out);
}

}  // namespace orgraph
