#pragma once
// Text of a DOT file: strings Graphviz reads as escStrings (labels, tooltips), text inside
// HTML-like labels, quoted ids, and names broken into lines.

#include <fmt/format.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace orgraph::dot_detail {

// Appends text for a double-quoted DOT string that Graphviz reads as an escString (a label):
// a backslash must be doubled, or "\N" would become the node's name and "\l" a line break; a
// quote is escaped; a line break becomes "\n"; other control characters a space. Graphviz
// unescapes a tooltip twice (checked against its SVG output), so there a backslash is written
// four times.
void append_escaped(fmt::memory_buffer& out, std::string_view text, bool tooltip = false);

// Text inside an HTML-like label: XML escaping, no control characters (which XML forbids), and
// a backslash doubled, since Graphviz replaces "\N" there too.
void append_html(fmt::memory_buffer& out, std::string_view text);

// A node or cluster id: entity ids never hold quotes or backslashes, but a generated cluster
// id might, so quote defensively.
void append_id(fmt::memory_buffer& out, std::string_view id);

// Breaks a name into lines of about `width` bytes at spaces, so long names make tall nodes
// rather than very wide ones.
std::vector<std::string_view> wrap(std::string_view text, std::size_t width);

}  // namespace orgraph::dot_detail
