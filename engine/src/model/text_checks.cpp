#include "orgraph/model/text_checks.hpp"

#include <fmt/format.h>

#include <cstring>

#include "orgraph/model/visible_text.hpp"

namespace orgraph {

namespace {

constexpr std::string_view utf8_hint = " (expected UTF-8 text; iconv -t UTF-8 converts a file)";

Utf8Error make_error(std::string_view text, std::size_t offset, std::string what) {
    const auto [line, column] = line_and_column(text, offset);
    return {offset, line, column, fmt::format("invalid UTF-8: {}{}", what, utf8_hint)};
}

}  // namespace

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // Eight ASCII bytes at a time.
        if (i + 8 <= size) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t cp = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            cp = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            cp = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            cp = lead & 0x07u;
        } else if (lead >= 0x80 && lead <= 0xBF) {
            return make_error(text, i, fmt::format("byte 0x{:02x} continues a character that never started", lead));
        } else {
            return make_error(text, i, fmt::format("byte 0x{:02x} never occurs in UTF-8", lead));
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= size || (bytes[i + k] & 0xC0u) != 0x80u)
                return make_error(text, i,
                                  fmt::format("the character starting with byte 0x{:02x} is cut short after {} of "
                                              "its {} bytes",
                                              lead, k, length));
            cp = (cp << 6) | (bytes[i + k] & 0x3Fu);
        }
        if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000))
            return make_error(text, i, fmt::format("an overlong form of U+{:04X}", cp));
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return make_error(text, i, fmt::format("an encoded surrogate U+{:04X} (not a character)", cp));
        if (cp > 0x10FFFF) return make_error(text, i, "a code point above U+10FFFF");
        i += length;
    }
    return std::nullopt;
}

std::pair<std::uint32_t, std::uint32_t> line_and_column(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

std::string quoted_excerpt(std::string_view text) {
    std::string out;
    std::size_t end = text.size();
    bool cut = false;
    if (end > max_quoted_bytes) {
        end = max_quoted_bytes;
        // Back up to the start of a character.
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
        cut = true;
    }
    out.reserve(end + 16);
    append_visible(out, text.substr(0, end), false);
    if (cut) out += fmt::format("… ({} bytes in all)", text.size());
    return out;
}

}  // namespace orgraph
