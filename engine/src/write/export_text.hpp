#pragma once
// Small helpers the interchange writers share: citations and lists as text, CSV fields.

#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/graph.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph::export_text {

// "mfa-structure:4-5" / "iso-3166-1": a citation as datasets write it.
std::string citation(const Graph& graph, const Citation& citation);
// The citations joined with `separator`.
std::string citations(const Graph& graph, const Citations& citations, std::string_view separator = "|");
using orgraph::join;
// The items (an entity's aliases) with `separator` between them.
std::string join(const TextList& items, std::string_view separator);
std::string date(const std::optional<Date>& date);
// Sorted keys of every attribute of the entities (or relations) written.
std::vector<std::string> entity_attribute_keys(const Graph& graph);
std::vector<std::string> relation_attribute_keys(const Graph& graph, bool derived);

}  // namespace orgraph::export_text
