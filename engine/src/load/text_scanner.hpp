#pragma once
// What the JSON and XML readers share: a cursor over the text that fails with the byte offset
// of the problem, and the offsets' lines and columns for the messages.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph {

// Maps byte offsets to 1-based line and column (the column counted in bytes, as the CSV
// reader counts it).
class TextPositions {
public:
    explicit TextPositions(std::string_view text);
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> at(std::size_t offset) const;

private:
    std::vector<std::size_t> m_line_starts;
};

// Where a document stops being well-formed, and why.
struct SyntaxError {
    std::size_t offset = 0;
    std::string message;
};

// The base of a reader's parser: the text, the position reached, and failures thrown as a
// SyntaxError.
class TextScanner {
protected:
    explicit TextScanner(std::string_view text) : m_text(text) {}

    [[noreturn]] void fail(std::string message) const { fail_at(m_pos, std::move(message)); }
    [[noreturn]] static void fail_at(std::size_t offset, std::string message) {
        throw SyntaxError{offset, std::move(message)};
    }
    // The byte at the position, for messages: "'x'", "byte 0x0a" or "end of file".
    [[nodiscard]] std::string describe() const;

    // White space as JSON and XML both define it.
    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skip_space() {
        while (m_pos < m_text.size() && is_space(m_text[m_pos])) ++m_pos;
    }
    // Steps over `c` when it comes next.
    bool take(char c) {
        if (m_pos >= m_text.size() || m_text[m_pos] != c) return false;
        ++m_pos;
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Runs `parse` (a parser's reading of the whole document); on a syntax error returns nothing
// and says where and what in `error`.
template <typename Parse>
auto parse_document(Parse&& parse, SyntaxError& error) -> std::optional<decltype(parse())> {
    try {
        return parse();
    } catch (SyntaxError& e) {
        error = std::move(e);
        return std::nullopt;
    }
}

// Appends a code point (at most 0x10FFFF) in UTF-8.
void append_utf8(std::string& out, std::uint32_t code_point);

}  // namespace orgraph
