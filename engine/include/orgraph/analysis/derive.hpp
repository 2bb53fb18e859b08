#pragma once
// Derives relations from the schema's [[rule]] records: the inverse of a relation, the
// transitive closure of one (located_in through a city to a country), or a composition of
// several (a department oversees the missions located in the countries it covers).
//
// A rule may add a condition, `only_if`: a second chain that must join the same two entities
// (the department's ministry is the ministry of the state the mission represents); the
// relations of that chain join the facts the derived relation rests on.
//
// Rules run in the order they are declared, each seeing what the earlier ones derived. A
// derived relation is marked derived, names its rule, and lists the relations it was derived
// from; its citations are theirs, and it holds only while all of them hold.
//
// Each (from, to, kind) is derived once, from the first chain of facts found (in relation
// order), and never where a stated relation of that kind already joins the two. A chain whose
// facts hold at different times derives nothing. To answer for one date exactly, restrict the
// graph to that date first (restrict_to_date) and derive afterwards, as the CLI does for --as-of.

#include <cstddef>

#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

// Adds the derived relations to the graph; returns how many were added.
std::size_t derive_relations(GraphBuilder& graph);

}  // namespace orgraph
