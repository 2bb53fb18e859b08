#pragma once
// A small organisation and world, written as TOML and loaded in memory, with one case of each
// thing the coverage report looks for. The schema is the test's own, so that the analysis is
// seen to take its kinds and relation names from the parameters.

#include <string>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/model/graph.hpp"

namespace coverage_test {

// The schema and the data below, loaded (and derived relations left out).
orgraph::Graph small_graph();
// The data of small_graph(), without the schema.
std::string small_graph_data();
// Any TOML text over the same schema.
orgraph::Graph graph_from(const std::string& data);
// An [[entity]] record over the schema, cited to its source "t"; `more` holds lines of its own.
std::string entity(const std::string& id, const std::string& kind, const std::string& name,
                   const std::string& more = "");
// A country entity with its UN status and M49 region and subregion.
std::string country(const std::string& id, const std::string& name, const std::string& un_status,
                    const std::string& region, const std::string& subregion, const std::string& more = "");

// Coverage on a fixed date, so that the expectations do not move with the clock.
orgraph::CoverageParams params_on(const std::string& date);

orgraph::EntityIndex index_of(const orgraph::Graph& graph, const std::string& id);
// Ids of the entities, in the order given.
std::vector<std::string> ids(const orgraph::Graph& graph, const std::vector<orgraph::EntityIndex>& entities);
std::vector<std::string> uncovered_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report);
std::vector<std::string> outside_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report);
// The entries a unit names that are not countries (organisations, their bodies), in report order.
std::vector<std::string> not_country_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report);
std::vector<std::string> covered_ids(const orgraph::Graph& graph, const std::vector<orgraph::PlaceCoverage>& list);
// The coverage of one country in the report (covered, home or outside), or nullptr.
const std::vector<orgraph::CoveringUnit>* units_of(const orgraph::Graph& graph, const orgraph::CoverageReport& report,
                                                   const std::string& country);
std::vector<std::string> unit_ids(const orgraph::Graph& graph, const std::vector<orgraph::CoveringUnit>& units);

}  // namespace coverage_test
