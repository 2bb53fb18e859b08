#pragma once
// Tabular results, printed as an aligned table, CSV (RFC 4180), Markdown or JSON (an array of
// objects keyed by column name).

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
// Display width of UTF-8 text (code points, not bytes).
std::size_t display_width(const std::string& text);
std::string csv_field(const std::string& text);

}  // namespace orgraph::cli
