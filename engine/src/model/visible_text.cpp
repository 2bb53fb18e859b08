#include "orgraph/model/visible_text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace orgraph {
namespace {

// Characters that are valid UTF-8 but act on a terminal or on the order of a line.
bool hidden(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

bool is_ascii(unsigned char byte) {
    return byte < 0x80;
}

bool plain_ascii(unsigned char byte, bool keep_newlines) {
    return (byte >= 0x20 && byte < 0x7F) || (keep_newlines && byte == '\n');
}

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

int decode_utf8(std::string_view text, std::size_t i, char32_t& code_point) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = 0;
    char32_t value = 0;
    if (byte >= 0xC2 && byte <= 0xDF) {
        length = 2;
        value = byte & 0x1Fu;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
        length = 3;
        value = byte & 0x0Fu;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
        length = 4;
        value = byte & 0x07u;
    } else {
        return 0;
    }
    for (int k = 1; k < length; ++k) {
        const auto at = i + static_cast<std::size_t>(k);
        if (at >= text.size()) return -1;  // cut short, valid so far
        const auto next = static_cast<unsigned char>(text[at]);
        if ((next & 0xC0u) != 0x80u) return 0;
        value = (value << 6) | (next & 0x3Fu);
        // The first two bytes already tell an overlong form, a surrogate or a code point past
        // U+10FFFF, so that a cut-short sequence is known invalid as early as a whole one.
        if (k == 1 && ((length == 3 && (value < 0x20 || (value >= 0x360 && value <= 0x37F))) ||
                       (length == 4 && (value < 0x10 || value > 0x10F))))
            return 0;
    }
    if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
        (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    code_point = value;
    return length;
}

bool needs_escape(std::string_view text, bool keep_newlines) {
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (is_ascii(byte)) {
            if (!plain_ascii(byte, keep_newlines)) return true;
            ++i;
            continue;
        }
        char32_t c = 0;
        const int length = decode_utf8(text, i, c);
        if (length <= 0 || hidden(c)) return true;
        i += static_cast<std::size_t>(length);
    }
    return false;
}

std::size_t append_visible(std::string& out, std::string_view text, bool keep_newlines, bool complete) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (plain_ascii(byte, keep_newlines)) {
            // A run of plain characters at once.
            std::size_t end = i + 1;
            while (end < text.size() && plain_ascii(static_cast<unsigned char>(text[end]), keep_newlines)) ++end;
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (is_ascii(byte)) {
            if (byte == '\n')
                out += "\\n";
            else if (byte == '\r')
                out += "\\r";
            else if (byte == '\t')
                out += "\\t";
            else
                out += fmt::format("\\x{:02x}", byte);
            ++i;
            continue;
        }
        char32_t c = 0;
        const int length = decode_utf8(text, i, c);
        if (length < 0 && !complete) return i;
        if (length <= 0) {
            out += fmt::format("\\x{:02x}", byte);
            ++i;
            continue;
        }
        if (hidden(c))
            out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
        else
            out.append(text.substr(i, static_cast<std::size_t>(length)));
        i += static_cast<std::size_t>(length);
    }
    return i;
}

std::string visible(std::string_view text, bool keep_newlines) {
    if (!needs_escape(text, keep_newlines)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    append_visible(out, text, keep_newlines);
    return out;
}

std::string_view valid_utf8(std::string_view text, std::string& storage, bool xml) {
    auto changes = [xml](std::string_view t, std::size_t i, char32_t& c, int& length) {
        length = decode_utf8(t, i, c);
        return length <= 0 || (xml && (c == 0xFFFE || c == 0xFFFF));
    };
    std::size_t i = 0;
    char32_t c = 0;
    int length = 0;
    // Most text is fine: find the first change before copying anything.
    while (i < text.size()) {
        if (is_ascii(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        if (changes(text, i, c, length)) break;
        i += static_cast<std::size_t>(length);
    }
    if (i == text.size()) return text;
    storage.assign(text.substr(0, i));
    while (i < text.size()) {
        if (is_ascii(static_cast<unsigned char>(text[i]))) {
            storage += text[i++];
            continue;
        }
        if (changes(text, i, c, length)) {
            storage += replacement;
            // An invalid byte is replaced alone; a forbidden character as a whole.
            i += length > 0 ? static_cast<std::size_t>(length) : 1;
            continue;
        }
        storage.append(text.substr(i, static_cast<std::size_t>(length)));
        i += static_cast<std::size_t>(length);
    }
    return storage;
}

VisibleStreamBuf::~VisibleStreamBuf() {
    finish();
}

bool VisibleStreamBuf::put(std::string_view text, bool complete) {
    m_buffer.clear();
    if (!m_pending.empty()) {
        // The held-back start of a sequence (at most three bytes) goes first; rarely taken.
        std::string joined = std::move(m_pending);
        m_pending.clear();
        joined.append(text);
        const auto used = append_visible(m_buffer, joined, true, complete);
        m_pending.assign(std::string_view(joined).substr(used));
    } else {
        const auto used = append_visible(m_buffer, text, true, complete);
        m_pending.assign(text.substr(used));
    }
    const auto size = static_cast<std::streamsize>(m_buffer.size());
    return m_target->sputn(m_buffer.data(), size) == size;
}

std::streamsize VisibleStreamBuf::xsputn(const char* data, std::streamsize size) {
    if (size <= 0) return 0;
    return put({data, static_cast<std::size_t>(size)}, false) ? size : 0;
}

VisibleStreamBuf::int_type VisibleStreamBuf::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return put({&ch, 1}, false) ? c : traits_type::eof();
}

int VisibleStreamBuf::sync() {
    return m_target->pubsync();
}

void VisibleStreamBuf::finish() {
    if (!m_pending.empty()) {
        m_buffer.clear();
        append_visible(m_buffer, m_pending, true, true);
        m_pending.clear();
        m_target->sputn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    }
    m_target->pubsync();
}

void append_xml(std::string& out, std::string_view raw, bool attribute) {
    std::string storage;
    for (const char c : valid_utf8(raw, storage, true)) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\r':
                out += "&#13;";
                break;
            case '\n':
                out += attribute ? "&#10;" : "\n";
                break;
            case '\t':
                out += attribute ? "&#9;" : "\t";
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
    }
}

}  // namespace orgraph
