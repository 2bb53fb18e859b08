#include "load/text_scanner.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace orgraph {

TextPositions::TextPositions(std::string_view text) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') m_line_starts.push_back(i + 1);
}

std::pair<std::uint32_t, std::uint32_t> TextPositions::at(std::size_t offset) const {
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_line_starts.begin());  // 1-based
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - m_line_starts[line - 1] + 1)};
}

std::string TextScanner::describe() const {
    if (m_pos >= m_text.size()) return "end of file";
    const auto c = static_cast<unsigned char>(m_text[m_pos]);
    if (c >= 0x20 && c < 0x7f) return fmt::format("'{}'", static_cast<char>(c));
    return fmt::format("byte 0x{:02x}", c);
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace orgraph
