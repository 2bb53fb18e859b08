#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "orgraph/model/schema.hpp"
#include "test_schema.hpp"

using namespace orgraph;

namespace {

struct MissionSchema {
    Schema schema;
    KindIndex mission, embassy, consulate, honorary, country, city;
    RelationKindIndex located_in, represents, subordinate_to;

    MissionSchema() {
        mission = schema.add_entity_kind(test::entity_kind("mission", std::nullopt, {"status", "as_of"}));
        embassy = schema.add_entity_kind(test::entity_kind("embassy", mission, {"ambassador"}));
        consulate = schema.add_entity_kind(test::entity_kind("consulate", mission));
        honorary = schema.add_entity_kind(test::entity_kind("honorary_consulate", consulate, {"consul"}));
        country = schema.add_entity_kind(test::entity_kind("country", std::nullopt, {"un_status"}));
        city = schema.add_entity_kind(test::entity_kind("city"));
        located_in = schema.add_relation_kind(test::relation_kind("located_in", {mission, city}, {city, country}));
        represents = schema.add_relation_kind(test::relation_kind("represents", {mission}, {country}, {"since"}));
        subordinate_to = schema.add_relation_kind(test::relation_kind("subordinate_to", {}, {}));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(schema, MissionSchema)

BOOST_AUTO_TEST_CASE(kinds_are_found_by_id) {
    BOOST_TEST(*schema.entity_kind("embassy") == embassy);
    BOOST_TEST(*schema.relation_kind("represents") == represents);
    BOOST_TEST(!schema.entity_kind("Embassy").has_value());
    BOOST_TEST(!schema.relation_kind("located").has_value());
    BOOST_TEST(schema.entity_kind(embassy).id == "embassy");
}

BOOST_AUTO_TEST_CASE(a_kind_is_a_kind_of_itself_and_of_every_ancestor) {
    BOOST_TEST(schema.is_a(embassy, embassy));
    BOOST_TEST(schema.is_a(embassy, mission));
    BOOST_TEST(schema.is_a(honorary, consulate));
    BOOST_TEST(schema.is_a(honorary, mission));
    BOOST_TEST(schema.is_a(honorary, "mission"));
}

BOOST_AUTO_TEST_CASE(a_kind_is_not_a_kind_of_its_descendants_siblings_or_strangers) {
    BOOST_TEST(!schema.is_a(mission, embassy));
    BOOST_TEST(!schema.is_a(embassy, consulate));
    BOOST_TEST(!schema.is_a(honorary, embassy));
    BOOST_TEST(!schema.is_a(country, mission));
    BOOST_TEST(!schema.is_a(embassy, "no_such_kind"));
}

BOOST_AUTO_TEST_CASE(a_relation_allows_the_kinds_it_names_and_their_descendants) {
    BOOST_TEST(schema.allows(located_in, embassy, city));
    BOOST_TEST(schema.allows(located_in, honorary, country));
    BOOST_TEST(schema.allows(located_in, city, country));
    BOOST_TEST(schema.allows(represents, mission, country));
}

BOOST_AUTO_TEST_CASE(a_relation_refuses_kinds_it_does_not_name_on_either_side) {
    BOOST_TEST(!schema.allows_from(located_in, country));
    BOOST_TEST(schema.allows_to(located_in, country));
    BOOST_TEST(!schema.allows(located_in, country, city));
    BOOST_TEST(!schema.allows_to(represents, city));
    BOOST_TEST(!schema.allows(represents, embassy, city));
}

BOOST_AUTO_TEST_CASE(a_relation_without_from_or_to_allows_any_kind) {
    BOOST_TEST(schema.allows(subordinate_to, embassy, consulate));
    BOOST_TEST(schema.allows(subordinate_to, country, city));
}

BOOST_AUTO_TEST_CASE(an_entity_kind_inherits_the_attributes_of_its_ancestors) {
    BOOST_TEST(schema.entity_attribute_allowed(honorary, "consul"));
    BOOST_TEST(schema.entity_attribute_allowed(honorary, "status"));
    BOOST_TEST(schema.entity_attribute_allowed(embassy, "as_of"));
    BOOST_TEST(!schema.entity_attribute_allowed(mission, "ambassador"));
    BOOST_TEST(!schema.entity_attribute_allowed(consulate, "ambassador"));
    BOOST_TEST(!schema.entity_attribute_allowed(embassy, "un_status"));
}

BOOST_AUTO_TEST_CASE(note_and_free_form_x_attributes_are_allowed_everywhere) {
    BOOST_TEST(schema.entity_attribute_allowed(city, "note"));
    BOOST_TEST(schema.entity_attribute_allowed(city, "x_population"));
    BOOST_TEST(!schema.entity_attribute_allowed(city, "population"));
    BOOST_TEST(schema.relation_attribute_allowed(located_in, "note"));
    BOOST_TEST(schema.relation_attribute_allowed(located_in, "x_source_row"));
    BOOST_TEST(schema.relation_attribute_allowed(represents, "since"));
    BOOST_TEST(!schema.relation_attribute_allowed(located_in, "since"));
}

BOOST_AUTO_TEST_CASE(the_attributes_of_a_kind_are_listed_sorted_with_those_inherited_and_note) {
    const std::vector<std::string> expected{"as_of", "consul", "note", "status"};
    BOOST_TEST(schema.entity_attributes(honorary) == expected, boost::test_tools::per_element());
    BOOST_TEST(schema.entity_attributes(city) == std::vector<std::string>{"note"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_kind_and_its_descendants_are_listed_together) {
    const std::vector<KindIndex> expected{mission, embassy, consulate, honorary};
    BOOST_TEST(schema.kind_and_descendants(mission) == expected, boost::test_tools::per_element());
    BOOST_TEST(schema.kind_and_descendants(consulate) == (std::vector<KindIndex>{consulate, honorary}),
               boost::test_tools::per_element());
    BOOST_TEST(schema.kind_and_descendants(city) == std::vector<KindIndex>{city}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(is_a_stops_on_a_parent_cycle_instead_of_looping) {
    // The loader refuses cycles; a schema built by hand must still not hang.
    Schema looped;
    const auto a = looped.add_entity_kind(test::entity_kind("a"));
    const auto b = looped.add_entity_kind(test::entity_kind("b", a));
    looped.entity_kind_mut(a).parent = b;
    const auto c = looped.add_entity_kind(test::entity_kind("c"));
    BOOST_TEST(looped.is_a(a, b));
    BOOST_TEST(!looped.is_a(a, c));
    BOOST_TEST(!looped.entity_attribute_allowed(a, "anything"));
}

BOOST_AUTO_TEST_SUITE_END()
