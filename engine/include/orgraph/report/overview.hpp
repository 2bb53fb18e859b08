#pragma once
// The counts an overview of the organisation chart shows (dot/render --overview): for each unit
// of a kind the schema's [presentation.overview] counts, how many places of the default universe
// it covers on the date, as the coverage analysis counts them (directly, through regions, via
// derived relations). Drawing (write/dot_writer.hpp) takes them as they are.

#include <optional>

#include "orgraph/model/date.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/write/dot_writer.hpp"

namespace orgraph {

// Counts for `as_of`, or for today (`today`, facts with an unknown end counted as ended) when no
// date is given. Empty counts when the schema names no relation or place kind to count by; a
// diagram_error when the coverage question cannot be asked of the graph.
OverviewCounts overview_counts(const Graph& graph, std::optional<Date> as_of, std::optional<Date> today);

}  // namespace orgraph
