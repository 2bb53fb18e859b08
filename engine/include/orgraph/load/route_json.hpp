#pragma once
// Routes read back from a JSON document, for a diagram to highlight (DiagramParams::highlight):
// the steps of each route as entity ids, then the loaded relations that join them.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

// A document that holds no route, or a step that names no relation of the graph; the message
// says where (line:column) and what was expected.
struct route_json_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One step of a route between entity ids, optionally with the relation kind walked.
struct RouteHop {
    std::string from, to, kind;
};

// The steps of every route in a JSON document: arrays under "route" (as `orgraph path --format
// json` writes them), "hops" or "steps", of objects with from.id and to.id (or from and to as
// plain ids) and optionally the relation kind ("kind" or "relation"). Throws route_json_error.
std::vector<RouteHop> read_route_json(std::string_view json);

// The relations of the graph the steps walk, in order: for each step, the first relation (out of
// `from`, then into it) that joins its two ends either way and, when the step names one, is of its
// kind. Throws route_json_error when a step names an unknown entity or no relation joins its ends.
std::vector<RelationIndex> route_relations(const Graph& graph, const std::vector<RouteHop>& hops);

}  // namespace orgraph
