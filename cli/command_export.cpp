#include "commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "orgraph/write/atomic_directory.hpp"
#include "orgraph/write/interchange.hpp"
#include "progress.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo export_info{
    .name = "export",
    .synopsis = "write the graph as GraphML, node-link JSON, a CSV dataset, Neo4j import CSVs or FollowTheMoney",
    .arguments = "",
};

class ExportCommand final : public Command {
public:
    ExportCommand() : Command(export_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data = DataOptions::whole_record();
    std::string m_to;
    std::string m_output;
    bool m_no_formula_guard = false;
};

bool directory_format(const std::string& format) {
    return format == "csv" || format == "neo4j";
}

// What the name of -o says it holds, by its ending, in any case: "ftm" for .ftm.json, .ftm, .jsonl
// and .ndjson (one JSON entity a line), else what format_of_extension says (graphml, json, csv,
// svg, snapshot, ...); empty for "-", a name without an extension and an ending no format has.
// `stem` is the name without that ending, for the name the refusal suggests.
struct NamedFormat {
    std::string format;
    std::string stem;
};

NamedFormat format_named_by(const std::string& path) {
    const auto name = std::filesystem::path(path).filename().string();
    auto lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    for (const std::string_view ending : {".ftm.json", ".ftm", ".jsonl", ".ndjson"}) {
        // The ending must leave a name before it: ".ftm" alone is a hidden file's name.
        if (lower.size() > ending.size() && lower.ends_with(ending))
            return {"ftm", path.substr(0, path.size() - ending.size())};
    }
    auto format = format_of_extension(path);
    if (format.empty()) return {};
    return {std::move(format), path.substr(0, path.rfind('.'))};
}

// The ending export gives a format's output: a file's extension; a directory has none.
std::string_view ending_of(const std::string& format) {
    if (format == "graphml") return ".graphml";
    if (format == "json") return ".json";
    if (format == "ftm") return ".ftm.json";
    return "";
}

// Settles --to against the name of -o, as every command settles --format against it: without
// --to the name chooses (a file named for graphml, json or ftm); with --to, a name that says
// another format is refused rather than written under that name. A name that says nothing
// (no extension, an ending no format has) leaves the choice to --to.
std::string settle_format(const std::string& to, const std::string& output) {
    const auto named = format_named_by(output);
    const bool export_writes = named.format == "graphml" || named.format == "json" || named.format == "ftm";
    if (to.empty()) {
        if (export_writes) return named.format;
        if (output.empty() || output == "-")
            throw usage_error(
                "export needs --to FORMAT (graphml, json, csv, neo4j or ftm) to write to standard output, or -o FILE "
                "named .graphml, .json or .ftm.json");
        if (!named.format.empty())
            throw usage_error(fmt::format(
                "-o {}: the name says {}, which export does not write (name the file .graphml, .json or .ftm.json, "
                "or give --to csv or --to neo4j and a directory)",
                output, named.format));
        const auto name = std::filesystem::path(output).filename().string();
        const auto dot = name.rfind('.');
        std::error_code error;
        if (std::filesystem::is_directory(output, error))
            throw usage_error(fmt::format(
                "-o {}: a directory says no format: give --to csv or --to neo4j to write it (or name a file "
                ".graphml, .json or .ftm.json)",
                output));
        if (dot == std::string::npos || dot == 0)
            throw usage_error(fmt::format(
                "-o {}: export cannot tell the format from a name without an extension (give --to csv or --to "
                "neo4j to write a directory, or name the file .graphml, .json or .ftm.json)",
                output));
        throw usage_error(fmt::format(
            "-o {}: export cannot tell the format from '{}' (it knows .graphml: GraphML, .json: node-link JSON, "
            ".ftm.json, .ftm, .jsonl or .ndjson: FollowTheMoney; csv and neo4j write a directory: give --to)",
            output, name.substr(dot)));
    }
    if (named.format.empty() || named.format == to) return to;
    // A directory of CSV files may be named .csv.
    if (named.format == "csv" && directory_format(to)) return to;
    const auto suggested = named.stem + std::string(ending_of(to));
    const auto fix = directory_format(to) ? fmt::format("give a directory name such as {} for {}", suggested, to)
                                          : fmt::format("name it {} for {}", suggested, to);
    throw usage_error(fmt::format("-o {}: the name says {} but --to is {} ({}{})", output, named.format, to, fix,
                                  export_writes ? fmt::format(", or leave out --to to write {}", named.format) : ""));
}

}  // namespace

std::unique_ptr<Command> make_export_command() {
    return std::make_unique<ExportCommand>();
}

void ExportCommand::add_options(po::options_description& options, po::positional_options_description&) {
    po::options_description output("Output");
    output.add_options()(
        "to,t", po::value(&m_to)->value_name("FORMAT"),
        "graphml, json (NetworkX node-link), csv (orgraph's bulk dataset: a directory), neo4j (neo4j-admin "
        "import CSVs: a directory) or ftm (FollowTheMoney, one entity per line) (default: from the extension of -o, "
        ".graphml, .json or .ftm.json; needed for a directory and for standard output)")(
        "output,o", path_value(&m_output, "-o")->value_name("PATH"),
        "the file (default: standard output) or, for csv and neo4j, the directory to write; written atomically; "
        "a name that says another format than --to is refused")(
        "no-formula-guard", po::bool_switch(&m_no_formula_guard), no_formula_guard_help);
    options.add(output).add(data_options(m_data));
}

void ExportCommand::setup(const po::variables_map&) {
    if (!m_to.empty() && m_to != "graphml" && m_to != "json" && m_to != "csv" && m_to != "neo4j" && m_to != "ftm")
        throw usage_error(fmt::format("unknown export format '{}' (expected graphml, json, csv, neo4j or ftm)", m_to));
    m_to = settle_format(m_to, m_output);
    if (directory_format(m_to) && (m_output.empty() || m_output == "-"))
        throw usage_error(fmt::format("--to {} writes a directory: give it with -o DIR", m_to));
    (void)m_data.as_of_date();
}

int ExportCommand::run() {
    const auto graph = load_graph(m_data);
    Phase writing(fmt::format("exporting as {}", m_to));
    try {
        if (directory_format(m_to)) {
            const std::vector<std::string> names =
                m_to == "csv" ? std::vector<std::string>{"dataset.toml", "entities.csv", "relations.csv"}
                              : std::vector<std::string>{"nodes.csv", "relationships.csv", "import.sh", "README.md"};
            AtomicDirectory directory(m_output, names);
            if (m_to == "csv")
                write_dataset_csv(directory.temporary_path(), graph, !m_no_formula_guard);
            else
                write_neo4j_csv(directory.temporary_path(), graph, !m_no_formula_guard);
            directory.commit();
            return 0;
        }
        Output output(m_output);
        if (m_to == "graphml")
            write_graphml(output.stream(), graph);
        else if (m_to == "json")
            write_node_link_json(output.stream(), graph);
        else
            write_ftm(output.stream(), graph);
        output.commit();
    } catch (const export_error& e) {
        throw std::runtime_error(fmt::format("cannot export as {}: {}", m_to, e.what()));
    }
    return 0;
}

}  // namespace orgraph::cli
