#include "orgraph/analysis/derive.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <span>

namespace orgraph {
namespace {

// A set of (from, to) pairs packed in 64 bits, open addressing with linear probing: millions of
// pairs cost 8 bytes each (and slack), with none of the per-node allocations of a std::unordered_set.
class PairSet {
public:
    static std::uint64_t key(EntityIndex from, EntityIndex to) { return (static_cast<std::uint64_t>(from) << 32) | to; }

    void reserve(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count * 2) capacity *= 2;
        if (capacity > m_slots.size()) rehash(capacity);
    }
    // True when the pair was not there before.
    bool insert(std::uint64_t k) {
        if ((m_size + 1) * 2 > m_slots.size()) rehash(std::max<std::size_t>(16, m_slots.size() * 2));
        for (auto i = slot(k);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i] == k) return false;
            if (m_slots[i] == empty) {
                m_slots[i] = k;
                ++m_size;
                return true;
            }
        }
    }
    [[nodiscard]] bool contains(std::uint64_t k) const {
        if (m_slots.empty()) return false;
        for (auto i = slot(k);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i] == k) return true;
            if (m_slots[i] == empty) return false;
        }
    }
    void clear() {
        std::fill(m_slots.begin(), m_slots.end(), empty);
        m_size = 0;
    }

private:
    // No entity has the largest index, so no pair packs to all ones.
    static constexpr std::uint64_t empty = std::numeric_limits<std::uint64_t>::max();

    [[nodiscard]] std::size_t slot(std::uint64_t k) const {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDULL;
        k ^= k >> 33;
        return static_cast<std::size_t>(k) & (m_slots.size() - 1);
    }
    void rehash(std::size_t capacity) {
        std::vector<std::uint64_t> old(capacity, empty);
        old.swap(m_slots);
        m_size = 0;
        for (auto k : old)
            if (k != empty) insert(k);
    }

    std::vector<std::uint64_t> m_slots;
    std::size_t m_size = 0;
};

// The relations that stood when a rule began, by the entity they leave and the entity they
// enter: compressed rows of relation indices, each entity's list in relation order (a counting
// sort keeps it so). Made again only when a rule has added relations since.
class Adjacency {
public:
    void build(const GraphBuilder& graph, RelationIndex count) {
        if (m_built && count == m_count) return;
        fill(graph, count, true, m_out_offsets, m_out);
        fill(graph, count, false, m_in_offsets, m_in);
        m_count = count;
        m_built = true;
    }
    [[nodiscard]] std::span<const RelationIndex> out(EntityIndex e) const {
        return {m_out.data() + m_out_offsets[e], m_out_offsets[e + 1] - m_out_offsets[e]};
    }
    [[nodiscard]] std::span<const RelationIndex> in(EntityIndex e) const {
        return {m_in.data() + m_in_offsets[e], m_in_offsets[e + 1] - m_in_offsets[e]};
    }

private:
    static void fill(const GraphBuilder& graph, RelationIndex count, bool outgoing, std::vector<std::uint32_t>& offsets,
                     std::vector<RelationIndex>& rows) {
        const auto& relations = graph.relations();
        offsets.assign(graph.entities().size() + 1, 0);
        for (RelationIndex r = 0; r < count; ++r) ++offsets[(outgoing ? relations[r].from : relations[r].to) + 1];
        std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
        rows.resize(count);
        std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
        for (RelationIndex r = 0; r < count; ++r) rows[next[outgoing ? relations[r].from : relations[r].to]++] = r;
    }

    std::vector<std::uint32_t> m_out_offsets, m_in_offsets;
    std::vector<RelationIndex> m_out, m_in;
    RelationIndex m_count = 0;
    bool m_built = false;
};

