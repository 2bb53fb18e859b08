#include "load/csv_reader.hpp"

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

bool CsvReader::next_row() {
    if (m_pos >= m_content.size()) return false;
    m_row_line = m_line;
    m_count = 0;
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
        auto& field = next_field();
        if (m_pos < m_content.size() && m_content[m_pos] == '"') {
            const std::uint32_t open_line = m_line;
            const auto open_column = static_cast<std::uint32_t>(m_pos - m_line_start + 1);
            ++m_pos;
            bool closed = false;
            while (m_pos < m_content.size()) {
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
            while (m_pos < m_content.size() && m_content[m_pos] != ',' && m_content[m_pos] != '\n') ++m_pos;
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
    m_fields.resize(m_count);
    m_columns.resize(m_count);
    m_lines.resize(m_count);
    return true;
}

}  // namespace orgraph
