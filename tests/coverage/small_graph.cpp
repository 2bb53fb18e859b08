#include "small_graph.hpp"

#include <boost/test/unit_test.hpp>

#include "orgraph/load/dataset_loader.hpp"
#include "toml_records.hpp"

namespace coverage_test {
namespace {

const char* const schema = R"toml(
[[entity_kind]]
id = "ministry"
[[entity_kind]]
id = "department"
[[entity_kind]]
id = "regional_department"
parent = "department"
[[entity_kind]]
id = "country"
plural = "countries"
attributes = ["un_status", "m49_region", "m49_subregion"]
[[entity_kind]]
id = "region"
[[entity_kind]]
id = "organisation"
[[entity_kind]]
id = "city"
plural = "cities"
[[entity_kind]]
id = "mission"
attributes = ["status"]

[[relation_kind]]
id = "covers"
from = ["department"]
to = ["country", "region", "organisation"]
[[relation_kind]]
id = "includes"
from = ["region"]
to = ["country"]
[[relation_kind]]
id = "member_of"
from = ["country"]
to = ["organisation"]
[[relation_kind]]
id = "ministry_of"
from = ["ministry"]
to = ["country"]
[[relation_kind]]
id = "located_in"
from = ["mission", "city"]
to = ["city", "country"]

[coverage]
relation = "covers"
region_kind = "region"
includes_relation = "includes"
member_relation = "member_of"
home_relation = "ministry_of"
status_attribute = "status"
open_value = "open"

[gazetteer]
kind = "country"
region_attribute = "m49_region"
subregion_attribute = "m49_subregion"
membership_attribute = "un_status"
member_value = "member"
observer_value = "observer"

[[source]]
id = "t"
title = "Test data"
)toml";

}  // namespace

std::string entity(const std::string& id, const std::string& kind, const std::string& name, const std::string& more) {
    return orgraph::test::entity_record(id, kind, name, "t") + (more.empty() ? "" : more + "\n");
}

std::string country(const std::string& id, const std::string& name, const std::string& un_status,
                    const std::string& region, const std::string& subregion, const std::string& more) {
    return entity(id, "country", name,
                  "un_status = \"" + un_status + "\"\nm49_region = \"" + region + "\"\nm49_subregion = \"" + subregion +
                      "\"" + (more.empty() ? "" : "\n" + more));
}

orgraph::Graph graph_from(const std::string& text) {
    orgraph::LayerInput layer{"test", {{"test.toml", std::string(schema) + text, orgraph::FileFormat::toml}}};
    try {
        return orgraph::freeze(orgraph::load({layer}));
    } catch (const orgraph::dataset_error& error) {
        for (const auto& d : error.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
        throw;
    }
}

orgraph::Graph small_graph() {
    return graph_from(small_graph_data());
}

// HOM is the ministry's own country. ALF is covered directly, BRV by two departments, CHA by
// none (and by an abolished one in the past), DEL only through a region, ECH is an observer,
// FOX a territory. The union is covered by d1: of its members GOL is covered by nobody, HOT by
// d2 only, JUL by d1, and IND left it on 2020-01-31.
std::string small_graph_data() {
    return entity("ministry", "ministry", "Ministry", R"(ministry_of = "HOM")") +
           entity("d1", "regional_department", "Department One", R"(covers = ["ALF", "BRV", "ECH", "JUL", "union"])") +
           entity("d2", "regional_department", "Department Two",
                  R"(covers = ["BRV", "FOX", "HOT", "south", "nowhere"])") +
           entity("d-old", "regional_department", "Abolished Department",
                  "valid_from = 1990\nvalid_to = 2010\ncovers = [\"CHA\"]") +
           entity("protocol", "department", "Protocol Department") +
           entity("south", "region", "South", R"(includes = ["DEL"])") + entity("nowhere", "region", "Nowhere") +
           entity("union", "organisation", "The Union") + country("HOM", "Homeland", "member", "Asia", "Eastern Asia") +
           country("ALF", "Alfaland", "member", "Europe", "Western Europe") +
           country("BRV", "Bravia", "member", "Europe", "Western Europe") +
           country("CHA", "Charlia", "member", "Asia", "Eastern Asia") +
           country("DEL", "Deltia", "member", "Africa", "Northern Africa") +
           country("ECH", "Echo See", "observer", "Europe", "Southern Europe") +
           country("FOX", "Foxtrot Islands", "none", "Oceania", "Polynesia") +
           country("GOL", "Golfia", "member", "Europe", "Southern Europe",
                   R"(member_of = { to = "union", valid_from = 2004-05-01 })") +
           country("HOT", "Hotelia", "member", "Europe", "Northern Europe", R"(member_of = "union")") +
           entity("IND", "country", "India Island",
                  "un_status = \"member\"\n"
                  R"(member_of = { to = "union", valid_from = 1973-01-01, valid_to = 2020-01-31 })") +
           country("JUL", "Julietta", "member", "Europe", "Western Europe", R"(member_of = "union")") +
           entity("city-a", "city", "Alfa City", R"(located_in = "ALF")") +
           entity("m-open", "mission", "Mission in Alfa City", "status = \"open\"\nlocated_in = \"city-a\"") +
           entity("m-closed", "mission", "Mission in Charlia",
                  "status = \"closed\"\nvalid_to = 2023\nlocated_in = \"CHA\"");
}

orgraph::CoverageParams params_on(const std::string& date) {
    orgraph::CoverageParams params;
    params.today = orgraph::Date::parse(date);
    return params;
}

orgraph::EntityIndex index_of(const orgraph::Graph& graph, const std::string& id) {
    const auto index = graph.find(id);
    BOOST_TEST_REQUIRE(index.has_value(), "no entity " << id);
    return *index;
}

std::vector<std::string> ids(const orgraph::Graph& graph, const std::vector<orgraph::EntityIndex>& entities) {
    std::vector<std::string> result;
    for (auto e : entities) result.emplace_back(graph.entity(e).id);
    return result;
}

std::vector<std::string> uncovered_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report) {
    std::vector<std::string> result;
    for (const auto& group : report.uncovered)
        for (auto c : group.places) result.emplace_back(graph.entity(c).id);
    return result;
}

std::vector<std::string> outside_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report) {
    std::vector<std::string> result;
    for (const auto& o : report.outside_universe) result.emplace_back(graph.entity(o.entity).id);
    return result;
}

std::vector<std::string> not_country_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report) {
    std::vector<std::string> result;
    for (const auto& o : report.not_places) result.emplace_back(graph.entity(o.entity).id);
    return result;
}

std::vector<std::string> covered_ids(const orgraph::Graph& graph, const std::vector<orgraph::PlaceCoverage>& list) {
    std::vector<std::string> result;
    for (const auto& c : list) result.emplace_back(graph.entity(c.place).id);
    return result;
}

const std::vector<orgraph::CoveringUnit>* units_of(const orgraph::Graph& graph, const orgraph::CoverageReport& report,
                                                   const std::string& country) {
    for (const auto& c : report.covered)
        if (graph.entity(c.place).id == country) return &c.units;
    for (const auto& h : report.home)
        if (graph.entity(h.place).id == country) return &h.units;
    for (const auto& o : report.outside_universe)
        if (graph.entity(o.entity).id == country) return &o.units;
    return nullptr;
}

std::vector<std::string> unit_ids(const orgraph::Graph& graph, const std::vector<orgraph::CoveringUnit>& units) {
    std::vector<std::string> result;
    for (const auto& u : units) result.emplace_back(graph.entity(u.unit).id);
    return result;
}

}  // namespace coverage_test
