#pragma once
// Builds schema kinds field by field, so that tests keep compiling when kinds gain members.

#include <optional>
#include <string>
#include <vector>

#include "orgraph/model/schema.hpp"

namespace orgraph::test {

inline EntityKind entity_kind(std::string id, std::optional<KindIndex> parent = std::nullopt,
                              std::vector<std::string> attributes = {}) {
    EntityKind kind;
    kind.id = id;
    kind.label = id;
    kind.plural = id + "s";
    kind.parent = parent;
    kind.attributes = std::move(attributes);
    return kind;
}

inline RelationKind relation_kind(std::string id, std::vector<KindIndex> from, std::vector<KindIndex> to,
                                  std::vector<std::string> attributes = {}) {
    RelationKind kind;
    kind.id = id;
    kind.label = id;
    kind.inverse = "inverse of " + id;
    kind.from = std::move(from);
    kind.to = std::move(to);
    kind.attributes = std::move(attributes);
    return kind;
}

}  // namespace orgraph::test
