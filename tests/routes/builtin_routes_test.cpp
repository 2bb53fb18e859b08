#include <boost/test/unit_test.hpp>

#include "builtin_graph.hpp"
#include "orgraph/analysis/paths.hpp"
#include "orgraph/analysis/routes.hpp"
#include "orgraph/analysis/weak_points.hpp"
#include "route_fixtures.hpp"

using namespace orgraph;
using orgraph::test::id;
using orgraph::test::load_builtin;
using orgraph::test::visits;

BOOST_AUTO_TEST_SUITE(builtin_routes_suite)

BOOST_AUTO_TEST_CASE(korua_is_contacted_via_its_three_missions) {
    const auto graph = load_builtin(false);
    RoutesParams params;
    params.to_kind = "mission";
    const auto result = find_routes(graph, id(graph, "korua"), params);
    BOOST_TEST(result.unreached.empty());
    std::vector<std::string> reached;
    for (const auto& r : result.reached) {
        reached.emplace_back(graph.entity(r.target).id);
        BOOST_REQUIRE(r.route.size() == 1u);
        BOOST_TEST(graph.kind_of_relation(r.route[0].relation).id == "contact_via");
        BOOST_TEST(graph.cite(graph.relation(r.route[0].relation).citations) == "mfa-structure, line 90");
    }
    const std::vector<std::string> expected = {"ca-rus-khabarovsk", "cg-rus-vladivostok", "emb-rus-moscow"};
    BOOST_TEST(reached == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_second_route_to_moscow_goes_through_the_department) {
    const auto graph = load_builtin(false);
    PathParams params;
    params.k = 2;
    const auto result = find_paths(graph, id(graph, "korua"), id(graph, "emb-rus-moscow"), params);
    BOOST_REQUIRE(result.routes.size() == 2u);
    BOOST_TEST(visits(graph, result.routes[0]) == "korua>emb-rus-moscow");
    BOOST_TEST(visits(graph, result.routes[1]) == "korua>mfa>ead1>emb-rus-moscow");
    BOOST_TEST(result.routes[1][1].backward);
    BOOST_TEST(graph.relation(result.routes[1][2].relation).derived);
}

BOOST_AUTO_TEST_CASE(kafa_reaches_african_embassies_through_the_ministry_and_aalad) {
    const auto graph = load_builtin(true);
    const auto result = find_paths(graph, id(graph, "kafa"), id(graph, "emb-nga-abuja"), {});
    BOOST_REQUIRE(result.routes.size() == 1u);
    const auto& route = result.routes.front();
    BOOST_TEST(visits(graph, route) == "kafa>mfa>aalad>emb-nga-abuja");
    BOOST_TEST(graph.kind_of_relation(route[0].relation).id == "sponsored_by");
    BOOST_TEST(graph.kind_of_relation(route[1].relation).id == "part_of");
    BOOST_TEST(route[1].backward);
    BOOST_TEST(graph.kind_of_relation(route[2].relation).id == "oversees");

    WeakPointsParams weak;
    weak.to_kind = "embassy";
    const auto points = find_weak_points(graph, id(graph, "kafa"), std::nullopt, weak);
    BOOST_REQUIRE(!points.common_entities.empty());
    BOOST_TEST(graph.entity(points.common_entities.front()).id == "mfa");
}

BOOST_AUTO_TEST_CASE(korua_has_no_single_point_of_failure_to_its_missions) {
    const auto graph = load_builtin(false);
    WeakPointsParams params;
    params.to_kind = "mission";
    const auto result = find_weak_points(graph, id(graph, "korua"), std::nullopt, params);
    BOOST_TEST(result.targets.size() == 3u);
    for (const auto& t : result.targets) {
        BOOST_TEST(t.entities.empty());
        BOOST_TEST(t.relations.empty());
    }
    // Contact routes only: each mission hangs on its one contact_via relation.
    params.traversal.via = {"contact_via"};
    const auto direct = find_weak_points(graph, id(graph, "korua"), std::nullopt, params);
    for (const auto& t : direct.targets) BOOST_TEST(t.relations.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
