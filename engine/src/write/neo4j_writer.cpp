// CSV files for `neo4j-admin database import full` (Neo4j 5): nodes.csv and relationships.csv
// with typed headers (:ID, :LABEL, :START_ID, :END_ID, :TYPE, date, boolean and string[]
// columns, and each attribute typed as the schema's [interchange.neo4j.attributes] declares),
// import.sh, which runs the import with the flags these files need, and a README.md. Arrays are
// separated by ';', neo4j-admin's default array delimiter, which import.sh also names; no
// alias or citation may hold it.

#include <fmt/format.h>

#include <sys/stat.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "orgraph/write/interchange.hpp"
#include "write/csv_table.hpp"
#include "write/export_text.hpp"

namespace orgraph {
namespace {

constexpr char array_delimiter = ';';

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

std::string first_day(const std::optional<Date>& d) {
    return d ? d->first_day().to_string() : std::string{};
}

// An end the source does not date has no date value (valid_to_text says "unknown").
std::string last_day(const std::optional<Date>& d) {
    return d && !d->is_unknown() ? d->last_day().to_string() : std::string{};
}

void check_delimiter(std::string_view item, std::string_view what, std::string_view owner) {
    if (item.find(array_delimiter) != std::string_view::npos)
        throw export_error(
            fmt::format("{} '{}' of {} holds ';', the array delimiter of the Neo4j export", what, item, owner));
}

template <typename T>
bool parses_as(std::string_view text) {
    T value{};
    const auto* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    return error == std::errc{} && at == end;
}

bool parses_as_double(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    return end == copy.c_str() + copy.size() && std::isfinite(value) && copy.find_first_of("xXnN") == std::string::npos;
}

// The cell of an attribute in its declared type, or an export_error naming who holds it.
std::string typed_value(std::string_view type, std::string_view key, std::string_view value, std::string_view owner) {
    auto refuse = [&](std::string_view expected) {
        return export_error(
            fmt::format("attribute '{}' of {} is '{}', not {} as [interchange.neo4j.attributes] declares ({} = \"{}\")",
                        key, owner, value, expected, key, type));
    };
    if (type == "int") {
        if (!parses_as<std::int32_t>(value)) throw refuse("a whole number from -2147483648 to 2147483647");
    } else if (type == "long") {
        if (!parses_as<std::int64_t>(value)) throw refuse("a whole number of at most 64 bits");
    } else if (type == "float" || type == "double") {
        if (!parses_as_double(value)) throw refuse("a decimal number");
    } else if (type == "boolean") {
        if (value != "true" && value != "false") throw refuse("true or false");
    } else if (type == "date") {
        const auto d = Date::parse(value);
        if (!d) throw refuse("a date YYYY, YYYY-MM or YYYY-MM-DD");
        return d->first_day().to_string();
    } else if (type == "string[]") {
        // Items separated by ';' as the source writes them ("a; b"): each trimmed.
        std::string out;
        std::size_t start = 0;
        while (start <= value.size()) {
            auto end = value.find(array_delimiter, start);
            if (end == std::string_view::npos) end = value.size();
            auto item = value.substr(start, end - start);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            if (!item.empty()) {
                if (!out.empty()) out += array_delimiter;
                out += item;
            }
            start = end + 1;
        }
        return out;
    }
    return std::string(value);
}

// The header of the attribute columns ("count:int", "as_written") and each one's type.
struct AttributeColumns {
    std::vector<std::string> keys;
    std::vector<std::string_view> types;
    std::string header;
};

AttributeColumns attribute_columns(const Schema& schema, std::vector<std::string> keys, std::string_view what,
                                   const CsvTable& fixed) {
    AttributeColumns out;
    for (const auto& k : keys) {
        if (fixed.names_fixed_column(k) || k.find_first_of(":,\"\r\n") != std::string::npos)
            throw export_error(fmt::format("{} attribute is named '{}', which the Neo4j header cannot hold", what, k));
        const auto type = schema.interchange().neo4j_type(k);
        out.header += ',';
        out.header += k;
        if (type != "string") {
            out.header += ':';
            out.header += type;
        }
        out.types.push_back(type);
    }
    out.keys = std::move(keys);
    return out;
}

void attribute_fields(CsvTable& table, const AttributeColumns& columns, const Attributes& attributes,
                      std::string_view owner) {
    std::size_t at = 0;
    const auto count = attributes.size();
    for (std::size_t i = 0; i < columns.keys.size(); ++i) {
        const auto& key = columns.keys[i];
        while (at < count && attributes[at].key < key) ++at;
        if (at >= count || attributes[at].key != key) {
            table.field({});
            continue;
        }
        const auto type = columns.types[i];
        const auto value = typed_value(type, key, attributes[at].value, owner);
        if (type == "string" || type == "string[]")
            table.field(value);
        else
            table.typed_field(value);
    }
}

constexpr std::string_view node_columns =
    "id:ID,:LABEL,kind,name,short_name,aliases:string[],provenance:string[],valid_from:date,valid_to:date,"
    "valid_from_text,valid_to_text";
constexpr std::string_view relationship_columns =
    ":START_ID,:END_ID,:TYPE,kind,provenance:string[],valid_from:date,valid_to:date,valid_from_text,valid_to_text,"
    "derived:boolean,rule";

constexpr std::string_view import_script =
    "#!/bin/sh\n"
    "# Imports this export of orgraph into a new Neo4j 5 database: the DBMS stopped, the database\n"
    "# not yet created (neo4j-admin database import full refuses one that exists).\n"
    "#   sh import.sh [DATABASE]    the database to create, neo4j by default\n"
    "# NEO4J_ADMIN names the neo4j-admin program when it is not on the PATH.\n"
    "set -eu\n"
    "cd \"$(dirname \"$0\")\"\n"
    "database=\"${1:-neo4j}\"\n"
    "exec \"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"$database\" \\\n"
    "    --array-delimiter=';' \\\n"
    "    --multiline-fields=true \\\n"
    "    --nodes=Entity=nodes.csv \\\n"
    "    --relationships=relationships.csv\n";

constexpr std::string_view readme =
    "# orgraph export for Neo4j\n\n"
    "`nodes.csv` holds one node per entity (`:ID` is the entity id; `:LABEL` the kind and its parent kinds\n"
    "in CamelCase, e.g. `BranchOffice;Office` for a kind `branch_office` whose parent is `office`, and every\n"
    "node has the label `Entity`), `relationships.csv` one relationship per relation (`:TYPE` is the\n"
    "relation kind in capitals, e.g. `REPORTS_TO`). Lists (`aliases`,\n"
    "`provenance`) and labels are separated by `;`. `valid_from` and `valid_to` are dates (the first and the\n"
    "last day of the period the source gives; `valid_from_text` and `valid_to_text` keep it as written);\n"
    "attributes the schema types are typed columns (`NAME:int`). Citations are `SOURCE:LOCATOR`; derived\n"
    "relations have `derived = true` and their `rule`.\n\n"
    "Import into a new database (Neo4j 5; stop the DBMS first): `sh import.sh [DATABASE]`, which runs\n\n"
    "    neo4j-admin database import full neo4j --array-delimiter=';' --multiline-fields=true \\\n"
    "        --nodes=Entity=nodes.csv --relationships=relationships.csv\n";

constexpr std::string_view guard_note =
    "\nA text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return has a leading `'` added, so\n"
    "that a spreadsheet does not take it for a formula (one more `'` when the value already looks guarded).\n"
    "Export with `--no-formula-guard` to import the values exactly as they are.\n";

}  // namespace

std::vector<std::string> write_neo4j_csv(const std::filesystem::path& directory, const Graph& graph,
                                         bool formula_guard) {
    const auto& schema = graph.schema;
    const CsvTable node_fixed(node_columns, {}, false), edge_fixed(relationship_columns, {}, false);
    const auto node_attributes =
        attribute_columns(schema, export_text::entity_attribute_keys(graph), "an entity", node_fixed);
    const auto edge_attributes =
        attribute_columns(schema, export_text::relation_attribute_keys(graph, true), "a relation", edge_fixed);
    CsvTable nodes(std::string(node_columns) + node_attributes.header, {}, formula_guard);
    CsvTable edges(std::string(relationship_columns) + edge_attributes.header, {}, formula_guard);

    // Labels per kind: the kind and its ancestors, most specific first.
    std::vector<std::string> labels;
    for (KindIndex k = 0; k < schema.entity_kinds().size(); ++k) {
        std::string text;
        for (std::optional<KindIndex> a = k; a; a = schema.entity_kind(*a).parent) {
            if (!text.empty()) text += array_delimiter;
            text += label_of(schema.entity_kind(*a).id);
        }
        labels.push_back(std::move(text));
    }

    for (const auto& e : graph.entities()) {
        const auto owner = owner_of(e);
        for (const auto alias : e.aliases) check_delimiter(alias, "alias", owner);
        for (const auto& c : e.citations) check_delimiter(c.locator, "citation locator", owner);
        nodes.field(e.id);
        nodes.field(labels[e.kind]);
        nodes.field(schema.entity_kind(e.kind).id);
        nodes.field(e.name);
        nodes.field(e.short_name);
        nodes.field(export_text::join(e.aliases, ";"));
        nodes.field(export_text::citations(graph, e.citations, ";"));
        nodes.typed_field(first_day(e.validity.from));
        nodes.typed_field(last_day(e.validity.to));
        nodes.field(export_text::date(e.validity.from));
        nodes.field(export_text::date(e.validity.to));
        attribute_fields(nodes, node_attributes, e.attributes, owner);
        nodes.end_row({});
    }

    for (const auto& r : graph.relations()) {
        const auto& kind = schema.relation_kind(r.kind);
        const auto owner = owner_of(graph, r);
        for (const auto& c : r.citations) check_delimiter(c.locator, "citation locator", owner);
        edges.field(graph.entity(r.from).id);
        edges.field(graph.entity(r.to).id);
        edges.field(type_of(kind.id));
        edges.field(kind.id);
        edges.field(export_text::citations(graph, r.citations, ";"));
        edges.typed_field(first_day(r.validity.from));
        edges.typed_field(last_day(r.validity.to));
        edges.field(export_text::date(r.validity.from));
        edges.field(export_text::date(r.validity.to));
        edges.typed_field(r.derived ? "true" : "false");
        edges.field(r.rule);
        attribute_fields(edges, edge_attributes, r.attributes, owner);
        edges.end_row({});
    }
    nodes.write(directory / "nodes.csv");
    edges.write(directory / "relationships.csv");
    const auto script = directory / "import.sh";
    write_export_file(script, import_script);
    // Executable wherever it is readable (the mode the umask left, plus x where r is).
    struct stat st {};
    if (::stat(script.c_str(), &st) == 0) ::chmod(script.c_str(), (st.st_mode & 07777) | ((st.st_mode & 0444) >> 2));
    write_export_file(directory / "README.md",
                      formula_guard ? std::string(readme) + std::string(guard_note) : std::string(readme));
    return {"nodes.csv", "relationships.csv", "import.sh", "README.md"};
}

}  // namespace orgraph
