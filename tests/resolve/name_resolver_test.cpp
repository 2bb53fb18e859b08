#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "test_schema.hpp"

using namespace orgraph;

namespace {

void add(GraphBuilder& facts, std::string id, KindIndex kind, std::string name, std::string short_name,
         std::vector<std::string> aliases) {
    EntityData e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = std::move(name);
    e.short_name = std::move(short_name);
    e.aliases = std::move(aliases);
    facts.add_entity(std::move(e));
}

GraphBuilder directory_facts() {
    GraphBuilder facts;
    facts.schema.add_entity_kind(test::entity_kind("office"));
    facts.schema.add_entity_kind(test::entity_kind("country"));
    add(facts, "mca", 0, "Ministry of Coastal Affairs", "MCA", {"Coastal Ministry"});
    add(facts, "north-office", 0, "Northern Office", "", {"Coastal Office", "First Office"});
    add(facts, "south-office", 0, "Southern Office", "", {"Coastal Office"});
    add(facts, "archive", 0, "Archive Office", "AO", {"Records Office"});
    add(facts, "CIV", 1, "Côte d’Ivoire", "", {"Ivory Coast"});
    add(facts, "GMB", 1, "The Gambia", "", {});
    add(facts, "MLT", 1, "Malta", "", {});
    add(facts, "MLI", 1, "Mali", "", {});
    add(facts, "NOR", 1, "Norway", "", {});
    return facts;
}

// The directory frozen without a name index: the resolver makes one of its own.
struct Directory {
    Graph graph = freeze(directory_facts());

    [[nodiscard]] std::vector<std::string> ids(const std::vector<EntityIndex>& entities) const {
        std::vector<std::string> out;
        for (auto e : entities) out.emplace_back(graph.entity(e).id);
        return out;
    }

    [[nodiscard]] std::vector<std::string> found(std::string_view text, std::size_t limit = 10) const {
        const NameResolver resolver(graph);
        std::vector<std::string> out;
        for (const auto& m : resolver.find(text, limit)) out.emplace_back(graph.entity(m.entity).id);
        return out;
    }

