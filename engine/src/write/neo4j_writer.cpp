// CSV files for `neo4j-admin database import full`: nodes.csv and relationships.csv with
// typed headers (:ID, :LABEL, :START_ID, :END_ID, :TYPE, string[] and boolean properties),
// and a README.md with the import command. Arrays are separated by '|' (--array-delimiter),
// the separator orgraph's own CSV format uses, which no alias or citation may hold.

#include <fmt/format.h>

#include <string>

#include "orgraph/write/interchange.hpp"
#include "write/csv_table.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

// regional_department -> RegionalDepartment; part_of -> PART_OF.
std::string label_of(std::string_view kind) {
    std::string out;
    bool upper = true;
    for (const char c : kind) {
        if (c == '_' || c == '-') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

std::string type_of(std::string_view kind) {
    std::string out;
    for (const char c : kind) out += c == '-' ? '_' : c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

constexpr std::string_view delimiter_reason = "the array delimiter of the Neo4j export";

constexpr std::string_view readme =
    "# orgraph export for Neo4j\n\n"
    "`nodes.csv` holds one node per entity (`:ID` is the entity id; `:LABEL` the kind and its parent kinds,\n"
    "e.g. `RegionalDepartment|Department`), `relationships.csv` one relationship per relation (`:TYPE` is\n"
    "the relation kind in capitals, e.g. `PART_OF`). Lists (`aliases`, `provenance`) and multiple labels are\n"
    "separated by `|`. Citations are `SOURCE:LOCATOR`; derived relations have `derived = true` and their\n"
    "`rule`.\n\n"
    "Import into an empty database (Neo4j 5; stop the database first):\n\n"
    "    neo4j-admin database import full --array-delimiter='|' --multiline-fields=true \\\n"
    "        --nodes=nodes.csv --relationships=relationships.csv neo4j\n\n"
    "With Neo4j 4: `neo4j-admin import --array-delimiter='|' --multiline-fields=true --nodes=nodes.csv\n"
    "--relationships=relationships.csv`.\n";

constexpr std::string_view guard_note =
    "\nA cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return has a leading `'` added, so\n"
    "that a spreadsheet does not take it for a formula (one more `'` when the value already looks guarded).\n"
    "Export with `--no-formula-guard` to import the values exactly as they are.\n";

}  // namespace

std::vector<std::string> write_neo4j_csv(const std::filesystem::path& directory, const Graph& graph,
                                         bool formula_guard) {
    const auto& schema = graph.schema;
    CsvTable nodes("id:ID,:LABEL,kind,name,short_name,aliases:string[],provenance:string[],valid_from,valid_to",
                   export_text::entity_attribute_keys(graph), formula_guard);
    CsvTable edges(":START_ID,:END_ID,:TYPE,kind,provenance:string[],valid_from,valid_to,derived:boolean,rule",
                   export_text::relation_attribute_keys(graph, true), formula_guard);
    for (const auto& k : nodes.attribute_keys())
        if (nodes.names_fixed_column(k) || k.find(':') != std::string::npos)
            throw export_error(fmt::format("an entity attribute is named '{}', which the Neo4j header cannot hold", k));
    for (const auto& k : edges.attribute_keys())
        if (edges.names_fixed_column(k) || k.find(':') != std::string::npos)
            throw export_error(
                fmt::format("a relation attribute is named '{}', which the Neo4j header cannot hold", k));

    // Labels per kind: the kind and its ancestors, most specific first.
    std::vector<std::string> labels;
    for (KindIndex k = 0; k < schema.entity_kinds().size(); ++k) {
        std::string text;
        for (std::optional<KindIndex> a = k; a; a = schema.entity_kind(*a).parent) {
            if (!text.empty()) text += '|';
            text += label_of(schema.entity_kind(*a).id);
        }
        labels.push_back(std::move(text));
    }

    for (const auto& e : graph.entities()) {
        check_list_items(e, owner_of(e), delimiter_reason);
        nodes.field(e.id);
        nodes.field(labels[e.kind]);
        nodes.field(schema.entity_kind(e.kind).id);
        nodes.names(e);
        nodes.provenance(graph, e.citations, e.validity);
        nodes.end_row(e.attributes);
    }

    for (const auto& r : graph.relations()) {
        const auto& kind = schema.relation_kind(r.kind);
        check_list_items(r.citations, owner_of(graph, r), delimiter_reason);
        edges.field(graph.entity(r.from).id);
        edges.field(graph.entity(r.to).id);
        edges.field(type_of(kind.id));
        edges.field(kind.id);
        edges.provenance(graph, r.citations, r.validity);
        edges.field(r.derived ? "true" : "false");
        edges.field(r.rule);
        edges.end_row(r.attributes);
    }
    nodes.write(directory / "nodes.csv");
    edges.write(directory / "relationships.csv");
    write_export_file(directory / "README.md",
                      formula_guard ? std::string(readme) + std::string(guard_note) : std::string(readme));
    return {"nodes.csv", "relationships.csv", "README.md"};
}

}  // namespace orgraph
