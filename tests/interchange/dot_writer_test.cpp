// The DOT writer: what each view draws, how names are escaped, folding, the route, and the
// route files it reads. Graphviz itself judges the text in tests/scripts/dot_clients.sh.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <algorithm>
// GCC 12 at -O2 with the sanitizers warns inside <regex> (std::function "may be used
// uninitialized"): a false alarm in the library, silenced for the header alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop
#include <set>
#include <sstream>

#include "builtin_fallback.hpp"
#include "orgraph/analysis/paths.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/load/route_json.hpp"
#include "orgraph/write/dot_writer.hpp"
#include "write/diagram_style.hpp"

using namespace orgraph;

namespace {

const Graph& builtin() {
    static const Graph graph = prepare_graph(load(builtin_layers()));
    return graph;
}

const Graph& nasty() {
    static const Graph graph = freeze(
        load({read_layer(std::string(ORGRAPH_TEST_DATA) + "/interchange/nasty-names.toml")}, test::builtin_fallback()));
    return graph;
}

EntityIndex id(const Graph& g, std::string_view text) {
    return *g.find(text);
}

const Graph& with_missions() {
    static const Graph graph = [] {
        auto layers = builtin_layers();
        layers.push_back(read_layer_or_overlay("dprk-missions"));
        return prepare_graph(load(std::move(layers)));
    }();
    return graph;
}

// Every match of the pattern's first group.
std::vector<std::string> matches(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        found.push_back((*it)[1].str());
    return found;
}

// The legend's line of the DOT text.
std::string legend_of(const std::string& dot) {
    const auto at = dot.find("\"orgraph:legend\"");
    if (at == std::string::npos) return {};
    return dot.substr(at, dot.find('\n', at) - at);
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
    BOOST_TEST(has(dot, "<I>covers (3):</I> China; Mongolia; Japan"));
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
    BOOST_CHECK_THROW(shortest_route(g, id(g, "CHN"), id(g, "aad1"), {"nope"}), unknown_kind_error);
}

BOOST_AUTO_TEST_CASE(every_fill_of_the_chart_is_in_the_legend_once) {
    const auto& g = with_missions();
    for (const auto& fold : {std::vector<std::string>{}, std::vector<std::string>{"none"}}) {
        DiagramParams params;
        if (!fold.empty()) params.fold = fold;
        const auto dot = write_dot(g, params);
        const auto legend = legend_of(dot);
        BOOST_REQUIRE(!legend.empty());
        // The legend's swatches: a fill and the kind it stands for.
        const auto fills = matches(legend, "BGCOLOR=\"(#[0-9a-f]{6})\"");
        const auto labels =
            matches(legend, "BGCOLOR=\"#[0-9a-f]{6}\"[^>]*>[^<]*</TD><TD[^>]*><FONT[^>]*>([^<]*)</FONT>");
        BOOST_TEST(fills.size() == labels.size());
        // No two kinds in the legend share a fill.
        BOOST_TEST(std::set<std::string>(fills.begin(), fills.end()).size() == fills.size());
        // Each node's fill is a swatch of the legend.
        const auto nodes = matches(dot, "\\[label=[^\\n]*?, shape=[a-z]+, fillcolor=\"(#[0-9a-f]{6})\"");
        BOOST_TEST(!nodes.empty());
        for (const auto& fill : nodes)
            BOOST_TEST((std::find(fills.begin(), fills.end(), fill) != fills.end()), fill << " is not in the legend");
        if (!fold.empty()) {
            // Missions of different kinds are told apart.
            for (const char* kind : {"embassy", "consulate-general", "consular agency", "organ", "branch"})
                BOOST_TEST((std::find(labels.begin(), labels.end(), kind) != labels.end()), kind);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_highlight_colour_is_used_by_no_style) {
    const auto& g = with_missions();
    std::set<std::string> fills;
    for (KindIndex k = 0; k < g.schema.entity_kinds().size(); ++k) {
        const auto style = dot_detail::style_of(g.schema, k);
        BOOST_TEST(style.fill != dot_detail::highlight_colour, g.schema.entity_kind(k).id);
        // Kinds with styles of their own have fills of their own.
        fills.insert(style.fill);
    }
    BOOST_TEST(fills.size() == g.schema.entity_kinds().size());
    for (RelationKindIndex k = 0; k < g.schema.relation_kinds().size(); ++k)
        BOOST_TEST(dot_detail::relation_colour(g.schema, k) != dot_detail::highlight_colour,
                   g.schema.relation_kind(k).id);
    // In a chart with a route, the colour is only the route's.
    const auto route = shortest_route(g, id(g, "kafa"), id(g, "emb-ago-luanda"));
    BOOST_REQUIRE(route.has_value());
    DiagramParams params;
    params.highlight = *route;
    const auto dot = write_dot(g, params);
    const auto colour = std::string(dot_detail::highlight_colour);
    std::size_t lines = 0;
    std::istringstream in(dot);
    for (std::string line; std::getline(in, line);) {
        if (!has(line, colour)) continue;
        ++lines;
        BOOST_TEST((has(line, "penwidth=2.5") || has(line, ">route<")), line);
    }
    // The route's hops, its entities and the legend's entry.
    BOOST_TEST(lines >= route->size() * 2 + 1);
}

BOOST_AUTO_TEST_CASE(edges_point_the_way_their_labels_read) {
    DiagramParams params;
    params.focus = id(builtin(), "aad1");
    const auto dot = write_dot(builtin(), params);
    // The ministry has part the department: drawn from the ministry, the arrow at the department.
    BOOST_TEST(has(dot, "\"mfa\" -> \"aad1\" [color="));
    BOOST_TEST(!has(dot, "dir=back"));
    const auto edge = dot.substr(dot.find("\"mfa\" -> \"aad1\""));
    BOOST_TEST(has(edge.substr(0, edge.find('\n')), "label=\"has part\""));
    // The chart's groups read the same way, and so does the legend.
    const auto chart = write_dot(builtin(), DiagramParams{});
    BOOST_TEST(!has(chart, "dir=back"));
    BOOST_TEST(has(legend_of(chart), ">has part<"));
    BOOST_TEST(!has(legend_of(chart), ">is part of<"));
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
    BOOST_CHECK_THROW(route_relations(g, {{"aad1", "CHN", "part_of"}}), route_json_error);
    BOOST_CHECK_THROW(route_relations(g, {{"aad1", "atlantis", ""}}), route_json_error);
    BOOST_CHECK_EXCEPTION(read_route_json("{\"routes\": [\n{\"route\": [{\"from\": 1}]}]}"), route_json_error,
                          [](const route_json_error& e) { return std::string(e.what()).starts_with("2:12:"); });
    BOOST_CHECK_EXCEPTION(read_route_json("{\"routes\": [}"), route_json_error, [](const route_json_error& e) {
        return std::string(e.what()).starts_with("1:13: JSON syntax");
    });
    BOOST_CHECK_THROW(read_route_json("{\"found\": false, \"routes\": []}"), route_json_error);
}

BOOST_AUTO_TEST_SUITE_END()
