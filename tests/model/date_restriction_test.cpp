// Answers for one date from a frozen graph: leaving out what did not hold (restrict_to_date on a
// Graph, no string copied, nothing derived again) must give exactly the graph that restricting
// the facts and deriving anew gives, entity for entity, relation for relation, in the same order,
// with the same adjacency and name index. Checked on the built-in data with the missions overlay
// at every date where something begins or ends (and the days around it), and on small datasets
// made so that leaving out would not be exact: there restrict_to_date must decline, and
// prepare_graph derive again.

#include <boost/test/unit_test.hpp>

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "graph_fields.hpp"
#include "orgraph/analysis/derive.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/builtin/builtin.hpp"
#include "orgraph/load/dataset_loader.hpp"
#include "orgraph/model/as_of.hpp"
#include "orgraph/model/graph.hpp"

using namespace orgraph;
using test::check_same_records;

namespace {

// The facts prepared for every date, derived, with a name index, as a snapshot holds them.
Graph all_dates(GraphBuilder facts) {
    PrepareOptions options;
    options.name_index = true;
    return prepare_graph(std::move(facts), options);
}

PrepareOptions for_date(const Date& date, bool present) {
    PrepareOptions options;
    options.as_of = date;
    options.present = present;
    options.name_index = true;
    return options;
}

// The reference: the graph's facts restricted to the date, then derived.
Graph derived_anew(const Graph& graph, const Date& date, bool present) {
    return prepare_graph(thaw(graph), for_date(date, present));
}

std::vector<std::string> adjacency_of(const Graph& g) {
    std::vector<std::string> out;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        std::string line(g.entity_id(e));
        for (const auto& a : g.out_edges(e)) line += " >" + std::to_string(a.relation) + ":" + std::to_string(a.other);
        for (const auto& a : g.in_edges(e)) line += " <" + std::to_string(a.relation) + ":" + std::to_string(a.other);
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> names_of(const Graph& g) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < g.name_key_count(); ++i) {
        const auto k = g.name_key(i);
        out.push_back(std::string(k.folded) + " " + std::to_string(k.entity) + " " + std::to_string(k.written));
    }
    return out;
}

void check_same_graph(const Graph& actual, const Graph& expected) {
    check_same_records(actual, expected);
    BOOST_TEST(adjacency_of(actual) == adjacency_of(expected), boost::test_tools::per_element());
    BOOST_TEST(names_of(actual) == names_of(expected), boost::test_tools::per_element());
    for (EntityIndex e = 0; e < expected.entity_count(); ++e) {
        BOOST_TEST(actual.id_rank(e) == expected.id_rank(e));
        const auto found = actual.find(expected.entity_id(e));
        BOOST_TEST_REQUIRE(found.has_value());
        BOOST_TEST(*found == e);
    }
    BOOST_TEST(actual.rules_applied == expected.rules_applied);
}

Graph small(const std::string& data) {
    const std::string text = R"toml(
[[entity_kind]]
id = "place"
[[relation_kind]]
id = "in"
from = ["place"]
to = ["place"]
[[rule]]
id = "in-transitive"
derive = "in"
transitive = "in"
[[source]]
id = "s"
title = "Test"
)toml" + data;
    LayerInput layer{"test", {{"test.toml", text, FileFormat::toml}}};
    return all_dates(load({layer}));
}

std::string place(const std::string& id, const std::string& more = "") {
    return "[[entity]]\nid = \"" + id + "\"\nkind = \"place\"\nname = \"Place " + id + "\"\nsource = \"s\"\n" + more +
           "\n";
}

