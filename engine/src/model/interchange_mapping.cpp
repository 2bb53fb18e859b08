#include "orgraph/model/interchange_mapping.hpp"

#include <algorithm>

namespace orgraph {
namespace {

template <typename T>
const T* find_by_id(const std::vector<std::pair<std::string, T>>& list, std::string_view id) {
    const auto it = std::lower_bound(list.begin(), list.end(), id,
                                     [](const auto& entry, std::string_view key) { return entry.first < key; });
    return it != list.end() && it->first == id ? &it->second : nullptr;
}

// A TOML basic string: quotes, backslashes and control characters escaped.
void quoted(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void field(std::string& out, std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out += key;
    out += " = ";
    quoted(out, value);
    out += '\n';
}

void inline_table(std::string& out, std::string_view key, const NamePairs& pairs) {
    if (pairs.empty()) return;
    out += key;
    out += " = { ";
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i > 0) out += ", ";
        quoted(out, pairs[i].first);
        out += " = ";
        quoted(out, pairs[i].second);
    }
    out += " }\n";
}

}  // namespace

const FtmKindMapping* InterchangeMapping::ftm_kind(std::string_view id) const {
    return find_by_id(ftm_kinds, id);
}

const FtmRelationMapping* InterchangeMapping::ftm_relation(std::string_view id) const {
    return find_by_id(ftm_relations, id);
}

std::string_view InterchangeMapping::neo4j_type(std::string_view attribute) const {
    const auto* type = find_by_id(neo4j_attributes, attribute);
    return type ? std::string_view(*type) : std::string_view("string");
}

std::string InterchangeMapping::to_toml() const {
    std::string out;
    for (const auto& [id, k] : ftm_kinds) {
        out += "\n[interchange.ftm.kinds.";
        quoted(out, id);
        out += "]\n";
        field(out, "schema", k.schema);
        field(out, "value", k.value);
        field(out, "property", k.property);
        inline_table(out, "properties", k.properties);
    }
    for (const auto& [id, r] : ftm_relations) {
        out += "\n[interchange.ftm.relations.";
        quoted(out, id);
        out += "]\n";
        field(out, "schema", r.schema);
        if (r.reverse) out += "reverse = true\n";
        field(out, "property", r.property);
        inline_table(out, "references", r.references);
        inline_table(out, "back_references", r.back_references);
    }
    if (!neo4j_attributes.empty()) {
        out += "\n[interchange.neo4j.attributes]\n";
        for (const auto& [key, type] : neo4j_attributes) {
            quoted(out, key);
            out += " = ";
            quoted(out, type);
            out += '\n';
        }
    }
    return out;
}

const std::vector<std::string_view>& ftm_entity_schemata() {
    static const std::vector<std::string_view> list = {"Address",      "Company",    "LegalEntity",
                                                       "Organization", "PublicBody", "Position"};
    return list;
}

const std::vector<FtmIntervalSchema>& ftm_interval_schemata() {
    static const std::vector<FtmIntervalSchema> list = {
        {"Directorship", "director", "organization"},
        {"Membership", "member", "organization"},
        {"Representation", "agent", "client"},
        {"UnknownLink", "subject", "object"},
    };
    return list;
}

const std::vector<std::string_view>& neo4j_attribute_types() {
    static const std::vector<std::string_view> list = {"boolean", "date", "double", "float",
                                                       "int",     "long", "string", "string[]"};
    return list;
}

namespace ftm {

bool is_legal_entity(std::string_view schema) {
    return schema == "LegalEntity" || is_organization(schema);
}

bool is_organization(std::string_view schema) {
    return schema == "Organization" || schema == "PublicBody" || schema == "Company";
}

bool is_country_property(std::string_view property) {
    return property == "country" || property == "jurisdiction" || property == "mainCountry";
}

}  // namespace ftm

}  // namespace orgraph
