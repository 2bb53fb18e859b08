#include "small_graph.hpp"

#include <boost/test/unit_test.hpp>

#include "orgraph/load/dataset_loader.hpp"

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

[[source]]
id = "t"
title = "Test data"
)toml";

// HOM is the ministry's own country. ALF is covered directly, BRV by two departments, CHA by
// none (and by an abolished one in the past), DEL only through a region, ECH is an observer,
// FOX a territory. The union is covered by d1: of its members GOL is covered by nobody, HOT by
// d2 only, JUL by d1, and IND left it on 2020-01-31.
const char* const data = R"toml(
[[entity]]
id = "ministry"
kind = "ministry"
name = "Ministry"
source = "t"
ministry_of = "HOM"

[[entity]]
id = "d1"
kind = "regional_department"
name = "Department One"
source = "t"
covers = ["ALF", "BRV", "ECH", "JUL", "union"]

[[entity]]
id = "d2"
kind = "regional_department"
name = "Department Two"
source = "t"
covers = ["BRV", "FOX", "HOT", "south", "nowhere"]

[[entity]]
id = "d-old"
kind = "regional_department"
name = "Abolished Department"
source = "t"
valid_from = 1990
valid_to = 2010
covers = ["CHA"]

[[entity]]
id = "protocol"
kind = "department"
name = "Protocol Department"
source = "t"

[[entity]]
id = "south"
kind = "region"
name = "South"
source = "t"
includes = ["DEL"]

[[entity]]
id = "nowhere"
kind = "region"
name = "Nowhere"
source = "t"

[[entity]]
id = "union"
kind = "organisation"
name = "The Union"
source = "t"

[[entity]]
id = "HOM"
kind = "country"
name = "Homeland"
source = "t"
un_status = "member"
m49_region = "Asia"
m49_subregion = "Eastern Asia"

[[entity]]
id = "ALF"
kind = "country"
name = "Alfaland"
source = "t"
un_status = "member"
m49_region = "Europe"
m49_subregion = "Western Europe"

[[entity]]
id = "BRV"
kind = "country"
name = "Bravia"
source = "t"
un_status = "member"
m49_region = "Europe"
m49_subregion = "Western Europe"

[[entity]]
id = "CHA"
kind = "country"
name = "Charlia"
source = "t"
un_status = "member"
m49_region = "Asia"
m49_subregion = "Eastern Asia"

[[entity]]
id = "DEL"
kind = "country"
name = "Deltia"
source = "t"
un_status = "member"
m49_region = "Africa"
m49_subregion = "Northern Africa"

[[entity]]
id = "ECH"
kind = "country"
name = "Echo See"
source = "t"
un_status = "observer"
m49_region = "Europe"
m49_subregion = "Southern Europe"

[[entity]]
id = "FOX"
kind = "country"
name = "Foxtrot Islands"
source = "t"
un_status = "none"
m49_region = "Oceania"
m49_subregion = "Polynesia"

[[entity]]
id = "GOL"
kind = "country"
name = "Golfia"
source = "t"
un_status = "member"
m49_region = "Europe"
m49_subregion = "Southern Europe"
member_of = { to = "union", valid_from = 2004-05-01 }

[[entity]]
id = "HOT"
kind = "country"
name = "Hotelia"
source = "t"
un_status = "member"
m49_region = "Europe"
m49_subregion = "Northern Europe"
member_of = "union"

[[entity]]
id = "IND"
kind = "country"
name = "India Island"
source = "t"
un_status = "member"
member_of = { to = "union", valid_from = 1973-01-01, valid_to = 2020-01-31 }

[[entity]]
id = "JUL"
kind = "country"
name = "Julietta"
source = "t"
un_status = "member"
m49_region = "Europe"
m49_subregion = "Western Europe"
member_of = "union"

[[entity]]
id = "city-a"
kind = "city"
name = "Alfa City"
source = "t"
located_in = "ALF"

[[entity]]
id = "m-open"
kind = "mission"
name = "Mission in Alfa City"
source = "t"
status = "open"
located_in = "city-a"

[[entity]]
id = "m-closed"
kind = "mission"
name = "Mission in Charlia"
source = "t"
status = "closed"
valid_to = 2023
located_in = "CHA"
)toml";

}  // namespace

orgraph::Graph graph_from(const std::string& text) {
    orgraph::LayerInput layer{"test", {{"test.toml", std::string(schema) + text, orgraph::FileFormat::toml}}};
    try {
        return orgraph::load({layer});
    } catch (const orgraph::dataset_error& error) {
        for (const auto& d : error.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
        throw;
    }
}

orgraph::Graph small_graph() {
    return graph_from(data);
}

std::string small_graph_data() {
    return data;
}

orgraph::EntityIndex index_of(const orgraph::Graph& graph, const std::string& id) {
    const auto index = graph.find(id);
    BOOST_TEST_REQUIRE(index.has_value(), "no entity " << id);
    return *index;
}

std::vector<std::string> ids(const orgraph::Graph& graph, const std::vector<orgraph::EntityIndex>& entities) {
    std::vector<std::string> result;
    for (auto e : entities) result.push_back(graph.entity(e).id);
    return result;
}

std::vector<std::string> uncovered_ids(const orgraph::Graph& graph, const orgraph::CoverageReport& report) {
    std::vector<std::string> result;
    for (const auto& group : report.uncovered)
        for (auto c : group.countries) result.push_back(graph.entity(c).id);
    return result;
}

std::vector<std::string> covered_ids(const orgraph::Graph& graph, const std::vector<orgraph::CountryCoverage>& list) {
    std::vector<std::string> result;
    for (const auto& c : list) result.push_back(graph.entity(c.country).id);
    return result;
}

const std::vector<orgraph::CoveringUnit>* units_of(const orgraph::Graph& graph, const orgraph::CoverageReport& report,
                                                   const std::string& country) {
    for (const auto& c : report.covered)
        if (graph.entity(c.country).id == country) return &c.units;
    for (const auto& h : report.home)
        if (graph.entity(h.country).id == country) return &h.units;
    for (const auto& o : report.outside_universe)
        if (graph.entity(o.entity).id == country) return &o.units;
    return nullptr;
}

std::vector<std::string> unit_ids(const orgraph::Graph& graph, const std::vector<orgraph::CoveringUnit>& units) {
    std::vector<std::string> result;
    for (const auto& u : units) result.push_back(graph.entity(u.unit).id);
    return result;
}

}  // namespace coverage_test
