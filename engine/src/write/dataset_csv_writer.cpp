// orgraph's own bulk CSV dataset (docs/dataset-format.md): dataset.toml with the schema and
// the sources, entities.csv and relations.csv with the data. `--data DIR` loads it back as the
// same graph. Derived relations are left out: the rules in dataset.toml derive them again.

#include <fmt/format.h>

#include "orgraph/write/interchange.hpp"
#include "write/csv_table.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

void append_toml_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    out += fmt::format("\\u{:04X}", c);
                else
                    out += ch;
        }
    }
    out += '"';
}

void toml_field(std::string& out, std::string_view key, std::string_view value) {
    out += key;
    out += " = ";
    append_toml_string(out, value);
    out += '\n';
}

void toml_list(std::string& out, std::string_view key, const std::vector<std::string>& values) {
    out += key;
    out += " = [";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        append_toml_string(out, values[i]);
    }
    out += "]\n";
}

constexpr std::string_view separator_reason = "which separates items in the CSV format";

// An empty cell reads back as no attribute at all.
void check_values(const Attributes& attributes, std::string_view owner) {
    for (const auto& a : attributes)
        if (a.value.empty())
            throw export_error(fmt::format(
                "attribute '{}' of {} is empty, and the CSV format reads an empty cell as no attribute", a.key, owner));
}

}  // namespace

std::string export_text::dataset_toml(const Graph& graph, std::string_view header, bool formula_guard) {
    const auto& schema = graph.schema;
    std::string out(header);
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "\n[dataset]\n";
    std::string layers;
    for (const auto& layer : graph.layers)
        layers += (layers.empty() ? "" : ", ") + (layer.title.empty() ? layer.id : layer.title);
    toml_field(out, "title", layers.empty() ? std::string("orgraph export") : layers);
    toml_field(out, "description", "Exported by orgraph from the layers: " + layers);
    // The loader takes the apostrophe the guard added off again: the values load back as they were.
    if (formula_guard) out += "csv_formula_guard = true\n";
    for (const auto& s : graph.sources) {
        out += "\n[[source]]\n";
        toml_field(out, "id", s.id);
        if (!s.title.empty()) toml_field(out, "title", s.title);
        if (!s.publisher.empty()) toml_field(out, "publisher", s.publisher);
        if (!s.url.empty()) toml_field(out, "url", s.url);
        if (!s.date.empty()) toml_field(out, "date", s.date);
        if (!s.note.empty()) toml_field(out, "note", s.note);
    }
    for (const auto& k : schema.entity_kinds()) {
        out += "\n[[entity_kind]]\n";
        toml_field(out, "id", k.id);
        toml_field(out, "label", k.label);
        toml_field(out, "plural", k.plural);
        if (k.parent) toml_field(out, "parent", schema.entity_kind(*k.parent).id);
        if (!k.attributes.empty()) toml_list(out, "attributes", k.attributes);
        if (!k.summary.empty()) toml_field(out, "summary", k.summary);
        if (!k.context.empty()) toml_field(out, "context", k.context);
        if (!k.values.empty()) {
            out += "values = { ";
            for (std::size_t i = 0; i < k.values.size(); ++i) {
                if (i > 0) out += ", ";
                append_toml_string(out, k.values[i].first);
                out += " = [";
                for (std::size_t v = 0; v < k.values[i].second.size(); ++v) {
                    if (v > 0) out += ", ";
                    append_toml_string(out, k.values[i].second[v]);
                }
                out += ']';
            }
            out += " }\n";
        }
        if (!k.description.empty()) toml_field(out, "description", k.description);
    }
    for (const auto& k : schema.relation_kinds()) {
        out += "\n[[relation_kind]]\n";
        toml_field(out, "id", k.id);
        toml_field(out, "label", k.label);
        toml_field(out, "inverse", k.inverse);
        auto kinds = [&](const std::vector<KindIndex>& list) {
            std::vector<std::string> ids;
            for (auto i : list) ids.push_back(schema.entity_kind(i).id);
            return ids;
        };
        if (!k.from.empty()) toml_list(out, "from", kinds(k.from));
        if (!k.to.empty()) toml_list(out, "to", kinds(k.to));
        out += k.backward ? "backward = true\n" : "backward = false\n";
        if (!k.attributes.empty()) toml_list(out, "attributes", k.attributes);
        if (!k.description.empty()) toml_field(out, "description", k.description);
    }
    for (const auto& rule : schema.rules()) {
        out += "\n[[rule]]\n";
        toml_field(out, "id", rule.id);
        toml_field(out, "derive", rule.derive);
        if (!rule.compose.empty()) toml_list(out, "compose", rule.compose);
        if (!rule.transitive.empty()) toml_field(out, "transitive", rule.transitive);
        if (!rule.inverse_of.empty()) toml_field(out, "inverse_of", rule.inverse_of);
        if (!rule.only_if.empty()) toml_list(out, "only_if", rule.only_if);
        if (!rule.description.empty()) toml_field(out, "description", rule.description);
    }
    out += schema.interchange().to_toml();
    return out;
}

std::vector<std::string> write_dataset_csv(const std::filesystem::path& directory, const Graph& graph,
                                           bool formula_guard) {
    CsvTable entities("id,kind,name,short_name,aliases,provenance,valid_from,valid_to",
                      export_text::entity_attribute_keys(graph), formula_guard);
    CsvTable relations("source,target,kind,provenance,valid_from,valid_to",
                       export_text::relation_attribute_keys(graph, false), formula_guard);
    for (const auto& k : entities.attribute_keys())
        if (entities.names_fixed_column(k))
            throw export_error(fmt::format("an entity attribute is named '{}', as a column of entities.csv", k));
    for (const auto& k : relations.attribute_keys())
        if (relations.names_fixed_column(k))
            throw export_error(fmt::format("a relation attribute is named '{}', as a column of relations.csv", k));

    for (const auto& e : graph.entities()) {
        const auto owner = owner_of(e);
        check_list_items(e, owner, separator_reason);
        check_values(e.attributes, owner);
        entities.field(e.id);
        entities.field(graph.schema.entity_kind(e.kind).id);
        entities.names(e);
        entities.provenance(graph, e.citations, e.validity);
        entities.end_row(e.attributes);
    }

    for (const auto& r : graph.relations()) {
        if (r.derived) continue;
        const auto owner = owner_of(graph, r);
        check_list_items(r.citations, owner, separator_reason);
        check_values(r.attributes, owner);
        relations.field(graph.entity(r.from).id);
        relations.field(graph.entity(r.to).id);
        relations.field(graph.schema.relation_kind(r.kind).id);
        relations.provenance(graph, r.citations, r.validity);
        relations.end_row(r.attributes);
    }
    write_export_file(directory / "dataset.toml",
                      export_text::dataset_toml(graph,
                                                "# Written by `orgraph export --to csv`: the schema and the sources of "
                                                "the data in entities.csv and\n"
                                                "# relations.csv beside this file. Load the directory with `orgraph "
                                                "--data DIR ...`.\n",
                                                formula_guard));
    entities.write(directory / "entities.csv");
    relations.write(directory / "relations.csv");
    return {"dataset.toml", "entities.csv", "relations.csv"};
}

}  // namespace orgraph
