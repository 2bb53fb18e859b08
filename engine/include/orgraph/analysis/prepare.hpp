#pragma once
// From checked facts to the graph a command answers from: restricted to a date when one is
// asked for, then derived by the schema's rules, then frozen. The order is a correctness rule:
// deriving after restricting means no derived relation rests on a fact that did not hold that day.

#include <optional>

#include "orgraph/model/date.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

struct PrepareOptions {
    std::optional<Date> as_of;  // keep only what held on this date
    bool derive = true;         // apply the schema's derivation rules
    bool name_index = false;    // build the name index now (see FreezeOptions)
    bool present = false;       // as_of is the present: facts whose end is unknown have ended
};

Graph prepare_graph(GraphBuilder facts, const PrepareOptions& options = {});

// A frozen graph (a snapshot's) for the options: returned as it is when it already answers them
// (all dates, rules applied as asked), otherwise its facts are thawed and prepared again.
Graph prepare_graph(Graph graph, const PrepareOptions& options = {});

}  // namespace orgraph
