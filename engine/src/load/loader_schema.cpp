#include <fmt/format.h>
#include <algorithm>
#include <set>
#include <unordered_map>

#include "load/loader.hpp"

namespace orgraph::load_detail {

void Loader::load_schema() {
    std::vector<PendingParent> parents;
    std::vector<PendingEnds> ends;
    std::unordered_map<std::string, Pos> first_entity_kind, first_relation_kind;
    for (const auto* file : all_files()) {
        for_each_record(*file, "entity_kind",
                        [&](const toml::table& t) { read_entity_kind(t, file->file, first_entity_kind, parents); });
        for_each_record(*file, "relation_kind",
                        [&](const toml::table& t) { read_relation_kind(t, file->file, first_relation_kind, ends); });
    }
    resolve_kind_links(parents, ends);
    load_rules();
    load_interchange();
}

void Loader::read_entity_kind(const toml::table& t, std::uint32_t file, std::unordered_map<std::string, Pos>& first,
                              std::vector<PendingParent>& parents) {
    check_fields(t, file,
                 {"id", "label", "plural", "parent", "attributes", "summary", "context", "values", "description"},
                 "an entity kind");
    auto id = string_field(t, file, "id", "an entity kind", true);
    if (!id) return;
    const auto pos = pos_of(*t.get("id"), file);
    if (!valid_kind_id(*id)) {
        error(pos, fmt::format("malformed kind id '{}' (expected letters, digits, '_' or '-')", *id));
        return;
    }
    if (auto [it, inserted] = first.emplace(*id, pos); !inserted) {
        error(pos, fmt::format("duplicate entity kind '{}' (first declared at {})", *id, where(it->second)));
        return;
    }
    EntityKind kind;
    kind.id = *id;
    kind.label = string_field(t, file, "label", "an entity kind", false).value_or(*id);
    kind.plural = string_field(t, file, "plural", "an entity kind", false).value_or(kind.label + "s");
    kind.description = string_field(t, file, "description", "an entity kind", false).value_or("");
    kind.summary = string_field(t, file, "summary", "an entity kind", false).value_or("");
    kind.context = string_field(t, file, "context", "an entity kind", false).value_or("");
    if (!kind.context.empty()) m_context_checks.emplace_back(kind.context, pos_of(*t.get("context"), file));
    if (auto* v = t.get("values")) {
        if (auto* table = v->as_table()) {
            for (auto&& [key, list] : *table) {
                std::vector<std::string> allowed;
                for (auto& [value, p] : string_list(list, file, key.str())) allowed.push_back(value);
                kind.values.emplace_back(std::string(key.str()), std::move(allowed));
            }
        } else {
            error(pos_of(*v, file), fmt::format("'values' must be a table of arrays "
                                                "(values = {{ status = [\"open\", \"closed\"] }}), not {}",
                                                type_name(*v)));
        }
    }
    if (auto* a = t.get("attributes"))
        for (auto& [name, p] : string_list(*a, file, "attributes")) kind.attributes.push_back(name);
    auto parent = string_field(t, file, "parent", "an entity kind", false);
    const auto index = m_graph.schema.add_entity_kind(std::move(kind));
    if (parent) parents.push_back({index, *parent, pos_of(*t.get("parent"), file)});
}

void Loader::read_relation_kind(const toml::table& t, std::uint32_t file, std::unordered_map<std::string, Pos>& first,
                                std::vector<PendingEnds>& ends) {
    check_fields(t, file, {"id", "label", "inverse", "from", "to", "backward", "attributes", "description"},
                 "a relation kind");
    auto id = string_field(t, file, "id", "a relation kind", true);
    if (!id) return;
    const auto pos = pos_of(*t.get("id"), file);
    if (!valid_kind_id(*id)) {
        error(pos, fmt::format("malformed kind id '{}' (expected letters, digits, '_' or '-')", *id));
        return;
    }
    if (entity_field(*id, RecordFormat::toml) != RecordField::attribute) {
        error(pos, fmt::format("'{}' cannot be a relation kind: it is a reserved field of entities", *id));
        return;
    }
    if (auto [it, inserted] = first.emplace(*id, pos); !inserted) {
        error(pos, fmt::format("duplicate relation kind '{}' (first declared at {})", *id, where(it->second)));
        return;
    }
    RelationKind kind;
    kind.id = *id;
    kind.label = string_field(t, file, "label", "a relation kind", false).value_or(*id);
    kind.inverse = string_field(t, file, "inverse", "a relation kind", false).value_or("inverse of " + kind.label);
    kind.description = string_field(t, file, "description", "a relation kind", false).value_or("");
    if (auto* b = t.get("backward")) {
        if (auto v = b->as_boolean())
            kind.backward = v->get();
        else
            error(pos_of(*b, file), fmt::format("'backward' must be true or false, not {}", type_name(*b)));
    }
    if (auto* a = t.get("attributes"))
        for (auto& [name, p] : string_list(*a, file, "attributes")) kind.attributes.push_back(name);
    PendingEnds pending;
    if (auto* f = t.get("from")) pending.from = string_list(*f, file, "from");
    if (auto* to = t.get("to")) pending.to = string_list(*to, file, "to");
    pending.kind = m_graph.schema.add_relation_kind(std::move(kind));
    ends.push_back(std::move(pending));
}

// Parents and the ends of relation kinds name kinds that may be declared after them.
void Loader::resolve_kind_links(const std::vector<PendingParent>& parents, const std::vector<PendingEnds>& ends) {
    std::vector<std::string> kind_ids;
    for (const auto& k : m_graph.schema.entity_kinds()) kind_ids.push_back(k.id);
    std::sort(kind_ids.begin(), kind_ids.end());
    auto resolve_kind = [&](const std::string& id, const Pos& pos) -> std::optional<KindIndex> {
        auto index = m_graph.schema.entity_kind(id);
        if (!index) error(pos, fmt::format("unknown entity kind '{}'{}", id, suggestion_or_list(id, kind_ids)));
        return index;
    };
    for (const auto& p : parents)
        if (auto index = resolve_kind(p.parent, p.pos)) m_graph.schema.entity_kind_mut(p.kind).parent = *index;
    // A parent chain that comes back to where it started would make is_a() loop.
    const auto& kinds = m_graph.schema.entity_kinds();
    for (const auto& p : parents) {
        auto current = kinds[p.kind].parent;
        std::string chain = kinds[p.kind].id;
        for (std::size_t steps = 0; current && steps <= kinds.size(); ++steps) {
            chain += " → " + kinds[*current].id;
            if (*current == p.kind) {
                error(p.pos, fmt::format("the parent kinds of '{}' form a cycle: {} (expected a chain of parents "
                                         "that ends at a kind without one)",
                                         kinds[p.kind].id, chain));
                m_graph.schema.entity_kind_mut(p.kind).parent.reset();
                break;
            }
            current = kinds[*current].parent;
        }
    }
    for (const auto& e : ends) {
        auto& kind = m_graph.schema.relation_kind_mut(e.kind);
        for (const auto& [id, pos] : e.from)
            if (auto index = resolve_kind(id, pos)) kind.from.push_back(*index);
        for (const auto& [id, pos] : e.to)
            if (auto index = resolve_kind(id, pos)) kind.to.push_back(*index);
    }
    for (const auto& k : m_graph.schema.relation_kinds()) m_relation_kind_ids.push_back(k.id);
    std::sort(m_relation_kind_ids.begin(), m_relation_kind_ids.end());
    for (const auto& [relation, pos] : m_context_checks)
        if (!m_graph.schema.relation_kind(relation))
            error(pos, fmt::format("unknown relation kind '{}' in 'context'{}", relation,
                                   did_you_mean(relation, m_relation_kind_ids)));
    m_entity_kind_ids = kind_ids;
}

void Loader::load_rules() {
    for (const auto* file : all_files()) {
        for_each_record(*file, "rule", [&](const toml::table& t) {
            check_fields(t, file->file,
                         {"id", "derive", "compose", "transitive", "inverse_of", "only_if", "description"}, "a rule");
            RuleSpec rule;
            rule.id = string_field(t, file->file, "id", "a rule", true).value_or("");
            rule.derive = string_field(t, file->file, "derive", "a rule", true).value_or("");
            rule.description = string_field(t, file->file, "description", "a rule", false).value_or("");
            rule.file = m_file_names[file->file];
            const auto pos = pos_of(t, file->file);
            rule.line = pos.line;
            rule.column = pos.column;
            auto check_relation = [&](std::string_view name, const Pos& p) {
                if (!m_graph.schema.relation_kind(name))
                    error(p,
                          fmt::format("unknown relation kind '{}'{}", name, did_you_mean(name, m_relation_kind_ids)));
            };
            if (auto* d = t.get("derive")) check_relation(rule.derive, pos_of(*d, file->file));
            int forms = 0;
            if (auto* c = t.get("compose")) {
                ++forms;
                for (auto& [step, p] : string_list(*c, file->file, "compose")) {
                    check_relation(step.starts_with('~') ? std::string_view(step).substr(1) : step, p);
                    rule.compose.push_back(step);
                }
            }
            if (auto* tr = t.get("transitive")) {
                ++forms;
                rule.transitive = string_field(t, file->file, "transitive", "a rule", true).value_or("");
                check_relation(rule.transitive, pos_of(*tr, file->file));
            }
            if (auto* inv = t.get("inverse_of")) {
                ++forms;
                rule.inverse_of = string_field(t, file->file, "inverse_of", "a rule", true).value_or("");
                check_relation(rule.inverse_of, pos_of(*inv, file->file));
            }
            if (forms != 1) error(pos, "a rule needs exactly one of 'compose', 'transitive' or 'inverse_of'");
            if (auto* c = t.get("only_if")) {
                for (auto& [step, p] : string_list(*c, file->file, "only_if")) {
                    check_relation(step.starts_with('~') ? std::string_view(step).substr(1) : step, p);
                    rule.only_if.push_back(step);
                }
            }
            m_graph.schema.add_rule(std::move(rule));
        });
    }
}

}  // namespace orgraph::load_detail
