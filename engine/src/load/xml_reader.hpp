#pragma once
// A small XML reader, enough for GraphML: elements, attributes, character data, CDATA, the
// predefined and numeric character references; comments, processing instructions and a
// DOCTYPE are skipped. It checks well-formedness (matching tags, quoted attributes, one root)
// and remembers where every element starts.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/text_scanner.hpp"

namespace orgraph {

struct XmlElement {
    std::string name;  // as written, with any prefix ("y:ShapeNode")
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<XmlElement> children;
    std::string text;  // character data directly inside the element, concatenated
    std::size_t offset = 0;

    // The name without a namespace prefix.
    [[nodiscard]] std::string_view local_name() const;
    [[nodiscard]] const std::string* attribute(std::string_view name) const;
};

using XmlSyntaxError = SyntaxError;

// Parses a whole document and returns its root element.
std::optional<XmlElement> parse_xml(std::string_view text, XmlSyntaxError& error);

}  // namespace orgraph
