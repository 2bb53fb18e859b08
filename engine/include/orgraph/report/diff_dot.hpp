#pragma once
// GraphViz DOT of a diff (analysis/diff.hpp): the entities and stated relations that were added,
// removed or changed, in three styles (added: green, bold; removed: red, dashed; changed:
// orange), and, in grey, the unchanged entities at the ends of changed relations so that every
// edge has both its ends. Node ids are entity ids; tooltips hold each fact's sources and, for a
// changed one, every field that changed. The same diff gives the same text.

#include <string>

#include "orgraph/analysis/diff.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph {

std::string diff_dot(const Graph& before, const Graph& after, const GraphDiff& diff, const std::string& title);

}  // namespace orgraph
