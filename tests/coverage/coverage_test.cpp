// compute_coverage on the small hand-made graph of small_graph.cpp.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

#include "orgraph/analysis/coverage.hpp"
#include "small_graph.hpp"

using namespace orgraph;
using namespace coverage_test;
using Ids = std::vector<std::string>;

namespace {

const Graph& graph() {
    static const Graph g = small_graph();
    return g;
}

const CoverageReport& report() {
    static const CoverageReport r = compute_coverage(graph(), params_on("2024-06-01"));
    return r;
}

// Everything in a report, as text, to compare two reports.
std::string dump(const Graph& g, const CoverageReport& r) {
    std::ostringstream out;
    auto units = [&](const std::vector<CoveringUnit>& list) {
        for (const auto& u : list) {
            out << ' ' << g.entity(u.unit).id;
            for (const auto& p : u.paths)
                out << '/' << static_cast<int>(p.way) << (p.through ? g.entity(*p.through).id : std::string("-"));
        }
    };
    const auto& s = r.summary;
    out << s.universe << ' ' << s.home << ' ' << s.considered << ' ' << s.covered << ' ' << s.uncovered << ' '
        << s.multiply_covered << ' ' << s.outside_universe << ' ' << s.not_places << '\n';
    for (const auto& c : r.covered) {
        out << "covered " << g.entity(c.place).id;
        units(c.units);
        out << '\n';
    }
    for (const auto& group : r.uncovered) {
        out << "uncovered " << group.region << '/' << group.subregion;
        for (auto c : group.places) out << ' ' << g.entity(c).id;
        out << '\n';
    }
    for (const auto& o : r.outside_universe) {
        out << "outside " << g.entity(o.entity).id << ' ' << static_cast<int>(o.reason) << ' ' << o.status;
        units(o.units);
        out << '\n';
    }
    for (const auto& o : r.not_places) {
        out << "not-country " << g.entity(o.entity).id;
        units(o.units);
        out << '\n';
    }
    for (const auto& u : r.per_unit)
        out << "unit " << g.entity(u.unit).id << ' ' << u.places << ' ' << u.directly << ' ' << u.outside << ' '
            << u.home << ' ' << u.not_places << ' ' << u.empty_regions << '\n';
    for (const auto& o : r.organisations)
        out << "organisation " << g.entity(o.organisation).id << ' ' << o.members << ' ' << o.members_covered << '\n';
    for (const auto& gap : r.membership_gaps) {
        out << "gap " << g.entity(gap.organisation).id << ' ' << g.entity(gap.member).id << ' '
            << static_cast<int>(gap.standing);
        for (auto u : gap.other_units) out << ' ' << g.entity(u).id;
        out << '\n';
    }
    for (const auto& h : r.home) {
        out << "home " << g.entity(h.place).id << ' ' << h.in_universe;
        units(h.units);
        out << '\n';
    }
    for (const auto& e : r.empty_regions) out << "empty " << g.entity(e.region).id << '\n';
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coverage)

BOOST_AUTO_TEST_CASE(summary_counts_the_universe_apart_from_the_home_country) {
    const auto& s = report().summary;
    BOOST_TEST(s.universe == 10u);  // the UN members and the observer ECH; not the territory FOX
    BOOST_TEST(s.home == 1u);
    BOOST_TEST(s.considered == 9u);
    BOOST_TEST(s.covered == 6u);
    BOOST_TEST(s.uncovered == 3u);
    BOOST_TEST(s.multiply_covered == 1u);
    BOOST_TEST(s.outside_universe == 1u);  // the territory FOX
    BOOST_TEST(s.not_places == 1u);        // the union, apart from the countries
}

BOOST_AUTO_TEST_CASE(a_country_named_by_a_unit_is_covered_directly) {
    const auto* units = units_of(graph(), report(), "ALF");
    BOOST_TEST_REQUIRE(units != nullptr);
    BOOST_TEST(unit_ids(graph(), *units) == (Ids{"d1"}), boost::test_tools::per_element());
    BOOST_TEST((units->front().best().way == CoverageWay::direct));
    BOOST_TEST(!units->front().best().through.has_value());
    const auto& relation = graph().relation(units->front().best().relation);
    BOOST_TEST(graph().entity(relation.from).id == "d1");
    BOOST_TEST(graph().entity(relation.to).id == "ALF");
}

BOOST_AUTO_TEST_CASE(covered_countries_come_by_name) {
    BOOST_TEST(covered_ids(graph(), report().covered) == (Ids{"ALF", "BRV", "DEL", "ECH", "HOT", "JUL"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(uncovered_countries_are_grouped_by_region_with_regionless_ones_last) {
    const auto& groups = report().uncovered;
    BOOST_TEST_REQUIRE(groups.size() == 3u);
    BOOST_TEST(groups[0].region == "Asia");
    BOOST_TEST(groups[0].subregion == "Eastern Asia");
    BOOST_TEST(ids(graph(), groups[0].places) == (Ids{"CHA"}), boost::test_tools::per_element());
    BOOST_TEST(groups[1].region == "Europe");
    BOOST_TEST(groups[1].subregion == "Southern Europe");
    BOOST_TEST(ids(graph(), groups[1].places) == (Ids{"GOL"}), boost::test_tools::per_element());
    BOOST_TEST(groups[2].region.empty());
    BOOST_TEST(ids(graph(), groups[2].places) == (Ids{"IND"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_country_two_units_cover_is_multiply_covered) {
    BOOST_TEST(covered_ids(graph(), report().multiply_covered) == (Ids{"BRV"}), boost::test_tools::per_element());
    BOOST_TEST(unit_ids(graph(), report().multiply_covered.front().units) == (Ids{"d1", "d2"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_country_reached_only_through_a_region_says_which) {
    const auto* units = units_of(graph(), report(), "DEL");
    BOOST_TEST_REQUIRE(units != nullptr);
    BOOST_TEST(unit_ids(graph(), *units) == (Ids{"d2"}), boost::test_tools::per_element());
    const auto& path = units->front().best();
    BOOST_TEST((path.way == CoverageWay::through_region));
    BOOST_TEST_REQUIRE(path.through.has_value());
    BOOST_TEST(graph().entity(*path.through).id == "south");
    BOOST_TEST(graph().kind_of_relation(path.relation).id == "includes");
}

BOOST_AUTO_TEST_CASE(without_regions_the_region_is_an_entry_that_is_not_a_country) {
    auto params = params_on("2024-06-01");
    params.through_regions = false;
    const auto r = compute_coverage(graph(), params);
    BOOST_TEST(uncovered_ids(graph(), r) == (Ids{"DEL", "CHA", "GOL", "IND"}), boost::test_tools::per_element());
    // The countries outside the universe, and apart from them the other entries, by name.
    BOOST_TEST(outside_ids(graph(), r) == (Ids{"FOX"}), boost::test_tools::per_element());
    BOOST_TEST(not_country_ids(graph(), r) == (Ids{"nowhere", "south", "union"}), boost::test_tools::per_element());
    BOOST_TEST(r.summary.outside_universe == 1u);
    BOOST_TEST(r.summary.not_places == 3u);
    BOOST_TEST(r.empty_regions.empty());
    for (const auto& u : r.per_unit) BOOST_TEST(u.empty_regions == 0u, graph().entity(u.unit).id);
}

BOOST_AUTO_TEST_CASE(a_region_that_includes_nothing_is_reported) {
    BOOST_TEST_REQUIRE(report().empty_regions.size() == 1u);
    BOOST_TEST(graph().entity(report().empty_regions[0].region).id == "nowhere");
    BOOST_TEST(ids(graph(), report().empty_regions[0].units) == (Ids{"d2"}), boost::test_tools::per_element());
    // The unit that names it says so in its own counts; it is neither a country nor an organisation.
    BOOST_TEST_REQUIRE(report().per_unit.size() == 2u);
    BOOST_TEST(report().per_unit[0].empty_regions == 0u);
    BOOST_TEST(report().per_unit[1].empty_regions == 1u);
    BOOST_TEST(not_country_ids(graph(), report()) == (Ids{"union"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(entries_outside_the_universe_say_why) {
    const auto& outside = report().outside_universe;
    BOOST_TEST_REQUIRE(outside.size() == 1u);
    BOOST_TEST(graph().entity(outside[0].entity).id == "FOX");
    BOOST_TEST((outside[0].reason == OutsideReason::not_member));
    BOOST_TEST(outside[0].status == "none");
    BOOST_TEST(unit_ids(graph(), outside[0].units) == (Ids{"d2"}), boost::test_tools::per_element());
    // The organisation is not a country: it is reported apart, not among the countries.
    const auto& others = report().not_places;
    BOOST_TEST_REQUIRE(others.size() == 1u);
    BOOST_TEST(graph().entity(others[0].entity).id == "union");
    BOOST_TEST((others[0].reason == OutsideReason::not_a_place));
    BOOST_TEST(graph().entity(graph().relation(others[0].units.front().best().relation).from).id == "d1");
    BOOST_TEST(report().summary.outside_universe == 1u);
    BOOST_TEST(report().summary.not_places == 1u);
}

BOOST_AUTO_TEST_CASE(an_observer_is_outside_a_universe_of_members) {
    auto params = params_on("2024-06-01");
    params.universe = CoverageUniverse::un_members;
    const auto r = compute_coverage(graph(), params);
    BOOST_TEST(r.summary.universe == 9u);
    BOOST_TEST(r.summary.considered == 8u);
    BOOST_TEST((covered_ids(graph(), r.covered) == Ids{"ALF", "BRV", "DEL", "HOT", "JUL"}));
    BOOST_TEST_REQUIRE(!r.outside_universe.empty());
    const auto echo = std::find_if(r.outside_universe.begin(), r.outside_universe.end(),
                                   [&](const OutsideEntry& o) { return graph().entity(o.entity).id == "ECH"; });
    BOOST_TEST_REQUIRE((echo != r.outside_universe.end()));
    BOOST_TEST((echo->reason == OutsideReason::observer));
}

BOOST_AUTO_TEST_CASE(every_country_kind_entity_is_in_the_iso_universe) {
    auto params = params_on("2024-06-01");
    params.universe = CoverageUniverse::all_places;
    const auto r = compute_coverage(graph(), params);
    BOOST_TEST(r.summary.universe == 11u);
    BOOST_TEST((covered_ids(graph(), r.covered) == Ids{"ALF", "BRV", "DEL", "ECH", "FOX", "HOT", "JUL"}));
    BOOST_TEST(r.outside_universe.empty());  // every country is in it
    BOOST_TEST(not_country_ids(graph(), r) == (Ids{"union"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_listed_universe_holds_the_listed_countries_only) {
    auto params = params_on("2024-06-01");
    params.universe = CoverageUniverse::listed;
    params.listed = {index_of(graph(), "CHA"), index_of(graph(), "ALF")};
    const auto r = compute_coverage(graph(), params);
    BOOST_TEST(r.summary.universe == 2u);
    BOOST_TEST(r.summary.home == 0u);
    BOOST_TEST((covered_ids(graph(), r.covered) == Ids{"ALF"}));
    BOOST_TEST((uncovered_ids(graph(), r) == Ids{"CHA"}));
    // The countries the list leaves out are out of scope: no country is outside; the union is
    // reported as what it is, not a country.
    BOOST_TEST(outside_ids(graph(), r).empty());
    BOOST_TEST(not_country_ids(graph(), r) == (Ids{"union"}), boost::test_tools::per_element());
    BOOST_TEST(r.per_unit[0].outside == 0u);
    BOOST_TEST(r.per_unit[0].not_places == 1u);
    // The membership gaps still know who covers the members the list leaves out.
    BOOST_TEST_REQUIRE(r.membership_gaps.size() == 2u);
    BOOST_TEST((r.membership_gaps[1].standing == MemberStanding::covered_by_other));
    // The home country is reported apart even when the list leaves it out.
    BOOST_TEST_REQUIRE(r.home.size() == 1u);
    BOOST_TEST(!r.home.front().in_universe);
}

BOOST_AUTO_TEST_CASE(a_listed_entity_that_is_not_a_country_is_refused) {
    auto params = params_on("2024-06-01");
    params.universe = CoverageUniverse::listed;
    params.listed = {index_of(graph(), "d1")};
    BOOST_CHECK_THROW(compute_coverage(graph(), params), coverage_error);
}

BOOST_AUTO_TEST_CASE(membership_gaps_name_uncovered_members_and_members_covered_elsewhere) {
    const auto& r = report();
    BOOST_TEST_REQUIRE(r.organisations.size() == 1u);
    BOOST_TEST(graph().entity(r.organisations[0].organisation).id == "union");
    BOOST_TEST(r.organisations[0].members == 3u);  // IND left on 2020-01-31
    BOOST_TEST(r.organisations[0].members_covered == 1u);
    BOOST_TEST_REQUIRE(r.membership_gaps.size() == 2u);
    const auto& golf = r.membership_gaps[0];
    BOOST_TEST(graph().entity(golf.member).id == "GOL");
    BOOST_TEST((golf.standing == MemberStanding::uncovered));
    BOOST_TEST(ids(graph(), golf.units) == (Ids{"d1"}), boost::test_tools::per_element());
    BOOST_TEST(graph().relation(golf.membership).validity.from->to_string() == "2004-05-01");
    const auto& hotel = r.membership_gaps[1];
    BOOST_TEST(graph().entity(hotel.member).id == "HOT");
    BOOST_TEST((hotel.standing == MemberStanding::covered_by_other));
    BOOST_TEST(ids(graph(), hotel.other_units) == (Ids{"d2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_member_that_left_before_the_date_is_no_gap_but_was_one_before) {
    auto has_gap = [](const CoverageReport& r, const std::string& id) {
        return std::any_of(r.membership_gaps.begin(), r.membership_gaps.end(),
                           [&](const MembershipGap& g) { return graph().entity(g.member).id == id; });
    };
    BOOST_TEST(!has_gap(report(), "IND"));
    CoverageParams params;
    params.as_of = Date::parse("2020-01-31");  // the last day of membership still counts
    const auto then = compute_coverage(graph(), params);
    BOOST_TEST(has_gap(then, "IND"));
    BOOST_TEST(then.organisations[0].members == 4u);
    params.as_of = Date::parse("2020-02-01");
    BOOST_TEST(!has_gap(compute_coverage(graph(), params), "IND"));
}

BOOST_AUTO_TEST_CASE(the_home_country_is_reported_apart_never_as_uncovered) {
    const auto& r = report();
    const auto uncovered = uncovered_ids(graph(), r);
    BOOST_TEST((std::find(uncovered.begin(), uncovered.end(), "HOM") == uncovered.end()));
    BOOST_TEST_REQUIRE(r.home.size() == 1u);
    BOOST_TEST(graph().entity(r.home[0].place).id == "HOM");
    BOOST_TEST(r.home[0].in_universe);
    BOOST_TEST_REQUIRE(r.home[0].found_by.has_value());
    BOOST_TEST(graph().kind_of_relation(*r.home[0].found_by).id == "ministry_of");
    BOOST_TEST(r.home[0].units.empty());
}

BOOST_AUTO_TEST_CASE(the_home_country_can_be_named_instead) {
    auto params = params_on("2024-06-01");
    params.home_place = "CHA";
    const auto r = compute_coverage(graph(), params);
    BOOST_TEST_REQUIRE(r.home.size() == 1u);
    BOOST_TEST(graph().entity(r.home[0].place).id == "CHA");
    BOOST_TEST(!r.home[0].found_by.has_value());
    BOOST_TEST((uncovered_ids(graph(), r) == Ids{"HOM", "GOL", "IND"}));
    params.home_place = "nope";
    BOOST_CHECK_THROW(compute_coverage(graph(), params), coverage_error);
    params.home_place = "d1";
    BOOST_CHECK_THROW(compute_coverage(graph(), params), coverage_error);
}

BOOST_AUTO_TEST_CASE(a_unit_that_reaches_the_home_country_is_shown_there) {
    const auto g = graph_from(entity("ministry", "ministry", "Ministry", R"(ministry_of = "HOM")") +
                              entity("d1", "regional_department", "Department One", R"(covers = ["HOM"])") +
                              entity("HOM", "country", "Homeland", R"(un_status = "member")"));
    const auto r = compute_coverage(g, params_on("2024-06-01"));
    BOOST_TEST(r.summary.considered == 0u);
    BOOST_TEST(r.covered.empty());
    BOOST_TEST_REQUIRE(r.home.size() == 1u);
    BOOST_TEST(unit_ids(g, r.home[0].units) == (Ids{"d1"}), boost::test_tools::per_element());
    BOOST_TEST(r.per_unit.front().home == 1u);
    BOOST_TEST(r.per_unit.front().places == 0u);
}

BOOST_AUTO_TEST_CASE(per_unit_counts_direct_indirect_and_outside) {
    const auto& units = report().per_unit;
    BOOST_TEST_REQUIRE(units.size() == 2u);  // d-old was abolished in 2010
    BOOST_TEST(graph().entity(units[0].unit).id == "d1");
    BOOST_TEST(units[0].places == 4u);
    BOOST_TEST(units[0].directly == 4u);
    BOOST_TEST(units[0].outside == 0u);     // no country outside the universe ...
    BOOST_TEST(units[0].not_places == 1u);  // ... but the union, which is not a country
    BOOST_TEST(graph().entity(units[1].unit).id == "d2");
    BOOST_TEST(units[1].places == 3u);
    BOOST_TEST(units[1].directly == 2u);
    BOOST_TEST(units[1].outside == 1u);
    BOOST_TEST(units[1].not_places == 0u);
}

BOOST_AUTO_TEST_CASE(a_kind_filter_lists_units_that_cover_nothing_too) {
    auto params = params_on("2024-06-01");
    params.from_kind = "department";
    const auto r = compute_coverage(graph(), params);
    Ids units;
    for (const auto& u : r.per_unit) units.emplace_back(graph().entity(u.unit).id);
    BOOST_TEST(units == (Ids{"d1", "d2", "protocol"}), boost::test_tools::per_element());
    BOOST_TEST(r.per_unit[2].places == 0u);
    params.from_kind = "city";  // no city covers anything
    BOOST_TEST(compute_coverage(graph(), params).summary.covered == 0u);
}

BOOST_AUTO_TEST_CASE(a_unit_that_no_longer_exists_covers_nothing_today_but_did_then) {
    CoverageParams params;
    params.as_of = Date::parse("2005");
    const auto then = compute_coverage(graph(), params);
    const auto* units = units_of(graph(), then, "CHA");
    BOOST_TEST_REQUIRE(units != nullptr);
    BOOST_TEST(unit_ids(graph(), *units) == (Ids{"d-old"}), boost::test_tools::per_element());
    BOOST_TEST(units_of(graph(), report(), "CHA") == nullptr);
}

BOOST_AUTO_TEST_CASE(without_any_date_every_fact_counts) {
    const auto r = compute_coverage(graph(), CoverageParams{});
    BOOST_TEST(!r.date.has_value());
    BOOST_TEST(units_of(graph(), r, "CHA") != nullptr);  // d-old
    BOOST_TEST(r.organisations.front().members == 4u);   // IND too
}

BOOST_AUTO_TEST_CASE(missions_are_followed_through_their_city_and_closed_ones_leave_out) {
    auto params = params_on("2024-06-01");
    params.relation = "located_in";
    params.from_kind = "mission";
    const auto today = compute_coverage(graph(), params);
    BOOST_TEST((covered_ids(graph(), today.covered) == Ids{"ALF"}));
    const auto& path = today.covered.front().units.front().best();
    BOOST_TEST((path.way == CoverageWay::via));
    BOOST_TEST(graph().entity(*path.through).id == "city-a");
    BOOST_TEST(today.per_unit.size() == 1u);  // the closed mission is not a unit today

    // On a date, validity decides and the status is not looked at.
    params.as_of = Date::parse("2020-06-01");
    const auto then = compute_coverage(graph(), params);
    BOOST_TEST((covered_ids(graph(), then.covered) == Ids{"ALF", "CHA"}));
    params.as_of = Date::parse("2024-06-01");
    BOOST_TEST((covered_ids(graph(), compute_coverage(graph(), params).covered) == Ids{"ALF"}));
}

BOOST_AUTO_TEST_CASE(chains_through_shared_and_cyclic_places_end_and_find_every_country) {
    // m → x; x → y, x → z; y → z; z → ALF; and a cycle p → q → p with q → BRV.
    const auto g = graph_from(
        entity("ALF", "country", "Alfaland", R"(un_status = "member")") +
        entity("BRV", "country", "Bravia", R"(un_status = "member")") +
        entity("z", "city", "Z", R"(located_in = "ALF")") + entity("y", "city", "Y", R"(located_in = "z")") +
        entity("x", "city", "X", R"(located_in = ["y", "z"])") + entity("p", "city", "P", R"(located_in = "q")") +
        entity("q", "city", "Q", R"(located_in = ["p", "BRV"])") +
        entity("m", "mission", "M", R"(located_in = ["x", "p"])") + entity("n", "mission", "N", R"(located_in = "y")"));
    auto params = params_on("2024-06-01");
    params.relation = "located_in";
    params.from_kind = "mission";
    const auto r = compute_coverage(g, params);
    BOOST_TEST((covered_ids(g, r.covered) == Ids{"ALF", "BRV"}));
    BOOST_TEST(unit_ids(g, *units_of(g, r, "ALF")) == (Ids{"m", "n"}), boost::test_tools::per_element());
    BOOST_TEST(unit_ids(g, *units_of(g, r, "BRV")) == (Ids{"m"}), boost::test_tools::per_element());
    BOOST_TEST(g.entity(*units_of(g, r, "ALF")->front().best().through).id == "x");
    BOOST_TEST(r.outside_universe.empty());
}

BOOST_AUTO_TEST_CASE(the_same_data_in_another_order_gives_the_same_report) {
    // Reverse the order of the entity records: indices change, the report must not.
    const std::string marker = "[[entity]]";
    const std::string text = small_graph_data();
    std::vector<std::string> records;
    for (auto at = text.find(marker); at != std::string::npos;) {
        const auto next = text.find(marker, at + marker.size());
        records.push_back(text.substr(at, next == std::string::npos ? std::string::npos : next - at));
        at = next;
    }
    BOOST_TEST_REQUIRE(records.size() > 20u);
    std::reverse(records.begin(), records.end());
    std::string reversed;
    for (const auto& r : records) reversed += r + "\n";
    const auto other = graph_from(reversed);
    BOOST_TEST(other.entity(0).id != graph().entity(0).id);
    BOOST_TEST(dump(other, compute_coverage(other, params_on("2024-06-01"))) == dump(graph(), report()));
    for (const auto& relation : {"covers", "located_in"}) {
        auto params = params_on("2024-06-01");
        params.relation = relation;
        BOOST_TEST(dump(other, compute_coverage(other, params)) == dump(graph(), compute_coverage(graph(), params)));
    }
}

BOOST_AUTO_TEST_CASE(unknown_names_in_the_parameters_are_errors) {
    auto params = params_on("2024-06-01");
    params.relation = "handles";
    BOOST_CHECK_THROW(compute_coverage(graph(), params), coverage_error);
    params = params_on("2024-06-01");
    params.from_kind = "embassy";
    BOOST_CHECK_THROW(compute_coverage(graph(), params), coverage_error);
    params = params_on("2024-06-01");
    params.place_kind = "state";
    BOOST_CHECK_THROW(compute_coverage(graph(), params), coverage_error);
}

BOOST_AUTO_TEST_CASE(optional_schema_names_may_be_missing) {
    auto params = params_on("2024-06-01");
    params.region_kind = "zone";
    params.includes_relation = "contains";
    params.member_relation = "belongs_to";
    params.home_relation = "government_of";
    const auto r = compute_coverage(graph(), params);
    BOOST_TEST(r.home.empty());
    BOOST_TEST(r.organisations.empty());
    BOOST_TEST(r.summary.considered == 10u);  // HOM is now an uncovered country like any other
}

BOOST_AUTO_TEST_CASE(places_are_called_what_the_schema_calls_their_kind) {
    const auto& schema = graph().schema;
    const auto countries = place_words(schema);  // the [gazetteer] kind
    BOOST_TEST(countries.one == "country");
    BOOST_TEST(countries.many == "countries");
    BOOST_TEST(countries.of(1) == "country");
    BOOST_TEST(countries.of(2) == "countries");
    BOOST_TEST(place_words(schema, "city").many == "cities");
    BOOST_TEST(place_words(schema, "no-such-kind").one == "place");
    BOOST_TEST(place_words(schema, "no-such-kind").of(0) == "places");
}

BOOST_AUTO_TEST_SUITE_END()
