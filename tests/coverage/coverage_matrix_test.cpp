// compute_coverage_matrix on the small hand-made graph of small_graph.cpp: a column of
// regional departments and one of missions, joined by country.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "orgraph/analysis/coverage_matrix.hpp"
#include "small_graph.hpp"

using namespace orgraph;
using namespace coverage_test;
using Ids = std::vector<std::string>;

namespace {

const Graph& graph() {
    static const Graph g = small_graph();
    return g;
}

const std::vector<MatrixDimension>& dimensions() {
    static const std::vector<MatrixDimension> list = {
        {"departments", "covers", "regional_department"},
        {"ghosts", "covers", "ghost"},   // a kind the schema lacks
        {"envoys", "sends", "mission"},  // a relation the schema lacks
        {"missions", "located_in", "mission"},
    };
    return list;
}

const CoverageMatrix& matrix() {
    static const CoverageMatrix m = compute_coverage_matrix(graph(), params_on("2024-06-01"), dimensions());
    return m;
}

const CoverageMatrixRow& row(const std::string& id) {
    for (const auto& r : matrix().rows)
        if (graph().entity(r.place).id == id) return r;
    BOOST_FAIL("no row for " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coverage_matrix)

BOOST_AUTO_TEST_CASE(the_columns_are_the_dimensions_the_data_has_in_order) {
    BOOST_TEST_REQUIRE(matrix().columns.size() == 2u);
    BOOST_TEST(matrix().columns[0].dimension.name == "departments");
    BOOST_TEST(matrix().columns[1].dimension.name == "missions");
    // Each column is the coverage answer for its relation and kind.
    BOOST_TEST(graph().schema.relation_kind(matrix().columns[1].report.relation).id == "located_in");
    BOOST_TEST_REQUIRE(matrix().columns[1].report.from_kind.has_value());
    BOOST_TEST(graph().schema.entity_kind(*matrix().columns[1].report.from_kind).id == "mission");
}

BOOST_AUTO_TEST_CASE(every_country_of_the_universe_is_a_row_by_name_with_the_home_country_marked) {
    Ids rows;
    Ids home;
    for (const auto& r : matrix().rows) {
        rows.emplace_back(graph().entity(r.place).id);
        if (r.home) home.emplace_back(graph().entity(r.place).id);
        BOOST_TEST(r.cells.size() == 2u);
    }
    // The UN members and the observer ECH; not the territory FOX, outside the universe.
    BOOST_TEST(rows == (Ids{"ALF", "BRV", "CHA", "DEL", "ECH", "GOL", "HOM", "HOT", "IND", "JUL"}),
               boost::test_tools::per_element());
    BOOST_TEST(home == (Ids{"HOM"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_cell_holds_the_units_of_its_column_that_answer_for_the_country) {
    BOOST_TEST(unit_ids(graph(), row("BRV").cells[0]) == (Ids{"d1", "d2"}), boost::test_tools::per_element());
    BOOST_TEST(row("BRV").cells[1].empty());
    // A department through a region; a mission through its city.
    BOOST_TEST_REQUIRE(row("DEL").cells[0].size() == 1u);
    BOOST_TEST((row("DEL").cells[0][0].best().way == CoverageWay::through_region));
    BOOST_TEST(unit_ids(graph(), row("ALF").cells[0]) == (Ids{"d1"}), boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(row("ALF").cells[1].size() == 1u);
    BOOST_TEST(graph().entity(row("ALF").cells[1][0].unit).id == "m-open");
    BOOST_TEST((row("ALF").cells[1][0].best().way == CoverageWay::via));
    // The abolished department and the closed mission answered for Charlia once, not on the date.
    BOOST_TEST(row("CHA").cells[0].empty());
    BOOST_TEST(row("CHA").cells[1].empty());
}

BOOST_AUTO_TEST_CASE(the_units_are_those_that_reach_a_country_by_name) {
    // Not the abolished department, which the departments' column lists with no country.
    BOOST_TEST(ids(graph(), matrix().units) == (Ids{"d1", "d2", "m-open"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_earlier_date_brings_back_what_held_then) {
    auto params = params_on("2024-06-01");
    params.as_of = Date::parse("2005-01-01");
    const auto then = compute_coverage_matrix(graph(), params, dimensions());
    const auto charlia = std::find_if(then.rows.begin(), then.rows.end(),
                                      [](const CoverageMatrixRow& r) { return graph().entity(r.place).id == "CHA"; });
    BOOST_TEST_REQUIRE((charlia != then.rows.end()));
    BOOST_TEST(unit_ids(graph(), charlia->cells[0]) == (Ids{"d-old"}), boost::test_tools::per_element());
    BOOST_TEST(unit_ids(graph(), charlia->cells[1]) == (Ids{"m-closed"}), boost::test_tools::per_element());
    BOOST_TEST(then.first().date_is_as_of);
}

BOOST_AUTO_TEST_CASE(no_dimension_or_none_the_data_has_is_an_error) {
    BOOST_CHECK_EXCEPTION(
        compute_coverage_matrix(graph(), params_on("2024-06-01"), {}), coverage_error,
        [](const coverage_error& e) { return std::string(e.what()).find("[[coverage.matrix]]") != std::string::npos; });
    const std::vector<MatrixDimension> absent = {{"ghosts", "covers", "ghost"}, {"envoys", "sends", "mission"}};
    BOOST_CHECK_EXCEPTION(
        compute_coverage_matrix(graph(), params_on("2024-06-01"), absent), coverage_error,
        [](const coverage_error& e) { return std::string(e.what()).find("(ghost, mission)") != std::string::npos; });
    // The small schema declares no matrix of its own.
    BOOST_CHECK_THROW(compute_coverage_matrix(graph(), params_on("2024-06-01")), coverage_error);
}

BOOST_AUTO_TEST_SUITE_END()
