#include "load/loader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstring>
#include <set>

#include "orgraph/model/text.hpp"

namespace orgraph::load_detail {
namespace {

constexpr const char* top_level_keys =
    "dataset, source, entity_kind, relation_kind, rule, interchange, entity, relation, presentation, coverage, "
    "gazetteer";

}  // namespace

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

// "; did you mean 'department'?" when one of the candidates is close to the text.
std::string did_you_mean(std::string_view text, const std::vector<std::string>& candidates) {
    const auto best = closest_match(text, candidates);
    return best.empty() ? std::string{} : fmt::format("; did you mean '{}'?", best);
}

// The closest candidate, or, when none is close, the whole list: a kind that is nothing like
// any declared one is best answered with the kinds there are.
std::string suggestion_or_list(std::string_view text, const std::vector<std::string>& candidates) {
    auto hint = did_you_mean(text, candidates);
    if (!hint.empty() || candidates.empty()) return hint;
    return fmt::format(" (expected one of: {})", join(candidates));
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

GraphBuilder Loader::run() {
    parse_all();
    if (m_no_schema) {
        // Every entity's kind would be unknown: the one problem is said once.
        m_diagnostics.sort(m_file_names);
        throw dataset_error(m_diagnostics.items());
    }
    load_schema();
    load_schema_declarations();
    load_sources_and_datasets();
    reserve_for_csv();
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) load_entities(layer);
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) load_relations(layer);
    report_unknown_names();
    if (!m_diagnostics.empty()) {
        m_diagnostics.sort(m_file_names);
        throw dataset_error(m_diagnostics.items());
    }
    merge_repeated_statements();
    return std::move(m_graph);
}

namespace {

// The line breaks in the text, found by memchr (many bytes at a time) rather than byte by byte.
std::size_t count_lines(std::string_view text) {
    std::size_t lines = 0;
    const char* at = text.data();
    const char* const end = at + text.size();
    while (at < end) {
        const auto* found = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
        if (!found) break;
        ++lines;
        at = found + 1;
    }
    return lines;
}

}  // namespace

// Bulk CSV files say how big the graph will be, one row a line (a quoted line break makes
// the guess a little high): reserving up front spares growing the graph again and again.
void Loader::reserve_for_csv() {
    std::size_t entities = 0, relations = 0;
    for (const auto& file : m_files) {
        const auto content = file.input->content.view();
        const auto format = file.input->format;
        if (format != FileFormat::entities_csv && format != FileFormat::relations_csv) continue;
        const auto lines = count_lines(content);
        (format == FileFormat::entities_csv ? entities : relations) += lines;
    }
    if (entities + relations == 0) return;
    // Room for as many derived relations as stated ones, so that deriving does not move
    // every relation to a larger array while the old one is still held: capacity that is
    // never written takes address space, not memory.
    m_graph.reserve(entities + 1024, 2 * relations + 1024);
    m_entity_layer.reserve(entities + 1024);
    m_entity_pos.reserve(entities + 1024);
    m_entity_kinds.reserve(entities + 1024);
}

void Loader::parse_all() {
    bool any_kind = false;
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
        for (const auto& input : m_layers[layer].files) {
            ParsedFile parsed{&input, register_file(input.path), layer, std::nullopt, nullptr};
            if (input.format == FileFormat::toml) {
                if (parse_toml(parsed)) any_kind = true;
            } else if (input.format == FileFormat::graphml || input.format == FileFormat::node_link_json) {
                parsed.imported = std::make_shared<ImportedFile>();
                auto& imported = *parsed.imported;
                imported.graph = input.format == FileFormat::graphml
                                     ? parse_graphml(input.content, m_options.mapping, imported.problems)
                                     : parse_node_link_json(input.content, m_options.mapping, imported.problems);
            }
            m_files.push_back(std::move(parsed));
        }
    }
    // The schema and sources an exported graph carries stand in for the fallback schema: they
    // are read only when no layer declares a kind of its own.
    if (!any_kind) any_kind = read_embedded_datasets();
    if (!any_kind && !m_files.empty()) prepend_fallback_schema();
}

