#pragma once
// Loads datasets (TOML files and bulk CSV) as layers over one graph, checking everything
// against the schema. A load with any problem yields no graph: it throws dataset_error with
// every problem found.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/diagnostics.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

enum class FileFormat { toml, entities_csv, relations_csv, graphml, node_link_json };

// The bytes of an input file. A large file read from disk (read_layer) is mapped, or sits in
// memory of its own rather than a string's, so that a load told it may consume its input
// (LoadOptions::consume_input) can hand back the pages of bulk CSV it has parsed, and a file of
// millions of rows does not stay resident beside the graph made of it. Copies share the bytes.
class FileText {
public:
    FileText() = default;
    FileText(std::string text);  // NOLINT(google-explicit-constructor): text is text
    FileText(std::string_view text) : FileText(std::string(text)) {}  // NOLINT(google-explicit-constructor)
    FileText(const char* text) : FileText(std::string(text)) {}       // NOLINT(google-explicit-constructor)
    // `size` bytes to be filled through writable() before the text is read.
    static FileText of_size(std::size_t size);
    // The file at `path`, mapped read-only, when it is a regular file of `at_least` bytes or
    // more that can be mapped; nothing otherwise (then it is to be read). Its text cannot be
    // written.
    static std::optional<FileText> map_file(const char* path, std::size_t at_least);

    [[nodiscard]] std::string_view view() const { return {data(), size()}; }
    operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
    [[nodiscard]] const char* data() const;
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] char* writable();

    // Hands back to the system the whole pages before `offset`, where the text has memory of
    // its own: they are not to be read afterwards, in this text or any copy of it (they read as
    // zero bytes, or as the file reads then when the text is a mapped file).
    void release_before(std::size_t offset) const;

private:
    struct Mapped;
    std::shared_ptr<std::string> m_string;
    std::shared_ptr<Mapped> m_mapped;
};

struct InputFile {
    std::string path;  // as shown in diagnostics
    FileText content;  // the whole file
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
    // The loader may hand back the memory of the bulk CSV text it has parsed: the layers' CSV
    // files read as zero bytes afterwards. Only for layers that are not read again.
    bool consume_input = false;
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