// An independent reference for the in-place restriction: the facts that held, copied into a
// new builder one by one.
GraphBuilder copied_restriction(const GraphBuilder& graph, const Date& date, bool present) {
    GraphBuilder result;
    result.schema = graph.schema;
    for (const auto& source : graph.sources) result.add_source(source);
    result.layers = graph.layers;
    constexpr auto dropped = std::numeric_limits<EntityIndex>::max();
    std::vector<EntityIndex> renumbered(graph.entities().size(), dropped);
    std::size_t kept_relations = 0;
    for (const auto& r : graph.relations()) kept_relations += r.validity.holds_on(date, present) ? 1 : 0;
    result.reserve(graph.entities().size(), kept_relations);
    for (EntityIndex e = 0; e < graph.entities().size(); ++e)
        if (graph.entity(e).validity.holds_on(date, present)) renumbered[e] = result.add_entity(graph.entity_data(e));
    std::vector<RelationIndex> relation_renumbered(graph.relations().size(), std::numeric_limits<RelationIndex>::max());
    for (RelationIndex r = 0; r < graph.relations().size(); ++r) {
        const auto& relation = graph.relation(r);
        if (!relation.validity.holds_on(date, present)) continue;
        if (renumbered[relation.from] == dropped || renumbered[relation.to] == dropped) continue;
        auto copy = graph.relation_data(r);
        copy.from = renumbered[relation.from];
        copy.to = renumbered[relation.to];
        const auto derivation = graph.derivation(r);
        if (!derivation) {
            relation_renumbered[r] = result.add_relation(std::move(copy));
            continue;
        }
        // Derived relations point at the facts they came from; keep only those still present.
        DerivationData kept{std::string(derivation->rule), {}};
        for (auto f : derivation->facts)
            if (relation_renumbered[f] != std::numeric_limits<RelationIndex>::max())
                kept.facts.push_back(relation_renumbered[f]);
        relation_renumbered[r] = result.add_derived_relation(std::move(copy), kept);
    }
    return result;
}

Date year(int y) {
    return *Date::parse(std::to_string(y));
}

Date day_before(const Date& d) {
    if (d.day > 1) return Date{d.year, d.month, d.day - 1};
    if (d.month > 1) return Date{d.year, d.month - 1, 0}.last_day();
    return Date{d.year - 1, 12, 31};
}

