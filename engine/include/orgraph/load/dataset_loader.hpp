#pragma once
// Loads datasets (TOML files and bulk CSV) as layers over one graph, checking everything
// against the schema. A load with any problem yields no graph: it throws dataset_error with
// every problem found.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/diagnostics.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

enum class FileFormat { toml, entities_csv, relations_csv, graphml, node_link_json };

struct InputFile {
    std::string path;     // as shown in diagnostics
    std::string content;  // the whole file
    FileFormat format = FileFormat::toml;
};

struct LayerInput {
    std::string id;  // default id of the layer; a [dataset] table may rename it
    std::vector<InputFile> files;
};

// How imported graphs (GraphML, node-link JSON) name the kind and the name of a node.
struct ImportMapping {
    std::string kind_key = "kind";
    std::string name_key = "name";
    std::string relation_kind_key = "kind";
};

struct LoadOptions {
    ImportMapping mapping;
    // The schema read first when no layer declares a kind (a dataset of entities and relations
    // only): builtin_schema() from orgraph::builtin for the built-in one, as the orgraph command
    // reads. The engine has none of its own: without one, such a dataset fails with one problem
    // saying it has no schema.
    std::optional<LayerInput> fallback_schema;
};

// A layer read from disk: a directory, a .toml file, a .csv entity file (with the
// relations.csv beside it). Throws dataset_error when the path cannot be read.
LayerInput read_layer(const std::string& path);
// The format a file's name implies: .toml, .graphml or .xml, .json (node-link), relations.csv
// or *.relations.csv; anything else is read as entities CSV.
FileFormat file_format(std::string_view path);

// Loads the layers in order. When no layer declares a kind, the options' fallback schema comes
// first.
GraphBuilder load(const std::vector<LayerInput>& layers, const LoadOptions& options = {});

}  // namespace orgraph
