#include <fmt/format.h>
#include <algorithm>
#include <numeric>

#include "load/loader.hpp"
#include "orgraph/model/text.hpp"
#include "orgraph/model/text_checks.hpp"

namespace orgraph::load_detail {
namespace {

// Calls visit(attribute) for each of a record's attributes; past a handful, in key order (equal
// keys in the order written), so that each AttributeMap::set() appends and a record with
// thousands of attributes costs n log n, not n². Diagnostics are sorted by position later, so
// the order of visits changes no message.
template <typename Visit>
void for_each_attribute(const std::vector<RawAttribute>& attributes, Visit visit) {
    if (attributes.size() <= 16) {
        for (const auto& a : attributes) visit(a);
        return;
    }
    std::vector<const RawAttribute*> order;
    order.reserve(attributes.size());
    for (const auto& a : attributes) order.push_back(&a);
    std::stable_sort(order.begin(), order.end(), [](const auto* x, const auto* y) { return x->key < y->key; });
    for (const auto* a : order) visit(*a);
}

std::string scalar_to_string(const toml::node& node) {
    if (auto s = node.as_string()) return s->get();
    if (auto i = node.as_integer()) return std::to_string(i->get());
    if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
    if (auto f = node.as_floating_point()) return fmt::format("{}", f->get());
    if (auto d = node.as_date()) {
        const auto v = d->get();
        return fmt::format("{:04}-{:02}-{:02}", int{v.year}, int{v.month}, int{v.day});
    }
    return {};
}

bool is_scalar(const toml::node& node) {
    return node.is_string() || node.is_integer() || node.is_boolean() || node.is_floating_point() || node.is_date();
}

}  // namespace

void Loader::resolve_citations(const std::vector<RawCitation>& raw, CitationList& out) {
    for (const auto& c : raw) {
        const auto colon = c.text.find(':');
        const auto id = std::string_view(c.text).substr(0, colon);
        auto source = m_graph.find_source(id);
        if (!source && note_unknown(Unknown::source, c.pos, id)) continue;
        if (!source) {
            error(c.pos, fmt::format("unknown source '{}' in citation '{}' (declare it in a [[source]] table){}", id,
                                     c.text, did_you_mean(id, m_source_ids)));
            continue;
        }
        CitationData citation{*source, colon == std::string::npos ? std::string{} : c.text.substr(colon + 1)};
        if (std::find(out.begin(), out.end(), citation) == out.end()) out.push_back(std::move(citation));
    }
}

// Notes a name an imported graph uses that nothing declares; false for other files, whose
// every such name is its own message.
bool Loader::note_unknown(Unknown what, const Pos& pos, std::string_view id) {
    if (pos.file >= m_import_file.size() || m_import_file[pos.file] == 0) return false;
    auto& unknown = m_unknown_names[{pos.file, what}];
    if (unknown.count++ == 0) unknown.first = pos;
    unknown.ids.emplace(id);
    unknown.carried_dataset = m_import_file[pos.file] == 2;
    return true;
}

// One message for each imported graph and sort of name it uses undeclared: a graph file that
// carries no schema or sources (written by another tool) would otherwise get one message for
// every node and edge, all saying the same. A single unknown kind is reported as in any file.
void Loader::report_unknown_names() {
    for (const auto& [key, unknown] : m_unknown_names) {
        const auto [file, what] = key;
        const auto& path = m_file_names[file];
        std::vector<std::string> ids(unknown.ids.begin(), unknown.ids.end());
        std::string named;
        for (std::size_t i = 0; i < ids.size() && i < 5; ++i)
            named += fmt::format("{}'{}'", i == 0 ? "" : ", ", quoted_excerpt(ids[i]));
        if (ids.size() > 5) named += fmt::format(" and {} more", ids.size() - 5);
        const auto plural = ids.size() == 1 ? "" : "s";
        if (what != Unknown::source && unknown.count == 1) {
            const bool entity = what == Unknown::entity_kind;
            error(
                unknown.first,
                fmt::format("unknown {} '{}'{}", entity ? "entity kind" : "relation kind", quoted_excerpt(ids.front()),
                            suggestion_or_list(ids.front(), entity ? m_entity_kind_ids : m_relation_kind_ids)));
            continue;
        }
        std::string text;
        if (what == Unknown::source)
            text = unknown.count == 1 ? fmt::format("a citation names the source {}, which no layer declares{}", named,
                                                    did_you_mean(ids.front(), m_source_ids))
                                      : fmt::format("{} citations name {} source{} that no layer declares: {}",
                                                    unknown.count, ids.size(), plural, named);
        else
            text = fmt::format(
                "{} {} have {} kind{} that the schema does not declare: {}{}", unknown.count,
                what == Unknown::entity_kind ? "nodes" : "edges", ids.size(), plural, named,
                ids.size() == 1
                    ? did_you_mean(ids.front(), what == Unknown::entity_kind ? m_entity_kind_ids : m_relation_kind_ids)
                    : std::string{});
        const auto declared = what == Unknown::source ? "sources" : "kinds";
        if (unknown.carried_dataset)
            error(unknown.first,
                  fmt::format("{} (nor does the graph attribute '{}' this file carries: correct the names, or "
                              "declare them there or in a TOML layer)",
                              text, embedded_dataset_key));
        else if (what == Unknown::source)
            error(unknown.first,
                  fmt::format("{}. Declare each in a [[source]] table of a TOML file loaded first, e.g. `orgraph "
                              "--data sources.toml --data {}`, or load the dataset.toml of the export the graph came "
                              "from (`orgraph export --to csv` writes one). orgraph's exports carry theirs in the "
                              "graph attribute '{}', read when no other layer declares kinds; other tools' files "
                              "carry none",
                              text, path, embedded_dataset_key));
        else
            error(unknown.first,
                  fmt::format("{}. Load the TOML file that declares its {} first, e.g. `orgraph --data "
                              "dataset.toml --data {}` with the dataset.toml of the export the graph came from "
                              "(`orgraph export --to csv` writes one). orgraph's exports carry their schema in the "
                              "graph attribute '{}', read when no other layer declares kinds; other tools' files "
                              "carry none",
                              text, declared, path, embedded_dataset_key));
    }
}

void Loader::check_validity(const Validity& validity, const Pos& pos) {
    if (validity.from && validity.to && validity.from->first_day() > validity.to->last_day())
        error(pos, fmt::format("valid_from {} is later than valid_to {} (expected valid_from on or before valid_to)",
                               validity.from->to_string(), validity.to->to_string()));
}

void Loader::load_entities(std::size_t layer) {
    for (const auto& file : m_files) {
        if (file.layer != layer) continue;
        if (file.input->format == FileFormat::toml) {
            for_each_record(file, "entity", [&](const toml::table& t) { read_toml_entity(t, file); });
        } else if (file.input->format == FileFormat::entities_csv) {
            read_csv_entities(file);
        } else if (file.input->format == FileFormat::graphml || file.input->format == FileFormat::node_link_json) {
            read_imported_graph(file);
        }
    }
}

void Loader::read_toml_entity(const toml::table& t, const ParsedFile& file) {
    EntityRecord record;
    record.pos = pos_of(t, file.file);
    std::vector<RelationRecord> relations;
    std::vector<std::pair<const toml::key*, const toml::node*>> relation_fields;
    for (auto&& [key, node] : t) {
        const auto& k = key.str();
        const auto field = entity_field(k, RecordFormat::toml);
        if (field == RecordField::attribute) {
            if (m_graph.schema.relation_kind(k))
                relation_fields.emplace_back(&key, &node);
            else if (is_scalar(node))
                record.attributes.push_back({std::string(k), scalar_to_string(node), pos_of(key, file.file)});
            else
                error(pos_of(node, file.file),
                      fmt::format("'{}' is neither a relation kind nor an attribute: {} cannot be an attribute value "
                                  "(expected a string, number, boolean or date){}",
                                  k, type_name(node), did_you_mean(k, m_relation_kind_ids)));
        } else {
            read_toml_entity_field(field, k, node, file.file, record);
        }
    }
    if (record.id.empty() && !t.contains("id")) error(record.pos, "an entity has no 'id' (expected id = \"…\")");
    for (auto [key, node] : relation_fields) read_relation_field(*key, *node, record, file, relations);
    if (!apply_entity(record, file.layer)) return;
    for (auto& r : relations) m_pending.push_back(std::move(r));
}

// One of the fields every entity has (not an attribute, not a relation).
void Loader::read_toml_entity_field(RecordField field, std::string_view key, const toml::node& node, std::uint32_t file,
                                    EntityRecord& record) {
    const auto pos = pos_of(node, file);
    switch (field) {
        case RecordField::aliases:
            for (auto& [alias, p] : string_list(node, file, key)) record.aliases.push_back(std::move(alias));
            return;
        case RecordField::citations:
            for (auto& [text, p] : string_list(node, file, key)) record.citations.push_back({std::move(text), p});
            return;
        case RecordField::valid_from:
        case RecordField::valid_to:
            set_validity_end(record.validity, record.validity_pos, field, date_field(node, file, key), pos);
            return;
        default:
            break;
    }
    if (!node.is_string()) {
        error(pos, fmt::format("'{}' must be a string, not {}", key, type_name(node)));
        return;
    }
    const auto& value = node.as_string()->get();
    if (field == RecordField::id) {
        record.id = value;
        record.id_pos = pos;
    } else if (field == RecordField::kind) {
        record.kind = value;
        record.kind_pos = pos;
    } else if (field == RecordField::name) {
        record.name = value;
        record.name_pos = pos;
    } else {
        record.short_name = value;
    }
}

void Loader::read_relation_field(const toml::key& key, const toml::node& node, const EntityRecord& entity,
                                 const ParsedFile& file, std::vector<RelationRecord>& out) {
    auto base = [&]() {
        RelationRecord r;
        r.layer = file.layer;
        r.kind = key.str();
        r.kind_pos = pos_of(key, file.file);
        r.from = entity.id;
        r.from_pos = entity.id_pos;
        return r;
    };
    auto add_target = [&](const toml::node& item) {
        if (auto s = item.as_string()) {
            auto r = base();
            r.to = s->get();
            r.to_pos = pos_of(item, file.file);
            r.citations = entity.citations;
            out.push_back(std::move(r));
        } else if (auto t = item.as_table()) {
            auto r = base();
            r.to_pos = pos_of(item, file.file);
            read_relation_table(*t, file, r, true);
            if (r.citations.empty()) r.citations = entity.citations;
            if (!t->contains("to"))
                error(r.to_pos, fmt::format("a '{}' entry has no 'to' (expected {{ to = \"ID\", … }})", r.kind));
            else
                out.push_back(std::move(r));
        } else {
            error(pos_of(item, file.file), fmt::format("'{}' expects an entity id or an inline table "
                                                       "{{ to = \"ID\", … }}, not {}",
                                                       key.str(), type_name(item)));
        }
    };
    if (auto a = node.as_array()) {
        for (auto& item : *a) add_target(item);
    } else {
        add_target(node);
    }
}

// Reads the fields of an inline relation table (whose 'from' and 'kind' are those of the entity
// and the key it stands under) or of a [[relation]] record.
void Loader::read_relation_table(const toml::table& t, const ParsedFile& file, RelationRecord& r, bool inline_entry) {
    for (auto&& [key, node] : t) {
        const auto& k = key.str();
        auto field = relation_field(k, RecordFormat::toml);
        if (inline_entry && (field == RecordField::from || field == RecordField::kind)) field = RecordField::attribute;
        const auto pos = pos_of(node, file.file);
        switch (field) {
            case RecordField::attribute:
                if (is_scalar(node))
                    r.attributes.push_back({std::string(k), scalar_to_string(node), pos_of(key, file.file)});
                else
                    error(pos, fmt::format("attribute '{}' must be a string, number, boolean or date, not {}", k,
                                           type_name(node)));
                continue;
            case RecordField::citations:
                for (auto& [text, p] : string_list(node, file.file, k)) r.citations.push_back({std::move(text), p});
                continue;
            case RecordField::valid_from:
            case RecordField::valid_to:
                set_validity_end(r.validity, r.validity_pos, field, date_field(node, file.file, k), pos);
                continue;
            default:
                break;
        }
        if (!node.is_string()) {
            error(pos, fmt::format("'{}' must be a string, not {}", k, type_name(node)));
            continue;
        }
        auto& value = field == RecordField::to ? r.to : field == RecordField::from ? r.from : r.kind;
        auto& value_pos = field == RecordField::to ? r.to_pos : field == RecordField::from ? r.from_pos : r.kind_pos;
        value = node.as_string()->get();
        value_pos = pos;
    }
}

// Adds or amends the entity; false when it was refused (no usable id, or a duplicate), so
// that its relation fields are not reported a second time as pointing nowhere.
bool Loader::apply_entity(EntityRecord& record, std::size_t layer) {
    if (record.id.empty()) {
        if (record.id_pos.line != 0) error(record.id_pos, "'id' is empty (expected a non-empty id)");
        return false;
    }
    if (!valid_id(record.id)) {
        error(record.id_pos,
              fmt::format("malformed id '{}' (expected letters, digits, '_', '.', ':' or '-')", record.id));
        return false;
    }
    if (auto existing = m_graph.find(record.id)) {
        if (m_entity_layer[*existing] == layer) {
            error(record.id_pos,
                  fmt::format("duplicate id '{}' (first declared at {})", record.id, where(m_entity_pos[*existing])));
            return false;
        }
        amend_entity(*existing, record);
        return true;
    }

    EntityData entity;
    entity.id = record.id;
    bool kind_ok = false;
    if (!record.kind) {
        error(record.pos,
              fmt::format("entity '{}' has no 'kind' (expected kind = \"…\", one of the entity kinds)", record.id));
    } else if (record.kind->empty()) {
        error(record.kind_pos, fmt::format("entity '{}' has an empty kind (expected one of the entity kinds: {})",
                                           record.id, join(m_entity_kind_ids)));
    } else if (auto kind = m_graph.schema.entity_kind(*record.kind)) {
        entity.kind = *kind;
        kind_ok = true;
    } else if (!note_unknown(Unknown::entity_kind, record.kind_pos, *record.kind)) {
        error(record.kind_pos, fmt::format("unknown entity kind '{}'{}", quoted_excerpt(*record.kind),
                                           suggestion_or_list(*record.kind, m_entity_kind_ids)));
    }
    if (!record.name)
        error(record.pos, fmt::format("entity '{}' has no 'name' (expected name = \"…\")", record.id));
    else if (record.name->empty() || fold_name(*record.name).empty())
        error(record.name_pos, fmt::format("entity '{}' has an empty name (expected a name with at least one "
                                           "letter or digit)",
                                           record.id));
    else
        entity.name = *record.name;
    entity.short_name = record.short_name;
    entity.aliases = record.aliases;
    if (record.citations.empty())
        error(record.pos, no_source_message(fmt::format("entity '{}'", record.id), true, record.format));
    resolve_citations(record.citations, entity.citations);
    entity.validity = record.validity;
    check_validity(entity.validity, record.validity_pos);
    if (kind_ok) set_attributes(entity.kind, record, entity.attributes, record.id);

    m_entity_layer.push_back(layer);
    m_entity_pos.push_back(record.id_pos);
    m_entity_kind_ok.push_back(kind_ok);
    m_entity_kinds.push_back(entity.kind);
    m_graph.add_entity(std::move(entity));
    return true;
}

void Loader::set_attributes(KindIndex kind, const EntityRecord& record, AttributeMap& attributes,
                            const std::string& id) {
    for_each_attribute(record.attributes, [&](const RawAttribute& a) {
        if (!m_graph.schema.entity_attribute_allowed(kind, a.key)) {
            const auto allowed = m_graph.schema.entity_attributes(kind);
            error(a.pos,
                  fmt::format("unknown field '{}' for an entity of kind '{}' (expected a relation kind or "
                              "one of the attributes: {}){}",
                              a.key, m_graph.schema.entity_kind(kind).id, join(allowed), did_you_mean(a.key, allowed)));
            return;
        }
        if (const auto* allowed = m_graph.schema.allowed_values(kind, a.key);
            allowed && std::find(allowed->begin(), allowed->end(), a.value) == allowed->end()) {
            error(a.pos, fmt::format("attribute '{}' is '{}' (expected one of: {}){}", a.key, a.value, join(*allowed),
                                     did_you_mean(a.value, *allowed)));
            return;
        }
        if (!attributes.set(a.key, a.value))
            error(a.pos, attribute_conflict_message(a.key, fmt::format("'{}'", id), *attributes.find(a.key), a.value));
    });
}

void Loader::amend_entity(EntityIndex index, EntityRecord& record) {
    m_graph.change_entity(index, [&](EntityData& entity) { amend_entity_data(index, entity, record); });
}

void Loader::amend_entity_data(EntityIndex index, EntityData& entity, EntityRecord& record) {
    const auto& kind = m_graph.schema.entity_kind(entity.kind);
    if (record.kind && *record.kind != kind.id)
        error(record.kind_pos, fmt::format("entity '{}' is a '{}' in an earlier layer ({}); a later layer cannot "
                                           "make it a '{}'",
                                           entity.id, kind.id, where(m_entity_pos[index]), *record.kind));
    auto add_alias = [&](const std::string& alias) {
        if (alias.empty() || alias == entity.name || alias == entity.short_name) return;
        if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end())
            entity.aliases.push_back(alias);
    };
    if (record.name) add_alias(*record.name);
    if (!record.short_name.empty()) {
        if (entity.short_name.empty())
            entity.short_name = record.short_name;
        else
            add_alias(record.short_name);
    }
    for (const auto& a : record.aliases) add_alias(a);
    resolve_citations(record.citations, entity.citations);
    if (record.validity.from) entity.validity.from = record.validity.from;
    if (record.validity.to) entity.validity.to = record.validity.to;
    check_validity(entity.validity, record.validity_pos);
    if (m_entity_kind_ok[index]) set_attributes(entity.kind, record, entity.attributes, entity.id);
}

