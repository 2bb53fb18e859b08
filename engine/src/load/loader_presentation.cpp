// The schema's declarations about presentation, coverage and places: [presentation],
// [coverage] and [gazetteer] (docs/dataset-format.md#presentation-coverage-and-places). Read after
// the kinds, since every name in them must be a declared kind, relation kind or attribute.

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <set>

#include "load/loader.hpp"

namespace orgraph::load_detail {
namespace {

// Graphviz's node shapes (https://graphviz.org/doc/info/shapes.html), polygon-based ones.
const std::set<std::string, std::less<>> node_shapes = {"box",           "polygon",
                                                        "ellipse",       "oval",
                                                        "circle",        "point",
                                                        "egg",           "triangle",
                                                        "plaintext",     "plain",
                                                        "diamond",       "trapezium",
                                                        "parallelogram", "house",
                                                        "pentagon",      "hexagon",
                                                        "septagon",      "octagon",
                                                        "doublecircle",  "doubleoctagon",
                                                        "tripleoctagon", "invtriangle",
                                                        "invtrapezium",  "invhouse",
                                                        "Mdiamond",      "Msquare",
                                                        "Mcircle",       "rect",
                                                        "rectangle",     "square",
                                                        "star",          "underline",
                                                        "cylinder",      "note",
                                                        "tab",           "folder",
                                                        "box3d",         "component",
                                                        "promoter",      "cds",
                                                        "terminator",    "utr",
                                                        "primersite",    "restrictionsite",
                                                        "fivepoverhang", "threepoverhang",
                                                        "noverhang",     "assembly",
                                                        "signature",     "insulator",
                                                        "ribosite",      "rnastab",
                                                        "proteasesite",  "proteinstab",
                                                        "rpromoter",     "rarrow",
                                                        "larrow",        "lpromoter"};

// Node styles that combine with "filled".
const std::vector<std::string> node_styles = {"bold", "dashed", "diagonals", "dotted", "rounded", "solid"};

// The colour a highlighted route is drawn in (write/diagram_style.hpp): no kind may take it.
constexpr std::string_view reserved_colour = "#d62728";

bool is_colour(std::string_view text) {
    return text.size() == 7 && text[0] == '#' && std::all_of(text.begin() + 1, text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

}  // namespace

void Loader::load_schema_declarations() {
    for (const auto* file : all_files()) {
        if (!file->table) continue;
        if (auto* node = file->table->get("presentation")) {
            if (auto* t = node->as_table()) load_presentation(*t, file->file);
        }
        if (auto* node = file->table->get("coverage")) {
            if (auto* t = node->as_table()) load_coverage_spec(*t, file->file);
        }
        if (auto* node = file->table->get("gazetteer")) {
            if (auto* t = node->as_table()) load_gazetteer(*t, file->file);
        }
    }
}

// A string naming a declared entity kind (an error, and nothing, when it names none).
std::optional<std::string> Loader::kind_name_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                                   std::string_view what) {
    auto value = string_field(table, file, key, what, false);
    if (!value || value->empty()) return value;
    if (!m_graph.schema.entity_kind(*value)) {
        error(pos_of(*table.get(key), file), fmt::format("unknown entity kind '{}' in '{}' of {}{}", *value, key, what,
                                                         suggestion_or_list(*value, m_entity_kind_ids)));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> Loader::relation_name_field(const toml::table& table, std::uint32_t file,
                                                       std::string_view key, std::string_view what) {
    auto value = string_field(table, file, key, what, false);
    if (!value || value->empty()) return value;
    if (!m_graph.schema.relation_kind(*value)) {
        error(pos_of(*table.get(key), file), fmt::format("unknown relation kind '{}' in '{}' of {}{}", *value, key,
                                                         what, suggestion_or_list(*value, m_relation_kind_ids)));
        return std::nullopt;
    }
    return value;
}

// A string naming an attribute entities of `kind` may carry (checked only when the kind is known).
std::optional<std::string> Loader::attribute_name_field(const toml::table& table, std::uint32_t file,
                                                        std::string_view key, std::string_view what,
                                                        const std::string& kind) {
    auto value = string_field(table, file, key, what, false);
    if (!value || value->empty() || kind.empty()) return value;
    const auto index = m_graph.schema.entity_kind(kind);
    if (index && !m_graph.schema.entity_attribute_allowed(*index, *value)) {
        error(pos_of(*table.get(key), file),
              fmt::format("'{}' of {} names the attribute '{}', which entities of kind '{}' do not carry{}", key, what,
                          *value, kind, suggestion_or_list(*value, m_graph.schema.entity_attributes(*index))));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> Loader::colour_field(const toml::table& table, std::uint32_t file, std::string_view key,
                                                std::string_view what) {
    auto value = string_field(table, file, key, what, false);
    if (!value) return value;
    const auto pos = pos_of(*table.get(key), file);
    if (!is_colour(*value)) {
        error(pos, fmt::format("'{}' of {} is '{}' (expected a colour written #rrggbb, e.g. \"#1f77b4\")", key, what,
                               *value));
        return std::nullopt;
    }
    std::string lower = *value;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    if (lower == reserved_colour) {
        error(pos,
              fmt::format("'{}' of {} is {}, the colour of a highlighted route (choose another)", key, what, *value));
        return std::nullopt;
    }
    return lower;
}

// A table of tables keyed by kind: [presentation.kinds.KIND] or [presentation.relations.KIND].
template <typename Fn>
void Loader::for_each_keyed_table(const toml::table& parent, std::uint32_t file, std::string_view key, Fn&& fn) {
    const auto* node = parent.get(key);
    if (!node) return;
    const auto* table = node->as_table();
    if (!table) {
        error(pos_of(*node, file), fmt::format("'{}' must be a table of tables, not {}", key, type_name(*node)));
        return;
    }
    for (auto&& [name, value] : *table) {
        if (const auto* t = value.as_table())
            fn(std::string(name.str()), pos_of(name, file), *t);
        else
            error(pos_of(value, file), fmt::format("'{}.{}' must be a table ({} = {{ ... }}), not {}", key, name.str(),
                                                   name.str(), type_name(value)));
    }
}

void Loader::load_presentation(const toml::table& table, std::uint32_t file) {
    check_fields(table, file, {"kinds", "relations", "chart", "report", "overview"}, "[presentation]");
    auto& presentation = m_graph.schema.presentation_mut();
    for_each_keyed_table(table, file, "kinds", [&](const std::string& kind, const Pos& pos, const toml::table& t) {
        if (!m_graph.schema.entity_kind(kind)) {
            error(pos, fmt::format("unknown entity kind '{}' in [presentation.kinds]{}", kind,
                                   suggestion_or_list(kind, m_entity_kind_ids)));
            return;
        }
        const auto what = fmt::format("[presentation.kinds.{}]", kind);
        check_fields(t, file, {"shape", "fill", "style", "font_colour"}, what);
        auto& style = presentation.kinds[kind];
        if (auto shape = string_field(t, file, "shape", what, false)) {
            if (node_shapes.contains(*shape))
                style.shape = *shape;
            else
                error(pos_of(*t.get("shape"), file),
                      fmt::format(
                          "'shape' of {} is '{}', which is not a Graphviz node shape (box, ellipse, house, "
                          "hexagon, octagon, note, ...){}",
                          what, *shape,
                          did_you_mean(*shape, std::vector<std::string>(node_shapes.begin(), node_shapes.end()))));
        }
        if (auto fill = colour_field(t, file, "fill", what)) style.fill = *fill;
        if (auto font = colour_field(t, file, "font_colour", what)) style.font_colour = *font;
        if (auto text = string_field(t, file, "style", what, false)) {
            bool ok = true;
            for (std::size_t at = 0; at <= text->size();) {
                auto end = text->find(',', at);
                if (end == std::string::npos) end = text->size();
                const auto item = text->substr(at, end - at);
                if (std::find(node_styles.begin(), node_styles.end(), item) == node_styles.end()) {
                    error(pos_of(*t.get("style"), file),
                          fmt::format("'style' of {} has '{}' (expected styles among {}, separated by commas){}", what,
                                      item, join(node_styles), did_you_mean(item, node_styles)));
                    ok = false;
                }
                at = end + 1;
            }
            if (ok) style.style = *text;
        }
    });
    for_each_keyed_table(table, file, "relations", [&](const std::string& kind, const Pos& pos, const toml::table& t) {
        if (!m_graph.schema.relation_kind(kind)) {
            error(pos, fmt::format("unknown relation kind '{}' in [presentation.relations]{}", kind,
                                   suggestion_or_list(kind, m_relation_kind_ids)));
            return;
        }
        const auto what = fmt::format("[presentation.relations.{}]", kind);
        check_fields(t, file, {"colour"}, what);
        if (auto colour = colour_field(t, file, "colour", what)) presentation.relations[kind].colour = *colour;
    });
    if (const auto* node = table.get("chart")) {
        const auto* t = node->as_table();
        if (!t) {
            error(pos_of(*node, file),
                  fmt::format("'chart' must be a table ([presentation.chart]), not {}", type_name(*node)));
            return;
        }
        constexpr std::string_view what = "[presentation.chart]";
        check_fields(*t, file, {"root", "folded", "inside", "group", "group_by", "group_label"}, what);
        auto& chart = presentation.chart;
        if (auto root = kind_name_field(*t, file, "root", what)) chart.root = *root;
        kind_list_field(*t, file, "folded", what, chart.folded);
        kind_list_field(*t, file, "inside", what, chart.inside);
        if (auto group = kind_name_field(*t, file, "group", what)) chart.group = *group;
        if (auto by = attribute_name_field(*t, file, "group_by", what, chart.group)) chart.group_by = *by;
        if (auto label = string_field(*t, file, "group_label", what, false)) chart.group_label = *label;
        if (!chart.group.empty() && chart.group_by.empty())
            error(pos_of(*t, file), fmt::format("{} names a 'group' kind but no 'group_by' attribute", what));
    }
    if (const auto* node = table.get("report")) {
        const auto* t = node->as_table();
        if (!t) {
            error(pos_of(*node, file),
                  fmt::format("'report' must be a table ([presentation.report]), not {}", type_name(*node)));
            return;
        }
        constexpr std::string_view what = "[presentation.report]";
        check_fields(*t, file, {"associations", "focus_by", "routes_to"}, what);
        auto& report = presentation.report;
        if (auto kind = kind_name_field(*t, file, "associations", what)) report.associations = *kind;
        if (auto relation = relation_name_field(*t, file, "focus_by", what)) report.focus_by = *relation;
        if (auto kind = kind_name_field(*t, file, "routes_to", what)) report.routes_to = *kind;
    }
    if (const auto* node = table.get("overview")) {
        const auto* t = node->as_table();
        if (!t) {
            error(pos_of(*node, file),
                  fmt::format("'overview' must be a table ([presentation.overview]), not {}", type_name(*node)));
            return;
        }
        constexpr std::string_view what = "[presentation.overview]";
        check_fields(*t, file, {"kinds", "counted", "count_by"}, what);
        auto& overview = presentation.overview;
        kind_list_field(*t, file, "kinds", what, overview.kinds);
        kind_list_field(*t, file, "counted", what, overview.counted);
        if (auto relation = relation_name_field(*t, file, "count_by", what)) overview.count_by = *relation;
    }
}

void Loader::kind_list_field(const toml::table& table, std::uint32_t file, std::string_view key, std::string_view what,
                             std::vector<std::string>& list) {
    const auto* value = table.get(key);
    if (!value) return;
    list.clear();
    for (auto& [kind, pos] : string_list(*value, file, key)) {
        if (m_graph.schema.entity_kind(kind))
            list.push_back(kind);
        else
            error(pos, fmt::format("unknown entity kind '{}' in '{}' of {}{}", kind, key, what,
                                   suggestion_or_list(kind, m_entity_kind_ids)));
    }
}

void Loader::load_coverage_spec(const toml::table& table, std::uint32_t file) {
    constexpr std::string_view what = "[coverage]";
    check_fields(table, file,
                 {"relation", "region_kind", "includes_relation", "member_relation", "home_relation",
                  "status_attribute", "open_value", "uncertain_value", "presence_relation", "presence_kind", "matrix"},
                 what);
    auto& spec = m_graph.schema.coverage_mut();
    if (auto v = relation_name_field(table, file, "relation", what)) spec.relation = *v;
    if (auto v = kind_name_field(table, file, "region_kind", what)) spec.region_kind = *v;
    if (auto v = relation_name_field(table, file, "includes_relation", what)) spec.includes_relation = *v;
    if (auto v = relation_name_field(table, file, "member_relation", what)) spec.member_relation = *v;
    if (auto v = relation_name_field(table, file, "home_relation", what)) spec.home_relation = *v;
    if (auto v = string_field(table, file, "status_attribute", what, false)) spec.status_attribute = *v;
    if (auto v = string_field(table, file, "open_value", what, false)) spec.open_value = *v;
    if (auto v = string_field(table, file, "uncertain_value", what, false)) spec.uncertain_value = *v;
    if (auto v = relation_name_field(table, file, "presence_relation", what)) spec.presence_relation = *v;
    if (auto v = kind_name_field(table, file, "presence_kind", what)) spec.presence_kind = *v;
    const auto* node = table.get("matrix");
    if (!node) return;
    if (!node->is_array_of_tables()) {
        error(pos_of(*node, file),
              fmt::format("'matrix' must be an array of tables ([[coverage.matrix]]), not {}", type_name(*node)));
        return;
    }
    spec.matrix.clear();
    std::set<std::string, std::less<>> names;
    for (auto& item : *node->as_array()) {
        const auto& t = *item.as_table();
        constexpr std::string_view column = "a column of [[coverage.matrix]]";
        check_fields(t, file, {"name", "relation", "kind"}, column);
        auto name = string_field(t, file, "name", column, true);
        const bool has_relation = t.contains("relation"), has_kind = t.contains("kind");
        auto relation = relation_name_field(t, file, "relation", column);
        auto kind = kind_name_field(t, file, "kind", column);
        if (!has_relation || !has_kind) {
            error(pos_of(t, file), fmt::format("{} needs a 'relation' and a 'kind'", column));
            continue;
        }
        if (!name || !relation || !kind || relation->empty() || kind->empty()) continue;
        if (!names.insert(*name).second) {
            error(pos_of(*t.get("name"), file),
                  fmt::format("two columns of [[coverage.matrix]] are named '{}'", *name));
            continue;
        }
        spec.matrix.push_back({*name, *relation, *kind});
    }
}

void Loader::load_gazetteer(const toml::table& table, std::uint32_t file) {
    constexpr std::string_view what = "[gazetteer]";
    check_fields(table, file,
                 {"kind", "code_label", "region_attribute", "subregion_attribute", "region_label", "numeric_attribute",
                  "membership_attribute", "member_value", "observer_value", "membership_label"},
                 what);
    auto& g = m_graph.schema.gazetteer_mut();
    if (auto v = kind_name_field(table, file, "kind", what)) g.kind = *v;
    if (auto v = string_field(table, file, "code_label", what, false)) g.code_label = *v;
    for (auto [key, field] : {std::pair{"region_attribute", &g.region_attribute},
                              {"subregion_attribute", &g.subregion_attribute},
                              {"numeric_attribute", &g.numeric_attribute},
                              {"membership_attribute", &g.membership_attribute}})
        if (auto v = attribute_name_field(table, file, key, what, g.kind)) *field = *v;
    for (auto [key, field] : {std::pair{"region_label", &g.region_label},
                              {"member_value", &g.member_value},
                              {"observer_value", &g.observer_value},
                              {"membership_label", &g.membership_label}})
        if (auto v = string_field(table, file, key, what, false)) *field = *v;
}

}  // namespace orgraph::load_detail
