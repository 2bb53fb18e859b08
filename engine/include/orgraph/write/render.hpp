#pragma once
// Lays out DOT with Graphviz's "dot" engine and renders it, in this process, through
// Graphviz's libraries (libgvc, libcgraph): no `dot` program is run.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

enum class RenderFormat { svg, png, pdf };

// "svg", "png", "pdf"; nothing for another name.
std::optional<RenderFormat> parse_render_format(std::string_view name);

// Graphviz refused the input or failed to lay it out or render it.
struct render_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Rendering {
    std::string data;                   // the picture, in memory
    std::vector<std::string> warnings;  // what Graphviz said without failing
};

Rendering render_dot(std::string_view dot, RenderFormat format);

}  // namespace orgraph
