#include "commands.hpp"
#include "progress.hpp"

#include <fmt/format.h>

#include <iostream>

#include "answer.hpp"
#include "orgraph/analysis/paths.hpp"
#include "route_command.hpp"
#include "route_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo path_info{
    .name = "path",
    .synopsis =
        "the shortest route from one entity to another (or the k shortest, or all up to N hops), each step sourced",
    .arguments = "FROM TO",
};

class PathCommand final : public RouteCommand {
public:
    PathCommand() : RouteCommand(path_info) {}
    int run() override;

private:
    void add_own_options(po::options_description& options, po::positional_options_description& positional) override;
    void check_own_options(const po::variables_map& variables) override;

    PathParams m_params;
    std::string m_from;
    std::string m_to;
    bool m_explain = false;
    bool m_filtered = false;  // --via or --through narrowed the routes
};

}  // namespace

std::unique_ptr<Command> make_path_command() {
    return std::make_unique<PathCommand>();
}

void PathCommand::add_own_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("from", po::value(&m_from)->value_name("FROM"), "where the route starts")(
        "to", po::value(&m_to)->value_name("TO"), "where it ends")(
        "k", number_value(&m_params.k, "--k", 1, 10000)->value_name("N"),
        "the N shortest loopless routes (Yen's algorithm; 1 to 10000)")(
        "all", po::bool_switch(&m_params.all), "every simple route of at most --max-hops steps, shortest first")(
        "max-hops", number_value(&m_params.max_hops, "--max-hops", 1, 1000)->value_name("N"),
        "with --all: the longest route listed (1 to 1000)")(
        "limit", number_value(&m_params.limit, "--limit", 1, 10000000)->value_name("N"),
        "with --all: stop after N routes (1 to 10000000)")(
        "explain", po::bool_switch(&m_explain),
        "write each derived step's derivation in full under it, instead of once, numbered, after the routes");
    positional.add("from", 1).add("to", 1);
}

void PathCommand::check_own_options(const po::variables_map& variables) {
    if (m_from.empty() || m_to.empty()) throw usage_error("path needs FROM and TO (ids, names, acronyms or aliases)");
    if (m_params.k == 0) throw usage_error("--k must be at least 1");
    if (m_params.all && !variables["k"].defaulted()) throw usage_error("--k and --all exclude each other");
    if (!m_params.all && !variables["max-hops"].defaulted()) throw usage_error("--max-hops goes with --all");
    if (m_params.all && m_params.max_hops == 0) throw usage_error("--max-hops must be at least 1");
    if (m_params.limit == 0) throw usage_error("--limit must be at least 1");
}

