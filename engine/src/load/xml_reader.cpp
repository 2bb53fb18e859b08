#include "load/xml_reader.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <exception>
#include <memory>
#include <optional>
#include <vector>

#include "orgraph/model/text_checks.hpp"

namespace orgraph {

std::string_view xml_local_name(std::string_view name) {
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

namespace {

// Expat reads the document a piece at a time (its length is an int).
constexpr std::size_t chunk_size = std::size_t{1} << 20;

struct ParserDeleter {
    void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

// The state the expat callbacks share. A callback never lets an exception cross expat's C
// frames: it stores it, stops the parser, and read_xml throws it on.
class Reader {
public:
    Reader(std::string_view text, XmlHandler& handler)
        : m_text(text), m_handler(handler), m_parser(XML_ParserCreate("UTF-8")) {
        if (!m_parser) throw std::bad_alloc();
        XML_SetUserData(m_parser.get(), this);
        XML_SetElementHandler(m_parser.get(), &Reader::on_start, &Reader::on_end);
        XML_SetCharacterDataHandler(m_parser.get(), &Reader::on_text);
        XML_SetStartDoctypeDeclHandler(m_parser.get(), &Reader::on_doctype);
        XML_SetEntityDeclHandler(m_parser.get(), &Reader::on_entity);
        XML_SetParamEntityParsing(m_parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
    }

    bool run(XmlSyntaxError& error) {
        if (auto bad = find_invalid_utf8(m_text)) {
            error = {bad->offset, bad->message};
            return false;
        }
        std::size_t at = 0;
        do {
            const auto size = std::min(chunk_size, m_text.size() - at);
            const bool last = at + size == m_text.size();
            if (XML_Parse(m_parser.get(), m_text.data() + at, static_cast<int>(size), last) != XML_STATUS_OK) {
                if (m_exception) std::rethrow_exception(m_exception);
                if (m_refusal) {
                    error = std::move(*m_refusal);
                } else {
                    const auto code = XML_GetErrorCode(m_parser.get());
                    const auto index = XML_GetCurrentByteIndex(m_parser.get());
                    error = {index < 0 ? m_text.size() : static_cast<std::size_t>(index), describe(code)};
                }
                return false;
            }
            at += size;
        } while (at < m_text.size());
        return true;
    }

private:
    static std::string describe(XML_Error code) {
        switch (code) {
            case XML_ERROR_NO_ELEMENTS:
                return "no root element (expected an XML document)";
            case XML_ERROR_INVALID_TOKEN:
                return "not well-formed (a character XML 1.0 forbids, or markup that is not XML)";
            case XML_ERROR_BAD_CHAR_REF:
                return "a reference to a character XML 1.0 forbids (such as &#1; or &#xFFFE;)";
            case XML_ERROR_UNDEFINED_ENTITY:
                return "an unknown entity (expected &lt; &gt; &amp; &quot; &apos; or a character reference)";
            case XML_ERROR_TAG_MISMATCH:
                return "an end tag that does not match the open element";
            case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
                return "text or a second root element after the root element (expected one root element)";
            case XML_ERROR_DUPLICATE_ATTRIBUTE:
                return "an attribute given twice in one element";
            case XML_ERROR_NO_MEMORY:
                return "out of memory while reading the document";
            default:
                return XML_ErrorString(code);
        }
    }

    std::size_t offset() const {
        const auto index = XML_GetCurrentByteIndex(m_parser.get());
        return index < 0 ? 0 : static_cast<std::size_t>(index);
    }

    // Refuses with the offset already set in m_refusal, if any.
    void refuse_at_start(std::string message) {
        if (m_refusal && m_refusal->message.empty()) {
            m_refusal->message = std::move(message);
            XML_StopParser(m_parser.get(), XML_FALSE);
            return;
        }
        refuse(std::move(message));
    }

    void refuse(std::string message) {
        if (!m_refusal) m_refusal = XmlSyntaxError{offset(), std::move(message)};
        XML_StopParser(m_parser.get(), XML_FALSE);
    }

    template <typename F>
    void guarded(F&& f) {
        if (m_exception || m_refusal) return;
        try {
            f();
        } catch (...) {
            m_exception = std::current_exception();
            XML_StopParser(m_parser.get(), XML_FALSE);
        }
    }

    static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
        auto& self = *static_cast<Reader*>(data);
        self.guarded([&] {
            ++self.m_depth;
            if (self.m_depth > xml_max_depth) {
                self.refuse(
                    fmt::format("elements nested more than {} deep (at <{}>)", xml_max_depth, quoted_excerpt(name)));
                return;
            }
            self.m_attributes.clear();
            for (auto** a = attributes; *a; a += 2) self.m_attributes.push_back({a[0], a[1]});
            self.m_handler.start_element(name, self.m_attributes, self.offset(), self.m_depth);
        });
    }

    static void XMLCALL on_end(void* data, const XML_Char* name) {
        auto& self = *static_cast<Reader*>(data);
        self.guarded([&] {
            self.m_handler.end_element(name, self.m_depth);
            --self.m_depth;
        });
    }

    static void XMLCALL on_text(void* data, const XML_Char* text, int length) {
        auto& self = *static_cast<Reader*>(data);
        self.guarded([&] {
            if (self.m_depth > 0)
                self.m_handler.text(std::string_view(text, static_cast<std::size_t>(length)), self.m_depth);
        });
    }

    static void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto& self = *static_cast<Reader*>(data);
        // Point at the declaration's start, not where expat stands inside it.
        if (const auto at = self.m_text.rfind("<!DOCTYPE", self.offset()); at != std::string_view::npos)
            self.m_refusal = XmlSyntaxError{at, {}};
        self.refuse_at_start(
            "a DOCTYPE declaration (DTDs, entity declarations and external entities are refused; GraphML needs "
            "none)");
    }

    static void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                  const XML_Char*, const XML_Char*, const XML_Char*) {
        static_cast<Reader*>(data)->refuse("an entity declaration (entities are refused; GraphML needs none)");
    }

    std::string_view m_text;
    XmlHandler& m_handler;
    std::unique_ptr<XML_ParserStruct, ParserDeleter> m_parser;
    std::vector<XmlAttribute> m_attributes;
    std::size_t m_depth = 0;
    std::optional<XmlSyntaxError> m_refusal;
    std::exception_ptr m_exception;
};

}  // namespace

bool read_xml(std::string_view text, XmlHandler& handler, XmlSyntaxError& error) {
    Reader reader(text, handler);
    return reader.run(error);
}

}  // namespace orgraph
