// The fields of entity and relation records are read one way whatever the format: the same
// mistake in a TOML table, a bulk CSV row and a node or edge of an imported graph gets the same
// message, naming the field as its format does, at the place it stands.

#include <boost/test/unit_test.hpp>

#include "load/record_fields.hpp"
#include "load_helpers.hpp"

using namespace orgraph;
using namespace orgraph::test;
using orgraph::load_detail::entity_field;
using orgraph::load_detail::parse_validity_date;
using orgraph::load_detail::RecordField;
using orgraph::load_detail::RecordFormat;
using orgraph::load_detail::relation_field;

namespace {

const std::string ports_toml = R"([[entity_kind]]
id = "port"

[[entity_kind]]
id = "shipping_line"

[[relation_kind]]
id = "calls_at"
from = ["shipping_line"]
to = ["port"]

[[source]]
id = "register"
title = "Port register"
)";

InputFile node_link(std::string path, std::string content) {
    return {std::move(path), std::move(content), FileFormat::node_link_json};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(record_fields)

BOOST_AUTO_TEST_CASE(field_names_differ_by_format_only_where_the_format_says_so) {
    BOOST_TEST((entity_field("source", RecordFormat::toml) == RecordField::citations));
    BOOST_TEST((entity_field("provenance", RecordFormat::csv) == RecordField::citations));
    BOOST_TEST((entity_field("source", RecordFormat::csv) == RecordField::attribute));
    BOOST_TEST((entity_field("valid_to", RecordFormat::csv) == RecordField::valid_to));
    BOOST_TEST((entity_field("berths", RecordFormat::toml) == RecordField::attribute));
    BOOST_TEST((relation_field("from", RecordFormat::toml) == RecordField::from));
    BOOST_TEST((relation_field("source", RecordFormat::csv) == RecordField::from));
    BOOST_TEST((relation_field("target", RecordFormat::csv) == RecordField::to));
    BOOST_TEST((relation_field("source", RecordFormat::toml) == RecordField::citations));
    BOOST_TEST((relation_field("name", RecordFormat::toml) == RecordField::attribute));
}

BOOST_AUTO_TEST_CASE(only_an_end_may_be_unknown) {
    BOOST_TEST(parse_validity_date("unknown", RecordField::valid_to).has_value());
    BOOST_TEST(!parse_validity_date("unknown", RecordField::valid_from).has_value());
    BOOST_TEST(parse_validity_date("1949-10", RecordField::valid_from)->to_string() == "1949-10");
    BOOST_TEST(!parse_validity_date("1949-13", RecordField::valid_to).has_value());
}

BOOST_AUTO_TEST_CASE(a_malformed_date_reads_alike_in_every_format) {
    expect_lines(
        problems_of({layer(
            "ports",
            {toml_file("dataset.toml", ports_toml + "\n[[entity]]\nid = \"p1\"\nkind = \"port\"\nname = \"Brest\"\n"
                                                    "source = \"register\"\nvalid_to = \"soon\"\n"),
             entities_csv("entities.csv", "id,kind,name,provenance,valid_to\np2,port,Nantes,register,soon\n"),
             node_link("graph.json",
                       "{\"nodes\": [\n  {\"id\": \"p3\", \"kind\": \"port\", \"name\": \"Lorient\", "
                       "\"source\": \"register\", \"valid_to\": \"soon\"}\n], \"links\": []}\n")})}),
        {"dataset.toml:21:12: error: malformed date in 'valid_to': 'soon' (expected YYYY, \"YYYY-MM\" or "
         "YYYY-MM-DD, or \"unknown\" for an end the source does not date)",
         "entities.csv:2:25: error: malformed date in column 'valid_to': 'soon' (expected YYYY, YYYY-MM or "
         "YYYY-MM-DD, or unknown for an end the source does not date)",
         "graph.json:2:3: error: malformed date in attribute 'valid_to': 'soon' (expected YYYY, YYYY-MM or "
         "YYYY-MM-DD, or unknown for an end the source does not date)"});
}

BOOST_AUTO_TEST_CASE(a_relation_without_a_source_is_told_how_to_give_one_in_its_format) {
    expect_lines(
        problems_of(
            {layer("ports", {toml_file("dataset.toml", ports_toml + "\n[[relation]]\nkind = \"calls_at\"\n"
                                                                    "from = \"l1\"\nto = \"p1\"\n"),
                             entities_csv("entities.csv",
                                          "id,kind,name,provenance\np1,port,Brest,register\n"
                                          "l1,shipping_line,Ferries,register\n"),
                             relations_csv("relations.csv", "source,target,kind,provenance\nl1,p1,calls_at,\n")})}),
        {"dataset.toml:16:1: error: a relation has no source (every relation needs source = \"SOURCE:LOCATOR\")",
         "relations.csv:2:16: error: a relation has no source (give a 'provenance' column, or default_source in "
         "the layer's [dataset] table)"});
}

BOOST_AUTO_TEST_CASE(an_imported_edge_whose_validity_ends_before_it_starts_is_reported_at_the_edge) {
    expect_lines(
        problems_of({layer("ports", {toml_file("dataset.toml", ports_toml),
                                     node_link("graph.json",
                                               "{\"nodes\": [\n"
                                               "  {\"id\": \"p1\", \"kind\": \"port\", \"name\": \"Brest\", "
                                               "\"source\": \"register\"},\n"
                                               "  {\"id\": \"l1\", \"kind\": \"shipping_line\", \"name\": \"Ferries\", "
                                               "\"source\": \"register\"}\n"
                                               "], \"links\": [\n"
                                               "  {\"source\": \"l1\", \"target\": \"p1\", \"kind\": \"calls_at\", "
                                               "\"provenance\": \"register\", \"valid_from\": \"2010\", "
                                               "\"valid_to\": \"2001\"}\n"
                                               "]}\n")})}),
        {"graph.json:5:3: error: valid_from 2010 is later than valid_to 2001 (expected valid_from on or before "
         "valid_to)"});
}

BOOST_AUTO_TEST_CASE(an_empty_entity_id_at_either_end_of_a_relation_is_reported_in_every_format) {
    // A [[relation]] whose 'from' is empty was once left out without a word.
    const std::string entities =
        "\n[[entity]]\nid = \"p1\"\nkind = \"port\"\nname = \"Brest\"\n"
        "source = \"register\"\n\n[[entity]]\nid = \"l1\"\nkind = \"shipping_line\"\n"
        "name = \"Ferries\"\nsource = \"register\"\ncalls_at = \"\"\n";
    expect_lines(
        problems_of({layer(
            "ports", {toml_file("dataset.toml", ports_toml + entities +
                                                    "\n[[relation]]\nkind = \"calls_at\"\n"
                                                    "from = \"\"\nto = \"p1\"\nsource = \"register\"\n"),
                      relations_csv("relations.csv", "source,target,kind,provenance\n,p1,calls_at,register\n")})}),
        {"dataset.toml:27:12: error: the entity id is empty (expected an entity id)",
         "dataset.toml:31:8: error: the entity id is empty (expected an entity id)",
         "relations.csv:2:1: error: the entity id is empty (expected an entity id)"});
}

BOOST_AUTO_TEST_CASE(an_attribute_given_two_values_is_told_alike_for_entities_and_relations) {
    const auto problems =
        problems_of({layer("ports", {toml_file("dataset.toml", R"([[entity_kind]]
id = "port"
attributes = ["berths"]

[[entity_kind]]
id = "shipping_line"

[[relation_kind]]
id = "calls_at"
from = ["shipping_line"]
to = ["port"]
attributes = ["weekly"]

[[source]]
id = "register"
title = "Port register"
)"),
                                     entities_csv("entities.csv",
                                                  "id,kind,name,provenance,berths,berths\np1,port,Brest,register,4,5\n"
                                                  "l1,shipping_line,Ferries,register,,\n"),
                                     relations_csv("relations.csv",
                                                   "source,target,kind,provenance,weekly,weekly\n"
                                                   "l1,p1,calls_at,register,2,3\n")})});
    expect_lines(problems,
                 {"entities.csv:1:32: error: column 'berths' appears twice",
                  "entities.csv:2:26: error: attribute 'berths' of 'p1' is '4' already; it cannot also be '5'",
                  "relations.csv:1:38: error: column 'weekly' appears twice",
                  "relations.csv:2:27: error: attribute 'weekly' of the 'calls_at' relation from 'l1' to 'p1' is '2' "
                  "already; it cannot also be '3'"});
}

BOOST_AUTO_TEST_SUITE_END()