// Which entities and relations hold on the day, in order.
std::vector<bool> holding_on(const Graph& graph, const Date& day, bool present) {
    std::vector<bool> out;
    for (EntityIndex e = 0; e < graph.entity_count(); ++e)
        out.push_back(graph.entity_validity(e).holds_on(day, present));
    for (RelationIndex r = 0; r < graph.relation_count(); ++r)
        out.push_back(graph.relation_validity(r).holds_on(day, present));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(leaving_out_gives_what_deriving_anew_gives_on_the_builtin_data) {
    auto layers = builtin_layers();
    layers.push_back(read_layer_or_overlay("dprk-missions"));
    const auto graph = all_dates(load(layers));
    BOOST_TEST(graph.disjoint_chains == 0U);

    // Every date where something begins or ends, the day before and the day after.
    std::set<std::string> dates{"1950", "2000-06-15", "2026-12-01"};
    auto add = [&](const std::optional<Date>& d) {
        if (!d || d->is_unknown()) return;
        dates.insert(d->to_string());
        if (d->day > 1) dates.insert(Date{d->year, d->month, static_cast<std::int8_t>(d->day - 1)}.to_string());
        if (d->day != 0 && d->day < 28)
            dates.insert(Date{d->year, d->month, static_cast<std::int8_t>(d->day + 1)}.to_string());
        if (d->month == 0) dates.insert(std::to_string(d->year - 1));
    };
    for (const auto& e : graph.entities()) add(e.validity.from), add(e.validity.to);
    for (const auto& r : graph.relations()) add(r.validity.from), add(r.validity.to);
    BOOST_TEST_REQUIRE(dates.size() > 20U);

    std::size_t left_out = 0;
    for (const bool present : {false, true}) {
        for (const auto& text : dates) {
            const auto date = *Date::parse(text);
            BOOST_TEST_CONTEXT("date " << text << (present ? " (the present)" : "")) {
                const auto expected = derived_anew(graph, date, present);
                if (auto restricted = restrict_to_date(graph, date, present)) {
                    ++left_out;
                    check_same_graph(*restricted, expected);
                }
                check_same_graph(prepare_graph(graph, for_date(date, present)), expected);
            }
        }
    }
    // The built-in data's dates are those of entities (missions opening and closing) and of
    // relations no rule derives from, so leaving out is exact at every date.
    BOOST_TEST(left_out == 2 * dates.size());
}

// same_facts_around: on every day of the span the same facts hold as on the day asked about, and
// on the day before it and on the day it ends, not (a fact begins or ends there).
BOOST_AUTO_TEST_CASE(the_days_around_a_day_hold_the_same_facts) {
    auto layers = builtin_layers();
    layers.push_back(read_layer_or_overlay("dprk-missions"));
    const auto graph = all_dates(load(layers));
    std::set<std::string> days{"1950-01-01", "2000-06-15", "2026-12-01"};
    auto add = [&](const Validity& v) {
        for (const auto& d : {v.from, v.to})
            if (d && !d->is_unknown()) days.insert(d->first_day().to_string()), days.insert(d->last_day().to_string());
    };
    for (const auto& e : graph.entities()) add(e.validity);
    for (const auto& r : graph.relations()) add(r.validity);
    BOOST_TEST_REQUIRE(days.size() > 10U);
    std::size_t bounded = 0;
    for (const auto& text : days) {
        const auto day = *Date::parse(text);
        const auto span = same_facts_around(graph, day);
        BOOST_TEST_CONTEXT("day " << text << ", span " << span.from.to_string() << " to "
                                  << (span.until ? span.until->to_string() : "none")) {
            BOOST_TEST(!(day < span.from));
            BOOST_TEST((!span.until || day < *span.until));
            for (const bool present : {false, true}) {
                const auto held = holding_on(graph, day, present);
                BOOST_TEST((holding_on(graph, span.from, present) == held));
                if (span.until) {
                    BOOST_TEST((holding_on(graph, day_before(*span.until), present) == held));
                    ++bounded;
                }
                if (span.from.year > 0) BOOST_TEST((holding_on(graph, day_before(span.from), present) != held));
            }
            // A fact whose end is unknown changes nothing from day to day; at `until` one begins or ends.
            if (span.until) BOOST_TEST((holding_on(graph, *span.until, false) != holding_on(graph, day, false)));
        }
    }
    BOOST_TEST(bounded > 0U);
}

BOOST_AUTO_TEST_CASE(an_entity_that_did_not_exist_is_left_out_with_what_rests_on_it) {
    const auto graph = small(place("a") + place("b", "in = \"a\"") + place("c", "in = \"b\"") +
                             place("x", "valid_to = 2000\nin = \"b\""));
    auto restricted = restrict_to_date(graph, year(2010));
    BOOST_TEST_REQUIRE(restricted.has_value());
    BOOST_TEST(restricted->entity_count() == 3U);
    BOOST_TEST(!restricted->find("x").has_value());
    check_same_graph(*restricted, derived_anew(graph, year(2010), false));
    // Before 2000 nothing is left out: the same graph answers.
    auto before = restrict_to_date(graph, year(1999));
    BOOST_TEST_REQUIRE(before.has_value());
    BOOST_TEST(before->tables().relations.data() == graph.tables().relations.data());
}

BOOST_AUTO_TEST_CASE(a_derived_relation_resting_on_a_fact_that_did_not_hold_declines) {
    // c in a is derived through b; c in b held only until 2005, so in 2010 c and a both stand
    // but the derived relation does not: another chain might derive it, so derive again.
    const auto graph =
        small(place("a") + place("b", "in = \"a\"") + place("c", "in = [{ to = \"b\", valid_to = 2005 }]"));
    BOOST_TEST(!restrict_to_date(graph, year(2010)).has_value());
    const auto prepared = prepare_graph(graph, for_date(year(2010), false));
    BOOST_TEST(prepared.relation_count() == 1U);
    check_same_records(prepared, derived_anew(graph, year(2010), false));
    // In 2000 everything held: nothing is left out.
    BOOST_TEST(restrict_to_date(graph, year(2000)).has_value());
}

BOOST_AUTO_TEST_CASE(a_chain_that_never_held_together_declines_at_every_date) {
    // c in b until 1990, b in a from 2000: the first chain from c never holds, so nothing is
    // derived; a snapshot cannot tell which other chains that hid.
    const auto graph = small(place("a") + place("b", "in = [{ to = \"a\", valid_from = 2000 }]") +
                             place("c", "in = [{ to = \"b\", valid_to = 1990 }]"));
    BOOST_TEST(graph.disjoint_chains == 1U);
    for (const int y : {1980, 1995, 2010}) {
        BOOST_TEST(!restrict_to_date(graph, year(y)).has_value());
        check_same_records(prepare_graph(graph, for_date(year(y), false)), derived_anew(graph, year(y), false));
    }
}

BOOST_AUTO_TEST_CASE(a_stated_relation_of_a_derived_kind_that_ended_declines) {
    // c in a is stated until 2005, so the rule did not derive it; in 2010 it would.
    const auto graph =
        small(place("a") + place("b", "in = \"a\"") + place("c", "in = [\"b\", { to = \"a\", valid_to = 2005 }]"));
    BOOST_TEST(!restrict_to_date(graph, year(2010)).has_value());
    const auto prepared = prepare_graph(graph, for_date(year(2010), false));
    const auto expected = derived_anew(graph, year(2010), false);
    check_same_records(prepared, expected);
    bool derived = false;
    for (const auto& r : prepared.relations()) derived = derived || r.derived;
    BOOST_TEST(derived);
}

BOOST_AUTO_TEST_CASE(a_subgraph_refuses_marks_that_do_not_fit) {
    const auto graph = small(place("a") + place("b", "in = \"a\""));
    const std::vector<std::uint8_t> all_entities(graph.entity_count(), 1);
    const std::vector<std::uint8_t> no_a{0, 1};
    const std::vector<std::uint8_t> every_relation(graph.relation_count(), 1);
    BOOST_CHECK_THROW(subgraph(graph, no_a, every_relation), std::invalid_argument);
    BOOST_CHECK_THROW(subgraph(graph, std::vector<std::uint8_t>{1}, every_relation), std::invalid_argument);
    const auto same = subgraph(graph, all_entities, every_relation);
    check_same_graph(same, graph);
}

BOOST_AUTO_TEST_CASE(restricting_a_builder_in_place_gives_what_the_copy_gives) {
    auto layers = builtin_layers();
    layers.push_back(read_layer_or_overlay("dprk-missions"));
    // With its derived relations, so that facts left out leave the derivations that rest on them.
    auto derived = thaw(all_dates(load(layers)));
    derive_relations(derived);
    for (const bool present : {false, true}) {
        for (const auto* text : {"1990", "2021-06-30", "2024", "2026-12-01"}) {
            BOOST_TEST_CONTEXT("date " << text << (present ? " (the present)" : "")) {
                const auto date = *Date::parse(text);
                const auto copy = copied_restriction(derived, date, present);
                auto in_place = thaw(all_dates(load(layers)));
                derive_relations(in_place);
                restrict_to_date_in_place(in_place, date, present);
                BOOST_TEST(in_place.relations().size() < derived.relations().size());
                check_same_records(in_place, copy);
                for (EntityIndex e = 0; e < in_place.entities().size(); ++e)
                    BOOST_TEST((in_place.find(in_place.entity(e).id) == std::optional<EntityIndex>(e)));
                BOOST_TEST(!in_place.find("emb-mys-kuala-lumpur").has_value() == (std::string(text) >= "2024"));
            }
        }
    }
}
