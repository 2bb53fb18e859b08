#pragma once
// The graph as routes see it: which relations a route may follow, in which direction, and
// which entities it may pass through. Shared by reach, paths, routes and weak points.
//
// A route follows a relation forward, from its `from` to its `to`, and backward only where the
// relation kind says `backward = true` (an association reaches the ministry that sponsors it,
// and from the ministry the departments that are part of it). --via narrows the relation kinds,
// --through the entity kinds a route may pass through (the two ends may be of any kind).
//
// Everything is deterministic: the steps leaving an entity come sorted by the id of the entity
// they lead to, then by relation index, then forward before backward; a breadth-first search
// that scans them in that order finds, of all shortest routes, the one whose entities' ids read
// first in byte order.

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

struct TraversalParams {
    std::vector<std::string> via;      // relation kinds a route may follow; empty: every kind
    std::vector<std::string> through;  // entity kinds a route may pass through; empty: every kind
    bool derived = true;               // follow derived relations
};

// Thrown when the params name a kind the schema does not know.
struct unknown_kind_error : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};
// "unknown entity kind 'embasy'; did you mean 'embassy'?" (the suggestion when one is close).
unknown_kind_error unknown_entity_kind(const Schema& schema, std::string_view id);
unknown_kind_error unknown_relation_kind(const Schema& schema, std::string_view id);

// One step of a route: a relation walked forward (from its `from` to its `to`) or backward.
struct Step {
    RelationIndex relation = 0;
    bool backward = false;
    EntityIndex from = 0;  // where the step starts, as walked
    EntityIndex to = 0;    // where it ends, as walked

    bool operator==(const Step& other) const { return relation == other.relation && backward == other.backward; }
};

using Route = std::vector<Step>;

// Why a route may not take a step; several reasons may hold at once.
enum Refusal : std::uint8_t {
    refusal_none = 0,
    refusal_not_in_via = 1,    // its relation kind is not among --via
    refusal_not_backward = 2,  // walked backward, but the kind says backward = false
    refusal_derived_off = 4,   // a derived relation, and derived relations are off
};

constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

class TraversalView {
public:
    // Throws unknown_kind_error for a --via or --through kind the schema lacks.
    TraversalView(const Graph& graph, const TraversalParams& params);

    [[nodiscard]] const Graph& graph() const { return m_graph; }
    [[nodiscard]] const TraversalParams& params() const { return m_params; }

    // The steps a route may take out of `entity` (or, with `reverse`, the steps that lead into
    // it), replacing the contents of `out`, sorted as described above by the entity at the
    // other end. Whether `entity` may be passed through is the caller's concern (may_pass).
    void steps(EntityIndex entity, bool reverse, std::vector<Step>& out) const;
    // Every step out of (or into) `entity` in either direction, allowed or not, sorted alike.
    // Neither sorts: the graph keeps each entity's relations in this order.
    void all_steps(EntityIndex entity, bool reverse, std::vector<Step>& out) const;

    [[nodiscard]] std::uint8_t refusal(RelationIndex relation, bool backward) const;
    [[nodiscard]] bool may_pass(EntityIndex entity) const { return m_passable[m_graph.entity(entity).kind]; }
    [[nodiscard]] bool kind_filtered() const { return !m_params.through.empty(); }

    // The order steps are sorted in: entity id at the far end, relation index, forward first.
    [[nodiscard]] bool before(const Step& a, const Step& b, bool reverse) const;

private:
    const Graph& m_graph;
    TraversalParams m_params;
    std::vector<bool> m_forward;   // per relation kind: may be walked forward
    std::vector<bool> m_backward;  // per relation kind: may be walked backward
    std::vector<bool> m_in_via;    // per relation kind
    std::vector<bool> m_passable;  // per entity kind
};

// A breadth-first search from one entity over the view: every entity within `max_depth` steps
// with its distance and the step that reached it. Forward, `reached_by[e]` is the last step of
// the route to e; with `reverse` the search walks steps backwards from the root and
// `reached_by[e]` is the first step of the route from e towards the root.
struct ShortestRoutes {
    EntityIndex root = 0;
    bool reverse = false;
    std::vector<std::uint32_t> distance;  // per entity; `unreached` when not reached
    std::vector<Step> reached_by;         // per entity; meaningful where distance is 1 or more
    std::vector<EntityIndex> order;       // the reached entities, the root first, by distance

    [[nodiscard]] bool reached(EntityIndex e) const { return distance[e] != unreached; }
    // The route from the root to `e` (or, reversed, from `e` to the root), in walking order.
    [[nodiscard]] Route route(EntityIndex e) const;
};

struct SearchLimits {
    std::uint32_t max_depth = unreached;                  // no deeper than this many steps
    std::optional<EntityIndex> stop_at;                   // stop as soon as this entity is reached
    const std::vector<bool>* blocked_entities = nullptr;  // entities the search may not enter
    const std::vector<Step>* blocked_steps = nullptr;     // steps it may not take
};

ShortestRoutes shortest_routes(const TraversalView& view, EntityIndex root, bool reverse,
                               const SearchLimits& limits = {});

// ---- explaining why there is no route ----

// How far the search gets from one end.
struct SideSummary {
    std::size_t reached = 0;            // entities reached, the end itself included
    std::uint32_t depth = 0;            // the greatest distance reached
    std::vector<EntityIndex> frontier;  // the entities at that distance, in search order
    struct Refused {
        RelationKindIndex kind = 0;
        bool backward = false;
        std::uint8_t refusal = 0;
        std::size_t count = 0;  // steps refused for this reason
    };
    std::vector<Refused> refused;                               // steps that would lead on, but are not allowed
    std::vector<std::pair<KindIndex, std::size_t>> not_passed;  // entities reached but not passed through, by kind
};

// What keeps a route from taking a step of the cheapest connection.
struct Obstacle {
    std::size_t hop = 0;       // index of the step in the connection
    std::uint8_t refusal = 0;  // why the step is refused (0: the step is allowed)
    bool entity_kind = false;  // its start may not be passed through (--through)
};

struct NoRouteExplanation {
    SideSummary forward;       // from the start
    SideSummary backward;      // towards the end (empty when the end is a kind, not one entity)
    bool connectable = false;  // a route exists when every relation may be walked both ways
    Route connection;          // then: the route with the fewest refused steps, then fewest hops
    std::vector<Obstacle> obstacles;
};

SideSummary summarize_side(const TraversalView& view, const ShortestRoutes& search);

// The cheapest connection from `from` to an entity when every relation may be walked both ways
// and every entity passed through, but each refused step (and each pass through an entity
// --through excludes) costs one: Dijkstra on (refusals, hops), ties going to the first found in
// the data's order. Nothing is found only when no relation joins the two at all.
struct Connection {
    bool found = false;
    Route route;
    std::vector<Obstacle> obstacles;
};
class RelaxedSearch {
public:
    RelaxedSearch(const TraversalView& view, EntityIndex from);
    [[nodiscard]] Connection connection(EntityIndex to) const;

private:
    const TraversalView& m_view;
    EntityIndex m_from;
    std::vector<std::uint64_t> m_cost;  // refusals << 32 | hops
    std::vector<Step> m_reached_by;
};

NoRouteExplanation explain_no_route(const TraversalView& view, EntityIndex from, EntityIndex to);

}  // namespace orgraph
