// The engine's diff on two versions of a tiny ministry (tests/data/diff): a move, a rename, a
// split and a closure, with the coverage they change; then the built-in data on two dates, and a
// generated graph to show the work stays linear-ish.

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "builtin_fallback.hpp"
#include "builtin_generate.hpp"
#include "builtin_graph.hpp"
#include "orgraph/analysis/diff.hpp"
#include "orgraph/analysis/history.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/generate/generate.hpp"
#include "orgraph/load/dataset_loader.hpp"

using namespace orgraph;

namespace {

Graph version(const std::string& name, std::optional<Date> as_of = std::nullopt) {
    return prepare_graph(load({read_layer(std::string(ORGRAPH_TEST_DATA) + "/diff/" + name)}), PrepareOptions{as_of});
}

const EntityChange* entity_change(const GraphDiff& diff, const std::string& id) {
    for (const auto& e : diff.entities)
        if (e.id == id) return &e;
    return nullptr;
}

const FieldChange* field(const std::vector<FieldChange>& fields, const std::string& name) {
    for (const auto& f : fields)
        if (f.field == name) return &f;
    return nullptr;
}

// "kind from to" of each relation change of a type, read from the side that has it.
std::vector<std::string> relations(const Graph& before, const Graph& after, const GraphDiff& diff, ChangeType type) {
    std::vector<std::string> result;
    for (const auto& r : diff.relations) {
        if (r.type != type) continue;
        const auto& graph = r.after ? after : before;
        const auto rel = graph.relation(r.after ? *r.after : *r.before);
        result.push_back(graph.kind_of_relation(r.after ? *r.after : *r.before).id + " " +
                         std::string(graph.entity_id(rel.from)) + " " + std::string(graph.entity_id(rel.to)) +
                         (r.with_entity ? " (with entity)" : ""));
    }
    return result;
}

std::vector<std::string> ids_of(const GraphDiff& diff, ChangeType type) {
    std::vector<std::string> result;
    for (const auto& e : diff.entities)
        if (e.type == type) result.push_back(e.id);
    return result;
}

CoverageParams on(const std::string& relation, const std::string& kind, const std::optional<Date>& date) {
    CoverageParams params;
    params.relation = relation;
    params.from_kind = kind;
    params.universe = CoverageUniverse::all_places;
    if (date)
        params.as_of = date;
    else
        params.today = Date{2024, 6, 1};
    return params;
}

}  // namespace

