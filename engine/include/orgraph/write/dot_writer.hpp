#pragma once
// GraphViz DOT of a graph: by default an organisation chart (each ministry and what it
// contains, with the things its parts point at), or the neighbourhood of one entity; styled by
// kind with a legend, every fact's sources in tooltips, a route highlighted on request.
//
// The text is built in one buffer with fmt, so that a graph of a million entities is written
// in seconds; node ids are the entity ids, so the same data gives the same file byte for byte.

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orgraph/model/date.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph {

struct DiagramParams {
    // The entity whose neighbourhood is drawn; none: the organisation chart of every entity of the
    // schema's chart root kind ([presentation.chart]; without one, or without such entities, the
    // whole graph).
    std::optional<EntityIndex> focus;
    unsigned depth = 1;                  // steps from the focus, along relations either way
    std::vector<std::string> kinds;      // entity kinds drawn (with their subkinds); empty: all
    std::vector<std::string> relations;  // relation kinds drawn; empty: all
    // Entity kinds (with their subkinds; by id or plural) folded into the nodes related to them, as
    // rows of a table instead of nodes of their own. Nothing set: in the organisation chart, what
    // lies outside the organisation and the schema's folded kinds; in a neighbourhood, nothing.
    std::optional<std::vector<std::string>> fold;
    bool legend = true;
    // Relations to draw highlighted, e.g. a shortest route; their entities are always drawn.
    std::vector<RelationIndex> highlight;
    std::string title;  // empty: a title saying what is drawn
    // The overview instead of the organisation chart: the chart's roots and only the parts of the
    // kinds [presentation.overview] names, each counted part labelled with the number of places
    // it covers as compute_coverage() counts them (for `as_of`, else `today`). Not with a focus,
    // a fold or a highlight.
    bool overview = false;
    std::optional<Date> as_of, today;
};

// A bad parameter (an unknown kind or relation kind); the message says what was expected.
struct diagram_error : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// Writes the DOT text of the diagram, in pieces as it goes.
void write_dot(std::ostream& out, const Graph& graph, const DiagramParams& params);
// The DOT text of the diagram.
std::string write_dot(const Graph& graph, const DiagramParams& params);

// A shortest route from one entity to another, as the relations it walks, in order: the route
// `orgraph path` finds (analysis/paths.hpp): each step follows a relation forward, or backward
// where its kind allows (relation_kind.backward). `relations` limits the kinds walked.
std::optional<std::vector<RelationIndex>> shortest_route(const Graph& graph, EntityIndex from, EntityIndex to,
                                                         const std::vector<std::string>& relations = {});

// The relations of a route given as steps between entity ids ("from", "to", optionally the
// relation "kind"), e.g. read from `orgraph path --format json`. Throws diagram_error when a hop
// names an unknown entity or no relation joins its two ends.
struct RouteHop {
    std::string from, to, kind;
};
std::vector<RelationIndex> route_relations(const Graph& graph, const std::vector<RouteHop>& hops);

// The steps of every route in a JSON document: arrays under "route" (as `orgraph path --format
// json` writes them), "hops" or "steps", of objects with from.id and to.id (or from and to as
// plain ids) and optionally the relation kind. Throws diagram_error saying where it is wrong.
std::vector<RouteHop> read_route_json(std::string_view json);

}  // namespace orgraph
