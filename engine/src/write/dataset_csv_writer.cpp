// orgraph's own bulk CSV dataset (docs/dataset-format.md): dataset.toml with the schema and
// the sources, entities.csv and relations.csv with the data. `--data DIR` loads it back as the
// same graph. Derived relations are left out: the rules in dataset.toml derive them again.

#include <fmt/format.h>

#include <fstream>
#include <set>

#include "orgraph/write/interchange.hpp"
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

std::string schema_and_sources(const Graph& graph) {
    const auto& schema = graph.schema;
    std::string out =
        "# Written by `orgraph export --to csv`: the schema and the sources of the data in entities.csv and\n"
        "# relations.csv beside this file. Load the directory with `orgraph --data DIR ...`.\n\n[dataset]\n";
    std::string layers;
    for (const auto& layer : graph.layers)
        layers += (layers.empty() ? "" : ", ") + (layer.title.empty() ? layer.id : layer.title);
    toml_field(out, "title", layers.empty() ? std::string("orgraph export") : layers);
    toml_field(out, "description", "Exported by orgraph from the layers: " + layers);
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
    return out;
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw export_error(fmt::format("cannot write '{}'", path.string()));
}

// A list item that holds the separator could not be read back as one item.
void check_item(std::string_view item, std::string_view what, std::string_view owner) {
    if (item.find('|') != std::string_view::npos)
        throw export_error(
            fmt::format("{} '{}' of {} holds '|', which separates items in the CSV format", what, item, owner));
}

}  // namespace

std::vector<std::string> write_dataset_csv(const std::filesystem::path& directory, const Graph& graph) {
    const std::set<std::string, std::less<>> entity_columns = {"id",      "kind",       "name",       "short_name",
                                                               "aliases", "provenance", "valid_from", "valid_to"};
    const std::set<std::string, std::less<>> relation_columns = {"source",     "target",     "kind",
                                                                 "provenance", "valid_from", "valid_to"};
    const auto entity_keys = export_text::entity_attribute_keys(graph);
    const auto relation_keys = export_text::relation_attribute_keys(graph, false);
    for (const auto& k : entity_keys)
        if (entity_columns.contains(k))
            throw export_error(fmt::format("an entity attribute is named '{}', as a column of entities.csv", k));
    for (const auto& k : relation_keys)
        if (relation_columns.contains(k))
            throw export_error(fmt::format("a relation attribute is named '{}', as a column of relations.csv", k));

    std::string entities = "id,kind,name,short_name,aliases,provenance,valid_from,valid_to";
    for (const auto& k : entity_keys) {
        entities += ',';
        export_text::append_csv(entities, k);
    }
    entities += '\n';
    std::vector<std::string> cells(entity_keys.size());
    for (const auto& e : graph.entities()) {
        const auto owner = fmt::format("entity '{}'", e.id);
        for (const auto& a : e.aliases) check_item(a, "alias", owner);
        for (const auto& c : e.citations) check_item(c.locator, "citation locator", owner);
        for (auto& cell : cells) cell.clear();
        for (const auto& a : e.attributes) {
            if (a.value.empty())
                throw export_error(
                    fmt::format("attribute '{}' of {} is empty, and the CSV format reads an empty cell "
                                "as no attribute",
                                a.key, owner));
            cells[std::lower_bound(entity_keys.begin(), entity_keys.end(), a.key) - entity_keys.begin()] = a.value;
        }
        export_text::append_csv(entities, e.id);
        entities += ',';
        export_text::append_csv(entities, graph.schema.entity_kind(e.kind).id);
        entities += ',';
        export_text::append_csv(entities, e.name);
        entities += ',';
        export_text::append_csv(entities, e.short_name);
        entities += ',';
        export_text::append_csv(entities, export_text::join(e.aliases, "|"));
        entities += ',';
        export_text::append_csv(entities, export_text::citations(graph, e.citations));
        entities += ',';
        entities += export_text::date(e.validity.from);
        entities += ',';
        entities += export_text::date(e.validity.to);
        for (const auto& cell : cells) {
            entities += ',';
            export_text::append_csv(entities, cell);
        }
        entities += '\n';
    }

    std::string relations = "source,target,kind,provenance,valid_from,valid_to";
    for (const auto& k : relation_keys) {
        relations += ',';
        export_text::append_csv(relations, k);
    }
    relations += '\n';
    cells.assign(relation_keys.size(), {});
    for (const auto& r : graph.relations()) {
        if (r.derived) continue;
        const auto owner = fmt::format("relation '{}' {} '{}'", graph.entity(r.from).id,
                                       graph.schema.relation_kind(r.kind).id, graph.entity(r.to).id);
        for (const auto& c : r.citations) check_item(c.locator, "citation locator", owner);
        for (auto& cell : cells) cell.clear();
        for (const auto& a : r.attributes) {
            if (a.value.empty())
                throw export_error(
                    fmt::format("attribute '{}' of {} is empty, and the CSV format reads an empty cell "
                                "as no attribute",
                                a.key, owner));
            cells[std::lower_bound(relation_keys.begin(), relation_keys.end(), a.key) - relation_keys.begin()] =
                a.value;
        }
        export_text::append_csv(relations, graph.entity(r.from).id);
        relations += ',';
        export_text::append_csv(relations, graph.entity(r.to).id);
        relations += ',';
        export_text::append_csv(relations, graph.schema.relation_kind(r.kind).id);
        relations += ',';
        export_text::append_csv(relations, export_text::citations(graph, r.citations));
        relations += ',';
        relations += export_text::date(r.validity.from);
        relations += ',';
        relations += export_text::date(r.validity.to);
        for (const auto& cell : cells) {
            relations += ',';
            export_text::append_csv(relations, cell);
        }
        relations += '\n';
    }
    write_file(directory / "dataset.toml", schema_and_sources(graph));
    write_file(directory / "entities.csv", entities);
    write_file(directory / "relations.csv", relations);
    return {"dataset.toml", "entities.csv", "relations.csv"};
}

}  // namespace orgraph
