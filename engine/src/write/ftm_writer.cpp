// FollowTheMoney entities, one JSON object per line ({"id", "schema", "properties"}), as
// Aleph, OpenSanctions' tools and `ftm` read them. The mapping (docs/interchange.md):
//
// - organisation kinds become PublicBody (ministry, department, institute, mission) or
//   Organization (unit, organ, association, branch, the organisations of the outside world);
//   a post becomes a Position of the organisation that has it; a city or a postal address or
//   P.O. box an Address; any other kind a LegalEntity;
// - countries, regions and e-mail or fax channels are not entities in FtM: a relation to a
//   country sets `country` (located_in, represents), `jurisdiction` (ministry_of) or, for any
//   other relation, adds a sentence to `notes`; a relation to an e-mail or fax channel sets
//   `email` or `phone`; a relation to a region adds a sentence to `notes`;
// - part_of and member_of become Membership, any other relation between two entities an
//   UnknownLink whose `role` reads the relation; has_post sets the Position's `organization`,
//   located_in an Address sets `addressEntity`;
// - sources: `publisher` and `sourceUrl` of the sources cited, and every citation in `notes`
//   ("source: mfa-structure, lines 4-5"; `description` for an Address, which has no notes); a
//   derived relation says its rule in `description`.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "orgraph/write/interchange.hpp"
#include "orgraph/write/json_writer.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

enum class Shape { skip, public_body, organization, position, address, legal_entity, country, email, phone };

const std::map<std::string_view, Shape>& shapes() {
    static const std::map<std::string_view, Shape> table = {
        {"ministry", Shape::public_body},
        {"department", Shape::public_body},
        {"institute", Shape::public_body},
        {"unit", Shape::organization},
        {"organ", Shape::organization},
        {"mission", Shape::public_body},
        {"mission_group", Shape::organization},
        {"association", Shape::organization},
        {"branch", Shape::organization},
        {"regional_organization", Shape::organization},
        {"international_organization", Shape::organization},
        {"organization_body", Shape::organization},
        {"organization_group", Shape::organization},
        {"post", Shape::position},
        {"city", Shape::address},
        {"postal_address", Shape::address},
        {"po_box", Shape::address},
        {"email", Shape::email},
        {"fax", Shape::phone},
        {"country", Shape::country},
        {"region", Shape::skip},
    };
    return table;
}

Shape shape_of(const Schema& schema, KindIndex kind) {
    for (std::optional<KindIndex> k = kind; k; k = schema.entity_kind(*k).parent)
        if (auto it = shapes().find(schema.entity_kind(*k).id); it != shapes().end()) return it->second;
    return Shape::legal_entity;
}

std::string_view schema_name(Shape shape) {
    switch (shape) {
        case Shape::public_body:
            return "PublicBody";
        case Shape::organization:
            return "Organization";
        case Shape::position:
            return "Position";
        case Shape::address:
            return "Address";
        default:
            return "LegalEntity";
    }
}

bool is_entity(Shape s) {
    return s == Shape::public_body || s == Shape::organization || s == Shape::position || s == Shape::address ||
           s == Shape::legal_entity;
}

// Address is an Interval, not a Thing: it has no name, alias or notes.
std::string_view notes_key(Shape s) {
    return s == Shape::address ? "description" : "notes";
}

bool is_legal_entity(Shape s) {
    return s == Shape::public_body || s == Shape::organization || s == Shape::legal_entity;
}

