#pragma once
// Loads datasets (TOML files and bulk CSV) as layers over one graph, checking everything
// against the schema. A load with any problem yields no graph: it throws dataset_error with
// every problem found.

#include <string>
#include <string_view>
#include <vector>

#include "orgraph/load/diagnostics.hpp"
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
};

// A layer read from disk: a directory, a .toml file, a .csv entity file (with the
// relations.csv beside it). Throws dataset_error when the path cannot be read.
LayerInput read_layer(const std::string& path);
// Reads a path, or a named overlay shipped in the binary when no such path exists.
LayerInput read_layer_or_overlay(const std::string& path_or_name);

// The built-in dataset's layers (schema, world, dprk-mfa), as embedded in the binary.
std::vector<LayerInput> builtin_layers();
// The schema layer alone.
LayerInput builtin_schema_layer();
// Names of the overlays shipped in the binary.
std::vector<std::string> builtin_overlays();

// Loads the layers in order. When no layer declares a kind, the built-in schema comes first.
GraphBuilder load(const std::vector<LayerInput>& layers, const LoadOptions& options = {});

}  // namespace orgraph
