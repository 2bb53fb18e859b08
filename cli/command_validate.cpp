#include "commands.hpp"

#include <fmt/format.h>
#include <iostream>

namespace orgraph::cli {
namespace {

constexpr CommandInfo validate_info{
    .name = "validate",
    .synopsis = "check datasets against their schema and report every problem with its position",
    .arguments = "[PATH...]",
    .examples =
        "orgraph validate\n"
        "orgraph validate --with dprk-missions\n"
        "orgraph validate my-ministry/\n"
        "orgraph validate schema.toml entities.csv",
};

class ValidateCommand final : public Command {
public:
    ValidateCommand() : Command(validate_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
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
    // Problems are thrown as dataset_error and reported by main() with exit status 1.
    const auto graph = load_graph(options);
    std::size_t derived = 0;
    for (const auto& r : graph.relations()) derived += r.derived ? 1 : 0;
    std::cout << fmt::format("ok: {}, {}, {} ({} derived), {}; no problems\n",
                             counted(graph.layers.size(), "layer", "layers"),
                             counted(graph.entities().size(), "entity", "entities"),
                             counted(graph.relations().size(), "relation", "relations"), derived,
                             counted(graph.sources.size(), "source", "sources"));
    return 0;
}

}  // namespace orgraph::cli
