#include "commands.hpp"

#include <fmt/format.h>

#include "orgraph/analysis/routes.hpp"
#include "route_command.hpp"
#include "route_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo routes_info{
    .name = "routes",
    .synopsis =
        "contact routes: the best route from an entity to every entity of a kind, and why the rest are out of reach",
    .arguments = "FROM --to-kind KIND",
    .examples =
        "orgraph routes korua --to-kind mission\n"
        "orgraph --with dprk-missions routes \"Korea-Africa Association\" --to-kind embassy\n"
        "orgraph --with dprk-missions routes kafa --to-kind mission --as-of 2024-06 --format csv\n"
        "orgraph routes korua --to-kind mission --via contact_via --format json",
};

class RoutesCommand final : public RouteCommand {
public:
    RoutesCommand() : RouteCommand(routes_info) {}
    int run() override;

private:
    void add_own_options(po::options_description& options, po::positional_options_description& positional) override;
    void check_own_options(const po::variables_map& variables) override;

    RoutesParams m_params;
    std::string m_from;
};

}  // namespace

std::unique_ptr<Command> make_routes_command() {
    return std::make_unique<RoutesCommand>();
}

void RoutesCommand::add_own_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("from", po::value(&m_from)->value_name("FROM"),
                          "where routes start: an id, name, acronym or alias")(
        "to-kind", po::value(&m_params.to_kind)->value_name("KIND"),
        "the kind of entity routes lead to, subkinds included (e.g. mission, embassy)");
    positional.add("from", 1);
}

void RoutesCommand::check_own_options(const po::variables_map&) {
    if (m_from.empty()) throw usage_error("routes needs FROM (an id, a name, an acronym or an alias)");
    if (m_params.to_kind.empty()) throw usage_error("routes needs --to-kind KIND (e.g. --to-kind mission)");
}

int RoutesCommand::run() {
    const auto graph = load_route_graph();
    const NameResolver resolver(graph);
    const auto from = resolve_end(graph, resolver, m_from);
    m_params.traversal = traversal_params();
    const auto result = with_known_kinds([&] { return find_routes(graph, from, m_params); });
    const TraversalView view(graph, m_params.traversal);
    const auto& kind = graph.schema.entity_kind(result.kind);
    const auto total = result.reached.size() + result.unreached.size();

    Output output(m_output.output, m_output.parsed_format());
    auto& out = output.stream();
    const auto format = m_output.parsed_format();
    if (format == Format::json) {
        JsonWriter json(out);
        json.begin_object();
        json.key("from");
        write_entity_json(json, graph, from);
        json.field("to_kind", kind.id);
        json.field("targets", static_cast<std::uint64_t>(total));
        json.key("reached").begin_array();
        for (const auto& r : result.reached) {
            json.begin_object();
            json.key("target");
            write_entity_json(json, graph, r.target);
            json.field("hops", static_cast<std::uint64_t>(r.route.size()));
            json.key("route");
            write_route_json(json, graph, r.route);
            json.end_object();
        }
        json.end_array();
        write_unreached_json(json, view, result.unreached);
        json.key("search");
        write_side_json(json, view, result.side);
        json.end_object();
        json.finish();
    } else if (format == Format::table) {
        out << fmt::format("Routes from {} to {}: {} of {} reachable.\n", entity_label(graph, from), kind.plural,
                           result.reached.size(), total);
        for (const auto& r : result.reached) {
            out << fmt::format("\n{}, {} — {}\n", entity_label_dated(graph, r.target), graph.kind_of(r.target).label,
                               hops(r.route.size()));
            write_route_text(out, graph, r.route, "  ");
        }
        if (!result.unreached.empty()) {
            out << fmt::format("\nOut of reach ({}):\n", result.unreached.size());
            for (const auto& u : result.unreached) {
                out << fmt::format("\n{}, {}\n", entity_label_dated(graph, u.target), graph.kind_of(u.target).label);
                if (!u.connection.found) {
                    out << "  nothing joins it to the start, whatever the direction\n";
                    continue;
                }
                out << "  a route would need you to:";
                const auto changes = connection_changes(view, u.connection.route, u.connection.obstacles);
                for (std::size_t i = 0; i < changes.size(); ++i) out << (i ? "; " : " ") << changes[i];
                out << '\n';
                write_connection_text(out, view, u.connection.route, u.connection.obstacles, "    ");
            }
            out << '\n';
            write_side_text(out, view, result.side, from, false);
        }
    } else {
        auto columns = step_columns();
        columns.insert(columns.begin(), {"target_id", "target_name", "target_kind", "hops", "step"});
        Table table(columns, {false, false, false, true, true});
        for (const auto& r : result.reached) {
            const auto& target = graph.entity(r.target);
            for (std::size_t s = 0; s < r.route.size(); ++s) {
                auto cells = step_cells(graph, r.route[s]);
                cells.insert(cells.begin(),
                             {std::string(target.id), std::string(target.name), graph.kind_of(r.target).id,
                              std::to_string(r.route.size()), std::to_string(s + 1)});
                table.add(std::move(cells));
            }
        }
        // Targets out of reach keep a row, with no steps.
        for (const auto& u : result.unreached) {
            const auto& target = graph.entity(u.target);
            std::vector<std::string> cells{std::string(target.id), std::string(target.name), graph.kind_of(u.target).id,
                                           "", ""};
            cells.resize(columns.size());
            table.add(std::move(cells));
        }
        write_table(out, table, format);
    }
    output.commit();
    return 0;
}

}  // namespace orgraph::cli
