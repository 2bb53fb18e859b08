#pragma once
// Derives relations from the schema's [[rule]] records: the inverse of a relation, the
// transitive closure of one (located_in through a city to a country), or a composition of
// several (a department oversees the missions located in the countries it covers).
//
// Rules run in the order they are declared, each seeing what the earlier ones derived. A
// derived relation is marked derived, names its rule, and lists the relations it was derived
// from; its citations are theirs, and it holds only while all of them hold.

#include <cstddef>

#include "orgraph/model/graph.hpp"

namespace orgraph {

// Adds the derived relations to the graph; returns how many were added.
std::size_t derive_relations(Graph& graph);

}  // namespace orgraph
