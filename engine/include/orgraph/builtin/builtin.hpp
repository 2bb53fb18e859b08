#pragma once
// The built-in dataset (schema, world gazetteer, DPRK foreign ministry) and its named overlays,
// compiled into the orgraph::builtin library. An opt-in part: the engine (orgraph::engine) knows
// none of it, and a program that loads its own datasets need not link it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/load/dataset_loader.hpp"

namespace orgraph {

// The built-in dataset's layers (schema, world, dprk-mfa), in the order BUILTIN lists them.
std::vector<LayerInput> builtin_layers();
// The built-in schema layer alone: what the orgraph command reads a dataset that declares no
// kind with (LoadOptions::fallback_schema).
LayerInput builtin_schema();
// Names of the built-in overlays (dprk-missions, …).
std::vector<std::string> builtin_overlays();
// Reads a path, or the built-in overlay of that name when no such path exists. Throws
// dataset_error when it is neither.
LayerInput read_layer_or_overlay(const std::string& path_or_name);

// The content of a built-in file, by its path under datasets/ (the "builtin:" paths of
// diagnostics and snapshot inputs without the prefix); none when no such file is built in.
std::optional<std::string_view> builtin_file(std::string_view path);

}  // namespace orgraph
