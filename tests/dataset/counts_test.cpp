// How many entities and relations of each kind the built-in dataset holds. The numbers were
// counted from the structure document (and, for the world layer, from ISO 3166-1 and the
// membership lists); a change to the data that adds, drops or duplicates anything shows here.

#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "dataset_facts.hpp"

using namespace dataset_test;

namespace {

using Counts = std::map<std::string, std::size_t>;

Counts entity_counts(const orgraph::Graph& g) {
    Counts counts;
    for (orgraph::EntityIndex e = 0; e < g.entities().size(); ++e) ++counts[g.kind_of(e).id];
    return counts;
}

Counts relation_counts(const orgraph::Graph& g) {
    Counts counts;
    for (orgraph::RelationIndex r = 0; r < g.relations().size(); ++r) ++counts[g.kind_of_relation(r).id];
    return counts;
}

std::size_t total(const Counts& counts) {
    std::size_t sum = 0;
    for (const auto& [kind, n] : counts) sum += n;
    return sum;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(counts)

BOOST_AUTO_TEST_CASE(three_layers) {
    const auto& g = builtin();
    BOOST_TEST_REQUIRE(g.layers.size() == 3u);
    BOOST_TEST(g.layers[0].id == "schema");
    BOOST_TEST(g.layers[1].id == "world");
    BOOST_TEST(g.layers[2].id == "dprk-mfa");
    IdSet sources;
    for (const auto& s : g.sources) sources.insert(s.id);
    BOOST_TEST(sources == (IdSet{"asean-members", "asean-tls-admission", "eu-countries", "eu-uk-withdrawal", "cldr-en",
                                 "iso-3166-1", "mfa-structure", "saarc-members", "un-m49", "un-members"}));
}

BOOST_AUTO_TEST_CASE(entities_per_kind) {
    const Counts expected = {
        // the ministry layer (lines 1-103)
        {"ministry", 1},
        {"regional_department", 6},
        {"department", 5},
        {"institute", 3},
        {"unit", 17},  // IDP 4 divisions, IFAS 2 departments + 1 directorate, KOCHACEP 2
                       // departments, APIETE 4 sections, KEA's sections, KORUA 3 sections
        {"association", 10},
        {"organ", 7},  // Assembly, Executive Council, Secretariat of KOCHACEP and APIETE; KORUA's Secretariat
        {"post", 39},  // ISJ 4, KOCHACEP 4, KCCA 4, KJIA 5, APIETE 4, KORUA 3 + 3 x 2, KAFA, KABA,
                       // KLAA 3 each (those a body "consists of"; whom it "involves" are participants)
        {"branch", 1},
        {"region", 10},  // 4 of the departments' lists (lines 7, 17-19), 6 named by associations
        {"organization_body", 3},
        {"organization_group", 2},
        {"mission_group", 1},
        {"city", 4},
        {"embassy", 1},
        {"consulate_general", 1},
        {"consular_agency", 1},
        {"postal_address", 3},
        {"po_box", 1},
        {"fax", 2},
        {"email", 2},
        // CSCAP (ministry layer) and the UN (world layer)
        {"international_organization", 2},
        // the world layer
        {"country", 249},
        {"regional_organization", 3}};
    const auto actual = entity_counts(builtin());
    BOOST_TEST(actual == expected);
    BOOST_TEST(total(actual) == 374u);
    BOOST_TEST(builtin().entities().size() == 374u);
}

BOOST_AUTO_TEST_CASE(relations_per_kind) {
    const Counts expected = {
        {"covers", 195},     // 3 + (25 + ASEAN, SAARC, region) + 12 + (41 + EU, 3 bodies) + 2 + (102 + 3 regions)
        {"includes", 127},   // 25 + 42 + 26 + 34
        {"member_of", 241},  // UN 193, ASEAN 11, SAARC 8, EU 28 (the UK until 2020), IDP in CSCAP
        {"part_of", 43},     // 11 departments, 3 institutes, 17 units, 7 organs, 1 branch, 3 EU bodies, 1 UN group
        {"ministry_of", 1},   {"sponsored_by", 10}, {"focuses_on", 12},  // IFAS, ISJ and the 10 associations
        {"contact_via", 11},                                             // IDP 4, IFAS 2, ISJ 2, KORUA 3
        {"located_in", 13},  // Pyongyang, 3 addresses, KOCHACEP secretariat + branches, foreign missions, 3 + 3
        {"has_post", 39},     {"elects", 8},        {"handles", 1},
        {"works_through", 6}, {"deals_with", 3},    {"represents", 3}};
    const auto actual = relation_counts(builtin());
    BOOST_TEST(actual == expected);
    BOOST_TEST(builtin().relations().size() == 713u);
    for (const auto& r : builtin().relations()) BOOST_TEST(!r.derived);
}

BOOST_AUTO_TEST_CASE(with_the_missions_overlay) {
    const auto& g = with_missions();
    BOOST_TEST_REQUIRE(g.layers.size() == 4u);
    BOOST_TEST(g.layers[3].id == "dprk-missions");
    auto expected = entity_counts(builtin());
    expected["embassy"] += 48;           // 49 in the table, Moscow already known
    expected["consulate_general"] += 4;  // 5, Vladivostok already known
    expected["consular_agency"] += 0;    // Khabarovsk only, already known
    expected["consular_office"] += 1;
    expected["permanent_mission"] += 3;
    expected["city"] += 56;                       // 59 cities, 3 already known
    expected["organization_body"] += 1;           // UN Office at Geneva
    expected["international_organization"] += 1;  // UNESCO
    BOOST_TEST(entity_counts(g) == expected);
    BOOST_TEST(g.entities().size() == 374u + 48u + 4u + 1u + 3u + 56u + 2u);

    auto relations = relation_counts(builtin());
    relations["located_in"] += 56 + 56;  // the new missions in their cities, the new cities in their countries
    relations["represents"] += 56;
    relations["part_of"] += 1;  // UNOG of the UN
    relations["serves"] += 8;
    relations["accredited_to"] += 3;
    relations["subordinate_to"] += 1;
    BOOST_TEST(relation_counts(g) == relations);
}

BOOST_AUTO_TEST_SUITE_END()
