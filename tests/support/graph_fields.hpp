#pragma once
// Compares graphs field by field: an entity or relation of a frozen graph (a view) with the
// record it was frozen from, or with the same one in another frozen graph; schemas, sources and
// layers member by member. Every field is its own check, so that a failure names the field.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "orgraph/model/graph.hpp"
#include "orgraph/model/graph_builder.hpp"

namespace orgraph::test {

// A date written out with every part, "none" for no date.
inline std::string date_text(const std::optional<Date>& date) {
    return date ? fmt::format("{}-{}-{}", date->year, date->month, date->day) : std::string("none");
}

template <typename Strings>
std::vector<std::string> strings_of(const Strings& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.emplace_back(s);
    return out;
}

template <typename Attributes>
std::vector<std::string> keys_of(const Attributes& attributes) {
    std::vector<std::string> out;
    for (const auto& a : attributes) out.emplace_back(a.key);
    return out;
}

template <typename Attributes>
std::vector<std::string> values_of(const Attributes& attributes) {
    std::vector<std::string> out;
    for (const auto& a : attributes) out.emplace_back(a.value);
    return out;
}

template <typename Citations>
std::vector<SourceIndex> sources_of(const Citations& citations) {
    std::vector<SourceIndex> out;
    for (const auto& c : citations) out.push_back(c.source);
    return out;
}

template <typename Citations>
std::vector<std::string> locators_of(const Citations& citations) {
    std::vector<std::string> out;
    for (const auto& c : citations) out.emplace_back(c.locator);
    return out;
}

template <typename Indices>
std::vector<RelationIndex> indices_of(const Indices& indices) {
    return {indices.begin(), indices.end()};
}

// `actual` has every field of `expected` (each a view or a record).
template <typename Actual, typename Expected>
void check_same_entity(const Actual& actual, const Expected& expected) {
    BOOST_TEST(actual.id == expected.id);
    BOOST_TEST(actual.kind == expected.kind);
    BOOST_TEST(actual.name == expected.name);
    BOOST_TEST(actual.short_name == expected.short_name);
    BOOST_TEST(strings_of(actual.aliases) == strings_of(expected.aliases), boost::test_tools::per_element());
    BOOST_TEST(keys_of(actual.attributes) == keys_of(expected.attributes), boost::test_tools::per_element());
    BOOST_TEST(values_of(actual.attributes) == values_of(expected.attributes), boost::test_tools::per_element());
    BOOST_TEST(sources_of(actual.citations) == sources_of(expected.citations), boost::test_tools::per_element());
    BOOST_TEST(locators_of(actual.citations) == locators_of(expected.citations), boost::test_tools::per_element());
    BOOST_TEST(date_text(actual.validity.from) == date_text(expected.validity.from));
    BOOST_TEST(date_text(actual.validity.to) == date_text(expected.validity.to));
}

template <typename Actual, typename Expected>
void check_same_relation(const Actual& actual, const Expected& expected) {
    BOOST_TEST(actual.kind == expected.kind);
    BOOST_TEST(actual.from == expected.from);
    BOOST_TEST(actual.to == expected.to);
    BOOST_TEST(keys_of(actual.attributes) == keys_of(expected.attributes), boost::test_tools::per_element());
    BOOST_TEST(values_of(actual.attributes) == values_of(expected.attributes), boost::test_tools::per_element());
    BOOST_TEST(sources_of(actual.citations) == sources_of(expected.citations), boost::test_tools::per_element());
    BOOST_TEST(locators_of(actual.citations) == locators_of(expected.citations), boost::test_tools::per_element());
    BOOST_TEST(date_text(actual.validity.from) == date_text(expected.validity.from));
    BOOST_TEST(date_text(actual.validity.to) == date_text(expected.validity.to));
    BOOST_TEST(actual.derived == expected.derived);
}

// The rule and facts behind relation `r`, read from a frozen graph or from a builder.
inline std::string rule_of(const Graph& g, RelationIndex r) {
    return std::string(g.relation(r).rule);
}
inline std::string rule_of(const GraphBuilder& g, RelationIndex r) {
    const auto how = g.derivation(r);
    return how ? std::string(how->rule) : std::string();
}
inline std::vector<RelationIndex> facts_of(const Graph& g, RelationIndex r) {
    return indices_of(g.relation(r).derived_from);
}
inline std::vector<RelationIndex> facts_of(const GraphBuilder& g, RelationIndex r) {
    const auto how = g.derivation(r);
    return how ? std::vector<RelationIndex>(how->facts.begin(), how->facts.end()) : std::vector<RelationIndex>();
}

// Relation `r` with its attributes and citations, from a frozen graph (a view) or from a
// builder (which keeps those apart from its records).
inline auto relation_of(const Graph& g, RelationIndex r) {
    return g.relation(r);
}
inline RelationData relation_of(const GraphBuilder& g, RelationIndex r) {
    return g.relation_data(r);
}

// Every entity and relation of `actual`, in order, has the fields of the one at its index in
// `expected` (each a Graph or a GraphBuilder).
template <typename Actual, typename Expected>
void check_same_records(const Actual& actual, const Expected& expected) {
    BOOST_TEST_REQUIRE(actual.entities().size() == expected.entities().size());
    BOOST_TEST_REQUIRE(actual.relations().size() == expected.relations().size());
    for (EntityIndex e = 0; e < actual.entities().size(); ++e) {
        BOOST_TEST_CONTEXT("entity " << e << " (" << expected.entity(e).id << ")") {
            check_same_entity(actual.entity(e), expected.entity(e));
        }
    }
    for (RelationIndex r = 0; r < actual.relations().size(); ++r) {
        BOOST_TEST_CONTEXT("relation " << r) {
            check_same_relation(relation_of(actual, r), relation_of(expected, r));
            BOOST_TEST(rule_of(actual, r) == rule_of(expected, r));
            BOOST_TEST(facts_of(actual, r) == facts_of(expected, r), boost::test_tools::per_element());
        }
    }
}

inline void check_same_schema(const Schema& actual, const Schema& expected) {
    BOOST_TEST_REQUIRE(actual.entity_kinds().size() == expected.entity_kinds().size());
    for (std::size_t i = 0; i < actual.entity_kinds().size(); ++i) {
        const auto& a = actual.entity_kinds()[i];
        const auto& b = expected.entity_kinds()[i];
        BOOST_TEST_CONTEXT("entity kind " << b.id) {
            BOOST_TEST(a.id == b.id);
            BOOST_TEST(a.label == b.label);
            BOOST_TEST(a.plural == b.plural);
            BOOST_TEST(a.description == b.description);
            BOOST_TEST(a.parent.has_value() == b.parent.has_value());
            if (a.parent && b.parent) BOOST_TEST(*a.parent == *b.parent);
            BOOST_TEST(a.attributes == b.attributes, boost::test_tools::per_element());
            BOOST_TEST(a.summary == b.summary);
            BOOST_TEST(a.context == b.context);
            BOOST_TEST_REQUIRE(a.values.size() == b.values.size());
            for (std::size_t v = 0; v < a.values.size(); ++v) {
                BOOST_TEST(a.values[v].first == b.values[v].first);
                BOOST_TEST(a.values[v].second == b.values[v].second, boost::test_tools::per_element());
            }
            BOOST_TEST(*actual.entity_kind(b.id) == *expected.entity_kind(b.id));
        }
    }
    BOOST_TEST_REQUIRE(actual.relation_kinds().size() == expected.relation_kinds().size());
    for (std::size_t i = 0; i < actual.relation_kinds().size(); ++i) {
        const auto& a = actual.relation_kinds()[i];
        const auto& b = expected.relation_kinds()[i];
        BOOST_TEST_CONTEXT("relation kind " << b.id) {
            BOOST_TEST(a.id == b.id);
            BOOST_TEST(a.label == b.label);
            BOOST_TEST(a.inverse == b.inverse);
            BOOST_TEST(a.description == b.description);
            BOOST_TEST(a.from == b.from, boost::test_tools::per_element());
            BOOST_TEST(a.to == b.to, boost::test_tools::per_element());
            BOOST_TEST(a.backward == b.backward);
            BOOST_TEST(a.attributes == b.attributes, boost::test_tools::per_element());
            BOOST_TEST(*actual.relation_kind(b.id) == *expected.relation_kind(b.id));
        }
    }
    BOOST_TEST_REQUIRE(actual.rules().size() == expected.rules().size());
    for (std::size_t i = 0; i < actual.rules().size(); ++i) {
        const auto& a = actual.rules()[i];
        const auto& b = expected.rules()[i];
        BOOST_TEST_CONTEXT("rule " << b.id) {
            BOOST_TEST(a.id == b.id);
            BOOST_TEST(a.derive == b.derive);
            BOOST_TEST(a.compose == b.compose, boost::test_tools::per_element());
            BOOST_TEST(a.transitive == b.transitive);
            BOOST_TEST(a.inverse_of == b.inverse_of);
            BOOST_TEST(a.only_if == b.only_if, boost::test_tools::per_element());
            BOOST_TEST(a.description == b.description);
            BOOST_TEST(a.file == b.file);
            BOOST_TEST(a.line == b.line);
            BOOST_TEST(a.column == b.column);
        }
    }
}

inline void check_same_sources(const std::vector<Source>& actual, const std::vector<Source>& expected) {
    BOOST_TEST_REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        BOOST_TEST_CONTEXT("source " << expected[i].id) {
            BOOST_TEST(actual[i].id == expected[i].id);
            BOOST_TEST(actual[i].title == expected[i].title);
            BOOST_TEST(actual[i].publisher == expected[i].publisher);
            BOOST_TEST(actual[i].url == expected[i].url);
            BOOST_TEST(actual[i].date == expected[i].date);
            BOOST_TEST(actual[i].note == expected[i].note);
            BOOST_TEST(actual[i].layer == expected[i].layer);
        }
    }
}

inline void check_same_layers(const std::vector<Layer>& actual, const std::vector<Layer>& expected) {
    BOOST_TEST_REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        BOOST_TEST_CONTEXT("layer " << expected[i].id) {
            BOOST_TEST(actual[i].id == expected[i].id);
            BOOST_TEST(actual[i].title == expected[i].title);
            BOOST_TEST(actual[i].description == expected[i].description);
            BOOST_TEST(actual[i].files == expected[i].files, boost::test_tools::per_element());
        }
    }
}

}  // namespace orgraph::test
