#include <fmt/format.h>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "coverage_query.hpp"
#include "orgraph/analysis/coverage.hpp"
#include "orgraph/report/coverage_map.hpp"
#include "orgraph/write/world_map.hpp"
#include "progress.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo map_info{
    .name = "map",
    .synopsis = "a world map of a coverage answer: each place filled by the unit that answers for it (SVG, PNG, PDF)",
    .arguments = "",
};

class MapCommand final : public Command {
public:
    MapCommand() : Command(map_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    CoverageQuery m_query;
    std::string m_format;
    std::string m_output;
    double m_width = 1600;
    RenderFormat m_render = RenderFormat::svg;
};

}  // namespace

std::unique_ptr<Command> make_map_command() {
    return std::make_unique<MapCommand>();
}

void MapCommand::add_options(po::options_description& options, po::positional_options_description&) {
    po::options_description output("Output", 100, 50);
    output.add_options()("format,f", po::value(&m_format)->value_name("FORMAT"),
                         "svg, png or pdf (default: from the extension of -o, else svg)")(
        "output,o", po::value(&m_output)->value_name("FILE"),
        "write to FILE atomically (default: standard output, also -; PNG and PDF only when it is not a terminal)")(
        "width", po::value(&m_width)->default_value(m_width)->value_name("PIXELS"),
        "the map's width in pixels (points in PDF), 600 to 10000");
    options.add(coverage_query_options(m_query)).add(data_options(m_data)).add(output);
}

void MapCommand::setup(const po::variables_map& variables) {
    check_coverage_query(m_query, variables);
    (void)m_data.as_of_date();
    if (m_format.empty()) {
        m_format = picture_format_of(m_output, "map", "--format");
    }
    const auto format = parse_render_format(m_format);
    if (!format)
        throw usage_error(fmt::format("--format '{}' is not a format map writes (expected svg, png or pdf)", m_format));
    check_picture_name(m_output, m_format, "--format");
    m_render = *format;
    if (m_render != RenderFormat::svg) check_binary_output(m_output, fmt::format("a {} map", m_format));
    if (!(m_width >= 600 && m_width <= 10000)) throw usage_error("--width must be between 600 and 10000");
}

int MapCommand::run() {
    const auto graph = load_graph(m_data);
    const auto params = coverage_params(graph, m_query, m_data);
    const auto report = compute_coverage(graph, params);
    const auto universe = parse_universe(m_query.universe, graph.schema);
    MapOptions options;
    options.width = m_width;
    options.title = coverage_question(graph, report) + " — " + universe.description;
    options.subtitle = coverage_answer(graph, report, universe);
    const auto scene = make_coverage_map(graph, params, report, options);
    if (!scene.unmapped.empty()) {
        std::string list;
        for (const auto& u : scene.unmapped) list += (list.empty() ? "" : ", ") + u;
        const auto n = scene.unmapped.size();
        warn(fmt::format("map: {} {} of the universe not on the map (no shape): {}", n == 1 ? "one" : std::to_string(n),
                         place_words(graph.schema, params.place_kind).of(n), list));
    }
    const auto picture = map_picture(scene, m_render);
    Output output(m_output == "-" ? std::string{} : m_output);
    output.stream().write(picture.data(), static_cast<std::streamsize>(picture.size()));
    output.commit();
    return 0;
}

}  // namespace orgraph::cli
