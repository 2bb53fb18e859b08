#include "commands.hpp"

#include "diagram_options.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo dot_info{
    .name = "dot",
    .synopsis = "GraphViz DOT of the organisation chart or an entity's neighbourhood, sources in tooltips",
    .arguments = "",
};

class DotCommand final : public Command {
public:
    DotCommand() : Command(dot_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    DiagramOptions m_diagram;
    std::string m_output;
};

}  // namespace

std::unique_ptr<Command> make_dot_command() {
    return std::make_unique<DotCommand>();
}

void DotCommand::add_options(po::options_description& options, po::positional_options_description&) {
    options.add(diagram_options(m_diagram)).add(data_options(m_data));
    po::options_description output("Output");
    output.add_options()("output,o", path_value(&m_output, "-o")->value_name("FILE"),
                         "write to FILE (atomically: a temporary file renamed into place) instead of standard output");
    options.add(output);
}

void DotCommand::setup(const po::variables_map&) {
    check_single_format_name(m_output, "dot", "dot", "Graphviz DOT",
                             "'orgraph render' draws the diagram as svg, png or pdf");
    check_diagram_options(m_diagram);
    (void)m_data.as_of_date();
}

int DotCommand::run() {
    const auto graph = load_graph(m_data);
    Output output(m_output);
    write_diagram_dot(output.stream(), graph, m_diagram, m_data);
    output.commit();
    return 0;
}

}  // namespace orgraph::cli
