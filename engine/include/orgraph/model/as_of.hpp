#pragma once
// The graph as it stood on one date: entities and relations whose validity does not cover the
// date are left out, and so are relations that touch a left-out entity.

#include "orgraph/model/date.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

GraphBuilder restrict_to_date(const GraphBuilder& graph, const Date& date);

}  // namespace orgraph
