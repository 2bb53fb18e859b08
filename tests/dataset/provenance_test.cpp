// Every fact is sourced: each entity and relation cites at least one source, and every line
// locator into the structure document lies within its 103 lines.

#include <boost/test/unit_test.hpp>

#include <charconv>
#include <string>
#include <string_view>

#include "dataset_facts.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/diagnostics.hpp"

using namespace dataset_test;

namespace {

// "N" or "N-M" with first <= N <= M <= last.
bool line_locator_within(std::string_view locator, int first, int last) {
    auto number = [](std::string_view text, int& value) {
        if (text.empty()) return false;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        return error == std::errc{} && end == text.data() + text.size();
    };
    int from = 0;
    int to = 0;
    const auto dash = locator.find('-');
    if (dash == std::string_view::npos) {
        if (!number(locator, from)) return false;
        to = from;
    } else if (!number(locator.substr(0, dash), from) || !number(locator.substr(dash + 1), to)) {
        return false;
    }
    return first <= from && from <= to && to <= last;
}

// Checks every citation of `source` in the graph against the line range; returns how many.
std::size_t check_line_citations(const orgraph::Graph& g, std::string_view source, int first, int last) {
    std::size_t checked = 0;
    auto check = [&](const orgraph::Citations& cited, std::string_view what) {
        for (const auto& c : cited) {
            if (g.sources[c.source].id != source) continue;
            ++checked;
            BOOST_TEST(line_locator_within(c.locator, first, last), what << " cites " << source << ":" << c.locator);
        }
    };
    for (const auto& e : g.entities()) check(e.citations, e.id);
    for (const auto& r : g.relations())
        check(r.citations, std::string(g.entity(r.from).id) + " " + g.schema.relation_kind(r.kind).id + " " +
                               std::string(g.entity(r.to).id));
    return checked;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(provenance)

BOOST_AUTO_TEST_CASE(the_locator_check_itself) {
    BOOST_TEST(line_locator_within("1", 1, 103));
    BOOST_TEST(line_locator_within("103", 1, 103));
    BOOST_TEST(line_locator_within("92-93", 1, 103));
    BOOST_TEST(!line_locator_within("0", 1, 103));
    BOOST_TEST(!line_locator_within("104", 1, 103));
    BOOST_TEST(!line_locator_within("100-104", 1, 103));
    BOOST_TEST(!line_locator_within("9-5", 1, 103));
    BOOST_TEST(!line_locator_within("", 1, 103));
    BOOST_TEST(!line_locator_within("12,14", 1, 103));
    BOOST_TEST(!line_locator_within("line 5", 1, 103));
}

BOOST_AUTO_TEST_CASE(built_in_dataset_loads_without_diagnostics) {
    try {
        const auto graph = orgraph::load(orgraph::builtin_layers());
        BOOST_TEST(graph.entities().size() > 0u);
    } catch (const orgraph::dataset_error& error) {
        BOOST_TEST(error.diagnostics.empty());
        for (const auto& d : error.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
        BOOST_FAIL("the built-in dataset has " << error.diagnostics.size() << " problems");
    }
}

BOOST_AUTO_TEST_CASE(with_the_missions_overlay_loads_without_diagnostics) {
    try {
        auto layers = orgraph::builtin_layers();
        layers.push_back(orgraph::read_layer_or_overlay("dprk-missions"));
        const auto graph = orgraph::load(layers);
        BOOST_TEST(graph.layers.size() == 4u);
    } catch (const orgraph::dataset_error& error) {
        for (const auto& d : error.diagnostics) BOOST_TEST_MESSAGE(d.to_string());
        BOOST_FAIL("the built-in dataset with dprk-missions has " << error.diagnostics.size() << " problems");
    }
}

BOOST_AUTO_TEST_CASE(every_entity_and_relation_is_cited) {
    for (const auto* g : {&builtin(), &with_missions()}) {
        for (const auto& e : g->entities()) BOOST_TEST(!e.citations.empty(), e.id);
        for (const auto& r : g->relations())
            BOOST_TEST(!r.citations.empty(),
                       g->entity(r.from).id << " " << g->schema.relation_kind(r.kind).id << " " << g->entity(r.to).id);
    }
}

BOOST_AUTO_TEST_CASE(structure_document_lines_lie_within_1_to_103) {
    const auto& g = builtin();
    BOOST_TEST(check_line_citations(g, "mfa-structure", 1, 103) > 600u);
    // The missions table has a header line and 59 rows.
    BOOST_TEST(check_line_citations(with_missions(), "dprk-missions-table", 2, 60) >= 59u);
}

BOOST_AUTO_TEST_CASE(the_ministry_layer_cites_the_document_throughout) {
    const auto& g = builtin();
    std::size_t ministry_entities = 0;
    for (const auto& e : g.entities()) {
        if (!cites_source(g, e.citations, "mfa-structure")) continue;
        ++ministry_entities;
        // Its relations cite the document too, never only a world source.
        for (auto r : g.out_relations(*g.find(e.id)))
            BOOST_TEST(cites_source(g, g.relation(r).citations, "mfa-structure"),
                       e.id << " " << g.kind_of_relation(r).id << " " << g.entity(g.relation(r).to).id);
    }
    BOOST_TEST(ministry_entities == 121u);
    // The world layer cites its own sources, without locators.
    for (const auto& e : g.entities()) {
        if (g.kind_of(*g.find(e.id)).id != "country") continue;
        BOOST_TEST(citations(g, e.citations).count("iso-3166-1") == 1u, e.id);
        BOOST_TEST(!cites_source(g, e.citations, "mfa-structure"), e.id);
    }
}

BOOST_AUTO_TEST_CASE(list_elements_cite_their_own_line) {
    const auto& g = builtin();
    // department -> the lines its country list stands on
    const std::vector<std::pair<std::string, std::set<std::string>>> lists = {
        {"aad1", {"mfa-structure:5"}},  {"aad2", {"mfa-structure:7"}},
        {"ead1", {"mfa-structure:10"}}, {"ead2", {"mfa-structure:12"}},
        {"nad", {"mfa-structure:15"}},  {"aalad", {"mfa-structure:17", "mfa-structure:18", "mfa-structure:19"}}};
    for (const auto& [department, lines] : lists) {
        for (const auto& r : out_of(g, department, "covers")) {
            if (g.kind_of(r.to).id != "country") continue;
            const auto cited = citations(g, r.citations);
            BOOST_TEST_CONTEXT(department << " covers " << g.entity(r.to).id) {
                BOOST_TEST_REQUIRE(cited.size() == 1u);
                BOOST_TEST(lines.count(*cited.begin()) == 1u);
            }
        }
    }
    // The African list is line 17, the Arab list line 18, the Latin American list line 19.
    for (const auto& [country, line] : std::vector<std::pair<std::string, std::string>>{{"MLI", "mfa-structure:17"},
                                                                                        {"ESH", "mfa-structure:18"},
                                                                                        {"PRI", "mfa-structure:19"},
                                                                                        {"SSD", "mfa-structure:18"},
                                                                                        {"STP", "mfa-structure:17"}}) {
        for (const auto& r : into(g, country, "covers"))
            BOOST_TEST(citations(g, r.citations) == std::set<std::string>{line}, country);
    }
}

BOOST_AUTO_TEST_SUITE_END()
