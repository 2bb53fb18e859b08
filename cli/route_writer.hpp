#pragma once
// How reach, path, routes and weak-points write what they find: a step of a route as a sentence
// in the relation's own words ("A — can be contacted via → B   [mfa-structure, line 90]"), as a
// JSON hop, or as a table row; the explanation of a missing route; the targets out of reach.

#include <ostream>
#include <string>
#include <vector>

#include "orgraph/analysis/routes.hpp"
#include "orgraph/analysis/traversal.hpp"
#include "orgraph/write/json_writer.hpp"

namespace orgraph::cli {

// "1 step", "3 steps".
std::string hops(std::size_t n);

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
// "unreached": each target with the connection that would reach it.
void write_unreached_json(JsonWriter& json, const TraversalView& view, const std::vector<UnreachedTarget>& unreached);

}  // namespace orgraph::cli
