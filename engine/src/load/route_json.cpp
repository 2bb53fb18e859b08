// Routes read back from JSON (`orgraph path --format json`) and matched to the loaded relations.
#include "orgraph/load/route_json.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "load/json_reader.hpp"

namespace orgraph {

std::vector<RelationIndex> route_relations(const Graph& graph, const std::vector<RouteHop>& hops) {
    std::vector<RelationIndex> route;
    for (const auto& hop : hops) {
        const auto from = graph.find(hop.from);
        const auto to = graph.find(hop.to);
        if (!from) throw route_json_error(fmt::format("the route names an unknown entity '{}'", hop.from));
        if (!to) throw route_json_error(fmt::format("the route names an unknown entity '{}'", hop.to));
        std::optional<RelationIndex> found;
        auto consider = [&](RelationIndex r) {
            if (found) return;
            const auto& rel = graph.relation(r);
            if (!hop.kind.empty() && graph.schema.relation_kind(rel.kind).id != hop.kind) return;
            if ((rel.from == *from && rel.to == *to) || (rel.from == *to && rel.to == *from)) found = r;
        };
        for (auto r : graph.out_relations(*from)) consider(r);
        for (auto r : graph.in_relations(*from)) consider(r);
        if (!found)
            throw route_json_error(fmt::format("no {}relation joins '{}' and '{}' in the loaded data",
                                               hop.kind.empty() ? std::string{} : "'" + hop.kind + "' ", hop.from,
                                               hop.to));
        route.push_back(*found);
    }
    return route;
}

namespace {

std::optional<std::string> id_of(const JsonValue* v) {
    if (!v) return std::nullopt;
    if (v->is_string()) return v->text;
    if (v->is_object()) {
        if (const auto* id = v->find("id"); id && id->is_string()) return id->text;
    }
    return std::nullopt;
}

void collect_hops(const JsonValue& v, const TextPositions& positions, std::vector<RouteHop>& hops) {
    if (v.is_object()) {
        for (const auto& [key, member] : v.members) {
            // `orgraph path --format json` lists each route's steps under "route"; a step's
            // "derived_from" holds the facts behind it, which are not steps of the route.
            if (key == "derived_from") continue;
            if ((key == "route" || key == "hops" || key == "steps") && member.is_array()) {
                for (const auto& hop : member.items) {
                    const auto from = id_of(hop.find("from"));
                    const auto to = id_of(hop.find("to"));
                    if (!hop.is_object() || !from || !to) {
                        const auto [line, column] = positions.at(hop.offset);
                        throw route_json_error(fmt::format("{}:{}: a step without from.id and to.id", line, column));
                    }
                    RouteHop h{*from, *to, {}};
                    for (const char* k : {"kind", "relation"}) {
                        if (const auto* kind = hop.find(k)) {
                            if (kind->is_string())
                                h.kind = kind->text;
                            else if (auto id = id_of(kind))
                                h.kind = *id;
                        }
                    }
                    hops.push_back(std::move(h));
                }
            } else {
                collect_hops(member, positions, hops);
            }
        }
    } else if (v.is_array()) {
        for (const auto& item : v.items) collect_hops(item, positions, hops);
    }
}

}  // namespace

std::vector<RouteHop> read_route_json(std::string_view json) {
    JsonSyntaxError error;
    const auto root = parse_json(json, error);
    const TextPositions positions(json);
    if (!root) {
        const auto [line, column] = positions.at(error.offset);
        throw route_json_error(fmt::format("{}:{}: JSON syntax: {}", line, column, error.message));
    }
    std::vector<RouteHop> hops;
    collect_hops(*root, positions, hops);
    if (hops.empty())
        throw route_json_error(
            "the JSON holds no route (expected the output of orgraph path --format json: routes, "
            "each with a \"route\" array of steps with from.id and to.id)");
    return hops;
}

}  // namespace orgraph
