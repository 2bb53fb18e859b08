#pragma once
// The graph as it stood on one date: entities and relations whose validity does not cover the
// date are left out, and so are relations that touch a left-out entity. `present` says the date
// is the present (today): a fact whose end is unknown has ended by then and is left out; on
// another date it may have held and is kept (Validity::uncertain_on tells which).

#include <optional>
#include "orgraph/model/date.hpp"

#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

// Removes from `graph` itself what did not hold on the date, so that a graph of millions of
// facts is not held twice; a derived relation kept keeps only the facts kept. The entities and
// relations kept keep their order; the rules are to be applied again (rules_applied is reset).
void restrict_to_date_in_place(GraphBuilder& graph, const Date& date, bool present = false);

// A frozen graph, derived relations included, as it stood on one date, made by leaving out
// what did not hold (subgraph(): no string copied, nothing derived again), when that is exactly
// what restricting its facts and deriving anew would give; nothing when it might not be, and
// the caller must derive again (prepare_graph does). Linear in the size of the graph.
std::optional<Graph> restrict_to_date(const Graph& graph, const Date& date, bool present = false);

// The days around `day` on which the same entities and relations hold as on `day`, whether or
// not the day is taken as the present (a fact with an unknown end holds on every day, or at
// present on none): from the last day on or before it that a fact begins or ends holding, to the
// next (none when no fact begins or ends after it). A graph restricted to `day` is the graph
// restricted to each of them.
struct DaySpan {
    Date from;
    std::optional<Date> until;  // the first day not in the span
};
DaySpan same_facts_around(const Graph& graph, const Date& day);

}  // namespace orgraph
