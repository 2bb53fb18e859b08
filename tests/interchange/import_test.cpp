// GraphML and node-link JSON as the importers map them: which attribute becomes what, typed
// values, defaults, derived edges, and every problem with its place.

#include <boost/test/unit_test.hpp>

#include "load/graph_import.hpp"

using namespace orgraph;

namespace {

const std::string graphml_head =
    "<?xml version=\"1.0\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"d1\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"d2\" for=\"all\" attr.name=\"source\" attr.type=\"string\"/>\n"
    "  <key id=\"d3\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"d4\" for=\"edge\" attr.name=\"derived\" attr.type=\"boolean\"/>\n"
    "  <key id=\"d5\" for=\"node\" attr.name=\"count\" attr.type=\"long\"><default>1</default></key>\n"
    "  <key id=\"d6\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
    "  <key id=\"d7\" for=\"graph\" attr.name=\"default_source\" attr.type=\"string\"/>\n"
    "  <key id=\"y\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n";

std::string problems_text(const std::vector<ImportProblem>& problems) {
    std::string out;
    for (const auto& p : problems)
        out += std::to_string(p.line) + ":" + std::to_string(p.column) + " " + p.message + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(graphml_import)

BOOST_AUTO_TEST_CASE(maps_attributes_to_entities_and_relations) {
    const auto text =
        graphml_head +
        "  <graph edgedefault=\"directed\">\n"
        "    <node id=\"a\"><data key=\"d0\">post</data><data key=\"d1\">A &amp; B</data>"
        "<data key=\"d2\">s:1 | s:2</data><data key=\"d6\">Alpha|Beta</data>"
        "<data key=\"y\"><y:ShapeNode/></data></node>\n"
        "    <node id=\"b\"><data key=\"d0\">organ</data><data key=\"d1\">B</data><data key=\"d5\">7</data></node>\n"
        "    <edge source=\"b\" target=\"a\"><data key=\"d3\">elects</data></edge>\n"
        "    <edge source=\"a\" target=\"b\"><data key=\"d3\">x</data><data key=\"d4\">true</data></edge>\n"
        "    <data key=\"d7\">notes</data>\n"
        "  </graph>\n</graphml>\n";
    std::vector<ImportProblem> problems;
    const auto g = parse_graphml(text, ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems) == "");
    BOOST_REQUIRE(g.nodes.size() == 2U);
    BOOST_TEST(g.nodes[0].name == "A & B");
    BOOST_TEST(g.nodes[0].kind == "post");
    BOOST_TEST((g.nodes[0].citations == std::vector<std::string>{"s:1", "s:2"}));
    BOOST_TEST((g.nodes[0].aliases == std::vector<std::string>{"Alpha", "Beta"}));
    BOOST_TEST(g.nodes[0].line == 13U);
    // The key's default applies where a node gives no value.
    BOOST_TEST((g.nodes[0].attributes == std::vector<std::pair<std::string, std::string>>{{"count", "1"}}));
    BOOST_TEST((g.nodes[1].attributes == std::vector<std::pair<std::string, std::string>>{{"count", "7"}}));
    // The derived edge is left for the rules to derive again.
    BOOST_REQUIRE(g.edges.size() == 1U);
    BOOST_TEST(g.edges[0].kind == "elects");
    BOOST_TEST(g.default_source == "notes");
    BOOST_TEST(g.default_source_line == 17U);
}

BOOST_AUTO_TEST_CASE(other_attribute_names_via_the_mapping) {
    const auto text =
        "<graphml><key id=\"t\" for=\"node\" attr.name=\"type\"/><key id=\"l\" for=\"node\" attr.name=\"label\"/>"
        "<key id=\"s\" for=\"all\" attr.name=\"provenance\"/><key id=\"r\" for=\"edge\" attr.name=\"rel\"/>"
        "<graph><node id=\"n\"><data key=\"t\">city</data><data key=\"l\">Town</data><data key=\"s\">a</data></node>"
        "<edge source=\"n\" target=\"n\"><data key=\"r\">located_in</data><data key=\"s\">b</data></edge>"
        "</graph></graphml>";
    ImportMapping mapping;
    mapping.kind_key = "type";
    mapping.relation_kind_key = "rel";
    std::vector<ImportProblem> problems;
    const auto g = parse_graphml(text, mapping, problems);
    BOOST_TEST(problems_text(problems) == "");
    BOOST_REQUIRE(g.nodes.size() == 1U);
    BOOST_TEST(g.nodes[0].kind == "city");
    BOOST_TEST(g.nodes[0].name == "Town");  // a Gephi-style label stands in for a missing name
    BOOST_REQUIRE(g.edges.size() == 1U);
    BOOST_TEST(g.edges[0].kind == "located_in");
    BOOST_TEST((g.edges[0].citations == std::vector<std::string>{"b"}));
}

BOOST_AUTO_TEST_CASE(reports_every_problem_and_leaves_out_what_it_cannot_read) {
    const auto text =
        graphml_head +
        "  <graph>\n"
        "    <node id=\"a\"><data key=\"d1\">No kind</data><data key=\"d2\">s</data></node>\n"
        "    <node id=\"b\"><data key=\"d0\">organ</data><data key=\"d1\">B</data>"
        "<data key=\"d5\">many</data><data key=\"zz\">?</data><data key=\"d2\">s</data></node>\n"
        "    <node><data key=\"d0\">organ</data></node>\n"
        "    <edge source=\"b\" target=\"a\"><data key=\"d3\">elects</data><data key=\"d2\">s</data></edge>\n"
        "    <edge source=\"b\" target=\"b\"><data key=\"d0\">organ</data><data key=\"d2\">s</data></edge>\n"
        "    <hyperedge/>\n"
        "  </graph>\n</graphml>\n";
    std::vector<ImportProblem> problems;
    const auto g = parse_graphml(text, ImportMapping{}, problems);
    const auto report = problems_text(problems);
    BOOST_TEST(report.find("13:5 node 'a' has no 'kind' attribute") != std::string::npos, report);
    BOOST_TEST(report.find("14:68 value 'many' of 'count' on node 'b' is not of type long") != std::string::npos,
               report);
    BOOST_TEST(report.find("14:94 <data> of node 'b' refers to key 'zz'") != std::string::npos, report);
    BOOST_TEST(report.find("15:5 <node> without an 'id'") != std::string::npos, report);
    BOOST_TEST(report.find("17:33 key 'd0' is declared for=node but used on edge 'b' → 'b'") != std::string::npos,
               report);
    BOOST_TEST(report.find("17:5 edge 'b' → 'b' has no 'kind' attribute") != std::string::npos, report);
    BOOST_TEST(report.find("18:5 <hyperedge>") != std::string::npos, report);
    BOOST_TEST(problems.size() == 7U, report);
    // Node a could not be read, so the edge into it is left out rather than reported again.
    BOOST_TEST(g.nodes.size() == 1U);
    BOOST_TEST(g.edges.empty());
}

BOOST_AUTO_TEST_CASE(syntax_and_structure_errors) {
    std::vector<ImportProblem> problems;
    parse_graphml("<graphml>\n<graph>\n<node id='a'>\n</graph>", ImportMapping{}, problems);
    BOOST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].line == 4U);
    BOOST_TEST(problems[0].message.find("XML syntax") == 0U);
    problems.clear();
    parse_graphml("<gexf/>", ImportMapping{}, problems);
    BOOST_TEST(problems.at(0).message == "the root element is <gexf> (expected <graphml>)");
    problems.clear();
    parse_graphml("<graphml/>", ImportMapping{}, problems);
    BOOST_TEST(problems.at(0).message == "<graphml> holds no <graph> element");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(node_link_import)

