// compute_coverage on the built-in dataset, checked against what the ministry's own structure
// document says (lines 4-19: the six regional departments and their lists) read together with
// the world data (UN membership, M49 regions, ASEAN/SAARC/EU membership).

#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "builtin_graph.hpp"
#include "orgraph/analysis/coverage.hpp"
#include "small_graph.hpp"

using namespace orgraph;
using namespace coverage_test;
using Ids = std::vector<std::string>;

namespace {

const Graph& builtin() {
    static const Graph graph = test::load_builtin(false);
    return graph;
}

const Graph& with_missions() {
    static const Graph graph = test::load_builtin(true);
    return graph;
}

const CoverageReport& departments() {
    static const CoverageReport report = compute_coverage(builtin(), params_on("2026-01-01"));
    return report;
}

Ids sorted(Ids list) {
    std::sort(list.begin(), list.end());
    return list;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(builtin_dataset)

// Reading the lists of lines 5-19 against the 193 UN members and 2 observers: no list names
// South Korea; Asian Affairs Department 2's list ("including ...") stops short of Bhutan and of
// the Pacific states other than Australia, New Zealand, Fiji, Papua New Guinea, Nauru and
// Vanuatu; European Affairs Department 2's list has no Malta. Every African, Arab, American
// and other European member is named somewhere. The DPRK itself is the ministry's country.
BOOST_AUTO_TEST_CASE(the_uncovered_countries_are_those_no_department_list_names) {
    const Ids expected = {
        "KOR",                       // Asia, Eastern Asia: South Korea
        "BTN",                       // Asia, Southern Asia: Bhutan
        "MLT",                       // Europe, Southern Europe: Malta
        "SLB",                       // Oceania, Melanesia: Solomon Islands
        "KIR", "MHL", "FSM", "PLW",  // Oceania, Micronesia (by name)
        "WSM", "TON", "TUV",         // Oceania, Polynesia: Samoa, Tonga, Tuvalu
    };
    BOOST_TEST(uncovered_ids(builtin(), departments()) == expected, boost::test_tools::per_element());
    const auto& s = departments().summary;
    BOOST_TEST(s.universe == 195u);
    BOOST_TEST(s.home == 1u);
    BOOST_TEST(s.considered == 194u);
    BOOST_TEST(s.covered == 183u);
    BOOST_TEST(s.uncovered == 11u);
    BOOST_TEST(s.multiply_covered == 0u);  // no country stands in two lists
}

BOOST_AUTO_TEST_CASE(the_uncovered_are_grouped_by_m49_region) {
    std::vector<std::pair<std::string, std::string>> groups;
    for (const auto& g : departments().uncovered) groups.emplace_back(g.region, g.subregion);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"Asia", "Eastern Asia"}, {"Asia", "Southern Asia"}, {"Europe", "Southern Europe"},
        {"Oceania", "Melanesia"}, {"Oceania", "Micronesia"}, {"Oceania", "Polynesia"},
    };
    BOOST_TEST((groups == expected));
}

BOOST_AUTO_TEST_CASE(the_dprk_is_reported_apart) {
    const auto& home = departments().home;
    BOOST_TEST_REQUIRE(home.size() == 1u);
    BOOST_TEST(builtin().entity(home[0].place).id == "PRK");
    BOOST_TEST(home[0].in_universe);
    BOOST_TEST_REQUIRE(home[0].found_by.has_value());
    BOOST_TEST(builtin().entity(builtin().relation(*home[0].found_by).from).id == "mfa");
    BOOST_TEST(home[0].units.empty());
}