BOOST_AUTO_TEST_CASE(entities_are_matched_by_id_field_by_field) {
    const auto before = version("v1");
    const auto after = version("v2");
    const auto diff = diff_graphs(before, after);

    // The split: the Southern Department goes, two departments come.
    BOOST_TEST(ids_of(diff, ChangeType::removed) == std::vector<std::string>{"d-south"},
               boost::test_tools::per_element());
    BOOST_TEST(ids_of(diff, ChangeType::added) == (std::vector<std::string>{"d-south-east", "d-south-west"}),
               boost::test_tools::per_element());

    // The rename: one entity, its name changed (and its source, as every record of the new handbook).
    const auto* protocol = entity_change(diff, "d-protocol");
    BOOST_TEST_REQUIRE(protocol != nullptr);
    BOOST_TEST((protocol->type == ChangeType::changed));
    BOOST_TEST_REQUIRE(field(protocol->fields, "name") != nullptr);
    BOOST_TEST(field(protocol->fields, "name")->before == "Protocol Department");
    BOOST_TEST(field(protocol->fields, "name")->after == "Department of Protocol");
    BOOST_TEST_REQUIRE(field(protocol->fields, "sources") != nullptr);
    BOOST_TEST(field(protocol->fields, "sources")->before == "handbook-2020, line 4");
    BOOST_TEST(field(protocol->fields, "sources")->after == "handbook-2024, line 5");
    BOOST_TEST(field(protocol->fields, "kind") == nullptr);

    // The closure, read without dates: the office is there on both sides, its validity and status changed.
    const auto* office = entity_change(diff, "o-cha");
    BOOST_TEST_REQUIRE(office != nullptr);
    BOOST_TEST((office->type == ChangeType::changed));
    BOOST_TEST_REQUIRE(field(office->fields, "valid_to") != nullptr);
    BOOST_TEST(field(office->fields, "valid_to")->before == "");
    BOOST_TEST(field(office->fields, "valid_to")->after == "2023");
    BOOST_TEST(field(office->fields, "valid_from") == nullptr);
    BOOST_TEST_REQUIRE(field(office->fields, "attribute status") != nullptr);
    BOOST_TEST(field(office->fields, "attribute status")->before == "open");
    BOOST_TEST(field(office->fields, "attribute status")->after == "closed");

    // An attribute whose value changed; an entity changed in nothing but its source is changed too.
    BOOST_TEST(field(entity_change(diff, "d-north")->fields, "attribute staff")->after == "15");
    BOOST_TEST(entity_change(diff, "mfa")->fields.size() == 1U);
    // The countries are the same record in both versions: not listed.
    BOOST_TEST(entity_change(diff, "ALF") == nullptr);

    BOOST_TEST(diff.summary.entities_removed == 1U);
    BOOST_TEST(diff.summary.entities_added == 2U);
    BOOST_TEST(diff.summary.entities_before == 13U);
    BOOST_TEST(diff.summary.entities_after == 14U);
    // Sorted by id, whatever the order of the files.
    BOOST_TEST(std::is_sorted(diff.entities.begin(), diff.entities.end(),
                              [](const auto& a, const auto& b) { return a.id < b.id; }));
}

BOOST_AUTO_TEST_CASE(relations_are_matched_by_kind_ends_and_attributes) {
    const auto before = version("v1");
    const auto after = version("v2");
    const auto diff = diff_graphs(before, after);
    // The move is one relation gone and one come; the split's relations come and go with their
    // departments.
    BOOST_TEST(relations(before, after, diff, ChangeType::removed) ==
                   (std::vector<std::string>{"covers d-north BRV", "covers d-south CHA (with entity)",
                                             "covers d-south DEL (with entity)", "part_of archive d-protocol",
                                             "part_of d-south mfa (with entity)"}),
               boost::test_tools::per_element());
    BOOST_TEST(relations(before, after, diff, ChangeType::added) ==
                   (std::vector<std::string>{"covers d-north ECH", "covers d-south-east CHA (with entity)",
                                             "covers d-south-west DEL (with entity)", "part_of archive d-north",
                                             "part_of d-south-east mfa (with entity)",
                                             "part_of d-south-west mfa (with entity)"}),
               boost::test_tools::per_element());
    // Relations stated on both sides differ in their sources only (a new handbook): the closed
    // office's relation has no dates of its own, its entity's end is the entity's change.
    for (const auto& r : diff.relations) {
        if (r.type != ChangeType::changed) continue;
        BOOST_TEST(r.fields.size() == 1U);
        BOOST_TEST(r.fields.front().field == "sources");
    }
    // ministry_of, covers d-north ALF, part_of of d-north and d-protocol, both based_in
    BOOST_TEST(diff.summary.relations_changed == 6U);
    // Derived relations are not compared.
    BOOST_TEST(diff.summary.relations_before == 11U);
}

BOOST_AUTO_TEST_CASE(identical_graphs_have_no_changes) {
    const auto a = version("v2");
    const auto b = version("v2");
    CoverageQuestion question{"coverage", on("covers", "department", std::nullopt),
                              on("covers", "department", std::nullopt)};
    const auto diff = diff_graphs(a, b, DiffOptions{{question}});
    BOOST_TEST(diff.entities.empty());
    BOOST_TEST(diff.relations.empty());
    BOOST_TEST_REQUIRE(diff.coverage.size() == 1U);
    BOOST_TEST(diff.coverage[0].units.empty());
    BOOST_TEST(diff.coverage[0].lost_all.empty());
    BOOST_TEST(diff.coverage[0].gained_first.empty());
}