BOOST_AUTO_TEST_CASE(reads_what_networkx_writes) {
    const std::string text = R"({"directed": true, "multigraph": true, "graph": {"default_source": "notes"},
 "nodes": [{"id": "m", "kind": "ministry", "name": "M"},
           {"id": 7, "kind": "department", "name": "D", "aliases": ["Seven", "VII"], "provenance": ["r:1", "r:2"],
            "count": 3, "flag": true, "gone": null}],
 "links": [{"source": 7, "target": "m", "key": 0, "kind": "part_of", "provenance": "r:3", "name": "is part of"},
           {"source": "m", "target": 7, "key": 0, "kind": "has_part", "derived": true, "rule": "inverse"}]})";
    std::vector<ImportProblem> problems;
    const auto g = parse_node_link_json(text, ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems) == "");
    BOOST_REQUIRE(g.nodes.size() == 2U);
    BOOST_TEST(g.nodes[1].id == "7");
    BOOST_TEST((g.nodes[1].aliases == std::vector<std::string>{"Seven", "VII"}));
    BOOST_TEST((g.nodes[1].citations == std::vector<std::string>{"r:1", "r:2"}));
    BOOST_TEST(
        (g.nodes[1].attributes == std::vector<std::pair<std::string, std::string>>{{"count", "3"}, {"flag", "true"}}));
    BOOST_TEST(g.nodes[1].line == 3U);
    BOOST_REQUIRE(g.edges.size() == 1U);
    BOOST_TEST(g.edges[0].source == "7");
    BOOST_TEST((g.edges[0].citations == std::vector<std::string>{"r:3"}));
    BOOST_TEST(g.edges[0].attributes.empty());
    BOOST_TEST(g.default_source == "notes");
}

