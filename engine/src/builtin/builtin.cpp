// The built-in dataset and overlays as layers for load(), read from the files compiled in.

#include "orgraph/builtin/builtin.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "orgraph/builtin/embedded.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

namespace fs = std::filesystem;

LayerInput embedded_layer(std::string_view directory) {
    LayerInput layer;
    layer.id = std::string(directory);
    const std::string prefix = std::string(directory) + "/";
    std::vector<const embedded::File*> csv;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(prefix)) continue;
        const auto rest = file.path.substr(prefix.size());
        if (rest.find('/') != std::string_view::npos) continue;
        const auto format = file_format(file.path);
        InputFile input{"builtin:" + std::string(file.path), std::string(file.content()), format};
        if (format == FileFormat::toml)
            layer.files.push_back(std::move(input));
        else if (format == FileFormat::entities_csv || format == FileFormat::relations_csv)
            csv.push_back(&file);
    }
    // Entities before relations, as for a directory on disk.
    std::sort(csv.begin(), csv.end(), [](auto* a, auto* b) {
        return std::pair(a->path.ends_with("relations.csv"), a->path) <
               std::pair(b->path.ends_with("relations.csv"), b->path);
    });
    for (auto* file : csv)
        layer.files.push_back(
            {"builtin:" + std::string(file->path), std::string(file->content()), file_format(file->path)});
    return layer;
}

}  // namespace

std::vector<std::string> builtin_overlays() {
    std::set<std::string> names;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("overlays/")) continue;
        const auto rest = file.path.substr(9);
        const auto slash = rest.find('/');
        if (slash != std::string_view::npos) names.insert(std::string(rest.substr(0, slash)));
    }
    return {names.begin(), names.end()};
}

LayerInput read_layer_or_overlay(const std::string& path_or_name) {
    std::error_code ec;
    if (fs::exists(fs::path(path_or_name), ec)) return read_layer(path_or_name);
    const auto overlays = builtin_overlays();
    if (std::find(overlays.begin(), overlays.end(), path_or_name) != overlays.end()) {
        auto layer = embedded_layer("overlays/" + path_or_name);
        layer.id = path_or_name;
        return layer;
    }
    throw dataset_error({Diagnostic{path_or_name, 0, 0,
                                    fmt::format("no such file or directory, and no built-in overlay has that name "
                                                "(overlays: {})",
                                                overlays.empty() ? std::string("none") : join(overlays))}});
}

std::vector<LayerInput> builtin_layers() {
    std::vector<LayerInput> layers;
    const auto list = builtin_file("BUILTIN");
    if (!list) return layers;
    std::istringstream lines{std::string(*list)};
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line.front() == '#') continue;
        layers.push_back(embedded_layer(line));
    }
    return layers;
}

LayerInput builtin_schema() {
    return embedded_layer("schema");
}

std::optional<std::string_view> builtin_file(std::string_view path) {
    for (const auto& file : embedded::files())
        if (file.path == path) return file.content();
    return std::nullopt;
}

}  // namespace orgraph
