#pragma once
// A streaming XML reader over libexpat, enough for GraphML: it calls a handler for every start
// tag (with its attributes), end tag and run of character data, and builds no tree, so neither
// the depth of a document nor the number of attributes of an element costs more than their
// size. It refuses what a data file has no use for and a hostile one could abuse: a DOCTYPE
// (and with it every DTD and entity declaration, internal or external), elements nested deeper
// than max_depth, bytes that are not UTF-8 and characters XML 1.0 forbids (expat refuses those,
// raw or as references such as &#1; or &#xFFFE;). The document is read as UTF-8 whatever its
// XML declaration says.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "load/text_scanner.hpp"

namespace orgraph {

struct XmlAttribute {
    std::string_view name;   // as written, with any prefix ("xmlns:y")
    std::string_view value;  // references decoded, white space normalised as XML 1.0 says
};

// The name without a namespace prefix ("y:ShapeNode" -> "ShapeNode").
std::string_view xml_local_name(std::string_view name);

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    // `offset` is the byte offset of the '<' that opens the tag; `depth` is 1 for the root.
    virtual void start_element(std::string_view name, std::span<const XmlAttribute> attributes, std::size_t offset,
                               std::size_t depth) = 0;
    virtual void end_element(std::string_view name, std::size_t depth) = 0;
    // Character data (CDATA sections included) directly inside the element at `depth`, in
    // pieces as they come.
    virtual void text(std::string_view text, std::size_t depth) = 0;
};

using XmlSyntaxError = SyntaxError;

// Deep enough for any GraphML that yEd, Gephi or NetworkX writes (they nest fewer than 20
// levels); a deeper document is refused where it first goes deeper.
inline constexpr std::size_t xml_max_depth = 256;

// Reads the whole document, calling `handler` as it goes. False, with where and why in `error`,
// when the document is not well-formed or is refused; an exception thrown by the handler stops
// the reading and is thrown on from here.
bool read_xml(std::string_view text, XmlHandler& handler, XmlSyntaxError& error);

}  // namespace orgraph
