#include "diagram_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "orgraph/analysis/paths.hpp"
#include "orgraph/load/route_json.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/report/overview.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {
namespace {

// "a,b" "c" -> a, b, c
std::vector<std::string> split_commas(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            const auto comma = v.find(',', start);
            const auto item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!item.empty()) out.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

}  // namespace

po::options_description diagram_options(DiagramOptions& options) {
    po::options_description group("Diagram");
    group.add_options()(
        "overview", po::bool_switch(&options.overview),
        "draw a compact organisation chart that fits one screen: the top of the organisation and the parts the "
        "schema's overview names, each unit that answers for places with how many it answers for, nothing below "
        "them")("focus", po::value(&options.focus)->value_name("ENTITY"),
                "draw this entity's neighbourhood instead of the organisation chart (an id, name, acronym or alias)")(
        "depth", number_value(&options.params.depth, "--depth", 0, 1000000)->value_name("N"),
        "with --focus: how many steps out to draw, along relations either way (1 to 1000000)")(
        "kinds", po::value(&options.kinds)->composing()->value_name("KIND,..."),
        "draw only entities of these kinds (and their subkinds)")(
        "relations", po::value(&options.relations)->composing()->value_name("RELATION,..."),
        "draw only relations of these kinds")(
        "fold", po::value(&options.fold)->composing()->value_name("KIND,..."),
        "list entities of these kinds inside the nodes related to them instead of drawing them "
        "(kinds by id or plural, 'outside', or 'none'; default: in the organisation chart what lies outside it and "
        "the kinds the schema folds, none with --focus)")(
        "highlight", po::value(&options.highlight)->multitoken()->value_name("FROM TO"),
        "mark a shortest route from FROM to TO (forward, or backward where the schema allows)")(
        "highlight-json", po::value(&options.highlight_json)->value_name("FILE"),
        "mark the route(s) in FILE (- for standard input), as written by 'orgraph path --format json' (hops with "
        "from.id and to.id)")("title", po::value(&options.params.title)->value_name("TEXT"),
                              "the title drawn above the diagram")("no-legend", po::bool_switch(&options.no_legend),
                                                                   "leave out the legend of kinds and relations");
    return group;
}

void check_diagram_options(const DiagramOptions& options) {
    if (!options.highlight.empty() && options.highlight.size() != 2)
        throw usage_error(
            fmt::format("--highlight takes two entities, FROM and TO (got {})", options.highlight.size()));
    if (!options.highlight.empty() && !options.highlight_json.empty())
        throw usage_error("--highlight and --highlight-json cannot be combined");
    if (options.params.depth == 0 && !options.focus.empty()) throw usage_error("--depth must be at least 1");
    if (options.overview) {
        // The overview is the top of the organisation chart: nothing to centre, fold or route through.
        for (const auto& [given, name] : {std::pair{!options.focus.empty(), "--focus"},
                                          {!options.fold.empty(), "--fold"},
                                          {!options.highlight.empty(), "--highlight"},
                                          {!options.highlight_json.empty(), "--highlight-json"}})
            if (given)
                throw usage_error(fmt::format(
                    "--overview cannot be combined with {}: the overview is the organisation's top levels, drawn "
                    "whole (draw the full chart or a neighbourhood without --overview)",
                    name));
    }
    const auto fold = split_commas(options.fold);
    if (fold.size() > 1 && std::find(fold.begin(), fold.end(), "none") != fold.end())
        throw usage_error("--fold none cannot be combined with kinds to fold");
}

void write_diagram_dot(std::ostream& out, const Graph& graph, DiagramOptions& options, const DataOptions& data) {
    auto& params = options.params;
    params.overview = options.overview;
    params.kinds = split_commas(options.kinds);
    params.relations = split_commas(options.relations);
    if (!options.fold.empty()) params.fold = split_commas(options.fold);
    params.legend = !options.no_legend;
    // Building the resolver indexes every name: only when a name is to be resolved.
    std::optional<NameResolver> names;
    auto resolve = [&](const std::string& text) {
        if (!names) names.emplace(graph);
        return resolve_one(graph, *names, text);
    };
    if (!options.focus.empty()) params.focus = resolve(options.focus);
    try {
        if (options.highlight.size() == 2) {
            const auto from = resolve(options.highlight[0]);
            const auto to = resolve(options.highlight[1]);
            std::optional<std::vector<RelationIndex>> route;
            try {
                route = shortest_route(graph, from, to, params.relations);
            } catch (const unknown_kind_error& e) {
                throw usage_error(e.what());  // an unknown relation kind in --relations
            }
            if (!route)
                throw std::runtime_error(fmt::format("no route from {} ({}) to {} ({}) in the loaded data",
                                                     graph.entity(from).name, graph.entity(from).id,
                                                     graph.entity(to).name, graph.entity(to).id));
            params.highlight = std::move(*route);
        }
        if (!options.highlight_json.empty()) {
            const auto text = read_input_text(options.highlight_json, "--highlight-json");
            try {
                params.highlight = route_relations(graph, read_route_json(text));
            } catch (const route_json_error& e) {
                throw std::runtime_error(fmt::format("{}: {}", options.highlight_json, e.what()));
            }
        }
        // The overview counts countries for the date the answer is for, as `coverage` does.
        if (options.overview) {
            const auto as_of = data.as_of_date();
            params.overview_counts =
                overview_counts(graph, as_of, as_of ? std::nullopt : std::optional<Date>(run_date()));
        }
        write_dot(out, graph, params);
    } catch (const diagram_error& e) {
        // An unknown kind or relation kind on the command line.
        throw usage_error(e.what());
    }
}

}  // namespace orgraph::cli