// Parses a TOML file; true when it declares entity kinds.
bool Loader::parse_toml(ParsedFile& parsed) {
    const auto& input = *parsed.input;
    try {
        parsed.table = toml::parse(input.content, input.path);
        check_top_level(*parsed.table, parsed.file);
        return parsed.table->contains("entity_kind");
    } catch (const toml::parse_error& e) {
        const auto& s = e.source();
        error({parsed.file, s.begin.line, s.begin.column}, fmt::format("TOML syntax: {}", e.description()));
    } catch (const std::bad_alloc&) {
        // A parsed TOML tree takes several times its text; a huge file can exhaust memory.
        parsed.table.reset();
        error({parsed.file, 0, 0}, "out of memory while reading the file");
    }
    return false;
}

// Reads the graph attribute orgraph_dataset of imported graphs as a TOML file of the graph's
// layer, placed just before the graph. Several graphs may carry the same one (read once); two
// different ones cannot both declare the kinds. True when one declares entity kinds.
bool Loader::read_embedded_datasets() {
    // The first graph's, held by its ImportedFile (which stays where it is while the
    // ParsedFile that points to it moves).
    const std::string* first = nullptr;
    std::string first_path;
    std::vector<ParsedFile> files;
    bool any_kind = false;
    for (auto& file : m_files) {
        if (file.imported && file.imported->graph.has_dataset) {
            const auto& graph = file.imported->graph;
            if (!first) {
                first = &graph.dataset;
                first_path = file.input->path;
                const auto name = fmt::format("{}#{}", file.input->path, embedded_dataset_key);
                m_embedded.push_back({name, graph.dataset, FileFormat::toml});
                ParsedFile parsed{&m_embedded.back(), register_file(name), file.layer, std::nullopt, nullptr};
                if (parse_toml(parsed)) any_kind = true;
                file.imported->dataset_used = true;
                files.push_back(std::move(parsed));
            } else if (graph.dataset == *first) {
                file.imported->dataset_used = true;
            } else {
                error({file.file, graph.dataset_line, graph.dataset_column},
                      fmt::format("the graph attribute '{}' declares another schema and sources than {}'s (load "
                                  "each graph alone, or declare one schema in a TOML layer loaded first, which the "
                                  "graphs' own then give way to)",
                                  embedded_dataset_key, first_path));
            }
        }
        files.push_back(std::move(file));
    }
    m_files = std::move(files);
    return any_kind;
}

