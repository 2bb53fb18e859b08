// The built-in dataset as embedded in the binary: it loads cleanly, and a few facts hold end
// to end (file → loader → graph).

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/graph.hpp"

using namespace orgraph;

namespace {

Graph load_builtin() {
    try {
        return freeze(load(builtin_layers()));
    } catch (const dataset_error& e) {
        for (const auto& d : e.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
        BOOST_FAIL("the built-in dataset has " << e.diagnostics.size() << " problems");
    }
    return {};
}

const Graph& builtin() {
    static const Graph graph = load_builtin();
    return graph;
}

std::set<std::string> related(const Graph& g, std::string_view from, std::string_view kind) {
    std::set<std::string> ids;
    const auto index = g.find(from);
    BOOST_REQUIRE_MESSAGE(index, "no entity '" << from << "'");
    for (auto r : g.out_relations(*index))
        if (g.kind_of_relation(r).id == kind) ids.emplace(g.entity(g.relation(r).to).id);
    return ids;
}

std::size_t incoming(const Graph& g, std::string_view to, std::string_view kind) {
    const auto index = g.find(to);
    BOOST_REQUIRE_MESSAGE(index, "no entity '" << to << "'");
    const auto in = g.in_relations(*index);
    return static_cast<std::size_t>(
        std::count_if(in.begin(), in.end(), [&](RelationIndex r) { return g.kind_of_relation(r).id == kind; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(builtin_dataset)

BOOST_AUTO_TEST_CASE(the_builtin_dataset_loads_with_no_diagnostics) {
    std::size_t problems = 0;
    try {
        (void)load(builtin_layers());
    } catch (const dataset_error& e) {
        problems = e.diagnostics.size();
        for (const auto& d : e.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
    }
    BOOST_TEST(problems == 0u);
}

BOOST_AUTO_TEST_CASE(the_builtin_dataset_is_the_schema_world_and_ministry_layers) {
    const auto layers = builtin_layers();
    std::vector<std::string> ids;
    for (const auto& l : layers) ids.push_back(l.id);
    BOOST_TEST(ids == (std::vector<std::string>{"schema", "world", "dprk-mfa"}), boost::test_tools::per_element());
    BOOST_TEST(builtin().entities().size() > 300u);
}

BOOST_AUTO_TEST_CASE(the_builtin_dataset_with_the_missions_overlay_loads_with_no_diagnostics) {
    auto layers = builtin_layers();
    layers.push_back(read_layer_or_overlay("dprk-missions"));
    std::size_t problems = 0;
    try {
        const auto g = load(layers);
        BOOST_TEST(g.entities().size() > builtin().entities().size());
    } catch (const dataset_error& e) {
        problems = e.diagnostics.size();
        for (const auto& d : e.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
    }
    BOOST_TEST(problems == 0u);
}

BOOST_AUTO_TEST_CASE(asian_affairs_department_1_covers_china_mongolia_and_japan) {
    const auto covered = related(builtin(), "aad1", "covers");
    for (const char* id : {"CHN", "MNG", "JPN"}) BOOST_TEST(covered.contains(id), "aad1 covers " << id);
    BOOST_TEST(builtin().kind_of(*builtin().find("aad1")).id == "regional_department");
}

BOOST_AUTO_TEST_CASE(no_department_covers_malta) {
    BOOST_REQUIRE(builtin().find("MLT"));
    BOOST_TEST(incoming(builtin(), "MLT", "covers") == 0u);
}

BOOST_AUTO_TEST_CASE(the_korea_russia_association_can_be_contacted_via_something) {
    BOOST_TEST(!related(builtin(), "korua", "contact_via").empty());
    BOOST_TEST(related(builtin(), "korua", "sponsored_by") == std::set<std::string>{"mfa"});
}

BOOST_AUTO_TEST_SUITE_END()
