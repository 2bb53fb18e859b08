// The malformed datasets under tests/data/bad: each must fail to load with exactly the
// diagnostics listed, positions included. Paths are shown relative to tests/ ("data/bad/…").

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "load_helpers.hpp"

using namespace orgraph;

namespace {

std::vector<std::string> problems_of(const std::vector<std::string>& paths) {
    const std::string root = ORGRAPH_TEST_DATA;
    std::vector<LayerInput> layers;
    for (const auto& p : paths) layers.push_back(read_layer(root + "/" + p));
    auto lines = test::problems_of(layers);
    // Diagnostics name files as they were given; show them as seen from tests/.
    for (auto& line : lines)
        for (auto at = line.find(root); at != std::string::npos; at = line.find(root, at))
            line.replace(at, root.size(), "data");
    return lines;
}

void expect_problems(const std::string& path, const std::vector<std::string>& expected) {
    test::expect_lines(problems_of({path}), expected);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bad_datasets)

BOOST_AUTO_TEST_CASE(a_toml_syntax_error_is_reported_where_the_parser_stopped) {
    const auto problems = problems_of({"bad/syntax-error.toml"});
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].starts_with("data/bad/syntax-error.toml:10:36: error: TOML syntax: "));
}

BOOST_AUTO_TEST_CASE(an_unknown_top_level_table_is_reported_with_the_tables_there_are) {
    expect_problems(
        "bad/unknown-table.toml",
        {"data/bad/unknown-table.toml:7:3: error: unknown table 'entities' (expected one of: dataset, source, "
         "entity_kind, relation_kind, rule, interchange, entity, relation, presentation, coverage, gazetteer)"});
}

BOOST_AUTO_TEST_CASE(unknown_fields_are_reported_with_the_fields_expected_and_a_suggestion) {
    expect_problems(
        "bad/unknown-field.toml",
        {"data/bad/unknown-field.toml:3:1: error: a source has no 'title' (expected title = \"…\")",
         "data/bad/unknown-field.toml:5:1: error: unknown field 'titel' in a source (expected one of: id, title, "
         "publisher, url, date, note); did you mean 'title'?",
         "data/bad/unknown-field.toml:12:1: error: unknown field 'responsability' for an entity of kind 'department' "
         "(expected a relation kind or one of the attributes: note, responsibility); did you mean 'responsibility'?"});
}

BOOST_AUTO_TEST_CASE(an_unknown_entity_kind_is_reported_with_its_line_and_column_and_a_suggestion) {
    expect_problems("bad/unknown-entity-kind.toml",
                    {"data/bad/unknown-entity-kind.toml:9:8: error: unknown entity kind 'departmnet'; did you mean "
                     "'department'?"});
}

BOOST_AUTO_TEST_CASE(an_unknown_relation_kind_is_reported_with_a_suggestion) {
    expect_problems("bad/unknown-relation-kind.toml",
                    {"data/bad/unknown-relation-kind.toml:20:8: error: unknown relation kind 'prat_of'; did you mean "
                     "'part_of'?"});
}

BOOST_AUTO_TEST_CASE(a_relation_from_a_kind_the_schema_forbids_names_the_kinds_allowed) {
    expect_problems(
        "bad/forbidden-from.toml",
        {"data/bad/forbidden-from.toml:18:1: error: a 'covers' relation cannot start at 'MNG', a country (it "
         "may start at: regional_department)"});
}

BOOST_AUTO_TEST_CASE(a_relation_to_a_kind_the_schema_forbids_names_the_kinds_allowed) {
    expect_problems(
        "bad/forbidden-to.toml",
        {"data/bad/forbidden-to.toml:18:11: error: a 'covers' relation cannot end at 'mfa', a ministry (it may "
         "end at: country, region, regional_organization, organization_body)"});
}

BOOST_AUTO_TEST_CASE(a_reference_to_a_missing_id_is_reported_at_the_reference_with_the_closest_id) {
    expect_problems("bad/missing-target.toml",
                    {"data/bad/missing-target.toml:18:18: error: no entity has the id 'CHM'; did you mean 'CHN'?"});
}

BOOST_AUTO_TEST_CASE(a_duplicate_id_in_a_layer_points_at_the_first_declaration) {
    expect_problems("bad/duplicate-id.toml",
                    {"data/bad/duplicate-id.toml:14:6: error: duplicate id 'CHN' (first declared at "
                     "data/bad/duplicate-id.toml:8:6)"});
}

BOOST_AUTO_TEST_CASE(a_duplicate_source_points_at_the_first_declaration) {
    expect_problems("bad/duplicate-source.toml",
                    {"data/bad/duplicate-source.toml:8:6: error: duplicate source 'notes' (first declared at "
                     "data/bad/duplicate-source.toml:4:6)"});
}

