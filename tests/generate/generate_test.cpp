// The synthetic dataset generator: the same parameters give the same bytes, the sizes asked
// for are met exactly, every relation is one the schema allows, and the output loads with no
// diagnostics. Error paths: sizes that cannot be met, and output directories that must not be
// touched.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "builtin_fallback.hpp"
#include "builtin_generate.hpp"
#include "orgraph/analysis/derive.hpp"
#include "orgraph/generate/generate.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/graph_builder.hpp"

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

// A fresh directory for one test case, removed afterwards.
struct Scratch {
    fs::path path;
    Scratch() {
        static int serial = 0;
        path = fs::temp_directory_path() /
               ("orgraph-generate-test-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

GenerateParams params(std::uint64_t entities, std::uint64_t relations, std::uint64_t seed = 1) {
    return test::generate_params(entities, relations, seed);
}

GraphBuilder load_directory(const fs::path& directory) {
    return load({read_layer(directory.string())}, test::builtin_fallback());
}

std::size_t stated(const GraphBuilder& graph) {
    std::size_t n = 0;
    for (const auto& r : graph.relations()) n += r.derived ? 0 : 1;
    return n;
}

std::size_t count_kind(const GraphBuilder& graph, std::string_view kind) {
    const auto k = graph.schema.entity_kind(kind);
    BOOST_REQUIRE(k);
    std::size_t n = 0;
    for (const auto& e : graph.entities()) n += e.kind == *k ? 1 : 0;
    return n;
}

// Entities that have no relation of `kind` going out.
std::size_t without_out(const GraphBuilder& graph, std::string_view entity_kind, std::string_view relation_kind) {
    const auto ek = graph.schema.entity_kind(entity_kind);
    const auto rk = graph.schema.relation_kind(relation_kind);
    BOOST_REQUIRE(ek && rk);
    std::vector<bool> has(graph.entities().size(), false);
    for (const auto& r : graph.relations())
        if (r.kind == *rk) has[r.from] = true;
    std::size_t n = 0;
    for (EntityIndex e = 0; e < graph.entities().size(); ++e)
        if (graph.schema.is_a(graph.entity(e).kind, *ek) && !has[e]) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(determinism)

BOOST_AUTO_TEST_CASE(same_seed_same_bytes) {
    Scratch scratch;
    const auto a = scratch.path / "a", b = scratch.path / "b";
    generate_dataset(params(3000, 15000, 42), a.string());
    generate_dataset(params(3000, 15000, 42), b.string());
    for (const char* file : {"dataset.toml", "entities.csv", "relations.csv"}) {
        BOOST_TEST_CONTEXT(file) {
            BOOST_TEST((slurp(a / file) == slurp(b / file)));
        }
    }
}

BOOST_AUTO_TEST_CASE(another_seed_other_bytes) {
    Scratch scratch;
    const auto a = scratch.path / "a", b = scratch.path / "b";
    generate_dataset(params(3000, 15000, 1), a.string());
    generate_dataset(params(3000, 15000, 2), b.string());
    BOOST_TEST((slurp(a / "entities.csv") != slurp(b / "entities.csv")));
    BOOST_TEST((slurp(a / "relations.csv") != slurp(b / "relations.csv")));
}

BOOST_AUTO_TEST_CASE(plan_agrees_with_what_is_written) {
    Scratch scratch;
    const auto planned = plan_generated_dataset(params(5000, 20000, 3));
    const auto written = generate_dataset(params(5000, 20000, 3), (scratch.path / "d").string());
    BOOST_TEST(planned.entities == written.entities);
    BOOST_TEST(planned.relations == written.relations);
    BOOST_TEST(planned.structural_relations == written.structural_relations);
    BOOST_TEST(planned.max_relations == written.max_relations);
    BOOST_TEST(planned.states == written.states);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sizes)

// Each case: entities, relations; below, at and above the structural relations, and tiny worlds.
BOOST_AUTO_TEST_CASE(exact_sizes_and_zero_diagnostics) {
    const std::vector<std::pair<std::uint64_t, std::uint64_t>> cases = {
        {2000, 10000}, {2000, 100}, {1, 0}, {7, 3}, {60, 200}, {997, 6011}, {4000, 40000}};
    for (const auto& [entities, relations] : cases) {
        BOOST_TEST_CONTEXT(entities << " entities, " << relations << " relations") {
            Scratch scratch;
            const auto directory = scratch.path / "d";
            const auto summary = generate_dataset(params(entities, relations), directory.string());
            BOOST_TEST(summary.entities == entities);
            BOOST_TEST(summary.relations == relations);
            GraphBuilder graph;
            try {
                graph = load_directory(directory);
            } catch (const dataset_error& e) {
                for (const auto& d : e.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
                BOOST_FAIL("the generated dataset has " << e.diagnostics.size() << " problems");
            }
            BOOST_TEST(graph.entities().size() == entities);
            // A statement made twice would have been merged into one relation.
            BOOST_TEST(stated(graph) == relations);
            BOOST_TEST(graph.sources.size() == 1u);
            BOOST_TEST(graph.layers.size() == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(fewer_relations_than_the_structure_keeps_an_even_sample) {
    Scratch scratch;
    const auto summary = generate_dataset(params(2000, 500), (scratch.path / "d").string());
    BOOST_TEST(summary.structural_relations > 500u);
    const auto graph = load_directory(scratch.path / "d");
    // An even sample keeps some of each structural kind, not the first 500 rows.
    std::set<std::string> kinds;
    for (const auto& r : graph.relations()) kinds.insert(graph.schema.relation_kind(r.kind).id);
    for (const char* kind : {"part_of", "located_in", "represents", "has_post", "contact_via", "sponsored_by"})
        BOOST_TEST(kinds.count(kind) == 1u, kind);
}

BOOST_AUTO_TEST_CASE(too_many_relations_is_refused_before_writing) {
    Scratch scratch;
    const auto directory = scratch.path / "d";
    const auto max = plan_generated_dataset(params(50, 0)).max_relations;
    BOOST_TEST(max > 50u);
    BOOST_CHECK_THROW(generate_dataset(params(50, max + 1), directory.string()), generate_error);
    BOOST_TEST(!fs::exists(directory));
    BOOST_TEST(fs::is_empty(scratch.path));  // no temporary directory left behind
    // The maximum itself can be met.
    generate_dataset(params(50, max), directory.string());
    BOOST_TEST(stated(load_directory(directory)) == max);
}

BOOST_AUTO_TEST_CASE(zero_entities_is_refused) {
    BOOST_CHECK_THROW(plan_generated_dataset(params(0, 0)), generate_error);
    BOOST_CHECK_THROW(plan_generated_dataset(params(generate_max_entities + 1, 0)), generate_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shape)

struct Loaded {
    Scratch scratch;
    GraphBuilder graph;
    GenerateSummary summary;
    Loaded() {
        summary = generate_dataset(params(6000, 30000, 9), (scratch.path / "d").string());
        graph = load_directory(scratch.path / "d");
    }
};

BOOST_AUTO_TEST_CASE(every_relation_is_allowed_distinct_and_joins_two_entities) {
    Loaded loaded;
    const auto& g = loaded.graph;
    std::set<std::tuple<EntityIndex, EntityIndex, RelationKindIndex>> seen;
    std::size_t bad = 0;
    for (const auto& r : g.relations()) {
        if (!g.schema.allows(r.kind, g.entity(r.from).kind, g.entity(r.to).kind)) ++bad;
        if (r.from == r.to) ++bad;
        if (!seen.insert({r.from, r.to, r.kind}).second) ++bad;
    }
    BOOST_TEST(bad == 0u);
}

BOOST_AUTO_TEST_CASE(the_organisation_is_whole) {
    Loaded loaded;
    const auto& g = loaded.graph;
    for (const char* kind : {"country", "region", "regional_organization", "international_organization", "city",
                             "ministry", "department", "regional_department", "institute", "unit", "association",
                             "organ", "post", "embassy", "consulate_general", "mission_group", "postal_address"})
        BOOST_TEST(count_kind(g, kind) > 0u, kind);
    // With more relations than the structure needs, every structural link is there.
    BOOST_TEST(without_out(g, "department", "part_of") == 0u);
    BOOST_TEST(without_out(g, "unit", "part_of") == 0u);
    BOOST_TEST(without_out(g, "association", "sponsored_by") == 0u);
    BOOST_TEST(without_out(g, "city", "located_in") == 0u);
    BOOST_TEST(without_out(g, "mission", "located_in") == 0u);
    BOOST_TEST(without_out(g, "mission", "represents") == 0u);
    BOOST_TEST(without_out(g, "ministry", "ministry_of") == 0u);
    BOOST_TEST(without_out(g, "regional_department", "covers") == 0u);
    BOOST_TEST(without_out(g, "region", "includes") == 0u);
    BOOST_TEST(count_kind(g, "ministry") == loaded.summary.heads);
    BOOST_TEST(count_kind(g, "country") == loaded.summary.states);
    // A few home states, each with several ministries, in a larger world.
    std::set<EntityIndex> homes;
    const auto ministry_of = *g.schema.relation_kind("ministry_of");
    for (const auto& r : g.relations())
        if (r.kind == ministry_of) homes.insert(r.to);
    BOOST_TEST(homes.size() == loaded.summary.home_states);
    BOOST_TEST(loaded.summary.home_states > 1u);
    BOOST_TEST(loaded.summary.home_states * 5 < loaded.summary.states);
    BOOST_TEST(loaded.summary.heads > loaded.summary.home_states);
}

BOOST_AUTO_TEST_CASE(rules_derive_from_it) {
    Loaded loaded;
    auto& g = loaded.graph;
    const auto before = g.relations().size();
    const auto added = derive_relations(g);
    BOOST_TEST(g.relations().size() == before + added);
    // Missions are in cities and cities in countries: the built-in rules make them located in
    // the countries too.
    if (!g.schema.rules().empty()) {
        BOOST_TEST(added > 0u);
    }
}

BOOST_AUTO_TEST_CASE(attributes_are_declared_for_their_kinds) {
    Loaded loaded;
    const auto& g = loaded.graph;
    std::size_t with_status = 0, countries_with_status = 0;
    const auto country = *g.schema.entity_kind("country");
    for (EntityIndex i = 0; i < g.entities().size(); ++i) {
        const auto e = g.entity(i);
        auto has = [&](std::string_view key) {
            return std::any_of(e.attributes.begin(), e.attributes.end(), [&](const auto& a) { return a.key == key; });
        };
        for (const auto& a : e.attributes)
            BOOST_TEST(g.schema.entity_attribute_allowed(e.kind, std::string(a.key)), a.key);
        if (has("status")) ++with_status;
        if (e.kind == country && has("un_status")) ++countries_with_status;
    }
    BOOST_TEST(with_status > 0u);
    BOOST_TEST(countries_with_status == count_kind(g, "country"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(output_directory)

BOOST_AUTO_TEST_CASE(writes_the_three_files_and_nothing_else) {
    Scratch scratch;
    generate_dataset(params(100, 300), (scratch.path / "d").string());
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(scratch.path)) names.insert(entry.path().filename().string());
    BOOST_TEST((names == std::set<std::string>{"d"}));
    names.clear();
    for (const auto& entry : fs::directory_iterator(scratch.path / "d")) names.insert(entry.path().filename().string());
    BOOST_TEST((names == std::set<std::string>{"dataset.toml", "entities.csv", "relations.csv"}));
    const auto toml = slurp(scratch.path / "d" / "dataset.toml");
    BOOST_TEST(toml.find("default_source = \"generator\"") != std::string::npos);
    BOOST_TEST(toml.find("--seed 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(creates_missing_parents_and_takes_an_empty_directory) {
    Scratch scratch;
    generate_dataset(params(100, 300), (scratch.path / "x" / "y" / "d").string());
    BOOST_TEST(fs::exists(scratch.path / "x" / "y" / "d" / "entities.csv"));
    fs::create_directory(scratch.path / "empty");
    generate_dataset(params(100, 300), (scratch.path / "empty").string());
    BOOST_TEST(fs::exists(scratch.path / "empty" / "relations.csv"));
}

BOOST_AUTO_TEST_CASE(an_existing_dataset_is_replaced_only_when_asked) {
    Scratch scratch;
    const auto directory = scratch.path / "d";
    generate_dataset(params(100, 300, 1), directory.string());
    const auto first = slurp(directory / "entities.csv");
    BOOST_CHECK_THROW(generate_dataset(params(100, 300, 2), directory.string()), std::runtime_error);
    BOOST_TEST((slurp(directory / "entities.csv") == first));
    generate_dataset(params(100, 300, 2), directory.string(), true);
    BOOST_TEST((slurp(directory / "entities.csv") != first));
    // Nothing is left beside it: no temporary directory, no old copy.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.path)) ++entries;
    BOOST_TEST(entries == 1u);
}

BOOST_AUTO_TEST_CASE(a_directory_with_other_files_is_never_replaced) {
    Scratch scratch;
    const auto directory = scratch.path / "d";
    fs::create_directory(directory);
    std::ofstream(directory / "notes.txt") << "mine\n";
    BOOST_CHECK_THROW(generate_dataset(params(100, 300), directory.string(), true), std::runtime_error);
    BOOST_TEST(slurp(directory / "notes.txt") == "mine\n");
    BOOST_TEST(!fs::exists(directory / "entities.csv"));
    // Nor a file.
    std::ofstream(scratch.path / "file") << "x";
    BOOST_CHECK_THROW(generate_dataset(params(100, 300), (scratch.path / "file").string(), true), std::runtime_error);
    BOOST_TEST(slurp(scratch.path / "file") == "x");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(profile)

// The built-in profile's text with `from` replaced by `to` (once), for the error cases.
std::string builtin_text_with(std::string_view from, std::string_view to) {
    std::string text(*builtin_file("generate/profile.toml"));
    const auto at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

// The problems a profile has, as the command prints them.
std::vector<std::string> problems_of(const std::string& text) {
    try {
        read_generate_profile(text, "p.toml");
    } catch (const dataset_error& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics) out.push_back(d.to_string());
        return out;
    }
    return {};
}

// The 1-based line of the first line of `text` that holds `needle`.
std::uint32_t line_of(const std::string& text, std::string_view needle) {
    const auto at = text.find(needle);
    BOOST_REQUIRE(at != std::string::npos);
    return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') +
                                      1);
}

BOOST_AUTO_TEST_CASE(the_builtin_profile_names_the_builtin_schema) {
    const auto& p = test::builtin_generate_profile();
    BOOST_TEST(p.complete());
    BOOST_TEST(p.file == "builtin:generate/profile.toml");
    // Every kind and relation kind it names is one the built-in schema declares; every attribute
    // is allowed for some kind.
    const auto graph = load({builtin_schema()});
    for (const auto& kind : p.kinds) BOOST_TEST(graph.schema.entity_kind(kind).has_value(), kind);
    for (const auto& relation : p.relations) BOOST_TEST(graph.schema.relation_kind(relation).has_value(), relation);
    BOOST_TEST(fill_generate_words(p.summary, 352, 35, 184) == "352 countries, 184 ministries of 35 states");
}

BOOST_AUTO_TEST_CASE(a_missing_role_is_named_at_its_table) {
    const auto text = builtin_text_with("fax_line = \"fax\"\n", "");
    const auto problems = problems_of(text);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0] == fmt::format("p.toml:{}:1: error: [kinds] lacks the role: fax_line (expected an entity "
                                          "kind id of the schema for each)",
                                          line_of(text, "[kinds]")));
}

BOOST_AUTO_TEST_CASE(every_problem_at_once_each_at_its_place) {
    auto text = builtin_text_with("town = \"city\"", "twon = \"city\"");
    text.replace(text.find("part = \"part_of\""), 16, "part = 7");
    text.replace(text.find("head = \"ministry\""), 17, "head = \"the ministry\"");
    text.replace(text.find("{home_states} of them"), 21, "{homes} of them");
    text.replace(text.find("subarea = \"m49_subregion\""), 25, "subarea = \"name\"");
    text += "[extra]\n";
    const auto problems = problems_of(text);
    const std::vector<std::string> expected = {
        fmt::format("p.toml:{}:1: error: [kinds] lacks the role: town (expected an entity kind id of the schema for "
                    "each)",
                    line_of(text, "[kinds]")),
        fmt::format("p.toml:{}:8: error: 'twon' is no role of [kinds]; did you mean 'town'? (the roles: {})",
                    line_of(text, "twon ="),
                    "state, zone, bloc, world_body, body_part, body_group, town, head, "
                    "functional_unit, area_unit, research_centre, subunit, society, society_organ, position, outpost, "
                    "address, box, fax_line, mailbox, envoy_group, resident_envoy, local_envoy, minor_envoy, "
                    "delegation"),
        fmt::format("p.toml:{}:8: error: [kinds] head = \"the ministry\" is not an entity kind id of the schema "
                    "(letters, digits, '_' or '-')",
                    line_of(text, "head = \"the")),
        fmt::format("p.toml:{}:8: error: [relations] part is not text (expected a relation kind id of the schema)",
                    line_of(text, "part = 7")),
        fmt::format("p.toml:{}:11: error: [attributes] subarea = \"name\" is a column entities.csv has already "
                    "(expected an attribute of the schema other than id, kind, name, short_name, aliases, "
                    "valid_from, valid_to)",
                    line_of(text, "subarea = \"name\"")),
        fmt::format("p.toml:{}:15: error: [words] description: unknown placeholder {{homes}} (expected {{states}}, "
                    "{{home_states}} or {{heads}})",
                    line_of(text, "description =")),
        fmt::format("p.toml:{}:1: error: unknown table 'extra' (expected kinds, relations, attributes, values, "
                    "names, words)",
                    line_of(text, "[extra]")),
    };
    BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_column_per_attribute_role) {
    const auto text = builtin_text_with("aim = \"purpose\"", "aim = \"responsibility\"");
    const auto problems = problems_of(text);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0] == fmt::format("p.toml:{}:7: error: [attributes] aim = \"responsibility\" is the column of "
                                          "remit already (expected one attribute per role)",
                                          line_of(text, "aim =")));
}

BOOST_AUTO_TEST_CASE(syntax_missing_tables_and_braces) {
    const auto syntax = problems_of("[kinds\nstate = \"country\"\n");
    BOOST_TEST_REQUIRE(syntax.size() == 1u);
    BOOST_TEST(syntax[0].starts_with("p.toml:1:"));
    BOOST_TEST(syntax[0].find("TOML syntax") != std::string::npos);
    // An empty file lacks every table, each said once, at its start.
    const auto empty = problems_of("");
    BOOST_TEST_REQUIRE(empty.size() == 6u);
    BOOST_TEST(empty[0].starts_with("p.toml:1:1: error: no [kinds] table (expected one giving an entity kind id"));
    BOOST_TEST(empty[4].starts_with("p.toml:1:1: error: no [names] table"));
    BOOST_TEST(empty[5].starts_with("p.toml:1:1: error: no [words] table"));
    const auto brace = problems_of(builtin_text_with("{heads} ministries of", "{heads ministries of"));
    BOOST_TEST_REQUIRE(brace.size() == 1u);
    BOOST_TEST(brace[0].find("[words] summary: a '{' without its '}'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(names_are_lists_of_texts_and_patterns_with_their_placeholders) {
    auto text = builtin_text_with("streets = [\"Embassy\", ", "streets = [7, ");
    text.replace(text.find("directions = ["), 14, "directions = []\nold_directions = [");
    text.replace(text.find("{state} in {host}"), 17, "{state} in {town}");
    text.replace(text.find("first_head_short = \"{code} MFA\"\n"), 31, "");
    const auto problems = problems_of(text);
    const std::vector<std::string> expected = {
        fmt::format("p.toml:{}:1: error: [names] lacks the entry: first_head_short", line_of(text, "[names]")),
        fmt::format("p.toml:{}:14: error: [names] directions is not a list of texts (expected one text or more)",
                    line_of(text, "directions = []")),
        fmt::format("p.toml:{}:18: error: 'old_directions' is no list or pattern of [names]; did you mean "
                    "'directions'? (expected each of: {})",
                    line_of(text, "old_directions = ["),
                    "syllables, state_endings, directions, portfolios, functional_unit_names, "
                    "functional_unit_remits, area_words, research_topics, subunit_topics, subunit_types, "
                    "society_names, society_aims, society_organ_names, position_titles, world_body_topics, "
                    "body_part_names, streets, first_world_body, first_head, first_head_short, head, head_numbered, "
                    "area_unit, area_unit_short, area_unit_remit, research_centre, research_centre_short, "
                    "research_centre_aim, envoy_group, resident_envoy, local_envoy, minor_envoy, delegation, outpost, "
                    "address, box, fax_line, mailbox"),
        fmt::format("p.toml:{}:12: error: an item of [names] streets is not text (expected a text, not empty, with "
                    "no control characters)",
                    line_of(text, "streets = [7")),
        fmt::format("p.toml:{}:18: error: [names] resident_envoy: unknown placeholder {{town}} (expected {{state}}, "
                    "{{host}})",
                    line_of(text, "resident_envoy = \"Embassy")),
    };
    BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(patterns_fill_the_placeholders_they_are_given) {
    BOOST_TEST(fill_generate_pattern("Embassy of {state} in {host}", {{"state", "Kalo"}, {"host", "Mira"}}) ==
               "Embassy of Kalo in Mira");
    // A placeholder without a value, and a brace without its pair, are kept as they are.
    BOOST_TEST(fill_generate_pattern("{a}{b} {c", {{"b", "2"}}) == "{a}2 {c");
    BOOST_TEST(fill_generate_pattern("", {}) == "");
    BOOST_TEST(fill_generate_words("{states}/{home_states}/{heads}", 3, 2, 1) == "3/2/1");
}

BOOST_AUTO_TEST_CASE(generating_without_a_profile_is_refused) {
    GenerateParams p;
    p.entities = 100;
    p.relations = 100;
    BOOST_CHECK_THROW(plan_generated_dataset(p), generate_error);
}

// A profile that calls everything otherwise gives the same dataset in other words: the same
// ids, rows and relations, with the profile's kinds, relation kinds, columns and values.
BOOST_AUTO_TEST_CASE(another_profile_renames_and_changes_nothing_else) {
    Scratch scratch;
    auto p = params(1500, 6000, 4);
    generate_dataset(p, (scratch.path / "a").string());
    auto renamed = p;
    for (auto& kind : renamed.profile.kinds) kind = "k_" + kind;
    for (auto& relation : renamed.profile.relations) relation = "r_" + relation;
    for (auto& attribute : renamed.profile.attributes) attribute = "a_" + attribute;
    for (auto& value : renamed.profile.values) value = "v " + value;
    renamed.profile.description = "{states} places \"quoted\", {home_states} homes, {heads} heads";
    generate_dataset(renamed, (scratch.path / "b").string());

    auto rename_entities = [](std::string text) {
        std::istringstream in(text);
        std::string line, out;
        bool header = true;
        while (std::getline(in, line)) {
            if (header) {
                header = false;
                out += line + "\n";
                continue;
            }
            const auto comma = line.find(',');
            out += line.substr(0, comma + 1) + "k_" + line.substr(comma + 1) + "\n";
        }
        return out;
    };
    const auto a = slurp(scratch.path / "a" / "entities.csv"), b = slurp(scratch.path / "b" / "entities.csv");
    // Rows match once the kinds, columns and values are read back.
    std::string expected = rename_entities(a);
    for (const auto& attribute : p.profile.attributes) {
        const auto at = expected.find("," + attribute);
        BOOST_REQUIRE(at != std::string::npos);
        expected.insert(at + 1, "a_");
    }
    for (const auto& value : {",member,", ",observer,", ",none,", ",open,", ",closed,", ",uncertain,"}) {
        const std::string v(value);
        const std::string with = ",v " + v.substr(1);
        for (auto at = expected.find(v); at != std::string::npos; at = expected.find(v, at + with.size() - 1))
            expected.replace(at, v.size(), with);
    }
    BOOST_TEST((b == expected));
    const auto relations = slurp(scratch.path / "b" / "relations.csv");
    BOOST_TEST(relations.find(",r_part_of,") != std::string::npos);
    BOOST_TEST(relations.find(",part_of,") == std::string::npos);
    const auto toml = slurp(scratch.path / "b" / "dataset.toml");
    BOOST_TEST(toml.find("description = \"") != std::string::npos);
    BOOST_TEST(toml.find(" places \\\"quoted\\\", ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
