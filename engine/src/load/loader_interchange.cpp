// The schema's [interchange] table: how kinds and relations map onto FollowTheMoney and which
// Neo4j column type an attribute gets (docs/dataset-format.md#interchange). Every problem is
// reported at its key or value; a kind, relation or attribute named twice is reported at the
// second place, naming the first.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "load/loader.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph::load_detail {
namespace {

// An FtM property name: camelCase letters ("country", "addressEntity").
bool valid_property(std::string_view name) {
    return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::vector<std::string> strings_of(const std::vector<std::string_view>& list) {
    return {list.begin(), list.end()};
}

std::vector<std::string> interval_names() {
    std::vector<std::string> out;
    for (const auto& s : ftm_interval_schemata()) out.emplace_back(s.schema);
    return out;
}

}  // namespace

void Loader::load_interchange() {
    InterchangeMapping mapping;
    std::map<std::string, Pos, std::less<>> first_kind, first_relation, first_attribute;
    const auto entity_schemata = strings_of(ftm_entity_schemata());
    const auto intervals = interval_names();
    const auto neo4j_types = strings_of(neo4j_attribute_types());
    std::vector<std::string> attribute_names;
    for (const auto& k : m_graph.schema.entity_kinds())
        attribute_names.insert(attribute_names.end(), k.attributes.begin(), k.attributes.end());
    for (const auto& k : m_graph.schema.relation_kinds())
        attribute_names.insert(attribute_names.end(), k.attributes.begin(), k.attributes.end());
    std::sort(attribute_names.begin(), attribute_names.end());
    attribute_names.erase(std::unique(attribute_names.begin(), attribute_names.end()), attribute_names.end());

    for (const auto* file : all_files()) {
        if (!file->table) continue;
        const auto* root = file->table->get_as<toml::table>("interchange");
        if (!root) continue;
        const auto f = file->file;
        auto table_of = [&](const toml::node& node, std::string_view what) -> const toml::table* {
            if (const auto* t = node.as_table()) return t;
            error(pos_of(node, f), fmt::format("{} must be a table, not {}", what, type_name(node)));
            return nullptr;
        };
        // A string value that must name an FtM property.
        auto property_of = [&](const toml::node& node, std::string_view key) -> std::string {
            const auto* s = node.as_string();
            if (!s) {
                error(pos_of(node, f),
                      fmt::format("'{}' must be a string naming an FtM property, not {}", key, type_name(node)));
                return {};
            }
            if (!valid_property(s->get())) {
                error(pos_of(node, f),
                      fmt::format("'{}' is not an FtM property name (expected camelCase letters, e.g. \"country\")",
                                  s->get()));
                return {};
            }
            return s->get();
        };
        auto one_of = [&](const toml::node& node, std::string_view key,
                          const std::vector<std::string>& allowed) -> std::string {
            const auto* s = node.as_string();
            if (!s) {
                error(pos_of(node, f), fmt::format("'{}' must be a string, not {}", key, type_name(node)));
                return {};
            }
            if (std::find(allowed.begin(), allowed.end(), s->get()) == allowed.end()) {
                error(pos_of(node, f), fmt::format("'{}' is not one of the {} orgraph writes (expected one of: {}){}",
                                                   s->get(), key == "type" ? "Neo4j column types" : "FtM schemata",
                                                   join(allowed), did_you_mean(s->get(), allowed)));
                return {};
            }
            return s->get();
        };
        // { Key = "property", ... } with keys from `keys`.
        auto property_table = [&](const toml::node& node, std::string_view key, const std::vector<std::string>* keys) {
            NamePairs out;
            const auto* t = table_of(node, fmt::format("'{}'", key));
            if (!t) return out;
            for (auto&& [k, v] : *t) {
                if (keys && std::find(keys->begin(), keys->end(), k.str()) == keys->end()) {
                    error(pos_of(k, f), fmt::format("'{}' is not an FtM schema orgraph writes (expected one of: {}){}",
                                                    k.str(), join(*keys), did_you_mean(k.str(), *keys)));
                    continue;
                }
                if (!keys && !valid_property(k.str())) {
                    error(pos_of(k, f),
                          fmt::format("'{}' is not an FtM property name (expected camelCase letters, e.g. \"country\")",
                                      k.str()));
                    continue;
                }
                const auto value =
                    keys ? property_of(v, k.str()) : std::string(v.as_string() ? v.as_string()->get() : "");
                if (!keys && !v.as_string())
                    error(pos_of(v, f),
                          fmt::format("'{}' must be a string naming an attribute, not {}", k.str(), type_name(v)));
                if (!value.empty()) out.emplace_back(std::string(k.str()), value);
            }
            return out;
        };
        auto first = [&](std::map<std::string, Pos, std::less<>>& seen, const toml::key& key, std::string_view what) {
            const auto pos = pos_of(key, f);
            if (auto [it, inserted] = seen.emplace(std::string(key.str()), pos); !inserted) {
                error(pos, fmt::format("{} '{}' is mapped twice (first at {})", what, key.str(), where(it->second)));
                return false;
            }
            return true;
        };

        for (auto&& [section, node] : *root) {
            if (section.str() == "neo4j") {
                const auto* neo4j = table_of(node, "[interchange.neo4j]");
                if (!neo4j) continue;
                for (auto&& [key, value] : *neo4j) {
                    if (key.str() != "attributes") {
                        error(
                            pos_of(key, f),
                            fmt::format("unknown table '{}' in [interchange.neo4j] (expected: attributes)", key.str()));
                        continue;
                    }
                    const auto* attributes = table_of(value, "[interchange.neo4j.attributes]");
                    if (!attributes) continue;
                    for (auto&& [name, type] : *attributes) {
                        if (!std::binary_search(attribute_names.begin(), attribute_names.end(),
                                                std::string(name.str()))) {
                            error(pos_of(name, f),
                                  fmt::format("no entity or relation kind declares the attribute '{}'{}", name.str(),
                                              suggestion_or_list(name.str(), attribute_names)));
                            continue;
                        }
                        if (!first(first_attribute, name, "the attribute")) continue;
                        auto t = one_of(type, "type", neo4j_types);
                        if (!t.empty()) mapping.neo4j_attributes.emplace_back(std::string(name.str()), std::move(t));
                    }
                }
                continue;
            }
            if (section.str() != "ftm") {
                error(pos_of(section, f),
                      fmt::format("unknown table '{}' in [interchange] (expected one of: ftm, neo4j)", section.str()));
                continue;
            }
            const auto* ftm = table_of(node, "[interchange.ftm]");
            if (!ftm) continue;
            for (auto&& [part, value] : *ftm) {
                const bool kinds = part.str() == "kinds";
                if (!kinds && part.str() != "relations") {
                    error(pos_of(part, f),
                          fmt::format("unknown table '{}' in [interchange.ftm] (expected one of: kinds, relations)",
                                      part.str()));
                    continue;
                }
                const auto* list = table_of(value, fmt::format("[interchange.ftm.{}]", part.str()));
                if (!list) continue;
                for (auto&& [id, entry] : *list) {
                    const auto pos = pos_of(id, f);
                    const auto* t = table_of(entry, fmt::format("[interchange.ftm.{}.{}]", part.str(), id.str()));
                    if (!t) continue;
                    if (kinds) {
                        const auto kind = m_graph.schema.entity_kind(id.str());
                        if (!kind) {
                            error(pos, fmt::format("unknown entity kind '{}'{}", id.str(),
                                                   suggestion_or_list(id.str(), m_entity_kind_ids)));
                            continue;
                        }
                        if (!first(first_kind, id, "the entity kind")) continue;
                        check_fields(*t, f, {"schema", "value", "property", "properties"}, "an FtM kind mapping");
                        FtmKindMapping m;
                        if (const auto* s = t->get("schema")) m.schema = one_of(*s, "schema", entity_schemata);
                        // A copy: clang before 16 cannot capture a structured binding in a lambda.
                        const std::string kind_id(id.str());
                        auto attribute = [&](const toml::node& n, std::string_view key) -> std::string {
                            const auto* s = n.as_string();
                            if (!s) return {};
                            const auto& a = s->get();
                            if (a == "name" || a == "short_name" || m_graph.schema.entity_attribute_allowed(*kind, a))
                                return a;
                            error(pos_of(n, f),
                                  fmt::format("'{}' of '{}' names '{}', which is not an attribute of {} "
                                              "(expected name, short_name or one of: {})",
                                              key, kind_id, a, kind_id, join(m_graph.schema.entity_attributes(*kind))));
                            return {};
                        };
                        if (const auto* v = t->get("value")) {
                            if (!v->is_string())
                                error(pos_of(*v, f), fmt::format("'value' must be a string naming an attribute, not {}",
                                                                 type_name(*v)));
                            m.value = attribute(*v, "value");
                        }
                        if (const auto* p = t->get("property")) m.property = property_of(*p, "property");
                        if (const auto* p = t->get("properties")) {
                            m.properties = property_table(*p, "properties", nullptr);
                            for (auto& [prop, a] : m.properties) {
                                const auto* n = p->as_table()->get(prop);
                                a = attribute(*n, prop);
                            }
                            std::erase_if(m.properties, [](const auto& pair) { return pair.second.empty(); });
                        }
                        if (t->contains("schema") && t->contains("value"))
                            error(pos,
                                  fmt::format("the FtM mapping of '{}' has both 'schema' and 'value' (an entity is "
                                              "written as an FtM entity or as a value of its neighbours, not both)",
                                              id.str()));
                        if (t->contains("property") && !t->contains("value"))
                            error(pos_of(*t->get("property"), f),
                                  fmt::format("'property' of '{}' needs a 'value' (the attribute the property takes)",
                                              id.str()));
                        if (t->contains("properties") && !t->contains("schema"))
                            error(pos_of(*t->get("properties"), f),
                                  fmt::format("'properties' of '{}' needs a 'schema' (the FtM entity they belong to)",
                                              id.str()));
                        mapping.ftm_kinds.emplace_back(std::string(id.str()), std::move(m));
                    } else {
                        if (!m_graph.schema.relation_kind(id.str())) {
                            error(pos, fmt::format("unknown relation kind '{}'{}", id.str(),
                                                   suggestion_or_list(id.str(), m_relation_kind_ids)));
                            continue;
                        }
                        if (!first(first_relation, id, "the relation kind")) continue;
                        check_fields(*t, f, {"schema", "reverse", "property", "references", "back_references"},
                                     "an FtM relation mapping");
                        FtmRelationMapping m;
                        if (const auto* s = t->get("schema")) m.schema = one_of(*s, "schema", intervals);
                        if (const auto* r = t->get("reverse")) {
                            if (const auto b = r->as_boolean())
                                m.reverse = b->get();
                            else
                                error(pos_of(*r, f),
                                      fmt::format("'reverse' must be true or false, not {}", type_name(*r)));
                        }
                        if (const auto* p = t->get("property")) m.property = property_of(*p, "property");
                        if (const auto* r = t->get("references"))
                            m.references = property_table(*r, "references", &entity_schemata);
                        if (const auto* r = t->get("back_references"))
                            m.back_references = property_table(*r, "back_references", &entity_schemata);
                        mapping.ftm_relations.emplace_back(std::string(id.str()), std::move(m));
                    }
                }
            }
        }
    }
    auto by_id = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::sort(mapping.ftm_kinds.begin(), mapping.ftm_kinds.end(), by_id);
    std::sort(mapping.ftm_relations.begin(), mapping.ftm_relations.end(), by_id);
    std::sort(mapping.neo4j_attributes.begin(), mapping.neo4j_attributes.end(), by_id);
    m_graph.schema.set_interchange(std::move(mapping));
}

}  // namespace orgraph::load_detail
