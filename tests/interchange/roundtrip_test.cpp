// Round trips: the built-in dataset exported and loaded back is the same graph, fact by fact,
// through orgraph's CSV dataset, GraphML and node-link JSON, each alone (the GraphML and JSON
// exports carry the schema and the sources as the graph attribute orgraph_dataset), or with a
// schema layer loaded first, which their own then give way to; Boost's own GraphML reader
// reads the export.

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "builtin_fallback.hpp"
#include "graph_compare.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/write/interchange.hpp"

namespace fs = std::filesystem;
using namespace orgraph;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("orgraph-interchange-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

Graph builtin() {
    return prepare_graph(load(builtin_layers()));
}

Graph load_paths(const std::vector<std::string>& paths) {
    std::vector<LayerInput> layers;
    for (const auto& p : paths) layers.push_back(read_layer(p));
    return prepare_graph(load(layers, test::builtin_fallback()));
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(roundtrip)

BOOST_AUTO_TEST_CASE(csv_dataset_loads_back_as_the_same_graph) {
    const auto original = builtin();
    TempDir dir;
    const auto names = write_dataset_csv(dir.path, original);
    BOOST_TEST(names.size() == 3U);
    const auto again = load_paths({dir.path.string()});
    interchange_test::check_same_graph(original, again);
    // Derived relations are not written: the rules derive them again.
    std::ifstream relations(dir.path / "relations.csv");
    std::string text((std::istreambuf_iterator<char>(relations)), {});
    BOOST_TEST(text.find("oversees") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_dataset_of_a_graph_with_nasty_names_loads_back) {
    const auto original = load_paths({std::string(ORGRAPH_TEST_DATA) + "/interchange/nasty-names.toml"});
    TempDir dir;
    write_dataset_csv(dir.path, original);
    interchange_test::check_same_graph(original, load_paths({dir.path.string()}));
}

BOOST_AUTO_TEST_CASE(graphml_and_json_load_back_alone) {
    const auto original = builtin();
    TempDir dir;
    std::ostringstream graphml, json;
    write_graphml(graphml, original);
    write_node_link_json(json, original);
    write_file(dir.path / "graph.graphml", graphml.str());
    write_file(dir.path / "graph.json", json.str());
    interchange_test::check_same_graph(original, load_paths({(dir.path / "graph.graphml").string()}));
    interchange_test::check_same_graph(original, load_paths({(dir.path / "graph.json").string()}));
    // The same graph twice carries the same schema, read once.
    const auto both = load_paths({(dir.path / "graph.graphml").string(), (dir.path / "graph.json").string()});
    BOOST_TEST(both.entity_count() == original.entity_count());
}

BOOST_AUTO_TEST_CASE(graphml_and_json_give_way_to_a_schema_layer) {
    const auto original = builtin();
    TempDir dir;
    write_dataset_csv(dir.path / "", original);
    std::ostringstream graphml, json;
    write_graphml(graphml, original);
    write_node_link_json(json, original);
    write_file(dir.path / "graph.graphml", graphml.str());
    write_file(dir.path / "graph.json", json.str());
    const auto schema = (dir.path / "dataset.toml").string();
    interchange_test::check_same_graph(original, load_paths({schema, (dir.path / "graph.graphml").string()}));
    interchange_test::check_same_graph(original, load_paths({schema, (dir.path / "graph.json").string()}));
}

BOOST_AUTO_TEST_CASE(boost_read_graphml_reads_the_export) {
    const auto original = builtin();
    std::ostringstream out;
    write_graphml(out, original);
    struct Node {
        std::string kind, name, label;
    };
    struct Edge {
        std::string kind, source;
        bool derived = false;
    };
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;
    G g;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("kind", boost::get(&Node::kind, g));
    dp.property("name", boost::get(&Node::name, g));
    dp.property("label", boost::get(&Node::label, g));
    dp.property("kind", boost::get(&Edge::kind, g));
    dp.property("source", boost::get(&Edge::source, g));
    dp.property("derived", boost::get(&Edge::derived, g));
    std::istringstream in(out.str());
    boost::read_graphml(in, g, dp);
    BOOST_TEST(boost::num_vertices(g) == original.entity_count());
    BOOST_TEST(boost::num_edges(g) == original.relation_count());
    std::size_t derived = 0, with_source = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
        derived += g[*e].derived ? 1 : 0;
        with_source += g[*e].source.empty() ? 0 : 1;
    }
    std::size_t expected_derived = 0;
    for (const auto& r : original.relations()) expected_derived += r.derived ? 1 : 0;
    BOOST_TEST(derived == expected_derived);
    BOOST_TEST(with_source == original.relation_count());
    // Vertices come in the order of the file: the entities' order.
    for (EntityIndex i = 0; i < original.entity_count(); ++i) {
        BOOST_TEST(g[i].name == original.entity(i).id);
        BOOST_TEST(g[i].label == original.entity(i).name);
        BOOST_TEST(g[i].kind == original.kind_of(i).id);
    }
}

BOOST_AUTO_TEST_CASE(exports_are_deterministic) {
    const auto a = builtin(), b = builtin();
    for (auto writer : {&write_graphml, &write_node_link_json, &write_ftm}) {
        std::ostringstream x, y;
        writer(x, a);
        writer(y, b);
        BOOST_TEST(x.str() == y.str());
    }
}

BOOST_AUTO_TEST_CASE(an_attribute_named_like_a_column_is_refused) {
    auto facts = load(builtin_layers());
    facts.change_entity(*facts.find("aad1"), [](EntityData& e) { e.attributes.set("provenance", "clash"); });
    const auto g = freeze(std::move(facts));
    TempDir dir;
    BOOST_CHECK_THROW(write_dataset_csv(dir.path, g), export_error);
    std::ostringstream out;
    BOOST_CHECK_THROW(write_node_link_json(out, g), export_error);
    BOOST_CHECK_THROW(write_graphml(out, g), export_error);
}

BOOST_AUTO_TEST_CASE(an_alias_holding_the_separator_is_refused_by_csv) {
    auto facts = load(builtin_layers());
    facts.change_entity(*facts.find("aad1"), [](EntityData& e) { e.aliases.push_back("one | two"); });
    const auto g = freeze(std::move(facts));
    TempDir dir;
    BOOST_CHECK_EXCEPTION(write_dataset_csv(dir.path, g), export_error, [](const export_error& e) {
        return std::string(e.what()).find("alias 'one | two' of entity 'aad1'") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()
