#include "write/dot_text.hpp"

#include <algorithm>
#include <string>

#include "orgraph/model/visible_text.hpp"

namespace orgraph::dot_detail {
namespace {

// Neither a DOT string nor XML has a use for control characters: each is written as a space.
void append_printable(fmt::memory_buffer& out, char c) {
    out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
}

}  // namespace

void append_escaped(fmt::memory_buffer& out, std::string_view raw, bool tooltip) {
    // Graphviz writes labels into SVG: nothing XML forbids, and UTF-8 only.
    std::string storage;
    const auto text = valid_utf8(raw, storage, true);
    const bool plain = std::none_of(
        text.begin(), text.end(), [](char c) { return c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20; });
    if (plain) {
        out.append(text);
        return;
    }
    for (const char c : text) {
        switch (c) {
            case '\\':
                out.append(tooltip ? std::string_view("\\\\\\\\") : std::string_view("\\\\"));
                break;
            case '"':
                out.append(std::string_view("\\\""));
                break;
            case '\n':
                out.append(std::string_view("\\n"));
                break;
            case '\r':
                break;
            default:
                append_printable(out, c);
        }
    }
}

void append_html(fmt::memory_buffer& out, std::string_view raw) {
    std::string storage;
    const auto text = valid_utf8(raw, storage, true);
    for (const char c : text) {
        switch (c) {
            case '\\':
                out.append(std::string_view("\\\\"));
                break;
            case '&':
                out.append(std::string_view("&amp;"));
                break;
            case '<':
                out.append(std::string_view("&lt;"));
                break;
            case '>':
                out.append(std::string_view("&gt;"));
                break;
            case '"':
                out.append(std::string_view("&quot;"));
                break;
            default:
                append_printable(out, c);
        }
    }
}

void append_id(fmt::memory_buffer& out, std::string_view id) {
    out.push_back('"');
    for (const char c : id) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
}

std::vector<std::string_view> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string_view> lines;
    // A name written over several lines is wrapped like any other: its breaks are cut here and
    // the pieces wrapped on.
    if (const auto newline = text.find('\n'); newline != std::string_view::npos) {
        for (auto line : wrap(text.substr(0, newline), width)) lines.push_back(line);
        for (auto line : wrap(text.substr(newline + 1), width)) lines.push_back(line);
        return lines;
    }
    while (text.size() > width) {
        auto cut = text.rfind(' ', width);
        if (cut == std::string_view::npos || cut == 0) cut = text.find(' ', width);
        if (cut == std::string_view::npos) break;
        lines.push_back(text.substr(0, cut));
        text.remove_prefix(cut + 1);
    }
    lines.push_back(text);
    return lines;
}

}  // namespace orgraph::dot_detail
