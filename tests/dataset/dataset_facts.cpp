#include "dataset_facts.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/diagnostics.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace dataset_test {
namespace {

// Loads the layers and freezes them (derivation rules not applied); on failure reports every
// diagnostic, so that a broken dataset explains itself in the test log, and rethrows.
orgraph::Graph load_reporting(const std::vector<orgraph::LayerInput>& layers) {
    try {
        return orgraph::freeze(orgraph::load(layers));
    } catch (const orgraph::dataset_error& error) {
        for (const auto& d : error.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
        throw;
    }
}

bool of_kind(const orgraph::Graph& graph, orgraph::EntityIndex index, std::string_view kind) {
    return kind.empty() || graph.schema.is_a(graph.entity(index).kind, kind);
}

}  // namespace

const orgraph::Graph& builtin() {
    static const orgraph::Graph graph = load_reporting(orgraph::builtin_layers());
    return graph;
}

const orgraph::Graph& with_missions() {
    static const orgraph::Graph graph = [] {
        auto layers = orgraph::builtin_layers();
        layers.push_back(orgraph::read_layer_or_overlay("dprk-missions"));
        return load_reporting(layers);
    }();
    return graph;
}

orgraph::EntityIndex index_of(const orgraph::Graph& graph, std::string_view id) {
    const auto found = graph.find(id);
    BOOST_TEST_REQUIRE(found.has_value(), "no entity with id " << id);
    return *found;
}

orgraph::Entity entity(const orgraph::Graph& graph, std::string_view id) {
    return graph.entity(index_of(graph, id));
}

std::optional<std::string> attribute(const orgraph::Graph& graph, std::string_view id, std::string_view key) {
    const auto value = entity(graph, id).attributes.find(key);
    if (!value) return std::nullopt;
    return std::string(*value);
}

std::vector<orgraph::Relation> out_of(const orgraph::Graph& graph, std::string_view from, std::string_view kind) {
    std::vector<orgraph::Relation> result;
    for (auto r : graph.out_relations(index_of(graph, from)))
        if (graph.kind_of_relation(r).id == kind) result.push_back(graph.relation(r));
    return result;
}

std::vector<orgraph::Relation> into(const orgraph::Graph& graph, std::string_view to, std::string_view kind) {
    std::vector<orgraph::Relation> result;
    for (auto r : graph.in_relations(index_of(graph, to)))
        if (graph.kind_of_relation(r).id == kind) result.push_back(graph.relation(r));
    return result;
}

IdSet targets(const orgraph::Graph& graph, std::string_view from, std::string_view kind, std::string_view target_kind) {
    IdSet ids;
    for (const auto& r : out_of(graph, from, kind))
        if (of_kind(graph, r.to, target_kind)) ids.emplace(graph.entity(r.to).id);
    return ids;
}

IdSet origins(const orgraph::Graph& graph, std::string_view to, std::string_view kind, std::string_view origin_kind) {
    IdSet ids;
    for (const auto& r : into(graph, to, kind))
        if (of_kind(graph, r.from, origin_kind)) ids.emplace(graph.entity(r.from).id);
    return ids;
}

IdSet ids_of_kind(const orgraph::Graph& graph, std::string_view kind) {
    IdSet ids;
    for (orgraph::EntityIndex e = 0; e < graph.entity_count(); ++e)
        if (of_kind(graph, e, kind)) ids.emplace(graph.entity_id(e));
    return ids;
}

std::set<std::string> citations(const orgraph::Graph& graph, const orgraph::Citations& cited) {
    std::set<std::string> result;
    for (const auto& c : cited) {
        const auto& id = graph.sources[c.source].id;
        result.insert(c.locator.empty() ? id : id + ":" + std::string(c.locator));
    }
    return result;
}

bool cites_source(const orgraph::Graph& graph, const orgraph::Citations& cited, std::string_view source) {
    for (const auto& c : cited)
        if (graph.sources[c.source].id == source) return true;
    return false;
}

}  // namespace dataset_test
