#include "load/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "orgraph/model/csv_cell.hpp"
#include "orgraph/model/text_checks.hpp"

namespace orgraph {

CsvReader::CsvReader(std::string_view content) : m_content(content) {
    // A UTF-8 byte order mark is not part of the first column's name.
    if (m_content.starts_with("\xEF\xBB\xBF")) {
        m_pos = 3;
        m_line_start = 3;
    }
}

std::vector<CsvProblem> CsvReader::take_errors() {
    std::vector<CsvProblem> out;
    out.swap(m_errors);
    return out;
}

void CsvReader::refuse_row(std::uint32_t line, std::uint32_t column, std::string message) {
    m_errors.push_back({line, column, std::move(message) + "; the rest of the file is not read", true});
    m_pos = m_content.size();
}

// The row just read (from row_start to m_pos) must be UTF-8.
void CsvReader::check_utf8(std::size_t row_start, std::uint32_t row_line, std::size_t row_line_start) {
    const auto row = m_content.substr(row_start, m_pos - row_start);
    const auto bad = find_invalid_utf8(row);
    if (!bad) return;
    // Positions within the row, made positions in the file.
    const auto column =
        bad->line == 1 ? static_cast<std::uint32_t>(row_start - row_line_start) + bad->column : bad->column;
    m_errors.push_back({row_line + bad->line - 1, column, bad->message, true});
}

bool CsvReader::next_row() {
    if (m_pos >= m_content.size()) return false;
    m_row_line = m_line;
    m_count = 0;
    const auto row_start = m_pos;
    const auto row_line_start = m_line_start;
    // Where the row must end at the latest; a field stops looking for its end there.
    const auto row_limit = std::min(m_content.size(), row_start + csv_max_row_bytes + 2);
    const auto too_long = [&] {
        refuse_row(m_row_line, 1,
                   fmt::format("the row is longer than {} bytes (at most {} bytes from the start of a row to the end "
                               "of its line)",
                               csv_max_row_bytes, csv_max_row_bytes));
        m_fields.clear();
        m_columns.clear();
        m_lines.clear();
        return true;
    };
    auto next_field = [&]() -> std::string& {
        if (m_fields.size() <= m_count) m_fields.emplace_back();
        m_columns.resize(m_fields.size());
        m_lines.resize(m_fields.size());
        m_columns[m_count] = static_cast<std::uint32_t>(m_pos - m_line_start + 1);
        m_lines[m_count] = m_line;
        auto& field = m_fields[m_count++];
        field.clear();
        return field;
    };
    while (true) {
        if (m_count == csv_max_fields) {
            refuse_row(m_line, static_cast<std::uint32_t>(m_pos - m_line_start + 1),
                       fmt::format("the row has more than {} fields (at most {})", csv_max_fields, csv_max_fields));
            m_fields.resize(m_count);
            m_columns.resize(m_count);
            m_lines.resize(m_count);
            return true;
        }
        auto& field = next_field();
        if (m_pos < m_content.size() && m_content[m_pos] == '"') {
            const std::uint32_t open_line = m_line;
            const auto open_column = static_cast<std::uint32_t>(m_pos - m_line_start + 1);
            ++m_pos;
            bool closed = false;
            while (m_pos < row_limit) {
                const char c = m_content[m_pos];
                if (c == '"') {
                    if (m_pos + 1 < m_content.size() && m_content[m_pos + 1] == '"') {
                        field += '"';
                        m_pos += 2;
                        continue;
                    }
                    ++m_pos;
                    closed = true;
                    break;
                }
                if (c == '\n') {
                    ++m_line;
                    m_line_start = m_pos + 1;
                }
                field += c;
                ++m_pos;
            }
            if (!closed && m_pos < m_content.size()) return too_long();
            if (!closed) {
                m_errors.push_back(
                    {open_line, open_column, "unterminated quoted field (expected a closing '\"')", true});
                break;
            }
            // After a closing quote only a separator or the end of the line may follow.
            if (m_pos < m_content.size() && m_content[m_pos] != ',' && m_content[m_pos] != '\n' &&
                m_content[m_pos] != '\r') {
                m_errors.push_back({m_line, static_cast<std::uint32_t>(m_pos - m_line_start + 1),
                                    "text after a closing quote (expected ',' or the end of the line)"});
                while (m_pos < m_content.size() && m_content[m_pos] != ',' && m_content[m_pos] != '\n') ++m_pos;
            }
        } else {
            const auto start = m_pos;
            while (m_pos < row_limit && m_content[m_pos] != ',' && m_content[m_pos] != '\n') ++m_pos;
            if (m_pos == row_limit && m_pos < m_content.size()) return too_long();
            auto end = m_pos;
            if (end > start && m_content[end - 1] == '\r') --end;
            const auto text = m_content.substr(start, end - start);
            if (auto quote = text.find('"'); quote != std::string_view::npos)
                m_errors.push_back({m_line, static_cast<std::uint32_t>(start + quote - m_line_start + 1),
                                    "a quote inside an unquoted field (expected the whole field in quotes, with "
                                    "inner quotes doubled)"});
            field.assign(text);
        }
        if (m_pos < m_content.size() && m_content[m_pos] == '\r') ++m_pos;
        if (m_pos >= m_content.size()) break;
        if (m_content[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        if (m_content[m_pos] == '\n') {
            ++m_pos;
            ++m_line;
            m_line_start = m_pos;
            break;
        }
    }
    if (m_pos - row_start > csv_max_row_bytes + 2) return too_long();
    check_utf8(row_start, m_row_line, row_line_start);
    m_fields.resize(m_count);
    m_columns.resize(m_count);
    m_lines.resize(m_count);
    if (m_formula_guard)
        for (auto& field : m_fields)
            if (without_formula_guard(field).size() != field.size()) field.erase(0, 1);
    return true;
}

}  // namespace orgraph
