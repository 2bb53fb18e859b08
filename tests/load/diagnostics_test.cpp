// Diagnostics for problems built in memory: each with its exact line and column.

#include <boost/test/unit_test.hpp>

#include "load_helpers.hpp"

using namespace orgraph;
using namespace orgraph::test;

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(a_diagnostic_reads_file_line_column_error_message) {
    BOOST_TEST(Diagnostic({"a.toml", 3, 7, "bad"}).to_string() == "a.toml:3:7: error: bad");
    BOOST_TEST(Diagnostic({"a.toml", 3, 0, "bad"}).to_string() == "a.toml:3: error: bad");
    BOOST_TEST(Diagnostic({"a.toml", 0, 0, "bad"}).to_string() == "a.toml: error: bad");
}

BOOST_AUTO_TEST_CASE(diagnostics_are_sorted_by_file_order_then_position_and_repeats_dropped) {
    Diagnostics d;
    d.error("b.toml", 1, 1, "late file");
    d.error("a.toml", 9, 2, "second");
    d.error("a.toml", 9, 1, "first");
    d.error("a.toml", 9, 1, "first");
    d.sort({"a.toml", "b.toml"});
    BOOST_REQUIRE(d.size() == 3u);
    BOOST_TEST(d.items()[0].message == "first");
    BOOST_TEST(d.items()[1].message == "second");
    BOOST_TEST(d.items()[2].message == "late file");
}

BOOST_AUTO_TEST_CASE(a_value_of_the_wrong_type_names_the_type_found) {
    expect_lines(problems_of_file(R"([[entity]]
id = "NOR"
kind = "country"
name = 7
source = "handbook"
)"),
                 {"data.toml:1:1: error: entity 'NOR' has no 'name' (expected name = \"…\")",
                  "data.toml:4:8: error: 'name' must be a string, not an integer"});
}

BOOST_AUTO_TEST_CASE(a_table_or_array_cannot_be_an_attribute_value) {
    expect_lines(
        problems_of_file(R"([[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "handbook"
un_status = ["member"]
)"),
        {"data.toml:6:13: error: 'un_status' is neither a relation kind nor an attribute: an array cannot be an "
         "attribute value (expected a string, number, boolean or date)"});
}

BOOST_AUTO_TEST_CASE(an_inline_relation_table_needs_a_target) {
    expect_lines(problems_of_file(R"([[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = "handbook"
covers = [{ as_written = "Norway" }]
)"),
                 {"data.toml:6:11: error: a 'covers' entry has no 'to' (expected { to = \"ID\", … })"});
}

