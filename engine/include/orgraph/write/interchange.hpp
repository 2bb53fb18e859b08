#pragma once
// Writers for the formats other tools read: GraphML (NetworkX, igraph, Gephi, yEd, Boost),
// NetworkX node-link JSON, orgraph's own bulk CSV dataset (entities.csv + relations.csv, which
// loads back as the same graph), neo4j-admin import CSVs, and FollowTheMoney entities.
// docs/interchange.md describes every mapping.
//
// Every writer goes through entities and relations in the order they were added, so the same
// graph gives the same bytes. Derived relations are written marked as derived (GraphML, JSON,
// Neo4j, FtM) or not at all (the CSV dataset, whose rules derive them again on load); a graph
// loaded with --no-derived has none.

#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

// The graph cannot be written in a format (an attribute named like a reserved column, a
// character the format cannot carry); the message says which entity or relation.
struct export_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void write_graphml(std::ostream& out, const Graph& graph);
void write_node_link_json(std::ostream& out, const Graph& graph);
void write_ftm(std::ostream& out, const Graph& graph);

// Directory formats write their files into `directory`, which must exist; they return the
// names of the files written.
// With `formula_guard`, a cell that begins like a formula gets a leading apostrophe
// (orgraph/model/csv_cell.hpp); the CSV dataset's dataset.toml then says so
// (`csv_formula_guard = true`), and orgraph's loader takes the apostrophes off again.
std::vector<std::string> write_dataset_csv(const std::filesystem::path& directory, const Graph& graph,
                                           bool formula_guard = true);
std::vector<std::string> write_neo4j_csv(const std::filesystem::path& directory, const Graph& graph,
                                         bool formula_guard = true);

}  // namespace orgraph
