#include "commands.hpp"

#include <fmt/format.h>

#include "orgraph/write/atomic_directory.hpp"
#include "orgraph/write/interchange.hpp"
#include "progress.hpp"

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

}  // namespace

std::unique_ptr<Command> make_export_command() {
    return std::make_unique<ExportCommand>();
}

void ExportCommand::add_options(po::options_description& options, po::positional_options_description&) {
    po::options_description output("Output");
    output.add_options()(
        "to,t", po::value(&m_to)->value_name("FORMAT"),
        "graphml, json (NetworkX node-link), csv (orgraph's bulk dataset: a directory), neo4j (neo4j-admin "
        "import CSVs: a directory) or ftm (FollowTheMoney, one entity per line)")(
        "output,o", path_value(&m_output, "-o")->value_name("PATH"),
        "the file (default: standard output) or, for csv and neo4j, the directory to write; written atomically")(
        "no-formula-guard", po::bool_switch(&m_no_formula_guard), no_formula_guard_help);
    options.add(output).add(data_options(m_data));
}

void ExportCommand::setup(const po::variables_map&) {
    if (m_to.empty()) throw usage_error("export needs --to FORMAT (graphml, json, csv, neo4j or ftm)");
    if (m_to != "graphml" && m_to != "json" && m_to != "csv" && m_to != "neo4j" && m_to != "ftm")
        throw usage_error(fmt::format("unknown export format '{}' (expected graphml, json, csv, neo4j or ftm)", m_to));
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
