// The world map of a coverage answer (report/coverage_map.hpp, write/world_map.hpp): the
// projection, the shapes file and its parser, and the scene laid out for the built-in dataset.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "builtin_graph.hpp"
#include "orgraph/report/coverage_map.hpp"
#include "orgraph/write/world_map.hpp"
#include "small_graph.hpp"

using namespace orgraph;
using namespace coverage_test;

namespace {

const Graph& builtin() {
    static const Graph graph = test::load_builtin(false);
    return graph;
}

const MapCountry* find_country(const MapScene& scene, std::string_view iso3) {
    for (const auto& c : scene.countries)
        if (c.iso3 == iso3) return &c;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(world_map)

BOOST_AUTO_TEST_CASE(equal_earth_is_the_published_projection) {
    const auto origin = equal_earth(0, 0);
    BOOST_TEST(std::abs(origin.x) < 1e-12);
    BOOST_TEST(std::abs(origin.y) < 1e-12);
    // The extent of Equal Earth on the unit sphere: 2.7066 wide each side, 1.3173 high.
    BOOST_TEST(std::abs(equal_earth(180, 0).x - 2.70663) < 1e-4);
    BOOST_TEST(std::abs(equal_earth(0, 90).y - 1.31733) < 1e-4);
    BOOST_TEST(equal_earth(-180, 0).x == -equal_earth(180, 0).x);
    BOOST_TEST(equal_earth(30, -45).y == -equal_earth(30, 45).y);
}

BOOST_AUTO_TEST_CASE(the_builtin_shapes_hold_every_un_member_at_one_scale) {
    const auto& world = builtin_world_shapes();
    BOOST_TEST(world.shapes.size() == 254u);
    BOOST_TEST(std::abs(world.max.x - 2707) < 1);
    std::set<std::string> codes;
    for (const auto& s : world.shapes) {
        BOOST_TEST(!s.rings.empty());
        BOOST_TEST(s.area > 0);
        if (!s.numeric.empty()) BOOST_TEST(codes.insert(s.numeric).second, "two shapes for " << s.numeric);
    }
    // Tuvalu is only at 1:10m, Malta at 1:50m.
    for (std::string code : {"798", "470", "584", "585", "583", "882", "776", "090", "064", "296"})
        BOOST_TEST(codes.count(code) == 1u, "no shape for " << code);
    // Every UN member and observer of the gazetteer has a shape.
    const auto& graph = builtin();
    for (EntityIndex e = 0; e < graph.entity_count(); ++e) {
        const auto attributes = graph.entity_attributes(e);
        const auto status = attributes.find("un_status");
        if (!status || *status == "none") continue;
        BOOST_TEST(codes.count(std::string(*attributes.find("numeric"))) == 1u, graph.entity_id(e));
    }
}

BOOST_AUTO_TEST_CASE(the_parser_refuses_what_is_not_the_format) {
    const std::string bounds = "bounds -10 -10 10 10\n";
    BOOST_CHECK_NO_THROW(parse_world_shapes(bounds + "470\t50m\tMalta\t0,0 1,0 1,1\n", "t"));
    BOOST_CHECK_THROW(parse_world_shapes("470\t50m\tMalta\t0,0 1,0 1,1\n", "t"), map_error);  // no bounds
    BOOST_CHECK_THROW(parse_world_shapes(bounds + "470 50m Malta 0,0 1,0 1,1\n", "t"), map_error);
    BOOST_CHECK_THROW(parse_world_shapes(bounds + "47\t50m\tMalta\t0,0 1,0 1,1\n", "t"), map_error);
    BOOST_CHECK_THROW(parse_world_shapes(bounds + "470\t50m\tMalta\t0,0 1,0\n", "t"), map_error);
    BOOST_CHECK_THROW(parse_world_shapes(bounds + "470\t50m\tMalta\t0,0 1;0 1,1\n", "t"), map_error);
    BOOST_CHECK_THROW(parse_world_shapes(bounds + "470\t50m\tMalta\t0,0 x,0 1,1\n", "t"), map_error);
    const auto world = parse_world_shapes(bounds + "# a comment\n-\t10m\tKosovo\t0,0 2,0 2,2 0,2\n", "t");
    BOOST_TEST(world.shapes.size() == 1u);
    BOOST_TEST(world.shapes[0].numeric.empty());
    BOOST_TEST(world.shapes[0].area == 4.0);
    BOOST_TEST(world.shapes[0].centre.x == 1.0);
}

BOOST_AUTO_TEST_CASE(the_departments_map_marks_every_state) {
    const auto& graph = builtin();
    const auto params = params_on("2026-01-01");
    const auto report = compute_coverage(graph, params);
    const auto scene = make_coverage_map(graph, params, report, MapOptions{});
    BOOST_TEST(scene.unmapped.empty());
    BOOST_TEST(scene.width == 1600.0);
    BOOST_TEST(scene.height > 900.0);

    const auto* prk = find_country(scene, "PRK");
    BOOST_REQUIRE(prk);
    BOOST_TEST((prk->state == MapState::home));
    BOOST_TEST(prk->marker);
    for (std::string iso3 : {"MLT", "TUV", "PLW", "KIR", "MHL", "FSM", "WSM", "TON", "SLB", "BTN"}) {
        const auto* c = find_country(scene, iso3);
        BOOST_REQUIRE_MESSAGE(c, iso3);
        BOOST_TEST((c->state == MapState::uncovered), iso3);
        BOOST_TEST(c->marker, iso3 << " has no marker");
        BOOST_TEST(c->fill == "#d62728");
    }
    const auto* kor = find_country(scene, "KOR");
    BOOST_REQUIRE(kor);
    BOOST_TEST((kor->state == MapState::uncovered));
    BOOST_TEST(!kor->marker);
    const auto* rus = find_country(scene, "RUS");
    BOOST_REQUIRE(rus);
    BOOST_TEST((rus->state == MapState::covered));
    BOOST_TEST(rus->title.find("(ead1)") != std::string::npos, rus->title);
    BOOST_TEST(rus->title.find("source: mfa-structure") != std::string::npos, rus->title);
    const auto* pri = find_country(scene, "PRI");
    BOOST_REQUIRE(pri);
    BOOST_TEST((pri->state == MapState::outside));
    BOOST_TEST(pri->title.find("covered all the same") != std::string::npos, pri->title);

    // Six departments, six colours, none of them the alert colour.
    std::set<std::string> fills;
    for (const auto& c : scene.countries)
        if (c.state == MapState::covered) fills.insert(c.fill);
    BOOST_TEST(fills.size() == 6u);
    BOOST_TEST(fills.count("#d62728") == 0u);

    // The same scene gives the same bytes; the SVG names every country of the universe.
    const auto svg = map_svg(scene);
    BOOST_TEST(svg == map_svg(make_coverage_map(graph, params, report, MapOptions{})));
    BOOST_TEST(svg.find(R"(id="c-408" class="country home" data-iso3="PRK")") != std::string::npos);
    BOOST_TEST(svg.find(R"(id="m-798" class="marker uncovered" data-iso3="TUV")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(svg_text_is_escaped) {
    MapScene scene;
    scene.width = 100;
    scene.height = 100;
    scene.title = "A & B <C> \"D\" 'E'\x01";
    scene.texts.push_back({{0, 0}, scene.title});
    const auto svg = map_svg(scene);
    BOOST_TEST(svg.find("<title>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos;</title>") != std::string::npos);
    BOOST_TEST(svg.find('\x01') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
