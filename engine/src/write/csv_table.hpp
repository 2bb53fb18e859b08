#pragma once
// The CSV files of the directory exports (orgraph's own dataset, the Neo4j import): a header of
// fixed columns and one more column per attribute key, then a row per entity or relation, each
// field quoted per RFC 4180 and, unless turned off, guarded against formula injection
// (orgraph/model/csv_cell.hpp). The rows are appended to one string, written out whole.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

class CsvTable {
public:
    // `columns` is the fixed part of the header as written; `attribute_keys`, sorted, name the
    // columns after it. With `formula_guard`, every cell but the fixed header that begins like a
    // formula gets a leading apostrophe.
    CsvTable(std::string_view columns, std::vector<std::string> attribute_keys, bool formula_guard);

    [[nodiscard]] const std::vector<std::string>& attribute_keys() const { return m_keys; }
    // Whether a fixed column has this name; a typed column ("aliases:string[]") is named by
    // what stands before the colon. An attribute of that name would be read as the column.
    [[nodiscard]] bool names_fixed_column(std::string_view name) const;

    // The next fixed field of the current row. A value that holds a NUL byte is an export_error
    // (CSV cannot carry it), the message naming the row by its first field.
    void field(std::string_view value);
    // A fixed field already checked to be a number, date or boolean of its column's type: written
    // without the formula guard, which would make "-5" unreadable as an int.
    void typed_field(std::string_view value);
    // Fields both formats write alike: an entity's name, short_name and aliases; a fact's
    // provenance, valid_from and valid_to.
    void names(const Entity& entity);
    void provenance(const Graph& graph, const Citations& citations, const Validity& validity);
    // Ends the row with its attribute columns: each key's value, or an empty cell.
    void end_row(const Attributes& attributes);

    // Throws export_error when the file cannot be written.
    void write(const std::filesystem::path& path) const;

private:
    std::vector<std::string> m_keys;
    std::size_t m_columns_size;  // the fixed part of the header, at the start of m_text
    std::string m_text;
    bool m_formula_guard;
    bool m_row_started = false;
    std::string m_row_first;  // the first field of the current row, for messages
    std::size_t m_field = 0;  // fields of the current row so far

    void append(std::string_view value, bool guard = true);
};

// Lists (aliases, citations) are written as one field with '|' between the items, so an item
// that holds '|' would read back as two; export_error says so, `why` ending the message.
void check_list_items(const Entity& entity, std::string_view owner, std::string_view why);
void check_list_items(const Citations& citations, std::string_view owner, std::string_view why);

// The name the checks and their messages give an entity or relation.
std::string owner_of(const Entity& entity);
std::string owner_of(const Graph& graph, const Relation& relation);

// Throws export_error when the file cannot be written.
void write_export_file(const std::filesystem::path& path, std::string_view content);

}  // namespace orgraph
