#pragma once
// An RFC 4180 reader that keeps the line and column of every field, for diagnostics.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

struct CsvProblem {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    bool breaks_row = false;  // the row's fields cannot be trusted (an unterminated quote)
};

class CsvReader {
public:
    explicit CsvReader(std::string_view content);

    // Reads the next row; false at the end of the input.
    bool next_row();
    [[nodiscard]] const std::vector<std::string>& fields() const { return m_fields; }
    // The column (1-based, in bytes) where each field starts.
    [[nodiscard]] const std::vector<std::uint32_t>& columns() const { return m_columns; }
    // The line where each field starts (a quoted field may hold line breaks, so a row may
    // span several lines).
    [[nodiscard]] const std::vector<std::uint32_t>& lines() const { return m_lines; }
    // The line the current row starts on.
    [[nodiscard]] std::uint32_t line() const { return m_row_line; }
    // Problems found since the last call.
    std::vector<CsvProblem> take_errors();

private:
    std::string_view m_content;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::size_t m_line_start = 0;
    std::uint32_t m_row_line = 0;
    std::size_t m_count = 0;
    std::vector<std::string> m_fields;
    std::vector<std::uint32_t> m_columns;
    std::vector<std::uint32_t> m_lines;
    std::vector<CsvProblem> m_errors;
};

}  // namespace orgraph
