#include "commands.hpp"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "diagram_options.hpp"
#include "orgraph/write/render.hpp"
#include "progress.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo render_info{
    .name = "render",
    .synopsis = "lay out and render the diagram of 'orgraph dot' to SVG, PNG or PDF with Graphviz's library",
    .arguments = "",
};

class RenderCommand final : public Command {
public:
    RenderCommand() : Command(render_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    DiagramOptions m_diagram;
    std::string m_to;
    std::string m_output;
};

}  // namespace

std::unique_ptr<Command> make_render_command() {
    return std::make_unique<RenderCommand>();
}

void RenderCommand::add_options(po::options_description& options, po::positional_options_description&) {
    po::options_description output("Output");
    output.add_options()("to,t", po::value(&m_to)->value_name("FORMAT"),
                         "svg, png or pdf (default: from the extension of -o, else svg)")(
        "output,o", path_value(&m_output, "-o")->value_name("FILE"),
        "write to FILE (atomically: rendered in memory, then renamed into place), or - for standard output; "
        "required");
    options.add(output).add(diagram_options(m_diagram)).add(data_options(m_data));
}

void RenderCommand::setup(const po::variables_map&) {
    if (m_output.empty())
        throw usage_error(
            "render needs -o FILE, or -o - for standard output ('orgraph dot' writes the diagram as text)");
    if (m_to.empty()) m_to = picture_format_of(m_output, "render", "--to");
    const auto format = parse_render_format(m_to);
    if (!format)
        throw usage_error(fmt::format("--to '{}' is not a format render writes (expected svg, png or pdf)", m_to));
    check_picture_name(m_output, m_to, "--to");
    if (*format != RenderFormat::svg) check_binary_output(m_output, fmt::format("a {} picture", m_to));
    check_diagram_options(m_diagram);
    (void)m_data.as_of_date();
}

int RenderCommand::run() {
    const auto graph = load_graph(m_data);
    std::ostringstream dot;
    write_diagram_dot(dot, graph, m_diagram, m_data);
    const auto picture = render_dot(dot.str(), *parse_render_format(m_to));
    for (const auto& w : picture.warnings) warn(fmt::format("graphviz: {}", w));
    Output output(m_output);
    output.stream().write(picture.data.data(), static_cast<std::streamsize>(picture.data.size()));
    output.commit();
    return 0;
}

}  // namespace orgraph::cli
