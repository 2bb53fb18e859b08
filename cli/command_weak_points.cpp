#include "commands.hpp"

#include <fmt/format.h>

#include <optional>

#include "answer.hpp"
#include "orgraph/analysis/weak_points.hpp"
#include "route_command.hpp"
#include "route_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo weak_points_info{
    .name = "weak-points",
    .synopsis =
        "single points of failure: the entities and relations every route from an entity to its targets passes through",
    .arguments = "FROM (TO | --to-kind KIND)",
};

class WeakPointsCommand final : public RouteCommand {
public:
    WeakPointsCommand() : RouteCommand(weak_points_info) {}
    int run() override;

private:
    void add_own_options(po::options_description& options, po::positional_options_description& positional) override;
    void check_own_options(const po::variables_map& variables) override;

    WeakPointsParams m_params;
    std::string m_from;
    std::string m_to;
};

std::string names(const Graph& graph, const std::vector<EntityIndex>& entities) {
    std::string text;
    for (auto e : entities) text += (text.empty() ? "" : ", ") + entity_label(graph, e);
    return text;
}

}  // namespace

std::unique_ptr<Command> make_weak_points_command() {
    return std::make_unique<WeakPointsCommand>();
}

void WeakPointsCommand::add_own_options(po::options_description& options,
                                        po::positional_options_description& positional) {
    options.add_options()("from", po::value(&m_from)->value_name("FROM"), "where routes start")(
        "to", po::value(&m_to)->value_name("TO"), "the one target")(
        "to-kind", po::value(&m_params.to_kind)->value_name("KIND"),
        "instead of TO: every entity of this kind, subkinds included");
    positional.add("from", 1).add("to", 1);
}

void WeakPointsCommand::check_own_options(const po::variables_map&) {
    if (m_from.empty()) throw usage_error("weak-points needs FROM (an id, a name, an acronym or an alias)");
    if (m_to.empty() == m_params.to_kind.empty())
        throw usage_error("weak-points needs either TO or --to-kind KIND, not both");
}

