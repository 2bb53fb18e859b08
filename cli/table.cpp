#include "table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <stdexcept>

#include "orgraph/load/text_checks.hpp"
#include "orgraph/write/csv_cell.hpp"
#include "orgraph/write/json_writer.hpp"
#include "orgraph/write/visible_text.hpp"

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
std::vector<std::string> visible_cells(const std::vector<std::string>& cells) {
    std::vector<std::string> out;
    out.reserve(cells.size());
    for (const auto& cell : cells) out.push_back(visible(cell));
    return out;
}

void write_aligned(std::ostream& out, const Table& raw) {
    Table table(visible_cells(raw.columns), raw.numeric);
    for (const auto& row : raw.rows) table.add(visible_cells(row));
    std::vector<std::size_t> width(table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) width[c] = display_width(table.columns[c]);
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
            width[c] = std::max(width[c], display_width(row[c]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto pad = std::string(width[c] - display_width(cells[c]), ' ');
            const bool last = c + 1 == cells.size();
            if (table.numeric[c])
                text += pad + cells[c];
            else
                text += cells[c] + (last ? "" : pad);
            if (!last) text += "  ";
        }
        // An empty last cell would leave the padding of the cells before it.
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    line(table.columns);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& row : table.rows) line(row);
}

void write_markdown(std::ostream& out, const Table& table) {
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
    for (const auto& c : table.columns) out << ' ' << escape(c) << " |";
    out << "\n|";
    for (std::size_t c = 0; c < table.columns.size(); ++c) out << (table.numeric[c] ? " ---: |" : " --- |");
    out << '\n';
    for (const auto& row : table.rows) {
        out << '|';
        for (const auto& cell : row) out << ' ' << escape(cell) << " |";
        out << '\n';
    }
}

// The whole CSV text, so that a refused cell leaves nothing half written. Numeric columns
// (counts) are written as they are; every other cell, the header's included, is guarded.
std::string csv_text(const Table& table) {
    std::string text;
    auto row_text = [&](const std::vector<std::string>& cells, bool header, std::size_t row) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c) text += ',';
            const bool numeric = !header && c < table.numeric.size() && table.numeric[c];
            const bool guard = formula_guard && !numeric;
            if (!append_csv_cell(text, cells[c], guard))
                throw std::runtime_error(fmt::format(
                    "cannot write CSV: the '{}' cell of row {} holds a NUL byte, which CSV cannot carry (its "
                    "readers refuse it or cut the value there): '{}'; --format json escapes it",
                    c < table.columns.size() ? visible(table.columns[c]) : std::to_string(c + 1), row,
                    quoted_excerpt(cells[c])));
        }
        text += '\n';
    };
    row_text(table.columns, true, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) row_text(table.rows[r], false, r + 1);
    return text;
}

}  // namespace

void write_json_rows(JsonWriter& json, const Table& table) {
    json.begin_array();
    for (const auto& row : table.rows) {
        json.begin_object();
        for (std::size_t c = 0; c < row.size(); ++c) {
            json.key(table.columns[c]);
            if (table.numeric[c] && !row[c].empty() && row[c].find_first_not_of("0123456789") == std::string::npos)
                json.value(static_cast<std::uint64_t>(std::stoull(row[c])));
            else
                json.value(row[c]);
        }
        json.end_object();
    }
    json.end_array();
}

void write_table(std::ostream& out, const Table& table, Format format) {
    switch (format) {
        case Format::table:
            write_aligned(out, table);
            break;
        case Format::markdown:
            write_markdown(out, table);
            break;
        case Format::csv:
            out << csv_text(table);
            break;
        case Format::json: {
            JsonWriter json(out);
            write_json_rows(json, table);
            json.finish();
            break;
        }
    }
}

void Sections::section(const std::string& title, std::size_t count, const Table& table) {
    const bool markdown = m_format == Format::markdown;
    m_out << (markdown ? "## " : "") << fmt::format("{} ({})", title, count) << (markdown ? "\n\n" : "\n");
    if (table.rows.empty())
        m_out << (markdown ? "_none_\n" : "  none\n");
    else
        write_table(m_out, table, m_format);
    m_out << '\n';
}

}  // namespace orgraph::cli