BOOST_AUTO_TEST_CASE(a_name_that_repeats_the_id_gives_way_to_the_label) {
    // orgraph's own GraphML: `name` is the id (for igraph), `label` the name to show.
    const std::string text = graphml_head +
                             "  <key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                             "  <key id=\"g\" for=\"graph\" attr.name=\"orgraph_dataset\" attr.type=\"string\"/>\n"
                             "  <graph edgedefault=\"directed\">\n"
                             "    <data key=\"g\"># schema\n[[source]]\nid = &quot;s&quot;\n</data>\n"
                             "    <node id=\"a\"><data key=\"d0\">city</data><data key=\"d1\">a</data>"
                             "<data key=\"l\">Town A</data><data key=\"d2\">s</data></node>\n"
                             "    <node id=\"b\"><data key=\"d0\">city</data><data key=\"d1\">Town B</data>"
                             "<data key=\"l\">a label</data><data key=\"d2\">s</data></node>\n"
                             "  </graph>\n</graphml>\n";
    std::vector<ImportProblem> problems;
    const auto g = parse_graphml(text, ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems) == "");
    BOOST_REQUIRE(g.nodes.size() == 2U);
    BOOST_TEST(g.nodes[0].name == "Town A");
    // (count is the default of key d5.)
    BOOST_TEST((g.nodes[0].attributes == std::vector<std::pair<std::string, std::string>>{{"count", "1"}}));
    // A name of its own stays the name; the label is then an attribute like any other.
    BOOST_TEST(g.nodes[1].name == "Town B");
    BOOST_TEST((g.nodes[1].attributes ==
                std::vector<std::pair<std::string, std::string>>{{"count", "1"}, {"label", "a label"}}));
    BOOST_TEST(g.has_dataset);
    BOOST_TEST(g.dataset == "# schema\n[[source]]\nid = \"s\"\n");
    BOOST_TEST(g.dataset_line == 15U);
}

BOOST_AUTO_TEST_CASE(node_link_graph_attributes_carry_the_dataset) {
    std::vector<ImportProblem> problems;
    auto g = parse_node_link_json(R"({"graph": {"orgraph_dataset": "[[source]]\nid = \"s\"\n"}, "nodes": [],
        "edges": []})",
                                  ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems) == "");
    BOOST_TEST(g.has_dataset);
    BOOST_TEST(g.dataset == "[[source]]\nid = \"s\"\n");
    g = parse_node_link_json(R"({"graph": {"orgraph_dataset": ["x"]}, "nodes": []})", ImportMapping{}, problems);
    BOOST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].message ==
               "\"orgraph_dataset\" is an array (expected a string: the schema and the "
               "sources as TOML)");
    BOOST_TEST(!g.has_dataset);
}

