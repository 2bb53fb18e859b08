#include "commands.hpp"

#include <fmt/format.h>

#include <iostream>

#include "orgraph/builtin/builtin.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo validate_info{
    .name = "validate",
    .synopsis = "check datasets against their schema and report every problem with its position",
    .arguments = "[PATH...]",
};

class ValidateCommand final : public Command {
public:
    ValidateCommand() : Command(validate_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    int validate_snapshot(const std::string& path) const;

    DataOptions m_data = DataOptions::whole_record();
    std::vector<std::string> m_paths;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() {
    return std::make_unique<ValidateCommand>();
}

void ValidateCommand::add_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("path", po::value(&m_paths)->value_name("PATH"),
                          "datasets to check, each a layer (default: the built-in dataset)");
    options.add(data_options(m_data));
    positional.add("path", -1);
}

void ValidateCommand::setup(const po::variables_map&) {
    (void)m_data.as_of_date();
}

int ValidateCommand::run() {
    auto options = m_data;
    options.data.insert(options.data.end(), m_paths.begin(), m_paths.end());
    if (options.data.size() == 1 && options.with.empty() && is_snapshot_file(options.data.front()))
        return validate_snapshot(options.data.front());
    // Problems are thrown as dataset_error and reported by main() with exit status 1.
    const auto graph = load_graph(options);
    std::size_t derived = 0;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r)
        derived += (graph.relation_record(r).flags & image::relation_derived) ? 1 : 0;
    std::cout << fmt::format("ok: {}, {}, {} ({} derived), {}; no problems\n",
                             counted(graph.layers.size(), "layer", "layers"),
                             counted(graph.entities().size(), "entity", "entities"),
                             counted(graph.relations().size(), "relation", "relations"), derived,
                             counted(graph.sources.size(), "source", "sources"));
    return 0;
}

// A snapshot: opening it checks the file whole; then its inputs are compared with the files as
// they are now.
int ValidateCommand::validate_snapshot(const std::string& path) const {
    auto opened = open_snapshot(path);
    const auto& graph = opened.graph;
    std::size_t derived = 0;
    for (RelationIndex r = 0; r < graph.relation_count(); ++r)
        derived += (graph.relation_record(r).flags & image::relation_derived) ? 1 : 0;
    const auto stale = stale_inputs(opened.info, builtin_file);
    std::cout << fmt::format(
        "{}: snapshot format {}, made by {}: {}, {}, {} ({} derived), {}\n", visible(path), opened.info.format_version,
        visible(opened.info.made_by), counted(graph.layers.size(), "layer", "layers"),
        counted(graph.entity_count(), "entity", "entities"), counted(graph.relation_count(), "relation", "relations"),
        derived, counted(graph.sources.size(), "source", "sources"));
    if (stale.empty()) {
        std::cout << fmt::format("ok: the snapshot is intact and its {} are as they were when it was made\n",
                                 counted(opened.info.inputs.size(), "input file", "input files"));
        return 0;
    }
    for (const auto& s : stale)
        std::cerr << fmt::format("{}: stale: input {} is {} since the snapshot was made\n", path, s.path, s.why);
    std::cerr << fmt::format("orgraph: the snapshot is stale ({} of {}); make it again with orgraph snapshot\n",
                             stale.size(), counted(opened.info.inputs.size(), "input file", "input files"));
    return 1;
}

}  // namespace orgraph::cli