BOOST_AUTO_TEST_CASE(a_citation_of_an_undeclared_source_is_reported_at_the_citation) {
    expect_problems(
        "bad/unknown-source.toml",
        {"data/bad/unknown-source.toml:11:22: error: unknown source 'ntoes' in citation 'ntoes:4' (declare it "
         "in a [[source]] table); did you mean 'notes'?"});
}

BOOST_AUTO_TEST_CASE(a_malformed_date_says_which_forms_are_accepted) {
    expect_problems("bad/malformed-date.toml",
                    {"data/bad/malformed-date.toml:12:14: error: malformed date in 'valid_from': '1949-13' (expected "
                     "YYYY, \"YYYY-MM\" or YYYY-MM-DD)"});
}

BOOST_AUTO_TEST_CASE(a_validity_that_ends_before_it_begins_is_reported) {
    expect_problems("bad/validity-reversed.toml",
                    {"data/bad/validity-reversed.toml:13:12: error: valid_from 1949-10-01 is later than valid_to 1912 "
                     "(expected valid_from on or before valid_to)"});
}

BOOST_AUTO_TEST_CASE(a_name_of_nothing_but_punctuation_is_empty) {
    expect_problems("bad/empty-name.toml", {"data/bad/empty-name.toml:10:8: error: entity 'CHN' has an empty name "
                                            "(expected a name with at least one letter or digit)"});
}

BOOST_AUTO_TEST_CASE(a_missing_name_kind_or_source_is_reported_at_the_record) {
    expect_problems("bad/missing-name.toml",
                    {"data/bad/missing-name.toml:7:1: error: entity 'CHN' has no 'name' (expected name = \"…\")"});
    expect_problems("bad/missing-kind.toml", {"data/bad/missing-kind.toml:7:1: error: entity 'CHN' has no 'kind' "
                                              "(expected kind = \"…\", one of the entity kinds)"});
    expect_problems("bad/missing-source.toml",
                    {"data/bad/missing-source.toml:7:1: error: entity 'CHN' has no source (every entity needs source = "
                     "\"SOURCE:LOCATOR\")",
                     "data/bad/missing-source.toml:18:1: error: a relation has no source (every relation needs source "
                     "= \"SOURCE:LOCATOR\")"});
}

BOOST_AUTO_TEST_CASE(a_malformed_id_says_which_characters_are_allowed) {
    expect_problems("bad/malformed-id.toml", {"data/bad/malformed-id.toml:8:6: error: malformed id 'asian affairs/1' "
                                              "(expected letters, digits, '_', '.', ':' or '-')"});
}

BOOST_AUTO_TEST_CASE(a_cycle_of_parent_kinds_is_reported_with_the_cycle) {
    expect_problems(
        "bad/parent-cycle.toml",
        {"data/bad/parent-cycle.toml:5:10: error: the parent kinds of 'office' form a cycle: office → bureau "
         "→ office (expected a chain of parents that ends at a kind without one)"});
}

BOOST_AUTO_TEST_CASE(a_csv_header_without_a_required_column_is_reported) {
    expect_problems("bad/csv-missing-column", {"data/bad/csv-missing-column/entities.csv:1:1: error: the header has no "
                                               "'name' column (expected at least id, kind, name)"});
}

BOOST_AUTO_TEST_CASE(a_csv_row_with_the_wrong_number_of_fields_is_reported_at_its_start_or_first_surplus_field) {
    expect_problems("bad/csv-field-count",
                    {"data/bad/csv-field-count/entities.csv:3:1: error: the row has 2 fields (expected 3, as in the "
                     "header)",
                     "data/bad/csv-field-count/entities.csv:4:19: error: the row has 4 fields (expected 3, as in the "
                     "header)"});
}

BOOST_AUTO_TEST_CASE(an_unterminated_csv_quote_is_reported_where_it_opens_and_nothing_else_about_its_row) {
    expect_problems("bad/csv-unterminated-quote", {"data/bad/csv-unterminated-quote/entities.csv:3:13: error: "
                                                   "unterminated quoted field (expected a closing '\"')"});
}

BOOST_AUTO_TEST_CASE(a_quote_inside_an_unquoted_csv_field_is_reported_where_it_stands) {
    expect_problems("bad/csv-quote-in-unquoted",
                    {"data/bad/csv-quote-in-unquoted/entities.csv:2:17: error: a quote inside an unquoted field "
                     "(expected the whole field in quotes, with inner quotes doubled)"});
}

BOOST_AUTO_TEST_CASE(a_bad_date_in_a_csv_cell_is_reported_at_the_cell) {
    expect_problems("bad/csv-bad-date",
                    {"data/bad/csv-bad-date/entities.csv:3:22: error: malformed date in column 'valid_from': "
                     "'1924/11/26' (expected YYYY, YYYY-MM or YYYY-MM-DD)"});
}

