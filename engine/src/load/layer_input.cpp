// Turns paths, and the datasets embedded in the binary, into layers for load().

#include "orgraph/load/dataset_loader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <linux/magic.h>
#include <sys/vfs.h>

#include "orgraph/load/embedded.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    // Only a regular file is opened: a FIFO would block the open until a writer came.
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!ec && fs::is_directory(status))
        throw dataset_error({Diagnostic{path.string(), 0, 0, "is a directory (expected a dataset file here)"}});
    if (!ec && fs::exists(status) && !fs::is_regular_file(status))
        throw dataset_error(
            {Diagnostic{path.string(), 0, 0, "is not a regular file (a FIFO, device or socket cannot be a dataset)"}});
    // /proc and /sys files call themselves regular but are made up as they are read, with no size.
    if (struct statfs fs_info{};
        statfs(path.c_str(), &fs_info) == 0 && (fs_info.f_type == PROC_SUPER_MAGIC || fs_info.f_type == SYSFS_MAGIC))
        throw dataset_error({Diagnostic{path.string(), 0, 0,
                                        "is a /proc or /sys pseudo-file, not a dataset file (copy it to a file "
                                        "first)"}});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (no such file, or no permission)"}});
    try {
        std::string content;
        in.seekg(0, std::ios::end);
        const auto size = in.tellg();
        if (size < 0) throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (its size is unknown)"}});
        content.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(content.data(), static_cast<std::streamsize>(content.size()));
        if (in.gcount() != static_cast<std::streamsize>(content.size()))
            throw dataset_error({Diagnostic{path.string(), 0, 0, "cannot be read (it changed while being read)"}});
        return content;
    } catch (const std::bad_alloc&) {
        throw dataset_error({Diagnostic{path.string(), 0, 0, "out of memory while reading the file"}});
    }
}

FileFormat format_of(const fs::path& path) {
    const auto name = path.filename().string();
    const auto ext = path.extension().string();
    if (ext == ".toml") return FileFormat::toml;
    if (ext == ".graphml" || ext == ".xml") return FileFormat::graphml;
    if (ext == ".json") return FileFormat::node_link_json;
    if (name == "relations.csv" || name.ends_with(".relations.csv")) return FileFormat::relations_csv;
    return FileFormat::entities_csv;
}

LayerInput embedded_layer(std::string_view directory) {
    LayerInput layer;
    layer.id = std::string(directory);
    const std::string prefix = std::string(directory) + "/";
    std::vector<const embedded::File*> csv;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(prefix)) continue;
        const auto rest = file.path.substr(prefix.size());
        if (rest.find('/') != std::string_view::npos) continue;
        const fs::path path(std::string(file.path));
        const auto format = format_of(path);
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
        layer.files.push_back({"builtin:" + std::string(file->path), std::string(file->content()),
                               format_of(fs::path(std::string(file->path)))});
    return layer;
}

}  // namespace

LayerInput read_layer(const std::string& path_text) {
    const fs::path path(path_text);
    std::error_code ec;
    LayerInput layer;
    if (fs::is_directory(path, ec)) {
        layer.id = fs::absolute(path).lexically_normal().filename().string();
        if (layer.id.empty()) layer.id = fs::absolute(path).lexically_normal().parent_path().filename().string();
        std::vector<fs::path> toml_files, data_files;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (!entry.is_regular_file()) continue;
            const auto format = format_of(entry.path());
            const auto name = entry.path().filename().string();
            if (format == FileFormat::toml)
                toml_files.push_back(entry.path());
            else if (name == "entities.csv" || name == "relations.csv")
                data_files.push_back(entry.path());
        }
        std::sort(toml_files.begin(), toml_files.end());
        std::sort(data_files.begin(), data_files.end(), [](const fs::path& a, const fs::path& b) {
            return a.filename() == "entities.csv" && b.filename() != "entities.csv";
        });
        for (const auto& f : toml_files) layer.files.push_back({f.string(), read_file(f), FileFormat::toml});
        for (const auto& f : data_files) layer.files.push_back({f.string(), read_file(f), format_of(f)});
        if (layer.files.empty())
            throw dataset_error({Diagnostic{path_text, 0, 0,
                                            "the directory holds no dataset file (expected *.toml, entities.csv or "
                                            "relations.csv)"}});
        return layer;
    }
    if (!fs::exists(path, ec)) throw dataset_error({Diagnostic{path_text, 0, 0, "no such file or directory"}});
    layer.id = path.stem().string();
    const auto format = format_of(path);
    layer.files.push_back({path_text, read_file(path), format});
    if (format == FileFormat::entities_csv) {
        const auto relations = path.parent_path() / "relations.csv";
        if (fs::exists(relations, ec))
            layer.files.push_back({relations.string(), read_file(relations), FileFormat::relations_csv});
        layer.id = fs::absolute(path).parent_path().filename().string();
    }
    return layer;
}

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
    for (const auto& file : embedded::files()) {
        if (file.path != "BUILTIN") continue;
        std::istringstream lines{std::string(file.content())};
        std::string line;
        while (std::getline(lines, line)) {
            if (line.empty() || line.front() == '#') continue;
            layers.push_back(embedded_layer(line));
        }
    }
    return layers;
}

LayerInput builtin_schema_layer() {
    return embedded_layer("schema");
}

}  // namespace orgraph
