// read_place_list: the universe file of `orgraph coverage --universe FILE`.

#include <boost/test/unit_test.hpp>

#include "orgraph/analysis/coverage.hpp"
#include "small_graph.hpp"

using namespace orgraph;
using namespace coverage_test;
using Ids = std::vector<std::string>;

namespace {

const Graph& graph() {
    // Two countries share the alias "Congo"; a region is named like a country.
    static const Graph g = graph_from(
        entity("COG", "country", "Congo", "short_name = \"CG\"\naliases = [\"Republic of the Congo\"]") +
        entity("COD", "country", "Democratic Republic of the Congo",
               "short_name = \"CD\"\naliases = [\"DR Congo\", \"Congo\"]") +
        entity("FRA", "country", "France", R"(short_name = "FR")") +
        entity("CIV", "country", "Côte d'Ivoire", R"(short_name = "CI")") +
        entity("GEO", "country", "Georgia", R"(short_name = "GE")") + entity("georgia-region", "region", "Georgia") +
        entity("d1", "regional_department", "Department One"));
    return g;
}

std::vector<Diagnostic> problems_of(const std::string& text) {
    try {
        (void)read_place_list(graph(), text, "list.txt");
    } catch (const place_list_error& e) {
        return e.diagnostics;
    }
    BOOST_FAIL("the list was accepted");
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(country_list)

BOOST_AUTO_TEST_CASE(codes_names_and_aliases_resolve_once_each_in_order) {
    const auto list =
        read_place_list(graph(), "# our list\nFRA\n\n  cote d ivoire  # folded\nDR Congo\r\nfr\nFRA\n", "list.txt");
    BOOST_TEST(ids(graph(), list) == (Ids{"FRA", "CIV", "COD"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_name_a_country_shares_with_another_kind_means_the_country) {
    const auto list = read_place_list(graph(), "Georgia", "list.txt");
    BOOST_TEST(ids(graph(), list) == (Ids{"GEO"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_bad_line_is_reported_with_its_place) {
    const auto problems = problems_of("FRA\nAtlantis\nd1\n\n   Congo\nCOG\n");
    BOOST_TEST_REQUIRE(problems.size() == 3u);
    BOOST_TEST(problems[0].file == "list.txt");
    BOOST_TEST(problems[0].line == 2u);
    BOOST_TEST(problems[0].message.find("no country is called 'Atlantis'") != std::string::npos);
    BOOST_TEST(problems[1].line == 3u);
    BOOST_TEST(problems[1].message.find("'d1' is not a country") != std::string::npos);
    BOOST_TEST(problems[2].line == 5u);
    BOOST_TEST(problems[2].column == 4u);
    BOOST_TEST(problems[2].message.find("'Congo' names 2 countries") != std::string::npos);
    BOOST_TEST(problems[2].message.find("COD") != std::string::npos);
    BOOST_TEST(problems[2].message.find("COG") != std::string::npos);
    BOOST_TEST(problems[2].message.ends_with("(give the id in brackets)"));
    BOOST_TEST(problems[2].to_string().starts_with("list.txt:5:4: error: "));
}

BOOST_AUTO_TEST_CASE(a_near_miss_suggests_countries_only) {
    const auto problems = problems_of("Frnce\n");
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].message.find("did you mean France (FRA)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_error_message_counts_the_bad_lines) {
    try {
        (void)read_place_list(graph(), "Atlantis\nLemuria\n", "list.txt");
        BOOST_FAIL("accepted");
    } catch (const place_list_error& e) {
        BOOST_TEST(std::string(e.what()) == "list.txt: 2 lines name no single country");
    }
}

BOOST_AUTO_TEST_CASE(a_list_without_countries_is_an_error) {
    const auto problems = problems_of("# nothing here\n\n   \n");
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].line == 0u);
    BOOST_CHECK_THROW((void)read_place_list(graph(), "", "list.txt"), place_list_error);
}

// Bad bytes were looked up as a name, and a 50 MB line was quoted whole in the message.
BOOST_AUTO_TEST_CASE(bad_utf8_and_overlong_lines_are_refused_where_they_are) {
    auto problems = problems_of("FRA\nC\xf4te d'Ivoire\n");
    BOOST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].line == 2U);
    BOOST_TEST(problems[0].column == 2U);
    BOOST_TEST(problems[0].message.find("invalid UTF-8") != std::string::npos);
    problems = problems_of("FRA\n" + std::string(50'000'000, 'x') + "\n");
    BOOST_REQUIRE(problems.size() == 1U);
    BOOST_TEST(problems[0].line == 2U);
    BOOST_TEST(problems[0].message.size() < 200U);
}

BOOST_AUTO_TEST_SUITE_END()
