#include "orgraph/load/dataset_loader.hpp"

#include <toml++/toml.h>

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "load/csv_reader.hpp"
#include "load/graph_import.hpp"
#include "model/relation_table.hpp"
#include "orgraph/load/embedded.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

namespace fs = std::filesystem;

struct Pos {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct RawCitation {
    std::string text;
    Pos pos;
};

struct RawAttribute {
    std::string key;
    std::string value;
    Pos pos;
};

struct EntityRecord {
    Pos pos;
    std::string id;
    Pos id_pos;
    std::optional<std::string> kind;
    Pos kind_pos;
    std::optional<std::string> name;
    Pos name_pos;
    std::string short_name;
    std::vector<std::string> aliases;
    std::vector<RawCitation> citations;
    Validity validity;
    Pos validity_pos;
    std::vector<RawAttribute> attributes;

    bool from_csv = false;  // how a missing source is to be given differs by format

    void clear() { *this = EntityRecord{}; }
};

struct RelationRecord {
    std::size_t layer = 0;
    std::string kind;
    Pos kind_pos;
    std::string from;
    Pos from_pos;
    std::string to;
    Pos to_pos;
    std::vector<RawCitation> citations;
    Validity validity;
    Pos validity_pos;
    std::vector<RawAttribute> attributes;
};

constexpr const char* top_level_keys = "dataset, source, entity_kind, relation_kind, rule, entity, relation";
const std::set<std::string, std::less<>> reserved_entity_keys = {"id",      "kind",   "name",       "short_name",
                                                                 "aliases", "source", "valid_from", "valid_to"};

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == ':' || c == '-';
    });
}

bool valid_kind_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// "; did you mean 'department'?" when one of the candidates is close to the text.
std::string did_you_mean(std::string_view text, const std::vector<std::string>& candidates) {
    // Distances are measured against a fixed limit: a candidate beyond it comes back as
    // limit + 1 and must not win a tie on that saturated value.
    const std::size_t limit = std::max<std::size_t>(2, text.size() / 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        const auto d = edit_distance(text, c, limit);
        if (d > limit) continue;
        if (d < best_distance || (d == best_distance && c < best)) {
            best = c;
            best_distance = d;
        }
    }
    return best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best);
}

// The closest candidate, or, when none is close, the whole list: a kind that is nothing like
// any declared one is best answered with the kinds there are.
std::string suggestion_or_list(std::string_view text, const std::vector<std::string>& candidates) {
    auto hint = did_you_mean(text, candidates);
    if (!hint.empty() || candidates.empty()) return hint;
    return fmt::format(" (expected one of: {})", join(candidates));
}

std::string scalar_to_string(const toml::node& node) {
    if (auto s = node.as_string()) return s->get();
    if (auto i = node.as_integer()) return std::to_string(i->get());
    if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
    if (auto f = node.as_floating_point()) return fmt::format("{}", f->get());
    if (auto d = node.as_date()) {
        const auto v = d->get();
        return Date{v.year, v.month, v.day}.to_string();
    }
    return {};
}

bool is_scalar(const toml::node& node) {
    return node.is_string() || node.is_integer() || node.is_boolean() || node.is_floating_point() || node.is_date();
}

std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a number";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date-time";
        default:
            return "nothing";
    }
}

class Loader {
public:
    Loader(const std::vector<LayerInput>& layers, const LoadOptions& options) : m_layers(layers), m_options(options) {}

    Graph run() {
        parse_all();
        load_schema();
        load_sources_and_datasets();
        reserve_for_csv();
        for (std::size_t layer = 0; layer < m_layers.size(); ++layer) load_entities(layer);
        for (std::size_t layer = 0; layer < m_layers.size(); ++layer) load_relations(layer);
        if (!m_diagnostics.empty()) {
            m_diagnostics.sort(m_file_names);
            throw dataset_error(m_diagnostics.items());
        }
        return std::move(m_graph);
    }

private:
    // Bulk CSV files say how big the graph will be, one row a line (a quoted line break makes
    // the guess a little high): reserving up front spares growing the graph again and again.
    void reserve_for_csv() {
        std::size_t entities = 0, relations = 0;
        for (const auto& file : m_files) {
            const auto& content = file.input->content;
            const auto format = file.input->format;
            if (format != FileFormat::entities_csv && format != FileFormat::relations_csv) continue;
            const auto lines = static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
            (format == FileFormat::entities_csv ? entities : relations) += lines;
        }
        if (entities + relations == 0) return;
        // Room for as many derived relations as stated ones, so that deriving does not move
        // every relation to a larger array while the old one is still held: capacity that is
        // never written takes address space, not memory.
        m_graph.reserve(entities + 1024, 2 * relations + 1024);
        m_relation_index.reserve(relations + 1024);
        m_entity_layer.reserve(entities + 1024);
        m_entity_pos.reserve(entities + 1024);
        m_entity_kinds.reserve(entities + 1024);
    }

    struct ParsedFile {
        const InputFile* input = nullptr;
        std::uint32_t file = 0;
        std::size_t layer = 0;
        std::optional<toml::table> table;
    };

    // ---- positions and errors ----

    Pos pos_of(const toml::node& node, std::uint32_t file) const {
        const auto& s = node.source();
        return {file, s.begin.line, s.begin.column};
    }
    Pos pos_of(const toml::key& key, std::uint32_t file) const {
        const auto& s = key.source();
        return {file, s.begin.line, s.begin.column};
    }
    void error(const Pos& pos, std::string message) {
        m_diagnostics.error(m_file_names[pos.file], pos.line, pos.column, std::move(message));
    }
    std::string where(const Pos& pos) const {
        return fmt::format("{}:{}:{}", m_file_names[pos.file], pos.line, pos.column);
    }

    // ---- parsing ----

