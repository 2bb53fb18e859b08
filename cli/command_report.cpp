#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "coverage_query.hpp"
#include "orgraph/analysis/coverage.hpp"
#include "orgraph/report/html_report.hpp"
#include "orgraph/version.hpp"
#include "progress.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo report_info{
    .name = "report",
    .synopsis = "one self-contained HTML page: chart, coverage map, uncovered places, units, contact routes, sources",
    .arguments = "",
};

class ReportCommand final : public Command {
public:
    ReportCommand() : Command(report_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    CoverageQuery m_query;
    HtmlReportOptions m_report;
    std::string m_output;
    bool m_associations_given = false, m_focus_given = false, m_routes_given = false;
};

}  // namespace

std::unique_ptr<Command> make_report_command() {
    return std::make_unique<ReportCommand>();
}

void ReportCommand::add_options(po::options_description& options, po::positional_options_description&) {
    po::options_description page("Page", 100, 50);
    page.add_options()("output,o", path_value(&m_output, "-o")->value_name("FILE"),
                       "write the page to FILE atomically (default: standard output)")(
        "title", po::value(&m_report.title)->value_name("TEXT"),
        "the page's title (default: the names of the chart's roots)")(
        "associations", po::value(&m_report.association_kind)->value_name("KIND"),
        "the kind of entity whose focus and contact routes the page lists (default: the schema's "
        "[presentation.report])")(
        "focus-by", po::value(&m_report.focus_relation)->value_name("RELATION"),
        "the relation kind that says what each of those entities focuses on (default: the schema's)")(
        "routes-to", po::value(&m_report.route_kind)->value_name("KIND"),
        "the kind of entity their contact routes lead to (default: the schema's)");
    options.add(page).add(coverage_query_options(m_query)).add(data_options(m_data));
}

void ReportCommand::setup(const po::variables_map& variables) {
    check_single_format_name(m_output, "report", "html", "one HTML page", "");
    check_coverage_query(m_query, variables);
    (void)m_data.as_of_date();
    if (variables.count("associations") && m_report.association_kind.empty())
        throw usage_error("--associations needs an entity kind");
    if (variables.count("focus-by") && m_report.focus_relation.empty())
        throw usage_error("--focus-by needs a relation kind");
    if (variables.count("routes-to") && m_report.route_kind.empty())
        throw usage_error("--routes-to needs an entity kind");
    m_associations_given = variables.count("associations") != 0;
    m_focus_given = variables.count("focus-by") != 0;
    m_routes_given = variables.count("routes-to") != 0;
}

int ReportCommand::run() {
    const auto graph = load_graph(m_data);
    const auto& schema = graph.schema;
    // Kinds named on the command line must exist; the defaults may be missing from another
    // dataset's schema, and the page then says what it left out.
    if (m_associations_given) (void)known_entity_kind(schema, "--associations", m_report.association_kind);
    if (m_focus_given) (void)known_relation_kind(schema, "--focus-by", m_report.focus_relation);
    if (m_routes_given) (void)known_entity_kind(schema, "--routes-to", m_report.route_kind);
    m_report.coverage = coverage_params(graph, m_query, m_data);
    const auto universe = parse_universe(m_query.universe, graph.schema);
    const auto coverage = compute_coverage(graph, m_report.coverage);
    m_report.universe_description = universe.description;
    m_report.map_title = coverage_question(graph, coverage) + " — " + universe.description;
    m_report.map_subtitle = coverage_answer(graph, coverage, universe);
    m_report.generator = fmt::format("orgraph {}", ORGRAPH_VERSION_STRING);
    const auto page = html_report(graph, m_report, coverage);
    for (const auto& w : page.warnings) warn("graphviz: " + w);
    Output output(m_output == "-" ? std::string{} : m_output);
    output.stream().write(page.html.data(), static_cast<std::streamsize>(page.html.size()));
    output.commit();
    return 0;
}

}  // namespace orgraph::cli
