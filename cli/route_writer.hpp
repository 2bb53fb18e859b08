#pragma once
// How reach, path, routes and weak-points write what they find: a step of a route as a sentence
// in the relation's own words ("A — can be contacted via → B   [mfa-structure, line 90]"), as a
// JSON hop, or as a table row; the explanation of a missing route; the targets out of reach.

#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "command.hpp"
#include "orgraph/analysis/routes.hpp"
#include "orgraph/analysis/traversal.hpp"
#include "orgraph/write/json_entity.hpp"
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

// The derived relations a set of routes rests on, each numbered once (D1, D2, ...) in the order
// the routes first meet it, a derived relation's own derived facts right after it; steps then
// refer to the number instead of repeating the derivation under every route.
class Derivations {
public:
    explicit Derivations(const Graph& graph) : m_graph(graph) {}
    // Numbers the route's derived steps and, depth first, the derived facts behind them.
    void add(const Route& route);
    // "D3"; empty for a relation that is not derived.
    [[nodiscard]] std::string label(RelationIndex relation) const;
    // The derived relations, in the order of their numbers.
    [[nodiscard]] const std::vector<RelationIndex>& relations() const { return m_order; }

private:
    void add_relation(RelationIndex relation);

    const Graph& m_graph;
    std::unordered_map<RelationIndex, std::size_t> m_numbers;
    std::vector<RelationIndex> m_order;
};

// "A — oversees → B   [D3: rule R]": a derived step by its number; a stated one as step_line.
std::string step_line_numbered(const Graph& graph, const Step& step, const Derivations& derivations);
// The route, one step a line, derived steps by their number.
void write_route_text_numbered(std::ostream& out, const Graph& graph, const Route& route, const std::string& indent,
                               const Derivations& derivations);
// "Derivations (N):" and each numbered derivation once: "D1  A — oversees → B   [rule R, from:]"
// and the facts it rests on, one an indented line (derived facts again by number). Nothing when
// there are none.
void write_derivations_text(std::ostream& out, const Graph& graph, const Derivations& derivations);
// The same as a table, one row per fact: derivation, derives, rule, then the step columns.
std::vector<std::string> derivation_columns();
void add_derivation_rows(std::vector<std::vector<std::string>>& rows, const Graph& graph,
                         const Derivations& derivations);
// What an answer that shows routes used: every step's relation (with its ends and, derived, the
// facts it rests on); a missing route's explanation, the connection it proposes.
void use_route(AnswerUses& uses, const Route& route);
void use_no_route(AnswerUses& uses, const NoRouteExplanation& why);
// The entities a route passes through, its two ends left out.
std::vector<EntityIndex> route_through(const Route& route);
void write_step_json(JsonWriter& json, const Graph& graph, const Step& step);
void write_route_json(JsonWriter& json, const Graph& graph, const Route& route);

// Columns of a step in a hop table, and their values.
std::vector<std::string> step_columns();
constexpr std::size_t step_derived_column = 7;  // "derived": "no" or "rule R"
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
