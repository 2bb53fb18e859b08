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

// The schema (entity kinds, relation kinds, rules) and the sources of the graph as a TOML
// dataset file, which orgraph loads back: the CSV export's dataset.toml, and the graph attribute
// `orgraph_dataset` of the GraphML and node-link JSON exports. `header` is the comment that
// opens it, one or more lines each starting with "# ". `formula_guard`: the CSV cells beside it
// carry the formula guard (csv_cell.hpp), which the loader takes off again.
std::string dataset_toml(const Graph& graph, std::string_view header, bool formula_guard = false);
// The name of the graph attribute that carries dataset_toml() in GraphML and node-link JSON.
inline constexpr std::string_view embedded_dataset_key = "orgraph_dataset";

}  // namespace orgraph::export_text