    void parse_all() {
        bool any_kind = false;
        for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
            for (const auto& input : m_layers[layer].files) {
                ParsedFile parsed{&input, register_file(input.path), layer, std::nullopt};
                if (input.format == FileFormat::toml) {
                    try {
                        parsed.table = toml::parse(input.content, input.path);
                        check_top_level(*parsed.table, parsed.file);
                        if (parsed.table->contains("entity_kind")) any_kind = true;
                    } catch (const toml::parse_error& e) {
                        const auto& s = e.source();
                        error({parsed.file, s.begin.line, s.begin.column},
                              fmt::format("TOML syntax: {}", e.description()));
                    }
                }
                m_files.push_back(std::move(parsed));
            }
        }
        if (!any_kind && !m_files.empty()) prepend_builtin_schema();
    }

    void prepend_builtin_schema() {
        m_schema_layer = builtin_schema_layer();
        std::vector<ParsedFile> schema_files;
        for (const auto& input : m_schema_layer.files) {
            ParsedFile parsed{&input, register_file(input.path), 0, std::nullopt};
            try {
                parsed.table = toml::parse(input.content, input.path);
            } catch (const toml::parse_error& e) {
                const auto& s = e.source();
                error({parsed.file, s.begin.line, s.begin.column}, fmt::format("TOML syntax: {}", e.description()));
            }
            schema_files.push_back(std::move(parsed));
        }
        // The schema files belong to no layer of the caller's: they only declare kinds, which
        // are read from every file regardless of its layer.
        m_schema_only = std::move(schema_files);
    }

    std::uint32_t register_file(const std::string& path) {
        m_file_names.push_back(path);
        return static_cast<std::uint32_t>(m_file_names.size() - 1);
    }

    void check_top_level(const toml::table& table, std::uint32_t file) {
        static const std::set<std::string, std::less<>> known = {"dataset", "source", "entity_kind", "relation_kind",
                                                                 "rule",    "entity", "relation"};
        for (auto&& [key, node] : table) {
            if (!known.contains(key.str())) {
                error(pos_of(key, file),
                      fmt::format("unknown table '{}' (expected one of: {})", key.str(), top_level_keys));
                continue;
            }
            const bool single = key.str() == "dataset";
            if (single && !node.is_table())
                error(pos_of(node, file), fmt::format("'{}' must be a table ([{}])", key.str(), key.str()));
            if (!single && !node.is_array_of_tables())
                error(pos_of(node, file),
                      fmt::format("'{}' must be an array of tables ([[{}]])", key.str(), key.str()));
        }
    }

    template <typename Fn>
    void for_each_record(const ParsedFile& file, std::string_view name, Fn&& fn) {
        if (!file.table) return;
        auto* array = file.table->get_as<toml::array>(name);
        if (!array || !array->is_array_of_tables()) return;
        for (auto& node : *array) fn(*node.as_table());
    }

    std::vector<const ParsedFile*> all_files() const {
        std::vector<const ParsedFile*> all;
        for (const auto& f : m_schema_only) all.push_back(&f);
        for (const auto& f : m_files) all.push_back(&f);
        return all;
    }

    // ---- typed field access ----

    // Reports fields of a fixed-form table that are not in `allowed`.
    void check_fields(const toml::table& table, std::uint32_t file, const std::vector<std::string>& allowed,
                      std::string_view what) {
        for (auto&& [key, node] : table) {
            if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
                error(pos_of(key, file), fmt::format("unknown field '{}' in {} (expected one of: {}){}", key.str(),
                                                     what, join(allowed), did_you_mean(key.str(), allowed)));
        }
    }

    std::optional<std::string> string_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                            std::string_view what, bool required) {
        const auto* node = table.get(key);
        if (!node) {
            if (required)
                error(pos_of(table, file), fmt::format("{} has no '{}' (expected {} = \"…\")", what, key, key));
            return std::nullopt;
        }
        if (!node->is_string()) {
            error(pos_of(*node, file), fmt::format("'{}' must be a string, not {}", key, type_name(*node)));
            return std::nullopt;
        }
        auto value = node->as_string()->get();
        if (required && value.empty()) {
            error(pos_of(*node, file), fmt::format("'{}' is empty (expected a non-empty string)", key));
            return std::nullopt;
        }
        return value;
    }

    // A string or an array of strings.
    std::vector<std::pair<std::string, Pos>> string_list(const toml::node& node, std::uint32_t file,
                                                         std::string_view key) {
        std::vector<std::pair<std::string, Pos>> out;
        if (auto s = node.as_string()) {
            out.emplace_back(s->get(), pos_of(node, file));
        } else if (auto a = node.as_array()) {
            for (auto& item : *a) {
                if (auto si = item.as_string())
                    out.emplace_back(si->get(), pos_of(item, file));
                else
                    error(pos_of(item, file), fmt::format("'{}' must hold strings, not {}", key, type_name(item)));
            }
        } else {
            error(pos_of(node, file),
                  fmt::format("'{}' must be a string or an array of strings, not {}", key, type_name(node)));
        }
        return out;
    }

    std::optional<Date> date_field(const toml::node& node, std::uint32_t file, std::string_view key) {
        std::optional<Date> date;
        if (auto d = node.as_date()) {
            const auto v = d->get();
            date = Date::parse(Date{v.year, v.month, v.day}.to_string());
        } else if (auto i = node.as_integer()) {
            if (i->get() >= 0 && i->get() <= 9999) date = Date{static_cast<int>(i->get()), 0, 0};
        } else if (auto s = node.as_string()) {
            date = Date::parse(s->get());
        }
        if (!date)
            error(pos_of(node, file),
                  fmt::format("malformed date in '{}': {} (expected YYYY, \"YYYY-MM\" or YYYY-MM-DD)", key,
                              node.is_string() ? "'" + node.as_string()->get() + "'" : type_name(node)));
        return date;
    }

    std::optional<Date> csv_date(std::string_view text, const Pos& pos, std::string_view column) {
        auto date = Date::parse(text);
        if (!date)
            error(pos, fmt::format("malformed date in column '{}': '{}' (expected YYYY, YYYY-MM or YYYY-MM-DD)", column,
                                   text));
        return date;
    }

    void check_validity(const Validity& validity, const Pos& pos) {
        if (validity.from && validity.to && validity.from->first_day() > validity.to->last_day())
            error(pos,
                  fmt::format("valid_from {} is later than valid_to {} (expected valid_from on or before valid_to)",
                              validity.from->to_string(), validity.to->to_string()));
    }

    // ---- schema ----

    void load_schema() {
        struct PendingParent {
            KindIndex kind;
            std::string parent;
            Pos pos;
        };
        struct PendingEnds {
            RelationKindIndex kind;
            std::vector<std::pair<std::string, Pos>> from, to;
        };
        std::vector<PendingParent> parents;
        std::vector<PendingEnds> ends;
        std::unordered_map<std::string, Pos> first_entity_kind, first_relation_kind;

        for (const auto* file : all_files()) {
            for_each_record(*file, "entity_kind", [&](const toml::table& t) {
                check_fields(
                    t, file->file,
                    {"id", "label", "plural", "parent", "attributes", "summary", "context", "values", "description"},
                    "an entity kind");
                auto id = string_field(t, file->file, "id", "an entity kind", true);
                if (!id) return;
                const auto pos = pos_of(*t.get("id"), file->file);
                if (!valid_kind_id(*id)) {
                    error(pos, fmt::format("malformed kind id '{}' (expected letters, digits, '_' or '-')", *id));
                    return;
                }
                if (auto [it, inserted] = first_entity_kind.emplace(*id, pos); !inserted) {
                    error(pos,
                          fmt::format("duplicate entity kind '{}' (first declared at {})", *id, where(it->second)));
                    return;
                }
                EntityKind kind;
                kind.id = *id;
                kind.label = string_field(t, file->file, "label", "an entity kind", false).value_or(*id);
                kind.plural = string_field(t, file->file, "plural", "an entity kind", false).value_or(kind.label + "s");
                kind.description = string_field(t, file->file, "description", "an entity kind", false).value_or("");
                kind.summary = string_field(t, file->file, "summary", "an entity kind", false).value_or("");
                kind.context = string_field(t, file->file, "context", "an entity kind", false).value_or("");
                if (!kind.context.empty())
                    m_context_checks.emplace_back(kind.context, pos_of(*t.get("context"), file->file));
                if (auto* v = t.get("values")) {
                    if (auto* table = v->as_table()) {
                        for (auto&& [key, list] : *table) {
                            std::vector<std::string> allowed;
                            for (auto& [value, p] : string_list(list, file->file, key.str())) allowed.push_back(value);
                            kind.values.emplace_back(std::string(key.str()), std::move(allowed));
                        }
                    } else {
                        error(pos_of(*v, file->file),
                              fmt::format("'values' must be a table of arrays "
                                          "(values = {{ status = [\"open\", \"closed\"] }}), not {}",
                                          type_name(*v)));
                    }
                }
                if (auto* a = t.get("attributes"))
                    for (auto& [name, p] : string_list(*a, file->file, "attributes")) kind.attributes.push_back(name);
                auto parent = string_field(t, file->file, "parent", "an entity kind", false);
                const auto index = m_graph.schema.add_entity_kind(std::move(kind));
                if (parent) parents.push_back({index, *parent, pos_of(*t.get("parent"), file->file)});
            });
            for_each_record(*file, "relation_kind", [&](const toml::table& t) {
                check_fields(t, file->file,
                             {"id", "label", "inverse", "from", "to", "backward", "attributes", "description"},
                             "a relation kind");
                auto id = string_field(t, file->file, "id", "a relation kind", true);
                if (!id) return;
                const auto pos = pos_of(*t.get("id"), file->file);
                if (!valid_kind_id(*id)) {
                    error(pos, fmt::format("malformed kind id '{}' (expected letters, digits, '_' or '-')", *id));
                    return;
                }
                if (reserved_entity_keys.contains(*id)) {
                    error(pos, fmt::format("'{}' cannot be a relation kind: it is a reserved field of entities", *id));
                    return;
                }
                if (auto [it, inserted] = first_relation_kind.emplace(*id, pos); !inserted) {
                    error(pos,
                          fmt::format("duplicate relation kind '{}' (first declared at {})", *id, where(it->second)));
                    return;
                }
                RelationKind kind;
                kind.id = *id;
                kind.label = string_field(t, file->file, "label", "a relation kind", false).value_or(*id);
                kind.inverse = string_field(t, file->file, "inverse", "a relation kind", false)
                                   .value_or("inverse of " + kind.label);
                kind.description = string_field(t, file->file, "description", "a relation kind", false).value_or("");
                if (auto* b = t.get("backward")) {
                    if (auto v = b->as_boolean())
                        kind.backward = v->get();
                    else
                        error(pos_of(*b, file->file),
                              fmt::format("'backward' must be true or false, not {}", type_name(*b)));
                }
                if (auto* a = t.get("attributes"))
                    for (auto& [name, p] : string_list(*a, file->file, "attributes")) kind.attributes.push_back(name);
                PendingEnds pending;
                if (auto* f = t.get("from")) pending.from = string_list(*f, file->file, "from");
                if (auto* to = t.get("to")) pending.to = string_list(*to, file->file, "to");
                pending.kind = m_graph.schema.add_relation_kind(std::move(kind));
                ends.push_back(std::move(pending));
            });
        }

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
        load_rules();
    }

    void load_rules() {
        for (const auto* file : all_files()) {
            for_each_record(*file, "rule", [&](const toml::table& t) {
                check_fields(t, file->file,
                             {"id", "derive", "compose", "transitive", "inverse_of", "only_if", "description"},
                             "a rule");
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
                        error(p, fmt::format("unknown relation kind '{}'{}", name,
                                             did_you_mean(name, m_relation_kind_ids)));
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

    // ---- sources and dataset tables ----

    void load_sources_and_datasets() {
        std::unordered_map<std::string, Pos> first_source;
        m_default_source.assign(m_layers.size(), {});
        for (std::size_t layer = 0; layer < m_layers.size(); ++layer)
            m_graph.layers.push_back({m_layers[layer].id, "", "", {}});
        for (const auto& file : m_files) {
            m_graph.layers[file.layer].files.push_back(m_file_names[file.file]);
            if (!file.table) continue;
            if (auto* d = file.table->get_as<toml::table>("dataset")) {
                check_fields(*d, file.file, {"id", "title", "description", "default_source"}, "[dataset]");
                auto& layer = m_graph.layers[file.layer];
                if (auto id = string_field(*d, file.file, "id", "[dataset]", false)) layer.id = *id;
                if (auto title = string_field(*d, file.file, "title", "[dataset]", false)) layer.title = *title;
                if (auto description = string_field(*d, file.file, "description", "[dataset]", false))
                    layer.description = *description;
                if (auto* ds = d->get("default_source"); ds && ds->is_string())
                    m_default_source[file.layer] = {ds->as_string()->get(), pos_of(*ds, file.file)};
                else if (ds)
                    error(pos_of(*ds, file.file), "'default_source' must be a string");
            }
            for_each_record(file, "source", [&](const toml::table& t) {
                check_fields(t, file.file, {"id", "title", "publisher", "url", "date", "note"}, "a source");
                auto id = string_field(t, file.file, "id", "a source", true);
                auto title = string_field(t, file.file, "title", "a source", true);
                if (!id) return;
                const auto pos = pos_of(*t.get("id"), file.file);
                if (!valid_kind_id(*id) && !valid_id(*id)) {
                    error(pos,
                          fmt::format("malformed source id '{}' (expected letters, digits, '_', '.' or '-')", *id));
                    return;
                }
                if (id->find(':') != std::string::npos) {
                    error(pos,
                          fmt::format("source id '{}' contains ':', which separates a source from its locator", *id));
                    return;
                }
                if (auto [it, inserted] = first_source.emplace(*id, pos); !inserted) {
                    error(pos, fmt::format("duplicate source '{}' (first declared at {})", *id, where(it->second)));
                    return;
                }
                Source source;
                source.id = *id;
                source.title = title.value_or("");
                source.publisher = string_field(t, file.file, "publisher", "a source", false).value_or("");
                source.url = string_field(t, file.file, "url", "a source", false).value_or("");
                if (auto* date = t.get("date")) {
                    if (auto parsed = date_field(*date, file.file, "date")) source.date = parsed->to_string();
                }
                source.note = string_field(t, file.file, "note", "a source", false).value_or("");
                source.layer = m_graph.layers[file.layer].id;
                m_graph.add_source(std::move(source));
            });
        }
        for (const auto& s : m_graph.sources) m_source_ids.push_back(s.id);
        std::sort(m_source_ids.begin(), m_source_ids.end());
    }

    // ---- citations ----

    void resolve_citations(const std::vector<RawCitation>& raw, Citations& out) {
        for (const auto& c : raw) {
            const auto colon = c.text.find(':');
            const auto id = std::string_view(c.text).substr(0, colon);
            auto source = m_graph.find_source(id);
            if (!source) {
                error(c.pos, fmt::format("unknown source '{}' in citation '{}' (declare it in a [[source]] table){}",
                                         id, c.text, did_you_mean(id, m_source_ids)));
                continue;
            }
            Citation citation{*source, colon == std::string::npos ? std::string{} : c.text.substr(colon + 1)};
            if (std::find(out.begin(), out.end(), citation) == out.end()) out.push_back(std::move(citation));
        }
    }

    // ---- entities ----

    void load_entities(std::size_t layer) {
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

    void read_toml_entity(const toml::table& t, const ParsedFile& file) {
        EntityRecord record;
        record.pos = pos_of(t, file.file);
        std::vector<RelationRecord> relations;
        std::vector<std::pair<const toml::key*, const toml::node*>> relation_fields;
        for (auto&& [key, node] : t) {
            const auto& k = key.str();
            const auto kpos = pos_of(key, file.file);
            if (k == "id" || k == "kind" || k == "name" || k == "short_name") {
                if (!node.is_string()) {
                    error(pos_of(node, file.file), fmt::format("'{}' must be a string, not {}", k, type_name(node)));
                    continue;
                }
                const auto& value = node.as_string()->get();
                if (k == "id") {
                    record.id = value;
                    record.id_pos = pos_of(node, file.file);
                } else if (k == "kind") {
                    record.kind = value;
                    record.kind_pos = pos_of(node, file.file);
                } else if (k == "name") {
                    record.name = value;
                    record.name_pos = pos_of(node, file.file);
                } else {
                    record.short_name = value;
                }
            } else if (k == "aliases") {
                for (auto& [alias, p] : string_list(node, file.file, "aliases")) record.aliases.push_back(alias);
            } else if (k == "source") {
                for (auto& [text, p] : string_list(node, file.file, "source")) record.citations.push_back({text, p});
            } else if (k == "valid_from") {
                record.validity.from = date_field(node, file.file, k);
                record.validity_pos = pos_of(node, file.file);
            } else if (k == "valid_to") {
                record.validity.to = date_field(node, file.file, k);
                record.validity_pos = pos_of(node, file.file);
            } else if (m_graph.schema.relation_kind(k)) {
                relation_fields.emplace_back(&key, &node);
            } else if (is_scalar(node)) {
                record.attributes.push_back({std::string(k), scalar_to_string(node), kpos});
            } else {
                error(pos_of(node, file.file),
                      fmt::format("'{}' is neither a relation kind nor an attribute: {} cannot be an attribute value "
                                  "(expected a string, number, boolean or date){}",
                                  k, type_name(node), did_you_mean(k, m_relation_kind_ids)));
            }
        }
        if (record.id.empty() && !t.contains("id")) error(record.pos, "an entity has no 'id' (expected id = \"…\")");
        for (auto [key, node] : relation_fields) read_relation_field(*key, *node, record, file, relations);
        if (!apply_entity(record, file.layer)) return;
        for (auto& r : relations) m_pending.push_back(std::move(r));
    }

    void read_relation_field(const toml::key& key, const toml::node& node, const EntityRecord& entity,
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
                read_relation_table(*t, file, r, {"to", "source", "valid_from", "valid_to"});
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

    // Reads the fields of an inline relation table or a [[relation]] record.
    void read_relation_table(const toml::table& t, const ParsedFile& file, RelationRecord& r,
                             const std::vector<std::string>& reserved) {
        for (auto&& [key, node] : t) {
            const auto& k = key.str();
            if (std::find(reserved.begin(), reserved.end(), k) == reserved.end()) {
                if (is_scalar(node))
                    r.attributes.push_back({std::string(k), scalar_to_string(node), pos_of(key, file.file)});
                else
                    error(pos_of(node, file.file),
                          fmt::format("attribute '{}' must be a string, number, boolean or date, not {}", k,
                                      type_name(node)));
                continue;
            }
            if (k == "source") {
                for (auto& [text, p] : string_list(node, file.file, "source")) r.citations.push_back({text, p});
            } else if (k == "valid_from") {
                r.validity.from = date_field(node, file.file, k);
                r.validity_pos = pos_of(node, file.file);
            } else if (k == "valid_to") {
                r.validity.to = date_field(node, file.file, k);
                r.validity_pos = pos_of(node, file.file);
            } else if (!node.is_string()) {
                error(pos_of(node, file.file), fmt::format("'{}' must be a string, not {}", k, type_name(node)));
            } else if (k == "to") {
                r.to = node.as_string()->get();
                r.to_pos = pos_of(node, file.file);
            } else if (k == "from") {
                r.from = node.as_string()->get();
                r.from_pos = pos_of(node, file.file);
            } else if (k == "kind") {
                r.kind = node.as_string()->get();
                r.kind_pos = pos_of(node, file.file);
            }
        }
    }

    // Adds or amends the entity; false when it was refused (no usable id, or a duplicate), so
    // that its relation fields are not reported a second time as pointing nowhere.
    bool apply_entity(EntityRecord& record, std::size_t layer) {
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
                error(record.id_pos, fmt::format("duplicate id '{}' (first declared at {})", record.id,
                                                 where(m_entity_pos[*existing])));
                return false;
            }
            amend_entity(*existing, record);
            return true;
        }

        Entity entity;
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
        } else {
            error(record.kind_pos, fmt::format("unknown entity kind '{}'{}", *record.kind,
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
        if (record.citations.empty() && record.from_csv)
            error(record.pos, fmt::format("entity '{}' has no provenance (give a 'provenance' column, or "
                                          "default_source in the layer's [dataset] table)",
                                          record.id));
        else if (record.citations.empty())
            error(record.pos,
                  fmt::format("entity '{}' has no source (every entity needs source = \"SOURCE:LOCATOR\")", record.id));
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

    void set_attributes(KindIndex kind, const EntityRecord& record, Attributes& attributes, const std::string& id) {
        for (const auto& a : record.attributes) {
            if (!m_graph.schema.entity_attribute_allowed(kind, a.key)) {
                const auto allowed = m_graph.schema.entity_attributes(kind);
                error(a.pos, fmt::format("unknown field '{}' for an entity of kind '{}' (expected a relation kind or "
                                         "one of the attributes: {}){}",
                                         a.key, m_graph.schema.entity_kind(kind).id, join(allowed),
                                         did_you_mean(a.key, allowed)));
                continue;
            }
            if (const auto* allowed = m_graph.schema.allowed_values(kind, a.key);
                allowed && std::find(allowed->begin(), allowed->end(), a.value) == allowed->end()) {
                error(a.pos, fmt::format("attribute '{}' is '{}' (expected one of: {}){}", a.key, a.value,
                                         join(*allowed), did_you_mean(a.value, *allowed)));
                continue;
            }
            if (!attributes.set(a.key, a.value))
                error(a.pos, fmt::format("attribute '{}' of '{}' is '{}' already; it cannot also be '{}'", a.key, id,
                                         *attributes.find(a.key), a.value));
        }
    }

    void amend_entity(EntityIndex index, EntityRecord& record) {
        auto& entity = m_graph.entity_mut(index);
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

    // ---- relations ----

    void load_relations(std::size_t layer) {
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
                    read_relation_table(t, file, r, {"kind", "from", "to", "source", "valid_from", "valid_to"});
                    bool complete = true;
                    for (const char* field : {"kind", "from", "to"}) {
                        if (!t.contains(field)) {
                            error(pos, fmt::format("a relation has no '{}' (expected {} = \"…\")", field, field));
                            complete = false;
                        }
                    }
                    if (r.citations.empty()) {
                        error(pos, "a relation has no source (every relation needs source = \"SOURCE:LOCATOR\")");
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

    std::optional<EntityIndex> find_entity(const std::string& id, const Pos& pos) {
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
        error(pos,
              fmt::format(
                  "no entity has the id '{}'{}", id,
                  hint.empty() ? std::string(" (expected the id of an entity declared in one of the layers)") : hint));
        return std::nullopt;
    }

    void apply_relation(RelationRecord& r) {
        auto kind = m_graph.schema.relation_kind(r.kind);
        if (r.kind.empty()) {
            error(r.kind_pos,
                  fmt::format("the relation kind is empty (expected one of: {})", join(m_relation_kind_ids)));
            return;
        }
        if (!kind) {
            error(r.kind_pos,
                  fmt::format("unknown relation kind '{}'{}", r.kind, suggestion_or_list(r.kind, m_relation_kind_ids)));
            return;
        }
        if (r.from.empty()) return;  // the entity's own id was missing: already reported
        // Bulk files list the relations of an entity together: its id is looked up once. (Every
        // entity is loaded before any relation, so an id found stays found.)
        auto from = r.from == m_last_from_id ? m_last_from : find_entity(r.from, r.from_pos);
        if (from && r.from != m_last_from_id) {
            m_last_from_id = r.from;
            m_last_from = from;
        }
        auto to = find_entity(r.to, r.to_pos);
        Relation relation;
        relation.kind = *kind;
        for (const auto& a : r.attributes) {
            if (!m_graph.schema.relation_attribute_allowed(*kind, a.key)) {
                const auto& declared = m_graph.schema.relation_kind(*kind).attributes;
                std::vector<std::string> allowed{"note"};
                allowed.insert(allowed.end(), declared.begin(), declared.end());
                error(a.pos, fmt::format("unknown field '{}' for a '{}' relation (expected one of: {}){}", a.key,
                                         r.kind, join(allowed), did_you_mean(a.key, allowed)));
            } else if (!relation.attributes.set(a.key, a.value)) {
                error(a.pos, fmt::format("attribute '{}' is given twice", a.key));
            }
        }
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
        add_or_merge(std::move(relation));
    }

    std::string kind_list(const std::vector<KindIndex>& kinds) const {
        std::vector<std::string> ids;
        for (auto k : kinds) ids.push_back(m_graph.schema.entity_kind(k).id);
        return ids.empty() ? "any kind" : join(ids);
    }

    // The same statement made twice (by two sources, or by a layer and an overlay) is one
    // relation with both citations.
    void add_or_merge(Relation relation) {
        const auto first = m_relation_index.find(relation.from, relation.to, relation.kind);
        if (first) {
            const auto& existing = m_graph.relation(*first);
            bool compatible =
                existing.validity.from == relation.validity.from && existing.validity.to == relation.validity.to;
            for (const auto& a : relation.attributes) {
                const auto* value = existing.attributes.find(a.key);
                if (value && *value != a.value) compatible = false;
            }
            if (compatible) {
                auto& target = m_graph_relation_mut(*first);
                for (const auto& a : relation.attributes) target.attributes.set(a.key, a.value);
                for (auto& c : relation.citations)
                    if (std::find(target.citations.begin(), target.citations.end(), c) == target.citations.end())
                        target.citations.push_back(std::move(c));
                return;
            }
        }
        const auto from = relation.from, to = relation.to;
        const auto kind = relation.kind;
        const auto index = m_graph.add_relation(std::move(relation));
        if (!first) m_relation_index.insert(from, to, kind, index);
    }

    Relation& m_graph_relation_mut(RelationIndex index) { return const_cast<Relation&>(m_graph.relation(index)); }

    // ---- CSV ----

    struct CsvColumns {
        std::vector<std::string> names;
        std::unordered_map<std::string, std::size_t> index;
        [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const {
            auto it = index.find(std::string(name));
            if (it == index.end()) return std::nullopt;
            return it->second;
        }
    };

    std::optional<CsvColumns> read_header(CsvReader& reader, const ParsedFile& file,
                                          const std::vector<std::string>& required) {
        CsvColumns columns;
        if (!reader.next_row()) {
            error({file.file, 1, 1},
                  fmt::format("empty file (expected a header row naming the columns {})", join(required)));
            return std::nullopt;
        }
        for (std::size_t i = 0; i < reader.fields().size(); ++i) {
            const auto& name = reader.fields()[i];
            if (!columns.index.emplace(name, i).second)
                error({file.file, reader.line(), reader.columns()[i]}, fmt::format("column '{}' appears twice", name));
            columns.names.push_back(name);
        }
        bool complete = true;
        for (const auto& r : required) {
            if (!columns.find(r)) {
                error({file.file, reader.line(), 1},
                      fmt::format("the header has no '{}' column (expected at least {})", r, join(required)));
                complete = false;
            }
        }
        if (!complete) return std::nullopt;
        return columns;
    }

    // Reports the reader's problems; true when they leave the current row unusable.
    bool report_csv_errors(CsvReader& reader, const ParsedFile& file) {
        bool broken = false;
        for (const auto& e : reader.take_errors()) {
            error({file.file, e.line, e.column}, e.message);
            broken = broken || e.breaks_row;
        }
        return broken;
    }

    // A row with surplus fields is reported at the first surplus one; a short row at its start.
    void report_field_count(CsvReader& reader, const ParsedFile& file, std::size_t expected) {
        const auto& columns = reader.columns();
        const bool surplus = columns.size() > expected;
        error({file.file, surplus ? reader.lines()[expected] : reader.line(), surplus ? columns[expected] : 1},
              fmt::format("the row has {} fields (expected {}, as in the header)", columns.size(), expected));
    }

    std::vector<RawCitation> csv_citations(std::string_view cell, const Pos& pos, std::size_t layer) {
        std::vector<RawCitation> out;
        std::size_t start = 0;
        while (start <= cell.size() && !cell.empty()) {
            auto end = cell.find('|', start);
            if (end == std::string_view::npos) end = cell.size();
            if (end > start) out.push_back({std::string(cell.substr(start, end - start)), pos});
            start = end + 1;
        }
        if (out.empty() && !m_default_source[layer].first.empty())
            out.push_back({m_default_source[layer].first, m_default_source[layer].second});
        return out;
    }

    void read_csv_entities(const ParsedFile& file) {
        CsvReader reader(file.input->content);
        auto columns = read_header(reader, file, {"id", "kind", "name"});
        report_csv_errors(reader, file);
        if (!columns) return;
        const auto c_id = *columns->find("id"), c_kind = *columns->find("kind"), c_name = *columns->find("name");
        const auto c_short = columns->find("short_name"), c_aliases = columns->find("aliases"),
                   c_prov = columns->find("provenance"), c_from = columns->find("valid_from"),
                   c_to = columns->find("valid_to");
        std::vector<std::size_t> attribute_columns;
        for (std::size_t i = 0; i < columns->names.size(); ++i) {
            const auto& n = columns->names[i];
            if (n != "id" && n != "kind" && n != "name" && n != "short_name" && n != "aliases" && n != "provenance" &&
                n != "valid_from" && n != "valid_to")
                attribute_columns.push_back(i);
        }
        EntityRecord record;
        while (reader.next_row()) {
            if (report_csv_errors(reader, file)) continue;
            const auto& f = reader.fields();
            if (f.size() != columns->names.size()) {
                if (f.size() == 1 && f[0].empty()) continue;  // a blank line
                report_field_count(reader, file, columns->names.size());
                continue;
            }
            auto at = [&](std::size_t c) { return Pos{file.file, reader.lines()[c], reader.columns()[c]}; };
            record.clear();
            record.from_csv = true;
            record.pos = at(0);
            record.id = f[c_id];
            record.id_pos = at(c_id);
            record.kind = f[c_kind];
            record.kind_pos = at(c_kind);
            record.name = f[c_name];
            record.name_pos = at(c_name);
            if (c_short) record.short_name = f[*c_short];
            if (c_aliases && !f[*c_aliases].empty()) {
                std::string_view cell = f[*c_aliases];
                std::size_t start = 0;
                while (start <= cell.size()) {
                    auto end = cell.find('|', start);
                    if (end == std::string_view::npos) end = cell.size();
                    if (end > start) record.aliases.emplace_back(cell.substr(start, end - start));
                    start = end + 1;
                }
            }
            record.citations = csv_citations(c_prov ? std::string_view(f[*c_prov]) : std::string_view{},
                                             c_prov ? at(*c_prov) : at(0), file.layer);
            if (c_from && !f[*c_from].empty()) {
                record.validity.from = csv_date(f[*c_from], at(*c_from), "valid_from");
                record.validity_pos = at(*c_from);
            }
            if (c_to && !f[*c_to].empty()) {
                record.validity.to = csv_date(f[*c_to], at(*c_to), "valid_to");
                record.validity_pos = at(*c_to);
            }
            for (auto c : attribute_columns)
                if (!f[c].empty()) record.attributes.push_back({columns->names[c], std::string(f[c]), at(c)});
            apply_entity(record, file.layer);
        }
        report_csv_errors(reader, file);
    }

    void read_csv_relations(const ParsedFile& file) {
        CsvReader reader(file.input->content);
        auto columns = read_header(reader, file, {"source", "target", "kind"});
        report_csv_errors(reader, file);
        if (!columns) return;
        const auto c_source = *columns->find("source"), c_target = *columns->find("target"),
                   c_kind = *columns->find("kind");
        const auto c_prov = columns->find("provenance"), c_from = columns->find("valid_from"),
                   c_to = columns->find("valid_to");
        std::vector<std::size_t> attribute_columns;
        for (std::size_t i = 0; i < columns->names.size(); ++i) {
            const auto& n = columns->names[i];
            if (n != "source" && n != "target" && n != "kind" && n != "provenance" && n != "valid_from" &&
                n != "valid_to")
                attribute_columns.push_back(i);
        }
        RelationRecord r;
        while (reader.next_row()) {
            if (report_csv_errors(reader, file)) continue;
            const auto& f = reader.fields();
            if (f.size() != columns->names.size()) {
                if (f.size() == 1 && f[0].empty()) continue;
                report_field_count(reader, file, columns->names.size());
                continue;
            }
            auto at = [&](std::size_t c) { return Pos{file.file, reader.lines()[c], reader.columns()[c]}; };
            r = RelationRecord{};
            r.layer = file.layer;
            r.kind = f[c_kind];
            r.kind_pos = at(c_kind);
            r.from = f[c_source];
            r.from_pos = at(c_source);
            r.to = f[c_target];
            r.to_pos = at(c_target);
            if (r.from.empty() || r.to.empty()) {
                error(at(r.from.empty() ? c_source : c_target), "the entity id is empty (expected an entity id)");
                continue;
            }
            r.citations = csv_citations(c_prov ? std::string_view(f[*c_prov]) : std::string_view{},
                                        c_prov ? at(*c_prov) : at(0), file.layer);
            if (r.citations.empty()) {
                error(c_prov ? at(*c_prov) : at(0),
                      "the relation has no provenance (give a 'provenance' column, or "
                      "default_source in the layer's [dataset] table)");
                continue;
            }
            if (c_from && !f[*c_from].empty()) {
                r.validity.from = csv_date(f[*c_from], at(*c_from), "valid_from");
                r.validity_pos = at(*c_from);
            }
            if (c_to && !f[*c_to].empty()) {
                r.validity.to = csv_date(f[*c_to], at(*c_to), "valid_to");
                r.validity_pos = at(*c_to);
            }
            for (auto c : attribute_columns)
                if (!f[c].empty()) r.attributes.push_back({columns->names[c], std::string(f[c]), at(c)});
            apply_relation(r);
        }
        report_csv_errors(reader, file);
    }

    // ---- imported graphs (GraphML, node-link JSON) ----

    void read_imported_graph(const ParsedFile& file) {
        ImportedGraph imported;
        std::vector<ImportProblem> problems;
        if (file.input->format == FileFormat::graphml)
            imported = parse_graphml(file.input->content, m_options.mapping, problems);
        else
            imported = parse_node_link_json(file.input->content, m_options.mapping, problems);
        for (const auto& p : problems) error({file.file, p.line, p.column}, p.message);
        if (!imported.default_source.empty() && m_default_source[file.layer].first.empty())
            m_default_source[file.layer] = {imported.default_source,
                                            {file.file, imported.default_source_line, imported.default_source_column}};
        const auto& layer_id = m_graph.layers[file.layer].id;
        for (auto& node : imported.nodes) {
            EntityRecord record;
            record.pos = record.id_pos = record.kind_pos = record.name_pos = {file.file, node.line, node.column};
            record.id = node.id;
            record.kind = node.kind;
            record.name = node.name;
            record.short_name = node.short_name;
            record.aliases = node.aliases;
            for (auto& c : node.citations) record.citations.push_back({c, record.pos});
            if (record.citations.empty() && !m_default_source[file.layer].first.empty())
                record.citations.push_back({m_default_source[file.layer].first, record.pos});
            if (record.citations.empty())
                error(record.pos, fmt::format("node '{}' has no source attribute, and layer '{}' names no "
                                              "default_source",
                                              node.id, layer_id));
            for (auto& [k, v] : node.attributes) record.attributes.push_back({k, v, record.pos});
            if (!node.valid_from.empty()) record.validity.from = csv_date(node.valid_from, record.pos, "valid_from");
            if (!node.valid_to.empty()) record.validity.to = csv_date(node.valid_to, record.pos, "valid_to");
            record.validity_pos = record.pos;
            apply_entity(record, file.layer);
        }
        for (auto& edge : imported.edges) {
            RelationRecord r;
            r.layer = file.layer;
            r.kind = edge.kind;
            r.kind_pos = r.from_pos = r.to_pos = {file.file, edge.line, edge.column};
            r.from = edge.source;
            r.to = edge.target;
            for (auto& c : edge.citations) r.citations.push_back({c, r.kind_pos});
            if (r.citations.empty() && !m_default_source[file.layer].first.empty())
                r.citations.push_back({m_default_source[file.layer].first, r.kind_pos});
            if (r.citations.empty()) {
                error(r.kind_pos, fmt::format("edge '{}' → '{}' has no source attribute", edge.source, edge.target));
                continue;
            }
            for (auto& [k, v] : edge.attributes) r.attributes.push_back({k, v, r.kind_pos});
            if (!edge.valid_from.empty()) r.validity.from = csv_date(edge.valid_from, r.kind_pos, "valid_from");
            if (!edge.valid_to.empty()) r.validity.to = csv_date(edge.valid_to, r.kind_pos, "valid_to");
            m_pending.push_back(std::move(r));
        }
    }

    const std::vector<LayerInput>& m_layers;
    const LoadOptions& m_options;
    LayerInput m_schema_layer;
    std::vector<ParsedFile> m_schema_only;
    std::vector<ParsedFile> m_files;
    std::vector<std::string> m_file_names;
    Diagnostics m_diagnostics;
    Graph m_graph;
    std::vector<std::pair<std::string, Pos>> m_default_source;
    std::vector<RelationRecord> m_pending;
    std::vector<std::size_t> m_entity_layer;
    std::vector<Pos> m_entity_pos;
    std::vector<bool> m_entity_kind_ok;
    std::vector<KindIndex> m_entity_kinds;  // beside the entities, so that checks stay in cache
    std::string m_last_from_id;             // the last id a relation started at, and its entity
    std::optional<EntityIndex> m_last_from;
    std::vector<std::string> m_entity_kind_ids;
    std::vector<std::string> m_relation_kind_ids;
    std::vector<std::string> m_source_ids;
    std::vector<std::pair<std::string, Pos>> m_context_checks;
    RelationTable m_relation_index;  // the first relation of each (from, to, kind)
    std::size_t m_missing_reports = 0;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (no such file, or no permission)"}});
    std::string content;
    in.seekg(0, std::ios::end);
    content.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    return content;
}

FileFormat format_of(const fs::path& path) {
    const auto name = path.filename().string();
    const auto ext = path.extension().string();
    if (ext == ".toml") return FileFormat::toml;
    if (ext == ".graphml" || ext == ".xml") return FileFormat::graphml;
    if (ext == ".json") return FileFormat::node_link_json;
    if (name == "relations.csv" || name.ends_with(".relations.csv")) return FileFormat::relations_csv;
    return FileFormat::entities_csv;
}

LayerInput embedded_layer(std::string_view directory) {
    LayerInput layer;
    layer.id = std::string(directory);
    const std::string prefix = std::string(directory) + "/";
    std::vector<const embedded::File*> csv;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(prefix)) continue;
        const auto rest = file.path.substr(prefix.size());
        if (rest.find('/') != std::string_view::npos) continue;
        const fs::path path(std::string(file.path));
        const auto format = format_of(path);
        InputFile input{"builtin:" + std::string(file.path), std::string(file.content()), format};
        if (format == FileFormat::toml)
            layer.files.push_back(std::move(input));
        else if (format == FileFormat::entities_csv || format == FileFormat::relations_csv)
            csv.push_back(&file);
    }
    // Entities before relations, as for a directory on disk.
    std::sort(csv.begin(), csv.end(), [](auto* a, auto* b) {
        return std::pair(a->path.ends_with("relations.csv"), a->path) <
               std::pair(b->path.ends_with("relations.csv"), b->path);
    });
    for (auto* file : csv)
        layer.files.push_back({"builtin:" + std::string(file->path), std::string(file->content()),
                               format_of(fs::path(std::string(file->path)))});
    return layer;
}

}  // namespace

LayerInput read_layer(const std::string& path_text) {
    const fs::path path(path_text);
    std::error_code ec;
    LayerInput layer;
    if (fs::is_directory(path, ec)) {
        layer.id = fs::absolute(path).lexically_normal().filename().string();
        if (layer.id.empty()) layer.id = fs::absolute(path).lexically_normal().parent_path().filename().string();
        std::vector<fs::path> toml_files, data_files;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (!entry.is_regular_file()) continue;
            const auto format = format_of(entry.path());
            const auto name = entry.path().filename().string();
            if (format == FileFormat::toml)
                toml_files.push_back(entry.path());
            else if (name == "entities.csv" || name == "relations.csv")
                data_files.push_back(entry.path());
        }
        std::sort(toml_files.begin(), toml_files.end());
        std::sort(data_files.begin(), data_files.end(), [](const fs::path& a, const fs::path& b) {
            return a.filename() == "entities.csv" && b.filename() != "entities.csv";
        });
        for (const auto& f : toml_files) layer.files.push_back({f.string(), read_file(f), FileFormat::toml});
        for (const auto& f : data_files) layer.files.push_back({f.string(), read_file(f), format_of(f)});
        if (layer.files.empty())
            throw dataset_error({Diagnostic{path_text, 0, 0,
                                            "the directory holds no dataset file (expected *.toml, entities.csv or "
                                            "relations.csv)"}});
        return layer;
    }
    if (!fs::exists(path, ec)) throw dataset_error({Diagnostic{path_text, 0, 0, "no such file or directory"}});
    layer.id = path.stem().string();
    const auto format = format_of(path);
    layer.files.push_back({path_text, read_file(path), format});
    if (format == FileFormat::entities_csv) {
        const auto relations = path.parent_path() / "relations.csv";
        if (fs::exists(relations, ec))
            layer.files.push_back({relations.string(), read_file(relations), FileFormat::relations_csv});
        layer.id = fs::absolute(path).parent_path().filename().string();
    }
    return layer;
}

std::vector<std::string> builtin_overlays() {
    std::set<std::string> names;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("overlays/")) continue;
        const auto rest = file.path.substr(9);
        const auto slash = rest.find('/');
        if (slash != std::string_view::npos) names.insert(std::string(rest.substr(0, slash)));
    }
    return {names.begin(), names.end()};
}

LayerInput read_layer_or_overlay(const std::string& path_or_name) {
    std::error_code ec;
    if (fs::exists(fs::path(path_or_name), ec)) return read_layer(path_or_name);
    const auto overlays = builtin_overlays();
    if (std::find(overlays.begin(), overlays.end(), path_or_name) != overlays.end()) {
        auto layer = embedded_layer("overlays/" + path_or_name);
        layer.id = path_or_name;
        return layer;
    }
    throw dataset_error({Diagnostic{path_or_name, 0, 0,
                                    fmt::format("no such file or directory, and no built-in overlay has that name "
                                                "(overlays: {})",
                                                overlays.empty() ? std::string("none") : join(overlays))}});
}

std::vector<LayerInput> builtin_layers() {
    std::vector<LayerInput> layers;
    for (const auto& file : embedded::files()) {
        if (file.path != "BUILTIN") continue;
        std::istringstream lines{std::string(file.content())};
        std::string line;
        while (std::getline(lines, line)) {
            if (line.empty() || line.front() == '#') continue;
            layers.push_back(embedded_layer(line));
        }
    }
    return layers;
}

LayerInput builtin_schema_layer() {
    return embedded_layer("schema");
}

Graph load(const std::vector<LayerInput>& layers, const LoadOptions& options) {
    return Loader(layers, options).run();
}

}  // namespace orgraph