    [[nodiscard]] std::string resolve_one_id(std::string_view text) const {
        const NameResolver resolver(graph);
        return std::string(graph.entity(resolve_one(graph, resolver, text)).id);
    }
};

// What a resolver answers for a text, written out so that two resolvers can be compared.
std::vector<std::string> answers(const Graph& graph, const NameResolver& resolver, std::string_view text) {
    std::vector<std::string> out;
    const auto resolution = resolver.resolve(text);
    for (auto e : resolution.entities) out.push_back("entity " + std::string(graph.entity_id(e)));
    for (const auto& m : resolution.suggestions)
        out.push_back("suggestion " + std::string(graph.entity_id(m.entity)) + " " + m.matched);
    for (const auto& m : resolver.find(text, 10))
        out.push_back("found " + std::string(graph.entity_id(m.entity)) + " " + m.matched + " " +
                      std::to_string(static_cast<int>(m.quality)) + " " + std::to_string(m.distance) + " " +
                      std::to_string(m.length));
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(resolver, Directory)

BOOST_AUTO_TEST_CASE(an_exact_id_resolves_to_its_entity) {
    const NameResolver resolver(graph);
    BOOST_TEST(ids(resolver.resolve("north-office").entities) == Ids{"north-office"}, boost::test_tools::per_element());
    BOOST_TEST(ids(resolver.resolve("MLT").entities) == Ids{"MLT"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_id_in_another_case_resolves_too) {
    const NameResolver resolver(graph);
    BOOST_TEST(ids(resolver.resolve("mlt").entities) == Ids{"MLT"}, boost::test_tools::per_element());
    BOOST_TEST(ids(resolver.resolve("North-Office").entities) == Ids{"north-office"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_name_resolves_whatever_its_case_diacritics_and_punctuation) {
    BOOST_TEST(resolve_one_id("Northern Office") == "north-office");
    BOOST_TEST(resolve_one_id("northern   office") == "north-office");
    BOOST_TEST(resolve_one_id("COTE D'IVOIRE") == "CIV");
    BOOST_TEST(resolve_one_id("côte d’ivoire") == "CIV");
    BOOST_TEST(resolve_one_id("Gambia") == "GMB");
    BOOST_TEST(resolve_one_id("the gambia") == "GMB");
}

BOOST_AUTO_TEST_CASE(an_acronym_or_an_alias_resolves_to_its_entity) {
    BOOST_TEST(resolve_one_id("ao") == "archive");
    BOOST_TEST(resolve_one_id("Records Office") == "archive");
    BOOST_TEST(resolve_one_id("ivory coast") == "CIV");
    BOOST_TEST(resolve_one_id("First Office") == "north-office");
}

BOOST_AUTO_TEST_CASE(an_id_wins_over_a_name_that_folds_alike) {
    // "mca" is the ministry's id and, folded, its acronym: one entity either way.
    BOOST_TEST(resolve_one_id("mca") == "mca");
    BOOST_TEST(resolve_one_id("MCA") == "mca");
}

BOOST_AUTO_TEST_CASE(a_name_shared_by_several_entities_is_ambiguous_and_lists_them) {
    const NameResolver resolver(graph);
    const auto resolution = resolver.resolve("coastal office");
    BOOST_TEST(ids(resolution.entities) == (Ids{"north-office", "south-office"}), boost::test_tools::per_element());
    try {
        (void)resolve_one(graph, resolver, "coastal office");
        BOOST_FAIL("an ambiguous name resolved");
    } catch (const resolution_error& e) {
        BOOST_TEST(e.candidates ==
                       (Ids{"Northern Office (office, id north-office)", "Southern Office (office, id south-office)"}),
                   boost::test_tools::per_element());
        const std::string message = e.what();
        BOOST_TEST(message.find("'coastal office' is ambiguous; it names 2 entities") == 0u);
        BOOST_TEST(message.find("\n  Northern Office (office, id north-office)") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_miss_suggests_the_closest_names) {
    const NameResolver resolver(graph);
    const auto resolution = resolver.resolve("Nothern Ofice");
    BOOST_TEST(resolution.entities.empty());
    BOOST_REQUIRE(!resolution.suggestions.empty());
    BOOST_TEST(graph.entity(resolution.suggestions.front().entity).id == "north-office");
    try {
        (void)resolve_one(graph, resolver, "Nothern Ofice");
        BOOST_FAIL("a misspelt name resolved");
    } catch (const resolution_error& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find("no entity is called 'Nothern Ofice'; did you mean:") == 0u);
        BOOST_TEST(message.find("Northern Office (office, id north-office)") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(a_miss_with_nothing_close_says_so_without_suggestions) {
    const NameResolver resolver(graph);
    try {
        (void)resolve_one(graph, resolver, "zzzzzzzzzz");
        BOOST_FAIL("nonsense resolved");
    } catch (const resolution_error& e) {
        BOOST_TEST(std::string(e.what()) == "no entity is called 'zzzzzzzzzz'");
        BOOST_TEST(e.candidates.empty());
    }
}

BOOST_AUTO_TEST_CASE(find_ranks_id_then_exact_prefix_words_substring_and_similar) {
    const NameResolver resolver(graph);
    const auto matches = resolver.find("office", 10);
    // No name is "office"; every office's name has it as a word.
    for (const auto& m : matches) BOOST_TEST((m.quality == MatchQuality::words));
    // Of equal matches, the shorter name first: "First Office" (an alias of the Northern Office),
    // then "Archive Office" and "Coastal Office" (equally long: by name).
    BOOST_TEST(found("office") == (Ids{"north-office", "archive", "south-office"}), boost::test_tools::per_element());
    BOOST_TEST(found("mal") == (Ids{"MLI", "MLT"}), boost::test_tools::per_element());
    BOOST_TEST(found("Malta").front() == "MLT");
    BOOST_TEST(found("MLT").front() == "MLT");
}

BOOST_AUTO_TEST_CASE(find_orders_each_quality_before_the_next) {
    const NameResolver resolver(graph);
    // "malt" starts "Malta" and is one edit away from "Mali".
    const auto matches = resolver.find("malt", 10);
    BOOST_REQUIRE(matches.size() == 2u);
    BOOST_TEST(graph.entity(matches[0].entity).id == "MLT");
    BOOST_TEST((matches[0].quality == MatchQuality::prefix));
    BOOST_TEST(graph.entity(matches[1].entity).id == "MLI");
    BOOST_TEST((matches[1].quality == MatchQuality::similar));
    BOOST_TEST(matches[1].distance == 1u);
}

BOOST_AUTO_TEST_CASE(find_reports_the_name_that_matched_as_written) {
    const NameResolver resolver(graph);
    const auto matches = resolver.find("ivory", 5);
    BOOST_REQUIRE(matches.size() == 1u);
    BOOST_TEST(matches[0].matched == "Ivory Coast");
    BOOST_TEST((matches[0].quality == MatchQuality::prefix));
}

BOOST_AUTO_TEST_CASE(find_matches_inside_names_and_respects_the_limit) {
    const NameResolver resolver(graph);
    const auto inside = resolver.find("rway", 5);
    BOOST_REQUIRE(inside.size() == 1u);
    BOOST_TEST((inside[0].quality == MatchQuality::substring));
    BOOST_TEST(found("office", 2) == (Ids{"north-office", "archive"}), boost::test_tools::per_element());
    BOOST_TEST(found("").empty());
}

BOOST_AUTO_TEST_CASE(find_gives_each_entity_once_with_its_best_match) {
    const NameResolver resolver(graph);
    const auto matches = resolver.find("coastal", 10);
    // The ministry's alias "Coastal Ministry" and the offices' alias "Coastal Office" start with
    // it; "coastal" covers more of the offices' alias, so they come first.
    BOOST_TEST(found("coastal") == (Ids{"north-office", "south-office", "mca"}), boost::test_tools::per_element());
    for (const auto& m : matches) BOOST_TEST((m.quality == MatchQuality::prefix));
}

BOOST_AUTO_TEST_CASE(find_keeps_for_each_entity_the_closest_of_its_equal_matches) {
    const NameResolver resolver(graph);
    // "Northern Office" and its alias "First Office" both have "office" as a word; the alias,
    // shorter, is the closer match and is the one reported.
    const auto matches = resolver.find("office", 1);
    BOOST_REQUIRE(matches.size() == 1u);
    BOOST_TEST(matches[0].matched == "First Office");
    BOOST_TEST(matches[0].length == std::string("first office").size());
}

BOOST_AUTO_TEST_CASE(a_graph_frozen_with_a_name_index_resolves_alike) {
    const auto indexed = freeze(directory_facts(), FreezeOptions{.name_index = true});
    BOOST_TEST(!graph.has_name_index());
    BOOST_TEST(indexed.has_name_index());
    const NameResolver own(graph);
    const NameResolver kept(indexed);
    for (const char* text : {"north-office",
                             "MLT",
                             "mlt",
                             "North-Office",
                             "Northern Office",
                             "northern   office",
                             "COTE D'IVOIRE",
                             "côte d’ivoire",
                             "Gambia",
                             "the gambia",
                             "ao",
                             "Records Office",
                             "ivory coast",
                             "First Office",
                             "mca",
                             "MCA",
                             "coastal office",
                             "Nothern Ofice",
                             "zzzzzzzzzz",
                             "office",
                             "mal",
                             "Malta",
                             "malt",
                             "ivory",
                             "rway",
                             "coastal",
                             ""}) {
        BOOST_TEST_CONTEXT(text) {
            BOOST_TEST(answers(indexed, kept, text) == answers(graph, own, text), boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
