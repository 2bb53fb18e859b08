#pragma once
// Tabular results, printed as an aligned table, CSV (RFC 4180), Markdown or JSON (an array of
// objects keyed by column name). Text tables and Markdown show every cell in its visible form
// (orgraph/model/visible_text.hpp; Markdown also escapes '|'); CSV guards the text cells that
// begin like a formula (orgraph/model/csv_cell.hpp) unless --no-formula-guard, and refuses a
// cell that holds a NUL byte before it writes anything.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"

namespace orgraph::cli {

struct Table {
    std::vector<std::string> columns;
    std::vector<bool> numeric;  // per column: right-aligned in tables, a number in JSON
    std::vector<std::vector<std::string>> rows;

    Table(std::vector<std::string> names, std::vector<bool> numbers = {});
    void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

void write_table(std::ostream& out, const Table& table, Format format);

// A table whose rows are made as they are written rather than held: a result of hundreds of
// thousands of rows would otherwise be kept whole, as strings, beside the graph. row(i, cells)
// fills the cells of row i. An aligned table and CSV go over the rows twice (to measure every
// column, or to refuse a bad cell before anything is written), so each row is made twice.
struct TableRows {
    std::vector<std::string> columns{};
    std::vector<bool> numeric{};  // as in Table
    std::size_t count = 0;
    std::function<void(std::size_t, std::vector<std::string>&)> row{};
};

void write_table(std::ostream& out, const TableRows& rows, Format format);
// Row r as a JSON object keyed by column, numeric columns as numbers; `cells` is scratch space.
void write_json_row(JsonWriter& json, const TableRows& rows, std::size_t r, std::vector<std::string>& cells);
// The rows of a table held whole; the table must outlive them.
TableRows rows_of(const Table& table);

// Display width of UTF-8 text (code points, not bytes).
std::size_t display_width(const std::string& text);

// Whether CSV tables guard cells against formula injection (on unless --no-formula-guard; set
// by check_format, which every command with --format calls in its setup).
void set_csv_formula_guard(bool on);
[[nodiscard]] bool csv_formula_guard();

}  // namespace orgraph::cli
