#pragma once
// Compares two graphs fact by fact: entities by id, relations as (from, kind, to) with their
// attributes, citations, validity and derivation, ignoring the order of layers and sources.

#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace interchange_test {

inline std::vector<std::string> citations(const orgraph::Graph& g, const orgraph::Citations& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(g.sources[c.source].id + ":" + std::string(c.locator));
    return out;
}

inline std::string validity(const orgraph::Validity& v) {
    return (v.from ? v.from->to_string() : "") + "/" + (v.to ? v.to->to_string() : "");
}

inline std::vector<std::pair<std::string, std::string>> attributes(const orgraph::Attributes& a) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto x : a) out.emplace_back(x.key, x.value);
    return out;
}

// One line per fact, so that a difference names the fact.
inline std::map<std::string, std::string> facts(const orgraph::Graph& g) {
    std::map<std::string, std::string> out;
    for (orgraph::EntityIndex i = 0; i < g.entity_count(); ++i) {
        const auto e = g.entity(i);
        std::string text = g.kind_of(i).id + "|" + std::string(e.name) + "|" + std::string(e.short_name) + "|" +
                           validity(e.validity) + "|";
        for (const auto a : e.aliases) text += std::string(a) + ";";
        text += "|";
        for (const auto& c : citations(g, e.citations)) text += c + ";";
        text += "|";
        for (const auto& [k, v] : attributes(e.attributes)) text += k + "=" + v + ";";
        out["entity " + std::string(e.id)] = text;
    }
    std::map<std::string, int> seen;
    for (orgraph::RelationIndex i = 0; i < g.relation_count(); ++i) {
        const auto r = g.relation(i);
        auto key = "relation " + std::string(g.entity_id(r.from)) + " " + g.kind_of_relation(i).id + " " +
                   std::string(g.entity_id(r.to));
        key += fmt::format("#{}", seen[key]++);
        std::string text =
            validity(r.validity) + "|" + (r.derived ? "derived by " + std::string(r.rule) : "stated") + "|";
        for (const auto& c : citations(g, r.citations)) text += c + ";";
        text += "|";
        for (const auto& [k, v] : attributes(r.attributes)) text += k + "=" + v + ";";
        out[key] = text;
    }
    return out;
}

inline void check_same_graph(const orgraph::Graph& a, const orgraph::Graph& b) {
    BOOST_TEST(a.entity_count() == b.entity_count());
    BOOST_TEST(a.relation_count() == b.relation_count());
    const auto fa = facts(a), fb = facts(b);
    for (const auto& [key, value] : fa) {
        auto it = fb.find(key);
        BOOST_TEST_CONTEXT(key) {
            BOOST_TEST((it != fb.end()));
            if (it != fb.end()) BOOST_TEST(value == it->second);
        }
    }
    for (const auto& [key, value] : fb) BOOST_TEST_CONTEXT(key) {
            BOOST_TEST(fa.contains(key));
        }
}

}  // namespace interchange_test
