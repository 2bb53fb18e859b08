// CSV files for `neo4j-admin database import full`: nodes.csv and relationships.csv with
// typed headers (:ID, :LABEL, :START_ID, :END_ID, :TYPE, string[] and boolean properties),
// and a README.md with the import command. Arrays are separated by '|' (--array-delimiter),
// the separator orgraph's own CSV format uses, which no alias or citation may hold.

#include <fmt/format.h>

#include <fstream>
#include <set>

#include "orgraph/write/interchange.hpp"
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

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw export_error(fmt::format("cannot write '{}'", path.string()));
}

void check_item(std::string_view item, std::string_view what, std::string_view owner) {
    if (item.find('|') != std::string_view::npos)
        throw export_error(
            fmt::format("{} '{}' of {} holds '|', the array delimiter of the Neo4j export", what, item, owner));
}

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

}  // namespace

std::vector<std::string> write_neo4j_csv(const std::filesystem::path& directory, const Graph& graph) {
    const auto& schema = graph.schema;
    const std::set<std::string, std::less<>> node_columns = {"id",      "name",       "kind",       "short_name",
                                                             "aliases", "provenance", "valid_from", "valid_to"};
    const std::set<std::string, std::less<>> edge_columns = {"kind",     "provenance", "valid_from",
                                                             "valid_to", "derived",    "rule"};
    const auto entity_keys = export_text::entity_attribute_keys(graph);
    const auto relation_keys = export_text::relation_attribute_keys(graph, true);
    for (const auto& k : entity_keys)
        if (node_columns.contains(k) || k.find(':') != std::string::npos)
            throw export_error(fmt::format("an entity attribute is named '{}', which the Neo4j header cannot hold", k));
    for (const auto& k : relation_keys)
        if (edge_columns.contains(k) || k.find(':') != std::string::npos)
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

    std::string nodes = "id:ID,:LABEL,kind,name,short_name,aliases:string[],provenance:string[],valid_from,valid_to";
    for (const auto& k : entity_keys) {
        nodes += ',';
        export_text::append_csv(nodes, k);
    }
    nodes += '\n';
    std::vector<std::string> cells(entity_keys.size());
    for (const auto& e : graph.entities()) {
        const auto owner = fmt::format("entity '{}'", e.id);
        for (const auto& a : e.aliases) check_item(a, "alias", owner);
        for (const auto& c : e.citations) check_item(c.locator, "citation locator", owner);
        for (auto& cell : cells) cell.clear();
        for (const auto& a : e.attributes)
            cells[std::lower_bound(entity_keys.begin(), entity_keys.end(), a.key) - entity_keys.begin()] = a.value;
        export_text::append_csv(nodes, e.id);
        nodes += ',';
        export_text::append_csv(nodes, labels[e.kind]);
        nodes += ',';
        export_text::append_csv(nodes, schema.entity_kind(e.kind).id);
        nodes += ',';
        export_text::append_csv(nodes, e.name);
        nodes += ',';
        export_text::append_csv(nodes, e.short_name);
        nodes += ',';
        export_text::append_csv(nodes, export_text::join(e.aliases, "|"));
        nodes += ',';
        export_text::append_csv(nodes, export_text::citations(graph, e.citations));
        nodes += ',';
        nodes += export_text::date(e.validity.from);
        nodes += ',';
        nodes += export_text::date(e.validity.to);
        for (const auto& cell : cells) {
            nodes += ',';
            export_text::append_csv(nodes, cell);
        }
        nodes += '\n';
    }

    std::string edges = ":START_ID,:END_ID,:TYPE,kind,provenance:string[],valid_from,valid_to,derived:boolean,rule";
    for (const auto& k : relation_keys) {
        edges += ',';
        export_text::append_csv(edges, k);
    }
    edges += '\n';
    cells.assign(relation_keys.size(), {});
    for (const auto& r : graph.relations()) {
        const auto& kind = schema.relation_kind(r.kind);
        const auto owner =
            fmt::format("relation '{}' {} '{}'", graph.entity(r.from).id, kind.id, graph.entity(r.to).id);
        for (const auto& c : r.citations) check_item(c.locator, "citation locator", owner);
        for (auto& cell : cells) cell.clear();
        for (const auto& a : r.attributes)
            cells[std::lower_bound(relation_keys.begin(), relation_keys.end(), a.key) - relation_keys.begin()] =
                a.value;
        export_text::append_csv(edges, graph.entity(r.from).id);
        edges += ',';
        export_text::append_csv(edges, graph.entity(r.to).id);
        edges += ',';
        export_text::append_csv(edges, type_of(kind.id));
        edges += ',';
        export_text::append_csv(edges, kind.id);
        edges += ',';
        export_text::append_csv(edges, export_text::citations(graph, r.citations));
        edges += ',';
        edges += export_text::date(r.validity.from);
        edges += ',';
        edges += export_text::date(r.validity.to);
        edges += r.derived ? ",true," : ",false,";
        export_text::append_csv(edges, r.rule);
        for (const auto& cell : cells) {
            edges += ',';
            export_text::append_csv(edges, cell);
        }
        edges += '\n';
    }
    write_file(directory / "nodes.csv", nodes);
    write_file(directory / "relationships.csv", edges);
    write_file(directory / "README.md", std::string(readme));
    return {"nodes.csv", "relationships.csv", "README.md"};
}

}  // namespace orgraph