// The lists also name Puerto Rico (line 19) and Western Sahara (line 18), which are not UN
// members: the only countries outside the universe. ASEAN and SAARC (line 8), the EU and three
// of its bodies (line 13) are not countries and are reported apart from them.
BOOST_AUTO_TEST_CASE(countries_outside_the_un_are_apart_from_the_organisations) {
    BOOST_TEST(outside_ids(builtin(), departments()) == (Ids{"PRI", "ESH"}), boost::test_tools::per_element());
    BOOST_TEST(departments().outside_universe[0].status == "none");
    BOOST_TEST(unit_ids(builtin(), departments().outside_universe[0].units) == (Ids{"aalad"}),
               boost::test_tools::per_element());
    for (const auto& o : departments().outside_universe)
        BOOST_TEST((o.reason != OutsideReason::not_a_place), builtin().entity(o.entity).id);
    BOOST_TEST(not_country_ids(builtin(), departments()) ==
                   (Ids{"ASEAN", "european-commission", "european-council", "eeas", "EU", "SAARC"}),
               boost::test_tools::per_element());
    for (const auto& o : departments().not_places)
        BOOST_TEST((o.reason == OutsideReason::not_a_place), builtin().entity(o.entity).id);
    BOOST_TEST(departments().summary.outside_universe == 2u);
    BOOST_TEST(departments().summary.not_places == 6u);

    // Per department: countries outside the universe and other entries are counted apart.
    std::vector<std::tuple<std::string, std::size_t, std::size_t>> counts;
    for (const auto& u : departments().per_unit)
        counts.emplace_back(builtin().entity(u.unit).id, u.outside, u.not_places);
    const std::vector<std::tuple<std::string, std::size_t, std::size_t>> expected = {
        {"aalad", 2, 0}, {"aad1", 0, 0}, {"aad2", 0, 2}, {"ead1", 0, 0}, {"ead2", 0, 4}, {"nad", 0, 0}};
    BOOST_TEST((counts == expected));
}

BOOST_AUTO_TEST_CASE(the_observers_fall_outside_a_universe_of_members) {
    auto params = params_on("2026-01-01");
    params.universe = CoverageUniverse::un_members;
    const auto report = compute_coverage(builtin(), params);
    BOOST_TEST(report.summary.considered == 192u);
    BOOST_TEST(report.summary.covered == 181u);
    Ids observers;
    for (const auto& o : report.outside_universe)
        if (o.reason == OutsideReason::observer) observers.emplace_back(builtin().entity(o.entity).id);
    BOOST_TEST(sorted(observers) == (Ids{"PSE", "VAT"}), boost::test_tools::per_element());
}

// EU: 27 members, all in European Affairs Department 2's list but Malta. SAARC: 8 members,
// all in Asian Affairs Department 2's list but Bhutan. ASEAN: 11 members since Timor-Leste's
// admission (2025-10-26), all in Asian Affairs Department 2's list.
BOOST_AUTO_TEST_CASE(membership_gaps_are_malta_in_the_eu_and_bhutan_in_saarc) {
    const auto& gaps = departments().membership_gaps;
    BOOST_TEST_REQUIRE(gaps.size() == 2u);
    BOOST_TEST(builtin().entity(gaps[0].organisation).id == "EU");
    BOOST_TEST(builtin().entity(gaps[0].member).id == "MLT");
    BOOST_TEST(ids(builtin(), gaps[0].units) == (Ids{"ead2"}), boost::test_tools::per_element());
    BOOST_TEST((gaps[0].standing == MemberStanding::uncovered));
    BOOST_TEST(builtin().entity(gaps[1].organisation).id == "SAARC");
    BOOST_TEST(builtin().entity(gaps[1].member).id == "BTN");
    BOOST_TEST(ids(builtin(), gaps[1].units) == (Ids{"aad2"}), boost::test_tools::per_element());

    std::vector<std::tuple<std::string, std::size_t, std::size_t>> organisations;
    for (const auto& o : departments().organisations)
        organisations.emplace_back(builtin().entity(o.organisation).id, o.members, o.members_covered);
    const std::vector<std::tuple<std::string, std::size_t, std::size_t>> expected = {
        {"ASEAN", 11, 11}, {"EU", 27, 26}, {"SAARC", 8, 7}};
    BOOST_TEST((organisations == expected));
}

BOOST_AUTO_TEST_CASE(before_brexit_and_timor_leste_the_organisations_were_otherwise) {
    CoverageParams params;
    params.as_of = Date::parse("2019-06-30");
    const auto report = compute_coverage(builtin(), params);
    std::vector<std::tuple<std::string, std::size_t, std::size_t>> organisations;
    for (const auto& o : report.organisations)
        organisations.emplace_back(builtin().entity(o.organisation).id, o.members, o.members_covered);
    // The UK, in the EU until 2020-01-31, is in European Affairs Department 2's list.
    const std::vector<std::tuple<std::string, std::size_t, std::size_t>> expected = {
        {"ASEAN", 10, 10}, {"EU", 28, 27}, {"SAARC", 8, 7}};
    BOOST_TEST((organisations == expected));
    BOOST_TEST(report.membership_gaps.size() == 2u);
}

