#include "load/json_reader.hpp"

#include <fmt/format.h>

#include "orgraph/model/text_checks.hpp"

namespace orgraph {

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    return nullptr;
}

std::string_view json_type_name(JsonValue::Type type) {
    switch (type) {
        case JsonValue::Type::null:
            return "null";
        case JsonValue::Type::boolean:
            return "a boolean";
        case JsonValue::Type::number:
            return "a number";
        case JsonValue::Type::string:
            return "a string";
        case JsonValue::Type::array:
            return "an array";
        case JsonValue::Type::object:
            return "an object";
    }
    return "a value";
}

namespace {

// Deep enough for any graph file; shallow enough that a hostile file cannot exhaust the stack.
constexpr int max_depth = 256;

class Parser : TextScanner {
public:
    explicit Parser(std::string_view text) : TextScanner(text) {}

    JsonValue document() {
        if (auto bad = find_invalid_utf8(m_text)) fail_at(bad->offset, bad->message);
        skip_space();
        // A UTF-8 byte order mark is tolerated at the very start.
        if (m_text.substr(m_pos).starts_with("\xEF\xBB\xBF")) {
            m_pos += 3;
            skip_space();
        }
        if (m_pos >= m_text.size()) fail("the file is empty (expected a JSON value)");
        auto value = parse_value(0);
        skip_space();
        if (m_pos < m_text.size()) fail(fmt::format("unexpected {} after the end of the JSON value", describe()));
        return value;
    }

private:
    using TextScanner::take;
    bool take(std::string_view word) {
        if (m_text.substr(m_pos).starts_with(word)) {
            m_pos += word.size();
            return true;
        }
        return false;
    }

    JsonValue parse_value(int depth) {
        if (depth > max_depth) fail("the JSON nests too deeply");
        JsonValue value;
        value.offset = m_pos;
        if (m_pos >= m_text.size()) fail("unexpected end of file (expected a value)");
        const char c = m_text[m_pos];
        if (c == '{') {
            value.type = JsonValue::Type::object;
            ++m_pos;
            skip_space();
            if (take('}')) return value;
            while (true) {
                skip_space();
                if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                    fail(fmt::format("unexpected {} (expected a key in double quotes)", describe()));
                auto key = parse_string();
                skip_space();
                if (!take(':')) fail(fmt::format("unexpected {} (expected ':' after the key)", describe()));
                skip_space();
                auto member = parse_value(depth + 1);
                value.members.push_back(JsonMember{std::move(key), std::move(member)});
                skip_space();
                if (take(',')) continue;
                if (take('}')) return value;
                fail(fmt::format("unexpected {} (expected ',' or '}}' in an object)", describe()));
            }
        }
        if (c == '[') {
            value.type = JsonValue::Type::array;
            ++m_pos;
            skip_space();
            if (take(']')) return value;
            while (true) {
                skip_space();
                value.items.push_back(parse_value(depth + 1));
                skip_space();
                if (take(',')) continue;
                if (take(']')) return value;
                fail(fmt::format("unexpected {} (expected ',' or ']' in an array)", describe()));
            }
        }
        if (c == '"') {
            value.type = JsonValue::Type::string;
            value.text = parse_string();
            return value;
        }
        if (take("true")) {
            value.type = JsonValue::Type::boolean;
            value.boolean = true;
            return value;
        }
        if (take("false")) {
            value.type = JsonValue::Type::boolean;
            return value;
        }
        if (take("null")) return value;
        // Python's json module writes these for float('nan') and float('inf').
        for (std::string_view word : {"NaN", "Infinity", "-Infinity"}) {
            if (take(word)) {
                value.type = JsonValue::Type::number;
                value.text = std::string(word);
                return value;
            }
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            value.type = JsonValue::Type::number;
            value.text = parse_number();
            return value;
        }
        fail(fmt::format("unexpected {} (expected a value: object, array, string, number, true, false or null)",
                         describe()));
    }

    std::string parse_number() {
        const auto start = m_pos;
        auto digits = [&] {
            const auto from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
            return m_pos - from;
        };
        if (m_text[m_pos] == '-') ++m_pos;
        if (!take('0') && digits() == 0) fail("malformed number (expected a digit)");
        if (take('.') && digits() == 0) fail("malformed number (expected a digit after '.')");
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (digits() == 0) fail("malformed number (expected a digit in the exponent)");
        }
        return std::string(m_text.substr(start, m_pos - start));
    }

    unsigned hex4() {
        if (m_pos + 4 > m_text.size()) fail("truncated \\u escape (expected four hex digits)");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= static_cast<unsigned>(h - 'A' + 10);
            else
                fail_at(m_pos - 1, "malformed \\u escape (expected four hex digits)");
        }
        return v;
    }

    std::string parse_string() {
        const auto start = m_pos;
        ++m_pos;  // the opening quote
        std::string out;
        while (true) {
            if (m_pos >= m_text.size()) fail_at(start, "unterminated string (expected a closing '\"')");
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                fail(c == '\n' ? "line break inside a string (expected \\n or a closing '\"')"
                               : "control character inside a string (expected it escaped)");
            if (c != '\\') {
                // Copy a run of plain bytes at once.
                const auto from = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != '"' && m_text[m_pos] != '\\' &&
                       static_cast<unsigned char>(m_text[m_pos]) >= 0x20)
                    ++m_pos;
                out.append(m_text.substr(from, m_pos - from));
                continue;
            }
            ++m_pos;
            if (m_pos >= m_text.size()) fail_at(start, "unterminated string (expected a closing '\"')");
            const char e = m_text[m_pos++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (!take("\\u")) fail("lone high surrogate in a \\u escape (expected a low surrogate next)");
                        const unsigned low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("malformed surrogate pair in a \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("lone low surrogate in a \\u escape");
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    fail_at(m_pos - 2, fmt::format("unknown escape '\\{}' in a string", e));
            }
        }
    }
};

}  // namespace

std::optional<JsonValue> parse_json(std::string_view text, JsonSyntaxError& error) {
    return parse_document([&] { return Parser(text).document(); }, error);
}

}  // namespace orgraph