// The period in which all the facts hold: the latest start and the earliest end. Dates are
// compared by the days they stand for, so that "until 2023-06" beats "until 2023" although
// 2023 sorts first as a Date. Empty when the facts never hold at the same time.
std::optional<Validity> common_validity(const GraphBuilder& graph, std::span<const RelationIndex> facts) {
    Validity common;
    for (auto f : facts) {
        const auto& v = graph.relation(f).validity;
        if (v.from && (!common.from || common.from->first_day() < v.from->first_day())) common.from = v.from;
        if (v.to && (!common.to || v.to->last_day() < common.to->last_day())) common.to = v.to;
    }
    if (common.from && common.to && common.to->last_day() < common.from->first_day()) return std::nullopt;
    return common;
}

class Deriver {
    static constexpr RelationIndex no_relation = std::numeric_limits<RelationIndex>::max();

public:
    explicit Deriver(GraphBuilder& graph) : m_graph(graph) {}

    std::size_t run() {
        for (const auto& rule : m_graph.schema.rules()) {
            const auto target = m_graph.schema.relation_kind(rule.derive);
            if (!target) continue;  // reported when the schema was loaded
            if (!start_rule(rule, *target)) continue;
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
    // Where a chain of steps from some entity ends, and the relations it took.
    struct Reached {
        EntityIndex end;
        std::vector<RelationIndex> facts;
    };

    std::optional<std::vector<Step>> parse_chain(const std::vector<std::string>& chain) const {
        std::vector<Step> steps;
        for (const auto& s : chain) {
            const bool backward = s.starts_with('~');
            auto kind = m_graph.schema.relation_kind(backward ? std::string_view(s).substr(1) : std::string_view(s));
            if (!kind) return std::nullopt;
            steps.push_back({*kind, backward});
        }
        return steps;
    }

    // Prepares the per-rule state; false when the rule names a kind the schema lacks.
    bool start_rule(const RuleSpec& rule, RelationKindIndex target) {
        m_before = static_cast<RelationIndex>(m_graph.relations().size());
        m_adjacency.build(m_graph, m_before);
        // What already joins two entities by the kind this rule derives, stated or derived.
        const auto present = of_kind(target);
        // Sized for this rule: a table left large by an earlier rule would turn every lookup into
        // a cache miss.
        m_existing = PairSet{};
        m_existing.reserve(present.size());
        for (auto r : present) m_existing.insert(PairSet::key(m_graph.relation(r).from, m_graph.relation(r).to));
        // The condition is checked from both ends, meeting in the middle: its first half walked
        // from the start, its second half walked back from the end, each remembered per entity.
        // Neither half then fans out further than its own entity allows.
        m_from_start.reset(m_graph.entities().size());
        m_from_end.reset(m_graph.entities().size());
        m_condition_head.clear();
        m_condition_tail.clear();
        if (rule.only_if.empty()) return true;
        auto condition = parse_chain(rule.only_if);
        if (!condition || condition->empty()) return false;
        const auto middle = (condition->size() + 1) / 2;
        m_condition_head.assign(condition->begin(), condition->begin() + static_cast<long>(middle));
        for (auto i = condition->size(); i-- > middle;)
            m_condition_tail.push_back({(*condition)[i].kind, !(*condition)[i].backward});
        return true;
    }

    // Every entity the steps lead to from `start`, each with the first chain (in relation order)
    // that reaches it, sorted by entity.
    std::vector<Reached> walk(EntityIndex start, const std::vector<Step>& steps) const {
        std::vector<Reached> at{{start, {}}};
        for (const auto& step : steps) {
            std::vector<Reached> next;
            for (const auto& chain : at) {
                const auto candidates = step.backward ? m_adjacency.in(chain.end) : m_adjacency.out(chain.end);
                for (auto r : candidates) {
                    const auto& rel = m_graph.relation(r);
                    if (rel.kind != step.kind) continue;
                    auto facts = chain.facts;
                    facts.push_back(r);
                    next.push_back({step.backward ? rel.from : rel.to, std::move(facts)});
                }
            }
            std::stable_sort(next.begin(), next.end(),
                             [](const Reached& a, const Reached& b) { return a.end < b.end; });
            next.erase(std::unique(next.begin(), next.end(),
                                   [](const Reached& a, const Reached& b) { return a.end == b.end; }),
                       next.end());
            at = std::move(next);
        }
        return at;
    }

    // The walks of one half of a rule's condition, made once per entity and kept for the rule:
    // an index per entity (0: not walked yet, else 1 + where its walk is kept), not a hash map,
    // since compositions ask for the same entities millions of times.
    struct Memo {
        std::vector<std::uint32_t> slot;
        std::vector<std::vector<Reached>> walks;

        void reset(std::size_t entities) {
            slot.assign(entities, 0);
            walks.clear();
        }
    };

    const std::vector<Reached>& remembered(Memo& memo, EntityIndex e, const std::vector<Step>& steps) {
        if (!memo.slot[e]) {
            memo.walks.push_back(walk(e, steps));
            memo.slot[e] = static_cast<std::uint32_t>(memo.walks.size());
        }
        return memo.walks[memo.slot[e] - 1];
    }

    // Where the rule's only_if chain joins `from` to `to`: the chain's first half (from `from`)
    // and its second half (walked back from `to`) that meet, or nothing.
    std::optional<std::pair<const Reached*, const Reached*>> condition(EntityIndex from, EntityIndex to) {
        const auto& head = remembered(m_from_start, from, m_condition_head);
        const auto& tail = remembered(m_from_end, to, m_condition_tail);
        auto a = head.begin();
        auto b = tail.begin();
        while (a != head.end() && b != tail.end()) {
            if (a->end < b->end)
                ++a;
            else if (b->end < a->end)
                ++b;
            else
                return std::pair{&*a, &*b};
        }
        return std::nullopt;
    }

    // A relation is added once per (from, to, kind): a stated fact is never doubled by a derived
    // one, and the first derivation found (in relation order) that meets the rule's condition and
    // whose facts hold together is the one kept. The facts are the chain's (`chain`, then `last`
    // unless it is `no_relation`) followed by the condition's; they are gathered only once every
    // cheaper test has passed, since most chains of a composition fail one.
    void add(const RuleSpec& rule, RelationKindIndex kind, EntityIndex from, EntityIndex to,
             std::span<const RelationIndex> chain, RelationIndex last = no_relation) {
        if (from == to) return;
        if (m_existing.contains(PairSet::key(from, to))) return;
        const auto& schema = m_graph.schema;
        if (!schema.allows(kind, m_graph.entity_kind(from), m_graph.entity_kind(to))) return;
        std::optional<std::pair<const Reached*, const Reached*>> witness;
        if (!rule.only_if.empty()) {
            witness = condition(from, to);
            if (!witness) return;
        }
        std::vector<RelationIndex> facts;
        facts.reserve(chain.size() + 1 + (witness ? witness->first->facts.size() + witness->second->facts.size() : 0));
        facts.assign(chain.begin(), chain.end());
        if (last != no_relation) facts.push_back(last);
        if (witness) {
            facts.insert(facts.end(), witness->first->facts.begin(), witness->first->facts.end());
            facts.insert(facts.end(), witness->second->facts.rbegin(), witness->second->facts.rend());
        }
        const auto validity = common_validity(m_graph, facts);
        if (!validity) {  // the facts never hold together
            ++m_graph.disjoint_chains;
            return;
        }
        m_existing.insert(PairSet::key(from, to));
        RelationData relation;
        relation.kind = kind;
        relation.from = from;
        relation.to = to;
        relation.validity = *validity;
        for (auto f : facts) {
            for (const auto& c : m_graph.relation_citations(f))
                if (std::find(relation.citations.begin(), relation.citations.end(), c) == relation.citations.end())
                    relation.citations.push_back(c);
        }
        m_graph.add_derived_relation(std::move(relation), rule.id, facts);
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
            const auto from = m_graph.relation(r).to;
            const auto to = m_graph.relation(r).from;
            add(rule, target, from, to, {}, r);
        }
    }

    // For every entity, a breadth-first walk over `kind`; each entity reached in two or more
    // steps gets a derived relation resting on the chain that reached it first. The walk
    // follows what stood before this rule ran (facts and earlier rules' relations), never the
    // shortcuts it adds itself, so every derived_from is a chain of such relations.
    void transitive(const RuleSpec& rule, RelationKindIndex target) {
        const auto kind = m_graph.schema.relation_kind(rule.transitive);
        if (!kind) return;
        std::vector<EntityIndex> starts;
        for (auto r : of_kind(*kind)) starts.push_back(m_graph.relation(r).from);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

        // Per-walk state lives in arrays stamped with the walk's number, so that a walk costs
        // what it visits, not the size of the graph.
        constexpr auto none = std::numeric_limits<RelationIndex>::max();
        const auto n = m_graph.entities().size();
        std::vector<std::uint32_t> stamp(n, 0);
        std::vector<RelationIndex> reached_by(n, none);
        std::vector<std::uint32_t> depth(n, 0);
        std::uint32_t walk_number = 0;
        std::vector<EntityIndex> frontier, next;
        std::vector<RelationIndex> chain;
        for (auto start : starts) {
            ++walk_number;
            stamp[start] = walk_number;
            reached_by[start] = none;
            depth[start] = 0;
            frontier.assign(1, start);
            while (!frontier.empty()) {
                next.clear();
                for (auto entity : frontier) {
                    for (auto r : m_adjacency.out(entity)) {
                        if (m_graph.relation(r).kind != *kind) continue;
                        const auto to = m_graph.relation(r).to;
                        if (stamp[to] == walk_number) continue;
                        stamp[to] = walk_number;
                        reached_by[to] = r;
                        depth[to] = depth[entity] + 1;
                        next.push_back(to);
                    }
                }
                for (auto to : next) {
                    if (depth[to] < 2) continue;
                    chain.clear();
                    for (auto at = to; reached_by[at] != none; at = m_graph.relation(reached_by[at]).from)
                        chain.push_back(reached_by[at]);
                    std::reverse(chain.begin(), chain.end());
                    add(rule, target, start, to, chain);
                }
                std::swap(frontier, next);
            }
        }
    }

    // Chains are grown one step at a time from every relation that can begin one. Of the
    // chains that join the same two entities after a step only the first whose facts hold
    // together is kept: what can follow depends only on where a chain stands, so the others
    // would derive nothing new, and keeping them would let parallel routes multiply the work.
    // The last step hands each chain straight to add(), which applies the rule's condition.
    void compose(const RuleSpec& rule, RelationKindIndex target) {
        const auto parsed = parse_chain(rule.compose);
        if (!parsed || parsed->empty()) return;
        const auto& steps = *parsed;
        // The chains of one length, side by side: where each starts and stands, and its facts
        // (`length` relations per chain) in one array, a few bytes a chain rather than a vector
        // of its own; there may be millions.
        struct Chains {
            std::size_t length = 1;
            std::vector<EntityIndex> start, at;
            std::vector<RelationIndex> facts;

            [[nodiscard]] std::size_t size() const { return start.size(); }
            [[nodiscard]] std::span<const RelationIndex> facts_of(std::size_t c) const {
                return {facts.data() + c * length, length};
            }
        };
        Chains chains;
        for (auto r : of_kind(steps[0].kind)) {
            const auto& rel = m_graph.relation(r);
            chains.start.push_back(steps[0].backward ? rel.to : rel.from);
            chains.at.push_back(steps[0].backward ? rel.from : rel.to);
            chains.facts.push_back(r);
        }
        if (steps.size() == 1) {
            for (std::size_t c = 0; c < chains.size(); ++c)
                add(rule, target, chains.start[c], chains.at[c], chains.facts_of(c));
            return;
        }
        // Of the chains that join the same two ends, the first whose facts hold together; the
        // others are dropped in place, keeping the order.
        PairSet seen;
        auto keep_first = [&](Chains& all) {
            seen = PairSet{};
            seen.reserve(all.size());
            std::size_t kept = 0;
            for (std::size_t c = 0; c < all.size(); ++c) {
                const auto key = PairSet::key(all.start[c], all.at[c]);
                if (seen.contains(key) || !common_validity(m_graph, all.facts_of(c))) continue;
                seen.insert(key);
                if (kept != c) {
                    all.start[kept] = all.start[c];
                    all.at[kept] = all.at[c];
                    std::copy_n(all.facts.begin() + static_cast<long>(c * all.length), all.length,
                                all.facts.begin() + static_cast<long>(kept * all.length));
                }
                ++kept;
            }
            all.start.resize(kept);
            all.at.resize(kept);
            all.facts.resize(kept * all.length);
        };
        // The relations of the step's kind at an entity, found once per entity and step: many
        // chains stand on the same entity (every department covering a country reaches it), and
        // a country has thousands of relations of other kinds to look through.
        std::vector<std::uint32_t> found_at(m_graph.entities().size(), 0);  // 1 + offset into found
        std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
        std::vector<RelationIndex> found;
        // On the last step, relations whose far end the derived kind may not reach (a city, where
        // only missions may be overseen) are left out here, once, rather than by add() per chain.
        auto candidates_at = [&](EntityIndex at, const Step& step, bool last) -> std::span<const RelationIndex> {
            if (!found_at[at]) {
                const auto first = static_cast<std::uint32_t>(found.size());
                // Only what stood when the rule began (the adjacency's), never what it has just added.
                for (auto r : step.backward ? m_adjacency.in(at) : m_adjacency.out(at)) {
                    const auto& rel = m_graph.relation(r);
                    if (rel.kind != step.kind) continue;
                    const auto end = step.backward ? rel.from : rel.to;
                    if (last && !m_graph.schema.allows_to(target, m_graph.entity_kind(end))) continue;
                    found.push_back(r);
                }
                spans.emplace_back(first, static_cast<std::uint32_t>(found.size()) - first);
                found_at[at] = static_cast<std::uint32_t>(spans.size());
            }
            const auto& [first, count] = spans[found_at[at] - 1];
            return {found.data() + first, count};
        };
        for (std::size_t i = 1; i < steps.size(); ++i) {
            keep_first(chains);
            const bool last = i + 1 == steps.size();
            Chains next;
            next.length = chains.length + 1;
            std::fill(found_at.begin(), found_at.end(), 0);
            spans.clear();
            found.clear();
            for (std::size_t c = 0; c < chains.size(); ++c) {
                const auto facts = chains.facts_of(c);
                for (const auto r : candidates_at(chains.at[c], steps[i], last)) {
                    const auto at = steps[i].backward ? m_graph.relation(r).from : m_graph.relation(r).to;
                    if (last) {
                        add(rule, target, chains.start[c], at, facts, r);
                    } else {
                        next.start.push_back(chains.start[c]);
                        next.at.push_back(at);
                        next.facts.insert(next.facts.end(), facts.begin(), facts.end());
                        next.facts.push_back(r);
                    }
                }
            }
            chains = std::move(next);
        }
    }

    GraphBuilder& m_graph;
    RelationIndex m_before = 0;  // relations that stood when the current rule began
    Adjacency m_adjacency;       // and where they start and end
    PairSet m_existing;          // pairs joined by the kind the current rule derives
    std::vector<Step> m_condition_head, m_condition_tail;
    Memo m_from_start, m_from_end;
    std::size_t m_added = 0;
};

}  // namespace

std::size_t derive_relations(GraphBuilder& graph) {
    const auto added = Deriver(graph).run();
    graph.rules_applied = true;
    return added;
}

}  // namespace orgraph
