#include "route_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "command.hpp"

namespace orgraph::cli {
namespace {

Step fact_step(const Graph& graph, RelationIndex r) {
    const auto& relation = graph.relation(r);
    return {r, false, relation.from, relation.to};
}

void write_step_text(std::ostream& out, const Graph& graph, const Step& step, const std::string& indent) {
    out << indent << step_line(graph, step) << '\n';
    const auto& relation = graph.relation(step.relation);
    if (!relation.derived) return;
    for (auto f : relation.derived_from) write_step_text(out, graph, fact_step(graph, f), indent + "    ");
}

void write_citations_json(JsonWriter& json, const Graph& graph, const Citations& citations) {
    json.begin_array();
    for (const auto& c : citations) {
        json.begin_object().field("source", graph.sources[c.source].id).field("locator", c.locator);
        json.field("cite", graph.cite(c)).end_object();
    }
    json.end_array();
}

std::string reasons_text(const Graph& graph, RelationKindIndex kind, std::uint8_t refusal) {
    const auto& id = graph.schema.relation_kind(kind).id;
    std::vector<std::string> reasons;
    if (refusal & refusal_not_in_via) reasons.push_back(fmt::format("'{}' is not among --via", id));
    if (refusal & refusal_not_backward)
        reasons.push_back(fmt::format("'{}' is not walked backwards (backward = false in the schema)", id));
    if (refusal & refusal_derived_off) reasons.push_back("derived relations are off (--no-derived)");
    std::string text;
    for (const auto& r : reasons) text += (text.empty() ? "" : "; ") + r;
    return text;
}

void write_reasons_json(JsonWriter& json, std::uint8_t refusal) {
    json.begin_array();
    if (refusal & refusal_not_in_via) json.value("not_in_via");
    if (refusal & refusal_not_backward) json.value("not_backward");
    if (refusal & refusal_derived_off) json.value("derived_off");
    json.end_array();
}

constexpr std::size_t listed_at_most = 10;

}  // namespace

std::string hops(std::size_t n) {
    return counted(n, "step", "steps");
}

std::string entity_label(const Graph& graph, EntityIndex entity) {
    const auto& e = graph.entity(entity);
    return fmt::format("{} ({})", visible(e.name), e.id);
}

std::string entity_label_dated(const Graph& graph, EntityIndex entity) {
    const auto& e = graph.entity(entity);
    const auto valid = validity_text(e.validity);
    if (valid.empty()) return entity_label(graph, entity);
    return fmt::format("{} ({}; valid {})", visible(e.name), e.id, valid);
}

std::string step_phrase(const Graph& graph, const Step& step) {
    const auto& kind = graph.kind_of_relation(step.relation);
    const auto& phrase = step.backward ? kind.inverse : kind.label;
    if (!phrase.empty()) return phrase;
    return step.backward ? kind.id + " (backwards)" : kind.id;
}

std::string step_sentence(const Graph& graph, const Step& step) {
    return fmt::format("{} — {} → {}", visible(graph.entity(step.from).name), visible(step_phrase(graph, step)),
                       visible(graph.entity(step.to).name));
}

std::string step_line(const Graph& graph, const Step& step, bool flat) {
    const auto& relation = graph.relation(step.relation);
    const auto valid = validity_text(relation.validity);
    const auto when = valid.empty() ? valid : "valid " + valid + "; ";
    if (relation.derived && flat)
        return fmt::format("{}   [derived by rule {}; {}{}]", step_sentence(graph, step), relation.rule, when,
                           graph.cite(relation.citations));
    if (relation.derived)
        return fmt::format("{}   [derived by rule {}{}, from:]", step_sentence(graph, step), relation.rule,
                           valid.empty() ? valid : ", valid " + valid);
    return fmt::format("{}   [{}{}]", step_sentence(graph, step), when, graph.cite(relation.citations));
}

std::string step_ids(const Graph& graph, const Step& step) {
    return fmt::format("{} — {} → {}", graph.entity(step.from).id, step_phrase(graph, step), graph.entity(step.to).id);
}

void write_route_text(std::ostream& out, const Graph& graph, const Route& route, const std::string& indent) {
    for (const auto& step : route) write_step_text(out, graph, step, indent);
}

void Derivations::add(const Route& route) {
    for (const auto& step : route) add_relation(step.relation);
}

void Derivations::add_relation(RelationIndex relation) {
    const auto& r = m_graph.relation(relation);
    if (!r.derived || m_numbers.contains(relation)) return;
    m_order.push_back(relation);
    m_numbers.emplace(relation, m_order.size());
    for (auto f : r.derived_from) add_relation(f);
}

std::string Derivations::label(RelationIndex relation) const {
    const auto found = m_numbers.find(relation);
    return found == m_numbers.end() ? std::string{} : fmt::format("D{}", found->second);
}

std::string step_line_numbered(const Graph& graph, const Step& step, const Derivations& derivations) {
    const auto& relation = graph.relation(step.relation);
    if (!relation.derived) return step_line(graph, step);
    const auto valid = validity_text(relation.validity);
    return fmt::format("{}   [{}: rule {}{}]", step_sentence(graph, step), derivations.label(step.relation),
                       relation.rule, valid.empty() ? valid : ", valid " + valid);
}

void write_route_text_numbered(std::ostream& out, const Graph& graph, const Route& route, const std::string& indent,
                               const Derivations& derivations) {
    for (const auto& step : route) out << indent << step_line_numbered(graph, step, derivations) << '\n';
}

void write_derivations_text(std::ostream& out, const Graph& graph, const Derivations& derivations) {
    if (derivations.relations().empty()) return;
    out << fmt::format("\nDerivations ({}):\n\n", derivations.relations().size());
    for (auto r : derivations.relations()) {
        const auto& relation = graph.relation(r);
        const auto valid = validity_text(relation.validity);
        out << fmt::format("{}  {}   [rule {}{}, from:]\n", derivations.label(r),
                           step_sentence(graph, fact_step(graph, r)), relation.rule,
                           valid.empty() ? valid : ", valid " + valid);
        for (auto f : relation.derived_from)
            out << "      " << step_line_numbered(graph, fact_step(graph, f), derivations) << '\n';
    }
}

std::vector<std::string> derivation_columns() {
    auto columns = step_columns();
    columns.insert(columns.begin(), {"derivation", "derives", "rule", "fact"});
    return columns;
}

void add_derivation_rows(std::vector<std::vector<std::string>>& rows, const Graph& graph,
                         const Derivations& derivations) {
    for (auto r : derivations.relations()) {
        const auto& relation = graph.relation(r);
        for (std::size_t i = 0; i < relation.derived_from.size(); ++i) {
            const auto fact = fact_step(graph, relation.derived_from[i]);
            auto cells = step_cells(graph, fact);
            if (graph.relation(fact.relation).derived)
                cells[step_derived_column] += ", " + derivations.label(fact.relation);
            cells.insert(cells.begin(), {derivations.label(r), step_ids(graph, fact_step(graph, r)),
                                         std::string(relation.rule), std::to_string(i + 1)});
            rows.push_back(std::move(cells));
        }
    }
}

void use_route(AnswerUses& uses, const Route& route) {
    for (const auto& step : route) uses.relation(step.relation);
}

void use_no_route(AnswerUses& uses, const NoRouteExplanation& why) {
    if (why.connectable) use_route(uses, why.connection);
}

std::vector<EntityIndex> route_through(const Route& route) {
    std::vector<EntityIndex> through;
    for (std::size_t i = 0; i + 1 < route.size(); ++i) through.push_back(route[i].to);
    return through;
}

void write_step_json(JsonWriter& json, const Graph& graph, const Step& step) {
    const auto& relation = graph.relation(step.relation);
    json.begin_object();
    json.key("from");
    write_entity_reference(json, graph, step.from);
    json.field("relation", graph.kind_of_relation(step.relation).id);
    json.field("reads", step_phrase(graph, step));
    json.field("direction", step.backward ? "backward" : "forward");
    json.key("to");
    write_entity_reference(json, graph, step.to);
    json.field("derived", relation.derived);
    if (relation.derived) {
        json.field("rule", relation.rule);
        json.key("derived_from").begin_array();
        for (auto f : relation.derived_from) write_step_json(json, graph, fact_step(graph, f));
        json.end_array();
    }
    json.key("valid_from").value(relation.validity.from ? relation.validity.from->to_string() : std::string{});
    json.key("valid_to").value(relation.validity.to ? relation.validity.to->to_string() : std::string{});
    json.key("sources");
    write_citations_json(json, graph, relation.citations);
    json.end_object();
}

void write_route_json(JsonWriter& json, const Graph& graph, const Route& route) {
    json.begin_array();
    for (const auto& step : route) write_step_json(json, graph, step);
    json.end_array();
}

std::vector<std::string> step_columns() {
    return {"from_id", "from_name", "relation", "reads", "direction", "to_id", "to_name", "derived", "sources"};
}

std::vector<std::string> step_cells(const Graph& graph, const Step& step) {
    const auto& relation = graph.relation(step.relation);
    const auto& from = graph.entity(step.from);
    const auto& to = graph.entity(step.to);
    std::string derived = relation.derived ? fmt::format("rule {}", relation.rule) : "no";
    return {std::string(from.id),
            std::string(from.name),
            graph.kind_of_relation(step.relation).id,
            step_phrase(graph, step),
            step.backward ? "backward" : "forward",
            std::string(to.id),
            std::string(to.name),
            derived,
            graph.cite(relation.citations)};
}

// ---- explanations ----

void write_side_text(std::ostream& out, const TraversalView& view, const SideSummary& side, EntityIndex end,
                     bool towards) {
    const auto& graph = view.graph();
    const auto name = visible(graph.entity(end).name);
    if (side.reached <= 1) {
        out << (towards ? fmt::format("No route leads into {} at all.\n", name)
                        : fmt::format("No route leads anywhere from {}.\n", name));
    } else {
        const auto others = side.reached - 1;
        out << (towards ? fmt::format("Routes into {} come from {} {}, at most {} step{} away", name, others,
                                      others == 1 ? "entity" : "entities", side.depth, side.depth == 1 ? "" : "s")
                        : fmt::format("From {}, routes reach {} {}, at most {} step{} away", name, others,
                                      others == 1 ? "entity" : "entities", side.depth, side.depth == 1 ? "" : "s"));
        std::string farthest;
        for (std::size_t i = 0; i < side.frontier.size() && i < listed_at_most; ++i)
            farthest += (i ? ", " : "") + entity_label(graph, side.frontier[i]);
        if (side.frontier.size() > listed_at_most)
            farthest += fmt::format(" and {} more", side.frontier.size() - listed_at_most);
        out << "; the farthest: " << farthest << ".\n";
    }
    if (!side.refused.empty()) {
        const bool alone = side.reached <= 1;
        out << fmt::format("Steps {} {} that routes may not take:\n", towards ? "into" : "out of",
                           alone ? "it" : "them");
        for (const auto& r : side.refused) {
            const auto& kind = graph.schema.relation_kind(r.kind);
            const auto& phrase = r.backward ? kind.inverse : kind.label;
            out << fmt::format("  {} × “{}” ({})\n", r.count, phrase.empty() ? kind.id : phrase,
                               reasons_text(graph, r.kind, r.refusal));
        }
    }
    if (!side.not_passed.empty()) {
        std::string kinds;
        for (const auto& [kind, count] : side.not_passed)
            kinds +=
                fmt::format("{}{} {}", kinds.empty() ? "" : ", ", count,
                            count == 1 ? graph.schema.entity_kind(kind).label : graph.schema.entity_kind(kind).plural);
        out << "Reached but not passed through (not among --through): " << kinds << ".\n";
    }
}

void write_side_json(JsonWriter& json, const TraversalView& view, const SideSummary& side) {
    const auto& graph = view.graph();
    json.begin_object();
    json.field("reached", static_cast<std::uint64_t>(side.reached));
    json.field("depth", static_cast<std::uint64_t>(side.depth));
    json.field("frontier_size", static_cast<std::uint64_t>(side.frontier.size()));
    json.key("frontier").begin_array();
    for (std::size_t i = 0; i < side.frontier.size() && i < listed_at_most; ++i)
        write_entity_reference(json, graph, side.frontier[i]);
    json.end_array();
    json.key("refused").begin_array();
    for (const auto& r : side.refused) {
        json.begin_object().field("relation", graph.schema.relation_kind(r.kind).id);
        json.field("direction", r.backward ? "backward" : "forward");
        json.key("reasons");
        write_reasons_json(json, r.refusal);
        json.field("count", static_cast<std::uint64_t>(r.count)).end_object();
    }
    json.end_array();
    json.key("not_passed_through").begin_array();
    for (const auto& [kind, count] : side.not_passed)
        json.begin_object()
            .field("kind", graph.schema.entity_kind(kind).id)
            .field("count", static_cast<std::uint64_t>(count))
            .end_object();
    json.end_array();
    json.end_object();
}

std::vector<std::string> connection_changes(const TraversalView& view, const Route& route,
                                            const std::vector<Obstacle>& obstacles) {
    const auto& graph = view.graph();
    std::vector<std::string> changes;
    auto add = [&](std::string change) {
        if (std::find(changes.begin(), changes.end(), change) == changes.end()) changes.push_back(std::move(change));
    };
    for (const auto& o : obstacles) {
        const auto& step = route[o.hop];
        const auto& kind = graph.kind_of_relation(step.relation);
        if (o.entity_kind)
            add(fmt::format("pass through {} (add '{}' to --through)", graph.kind_of(step.from).plural,
                            graph.kind_of(step.from).id));
        if (o.refusal & refusal_not_in_via) add(fmt::format("follow '{}' (add it to --via)", kind.id));
        if (o.refusal & refusal_not_backward)
            add(fmt::format("walk '{}' backwards, “{}” (the schema says backward = false)", kind.id,
                            kind.inverse.empty() ? kind.id : kind.inverse));
        if (o.refusal & refusal_derived_off) add("follow derived relations (leave out --no-derived)");
    }
    return changes;
}

void write_connection_text(std::ostream& out, const TraversalView& view, const Route& route,
                           const std::vector<Obstacle>& obstacles, const std::string& indent) {
    const auto& graph = view.graph();
    for (std::size_t i = 0; i < route.size(); ++i) {
        std::string marks;
        for (const auto& o : obstacles) {
            if (o.hop != i) continue;
            if (o.entity_kind)
                marks += fmt::format("  ✗ {} is a {}, not among --through", visible(graph.entity(route[i].from).name),
                                     graph.kind_of(route[i].from).label);
            if (o.refusal) marks += "  ✗ " + reasons_text(graph, graph.relation(route[i].relation).kind, o.refusal);
        }
        std::ostringstream step;
        write_step_text(step, graph, route[i], indent);
        auto text = step.str();
        // The marks belong on the step's own line, before what a derived step rests on.
        const auto end_of_line = text.find('\n');
        text.insert(end_of_line, marks);
        out << text;
    }
}

void write_connection_json(JsonWriter& json, const TraversalView& view, bool found, const Route& route,
                           const std::vector<Obstacle>& obstacles) {
    const auto& graph = view.graph();
    json.field("connectable", found);
    json.key("changes").begin_array();
    for (const auto& c : connection_changes(view, route, obstacles)) json.value(c);
    json.end_array();
    json.key("connection").begin_array();
    for (std::size_t i = 0; i < route.size(); ++i) {
        json.begin_object();
        json.key("hop");
        write_step_json(json, graph, route[i]);
        std::uint8_t refusal = 0;
        bool entity_kind = false;
        for (const auto& o : obstacles)
            if (o.hop == i) {
                refusal |= o.refusal;
                entity_kind = entity_kind || o.entity_kind;
            }
        json.key("refused");
        write_reasons_json(json, refusal);
        json.field("start_not_passable", entity_kind);
        json.end_object();
    }
    json.end_array();
}

void write_unreached_json(JsonWriter& json, const TraversalView& view, const std::vector<UnreachedTarget>& unreached) {
    json.key("unreached").begin_array();
    for (const auto& u : unreached) {
        json.begin_object();
        json.key("target");
        write_entity_reference(json, view.graph(), u.target);
        write_connection_json(json, view, u.connection.found, u.connection.route, u.connection.obstacles);
        json.end_object();
    }
    json.end_array();
}

void write_no_route_text(std::ostream& out, const TraversalView& view, EntityIndex from, EntityIndex to,
                         const NoRouteExplanation& why) {
    const auto& graph = view.graph();
    out << fmt::format("No route from {} to {}.\n\n", entity_label(graph, from), entity_label(graph, to));
    write_side_text(out, view, why.forward, from, false);
    out << '\n';
    write_side_text(out, view, why.backward, to, true);
    out << '\n';
    if (!why.connectable) {
        out << "Nothing joins them even with every relation walked both ways and every kind passed through: they lie "
               "in separate parts of the graph.\n";
        return;
    }
    const auto changes = connection_changes(view, why.connection, why.obstacles);
    out << fmt::format(
        "What would connect them: the connection with the fewest refused steps ({} step{}) needs these changes:\n",
        why.connection.size(), why.connection.size() == 1 ? "" : "s");
    for (const auto& c : changes) out << "  - " << c << '\n';
    out << '\n';
    write_connection_text(out, view, why.connection, why.obstacles, "  ");
}

void write_no_route_json(JsonWriter& json, const TraversalView& view, const NoRouteExplanation& why) {
    json.begin_object();
    json.key("forward");
    write_side_json(json, view, why.forward);
    json.key("backward");
    write_side_json(json, view, why.backward);
    write_connection_json(json, view, why.connectable, why.connection, why.obstacles);
    json.end_object();
}

}  // namespace orgraph::cli