int PathCommand::run() {
    const auto graph = load_route_graph();
    const NameResolver resolver(graph);
    const auto from = resolve_end(graph, resolver, m_from);
    const auto to = resolve_other_end(graph, resolver, m_to, from);
    m_params.traversal = traversal_params();
    m_filtered = !m_params.traversal.via.empty() || !m_params.traversal.through.empty();
    const auto result = with_known_kinds([&] { return find_paths(graph, from, to, m_params); });
    const TraversalView view(graph, m_params.traversal);
    // --k asked for more routes than there are: every other route passes some entity twice.
    const bool fewer_than_asked = !m_params.all && !result.routes.empty() && result.routes.size() < m_params.k;
    const auto fewer_note = fmt::format(
        "found {} of the {} routes asked for: there is no other route from {} to {} that passes no entity twice{}",
        result.routes.size(), m_params.k, graph.entity(from).id, graph.entity(to).id,
        m_filtered ? " and keeps to --via and --through" : "");

    AnswerUses uses(graph);
    uses.entity(from);
    uses.entity(to);
    for (const auto& route : result.routes) use_route(uses, route);
    if (result.no_route) use_no_route(uses, *result.no_route);
    note_uses(uses);

    Answer answer;
    answer.date().entity("from", graph, from).entity("to", graph, to);
    answer.field("found", !result.routes.empty()).field("truncated", result.truncated);
    if (!m_params.all) {
        answer.field("asked", static_cast<std::uint64_t>(m_params.k));
        answer.field("fewer_than_asked", fewer_than_asked);
    }
    if (result.shortest_hops) answer.field("shortest_hops", static_cast<std::uint64_t>(*result.shortest_hops));
    // No route: why, for people in every format.
    if (result.no_route) {
        answer.text([&](std::ostream& out) { write_no_route_text(out, view, from, to, *result.no_route); },
                    Shown::people);
    } else if (result.routes.empty()) {
        answer.lead(fmt::format("No route from {} to {} within {}; the shortest takes {}.", entity_label(graph, from),
                                entity_label(graph, to), hops(m_params.max_hops), hops(*result.shortest_hops)));
    }
    // The routes read step by step in a table; Markdown and CSV list the steps, a row each.
    Derivations derivations(graph);
    for (const auto& route : result.routes) derivations.add(route);
    const bool several = m_params.all || m_params.k > 1;
    if (!result.routes.empty()) {
        if (!several)
            answer.lead(fmt::format("Shortest route from {} to {}: {}.", entity_label_dated(graph, from),
                                    entity_label_dated(graph, to), hops(result.routes.front().size())));
        else
            answer.lead(fmt::format("{} route{} from {} to {}{}.", result.routes.size(),
                                    result.routes.size() == 1 ? "" : "s", entity_label_dated(graph, from),
                                    entity_label_dated(graph, to),
                                    m_params.all ? fmt::format(" within {}", hops(m_params.max_hops)) : std::string{}));
        answer.text(
            [&](std::ostream& out) {
                auto write_route = [&](const Route& route) {
                    if (m_explain)
                        write_route_text(out, graph, route, "  ");
                    else
                        write_route_text_numbered(out, graph, route, "  ", derivations);
                };
                if (!several) {
                    out << '\n';
                    write_route(result.routes.front());
                } else {
                    if (fewer_than_asked) {
                        auto note = fewer_note;
                        note[0] = 'F';
                        out << note << ".\n";
                    }
                    for (std::size_t i = 0; i < result.routes.size(); ++i) {
                        out << fmt::format("\nRoute {}: {}\n", i + 1, hops(result.routes[i].size()));
                        write_route(result.routes[i]);
                    }
                    if (result.truncated)
                        out << fmt::format("\nStopped after {} routes (--limit); there are more.\n", m_params.limit);
                }
                if (!m_explain) write_derivations_text(out, graph, derivations);
            },
            Shown::table, true);
    }
    std::vector<std::pair<std::size_t, std::size_t>> steps;  // (route, step), a row each
    for (std::size_t i = 0; i < result.routes.size(); ++i)
        for (std::size_t s = 0; s < result.routes[i].size(); ++s) steps.emplace_back(i, s);
    auto columns = step_columns();
    columns.insert(columns.begin(), {"route", "hops", "step"});
    answer.list({.key = "routes",
                 .rows = {std::move(columns),
                          {true, true, true},
                          steps.size(),
                          [&](std::size_t r, std::vector<std::string>& cells) {
                              const auto [i, s] = steps[r];
                              cells = step_cells(graph, result.routes[i][s]);
                              cells.insert(cells.begin(),
                                           {std::to_string(i + 1), std::to_string(result.routes[i].size()),
                                            std::to_string(s + 1)});
                          }},
                 .json_count = result.routes.size(),
                 .record =
                     [&](JsonWriter& json, std::size_t i) {
                         const auto& route = result.routes[i];
                         json.begin_object().field("hops", static_cast<std::uint64_t>(route.size()));
                         json.key("route");
                         write_route_json(json, graph, route);
                         json.end_object();
                     },
                 .omit_when_empty = true,
                 .shown = Shown::markdown | Shown::csv | Shown::json});
    answer.csv_last_list();
    if (result.no_route)
        answer.json("no_route", [&](JsonWriter& json) { write_no_route_json(json, view, *result.no_route); });
    // CSV rows stay only rows: a script reading them learns of the shortfall on stderr.
    if (fewer_than_asked) {
        auto note = fewer_note;
        note[0] = 'F';
        answer.note(note + ".", Shown::markdown);
        answer.note(fewer_note, Shown::csv);
    }
    if (result.truncated)
        answer.note(fmt::format("Stopped after {} routes (--limit); there are more.", m_params.limit), Shown::markdown);
    answer.print(m_output);
    // Like grep: a search that finds nothing ends with status 1, its explanation on stdout.
    return result.routes.empty() ? 1 : 0;
}

}  // namespace orgraph::cli
