// The synthetic dataset generator: the same parameters give the same bytes, the sizes asked
// for are met exactly, every relation is one the schema allows, and the output loads with no
// diagnostics. Error paths: sizes that cannot be met, and output directories that must not be
// touched.

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "builtin_fallback.hpp"
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
    GenerateParams p;
    p.entities = entities;
    p.relations = relations;
    p.seed = seed;
    return p;
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
    BOOST_TEST(planned.countries == written.countries);
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
    BOOST_TEST(count_kind(g, "ministry") == loaded.summary.ministries);
    BOOST_TEST(count_kind(g, "country") == loaded.summary.countries);
    // A few home states, each with several ministries, in a larger world.
    std::set<EntityIndex> homes;
    const auto ministry_of = *g.schema.relation_kind("ministry_of");
    for (const auto& r : g.relations())
        if (r.kind == ministry_of) homes.insert(r.to);
    BOOST_TEST(homes.size() == loaded.summary.home_states);
    BOOST_TEST(loaded.summary.home_states > 1u);
    BOOST_TEST(loaded.summary.home_states * 5 < loaded.summary.countries);
    BOOST_TEST(loaded.summary.ministries > loaded.summary.home_states);
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
    for (const auto& e : g.entities()) {
        for (const auto& a : e.attributes) BOOST_TEST(g.schema.entity_attribute_allowed(e.kind, a.key), a.key);
        if (e.attributes.find("status")) ++with_status;
        if (e.kind == country && e.attributes.find("un_status")) ++countries_with_status;
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
