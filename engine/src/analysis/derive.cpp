#include "orgraph/analysis/derive.hpp"

#include <algorithm>
#include <unordered_set>

namespace orgraph {
namespace {

struct Key {
    EntityIndex from, to;
    RelationKindIndex kind;
    bool operator==(const Key&) const = default;
};
struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
        std::uint64_t h = (static_cast<std::uint64_t>(k.from) << 32) ^ k.to ^ (static_cast<std::uint64_t>(k.kind) << 48);
        h ^= h >> 31;
        return static_cast<std::size_t>(h * 0x9E3779B97F4A7C15ULL);
    }
};

class Deriver {
public:
    explicit Deriver(Graph& graph) : m_graph(graph) {
        for (const auto& r : graph.relations()) m_existing.insert({r.from, r.to, r.kind});
    }

    std::size_t run() {
        for (const auto& rule : m_graph.schema.rules()) {
            const auto target = m_graph.schema.relation_kind(rule.derive);
            if (!target) continue;  // reported when the schema was loaded
            if (!rule.inverse_of.empty())
                inverse(rule, *target);
            else if (!rule.transitive.empty())
                transitive(rule, *target);
            else if (!rule.compose.empty())
                compose(rule, *target);
        }
        return m_added;
    }

private:
    // One step of a chain: the relations of `kind` leaving an entity, or entering it when walked backwards.
    struct Step {
        RelationKindIndex kind;
        bool backward;
    };

    void add(const RuleSpec& rule, RelationKindIndex kind, EntityIndex from, EntityIndex to,
             const std::vector<RelationIndex>& facts) {
        if (from == to || !m_existing.insert({from, to, kind}).second) return;
        const auto& schema = m_graph.schema;
        if (!schema.allows(kind, m_graph.entity(from).kind, m_graph.entity(to).kind)) return;
        Relation relation;
        relation.kind = kind;
        relation.from = from;
        relation.to = to;
        relation.derived = true;
        relation.rule = rule.id;
        relation.derived_from = facts;
        for (auto f : facts) {
            const auto& fact = m_graph.relation(f);
            for (const auto& c : fact.citations)
                if (std::find(relation.citations.begin(), relation.citations.end(), c) == relation.citations.end())
                    relation.citations.push_back(c);
            if (fact.validity.from && (!relation.validity.from || *relation.validity.from < *fact.validity.from))
                relation.validity.from = fact.validity.from;
            if (fact.validity.to && (!relation.validity.to || *fact.validity.to < *relation.validity.to))
                relation.validity.to = fact.validity.to;
        }
        m_graph.add_relation(std::move(relation));
        ++m_added;
    }

    std::vector<RelationIndex> of_kind(RelationKindIndex kind) const {
        std::vector<RelationIndex> out;
        const auto& relations = m_graph.relations();
        for (RelationIndex r = 0; r < relations.size(); ++r)
            if (relations[r].kind == kind) out.push_back(r);
        return out;
    }

    void inverse(const RuleSpec& rule, RelationKindIndex target) {
        const auto source = m_graph.schema.relation_kind(rule.inverse_of);
        if (!source) return;
        for (auto r : of_kind(*source)) {
            const auto& rel = m_graph.relation(r);
            add(rule, target, rel.to, rel.from, {r});
        }
    }

    // For every entity, a breadth-first walk over `kind`; each entity reached in two or more
    // steps gets a derived relation carrying the chain that reached it first.
    void transitive(const RuleSpec& rule, RelationKindIndex target) {
        const auto kind = m_graph.schema.relation_kind(rule.transitive);
        if (!kind) return;
        const auto& topology = m_graph.topology();
        std::vector<EntityIndex> starts;
        for (auto r : of_kind(*kind)) starts.push_back(m_graph.relation(r).from);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        for (auto start : starts) {
            std::vector<std::pair<EntityIndex, std::vector<RelationIndex>>> frontier{{start, {}}};
            std::unordered_set<EntityIndex> seen{start};
            while (!frontier.empty()) {
                std::vector<std::pair<EntityIndex, std::vector<RelationIndex>>> next;
                for (auto& [entity, chain] : frontier) {
                    std::vector<RelationIndex> out;
                    for (auto [it, end] = boost::out_edges(entity, topology); it != end; ++it) {
                        const auto r = topology[*it].relation;
                        if (m_graph.relation(r).kind == *kind && !m_graph.relation(r).derived) out.push_back(r);
                    }
                    std::sort(out.begin(), out.end());
                    for (auto r : out) {
                        const auto to = m_graph.relation(r).to;
                        if (!seen.insert(to).second) continue;
                        auto longer = chain;
                        longer.push_back(r);
                        if (longer.size() >= 2) add(rule, target, start, to, longer);
                        next.emplace_back(to, std::move(longer));
                    }
                }
                frontier = std::move(next);
            }
        }
    }

    void compose(const RuleSpec& rule, RelationKindIndex target) {
        std::vector<Step> steps;
        for (const auto& s : rule.compose) {
            const bool backward = s.starts_with('~');
            auto kind = m_graph.schema.relation_kind(backward ? std::string_view(s).substr(1) : std::string_view(s));
            if (!kind) return;
            steps.push_back({*kind, backward});
        }
        // Chains are grown step by step from every relation that can begin one.
        struct Chain {
            EntityIndex start, at;
            std::vector<RelationIndex> facts;
        };
        std::vector<Chain> chains;
        for (auto r : of_kind(steps[0].kind)) {
            const auto& rel = m_graph.relation(r);
            chains.push_back(steps[0].backward ? Chain{rel.to, rel.from, {r}} : Chain{rel.from, rel.to, {r}});
        }
        const auto& topology = m_graph.topology();
        for (std::size_t i = 1; i < steps.size(); ++i) {
            std::vector<Chain> next;
            for (auto& chain : chains) {
                std::vector<RelationIndex> candidates;
                if (steps[i].backward) {
                    for (auto [it, end] = boost::in_edges(chain.at, topology); it != end; ++it)
                        candidates.push_back(topology[*it].relation);
                } else {
                    for (auto [it, end] = boost::out_edges(chain.at, topology); it != end; ++it)
                        candidates.push_back(topology[*it].relation);
                }
                std::sort(candidates.begin(), candidates.end());
                for (auto r : candidates) {
                    const auto& rel = m_graph.relation(r);
                    if (rel.kind != steps[i].kind) continue;
                    auto facts = chain.facts;
                    facts.push_back(r);
                    next.push_back({chain.start, steps[i].backward ? rel.from : rel.to, std::move(facts)});
                }
            }
            chains = std::move(next);
        }
        for (const auto& chain : chains) add(rule, target, chain.start, chain.at, chain.facts);
    }

    Graph& m_graph;
    std::unordered_set<Key, KeyHash> m_existing;
    std::size_t m_added = 0;
};

}  // namespace

std::size_t derive_relations(Graph& graph) { return Deriver(graph).run(); }

}  // namespace orgraph
