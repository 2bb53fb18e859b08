#pragma once
// Shared access to the built-in dataset for the tests that pin its facts. The expected values
// in these tests were read from the ministry's structure document by hand, not from the data.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace dataset_test {

using IdSet = std::set<std::string>;

// The built-in layers (schema, world, dprk-mfa), loaded once, without derived relations.
const orgraph::Graph& builtin();
// The built-in layers with the dprk-missions overlay on top, loaded once.
const orgraph::Graph& with_missions();

// The entity with this id; fails the test case when there is none.
orgraph::EntityIndex index_of(const orgraph::Graph& graph, std::string_view id);
orgraph::Entity entity(const orgraph::Graph& graph, std::string_view id);
// The attribute's value, or nothing when the entity does not carry it.
std::optional<std::string> attribute(const orgraph::Graph& graph, std::string_view id, std::string_view key);

// The relations of one kind leaving (or entering) an entity.
std::vector<orgraph::Relation> out_of(const orgraph::Graph& graph, std::string_view from, std::string_view kind);
std::vector<orgraph::Relation> into(const orgraph::Graph& graph, std::string_view to, std::string_view kind);
// Ids at the other end of those relations; `target_kind` keeps only entities of that kind or
// one of its descendants.
IdSet targets(const orgraph::Graph& graph, std::string_view from, std::string_view kind,
              std::string_view target_kind = {});
IdSet origins(const orgraph::Graph& graph, std::string_view to, std::string_view kind,
              std::string_view origin_kind = {});
// Ids of every entity of this kind (descendant kinds included).
IdSet ids_of_kind(const orgraph::Graph& graph, std::string_view kind);

// Citations written back as "source:locator" (or "source" without a locator).
std::set<std::string> citations(const orgraph::Graph& graph, const orgraph::Citations& cited);
bool cites_source(const orgraph::Graph& graph, const orgraph::Citations& cited, std::string_view source);

}  // namespace dataset_test
