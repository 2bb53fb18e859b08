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
    // Make the graph's tables afresh, as freeze() makes them from the facts, rather than leave
    // out what did not hold on the date from a frozen graph's tables (whose text pool, shared,
    // still holds the strings of what was left out): for a graph that is written out (a
    // snapshot), whose bytes must not depend on how it was prepared.
    bool fresh_tables = false;
};

Graph prepare_graph(GraphBuilder facts, const PrepareOptions& options = {});

// A frozen graph (a snapshot's) for the options: returned as it is when it already answers them
// (all dates, rules applied as asked); at present, the present graph it carries when the day is
// one of that graph's (PresentGraph); for a date, what did not hold then is left out when that
// is exact (model/as_of.hpp), in time linear in the graph; otherwise its facts are thawed and
// prepared again.
Graph prepare_graph(Graph graph, const PrepareOptions& options = {});

}  // namespace orgraph