BOOST_AUTO_TEST_CASE(accepts_edges_under_edges_but_not_both) {
    std::vector<ImportProblem> problems;
    auto g = parse_node_link_json(R"({"nodes": [{"id": "a", "kind": "city", "name": "A", "provenance": "s"}],
        "edges": [{"source": "a", "target": "a", "kind": "located_in", "provenance": "s"}]})",
                                  ImportMapping{}, problems);
    BOOST_TEST(problems.empty());
    BOOST_TEST(g.edges.size() == 1U);
    g = parse_node_link_json(R"({"nodes": [], "links": [], "edges": []})", ImportMapping{}, problems);
    BOOST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].message.find("both \"links\" and \"edges\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_problems_with_positions) {
    const std::string text =
        "{\"nodes\": [\n  {\"id\": \"a\", \"kind\": \"city\", \"name\": {\"x\": 1}, \"provenance\": \"s\"},\n"
        "  [1],\n  {\"id\": true}\n],\n \"links\": {}}";
    std::vector<ImportProblem> problems;
    parse_node_link_json(text, ImportMapping{}, problems);
    const auto report = problems_text(problems);
    BOOST_TEST(report.find("2:39 attribute 'name' of node 'a' is an object") != std::string::npos, report);
    BOOST_TEST(report.find("2:3 node 'a' has no 'name' attribute") != std::string::npos, report);
    BOOST_TEST(report.find("3:3 a node is an array (expected an object)") != std::string::npos, report);
    BOOST_TEST(report.find("4:10 a node without an \"id\"") != std::string::npos, report);
    BOOST_TEST(report.find("6:11 \"links\" is an object (expected an array)") != std::string::npos, report);
    problems.clear();
    parse_node_link_json("[]", ImportMapping{}, problems);
    BOOST_TEST(problems.at(0).message.find("the document is an array") == 0U);
    problems.clear();
    parse_node_link_json("{}", ImportMapping{}, problems);
    BOOST_TEST(problems.at(0).message.find("no \"nodes\" array") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// Reproductions: inputs that cost the old importers minutes and gigabytes.
BOOST_AUTO_TEST_SUITE(import_limits)

BOOST_AUTO_TEST_CASE(graphml_key_defaults_are_limited) {
    // 3,000 keys with defaults over 3,000 nodes took 32 s and 1.15 GB.
    std::string text = "<graphml>";
    for (int i = 0; i < 3000; ++i)
        text += "<key id=\"k" + std::to_string(i) + "\" for=\"node\" attr.name=\"x_" + std::to_string(i) +
                "\"><default>d</default></key>";
    text += "<graph>";
    for (int i = 0; i < 3000; ++i) text += "<node id=\"n" + std::to_string(i) + "\"/>";
    text += "</graph></graphml>";
    std::vector<ImportProblem> problems;
    const auto g = parse_graphml(text, ImportMapping{}, problems);
    const auto all = problems_text(problems);
    BOOST_TEST(all.find("more than 100 keys have a <default> (key 'k100'") != std::string::npos);
    BOOST_TEST(all.find("k101") == std::string::npos);  // reported once
}

BOOST_AUTO_TEST_CASE(attributes_of_one_node_are_limited) {
    std::string json = "{\"nodes\": [{\"id\": \"a\", \"kind\": \"country\", \"name\": \"A\", \"source\": \"s:1\"";
    for (int i = 0; i < 200000; ++i) json += ", \"x_" + std::to_string(i) + "\": \"v\"";
    json += "}], \"links\": []}";
    std::vector<ImportProblem> problems;
    const auto g = parse_node_link_json(json, ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems).find("node 'a' has more than 1000 attributes") != std::string::npos);
    BOOST_REQUIRE(g.nodes.size() == 1U);
    BOOST_TEST(g.nodes[0].attributes.size() == import_max_attributes);
}

BOOST_AUTO_TEST_CASE(messages_quote_at_most_80_bytes) {
    const std::string id(50'000'000, 'x');
    std::vector<ImportProblem> problems;
    (void)parse_node_link_json("{\"nodes\": [{\"id\": \"" + id + "\"}]}", ImportMapping{}, problems);
    BOOST_REQUIRE(!problems.empty());
    for (const auto& p : problems) BOOST_TEST(p.message.size() < 400U);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_refused_where_it_is) {
    std::vector<ImportProblem> problems;
    (void)parse_graphml("<graphml>\n<graph><node id=\"caf\xe9\"/></graph></graphml>", ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems).find("2:21 XML syntax: invalid UTF-8") != std::string::npos,
               problems_text(problems));
    problems.clear();
    (void)parse_node_link_json("{\"nodes\": [{\"id\": \"\xff\"}]}", ImportMapping{}, problems);
    BOOST_TEST(problems_text(problems).find("1:20 JSON syntax: invalid UTF-8") != std::string::npos,
               problems_text(problems));
}

BOOST_AUTO_TEST_SUITE_END()
