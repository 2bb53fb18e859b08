// The HTML report (report/html_report.hpp) of the built-in dataset: escaping, list names, the
// sections and what they say, the same bytes twice (but for the chart). tests/scripts/report_browser.sh has a
// browser judge the page.

#include <boost/test/unit_test.hpp>

#include <string>

#include "builtin_graph.hpp"
#include "orgraph/report/html_report.hpp"

using namespace orgraph;

namespace {

const Graph& builtin() {
    static const Graph graph = test::load_builtin(false);
    return graph;
}

HtmlReportOptions options_for_today() {
    HtmlReportOptions options;
    options.coverage.today = Date::parse("2026-07-01");
    options.universe_description = "UN members and observers";
    return options;
}

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_report_page)

BOOST_AUTO_TEST_CASE(text_is_escaped_in_its_visible_form) {
    std::string out;
    append_html(out, "<script>\"a\" & 'b'</script>");
    BOOST_TEST(out == "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;");
    out.clear();
    append_html(out, "\x1b[31mRed\xe2\x80\xae", true);
    BOOST_TEST(out == "\\x1b[31mRed\\u202e");
}

BOOST_AUTO_TEST_CASE(list_names_are_the_gazetteers_short_names) {
    const auto& graph = builtin();
    const auto cod = *graph.find("COD");
    BOOST_TEST(graph.entity_name(cod) == "Congo, The Democratic Republic of the");
    BOOST_TEST(list_name(graph, cod) == "Democratic Republic of the Congo");
    BOOST_TEST(list_name(graph, *graph.find("PSE")) == "Palestine");
    BOOST_TEST(list_name(graph, *graph.find("MLT")) == "Malta");  // no list_name: the name
}

BOOST_AUTO_TEST_CASE(the_page_holds_every_section_and_the_same_bytes_twice) {
    const auto& graph = builtin();
    const auto options = options_for_today();
    const auto coverage = compute_coverage(graph, options.coverage);
    const auto page = html_report(graph, options, coverage);
    // The same bytes twice: the chart is left out of the comparison, for Graphviz laid out twice
    // in one process may order the clusters differently (two runs of the command give the same
    // bytes: tests/scripts/report_browser.sh).
    const auto again = html_report(graph, options, coverage).html;
    const auto after_chart = [](const std::string& html) { return html.substr(html.find("<section id=\"map\">")); };
    BOOST_TEST(after_chart(page.html) == after_chart(again));
    const auto& html = page.html;
    BOOST_TEST(html.starts_with("<!DOCTYPE html>"));
    for (const auto* id : {"chart", "map", "uncovered", "units", "associations", "index", "sources"})
        BOOST_TEST(count(html, std::string("<section id=\"") + id + "\"") == 1u, id);
    BOOST_TEST(count(html, "<svg") == 2u);
    BOOST_TEST(count(html, "<script>") == 1u);
    BOOST_TEST(count(html, "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';") == 1u);
    // No address outside the page in an attribute: the namespaces of the SVGs are left out.
    BOOST_TEST(count(html, "=\"http") == 0u);
    BOOST_TEST(count(html, "<title>Ministry of Foreign Affairs of the DPRK</title>") == 1u);
    // Malta: uncovered, a member of the EU that European Affairs Department 2 covers, with the
    // membership's source in its tooltip.
    BOOST_TEST(html.find("no regional department covers it; <span class=\"f\" tabindex=\"0\" title=\"Malta is a "
                         "member of European Union, from 2004-05-01 — sources: eu-countries\">member of European "
                         "Union since 2004-05-01</span>") != std::string::npos);
    // KORUA's route to the embassy in Moscow, in words, with its source.
    BOOST_TEST(html.find("Korea-Russia Association for Promotion of Exchange and Cooperation — <span class=\"f\" "
                         "tabindex=\"0\" title=\"Korea-Russia Association for Promotion of Exchange and Cooperation "
                         "can be contacted via DPRK Embassy in Moscow — sources: mfa-structure, line 90\">can be "
                         "contacted via</span> → DPRK Embassy in Moscow") != std::string::npos);
    // A list shows the short name; the index keeps the full one beside it.
    BOOST_TEST(html.find("<td>Democratic Republic of the Congo</td><td>country</td><td>COD</td><td>Congo, The "
                         "Democratic Republic of the</td>") != std::string::npos);
}

// The countries outside the universe (Puerto Rico, Western Sahara) and the organisations and
// bodies the departments cover (ASEAN, SAARC, the EU and three of its bodies) are two tables.
BOOST_AUTO_TEST_CASE(countries_outside_the_universe_are_apart_from_the_organisations) {
    const auto& graph = builtin();
    const auto options = options_for_today();
    const auto html = html_report(graph, options, compute_coverage(graph, options.coverage)).html;
    const auto countries = html.find("<h3>Countries covered outside the universe (2)</h3>");
    const auto others = html.find("<h3>Covered entries that are not countries (6)</h3>");
    BOOST_TEST_REQUIRE(countries != std::string::npos);
    BOOST_TEST_REQUIRE(others != std::string::npos);
    BOOST_TEST_REQUIRE(countries < others);
    const auto first = html.substr(countries, others - countries);
    const auto second = html.substr(others, html.find("</table>", others) - others);
    for (const auto* name : {"Puerto Rico", "Western Sahara"}) {
        BOOST_TEST(first.find(name) != std::string::npos, name);
        BOOST_TEST(second.find(name) == std::string::npos, name);
    }
    for (const auto* name :
         {"Association of Southeast Asian Nations", "South Asian Association for Regional Cooperation",
          "European Union", "European Commission", "European Council", "European External Action Service"}) {
        BOOST_TEST(first.find(name) == std::string::npos, name);
        BOOST_TEST(second.find(name) != std::string::npos, name);
    }
    BOOST_TEST(count(second, "<td>regional organisation</td>") == 3u);
    BOOST_TEST(count(second, "<td>organisation body</td>") == 3u);
    // Each department's summary counts them apart.
    BOOST_TEST(count(html, ", 4 entries that are not countries") == 1u);  // ead2
    BOOST_TEST(count(html, ", 2 entries that are not countries") == 1u);  // aad2
    BOOST_TEST(count(html, ", 2 outside the universe") == 1u);            // aalad
}

BOOST_AUTO_TEST_CASE(a_schema_without_associations_gives_a_page_that_says_so) {
    const auto& graph = builtin();
    auto options = options_for_today();
    options.association_kind = "guild";
    options.title = "A <b>title</b>";
    const auto page = html_report(graph, options, compute_coverage(graph, options.coverage));
    BOOST_TEST(page.html.find("The dataset has no entity kind &apos;guild&apos;.") != std::string::npos);
    BOOST_TEST(page.html.find("<title>A &lt;b&gt;title&lt;/b&gt;</title>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
