#include "orgraph/write/json_writer.hpp"

#include <fmt/format.h>
#include <cmath>
#include <cstdint>

#include "orgraph/model/visible_text.hpp"

namespace orgraph {

std::string JsonWriter::escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            // Valid UTF-8 only: an invalid byte becomes U+FFFD. C1 controls and the line and
            // paragraph separators (which JavaScript takes for line ends) are escaped.
            char32_t code_point = 0;
            const int length = decode_utf8(text, i, code_point);
            if (length <= 0) {
                out += "\xEF\xBF\xBD";  // U+FFFD
                ++i;
            } else {
                if (code_point <= 0x9F || code_point == 0x2028 || code_point == 0x2029)
                    out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code_point));
                else
                    out.append(text.substr(i, static_cast<std::size_t>(length)));
                i += static_cast<std::size_t>(length);
            }
            continue;
        }
        ++i;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20 || c == 0x7F)
                    out += fmt::format("\\u{:04x}", c);
                else
                    out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

void JsonWriter::newline() {
    if (!m_indent) return;
    m_out << '\n';
    for (std::size_t i = 0; i < m_stack.size(); ++i) m_out << "  ";
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_stack.empty()) return;
    auto& level = m_stack.back();
    if (!level.empty) m_out << ',';
    level.empty = false;
    newline();
}

JsonWriter& JsonWriter::open(char bracket, bool array) {
    before_value();
    m_out << bracket;
    m_stack.push_back({array, true});
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty) newline();
    m_out << bracket;
    return *this;
}

JsonWriter& JsonWriter::begin_object() {
    return open('{', false);
}

JsonWriter& JsonWriter::end_object() {
    return close('}');
}

JsonWriter& JsonWriter::begin_array() {
    return open('[', true);
}

JsonWriter& JsonWriter::end_array() {
    return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    m_out << escape(name) << (m_indent ? ": " : ":");
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    m_out << escape(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    before_value();
    m_out << number;
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
    before_value();
    m_out << number;
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    if (std::isfinite(number))
        m_out << fmt::format("{}", number);
    else
        m_out << "null";
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    m_out << (flag ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    m_out << "null";
    return *this;
}

void JsonWriter::finish() {
    m_out << '\n';
}

}  // namespace orgraph