BOOST_AUTO_TEST_CASE(an_attribute_a_relation_kind_does_not_declare_is_reported_at_its_key) {
    expect_lines(problems_of_file(R"([[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "handbook"

[[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = "handbook"
covers = { to = "NOR", as_writen = "Norway" }
)"),
                 {"data.toml:12:24: error: unknown field 'as_writen' for a 'covers' relation (expected one of: note, "
                  "as_written); did you mean 'as_written'?"});
}

BOOST_AUTO_TEST_CASE(a_relation_from_an_entity_to_itself_is_reported) {
    expect_lines(
        problems_of_file(R"([[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = "handbook"
part_of = "north"
)"),
        {"data.toml:6:11: error: a 'part_of' relation from 'north' to itself (expected two different entities)"});
}

BOOST_AUTO_TEST_CASE(a_standalone_relation_lists_every_field_it_lacks) {
    expect_lines(problems_of_file(R"([[relation]]
kind = "covers"
)"),
                 {"data.toml:1:1: error: a relation has no 'from' (expected from = \"…\")",
                  "data.toml:1:1: error: a relation has no 'to' (expected to = \"…\")",
                  "data.toml:1:1: error: a relation has no source (every relation needs source = \"SOURCE:LOCATOR\")"});
}

BOOST_AUTO_TEST_CASE(an_entity_with_a_refused_id_does_not_also_report_its_relations) {
    expect_lines(
        problems_of_file(R"([[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "handbook"

[[entity]]
id = "north office"
kind = "office"
name = "Northern Office"
source = "handbook"
covers = "NOR"
)"),
        {"data.toml:8:6: error: malformed id 'north office' (expected letters, digits, '_', '.', ':' or '-')"});
}

BOOST_AUTO_TEST_CASE(an_empty_id_is_reported_at_its_value_and_a_missing_one_at_the_record) {
    expect_lines(problems_of_file(R"([[entity]]
id = ""
kind = "country"
name = "Norway"
source = "handbook"

[[entity]]
kind = "country"
name = "Iceland"
source = "handbook"
)"),
                 {"data.toml:2:6: error: 'id' is empty (expected a non-empty id)",
                  "data.toml:7:1: error: an entity has no 'id' (expected id = \"…\")"});
}

BOOST_AUTO_TEST_CASE(schema_problems_name_the_kind_and_what_was_expected) {
    expect_lines(problems_of({layer("schema", {toml_file("schema.toml", R"([[entity_kind]]
id = "office"
parent = "organisaton"

[[entity_kind]]
id = "organisation"

[[entity_kind]]
id = "organisation"

[[entity_kind]]
id = "two words"

[[relation_kind]]
id = "covers"
from = ["ofice"]
backward = "yes"

[[relation_kind]]
id = "name"
)")})}),
                 {"schema.toml:3:10: error: unknown entity kind 'organisaton'; did you mean 'organisation'?",
                  "schema.toml:9:6: error: duplicate entity kind 'organisation' (first declared at schema.toml:6:6)",
                  "schema.toml:12:6: error: malformed kind id 'two words' (expected letters, digits, '_' or '-')",
                  "schema.toml:16:9: error: unknown entity kind 'ofice'; did you mean 'office'?",
                  "schema.toml:17:12: error: 'backward' must be true or false, not a string",
                  "schema.toml:20:6: error: 'name' cannot be a relation kind: it is a reserved field of entities"});
}

BOOST_AUTO_TEST_CASE(a_table_where_an_array_of_tables_belongs_is_reported) {
    expect_lines(problems_of_file(R"([entity]
id = "NOR"
)"),
                 {"data.toml:1:1: error: 'entity' must be an array of tables ([[entity]])"});
}

BOOST_AUTO_TEST_CASE(a_source_id_with_a_colon_is_refused_because_the_colon_starts_a_locator) {
    expect_lines(
        problems_of_file(R"([[source]]
id = "iso:3166"
title = "ISO 3166"
)"),
        {"data.toml:2:6: error: source id 'iso:3166' contains ':', which separates a source from its locator"});
}

BOOST_AUTO_TEST_CASE(a_suggestion_is_the_closest_candidate_not_the_first_in_alphabetical_order) {
    // 'p2' is one edit from 'p1' and two from 'l1'; only 'p1' is suggested.
    expect_lines(problems_of_file(R"([[entity]]
id = "l1"
kind = "country"
name = "L"
source = "handbook"

[[entity]]
id = "p1"
kind = "office"
name = "P"
source = "handbook"
covers = "p2"
)"),
                 {"data.toml:12:10: error: no entity has the id 'p2'; did you mean 'p1'?"});
}

BOOST_AUTO_TEST_CASE(without_a_close_candidate_every_kind_is_listed) {
    expect_lines(
        problems_of_file(R"([[entity]]
id = "NOR"
kind = "kingdom"
name = "Norway"
source = "handbook"
)"),
        {"data.toml:3:8: error: unknown entity kind 'kingdom' (expected one of: country, office, organisation)"});
}

BOOST_AUTO_TEST_CASE(a_dataset_error_carries_every_problem_and_reads_as_the_first) {
    try {
        (void)load({schema_layer(), layer("data", {toml_file("data.toml", R"([[entity]]
id = "a b"
kind = "country"
name = "A"
source = "handbook"

[[entity]]
id = "c d"
kind = "country"
name = "C"
source = "handbook"
)")})});
        BOOST_FAIL("loaded");
    } catch (const dataset_error& e) {
        BOOST_TEST(e.diagnostics.size() == 2u);
        BOOST_TEST(std::string(e.what()) == e.diagnostics.front().to_string());
    }
}

BOOST_AUTO_TEST_SUITE_END()