void Loader::prepend_fallback_schema() {
    m_schema_layer = m_options.fallback_schema.value_or(LayerInput{});
    if (m_schema_layer.files.empty()) {
        // Syntax errors may have hidden the kinds; otherwise the data simply has no schema.
        if (m_diagnostics.empty()) {
            error({0, 0, 0},
                  "no file of the dataset declares an entity kind ([[entity_kind]]), and no fallback schema "
                  "is set: load the dataset's schema with it, as a layer of its own or a file of the first "
                  "layer (docs/dataset-format.md)");
            m_no_schema = true;
        }
        return;
    }
    std::vector<ParsedFile> schema_files;
    for (const auto& input : m_schema_layer.files) {
        ParsedFile parsed{&input, register_file(input.path), 0, std::nullopt, nullptr};
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

std::uint32_t Loader::register_file(const std::string& path) {
    m_file_names.push_back(path);
    return static_cast<std::uint32_t>(m_file_names.size() - 1);
}

void Loader::check_top_level(const toml::table& table, std::uint32_t file) {
    static const std::set<std::string, std::less<>> known = {
        "dataset", "source", "entity_kind", "relation_kind", "rule", "entity", "relation",
        // schema declarations about exports (loader_interchange.cpp) and about presentation,
        // coverage and places (loader_presentation.cpp)
        "interchange", "presentation", "coverage", "gazetteer"};
    for (auto&& [key, node] : table) {
        if (!known.contains(key.str())) {
            error(pos_of(key, file),
                  fmt::format("unknown table '{}' (expected one of: {})", key.str(), top_level_keys));
            continue;
        }
        const bool single = key.str() == "dataset" || key.str() == "interchange" || key.str() == "presentation" ||
                            key.str() == "coverage" || key.str() == "gazetteer";
        if (single && !node.is_table())
            error(pos_of(node, file), fmt::format("'{}' must be a table ([{}])", key.str(), key.str()));
        if (!single && !node.is_array_of_tables())
            error(pos_of(node, file), fmt::format("'{}' must be an array of tables ([[{}]])", key.str(), key.str()));
    }
}

std::vector<const Loader::ParsedFile*> Loader::all_files() const {
    std::vector<const ParsedFile*> all;
    for (const auto& f : m_schema_only) all.push_back(&f);
    for (const auto& f : m_files) all.push_back(&f);
    return all;
}

// Reports fields of a fixed-form table that are not in `allowed`.
void Loader::check_fields(const toml::table& table, std::uint32_t file, const std::vector<std::string>& allowed,
                          std::string_view what) {
    for (auto&& [key, node] : table) {
        if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
            error(pos_of(key, file), fmt::format("unknown field '{}' in {} (expected one of: {}){}", key.str(), what,
                                                 join(allowed), did_you_mean(key.str(), allowed)));
    }
}

std::optional<std::string> Loader::string_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                                std::string_view what, bool required) {
    const auto* node = table.get(key);
    if (!node) {
        if (required) error(pos_of(table, file), fmt::format("{} has no '{}' (expected {} = \"…\")", what, key, key));
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
std::vector<std::pair<std::string, Pos>> Loader::string_list(const toml::node& node, std::uint32_t file,
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

std::optional<Date> Loader::date_field(const toml::node& node, std::uint32_t file, std::string_view key) {
    const auto end = key == "valid_to" ? RecordField::valid_to : RecordField::valid_from;
    std::optional<Date> date;
    if (auto d = node.as_date()) {
        const auto v = d->get();
        date = Date::parse(fmt::format("{:04}-{:02}-{:02}", int{v.year}, int{v.month}, int{v.day}));
    } else if (auto i = node.as_integer()) {
        if (i->get() >= 0 && i->get() <= 9999) date = Date{static_cast<int>(i->get()), 0, 0};
    } else if (auto s = node.as_string()) {
        date = parse_validity_date(s->get(), end);
    }
    if (!date)
        error(pos_of(node, file),
              malformed_date_message(key, node.is_string() ? "'" + node.as_string()->get() + "'" : type_name(node),
                                     RecordFormat::toml));
    return date;
}

void Loader::load_sources_and_datasets() {
    std::unordered_map<std::string, Pos> first_source;
    m_default_source.assign(m_layers.size(), {});
    m_csv_formula_guard.assign(m_layers.size(), false);
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer)
        m_graph.layers.push_back({m_layers[layer].id, "", "", {}});
    for (const auto& file : m_files) {
        m_graph.layers[file.layer].files.push_back(m_file_names[file.file]);
        if (!file.table) continue;
        if (auto* d = file.table->get_as<toml::table>("dataset")) {
            check_fields(*d, file.file, {"id", "title", "description", "default_source", "csv_formula_guard"},
                         "[dataset]");
            auto& layer = m_graph.layers[file.layer];
            if (auto id = string_field(*d, file.file, "id", "[dataset]", false)) layer.id = *id;
            if (auto title = string_field(*d, file.file, "title", "[dataset]", false)) layer.title = *title;
            if (auto description = string_field(*d, file.file, "description", "[dataset]", false))
                layer.description = *description;
            if (auto* ds = d->get("default_source"); ds && ds->is_string())
                m_default_source[file.layer] = {ds->as_string()->get(), pos_of(*ds, file.file)};
            else if (ds)
                error(pos_of(*ds, file.file), "'default_source' must be a string");
            if (auto* guard = d->get("csv_formula_guard"); guard && guard->is_boolean())
                m_csv_formula_guard[file.layer] = guard->as_boolean()->get();
            else if (guard)
                error(pos_of(*guard, file.file), "'csv_formula_guard' must be true or false");
        }
        for_each_record(file, "source", [&](const toml::table& t) {
            check_fields(t, file.file, {"id", "title", "publisher", "url", "date", "note"}, "a source");
            auto id = string_field(t, file.file, "id", "a source", true);
            auto title = string_field(t, file.file, "title", "a source", true);
            if (!id) return;
            const auto pos = pos_of(*t.get("id"), file.file);
            if (!valid_kind_id(*id) && !valid_id(*id)) {
                error(pos, fmt::format("malformed source id '{}' (expected letters, digits, '_', '.' or '-')", *id));
                return;
            }
            if (id->find(':') != std::string::npos) {
                error(pos, fmt::format("source id '{}' contains ':', which separates a source from its locator", *id));
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

}  // namespace orgraph::load_detail

namespace orgraph {

GraphBuilder load(const std::vector<LayerInput>& layers, const LoadOptions& options) {
    return load_detail::Loader(layers, options).run();
}

}  // namespace orgraph
