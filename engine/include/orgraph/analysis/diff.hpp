#pragma once
// What changed between two graphs: the same dataset on two dates, or two versions of a dataset.
//
// Facts are matched across the two graphs by what names them, never by position: an entity by
// its id, a stated relation by its kind, the ids of its two ends and its attributes. A fact found
// on one side only is added or removed; a fact found on both sides whose name, kind, aliases,
// attributes, validity or citations differ is changed, field by field. Relations derived by the
// schema's rules are not compared (they follow from the facts); their effect shows in the
// answers, which are compared too: for each coverage question the caller asks, the places
// each unit gained or lost, and the places that lost every unit or gained their first.
//
// The two graphs are expected to be prepared for their dates (prepare_graph), so that each answers
// as it stood. The work is hash lookups and sorts: O((n + m) log(n + m)) for n entities and m
// relations on the two sides.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph {

enum class ChangeType { added, removed, changed };

// One field of a fact that differs between the two sides. `field` is "name", "short_name",
// "kind", "aliases", "valid_from", "valid_to", "attribute KEY" (entities) or "sources". For
// "sources", `before` lists the citations only the old side has and `after` those only the new
// side has ("; " between them), each as Graph::cite writes it; for the others they are the two
// values, empty when the side has none.
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;

    auto operator<=>(const FieldChange&) const = default;
};

struct EntityChange {
    ChangeType type = ChangeType::changed;
    std::string id;
    std::optional<EntityIndex> before;  // in the old graph, unless added
    std::optional<EntityIndex> after;   // in the new graph, unless removed
    std::vector<FieldChange> fields;    // changed entities only, in the order of the list above
};

struct RelationChange {
    ChangeType type = ChangeType::changed;
    std::optional<RelationIndex> before;
    std::optional<RelationIndex> after;
    std::vector<FieldChange> fields;  // changed relations only: valid_from, valid_to, sources
    // An end of the relation was itself added or removed: the relation came or went with it.
    bool with_entity = false;
};

// A coverage question asked of both sides. The parameters are per side (a listed universe holds
// entity indices of its own graph; the dates usually differ).
struct CoverageQuestion {
    std::string name;  // how the caller refers to it ("coverage", "presence")
    CoverageParams before;
    CoverageParams after;
};

struct UnitCoverageChange {
    std::string unit;                   // its id
    std::optional<EntityIndex> before;  // the unit in each graph, when it is there
    std::optional<EntityIndex> after;
    std::vector<std::string> gained;  // ids of places it reaches after and not before, sorted
    std::vector<std::string> lost;    // ... before and not after
};

struct PlaceCoverageChange {
    std::string place;  // its id
    std::optional<EntityIndex> before;
    std::optional<EntityIndex> after;
    std::vector<std::string> units_before;  // ids of the units that reached it, sorted
    std::vector<std::string> units_after;
};

struct CoverageDiff {
    std::string name;
    std::vector<UnitCoverageChange> units;          // units whose places changed, by id
    std::vector<PlaceCoverageChange> lost_all;      // reached before, by no unit after; by id
    std::vector<PlaceCoverageChange> gained_first;  // reached by no unit before, by one after; by id
};

struct DiffSummary {
    std::size_t entities_before = 0;
    std::size_t entities_after = 0;
    std::size_t relations_before = 0;  // stated relations
    std::size_t relations_after = 0;
    std::size_t entities_added = 0;
    std::size_t entities_removed = 0;
    std::size_t entities_changed = 0;
    std::size_t relations_added = 0;
    std::size_t relations_removed = 0;
    std::size_t relations_changed = 0;
};

struct GraphDiff {
    DiffSummary summary;
    std::vector<EntityChange> entities;  // by id
    // By kind id, the from id, the to id, the attributes, then the validity: the order in which
    // an analyst reads "what changed on this relation kind".
    std::vector<RelationChange> relations;
    std::vector<CoverageDiff> coverage;  // one per question, in the order asked
};

struct DiffOptions {
    std::vector<CoverageQuestion> questions;
};

// Throws coverage_error when a question names a kind or relation a graph does not have.
GraphDiff diff_graphs(const Graph& before, const Graph& after, const DiffOptions& options = {});

}  // namespace orgraph
