#pragma once
// What reach, path, routes and weak-points share: the --via/--through options, and the way a
// step of a route is written — as a sentence in the relation's own words ("A — can be
// contacted via → B   [mfa-structure, line 90]"), as a JSON hop, or as a table row — together
// with the explanation of a missing route.

#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "orgraph/analysis/traversal.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/write/json_writer.hpp"

namespace orgraph::cli {

struct RouteFilterOptions {
    std::vector<std::string> via;      // relation kinds; repeatable, or comma-separated
    std::vector<std::string> through;  // entity kinds
};
po::options_description route_filter_options(RouteFilterOptions& options);
// "a,b" and repeated options alike, as one list; blanks around items and empty items dropped.
std::vector<std::string> split_list(const std::vector<std::string>& values);

// Loads the graph for a route command. Derived relations are always derived and --no-derived
// only keeps routes off them, so that a missing route can still say that one would help.
Graph load_route_graph(const DataOptions& data);
TraversalParams traversal_params(const RouteFilterOptions& filters, const DataOptions& data);
// Runs `work`, turning an unknown kind in the options into a command-line error.
template <typename Work>
auto with_known_kinds(Work&& work) {
    try {
        return work();
    } catch (const unknown_kind_error& e) {
        throw usage_error(std::string(e.what()) + " (see 'orgraph info' for the kinds this dataset has)");
    }
}

// Resolves ENTITY like resolve_one; when --as-of left it out, says so and when it held instead
// of only that no entity has the name.
EntityIndex resolve_route_entity(const Graph& graph, const NameResolver& resolver, const std::string& text,
                                 const DataOptions& data);

// "Asian Affairs Department 1 (aad1)".
std::string entity_label(const Graph& graph, EntityIndex entity);
// The same, with the entity's validity when it has one: "DPRK Embassy in Luanda (emb-ago-luanda;
// valid until 2023)".
std::string entity_label_dated(const Graph& graph, EntityIndex entity);
// The relation read in the direction walked: "covers" or "is covered by".
std::string step_phrase(const Graph& graph, const Step& step);
// "A — covers → B": names only.
std::string step_sentence(const Graph& graph, const Step& step);
// "A — covers → B   [mfa-structure, line 5]". A derived step says "[derived by rule R, from:]",
// to be followed by what it rests on, or, `flat`, "[derived by rule R; <the facts' sources>]".
std::string step_line(const Graph& graph, const Step& step, bool flat = false);
// "aad1 — covers → CHN": ids only, for tables.
std::string step_ids(const Graph& graph, const Step& step);

// The route, one step a line with `indent`, derived steps followed by what they rest on.
void write_route_text(std::ostream& out, const Graph& graph, const Route& route, const std::string& indent);
void write_step_json(JsonWriter& json, const Graph& graph, const Step& step);
void write_route_json(JsonWriter& json, const Graph& graph, const Route& route);
void write_entity_json(JsonWriter& json, const Graph& graph, EntityIndex entity);

// Columns of a step in a hop table, and their values.
std::vector<std::string> step_columns();
std::vector<std::string> step_cells(const Graph& graph, const Step& step);

// Why there is no route, for people and for JSON.
void write_no_route_text(std::ostream& out, const TraversalView& view, EntityIndex from, EntityIndex to,
                         const NoRouteExplanation& why);
void write_no_route_json(JsonWriter& json, const TraversalView& view, const NoRouteExplanation& why);
void write_side_text(std::ostream& out, const TraversalView& view, const SideSummary& side, EntityIndex end,
                     bool towards);
void write_side_json(JsonWriter& json, const TraversalView& view, const SideSummary& side);
// The changes a connection needs, as sentences ("walk 'includes' backwards (backward = false in
// the schema)"), in the order the connection meets them.
std::vector<std::string> connection_changes(const TraversalView& view, const Route& route,
                                            const std::vector<Obstacle>& obstacles);
void write_connection_text(std::ostream& out, const TraversalView& view, const Route& route,
                           const std::vector<Obstacle>& obstacles, const std::string& indent);
void write_connection_json(JsonWriter& json, const TraversalView& view, bool found, const Route& route,
                           const std::vector<Obstacle>& obstacles);

}  // namespace orgraph::cli