void Loader::load_relations(std::size_t layer) {
    for (auto& r : m_pending)
        if (r.layer == layer) apply_relation(r);
    for (const auto& file : m_files) {
        if (file.layer != layer) continue;
        if (file.input->format == FileFormat::toml) {
            for_each_record(file, "relation", [&](const toml::table& t) {
                RelationRecord r;
                r.layer = layer;
                const auto pos = pos_of(t, file.file);
                r.kind_pos = r.from_pos = r.to_pos = pos;
                read_relation_table(t, file, r, false);
                bool complete = true;
                for (const char* field : {"kind", "from", "to"}) {
                    if (!t.contains(field)) {
                        error(pos, fmt::format("a relation has no '{}' (expected {} = \"…\")", field, field));
                        complete = false;
                    }
                }
                if (r.citations.empty()) {
                    error(pos, no_source_message("a relation", false, RecordFormat::toml));
                    complete = false;
                }
                if (complete) apply_relation(r);
            });
        } else if (file.input->format == FileFormat::relations_csv) {
            read_csv_relations(file);
        }
    }
    if (layer + 1 == m_layers.size()) m_pending.clear();
}

std::optional<EntityIndex> Loader::find_entity(const std::string& id, const Pos& pos) {
    if (auto index = m_graph.find(id)) return index;
    std::string hint;
    // Suggestions need a scan of every id; a dataset with thousands of broken references
    // gets them for the first few only.
    if (m_missing_reports++ < 50) {
        const std::size_t limit = std::max<std::size_t>(1, id.size() / 4);
        std::string best;
        std::size_t best_distance = limit + 1;
        for (const auto& e : m_graph.entities()) {
            const auto d = edit_distance(id, e.id, limit);
            if (d > limit) continue;
            if (d < best_distance || (d == best_distance && e.id < best)) {
                best = e.id;
                best_distance = d;
            }
        }
        if (!best.empty()) hint = fmt::format("; did you mean '{}'?", best);
    }
    error(pos, fmt::format(
                   "no entity has the id '{}'{}", quoted_excerpt(id),
                   hint.empty() ? std::string(" (expected the id of an entity declared in one of the layers)") : hint));
    return std::nullopt;
}

