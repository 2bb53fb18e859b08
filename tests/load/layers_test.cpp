#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>

#include "builtin_fallback.hpp"
#include "load_helpers.hpp"

using namespace orgraph;
using namespace orgraph::test;

namespace {

const std::string base = R"([[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "handbook:1"
un_status = "member"

[[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = "handbook:2"
covers = { to = "NOR", as_written = "Norway" }
)";

LayerInput base_layer() {
    return layer("base", {toml_file("base.toml", base)});
}

LayerInput overlay(std::string content) {
    return layer("overlay", {toml_file("overlay.toml", R"([[source]]
id = "gazette"
title = "Gazette"

)" + content)});
}

std::string data_path(const std::string& relative) {
    return std::string(ORGRAPH_TEST_DATA) + "/" + relative;
}

std::vector<std::string> file_names(const LayerInput& layer) {
    std::vector<std::string> names;
    for (const auto& f : layer.files) names.push_back(std::filesystem::path(f.path).filename().string());
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layers)

BOOST_AUTO_TEST_CASE(a_later_layer_amends_an_entity_with_names_attributes_sources_and_relations) {
    const auto g = freeze(load({schema_layer(), base_layer(), overlay(R"([[entity]]
id = "NOR"
name = "Kingdom of Norway"
short_name = "NO"
aliases = ["Noreg"]
source = "gazette:7"
un_status = "member"

[[entity]]
id = "ISL"
kind = "country"
name = "Iceland"
source = "gazette:8"

[[entity]]
id = "north"
source = "gazette:9"
staff = 4
covers = "ISL"
)")}));
    BOOST_TEST(g.entities().size() == 3u);
    const auto& norway = g.entity(*g.find("NOR"));
    BOOST_TEST(norway.name == "Norway");
    BOOST_TEST(norway.short_name == "NO");
    BOOST_TEST(texts(norway.aliases) == (std::vector<std::string>{"Kingdom of Norway", "Noreg"}),
               boost::test_tools::per_element());
    BOOST_TEST(g.cite(norway.citations) == "handbook, line 1; gazette, line 7");
    const auto& north = g.entity(*g.find("north"));
    BOOST_TEST(*north.attributes.find("staff") == "4");
    BOOST_TEST(g.out_relations(*g.find("north")).size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_amending_record_cannot_change_the_kind) {
    expect_lines(problems_of({schema_layer(), base_layer(), overlay(R"([[entity]]
id = "NOR"
kind = "organisation"
source = "gazette:7"
)")}),
                 {"overlay.toml:7:8: error: entity 'NOR' is a 'country' in an earlier layer (base.toml:2:6); "
                  "a later layer cannot make it a 'organisation'"});
}

BOOST_AUTO_TEST_CASE(an_amending_record_cannot_give_an_attribute_another_value) {
    expect_lines(
        problems_of({schema_layer(), base_layer(), overlay(R"([[entity]]
id = "NOR"
source = "gazette:7"
un_status = "observer"
)")}),
        {"overlay.toml:8:1: error: attribute 'un_status' of 'NOR' is 'member' already; it cannot also be 'observer'"});
}

BOOST_AUTO_TEST_CASE(the_same_id_twice_in_one_layer_is_an_error_even_across_files) {
    expect_lines(problems_of({schema_layer(), layer("base", {toml_file("a.toml", base), toml_file("b.toml", R"(
[[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "handbook:3"
)")})}),
                 {"b.toml:3:6: error: duplicate id 'NOR' (first declared at a.toml:2:6)"});
}

BOOST_AUTO_TEST_CASE(the_same_relation_stated_twice_is_one_relation_citing_both_sources) {
    const auto g = freeze(load({schema_layer(), base_layer(), overlay(R"([[relation]]
kind = "covers"
from = "north"
to = "NOR"
source = ["gazette:3", "handbook:2"]
as_written = "Norway"
)")}));
    BOOST_REQUIRE(g.relations().size() == 1u);
    BOOST_TEST(g.cite(g.relation(0).citations) == "handbook, line 2; gazette, line 3");
}

BOOST_AUTO_TEST_CASE(the_same_relation_with_another_attribute_value_stays_separate) {
    const auto g = freeze(load({schema_layer(), base_layer(), overlay(R"([[relation]]
kind = "covers"
from = "north"
to = "NOR"
source = "gazette:3"
as_written = "Noreg"
)")}));
    BOOST_TEST(g.relations().size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_same_relation_with_another_validity_stays_separate) {
    const auto g = freeze(load({schema_layer(), base_layer(), overlay(R"([[relation]]
kind = "covers"
from = "north"
to = "NOR"
source = "gazette:3"
valid_to = 2001
)")}));
    BOOST_TEST(g.relations().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_later_statement_joins_the_first_even_after_one_that_stayed_separate) {
    const auto g = freeze(load({schema_layer(), base_layer(), overlay(R"([[relation]]
kind = "covers"
from = "north"
to = "NOR"
source = "gazette:3"
valid_to = 2001

[[relation]]
kind = "covers"
from = "north"
to = "NOR"
source = "gazette:7"
as_written = "Norway"
)")}));
    // The first statement keeps its place and gains the third's citation; the second, with
    // another validity, stays a relation of its own, after it.
    BOOST_REQUIRE(g.relations().size() == 2u);
    BOOST_TEST(g.cite(g.relation(0).citations) == "handbook, line 2; gazette, line 7");
    BOOST_TEST(g.cite(g.relation(1).citations) == "gazette, line 3");
}

BOOST_AUTO_TEST_CASE(a_relation_may_point_into_a_later_layer) {
    const auto g = freeze(load({schema_layer(), layer("base", {toml_file("base.toml", R"([[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = "handbook:2"
covers = "ISL"
)")}),
                                overlay(R"([[entity]]
id = "ISL"
kind = "country"
name = "Iceland"
source = "gazette:8"
)")}));
    BOOST_TEST(g.relations().size() == 1u);
}

BOOST_AUTO_TEST_CASE(without_any_declared_kind_the_builtin_schema_is_used) {
    const auto g = freeze(load({layer("plain", {toml_file("plain.toml", R"([[source]]
id = "notes"
title = "Notes"

[[entity]]
id = "aad1"
kind = "regional_department"
name = "Asian Affairs Department 1"
source = "notes"
covers = "CHN"

[[entity]]
id = "CHN"
kind = "country"
name = "China"
source = "notes"
)")})},
                               builtin_fallback()));
    BOOST_TEST(g.entities().size() == 2u);
    BOOST_TEST(g.schema.entity_kind("embassy").has_value());
    BOOST_TEST(g.schema.is_a(g.entity(*g.find("aad1")).kind, "department"));
    BOOST_REQUIRE(g.relations().size() == 1u);
    BOOST_TEST(g.kind_of_relation(0).id == "covers");
    // The built-in schema's kinds come without its world: no country other than the one stated.
    BOOST_TEST(!g.find("MNG").has_value());
}

BOOST_AUTO_TEST_CASE(a_dataset_that_declares_kinds_does_not_get_the_builtin_ones) {
    const auto g = freeze(load({schema_layer()}));
    BOOST_TEST(!g.schema.entity_kind("embassy").has_value());
    BOOST_TEST(g.schema.entity_kinds().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_directory_layer_reads_its_toml_files_in_name_order_then_its_csv_files) {
    const auto csv = read_layer(data_path("example-csv"));
    BOOST_TEST(csv.id == "example-csv");
    BOOST_TEST(
        file_names(csv) == (std::vector<std::string>{"dataset.toml", "schema.toml", "entities.csv", "relations.csv"}),
        boost::test_tools::per_element());
    BOOST_TEST((csv.files[2].format == FileFormat::entities_csv));
    BOOST_TEST((csv.files[3].format == FileFormat::relations_csv));
    const auto toml = read_layer(data_path("example"));
    BOOST_TEST(file_names(toml) == (std::vector<std::string>{"ministry.toml", "schema.toml", "world.toml"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_file_layer_is_that_file_and_an_entities_file_brings_its_relations) {
    const auto one = read_layer(data_path("example/world.toml"));
    BOOST_TEST(one.id == "world");
    BOOST_TEST(file_names(one) == std::vector<std::string>{"world.toml"}, boost::test_tools::per_element());
    const auto csv = read_layer(data_path("example-csv/entities.csv"));
    BOOST_TEST(csv.id == "example-csv");
    BOOST_TEST(file_names(csv) == (std::vector<std::string>{"entities.csv", "relations.csv"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_example_datasets_load_as_layers_from_disk) {
    const auto g = freeze(load({read_layer(data_path("example"))}));
    BOOST_TEST(g.entities().size() == 8u);
    BOOST_TEST(g.layers.at(0).id == "example");
    const auto csv = freeze(load({read_layer(data_path("example-csv"))}));
    BOOST_TEST(csv.entities().size() == 4u);
    BOOST_TEST(csv.relations().size() == 3u);
    BOOST_TEST(csv.layers.at(0).id == "ports");
}

BOOST_AUTO_TEST_CASE(a_missing_path_is_reported_and_a_named_overlay_is_found_inside_the_binary) {
    BOOST_CHECK_THROW(read_layer(data_path("no-such-dataset")), dataset_error);
    BOOST_CHECK_THROW(read_layer_or_overlay("no-such-overlay"), dataset_error);
    const auto overlays = builtin_overlays();
    BOOST_REQUIRE(std::find(overlays.begin(), overlays.end(), "dprk-missions") != overlays.end());
    const auto missions = read_layer_or_overlay("dprk-missions");
    BOOST_TEST(missions.id == "dprk-missions");
    BOOST_TEST(!missions.files.empty());
    for (const auto& f : missions.files) BOOST_TEST(f.path.starts_with("builtin:overlays/dprk-missions/"));
}

BOOST_AUTO_TEST_CASE(an_unknown_overlay_name_lists_the_overlays_there_are) {
    try {
        (void)read_layer_or_overlay("dprk-mission");
        BOOST_FAIL("an unknown overlay was read");
    } catch (const dataset_error& e) {
        BOOST_REQUIRE(e.diagnostics.size() == 1u);
        BOOST_TEST(e.diagnostics[0].message.find("dprk-missions") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(an_empty_directory_is_not_a_dataset) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("orgraph-test-empty-layer-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    BOOST_CHECK_THROW(read_layer(dir.string()), dataset_error);
    std::filesystem::remove(dir);
}

BOOST_AUTO_TEST_SUITE_END()

// A dataset that declares no kind is read with the schema its load's options name (the orgraph
// command names the built-in one); the engine has none of its own.
BOOST_AUTO_TEST_CASE(a_dataset_without_kinds_is_read_with_the_fallback_schema_and_the_engine_has_none_of_its_own) {
    const auto data = layer("data", {toml_file("data.toml", R"([[source]]
id = "gazette"
title = "Gazette"

[[entity]]
id = "malta"
kind = "country"
name = "Malta"
source = "gazette:1"
)")});
    // As the orgraph command loads: the built-in schema.
    const auto builtin = load({data}, builtin_fallback());
    BOOST_TEST(builtin.entities().size() == 1u);
    BOOST_TEST(builtin.schema.entity_kind("embassy").has_value());

    // A schema of the program's own.
    LoadOptions options;
    options.fallback_schema = layer("schema", {toml_file("schema.toml", schema_toml)});
    const auto own = load({data}, options);
    BOOST_TEST(own.entities().size() == 1u);
    BOOST_TEST(own.schema.entity_kind("country").has_value());
    BOOST_TEST(!own.schema.entity_kind("embassy").has_value());  // the built-in schema's, not read

    // None, or an empty layer: one problem, naming the first file, rather than an unknown kind
    // for every entity.
    auto one_problem = [](const dataset_error& e) {
        return e.diagnostics.size() == 1 && e.diagnostics[0].file == "data.toml" &&
               e.diagnostics[0].message.starts_with("no file of the dataset declares an entity kind");
    };
    BOOST_CHECK_EXCEPTION((void)load({data}), dataset_error, one_problem);
    options.fallback_schema = LayerInput{};
    BOOST_CHECK_EXCEPTION((void)load({data}, options), dataset_error, one_problem);
}

// /proc files call themselves regular files but have no size: reading one failed with
// "basic_string::_M_replace_aux".
BOOST_AUTO_TEST_CASE(a_proc_file_is_refused_with_its_name) {
    BOOST_CHECK_EXCEPTION(read_layer("/proc/self/status"), dataset_error, [](const dataset_error& e) {
        const auto text = std::string(e.what()) + (e.diagnostics.empty() ? "" : e.diagnostics[0].message);
        BOOST_TEST_INFO(text);
        return !e.diagnostics.empty() && e.diagnostics[0].file == "/proc/self/status" &&
               e.diagnostics[0].message.find("/proc or /sys pseudo-file") != std::string::npos;
    });
}

// Attributes are set in key order past a handful (an n log n insertion instead of n²); the
// entity keeps every one, and problems are still reported in the order written.
BOOST_AUTO_TEST_CASE(an_entity_with_thousands_of_attributes_keeps_them_all_and_reports_in_file_order) {
    constexpr int count = 3000;
    std::string kinds = "[[entity_kind]]\nid = \"thing\"\nattributes = [";
    std::string entity = "[[entity]]\nid = \"t\"\nkind = \"thing\"\nname = \"T\"\nsource = \"handbook:1\"\n";
    for (int i = count - 1; i >= 0; --i) {
        kinds += fmt::format("{}\"a{:05}\"", i == count - 1 ? "" : ", ", i);
        entity += fmt::format("a{:05} = \"{}\"\n", i, i);
    }
    kinds += "]\n\n[[source]]\nid = \"handbook\"\ntitle = \"Handbook\"\n";
    const auto g = freeze(
        load({layer("schema", {toml_file("schema.toml", kinds)}), layer("data", {toml_file("data.toml", entity)})}));
    const auto t = g.entity(*g.find("t"));
    BOOST_TEST_REQUIRE(t.attributes.size() == static_cast<std::size_t>(count));
    BOOST_TEST(t.attributes.find("a00000").value_or("") == "0");
    BOOST_TEST(t.attributes.find("a02999").value_or("") == "2999");

    // Two unknown fields written z then b: reported z first, as written.
    const auto lines = problems_of({layer("schema", {toml_file("schema.toml", kinds)}),
                                    layer("data", {toml_file("data.toml", entity + "zz = \"1\"\nbb = \"2\"\n")})});
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0].find("unknown field 'zz'") != std::string::npos);
    BOOST_TEST(lines[1].find("unknown field 'bb'") != std::string::npos);
}

// A message quotes at most a short excerpt of a long value, and no message runs past 1000 bytes.
BOOST_AUTO_TEST_CASE(a_huge_value_is_quoted_as_an_excerpt) {
    const std::string huge(200000, 'x');
    const auto lines = problems_of({schema_layer(), layer("data", {toml_file("data.toml", R"([[entity]]
id = "a"
kind = ")" + huge + R"("
name = "A"
source = "handbook:1"
covers = { to = ")" + huge + R"(" }
)")})});
    BOOST_TEST_REQUIRE(!lines.empty());
    for (const auto& line : lines) {
        BOOST_TEST_INFO(line.substr(0, 200));
        BOOST_TEST(line.size() < 1200u);
    }
    BOOST_TEST(lines[0].find("200000 bytes in all") != std::string::npos);
}
