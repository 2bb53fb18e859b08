#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "load_helpers.hpp"

using namespace orgraph;
using namespace orgraph::test;

namespace {

std::optional<RelationIndex> find_relation(const Graph& g, std::string_view kind, std::string_view from,
                                           std::string_view to) {
    const auto f = g.find(from);
    const auto t = g.find(to);
    if (!f || !t) return std::nullopt;
    for (auto r : g.out_relations(*f))
        if (g.relation(r).to == *t && g.kind_of_relation(r).id == kind) return r;
    return std::nullopt;
}

const std::string offices = R"([[entity]]
id = "mca"
kind = "organisation"
name = "Ministry of Coastal Affairs"
short_name = "MCA"
aliases = ["Coastal Ministry", "The Ministry"]
source = "handbook:1-2"
valid_from = 1990
mandate = "Relations with coastal states."

[[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = ["handbook:3", "handbook"]
valid_from = "1991-04"
valid_to = 2019-06-30
staff = 12
x_internal_code = "N-1"
part_of = "mca"
covers = [
  "NOR",
  { to = "ISL", as_written = "Iceland", source = "handbook:4", valid_from = 1995 },
]

[[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "handbook:10"

[[entity]]
id = "ISL"
kind = "country"
name = "Iceland"
source = "handbook:11"
un_status = "member"

[[relation]]
kind = "covers"
from = "mca-2"
to = "NOR"
source = "handbook:12"
note = "Added later."
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(toml_loader)

BOOST_AUTO_TEST_CASE(an_entity_keeps_its_id_kind_names_and_aliases) {
    const auto g = load_file(offices.substr(0, offices.find("[[relation]]")));
    const auto mca = g.find("mca");
    BOOST_REQUIRE(mca);
    const auto& e = g.entity(*mca);
    BOOST_TEST(e.name == "Ministry of Coastal Affairs");
    BOOST_TEST(e.short_name == "MCA");
    BOOST_TEST(texts(e.aliases) == (std::vector<std::string>{"Coastal Ministry", "The Ministry"}),
               boost::test_tools::per_element());
    BOOST_TEST(g.kind_of(*mca).id == "organisation");
    BOOST_TEST(g.entities().size() == 4u);
}

BOOST_AUTO_TEST_CASE(citations_keep_their_locators_and_a_repeated_one_counts_once) {
    const auto g = load_file(offices.substr(0, offices.find("[[relation]]")) + R"(
[[entity]]
id = "ISL2"
kind = "country"
name = "Iceland again"
source = ["handbook:7", "handbook:7"]
)");
    BOOST_TEST(g.cite(g.entity(*g.find("mca")).citations) == "handbook, lines 1-2");
    BOOST_TEST(g.cite(g.entity(*g.find("north")).citations) == "handbook, line 3; handbook");
    BOOST_TEST(g.entity(*g.find("ISL2")).citations.size() == 1u);
}

BOOST_AUTO_TEST_CASE(validity_dates_are_read_as_years_months_or_days) {
    const auto g = load_file(offices.substr(0, offices.find("[[relation]]")));
    const auto& mca = g.entity(*g.find("mca"));
    BOOST_REQUIRE(mca.validity.from);
    BOOST_TEST(mca.validity.from->to_string() == "1990");
    BOOST_TEST(!mca.validity.to);
    const auto& north = g.entity(*g.find("north"));
    BOOST_TEST(north.validity.from->to_string() == "1991-04");
    BOOST_TEST(north.validity.to->to_string() == "2019-06-30");
}

BOOST_AUTO_TEST_CASE(attributes_declared_by_the_kind_or_an_ancestor_are_kept_as_text) {
    const auto g = load_file(offices.substr(0, offices.find("[[relation]]")));
    const auto& north = g.entity(*g.find("north"));
    BOOST_REQUIRE(north.attributes.find("staff"));
    BOOST_TEST(*north.attributes.find("staff") == "12");
    BOOST_REQUIRE(north.attributes.find("x_internal_code"));
    BOOST_TEST(*north.attributes.find("x_internal_code") == "N-1");
    const auto& mca = g.entity(*g.find("mca"));
    BOOST_TEST(*mca.attributes.find("mandate") == "Relations with coastal states.");
}

BOOST_AUTO_TEST_CASE(an_office_may_carry_the_attributes_of_an_organisation) {
    const auto g = load_file(R"([[entity]]
id = "north"
kind = "office"
name = "Northern Office"
source = "handbook"
mandate = "The north."
)");
    BOOST_TEST(*g.entity(0).attributes.find("mandate") == "The north.");
}

BOOST_AUTO_TEST_CASE(a_relation_field_inherits_the_entity_source_unless_it_gives_its_own) {
    const auto g = load_file(offices.substr(0, offices.find("[[relation]]")));
    const auto to_norway = find_relation(g, "covers", "north", "NOR");
    const auto to_iceland = find_relation(g, "covers", "north", "ISL");
    BOOST_REQUIRE(to_norway);
    BOOST_REQUIRE(to_iceland);
    BOOST_TEST(g.cite(g.relation(*to_norway).citations) == "handbook, line 3; handbook");
    BOOST_TEST(g.cite(g.relation(*to_iceland).citations) == "handbook, line 4");
}

BOOST_AUTO_TEST_CASE(an_inline_table_gives_the_relation_attributes_and_validity) {
    const auto g = load_file(offices.substr(0, offices.find("[[relation]]")));
    const auto& r = g.relation(*find_relation(g, "covers", "north", "ISL"));
    BOOST_REQUIRE(r.attributes.find("as_written"));
    BOOST_TEST(*r.attributes.find("as_written") == "Iceland");
    BOOST_TEST(r.validity.from->to_string() == "1995");
    BOOST_TEST(!r.derived);
    BOOST_TEST(find_relation(g, "part_of", "north", "mca").has_value());
}

BOOST_AUTO_TEST_CASE(a_standalone_relation_record_joins_two_entities_with_its_own_source) {
    auto text = offices;
    text.replace(text.find("from = \"mca-2\""), 14, "from = \"north\"");
    text.replace(text.find("to = \"NOR\"\nsource = \"handbook:12\""), 10, "to = \"ISL\"");
    // The record states north covers ISL a second time, with another source and a note: a
    // different validity keeps it a separate relation.
    const auto g = load_file(text);
    const auto north = *g.find("north");
    std::size_t covers_iceland = 0;
    for (auto r : g.out_relations(north))
        if (g.entity(g.relation(r).to).id == "ISL") ++covers_iceland;
    BOOST_TEST(covers_iceland == 2u);
}

BOOST_AUTO_TEST_CASE(a_relation_record_may_stand_in_another_file_than_its_entities) {
    const auto g = freeze(
        load({schema_layer(), layer("data", {toml_file("a.toml", R"([[relation]]
kind = "part_of"
from = "north"
to = "mca"
source = "handbook:9"
note = "Stated in the annex."
)"),
                                             toml_file("b.toml", offices.substr(0, offices.find("[[relation]]")))})}));
    const auto r = find_relation(g, "part_of", "north", "mca");
    BOOST_REQUIRE(r);
    // The same statement made twice is one relation with both citations, and the note added.
    BOOST_TEST(g.cite(g.relation(*r).citations) == "handbook, line 3; handbook; handbook, line 9");
    BOOST_TEST(*g.relation(*r).attributes.find("note") == "Stated in the annex.");
}

BOOST_AUTO_TEST_CASE(sources_keep_their_fields_and_the_layer_that_declared_them) {
    const auto g = freeze(load({schema_layer(), layer("data", {toml_file("data.toml", R"([dataset]
id = "renamed"
title = "A renamed layer"

[[source]]
id = "gazette"
title = "Official gazette"
publisher = "The state"
url = "https://example.org/gazette"
date = 2021-03-01
note = "Monthly."

[[entity]]
id = "NOR"
kind = "country"
name = "Norway"
source = "gazette:4"
)")})}));
    const auto s = g.find_source("gazette");
    BOOST_REQUIRE(s);
    const auto& source = g.sources[*s];
    BOOST_TEST(source.title == "Official gazette");
    BOOST_TEST(source.publisher == "The state");
    BOOST_TEST(source.url == "https://example.org/gazette");
    BOOST_TEST(source.date == "2021-03-01");
    BOOST_TEST(source.note == "Monthly.");
    BOOST_TEST(source.layer == "renamed");
    BOOST_REQUIRE(g.layers.size() == 2u);
    BOOST_TEST(g.layers[1].id == "renamed");
    BOOST_TEST(g.layers[1].title == "A renamed layer");
    BOOST_TEST(g.layers[1].files == std::vector<std::string>{"data.toml"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(kinds_read_with_their_labels_parents_and_allowed_ends) {
    const auto g = load_file("");
    const auto& schema = g.schema;
    const auto office = schema.entity_kind("office");
    BOOST_REQUIRE(office);
    BOOST_TEST(schema.is_a(*office, "organisation"));
    BOOST_TEST(schema.entity_kind(*schema.entity_kind("country")).plural == "countries");
    BOOST_TEST(schema.entity_kind(*office).label == "office");
    BOOST_TEST(schema.entity_kind(*office).plural == "offices");
    const auto covers = schema.relation_kind("covers");
    BOOST_REQUIRE(covers);
    BOOST_TEST(schema.relation_kind(*covers).inverse == "is covered by");
    BOOST_TEST(schema.allows(*covers, *office, *schema.entity_kind("country")));
    BOOST_TEST(!schema.allows(*covers, *schema.entity_kind("organisation"), *schema.entity_kind("country")));
}

BOOST_AUTO_TEST_SUITE_END()
