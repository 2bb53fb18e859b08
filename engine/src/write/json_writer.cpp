#include "orgraph/write/json_writer.hpp"

#include <fmt/format.h>
#include <cmath>

namespace orgraph {

std::string JsonWriter::escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
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
                if (c < 0x20)
                    out += fmt::format("\\u{:04x}", c);
                else
                    out += ch;
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