BOOST_AUTO_TEST_CASE(unknown_kinds_in_csv_cells_are_reported_at_the_cell) {
    expect_problems("bad/csv-unknown-kind",
                    {"data/bad/csv-unknown-kind/entities.csv:3:5: error: unknown entity kind 'countyr'; did you mean "
                     "'country'?",
                     "data/bad/csv-unknown-kind/relations.csv:2:9: error: unknown relation kind 'covres'; did you "
                     "mean 'covers'?"});
}

BOOST_AUTO_TEST_CASE(a_dataset_with_many_problems_reports_all_of_them_in_one_run) {
    const auto problems = problems_of({"bad/many"});
    const std::vector<std::string> expected{
        "data/bad/many/broken.toml:4:33: error: TOML syntax: Error while parsing string: unescaped control characters "
        "other than TAB (U+0009) are explicitly prohibited",
        "data/bad/many/entities.toml:12:1: error: unknown field 'responsability' for an entity of kind "
        "'regional_department' (expected a relation kind or one of the attributes: note, responsibility); did you mean "
        "'responsibility'?",
        "data/bad/many/entities.toml:14:18: error: a 'covers' relation cannot end at 'mfa', a ministry (it may end at: "
        "country)",
        "data/bad/many/entities.toml:14:25: error: no entity has the id 'KOR' (expected the id of an entity declared "
        "in one of the layers)",
        "data/bad/many/entities.toml:18:8: error: unknown entity kind 'departmnet'; did you mean 'department'?",
        "data/bad/many/entities.toml:26:10: error: unknown source 'nots' in citation 'nots:2' (declare it in a "
        "[[source]] table); did you mean 'notes'?",
        "data/bad/many/entities.toml:27:14: error: malformed date in 'valid_from': '1949-13' (expected YYYY, "
        "\"YYYY-MM\" or YYYY-MM-DD)",
        "data/bad/many/entities.toml:30:6: error: duplicate id 'CHN' (first declared at "
        "data/bad/many/entities.toml:23:6)",
        "data/bad/many/entities.toml:38:8: error: entity 'MNG' has an empty name (expected a name with at least one "
        "letter or digit)",
        "data/bad/many/entities.toml:41:12: error: valid_from 1924 is later than valid_to 1921 (expected valid_from "
        "on or before valid_to)",
        "data/bad/many/entities.toml:42:1: error: a 'covers' relation cannot start at 'MNG', a country (it may start "
        "at: regional_department)",
        "data/bad/many/entities.toml:44:1: error: entity 'JPN' has no 'name' (expected name = \"…\")",
        "data/bad/many/entities.toml:49:1: error: entity 'ead1' has no 'kind' (expected kind = \"…\", one of the "
        "entity kinds)",
        "data/bad/many/entities.toml:54:1: error: entity 'ead2' has no source (every entity needs source = "
        "\"SOURCE:LOCATOR\")",
        "data/bad/many/entities.toml:60:6: error: malformed id 'aalad/1' (expected letters, digits, '_', '.', ':' or "
        "'-')",
        "data/bad/many/entities.toml:66:8: error: unknown relation kind 'borders' (expected one of: covers, part_of)",
        "data/bad/many/schema.toml:20:10: error: the parent kinds of 'office' form a cycle: office → bureau → office "
        "(expected a chain of parents that ends at a kind without one)",
        "data/bad/many/sources.toml:6:6: error: duplicate source 'notes' (first declared at "
        "data/bad/many/sources.toml:2:6)",
        "data/bad/many/sources.toml:9:3: error: unknown table 'entitiy' (expected one of: dataset, source, "
        "entity_kind, relation_kind, rule, interchange, entity, relation, presentation, coverage, gazetteer)",
        "data/bad/many/entities.csv:3:1: error: the row has 2 fields (expected 5, as in the header)",
        "data/bad/many/entities.csv:4:17: error: a quote inside an unquoted field (expected the whole field in "
        "quotes, with inner quotes doubled)",
        "data/bad/many/entities.csv:5:27: error: malformed date in column 'valid_from': '1948-01-04T00' (expected "
        "YYYY, YYYY-MM or YYYY-MM-DD)",
        "data/bad/many/entities.csv:6:5: error: unknown entity kind 'kingdom' (expected one of: bureau, country, "
        "department, ministry, office, regional_department)",
        "data/bad/many/entities.csv:7:13: error: unterminated quoted field (expected a closing '\"')",
        "data/bad/many/relations.csv:1:1: error: the header has no 'kind' column (expected at least source, target, "
        "kind)",
    };
    BOOST_TEST(problems == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(problems_in_several_layers_are_reported_together) {
    const auto problems = problems_of({"bad/csv-field-count", "bad/unknown-entity-kind.toml"});
    BOOST_TEST(problems.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
