#include "table.hpp"

#include <algorithm>

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

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {

void write_aligned(std::ostream& out, const Table& table) {
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
    auto escape = [](const std::string& text) {
        std::string e;
        for (char c : text) {
            if (c == '|') e += '\\';
            e += c == '\n' ? ' ' : c;
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

}  // namespace

void write_table(std::ostream& out, const Table& table, Format format) {
    switch (format) {
        case Format::table:
            write_aligned(out, table);
            break;
        case Format::markdown:
            write_markdown(out, table);
            break;
        case Format::csv:
            for (std::size_t c = 0; c < table.columns.size(); ++c) out << (c ? "," : "") << csv_field(table.columns[c]);
            out << "\n";
            for (const auto& row : table.rows) {
                for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_field(row[c]);
                out << "\n";
            }
            break;
        case Format::json: {
            JsonWriter json(out);
            json.begin_array();
            for (const auto& row : table.rows) {
                json.begin_object();
                for (std::size_t c = 0; c < row.size(); ++c) {
                    json.key(table.columns[c]);
                    if (table.numeric[c] && !row[c].empty() &&
                        row[c].find_first_not_of("0123456789") == std::string::npos)
                        json.value(static_cast<std::uint64_t>(std::stoull(row[c])));
                    else
                        json.value(row[c]);
                }
                json.end_object();
            }
            json.end_array();
            json.finish();
            break;
        }
    }
}

}  // namespace orgraph::cli
