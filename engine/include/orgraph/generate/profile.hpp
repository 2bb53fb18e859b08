#pragma once
// What the generator's output is called in a schema: a generator profile maps each of the
// generator's roles (a state, a town, the head of an organisation, one of its units, …) to an
// entity kind, each relation role to a relation kind, each attribute role to an attribute and
// each value role to an attribute value, and gives the sentences that sum up what it wrote. The
// generator names nothing of a schema itself; the built-in schema's profile ships with the
// built-in data (datasets/generate/profile.toml, docs/generate.md).

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph {

// The generator's roles; the profile's [kinds] table names the kind of each (keys as below).
inline constexpr std::array<std::string_view, 25> generate_entity_roles = {
    "state",           "zone",           "bloc",        "world_body",      "body_part",
    "body_group",      "town",           "head",        "functional_unit", "area_unit",
    "research_centre", "subunit",        "society",     "society_organ",   "position",
    "outpost",         "address",        "box",         "fax_line",        "mailbox",
    "envoy_group",     "resident_envoy", "local_envoy", "minor_envoy",     "delegation"};
// Its relation roles ([relations]).
inline constexpr std::array<std::string_view, 18> generate_relation_roles = {
    "part",       "belongs_to",  "answers_for",  "groups",     "joins",   "backed_by",       "studies",
    "reached_at", "situated_in", "has_position", "chooses",    "manages", "cooperates_with", "engages",
    "speaks_for", "reports_to",  "delegated_to", "looks_after"};
// Its attribute roles ([attributes]): the columns of entities.csv after the fixed ones.
inline constexpr std::array<std::string_view, 10> generate_attribute_roles = {
    "standing",     "area",      "subarea",   "remit",      "aim",
    "subunit_type", "headcount", "operation", "checked_on", "contact_text"};
// Its value roles ([values]): a state's standing (full member, observer, neither) and a
// representation's operation (open, closed, uncertain).
inline constexpr std::array<std::string_view, 6> generate_value_roles = {"full_member", "observer", "non_member",
                                                                         "open",        "closed",   "uncertain"};
// The placeholders of the [words] sentences: how many states, how many of them have
// organisations, how many organisation heads.
inline constexpr std::array<std::string_view, 3> generate_word_placeholders = {"states", "home_states", "heads"};

// Its sample content ([names]): lists of words the names it invents are made of (each a list of
// one or more texts) ...
inline constexpr std::array<std::string_view, 17> generate_name_lists = {"syllables",
                                                                         "state_endings",
                                                                         "directions",
                                                                         "portfolios",
                                                                         "functional_unit_names",
                                                                         "functional_unit_remits",
                                                                         "area_words",
                                                                         "research_topics",
                                                                         "subunit_topics",
                                                                         "subunit_types",
                                                                         "society_names",
                                                                         "society_aims",
                                                                         "society_organ_names",
                                                                         "position_titles",
                                                                         "world_body_topics",
                                                                         "body_part_names",
                                                                         "streets"};
// ... and patterns of names, each with the placeholders it may use.
struct GenerateNamePattern {
    std::string_view key;
    std::array<std::string_view, 3> placeholders;  // unused ones empty
};
inline constexpr std::array<GenerateNamePattern, 21> generate_name_patterns = {{
    {"first_world_body", {}},
    {"first_head", {"state"}},
    {"first_head_short", {"code"}},
    {"head", {"portfolio", "state"}},
    {"head_numbered", {"portfolio", "number", "state"}},
    {"area_unit", {"word", "number"}},
    {"area_unit_short", {"initial", "number"}},
    {"area_unit_remit", {"word_lower"}},
    {"research_centre", {"topic"}},
    {"research_centre_short", {"initials"}},
    {"research_centre_aim", {"topic_lower"}},
    {"envoy_group", {"state"}},
    {"resident_envoy", {"state", "host"}},
    {"local_envoy", {"state", "place"}},
    {"minor_envoy", {"state", "place"}},
    {"delegation", {"state", "body"}},
    {"outpost", {"owner", "place"}},
    {"address", {"owner"}},
    {"box", {"owner"}},
    {"fax_line", {"owner"}},
    {"mailbox", {"owner"}},
}};

struct GenerateProfile {
    std::array<std::string, generate_entity_roles.size()> kinds;
    std::array<std::string, generate_relation_roles.size()> relations;
    std::array<std::string, generate_attribute_roles.size()> attributes;
    std::array<std::string, generate_value_roles.size()> values;
    std::array<std::vector<std::string>, generate_name_lists.size()> name_lists;
    std::array<std::string, generate_name_patterns.size()> name_patterns;
    // [words]: `description`, the dataset's description ("{states} countries; …"), and
    // `summary`, what `orgraph generate` says it wrote ("{states} countries, …").
    std::string description;
    std::string summary;
    // Where it was read from, as diagnostics name it ("builtin:generate/profile.toml").
    std::string file;

    [[nodiscard]] bool complete() const;
};

// Reads a profile from TOML text; `file` names it in diagnostics. Throws dataset_error
// (orgraph/model/diagnostics.hpp) with every problem at once, each at file:line:column: a TOML
// syntax error, a role that is missing, a key that is no role, a value that is not an id (or,
// for [values] and [words], not text), two attribute roles on one column, a sentence or name
// pattern with an unknown placeholder, an empty list of names.
GenerateProfile read_generate_profile(std::string_view text, const std::string& file);

// `pattern` with each {placeholder} that `values` names replaced by its value.
std::string fill_generate_pattern(std::string_view pattern,
                                  std::initializer_list<std::pair<std::string_view, std::string_view>> values);

// The sentence `pattern` with each {placeholder} replaced by its count.
std::string fill_generate_words(std::string_view pattern, std::uint64_t states, std::uint64_t home_states,
                                std::uint64_t heads);

}  // namespace orgraph
