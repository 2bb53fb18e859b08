#include "table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <stdexcept>

#include "orgraph/model/csv_cell.hpp"
#include "orgraph/model/text_checks.hpp"
#include "orgraph/model/visible_text.hpp"
#include "orgraph/write/json_writer.hpp"

namespace orgraph::cli {

Table::Table(std::vector<std::string> names, std::vector<bool> numbers)
    : columns(std::move(names)), numeric(std::move(numbers)) {
    numeric.resize(columns.size(), false);
}

std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

bool formula_guard = true;

}  // namespace

void set_csv_formula_guard(bool on) {
    formula_guard = on;
}

bool csv_formula_guard() {
    return formula_guard;
}

namespace {

// Every cell of a table for people in its visible form, line breaks included.
void make_visible(std::vector<std::string>& cells) {
    for (auto& cell : cells) cell = visible(cell);
}

void write_aligned(std::ostream& out, const TableRows& rows) {
    auto header = rows.columns;
    make_visible(header);
    std::vector<std::size_t> width(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) width[c] = display_width(header[c]);
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < rows.count; ++r) {
        rows.row(r, cells);
        make_visible(cells);
        for (std::size_t c = 0; c < cells.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(cells[c]));
    }
    auto line = [&](const std::vector<std::string>& line_cells) {
        std::string text;
        for (std::size_t c = 0; c < line_cells.size(); ++c) {
            const auto pad = std::string(width[c] - display_width(line_cells[c]), ' ');
            const bool last = c + 1 == line_cells.size();
            if (rows.numeric[c])
                text += pad + line_cells[c];
            else
                text += line_cells[c] + (last ? "" : pad);
            if (!last) text += "  ";
        }
        // An empty last cell would leave the padding of the cells before it.
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    line(header);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    line(rule);
    for (std::size_t r = 0; r < rows.count; ++r) {
        rows.row(r, cells);
        make_visible(cells);
        line(cells);
    }
}

void write_markdown(std::ostream& out, const TableRows& rows) {
    // Visible form (a line break is "\n", so a cell stays on its row), and '|' escaped.
    auto escape = [](const std::string& text) {
        std::string e;
        for (char c : visible(text)) {
            if (c == '|') e += '\\';
            e += c;
        }
        return e;
    };
    out << '|';
    for (const auto& c : rows.columns) out << ' ' << escape(c) << " |";
    out << "\n|";
    for (std::size_t c = 0; c < rows.columns.size(); ++c) out << (rows.numeric[c] ? " ---: |" : " --- |");
    out << '\n';
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < rows.count; ++r) {
        rows.row(r, cells);
        out << '|';
        for (const auto& cell : cells) out << ' ' << escape(cell) << " |";
        out << '\n';
    }
}

// Every row is checked before any is written, so that a refused cell leaves nothing half
// written. Numeric columns (counts) are written as they are; every other cell, the header's
// included, is guarded.
void write_csv(std::ostream& out, const TableRows& rows) {
    std::string text;
    auto row_text = [&](const std::vector<std::string>& cells, bool header, std::size_t row) {
        text.clear();
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c) text += ',';
            const bool numeric = !header && c < rows.numeric.size() && rows.numeric[c];
            const bool guard = formula_guard && !numeric;
            if (!append_csv_cell(text, cells[c], guard))
                throw std::runtime_error(fmt::format(
                    "cannot write CSV: the '{}' cell of row {} holds a NUL byte, which CSV cannot carry (its "
                    "readers refuse it or cut the value there): '{}'; --format json escapes it",
                    c < rows.columns.size() ? visible(rows.columns[c]) : std::to_string(c + 1), row,
                    quoted_excerpt(cells[c])));
        }
        text += '\n';
    };
    std::vector<std::string> cells;
    row_text(rows.columns, true, 0);
    for (std::size_t r = 0; r < rows.count; ++r) {
        rows.row(r, cells);
        row_text(cells, false, r + 1);
    }
    row_text(rows.columns, true, 0);
    out << text;
    for (std::size_t r = 0; r < rows.count; ++r) {
        rows.row(r, cells);
        row_text(cells, false, r + 1);
        out << text;
    }
}

}  // namespace

void write_json_row(JsonWriter& json, const TableRows& rows, std::size_t r, std::vector<std::string>& cells) {
    rows.row(r, cells);
    json.begin_object();
    for (std::size_t c = 0; c < cells.size(); ++c) {
        json.key(rows.columns[c]);
        if (rows.numeric[c] && !cells[c].empty() && cells[c].find_first_not_of("0123456789") == std::string::npos)
            json.value(static_cast<std::uint64_t>(std::stoull(cells[c])));
        else
            json.value(cells[c]);
    }
    json.end_object();
}

namespace {

void write_json_rows(JsonWriter& json, const TableRows& rows) {
    json.begin_array();
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < rows.count; ++r) write_json_row(json, rows, r, cells);
    json.end_array();
}

}  // namespace

TableRows rows_of(const Table& table) {
    TableRows rows{table.columns, table.numeric, table.rows.size(),
                   [&table](std::size_t r, std::vector<std::string>& cells) { cells = table.rows[r]; }};
    rows.numeric.resize(rows.columns.size(), false);
    return rows;
}

void write_table(std::ostream& out, const TableRows& given, Format format) {
    if (given.numeric.size() < given.columns.size()) {
        auto rows = given;
        rows.numeric.resize(rows.columns.size(), false);
        write_table(out, rows, format);
        return;
    }
    const auto& rows = given;
    switch (format) {
        case Format::table:
            write_aligned(out, rows);
            break;
        case Format::markdown:
            write_markdown(out, rows);
            break;
        case Format::csv:
            write_csv(out, rows);
            break;
        case Format::json: {
            JsonWriter json(out);
            write_json_rows(json, rows);
            json.finish();
            break;
        }
    }
}

void write_table(std::ostream& out, const Table& table, Format format) {
    write_table(out, rows_of(table), format);
}

}  // namespace orgraph::cli