// Properties in a fixed order, each a list of unique values.
class Properties {
public:
    void add(std::string_view key, std::string_view value) {
        if (value.empty()) return;
        auto& values = m_values[std::string(key)];
        if (std::find(values.begin(), values.end(), value) == values.end()) values.emplace_back(value);
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

class FtmWriter {
public:
    explicit FtmWriter(const Graph& graph) : m_graph(graph) {
        for (KindIndex k = 0; k < graph.schema.entity_kinds().size(); ++k)
            m_shapes.push_back(shape_of(graph.schema, k));
        m_properties.resize(graph.entities().size());
    }

    void write(std::ostream& stream) {
        std::string out;
        // Relations first fill in the properties of the entities they touch.
        std::vector<std::pair<std::string, std::pair<std::string_view, Properties>>> links;
        std::set<std::string> link_ids;
        for (RelationIndex i = 0; i < m_graph.relations().size(); ++i) relation(i, links, link_ids);
        for (EntityIndex e = 0; e < m_graph.entities().size(); ++e) {
            const auto entity_shape = shape(e);
            if (!is_entity(entity_shape)) continue;
            entity(e, entity_shape);
            out += "{\"id\": ";
            out += JsonWriter::escape(m_graph.entity(e).id);
            out += ", \"schema\": ";
            out += JsonWriter::escape(schema_name(entity_shape));
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
    Shape shape(EntityIndex e) const { return m_shapes[m_graph.entity(e).kind]; }

    // ISO 3166-1 alpha-2 in lower case, as FtM's country type wants it.
    std::string country_code(EntityIndex e) const {
        const auto& entity = m_graph.entity(e);
        const auto code = entity.attributes.find("alpha2");
        std::string text(code ? *code : entity.short_name);
        if (text.size() != 2) return {};
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    }

    void sources(Properties& p, Shape shape, const Citations& citations) const {
        for (const auto& c : citations) {
            const auto& s = m_graph.sources[c.source];
            p.add("publisher", s.publisher);
            p.add("sourceUrl", s.url);
        }
        p.add(notes_key(shape), "source: " + m_graph.cite(citations));
    }

    void entity(EntityIndex index, Shape shape) {
        const auto& e = m_graph.entity(index);
        const auto& kind = m_graph.schema.entity_kind(e.kind);
        auto& p = m_properties[index];
        if (shape != Shape::address) {
            p.add("name", e.name);
            p.add("alias", e.short_name);
            for (const auto& a : e.aliases) p.add("alias", a);
        }
        if (is_legal_entity(shape)) {
            p.add("classification", kind.label);
            if (e.validity.from) p.add("incorporationDate", e.validity.from->to_string());
            if (e.validity.to) p.add("dissolutionDate", e.validity.to->to_string());
        }
        if (shape == Shape::position) {
            if (e.validity.from) p.add("inceptionDate", e.validity.from->to_string());
            if (e.validity.to) p.add("dissolutionDate", e.validity.to->to_string());
            if (const auto count = e.attributes.find("count")) p.add("numberOfSeats", *count);
        }
        if (shape == Shape::address) {
            const auto value = e.attributes.find("value");
            p.add("full", value ? *value : e.name);
            if (m_graph.schema.entity_kind(e.kind).id == "city") p.add("city", e.name);
            if (m_graph.schema.entity_kind(e.kind).id == "po_box" && value) p.add("postOfficeBox", *value);
        }
        for (const auto& a : e.attributes) {
            if (a.key == "note") {
                p.add(notes_key(shape), a.value);
            } else if (a.key == "status" && is_legal_entity(shape)) {
                p.add("status", a.value);
            } else if (!(shape == Shape::address && a.key == "value")) {
                p.add("description", fmt::format("{}: {}", a.key, a.value));
            }
        }
        sources(p, shape, e.citations);
    }

    std::string sentence(RelationIndex i, EntityIndex other) const {
        const auto& r = m_graph.relation(i);
        const auto& kind = m_graph.schema.relation_kind(r.kind);
        const auto& o = m_graph.entity(other);
        return fmt::format("{} {} ({}){} — source: {}", kind.label, o.name, o.id,
                           r.derived ? fmt::format(", derived by rule {}", r.rule) : std::string{},
                           m_graph.cite(r.citations));
    }

    void relation(RelationIndex i, std::vector<std::pair<std::string, std::pair<std::string_view, Properties>>>& links,
                  std::set<std::string>& link_ids) {
        const auto& r = m_graph.relation(i);
        const auto& kind = m_graph.schema.relation_kind(r.kind);
        const auto from = shape(r.from), to = shape(r.to);
        auto& p = m_properties[r.from];
        // Relations to things FtM keeps as property values.
        if (to == Shape::country) {
            const auto code = country_code(r.to);
            if (kind.id == "ministry_of" && is_legal_entity(from) && !code.empty())
                p.add("jurisdiction", code);
            else if ((kind.id == "located_in" || kind.id == "represents") && !code.empty() && from != Shape::position)
                p.add("country", code);
            if (is_entity(from)) p.add(notes_key(from), sentence(i, r.to));
            return;
        }
        if (to == Shape::email || to == Shape::phone) {
            const auto value = m_graph.entity(r.to).attributes.find("value");
            if (is_legal_entity(from) && value) p.add(to == Shape::email ? "email" : "phone", *value);
            if (is_entity(from)) p.add(notes_key(from), sentence(i, r.to));
            return;
        }
        if (!is_entity(from) || !is_entity(to)) {
            // A region, or a relation out of a country: kept as a sentence where possible.
            if (is_entity(from)) p.add(notes_key(from), sentence(i, r.to));
            return;
        }
        if (kind.id == "has_post" && to == Shape::position) {
            m_properties[r.to].add("organization", m_graph.entity(r.from).id);
            m_properties[r.to].add("notes", fmt::format("post of {} — source: {}", m_graph.entity(r.from).name,
                                                        m_graph.cite(r.citations)));
            return;
        }
        if (kind.id == "located_in" && to == Shape::address && from == Shape::address) {
            // A postal address in a city.
            p.add("city", m_graph.entity(r.to).name);
            p.add(notes_key(from), sentence(i, r.to));
            return;
        }
        if (kind.id == "located_in" && to == Shape::address) {
            p.add("addressEntity", m_graph.entity(r.to).id);
            p.add(notes_key(from), sentence(i, r.to));
            return;
        }
        const bool membership = (kind.id == "part_of" || kind.id == "member_of") && is_legal_entity(from) &&
                                (to == Shape::organization || to == Shape::public_body);
        Properties link;
        std::string_view schema = membership ? "Membership" : "UnknownLink";
        link.add(membership ? "member" : "subject", m_graph.entity(r.from).id);
        link.add(membership ? "organization" : "object", m_graph.entity(r.to).id);
        link.add("role", kind.label);
        if (r.validity.from) link.add("startDate", r.validity.from->to_string());
        if (r.validity.to) link.add("endDate", r.validity.to->to_string());
        if (r.derived) link.add("description", fmt::format("derived by rule {}", r.rule));
        for (const auto& a : r.attributes) link.add("description", fmt::format("{}: {}", a.key, a.value));
        for (const auto& c : r.citations) {
            const auto& s = m_graph.sources[c.source];
            link.add("publisher", s.publisher);
            link.add("sourceUrl", s.url);
        }
        link.add("summary", "source: " + m_graph.cite(r.citations));
        auto id = fmt::format("{}--{}--{}", m_graph.entity(r.from).id, kind.id, m_graph.entity(r.to).id);
        for (int n = 2; !link_ids.insert(id).second; ++n)
            id = fmt::format("{}--{}--{}--{}", m_graph.entity(r.from).id, kind.id, m_graph.entity(r.to).id, n);
        links.push_back({std::move(id), {schema, std::move(link)}});
    }

    const Graph& m_graph;
    std::vector<Shape> m_shapes;
    std::vector<Properties> m_properties;
};

}  // namespace

void write_ftm(std::ostream& out, const Graph& graph) {
    FtmWriter(graph).write(out);
}

}  // namespace orgraph
