#pragma once
// The kinds of entity and relation a dataset may use, and which kinds each relation may join.
// A schema is data: it is loaded from the dataset's own files, never compiled in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgraph/model/interchange_mapping.hpp"

namespace orgraph {

using KindIndex = std::uint16_t;
using RelationKindIndex = std::uint16_t;

struct EntityKind {
    std::string id;
    std::string label;   // reads in sentences: "diplomatic mission"
    std::string plural;  // "diplomatic missions"
    std::string description;
    std::optional<KindIndex> parent;
    std::vector<std::string> attributes;  // declared here, not inherited ones
    std::string summary;                  // an attribute shown beside the name wherever the entity is listed
    std::string context;  // a relation kind followed to place the entity when it is listed ("located_in")
    // Attributes restricted to a list of values: (key, allowed values).
    std::vector<std::pair<std::string, std::vector<std::string>>> values;
};

struct RelationKind {
    std::string id;
    std::string label;    // forward: "covers"
    std::string inverse;  // backward: "covered by"
    std::string description;
    std::vector<KindIndex> from;  // empty: any kind
    std::vector<KindIndex> to;    // empty: any kind
    bool backward = false;        // may a route traverse it against its direction?
    std::vector<std::string> attributes;
};

// A rule that derives relations from others (see docs/routes.md). The schema keeps it as
// declared; analysis/derive.hpp gives it meaning.
struct RuleSpec {
    std::string id;
    std::string derive;                // the relation kind it produces
    std::vector<std::string> compose;  // relation kinds in order; "~kind" walks one backwards
    std::string transitive;            // relation kind whose closure is taken
    std::string inverse_of;            // relation kind that is read backwards
    std::vector<std::string> only_if;  // a chain like `compose` that must join the same two entities
    std::string description;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

class Schema {
public:
    KindIndex add_entity_kind(EntityKind kind);
    RelationKindIndex add_relation_kind(RelationKind kind);
    void add_rule(RuleSpec rule) { m_rules.push_back(std::move(rule)); }
    void set_interchange(InterchangeMapping mapping) { m_interchange = std::move(mapping); }

    [[nodiscard]] std::optional<KindIndex> entity_kind(std::string_view id) const;
    [[nodiscard]] std::optional<RelationKindIndex> relation_kind(std::string_view id) const;

    [[nodiscard]] const EntityKind& entity_kind(KindIndex index) const { return m_entity_kinds[index]; }
    [[nodiscard]] const RelationKind& relation_kind(RelationKindIndex index) const { return m_relation_kinds[index]; }
    [[nodiscard]] EntityKind& entity_kind_mut(KindIndex index) { return m_entity_kinds[index]; }
    [[nodiscard]] RelationKind& relation_kind_mut(RelationKindIndex index) { return m_relation_kinds[index]; }
    [[nodiscard]] const std::vector<EntityKind>& entity_kinds() const { return m_entity_kinds; }
    [[nodiscard]] const std::vector<RelationKind>& relation_kinds() const { return m_relation_kinds; }
    [[nodiscard]] const std::vector<RuleSpec>& rules() const { return m_rules; }
    // The [interchange] table: FtM and Neo4j mappings (empty: the documented defaults).
    [[nodiscard]] const InterchangeMapping& interchange() const { return m_interchange; }

    // True when `kind` is `ancestor` or descends from it through parent links.
    [[nodiscard]] bool is_a(KindIndex kind, KindIndex ancestor) const;
    [[nodiscard]] bool is_a(KindIndex kind, std::string_view ancestor) const;
    // True when a relation of `relation` may go from an entity of kind `from` to one of kind `to`.
    [[nodiscard]] bool allows(RelationKindIndex relation, KindIndex from, KindIndex to) const;
    [[nodiscard]] bool allows_from(RelationKindIndex relation, KindIndex from) const;
    [[nodiscard]] bool allows_to(RelationKindIndex relation, KindIndex to) const;
    // Whether an entity of `kind` may carry attribute `key` (declared on it or an ancestor).
    [[nodiscard]] bool entity_attribute_allowed(KindIndex kind, std::string_view key) const;
    [[nodiscard]] bool relation_attribute_allowed(RelationKindIndex relation, std::string_view key) const;
    // Attributes an entity kind may carry, its ancestors' included, sorted.
    [[nodiscard]] std::vector<std::string> entity_attributes(KindIndex kind) const;
    // The values an attribute of this kind may take (the kind's own list or its nearest
    // ancestor's), or nullptr when any value is allowed.
    [[nodiscard]] const std::vector<std::string>* allowed_values(KindIndex kind, std::string_view key) const;
    // The context relation kind of a kind, its own or its nearest ancestor's; empty when none.
    [[nodiscard]] const std::string& context_relation(KindIndex kind) const;
    // The summary attribute of a kind, its own or its nearest ancestor's; empty when none.
    [[nodiscard]] const std::string& summary_attribute(KindIndex kind) const;
    // The kind and its descendants.
    [[nodiscard]] std::vector<KindIndex> kind_and_descendants(KindIndex kind) const;

private:
    std::vector<EntityKind> m_entity_kinds;
    std::vector<RelationKind> m_relation_kinds;
    std::vector<RuleSpec> m_rules;
    InterchangeMapping m_interchange;
    std::unordered_map<std::string, KindIndex> m_entity_kind_ids;
    std::unordered_map<std::string, RelationKindIndex> m_relation_kind_ids;
};

}  // namespace orgraph