BOOST_AUTO_TEST_CASE(per_department_counts_follow_the_lists) {
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (const auto& u : departments().per_unit) counts.emplace_back(builtin().entity(u.unit).id, u.places);
    // Lines 17-19 name 42 + 26 + 34 countries, of which Western Sahara and Puerto Rico are no
    // UN members; line 7 names 25, line 10 names 12, line 12 names 41.
    const std::vector<std::pair<std::string, std::size_t>> expected = {{"aalad", 100}, {"aad1", 3},  {"aad2", 25},
                                                                       {"ead1", 12},   {"ead2", 41}, {"nad", 2}};
    BOOST_TEST((counts == expected));
}

// Lines 62-102: four associations name one country each (China, Canada, Japan, the Russian
// Federation; lines 63, 70, 73, 88). The others name only a region and list no country for it:
// APIETE "global" (line 76), KEA Europe (82), KAA Asia (85), the Africa, Arab and Latin America
// associations their regions (92-93, 96-97, 100-101). No association is credited with the
// department lists of lines 17-19; each region is reported as naming no country.
BOOST_AUTO_TEST_CASE(associations_are_credited_only_with_the_countries_they_name) {
    auto params = params_on("2026-01-01");
    params.relation = "focuses_on";
    params.from_kind = "association";
    const auto report = compute_coverage(builtin(), params);
    std::vector<std::tuple<std::string, std::size_t, std::size_t, std::size_t>> counts;
    for (const auto& u : report.per_unit)
        counts.emplace_back(builtin().entity(u.unit).id, u.places, u.directly, u.empty_regions);
    const std::vector<std::tuple<std::string, std::size_t, std::size_t, std::size_t>> expected = {
        {"apiete", 0, 0, 1},   {"kafa", 0, 0, 1}, {"kaba", 0, 0, 1}, {"kaa", 0, 0, 1},  {"kcca", 1, 1, 0},
        {"kochacep", 1, 1, 0}, {"kea", 0, 0, 1},  {"kjia", 1, 1, 0}, {"klaa", 0, 0, 1}, {"korua", 1, 1, 0}};
    BOOST_TEST((counts == expected));
    BOOST_TEST(units_of(builtin(), report, "SEN") == nullptr);  // line 17 lists it for the department only
    BOOST_TEST(units_of(builtin(), report, "BRA") == nullptr);  // line 19
    BOOST_TEST(units_of(builtin(), report, "SYR") == nullptr);  // line 18
    Ids empty;
    for (const auto& r : report.empty_regions) empty.emplace_back(builtin().entity(r.region).id);
    BOOST_TEST(empty == (Ids{"africa", "asia", "europe", "latin-america", "middle-east-arab-region", "world"}),
               boost::test_tools::per_element());
    BOOST_TEST(report.summary.covered == 4u);
    BOOST_TEST(report.outside_universe.empty());
    BOOST_TEST(report.not_places.empty());
}

BOOST_AUTO_TEST_CASE(missions_are_located_through_their_cities) {
    auto params = params_on("2026-01-01");
    params.relation = "located_in";
    params.from_kind = "mission";
    const auto report = compute_coverage(with_missions(), params);
    const auto& g = with_missions();
    Ids multiple;
    for (const auto& c : report.multiply_covered) multiple.emplace_back(g.entity(c.place).id);
    BOOST_TEST(multiple == (Ids{"CHN", "RUS", "CHE"}), boost::test_tools::per_element());
    const auto* russia = units_of(g, report, "RUS");
    BOOST_TEST_REQUIRE(russia != nullptr);
    BOOST_TEST(sorted(unit_ids(g, *russia)) == (Ids{"ca-rus-khabarovsk", "cg-rus-vladivostok", "emb-rus-moscow"}),
               boost::test_tools::per_element());
    for (const auto& u : *russia) BOOST_TEST((u.best().way == CoverageWay::via));
    // Luanda closed in 2023: no mission in Angola today, one in 2022.
    BOOST_TEST(units_of(g, report, "AGO") == nullptr);
    params.as_of = Date::parse("2022-06-01");
    const auto then = compute_coverage(g, params);
    const auto* angola = units_of(g, then, "AGO");
    BOOST_TEST_REQUIRE(angola != nullptr);
    BOOST_TEST(unit_ids(g, *angola) == (Ids{"emb-ago-luanda"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
