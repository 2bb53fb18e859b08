#pragma once
// The kinds of entity and relation a dataset may use, and which kinds each relation may join.
// A schema is data: it is loaded from the dataset's own files, never compiled in.

#include <cstdint>
#include <map>
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

// How diagrams draw the entities of a kind ([presentation.kinds.KIND]); an empty field takes the
// nearest ancestor's, then the default (docs/dataset-format.md#presentation).
struct KindStyle {
    std::string shape;        // a Graphviz node shape: "box", "ellipse", "house", ...
    std::string fill;         // "#rrggbb"
    std::string style;        // added to "filled": "rounded", "bold,rounded", "dashed"
    std::string font_colour;  // "#rrggbb"
};

// How diagrams draw the edges of a relation kind ([presentation.relations.KIND]).
struct RelationStyle {
    std::string colour;  // "#rrggbb"; empty: one from a palette
};

// The organisation chart `dot` and `render` draw when no entity is in focus ([presentation.chart]).
struct ChartSpec {
    std::string root;                 // the entity kind whose entities head the chart; empty: no chart
    std::vector<std::string> folded;  // kinds listed inside the nodes related to them, by default
    std::vector<std::string> inside;  // kinds drawn inside the box of the parts that point at them
    std::string group;                // an entity kind whose entities are boxed by an attribute ...
    std::string group_by;             // ... this one
    std::string group_label;          // what the attribute's values are, in the box's title
};

// What `report`'s associations section lists ([presentation.report]); empty: the schema names none.
struct ReportSpec {
    std::string associations;  // the entity kind the section lists ...
    std::string focus_by;      // ... what they focus on by this relation kind ...
    std::string routes_to;     // ... and their contact routes to entities of this kind
};

// The compact organisation chart `dot --overview` draws ([presentation.overview]): the chart's root,
// the parts of these kinds it contains, and how many places each counted part answers for.
struct OverviewSpec {
    std::vector<std::string> kinds;    // kinds drawn beneath the root (with subkinds); empty: the root's direct parts
    std::vector<std::string> counted;  // kinds whose nodes give their count; empty: kinds count_by may start from
    std::string count_by;              // the relation counted as coverage counts it; empty: [coverage] relation
};

struct Presentation {
    std::map<std::string, KindStyle, std::less<>> kinds;
    std::map<std::string, RelationStyle, std::less<>> relations;
    ChartSpec chart;
    ReportSpec report;
    OverviewSpec overview;
};

// One column of `coverage --matrix`: the units of `kind` and the relation by which they answer.
struct MatrixDimension {
    std::string name;
    std::string relation;
    std::string kind;
};

// The defaults of a coverage question ([coverage]); every name empty when the schema says nothing.
struct CoverageSpec {
    std::string relation;           // by which a unit answers for a place (--by)
    std::string region_kind;        // a kind grouping places ...
    std::string includes_relation;  // ... by this relation (region -> place)
    std::string member_relation;    // place -> organisation it is a member of
    std::string home_relation;      // organisation -> its own place
    std::string status_attribute;   // a unit's status attribute ...
    std::string open_value;         // ... and the value that says it is open
    std::string uncertain_value;    // ... and the value that says whether it exists is uncertain
    std::string presence_relation;  // `diff`'s presence question: units of presence_kind ...
    std::string presence_kind;      // ... placed by presence_relation
    std::vector<MatrixDimension> matrix;
};

// The places coverage counts and the map draws ([gazetteer]).
struct Gazetteer {
    std::string kind;                  // the entity kind of places
    std::string code_label;            // what a place's id is called in reports ("iso3"); empty: "id"
    std::string region_attribute;      // the attribute naming a place's region ...
    std::string subregion_attribute;   // ... and sub-region
    std::string region_label;          // what those regions are, in headings ("UN M49 region")
    std::string numeric_attribute;     // the ISO 3166 numeric code the world map joins on
    std::string membership_attribute;  // the attribute saying whether a place is a member ...
    std::string member_value;          // ... "member"
    std::string observer_value;        // ... "observer"
    std::string membership_label;      // what the members are members of, in sentences ("UN": "UN members")
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

    // What the schema declares about presentation, coverage and places (docs/dataset-format.md).
    [[nodiscard]] const Presentation& presentation() const { return m_presentation; }
    [[nodiscard]] Presentation& presentation_mut() { return m_presentation; }
    [[nodiscard]] const CoverageSpec& coverage() const { return m_coverage; }
    [[nodiscard]] CoverageSpec& coverage_mut() { return m_coverage; }
    [[nodiscard]] const Gazetteer& gazetteer() const { return m_gazetteer; }
    [[nodiscard]] Gazetteer& gazetteer_mut() { return m_gazetteer; }
    // A kind's style, merged field by field from the kind up through its ancestors; fields no
    // kind on the way sets are empty.
    [[nodiscard]] KindStyle kind_style(KindIndex kind) const;
    // The kind whose plural is `plural` ("countries"), if one is.
    [[nodiscard]] std::optional<KindIndex> entity_kind_by_plural(std::string_view plural) const;

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
    Presentation m_presentation;
    CoverageSpec m_coverage;
    Gazetteer m_gazetteer;
    std::unordered_map<std::string, KindIndex> m_entity_kind_ids;
    std::unordered_map<std::string, RelationKindIndex> m_relation_kind_ids;
};

}  // namespace orgraph
