#pragma once
// How the kinds and relations of a schema map onto the formats of other tools, as the schema's
// [interchange] table declares it (docs/dataset-format.md#interchange): FollowTheMoney schemata
// and properties, and the types of the Neo4j import columns. Nothing here names a kind of any
// particular dataset: a schema that declares no mapping gets the documented defaults.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph {

// An (FtM name, value) list in key order, as TOML tables are read.
using NamePairs = std::vector<std::pair<std::string, std::string>>;

// [interchange.ftm.kinds.KIND]: what an entity of KIND (or of a kind under it) becomes.
struct FtmKindMapping {
    // The FtM schema the entity is written as (one of ftm_entity_schemata()); empty when it is no
    // FtM entity but a value that relations to it give the other end (a country's code).
    std::string schema;
    // For a value: the attribute that holds it ("alpha2"), or "name"; empty: relations to the
    // entity are only told in words.
    std::string value;
    // For a value: the property of the other end it fills by default ("country", "email").
    std::string property;
    // FtM property <- attribute ("name" and "short_name" name the entity's own fields).
    NamePairs properties;
};

// [interchange.ftm.relations.KIND]: what a relation of KIND becomes.
struct FtmRelationMapping {
    // Between two FtM entities: the interval schema written for it (one of
    // ftm_interval_schemata()); empty: UnknownLink.
    std::string schema;
    bool reverse = false;  // the relation's target is the interval's first end
    // To a value: the property of the source that takes it (overrides the value kind's own).
    std::string property;
    // Target FtM schema -> property of the source that names the target, instead of an interval.
    NamePairs references;
    // Target FtM schema -> property of the target that names the source, instead of an interval.
    NamePairs back_references;
};

struct InterchangeMapping {
    std::vector<std::pair<std::string, FtmKindMapping>> ftm_kinds;          // by kind id, sorted
    std::vector<std::pair<std::string, FtmRelationMapping>> ftm_relations;  // by relation kind id, sorted
    NamePairs neo4j_attributes;  // attribute key -> column type (one of neo4j_attribute_types())

    [[nodiscard]] bool empty() const { return ftm_kinds.empty() && ftm_relations.empty() && neo4j_attributes.empty(); }
    [[nodiscard]] const FtmKindMapping* ftm_kind(std::string_view id) const;
    [[nodiscard]] const FtmRelationMapping* ftm_relation(std::string_view id) const;
    // The Neo4j type of an attribute's column; "string" when none is declared.
    [[nodiscard]] std::string_view neo4j_type(std::string_view attribute) const;
    // The table as TOML ("[interchange.ftm.kinds.…]" …), empty when there is nothing to say.
    [[nodiscard]] std::string to_toml() const;
};

// The FtM schemata an entity may become, and the interval schemata a relation may become, each
// with the properties that name its two ends: {schema, first end, second end}.
const std::vector<std::string_view>& ftm_entity_schemata();
struct FtmIntervalSchema {
    std::string_view schema, first, second;
};
const std::vector<FtmIntervalSchema>& ftm_interval_schemata();
// The column types neo4j-admin reads that an attribute may be declared as.
const std::vector<std::string_view>& neo4j_attribute_types();

// Fixed facts of the FollowTheMoney model (followthemoney/schema/*.yaml) the writer relies on.
namespace ftm {
// Whether `schema` is LegalEntity or a schema under it (Organization, PublicBody, Company).
bool is_legal_entity(std::string_view schema);
// Whether `schema` is Organization or under it (PublicBody, Company).
bool is_organization(std::string_view schema);
// Whether a property holds a country (an ISO alpha-2 code in lower case).
bool is_country_property(std::string_view property);
}  // namespace ftm

}  // namespace orgraph