int WeakPointsCommand::run() {
    const auto graph = load_route_graph();
    const NameResolver resolver(graph);
    const auto from = resolve_end(graph, resolver, m_from);
    std::optional<EntityIndex> to;
    if (!m_to.empty()) to = resolve_other_end(graph, resolver, m_to, from);
    m_params.traversal = traversal_params();
    const auto result = with_known_kinds([&] { return find_weak_points(graph, from, to, m_params); });
    const TraversalView view(graph, m_params.traversal);
    const std::string targets_text =
        to ? entity_label(graph, *to) : graph.schema.entity_kind(*graph.schema.entity_kind(m_params.to_kind)).plural;
    const auto total = result.targets.size() + result.unreached.size();

    // Whether an entity is a weak point depends on every route to the targets: the entities and
    // steps of the graph of routes (an uncertain one may be the other way round a point).
    AnswerUses uses(graph);
    uses.entity(from);
    if (to) uses.entity(*to);
    uses.entities(result.on_routes);
    for (const auto& s : result.route_steps) uses.relation(s.relation);
    for (const auto& u : result.unreached) {
        uses.entity(u.target);
        if (u.connection.found) use_route(uses, u.connection.route);
    }
    if (result.no_route) use_no_route(uses, *result.no_route);
    note_uses(uses);

    Answer answer;
    if (result.no_route) {
        answer.text([&](std::ostream& out) { write_no_route_text(out, view, from, *to, *result.no_route); },
                    Shown::people);
    } else {
        answer.lead(
            fmt::format("Weak points on the routes from {} to {}{}.", entity_label(graph, from), targets_text,
                        to ? std::string{} : fmt::format(": {} of {} reachable", result.targets.size(), total)));
        // In a table, the points in words: those common to every route, and per target.
        answer.text(
            [&](std::ostream& out) {
                if (!result.targets.empty()) {
                    out << (result.targets.size() == 1 ? "\nEvery route to it passes through: "
                                                       : "\nEvery route to every one of them passes through: ");
                    out << (result.common_entities.empty() ? "no single entity" : names(graph, result.common_entities));
                    out << '\n';
                    if (result.common_relations.empty()) {
                        out << "No single relation lies on all of them.\n";
                    } else {
                        out << "and takes:\n";
                        write_route_text(out, graph, result.common_relations, "  ");
                    }
                }
                if (!to && !result.entities.empty()) {
                    out << "\nEntities whose loss cuts targets off:\n";
                    for (const auto& w : result.entities)
                        out << fmt::format("  {:>4}  {}, {}\n", w.targets, entity_label(graph, w.entity),
                                           graph.kind_of(w.entity).label);
                }
                if (!to && !result.relations.empty()) {
                    out << "\nRelations whose loss cuts targets off:\n";
                    for (const auto& c : result.relations)
                        out << fmt::format("  {:>4}  {}\n", c.targets, step_line(graph, c.step, true));
                }
                if (!to) {
                    out << "\nPer target:\n";
                    for (const auto& t : result.targets) {
                        out << fmt::format("  {}: ", entity_label(graph, t.target));
                        if (t.entities.empty() && t.relations.empty()) {
                            out << "no single point of failure\n";
                            continue;
                        }
                        out << (t.entities.empty() ? "no single entity" : "through " + names(graph, t.entities));
                        out << fmt::format("; {} critical relation{}\n", t.relations.size(),
                                           t.relations.size() == 1 ? "" : "s");
                        for (const auto& step : t.relations) out << "      " << step_line(graph, step, true) << '\n';
                    }
                    for (const auto& u : result.unreached)
                        out << fmt::format("  {}: no route (see 'orgraph path')\n", entity_label(graph, u.target));
                }
                out << fmt::format("\nRoutes from {} reach {} entities.\n", graph.entity(from).name,
                                   result.route_entities - 1);
            },
            Shown::table, true);
    }
    answer.date().entity("from", graph, from);
    if (to)
        answer.entity("to", graph, *to);
    else
        answer.field("to_kind", m_params.to_kind);
    answer.field("targets", static_cast<std::uint64_t>(total));
    answer.field("reachable", static_cast<std::uint64_t>(result.targets.size()));
    answer.field("route_entities", static_cast<std::uint64_t>(result.route_entities));
    answer.json("common", [&](JsonWriter& json) {
        json.begin_object();
        json.key("entities").begin_array();
        for (auto e : result.common_entities) write_entity_reference(json, graph, e);
        json.end_array();
        json.key("relations");
        write_route_json(json, graph, result.common_relations);
        json.end_object();
    });
    answer.list({.key = "entities",
                 .json_count = result.entities.size(),
                 .record =
                     [&](JsonWriter& json, std::size_t i) {
                         const auto& w = result.entities[i];
                         json.begin_object();
                         json.key("entity");
                         write_entity_reference(json, graph, w.entity);
                         json.field("targets", static_cast<std::uint64_t>(w.targets)).end_object();
                     },
                 .shown = Shown::json});
    answer.list({.key = "relations",
                 .json_count = result.relations.size(),
                 .record =
                     [&](JsonWriter& json, std::size_t i) {
                         const auto& c = result.relations[i];
                         json.begin_object();
                         json.key("hop");
                         write_step_json(json, graph, c.step);
                         json.field("targets", static_cast<std::uint64_t>(c.targets)).end_object();
                     },
                 .shown = Shown::json});
    answer.list({.key = "per_target",
                 .json_count = result.targets.size(),
                 .record =
                     [&](JsonWriter& json, std::size_t i) {
                         const auto& t = result.targets[i];
                         json.begin_object();
                         json.key("target");
                         write_entity_reference(json, graph, t.target);
                         json.key("entities").begin_array();
                         for (auto e : t.entities) write_entity_reference(json, graph, e);
                         json.end_array();
                         json.key("relations");
                         write_route_json(json, graph, t.relations);
                         json.end_object();
                     },
                 .shown = Shown::json});
    answer.json("", [&](JsonWriter& json) { write_unreached_json(json, view, result.unreached); });
    if (result.no_route)
        answer.json("no_route", [&](JsonWriter& json) { write_no_route_json(json, view, *result.no_route); });
    // Markdown and CSV: the points whose loss cuts targets off, a row each, entities first.
    answer.list({.rows = {{"point", "id", "name", "kind", "targets", "sources"},
                          {false, false, false, false, true, false},
                          result.entities.size() + result.relations.size(),
                          [&](std::size_t i, std::vector<std::string>& cells) {
                              if (i < result.entities.size()) {
                                  const auto& w = result.entities[i];
                                  const auto& e = graph.entity(w.entity);
                                  cells = {"entity",
                                           std::string(e.id),
                                           std::string(e.name),
                                           graph.kind_of(w.entity).id,
                                           std::to_string(w.targets),
                                           graph.cite(e.citations)};
                                  return;
                              }
                              const auto& c = result.relations[i - result.entities.size()];
                              const auto& relation = graph.relation(c.step.relation);
                              cells = {"relation",
                                       step_ids(graph, c.step),
                                       step_sentence(graph, c.step),
                                       graph.kind_of_relation(c.step.relation).id,
                                       std::to_string(c.targets),
                                       graph.cite(relation.citations)};
                          }},
                 .omit_when_empty = true,
                 .shown = Shown::markdown | Shown::csv});
    answer.csv_last_list();
    answer.print(m_output);
    return 0;
}

}  // namespace orgraph::cli