// A large dataset's id index and entities are far bigger than the cache, and every lookup
// would wait on memory twice (the id's slot, then the entity to compare ids with). Asking for
// a whole batch's slots first, then for their entities, lets those waits overlap.
void Loader::apply_relation_batch(std::vector<RelationRecord>& batch) {
    for (const auto& r : batch) {
        m_graph.prefetch_id_slot(r.from);
        m_graph.prefetch_id_slot(r.to);
    }
    for (const auto& r : batch) {
        m_graph.prefetch_entity(r.from);
        m_graph.prefetch_entity(r.to);
    }
    for (auto& r : batch) apply_relation(r);
}

void Loader::apply_relation(RelationRecord& r) {
    auto kind = m_graph.schema.relation_kind(r.kind);
    if (r.kind.empty()) {
        error(r.kind_pos, fmt::format("the relation kind is empty (expected one of: {})", join(m_relation_kind_ids)));
        return;
    }
    if (!kind) {
        if (!note_unknown(Unknown::relation_kind, r.kind_pos, r.kind))
            error(r.kind_pos,
                  fmt::format("unknown relation kind '{}'{}", r.kind, suggestion_or_list(r.kind, m_relation_kind_ids)));
        return;
    }
    // (An entity refused for its id keeps its relation fields back: an empty id here was written so.)
    if (!relation_ends_given(r)) return;
    // Bulk files list the relations of an entity together: its id is looked up once. (Every
    // entity is loaded before any relation, so an id found stays found.)
    auto from = r.from == m_last_from_id ? m_last_from : find_entity(r.from, r.from_pos);
    if (from && r.from != m_last_from_id) {
        m_last_from_id = r.from;
        m_last_from = from;
    }
    auto to = find_entity(r.to, r.to_pos);
    RelationData relation;
    relation.kind = *kind;
    for_each_attribute(r.attributes, [&](const RawAttribute& a) {
        if (!m_graph.schema.relation_attribute_allowed(*kind, a.key)) {
            const auto& declared = m_graph.schema.relation_kind(*kind).attributes;
            std::vector<std::string> allowed{"note"};
            allowed.insert(allowed.end(), declared.begin(), declared.end());
            error(a.pos, fmt::format("unknown field '{}' for a '{}' relation (expected one of: {}){}", a.key, r.kind,
                                     join(allowed), did_you_mean(a.key, allowed)));
        } else if (!relation.attributes.set(a.key, a.value)) {
            error(a.pos, attribute_conflict_message(
                             a.key, fmt::format("the '{}' relation from '{}' to '{}'", r.kind, r.from, r.to),
                             *relation.attributes.find(a.key), a.value));
        }
    });
    resolve_citations(r.citations, relation.citations);
    relation.validity = r.validity;
    check_validity(relation.validity, r.validity_pos);
    if (!from || !to) return;
    const auto& rk = m_graph.schema.relation_kind(*kind);
    if (m_entity_kind_ok[*from] && !m_graph.schema.allows_from(*kind, m_entity_kinds[*from])) {
        error(r.kind_pos, fmt::format("a '{}' relation cannot start at '{}', a {} (it may start at: {})", r.kind,
                                      r.from, m_graph.kind_of(*from).id, kind_list(rk.from)));
        return;
    }
    if (m_entity_kind_ok[*to] && !m_graph.schema.allows_to(*kind, m_entity_kinds[*to])) {
        error(r.to_pos, fmt::format("a '{}' relation cannot end at '{}', a {} (it may end at: {})", r.kind, r.to,
                                    m_graph.kind_of(*to).id, kind_list(rk.to)));
        return;
    }
    if (*from == *to) {
        error(r.to_pos,
              fmt::format("a '{}' relation from '{}' to itself (expected two different entities)", r.kind, r.from));
        return;
    }
    relation.from = *from;
    relation.to = *to;
    m_graph.add_relation(std::move(relation));
}

