#include "commands.hpp"

#include <fmt/format.h>

#include "answer.hpp"
#include "orgraph/analysis/reach.hpp"
#include "route_command.hpp"
#include "route_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo reach_info{
    .name = "reach",
    .synopsis =
        "everything an entity reaches (or, reversed, what reaches it), with distance and the step that got there",
    .arguments = "ENTITY",
};

class ReachCommand final : public RouteCommand {
public:
    ReachCommand() : RouteCommand(reach_info) {}
    int run() override;

private:
    void add_own_options(po::options_description& options, po::positional_options_description& positional) override;
    void check_own_options(const po::variables_map& variables) override;

    ReachParams m_params;
    std::vector<std::string> m_kinds;
    std::string m_entity;
};

}  // namespace

std::unique_ptr<Command> make_reach_command() {
    return std::make_unique<ReachCommand>();
}

void ReachCommand::add_own_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("entity", po::value(&m_entity)->value_name("ENTITY"),
                          "where routes start: an id, name, acronym or alias")(
        "reverse", po::bool_switch(&m_params.reverse), "list what reaches ENTITY instead of what it reaches")(
        "kinds", po::value(&m_kinds)->composing()->value_name("KIND[,KIND]"),
        "report only entities of these kinds, subkinds included (routes still pass through others)")(
        "depth", number_value(&m_params.depth, "--depth", 0, 1000000)->value_name("N"),
        "at most N steps away (0: no limit; at most 1000000)");
    positional.add("entity", 1);
}

void ReachCommand::check_own_options(const po::variables_map&) {
    if (m_entity.empty()) throw usage_error("reach needs an ENTITY (an id, a name, an acronym or an alias)");
}

int ReachCommand::run() {
    const auto graph = load_route_graph();
    const NameResolver resolver(graph);
    const auto start = resolve_end(graph, resolver, m_entity);
    m_params.traversal = traversal_params();
    m_params.kinds = split_list(m_kinds);
    const auto result = with_known_kinds([&] { return reach(graph, start, m_params); });

    // Every entity reached and the step that reached it: the routes of the answer and its count
    // (with --kinds, those of other kinds are counted too, and the routes pass through them).
    AnswerUses uses(graph);
    uses.entity(start);
    for (const auto* list : {&result.reached, &result.passed})
        for (const auto& r : *list) {
            uses.entity(r.entity);
            uses.relation(r.step.relation);
        }
    note_uses(uses);

    const auto& name = entity_label(graph, start);
    const auto total = result.reached_total;
    auto lead = result.reverse ? fmt::format("{} {} reach{} {}", total, total == 1 ? "entity" : "entities",
                                             total == 1 ? "es" : "", name)
                               : fmt::format("{} reaches {} {}", name, total, total == 1 ? "entity" : "entities");
    if (total > 0) lead += ", at most " + hops(result.farthest) + " away";
    if (result.reached.size() != total) lead += fmt::format("; {} of the kinds asked for", result.reached.size());
    lead += '.';

    Answer answer;
    answer.lead(std::move(lead)).date().entity("start", graph, start);
    answer.field("reverse", result.reverse);
    answer.field("reached_total", static_cast<std::uint64_t>(result.reached_total));
    answer.field("farthest", static_cast<std::uint64_t>(result.farthest));
    answer.field("listed", static_cast<std::uint64_t>(result.reached.size()));
    // Made row by row as they are written: a reach can list most of a large graph.
    answer.list({.key = "reached",
                 .rows = {{"distance", "id", "name", "kind", result.reverse ? "leads_on_by" : "reached_by", "derived",
                           "sources"},
                          {true, false, false, false, false, false, false},
                          result.reached.size(),
                          [&](std::size_t i, std::vector<std::string>& cells) {
                              const auto& r = result.reached[i];
                              const auto& relation = graph.relation(r.step.relation);
                              cells = {std::to_string(r.distance),
                                       std::string(graph.entity_id(r.entity)),
                                       std::string(graph.entity_name(r.entity)),
                                       graph.kind_of(r.entity).id,
                                       step_ids(graph, r.step),
                                       relation.derived ? fmt::format("rule {}", relation.rule) : "no",
                                       graph.cite(relation.citations)};
                          }},
                 .record =
                     [&](JsonWriter& json, std::size_t i) {
                         const auto& r = result.reached[i];
                         json.begin_object();
                         json.key("entity");
                         write_entity_reference(json, graph, r.entity);
                         json.field("distance", static_cast<std::uint64_t>(r.distance));
                         json.key(result.reverse ? "first_step" : "last_step");
                         write_step_json(json, graph, r.step);
                         json.end_object();
                     },
                 .omit_when_empty = true});
    answer.csv_last_list();
    answer.print(m_output);
    return 0;
}

}  // namespace orgraph::cli