BOOST_AUTO_TEST_CASE(coverage_gained_and_lost_per_unit) {
    const auto before = version("v1");
    const auto after = version("v2");
    CoverageQuestion question{"coverage", on("covers", "department", std::nullopt),
                              on("covers", "department", std::nullopt)};
    const auto diff = diff_graphs(before, after, DiffOptions{{question}});
    BOOST_TEST_REQUIRE(diff.coverage.size() == 1U);
    const auto& c = diff.coverage[0];
    BOOST_TEST(c.name == "coverage");
    std::vector<std::string> lines;
    for (const auto& u : c.units) {
        std::string line = u.unit + ":";
        for (const auto& g : u.gained) line += " +" + g;
        for (const auto& l : u.lost) line += " -" + l;
        lines.push_back(line);
    }
    BOOST_TEST(lines == (std::vector<std::string>{"d-north: +ECH -BRV", "d-south: -CHA -DEL", "d-south-east: +CHA",
                                                  "d-south-west: +DEL"}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(c.lost_all.size() == 1U);
    BOOST_TEST(c.lost_all[0].place == "BRV");
    BOOST_TEST(c.lost_all[0].units_before == std::vector<std::string>{"d-north"}, boost::test_tools::per_element());
    BOOST_TEST(c.lost_all[0].units_after.empty());
    BOOST_TEST_REQUIRE(c.gained_first.size() == 1U);
    BOOST_TEST(c.gained_first[0].place == "ECH");
    // The departments' indices point into their own graphs.
    BOOST_TEST(c.units[1].before.has_value());
    BOOST_TEST(!c.units[1].after.has_value());
    BOOST_TEST(!c.units[2].before.has_value());
}

BOOST_AUTO_TEST_CASE(two_dates_of_one_version_show_the_closure) {
    const Date from{2020, 0, 0};
    const Date to{2025, 0, 0};
    const auto before = version("v2", from);
    const auto after = version("v2", to);
    CoverageQuestion presence{"presence", on("based_in", "office", from), on("based_in", "office", to)};
    const auto diff = diff_graphs(before, after, DiffOptions{{presence}});
    // In 2020 the split departments did not exist yet and the office in Charlia was open.
    BOOST_TEST(ids_of(diff, ChangeType::removed) == std::vector<std::string>{"o-cha"},
               boost::test_tools::per_element());
    BOOST_TEST(ids_of(diff, ChangeType::added) == (std::vector<std::string>{"d-south-east", "d-south-west"}),
               boost::test_tools::per_element());
    BOOST_TEST(ids_of(diff, ChangeType::changed).empty());
    const auto& office = *entity_change(diff, "o-cha");
    BOOST_TEST(before.entity_validity(*office.before).to->to_string() == "2023");
    BOOST_TEST(relations(before, after, diff, ChangeType::removed) ==
                   std::vector<std::string>{"based_in o-cha CHA (with entity)"},
               boost::test_tools::per_element());
    const auto& p = diff.coverage.at(0);
    BOOST_TEST_REQUIRE(p.lost_all.size() == 1U);
    BOOST_TEST(p.lost_all[0].place == "CHA");
    BOOST_TEST(p.lost_all[0].units_before == std::vector<std::string>{"o-cha"}, boost::test_tools::per_element());
    BOOST_TEST(p.gained_first.empty());
}

BOOST_AUTO_TEST_CASE(a_question_the_data_cannot_answer_throws) {
    const auto before = version("v1");
    const auto after = version("v2");
    CoverageQuestion question{"coverage", on("no_such_relation", "", std::nullopt),
                              on("no_such_relation", "", std::nullopt)};
    BOOST_CHECK_THROW((void)diff_graphs(before, after, DiffOptions{{question}}), coverage_error);
}

BOOST_AUTO_TEST_CASE(built_in_missions_closed_between_2020_and_2025) {
    auto layers = builtin_layers();
    layers.push_back(read_layer_or_overlay("dprk-missions"));
    const auto facts = prepare_graph(load(layers), PrepareOptions{std::nullopt, false});
    const Date from{2020, 0, 0};
    const Date to{2025, 0, 0};
    const auto before = prepare_graph(facts, PrepareOptions{from});
    const auto after = prepare_graph(facts, PrepareOptions{to});
    const auto diff = diff_graphs(before, after);
    std::vector<std::string> closed;
    for (const auto& e : diff.entities) {
        BOOST_TEST((e.type == ChangeType::removed), e.id << " is not a removal");
        if (e.type != ChangeType::removed) continue;
        const auto validity = before.entity_validity(*e.before);
        BOOST_TEST_REQUIRE(validity.to.has_value());
        closed.push_back(e.id + " " + validity.to->to_string());
    }
    BOOST_TEST(
        closed == (std::vector<std::string>{"cg-hkg-hong-kong 2024", "emb-ago-luanda 2023", "emb-bgd-dhaka 2023",
                                            "emb-esp-madrid 2023", "emb-gin-conakry 2023", "emb-lby-tripoli 2024",
                                            "emb-mys-kuala-lumpur 2021", "emb-npl-kathmandu 2023", "emb-sen-dakar 2023",
                                            "emb-uga-kampala 2023"}),
        boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(two_generated_datasets) {
    const auto scratch = std::filesystem::temp_directory_path() / ("orgraph-diff-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(scratch);
    auto generated = [&](std::uint64_t seed) {
        const auto directory = (scratch / std::to_string(seed)).string();
        generate_dataset(test::generate_params(5000, 20000, seed), directory);
        return prepare_graph(load({read_layer(directory)}, test::builtin_fallback()));
    };
    const auto a = generated(1);
    const auto b = generated(2);
    std::filesystem::remove_all(scratch);
    const auto diff = diff_graphs(a, b);
    const auto& s = diff.summary;
    BOOST_TEST(s.entities_before == a.entity_count());
    BOOST_TEST(s.entities_after - s.entities_added + s.entities_removed == s.entities_before);
    BOOST_TEST(s.relations_after - s.relations_added + s.relations_removed == s.relations_before);
    BOOST_TEST(s.relations_added + s.relations_removed + s.relations_changed > 0U);
    BOOST_TEST(diff_graphs(a, a).entities.empty());
    BOOST_TEST(diff_graphs(b, b).relations.empty());
}

BOOST_AUTO_TEST_CASE(history_lists_dated_facts_in_order) {
    const auto graph = version("v2");
    const auto office = *graph.find("o-cha");
    const auto history = entity_history(graph, office);
    BOOST_TEST_REQUIRE(history.events.size() == 2U);
    BOOST_TEST(history.events[0].date.to_string() == "1995");
    BOOST_TEST((history.events[0].type == HistoryEventType::begins));
    BOOST_TEST(!history.events[0].relation.has_value());
    BOOST_TEST(history.events[1].date.to_string() == "2023");
    BOOST_TEST((history.events[1].type == HistoryEventType::ends));
    BOOST_TEST(history.undated_relations == 1U);  // based_in CHA

    // The ministry has no dates, nor have its relations (a department's own start is not its
    // relation's): nothing is listed, everything is counted.
    const auto mfa = entity_history(graph, *graph.find("mfa"));
    BOOST_TEST(mfa.events.empty());
    BOOST_TEST(mfa.undated_relations == 5U);  // ministry_of, and four departments part of it

    // A relation's own dates are listed at both of its ends, read from each.
    const auto built = orgraph::test::load_builtin(false);
    const auto gbr = entity_history(built, *built.find("GBR"));
    bool left_eu = false;
    for (const auto& event : gbr.events)
        if (event.relation && event.type == HistoryEventType::ends && event.date.to_string() == "2020-01-31") {
            left_eu = true;
            BOOST_TEST(event.outgoing);
            BOOST_TEST(built.entity_id(built.relation(*event.relation).to) == "EU");
        }
    BOOST_TEST(left_eu);
    BOOST_TEST(std::is_sorted(gbr.events.begin(), gbr.events.end(),
                              [](const auto& a, const auto& b) { return a.date < b.date; }));
    const auto eu = entity_history(built, *built.find("EU"));
    bool gbr_left = false;
    for (const auto& event : eu.events)
        gbr_left = gbr_left || (event.relation && !event.outgoing && event.date.to_string() == "2020-01-31");
    BOOST_TEST(gbr_left);
}

namespace {

// A country's memberships, stated in the test's own schema; `memberships` is the field's value.
Graph memberships(const std::string& memberships) {
    const std::string text = R"toml(
[[entity_kind]]
id = "state"
[[entity_kind]]
id = "club"
[[relation_kind]]
id = "belongs_to"
from = ["state"]
to = ["club"]
attributes = ["role"]
[[source]]
id = "s"
title = "Test"
[[entity]]
id = "club"
kind = "club"
name = "The Club"
source = "s"
[[entity]]
id = "st"
kind = "state"
name = "A State"
source = "s"
belongs_to = )toml" + memberships +
                             "\n";
    LayerInput layer{"test", {{"test.toml", text, FileFormat::toml}}};
    return prepare_graph(load({layer}));
}

std::vector<std::string> changes(const Graph& before, const Graph& after) {
    std::vector<std::string> result;
    for (const auto& r : diff_graphs(before, after).relations) {
        const auto& graph = r.after ? after : before;
        const auto relation = graph.relation(r.after ? *r.after : *r.before);
        std::string line = r.type == ChangeType::added ? "+" : r.type == ChangeType::removed ? "-" : "~";
        for (const auto& a : relation.attributes) line += fmt::format(" {}={}", a.key, a.value);
        line += " " + (relation.validity.from ? relation.validity.from->to_string() : std::string("..")) + "/" +
                (relation.validity.to ? relation.validity.to->to_string() : std::string(".."));
        for (const auto& f : r.fields) line += fmt::format(" {}:{}>{}", f.field, f.before, f.after);
        result.push_back(line);
    }
    return result;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_relation_stated_for_several_periods) {
    const auto two =
        memberships(R"([{ to = "club", valid_from = 1990, valid_to = 2000 }, { to = "club", valid_from = 2010 }])");
    // The same two periods, written in the other order: nothing changed.
    BOOST_TEST(changes(two, memberships(R"([{ to = "club", valid_from = 2010 }, )"
                                        R"({ to = "club", valid_from = 1990, valid_to = 2000 }])"))
                   .empty());
    // The first period ends later: the identical second one matches, the first is changed.
    const auto longer =
        memberships(R"([{ to = "club", valid_from = 1990, valid_to = 2004 }, { to = "club", valid_from = 2010 }])");
    BOOST_TEST(changes(two, longer) == std::vector<std::string>{"~ 1990/2004 valid_to:2000>2004"},
               boost::test_tools::per_element());
    // A third period is one relation added; dropping one is one removed.
    const auto three = memberships(R"([{ to = "club", valid_from = 1990, valid_to = 2000 }, )"
                                   R"({ to = "club", valid_from = 2010, valid_to = 2012 }, )"
                                   R"({ to = "club", valid_from = 2015 }])");
    BOOST_TEST(changes(two, three) == (std::vector<std::string>{"~ 2010/2012 valid_to:>2012", "+ 2015/.."}),
               boost::test_tools::per_element());
    BOOST_TEST(changes(three, two) == (std::vector<std::string>{"~ 2010/.. valid_to:2012>", "- 2015/.."}),
               boost::test_tools::per_element());
    // An attribute is part of the relation's name: a new role is a relation removed and one added.
    const auto member = memberships(R"({ to = "club", role = "member" })");
    const auto observer = memberships(R"({ to = "club", role = "observer" })");
    BOOST_TEST(changes(member, observer) == (std::vector<std::string>{"- role=member ../..", "+ role=observer ../.."}),
               boost::test_tools::per_element());
}