std::string Loader::kind_list(const std::vector<KindIndex>& kinds) const {
    std::vector<std::string> ids;
    for (auto k : kinds) ids.push_back(m_graph.schema.entity_kind(k).id);
    return ids.empty() ? "any kind" : join(ids);
}

// The same statement made twice (by two sources, or by a layer and an overlay) is one
// relation with both citations: a later statement of the same (from, to, kind) is merged into
// the first when their validity is the same and their attributes do not disagree (it may add
// attributes the first lacks); otherwise it stays a relation of its own.
//
// This is done once every relation has been read, not by a lookup per row (a random probe into
// a table of millions): the relations are counted out by the entity they leave, keeping their
// order, and only each entity's own few are compared. Merging in relation order gives exactly
// what merging row by row gives.
void Loader::merge_repeated_statements() {
    const auto& relations = m_graph.relations();
    const auto m = relations.size();
    if (m < 2) return;
    const auto n = m_graph.entities().size();
    std::vector<std::uint32_t> offsets(n + 1, 0);
    for (const auto& r : relations) ++offsets[r.from + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    std::vector<RelationIndex> by_from(m);
    {
        std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
        for (RelationIndex r = 0; r < m; ++r) by_from[next[relations[r].from]++] = r;
    }
    std::vector<bool> merged;
    std::vector<RelationIndex> group;
    for (std::size_t e = 0; e < n; ++e) {
        const auto begin = offsets[e], end = offsets[e + 1];
        if (end - begin < 2) continue;
        // The entity's relations by (to, kind), each key's in relation order.
        group.assign(by_from.begin() + begin, by_from.begin() + end);
        std::sort(group.begin(), group.end(), [&](RelationIndex a, RelationIndex b) {
            const auto& x = relations[a];
            const auto& y = relations[b];
            if (x.to != y.to) return x.to < y.to;
            if (x.kind != y.kind) return x.kind < y.kind;
            return a < b;
        });
        for (std::size_t i = 0; i < group.size();) {
            auto j = i + 1;
            while (j < group.size() && relations[group[j]].to == relations[group[i]].to &&
                   relations[group[j]].kind == relations[group[i]].kind)
                ++j;
            for (auto k = i + 1; k < j; ++k) {
                const auto& existing = relations[group[i]];
                const auto& relation = relations[group[k]];
                bool compatible =
                    existing.validity.from == relation.validity.from && existing.validity.to == relation.validity.to;
                const auto& existing_attributes = m_graph.relation_attributes(group[i]);
                for (const auto& a : m_graph.relation_attributes(group[k])) {
                    const auto* value = existing_attributes.find(a.key);
                    if (value && *value != a.value) compatible = false;
                }
                if (!compatible) continue;
                m_graph.merge_relation(group[i], group[k]);
                if (merged.empty()) merged.assign(m, false);
                merged[group[k]] = true;
            }
            i = j;
        }
    }
    if (!merged.empty()) m_graph.remove_relations(merged);
}

}  // namespace orgraph::load_detail
