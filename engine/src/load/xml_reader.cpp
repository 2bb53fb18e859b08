#include "load/xml_reader.hpp"

#include <fmt/format.h>

namespace orgraph {

std::string_view XmlElement::local_name() const {
    const std::string_view n = name;
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const std::string* XmlElement::attribute(std::string_view attribute_name) const {
    for (const auto& [k, v] : attributes)
        if (k == attribute_name) return &v;
    return nullptr;
}

namespace {

class Parser : TextScanner {
public:
    explicit Parser(std::string_view text) : TextScanner(text) {}

    XmlElement document() {
        if (m_text.starts_with("\xEF\xBB\xBF")) m_pos = 3;
        std::vector<XmlElement> stack;
        std::optional<XmlElement> root;
        while (m_pos < m_text.size()) {
            if (m_text[m_pos] != '<') {
                const auto start = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != '<') ++m_pos;
                auto text = m_text.substr(start, m_pos - start);
                if (stack.empty()) {
                    for (std::size_t i = 0; i < text.size(); ++i)
                        if (!is_space(text[i]))
                            fail_at(start + i, root ? "text after the root element" : "text before the root element");
                } else {
                    decode(text, start, stack.back().text);
                }
                continue;
            }
            const auto rest = m_text.substr(m_pos);
            if (rest.starts_with("<!--")) {
                const auto end = m_text.find("-->", m_pos + 4);
                if (end == std::string_view::npos) fail("unterminated comment (expected '-->')");
                m_pos = end + 3;
            } else if (rest.starts_with("<![CDATA[")) {
                if (stack.empty()) fail("CDATA section outside the root element");
                const auto end = m_text.find("]]>", m_pos + 9);
                if (end == std::string_view::npos) fail("unterminated CDATA section (expected ']]>')");
                stack.back().text.append(m_text.substr(m_pos + 9, end - m_pos - 9));
                m_pos = end + 3;
            } else if (rest.starts_with("<?")) {
                const auto end = m_text.find("?>", m_pos + 2);
                if (end == std::string_view::npos) fail("unterminated processing instruction (expected '?>')");
                m_pos = end + 2;
            } else if (rest.starts_with("<!DOCTYPE")) {
                skip_doctype();
            } else if (rest.starts_with("</")) {
                const auto start = m_pos;
                m_pos += 2;
                const auto name = read_name();
                skip_space();
                expect('>', "'>' to close the end tag");
                if (stack.empty()) fail_at(start, fmt::format("end tag </{}> without a start tag", name));
                if (stack.back().name != name)
                    fail_at(start, fmt::format("end tag </{}> does not match the open element <{}> (expected </{}>)",
                                               name, stack.back().name, stack.back().name));
                close(stack, root);
            } else {
                if (stack.empty() && root) fail("a second root element (expected one root element)");
                stack.push_back(read_start_tag());
                if (m_self_closing) close(stack, root);
            }
        }
        if (!stack.empty())
            fail_at(stack.back().offset,
                    fmt::format("element <{}> is never closed (expected </{}>)", stack.back().name, stack.back().name));
        if (!root) fail_at(0, "no root element (expected an XML document)");
        return std::move(*root);
    }

private:
    static bool is_name_char(char c) {
        return !is_space(c) && c != '/' && c != '>' && c != '=' && c != '<' && c != '"' && c != '\'' && c != '?' &&
               c != '!';
    }

    static void close(std::vector<XmlElement>& stack, std::optional<XmlElement>& root) {
        auto element = std::move(stack.back());
        stack.pop_back();
        if (stack.empty())
            root = std::move(element);
        else
            stack.back().children.push_back(std::move(element));
    }

    void expect(char c, std::string_view what) {
        if (!take(c)) fail(fmt::format("unexpected {} (expected {})", describe(), what));
    }

    void skip_doctype() {
        // <!DOCTYPE name [ internal subset ]>: brackets may hold '>' of their own.
        int brackets = 0;
        const auto start = m_pos;
        for (m_pos += 9; m_pos < m_text.size(); ++m_pos) {
            const char c = m_text[m_pos];
            if (c == '[') ++brackets;
            if (c == ']') --brackets;
            if (c == '>' && brackets <= 0) {
                ++m_pos;
                return;
            }
        }
        fail_at(start, "unterminated DOCTYPE (expected '>')");
    }

    std::string read_name() {
        const auto start = m_pos;
        while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) ++m_pos;
        if (m_pos == start) fail(fmt::format("unexpected {} (expected a name)", describe()));
        return std::string(m_text.substr(start, m_pos - start));
    }

    XmlElement read_start_tag() {
        XmlElement element;
        element.offset = m_pos;
        ++m_pos;  // '<'
        element.name = read_name();
        m_self_closing = false;
        while (true) {
            const bool had_space = m_pos < m_text.size() && is_space(m_text[m_pos]);
            skip_space();
            if (m_pos >= m_text.size())
                fail_at(element.offset, fmt::format("unterminated start tag <{}>", element.name));
            if (m_text[m_pos] == '>') {
                ++m_pos;
                return element;
            }
            if (m_text[m_pos] == '/') {
                ++m_pos;
                expect('>', "'>' after '/'");
                m_self_closing = true;
                return element;
            }
            if (!had_space) fail(fmt::format("unexpected {} (expected a space before the attribute)", describe()));
            const auto attribute_start = m_pos;
            auto key = read_name();
            skip_space();
            expect('=', fmt::format("'=' after attribute '{}'", key));
            skip_space();
            if (m_pos >= m_text.size() || (m_text[m_pos] != '"' && m_text[m_pos] != '\''))
                fail(fmt::format("unexpected {} (expected the value of attribute '{}' in quotes)", describe(), key));
            const char quote = m_text[m_pos++];
            const auto value_start = m_pos;
            const auto end = m_text.find(quote, m_pos);
            if (end == std::string_view::npos)
                fail_at(value_start - 1, fmt::format("unterminated value of attribute '{}'", key));
            const auto raw = m_text.substr(value_start, end - value_start);
            if (const auto lt = raw.find('<'); lt != std::string_view::npos)
                fail_at(value_start + lt, fmt::format("'<' in the value of attribute '{}' (expected &lt;)", key));
            // Literal white space in an attribute value reads as a space (XML 1.0, 3.3.3); a
            // character reference such as &#10; keeps what it stands for, so normalise first.
            std::string normalised(raw);
            for (auto& c : normalised)
                if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            std::string value;
            decode(normalised, value_start, value);
            m_pos = end + 1;
            if (element.attribute(key))
                fail_at(attribute_start, fmt::format("attribute '{}' given twice in <{}>", key, element.name));
            element.attributes.emplace_back(std::move(key), std::move(value));
        }
    }

    // Replaces character and entity references; `base` is the offset of `raw` for messages.
    void decode(std::string_view raw, std::size_t base, std::string& out) const {
        std::size_t i = 0;
        while (i < raw.size()) {
            const auto amp = raw.find('&', i);
            if (amp == std::string_view::npos) {
                out.append(raw.substr(i));
                return;
            }
            out.append(raw.substr(i, amp - i));
            const auto semi = raw.find(';', amp);
            if (semi == std::string_view::npos || semi - amp > 12)
                fail_at(base + amp, "'&' that starts no reference (expected &amp;)");
            const auto ref = raw.substr(amp + 1, semi - amp - 1);
            if (ref == "lt")
                out += '<';
            else if (ref == "gt")
                out += '>';
            else if (ref == "amp")
                out += '&';
            else if (ref == "quot")
                out += '"';
            else if (ref == "apos")
                out += '\'';
            else if (ref.starts_with('#')) {
                unsigned long cp = 0;
                const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
                const auto digits = ref.substr(hex ? 2 : 1);
                bool ok = !digits.empty();
                for (char d : digits) {
                    unsigned v = 0;
                    if (d >= '0' && d <= '9')
                        v = static_cast<unsigned>(d - '0');
                    else if (hex && d >= 'a' && d <= 'f')
                        v = static_cast<unsigned>(d - 'a' + 10);
                    else if (hex && d >= 'A' && d <= 'F')
                        v = static_cast<unsigned>(d - 'A' + 10);
                    else
                        ok = false;
                    cp = cp * (hex ? 16 : 10) + v;
                    if (cp > 0x10FFFF) ok = false;
                }
                if (!ok || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
                    fail_at(base + amp, fmt::format("malformed character reference '&{};'", ref));
                append_utf8(out, static_cast<std::uint32_t>(cp));
            } else {
                fail_at(base + amp, fmt::format("unknown entity '&{};' (expected &lt; &gt; &amp; &quot; &apos; or "
                                                "a character reference)",
                                                ref));
            }
            i = semi + 1;
        }
    }

    bool m_self_closing = false;
};

}  // namespace

std::optional<XmlElement> parse_xml(std::string_view text, XmlSyntaxError& error) {
    return parse_document([&] { return Parser(text).document(); }, error);
}

}  // namespace orgraph
