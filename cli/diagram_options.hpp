#pragma once
// The options `orgraph dot` and `orgraph render` share: what to draw and what to highlight.

#include <string>
#include <vector>

#include "command.hpp"
#include "orgraph/write/dot_writer.hpp"

namespace orgraph::cli {

struct DiagramOptions {
    DiagramParams params;
    std::string focus;
    std::vector<std::string> kinds, relations, fold, highlight;
    std::string highlight_json;
    bool no_legend = false;
    bool overview = false;
};

po::options_description diagram_options(DiagramOptions& options);
// Checks what can be checked before loading (throws usage_error).
void check_diagram_options(const DiagramOptions& options);
// Resolves names against the loaded graph and writes the DOT text; `data` dates the overview's counts.
void write_diagram_dot(std::ostream& out, const Graph& graph, DiagramOptions& options, const DataOptions& data);

}  // namespace orgraph::cli
