#pragma once
// Checks every text reader applies to its input before it trusts it: the bytes are UTF-8 (as
// TOML requires of its files), and the pieces of input a message quotes are short and printable.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orgraph {

// Where a text stops being UTF-8: the byte offset, its 1-based line and column (the column
// counted in bytes, as every reader counts it), and what is wrong there.
struct Utf8Error {
    std::size_t offset = 0;
    std::uint32_t line = 0, column = 0;
    std::string message;  // "invalid UTF-8: byte 0xff (…)"
};

// The first byte sequence of `text` that is not UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF, no sequence cut short), or nothing when all of it is.
// One pass over the text; plain ASCII runs are checked eight bytes at a time.
std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

// The line and column (1-based, in bytes) of a byte offset, counted from the start of `text`.
std::pair<std::uint32_t, std::uint32_t> line_and_column(std::string_view text, std::size_t offset);

// How much of a piece of input a message quotes.
inline constexpr std::size_t max_quoted_bytes = 80;

// A piece of input as a message quotes it: at most max_quoted_bytes bytes (cut at a character
// boundary, "…" and the full size added when cut), in the visible form of orgraph/model/visible_text.hpp (\n, \x1b,
// \u202e).
std::string quoted_excerpt(std::string_view text);

}  // namespace orgraph
