// The DOT writer: what each view draws, how names are escaped, folding, the route, and the
// route files it reads. Graphviz itself judges the text in tests/scripts/dot_clients.sh.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/write/dot_writer.hpp"

using namespace orgraph;

namespace {

const Graph& builtin() {
    static const Graph graph = prepare_graph(load(builtin_layers()));
    return graph;
}

const Graph& nasty() {
    static const Graph graph =
        freeze(load({read_layer(std::string(ORGRAPH_TEST_DATA) + "/interchange/nasty-names.toml")}));
    return graph;
}

EntityIndex id(const Graph& g, std::string_view text) {
    return *g.find(text);
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Whether a node statement for this id is written.
bool has_node(const std::string& dot, std::string_view entity) {
    return has(dot, fmt::format("\"{}\" [label=", entity));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dot_writer)

BOOST_AUTO_TEST_CASE(the_organisation_chart_groups_parts_and_folds_the_outside) {
    const auto dot = write_dot(builtin(), DiagramParams{});
    BOOST_TEST(dot.starts_with("// Drawn by orgraph."));
    BOOST_TEST(has(dot, "digraph \"orgraph\" {"));
    for (const char* part : {"mfa", "aad1", "protocol", "idp", "kochacep", "kochacep-secretariat"})
        BOOST_TEST(has_node(dot, part), part);
    // Parts with parts of their own are boxes; a ministry's parts are grouped by kind.
    BOOST_TEST(has(dot, "subgraph \"cluster_kochacep\""));
    BOOST_TEST(has(dot, "subgraph \"cluster_mfa_part_of_regional_department\""));
    BOOST_TEST(has(dot, "subgraph \"cluster_mfa_sponsored_by_association\""));
    // Countries, posts and contact channels are rows of the nodes related to them.
    BOOST_TEST(!has_node(dot, "CHN"));
    BOOST_TEST(!has_node(dot, "kochacep-president"));
    BOOST_TEST(has(dot, "<I>covers (3):</I> China, Mongolia, Japan"));
    // One edge per group of parts, into its box.
    BOOST_TEST(has(dot, "\"mfa\" -> \"kochacep\" [lhead=\"cluster_mfa_sponsored_by_association\""));
    BOOST_TEST(has(dot, "orgraph:legend"));
    BOOST_TEST(dot == write_dot(builtin(), DiagramParams{}));
}

BOOST_AUTO_TEST_CASE(unfolded_countries_are_grouped_by_region) {
    DiagramParams params;
    params.fold = std::vector<std::string>{"none"};
    const auto dot = write_dot(builtin(), params);
    BOOST_TEST(has_node(dot, "CHN"));
    BOOST_TEST(has_node(dot, "kochacep-president"));
    BOOST_TEST(has(dot, "subgraph \"cluster_region_Asia\""));
    BOOST_TEST(has(dot, "\"aad1\" -> \"CHN\""));
    params.fold = std::vector<std::string>{"countries"};
    const auto folded = write_dot(builtin(), params);
    BOOST_TEST(!has_node(folded, "CHN"));
    BOOST_TEST(has_node(folded, "kochacep-president"));
}

BOOST_AUTO_TEST_CASE(a_neighbourhood_holds_what_is_within_reach) {
    DiagramParams params;
    params.focus = id(builtin(), "aad1");
    auto dot = write_dot(builtin(), params);
    for (const char* near : {"aad1", "mfa", "CHN", "MNG", "JPN", "protocol"}) BOOST_TEST(has_node(dot, near), near);
    BOOST_TEST(!has_node(dot, "kochacep"));
    BOOST_TEST(has(dot, "Asian Affairs Department 1 and its neighbourhood (1 step)"));
    params.depth = 2;
    dot = write_dot(builtin(), params);
    BOOST_TEST(has_node(dot, "kochacep"));  // sponsored by the ministry, two steps away
    params.depth = 1;
    params.kinds = {"country"};
    dot = write_dot(builtin(), params);
    BOOST_TEST(has_node(dot, "aad1"));  // the focus stays, whatever its kind
    BOOST_TEST(has_node(dot, "CHN"));
    BOOST_TEST(!has_node(dot, "mfa"));
    params.kinds.clear();
    params.relations = {"part_of"};
    dot = write_dot(builtin(), params);
    BOOST_TEST(has_node(dot, "mfa"));
    BOOST_TEST(!has_node(dot, "CHN"));
}

BOOST_AUTO_TEST_CASE(unknown_kinds_are_refused) {
    DiagramParams params;
    params.kinds = {"departmnet"};
    BOOST_CHECK_THROW(write_dot(builtin(), params), diagram_error);
    params.kinds.clear();
    params.relations = {"covered"};
    BOOST_CHECK_THROW(write_dot(builtin(), params), diagram_error);
    params.relations.clear();
    params.fold = std::vector<std::string>{"nation"};
    BOOST_CHECK_THROW(write_dot(builtin(), params), diagram_error);
}

BOOST_AUTO_TEST_CASE(names_are_escaped_for_each_kind_of_string) {
    DiagramParams params;
    params.fold = std::vector<std::string>{"none"};
    const auto dot = write_dot(nasty(), params);
    // Plain labels: quotes escaped, a backslash doubled so that "\N" stays text.
    BOOST_TEST(has(dot, R"([label="Ministry of \"Quoted\"\nAffairs")"));
    BOOST_TEST(has(dot, R"([label="Department \\N of\nBack\\slashes\\")"));
    BOOST_TEST(has(dot, "[label=\"<b>Bold</b> & Sons >\\n\\\"Markup\\\" Department\""));
    BOOST_TEST(has(dot, "\"CIV\" [label=\"Cote d \xe2\x80\x98Ivoire\""));
    // Tooltips are unescaped twice by Graphviz: a backslash is written four times.
    BOOST_TEST(has(dot, R"(tooltip="Department \\\\N of Back\\\\slashes\\\\\n)"));
    // A name written over two lines is one label, wrapped.
    BOOST_TEST(has(dot, R"([label="Department written\nover two lines")"));
    // HTML-like labels escape markup.
    DiagramParams folded;
    const auto table = write_dot(nasty(), folded);
    BOOST_TEST(has(table, "Ampersand &amp; &lt;Angle&gt; &quot;Quote&quot; Land"));
    BOOST_TEST(has(table, "<B>Department \\\\N of Back\\\\slashes\\\\</B>"));
}

BOOST_AUTO_TEST_CASE(a_highlighted_route_is_drawn_whatever_the_view) {
    const auto& g = builtin();
    const auto route = shortest_route(g, id(g, "aad1"), id(g, "emb-rus-moscow"));
    BOOST_REQUIRE(route.has_value());
    BOOST_TEST(route->size() == 3U);
    DiagramParams params;
    params.highlight = *route;
    const auto dot = write_dot(g, params);
    BOOST_TEST(has(dot, "// route: 3 hops from aad1 to emb-rus-moscow"));
    BOOST_TEST(has_node(dot, "emb-rus-moscow"));  // a mission the chart would fold
    BOOST_TEST(has(dot, "\"ead1\" -> \"emb-rus-moscow\" [color=\"#d62728\", penwidth=2.5"));
    // No route: nothing to draw.
    BOOST_TEST(!shortest_route(g, id(g, "CHN"), id(g, "aad1"), {"covers"}).has_value());
    BOOST_CHECK_THROW(shortest_route(g, id(g, "CHN"), id(g, "aad1"), {"nope"}), diagram_error);
}

BOOST_AUTO_TEST_CASE(routes_are_read_from_path_json) {
    const auto& g = builtin();
    const std::string json = R"({"from": {"id": "aad1"}, "routes": [{"hops": 2, "route": [
        {"from": {"id": "aad1"}, "relation": "part_of", "to": {"id": "mfa"},
         "derived_from": [{"from": {"id": "x"}, "to": {"id": "y"}}]},
        {"from": {"id": "mfa"}, "relation": "part_of", "to": {"id": "protocol"}}]}]})";
    const auto hops = read_route_json(json);
    BOOST_REQUIRE(hops.size() == 2U);
    BOOST_TEST(hops[1].from == "mfa");
    BOOST_TEST(hops[1].kind == "part_of");
    const auto relations = route_relations(g, hops);
    BOOST_TEST(g.entity(g.relation(relations[1]).from).id == "protocol");  // walked backward
    BOOST_CHECK_THROW(route_relations(g, {{"aad1", "CHN", "part_of"}}), diagram_error);
    BOOST_CHECK_THROW(route_relations(g, {{"aad1", "atlantis", ""}}), diagram_error);
    BOOST_CHECK_EXCEPTION(read_route_json("{\"routes\": [\n{\"route\": [{\"from\": 1}]}]}"), diagram_error,
                          [](const diagram_error& e) { return std::string(e.what()).starts_with("2:12:"); });
    BOOST_CHECK_EXCEPTION(read_route_json("{\"routes\": [}"), diagram_error, [](const diagram_error& e) {
        return std::string(e.what()).starts_with("1:13: JSON syntax");
    });
    BOOST_CHECK_THROW(read_route_json("{\"found\": false, \"routes\": []}"), diagram_error);
}

BOOST_AUTO_TEST_SUITE_END()
