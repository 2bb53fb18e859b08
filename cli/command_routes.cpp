#include "commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

#include "answer.hpp"
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
    bool m_explain = false;
};

// The routes found, in the order the summary lists them: fewest steps first, then by the names of
// the entities passed through (so that the routes through one unit stand together), then by the
// target's name and id.
std::vector<const TargetRoute*> summary_order(const Graph& graph, const RoutesResult& result) {
    using Key = std::tuple<std::size_t, std::vector<std::string_view>, std::string_view, std::string_view>;
    std::vector<std::pair<Key, const TargetRoute*>> keyed;
    keyed.reserve(result.reached.size());
    for (const auto& r : result.reached) {
        std::vector<std::string_view> names;
        for (auto e : route_through(r.route)) names.push_back(graph.entity(e).name);
        keyed.push_back(
            {{r.route.size(), std::move(names), graph.entity(r.target).name, graph.entity(r.target).id}, &r});
    }
    // Ids are unique, so no two keys are equal.
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const TargetRoute*> order;
    order.reserve(keyed.size());
    for (const auto& [key, r] : keyed) order.push_back(r);
    return order;
}

std::string through_names(const Graph& graph, const Route& route) {
    std::string text;
    for (auto e : route_through(route)) text += (text.empty() ? "" : " → ") + std::string(graph.entity(e).name);
    return text.empty() ? "(direct)" : text;
}

// One row per target: the routes found in summary order, then those out of reach.
Table summary_table(const Graph& graph, const RoutesResult& result, const std::vector<const TargetRoute*>& order) {
    Table table({"target", "kind", "hops", "first step", "through"}, {false, false, true, false, false});
    for (const auto* r : order)
        table.add({entity_label_dated(graph, r->target), graph.kind_of(r->target).label,
                   std::to_string(r->route.size()), step_phrase(graph, r->route.front()),
                   through_names(graph, r->route)});
    for (const auto& u : result.unreached)
        table.add({entity_label_dated(graph, u.target), graph.kind_of(u.target).label, "-", "(out of reach)", ""});
    return table;
}

}  // namespace

std::unique_ptr<Command> make_routes_command() {
    return std::make_unique<RoutesCommand>();
}

void RoutesCommand::add_own_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("from", po::value(&m_from)->value_name("FROM"),
                          "where routes start: an id, name, acronym or alias")(
        "to-kind", po::value(&m_params.to_kind)->value_name("KIND"),
        "the kind of entity routes lead to, subkinds included")(
        "explain", po::bool_switch(&m_explain),
        "write each derived step's derivation in full under it, instead of once, numbered, after the routes");
    positional.add("from", 1);
}

void RoutesCommand::check_own_options(const po::variables_map&) {
    if (m_from.empty()) throw usage_error("routes needs FROM (an id, a name, an acronym or an alias)");
    if (m_params.to_kind.empty())
        throw usage_error("routes needs --to-kind KIND: the kind of entity the routes lead to");
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

    AnswerUses uses(graph);
    uses.entity(from);
    for (const auto& r : result.reached) {
        uses.entity(r.target);
        use_route(uses, r.route);
    }
    for (const auto& u : result.unreached) {
        uses.entity(u.target);
        if (u.connection.found) use_route(uses, u.connection.route);
    }
    note_uses(uses);

    // The targets in the summary's order (for people) and in the search's (JSON and CSV).
    const auto order = summary_order(graph, result);
    Derivations derivations(graph);
    for (const auto* r : order) derivations.add(r->route);
    const auto summary = summary_table(graph, result, order);

    Answer answer;
    answer.lead(fmt::format("Routes from {} to {}: {} of {} reachable.", entity_label(graph, from), kind.plural,
                            result.reached.size(), total));
    answer.date().entity("from", graph, from).field("to_kind", kind.id);
    answer.field("targets", static_cast<std::uint64_t>(total));
    // The summary, one row per target, stands under the sentence in a table and under a heading in
    // Markdown.
    answer.list({.rows = rows_of(summary), .omit_when_empty = true, .shown = Shown::table});
    answer.list({.title = "Summary", .counted_title = false, .rows = rows_of(summary), .shown = Shown::markdown});
    // In a table, each route read step by step, and why the targets out of reach are.
    answer.text(
        [&](std::ostream& out) {
            for (const auto* r : order) {
                out << fmt::format("\n{}, {} — {}\n", entity_label_dated(graph, r->target),
                                   graph.kind_of(r->target).label, hops(r->route.size()));
                if (m_explain)
                    write_route_text(out, graph, r->route, "  ");
                else
                    write_route_text_numbered(out, graph, r->route, "  ", derivations);
            }
            if (!m_explain) write_derivations_text(out, graph, derivations);
            if (result.unreached.empty()) return;
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
        },
        Shown::table, true);
    answer.list({.key = "reached",
                 .json_count = result.reached.size(),
                 .record =
                     [&](JsonWriter& json, std::size_t i) {
                         const auto& r = result.reached[i];
                         json.begin_object();
                         json.key("target");
                         write_entity_reference(json, graph, r.target);
                         json.field("hops", static_cast<std::uint64_t>(r.route.size()));
                         json.key("through").begin_array();
                         for (auto e : route_through(r.route)) write_entity_reference(json, graph, e);
                         json.end_array();
                         json.key("route");
                         write_route_json(json, graph, r.route);
                         json.end_object();
                     },
                 .shown = Shown::json});
    answer.json("", [&](JsonWriter& json) { write_unreached_json(json, view, result.unreached); });
    answer.json("search", [&](JsonWriter& json) { write_side_json(json, view, result.side); });

    // One row per step, and a row with no steps for a target out of reach: in Markdown in the
    // summary's order with the derivations numbered, in CSV in the order of the search.
    auto columns = step_columns();
    columns.insert(columns.begin(), {"target_id", "target_name", "target_kind", "hops", "step"});
    std::vector<const TargetRoute*> searched;
    for (const auto& r : result.reached) searched.push_back(&r);
    auto steps = [&](const std::vector<const TargetRoute*>& targets, bool numbered) {
        Table table(columns, {false, false, false, true, true});
        for (const auto* r : targets) {
            const auto& target = graph.entity(r->target);
            for (std::size_t s = 0; s < r->route.size(); ++s) {
                auto cells = step_cells(graph, r->route[s]);
                if (numbered && graph.relation(r->route[s].relation).derived)
                    cells[step_derived_column] += ", " + derivations.label(r->route[s].relation);
                cells.insert(cells.begin(),
                             {std::string(target.id), std::string(target.name), graph.kind_of(r->target).id,
                              std::to_string(r->route.size()), std::to_string(s + 1)});
                table.add(std::move(cells));
            }
        }
        for (const auto& u : result.unreached) {
            const auto& target = graph.entity(u.target);
            std::vector<std::string> cells{std::string(target.id), std::string(target.name), graph.kind_of(u.target).id,
                                           "", ""};
            cells.resize(columns.size());
            table.add(std::move(cells));
        }
        return table;
    };
    const auto read_steps = steps(order, true);
    const auto search_steps = steps(searched, false);
    answer.list({.title = "Steps", .counted_title = false, .rows = rows_of(read_steps), .shown = Shown::markdown});
    Table facts(derivation_columns(), {false, false, false, true});
    add_derivation_rows(facts.rows, graph, derivations);
    answer.list({.title = "Derivations",
                 .counted_title = false,
                 .rows = rows_of(facts),
                 .omit_when_empty = true,
                 .shown = Shown::markdown});
    answer.csv(rows_of(search_steps));
    answer.print(m_output);
    return 0;
}

}  // namespace orgraph::cli
