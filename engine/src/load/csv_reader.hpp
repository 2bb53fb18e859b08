#pragma once
// An RFC 4180 reader that keeps the line and column of every field, for diagnostics. It
// refuses what no dataset needs and a hostile file could abuse (see docs/limits.md): a row
// that is not UTF-8 is reported at its first bad byte and skipped; a row longer than
// csv_max_row_bytes or with more than csv_max_fields fields is reported and ends the reading.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

inline constexpr std::size_t csv_max_row_bytes = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t csv_max_fields = 1000;

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
    // Where the next row begins, in bytes: the text before it is not read again.
    [[nodiscard]] std::size_t offset() const { return m_pos; }
    // The line the current row starts on.
    [[nodiscard]] std::uint32_t line() const { return m_row_line; }
    // Reads a file written with the formula guard (orgraph/model/csv_cell.hpp): the apostrophe
    // the guard added is taken off every field, the header's included.
    void set_formula_guard(bool on) { m_formula_guard = on; }
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
    bool m_formula_guard = false;

    // Reports a row too long or too wide and stops the reading.
    void refuse_row(std::uint32_t line, std::uint32_t column, std::string message);
    void check_utf8(std::size_t row_start, std::uint32_t row_line, std::size_t row_line_start);
};

}  // namespace orgraph
