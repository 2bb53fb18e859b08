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
#include <vector>

#include "orgraph/model/date.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph {

// How many places each entity of an overview covers, and what they are, for its captions and
// title: counted by the caller (overview_counts() in report/overview.hpp, which runs the coverage
// analysis), so that drawing runs no analysis.
struct OverviewCounts {
    std::vector<std::size_t> places;  // per entity; empty: nothing is counted
    std::vector<bool> counted_kind;   // per entity kind: whether its entities get a caption
    std::string singular, plural;     // what a place is: "country", "countries"
    std::string relation;             // how a unit answers for one: "covers"
    std::optional<Date> date;         // the date counted for
};

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
    // Relations to draw highlighted, e.g. a route (shortest_route, analysis/paths.hpp, or
    // route_relations, load/route_json.hpp); their entities are always drawn.
    std::vector<RelationIndex> highlight;
    std::string title;  // empty: a title saying what is drawn
    // The overview instead of the organisation chart: the chart's roots and only the parts of the
    // kinds [presentation.overview] names, each counted part labelled with the number of places
    // it covers (`overview_counts`, made by the caller: report/overview.hpp). Not with a focus,
    // a fold or a highlight.
    bool overview = false;
    OverviewCounts overview_counts;
};

// A bad parameter (an unknown kind or relation kind); the message says what was expected.
struct diagram_error : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// Writes the DOT text of the diagram, in pieces as it goes.
void write_dot(std::ostream& out, const Graph& graph, const DiagramParams& params);
// The DOT text of the diagram.
std::string write_dot(const Graph& graph, const DiagramParams& params);

}  // namespace orgraph
