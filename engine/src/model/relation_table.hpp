#pragma once
// Which relation already states (from, to, kind): an open-addressing hash table of plain
// slots, one allocation for the whole load instead of a node per relation.

#include <cstdint>
#include <optional>
#include <vector>

#include "orgraph/model/graph_builder.hpp"

namespace orgraph {

class RelationTable {
public:
    [[nodiscard]] std::size_t size() const { return m_size; }

    void reserve(std::size_t count) {
        std::size_t capacity = 16;
        while (capacity < count + count / 2) capacity *= 2;  // at most two thirds full
        if (capacity > m_slots.size()) rehash(capacity);
    }

    // The relation first recorded for the key, if any.
    [[nodiscard]] std::optional<RelationIndex> find(EntityIndex from, EntityIndex to, RelationKindIndex kind) const {
        if (m_slots.empty()) return std::nullopt;
        for (auto i = slot_of(from, to, kind);; i = (i + 1) & (m_slots.size() - 1)) {
            const auto& s = m_slots[i];
            if (s.relation == empty) return std::nullopt;
            if (s.from == from && s.to == to && s.kind == kind) return s.relation;
        }
    }

    // Records the relation for the key and returns true; a key recorded already keeps its
    // first relation, and the answer is false.
    bool insert(EntityIndex from, EntityIndex to, RelationKindIndex kind, RelationIndex relation) {
        if ((m_size + 1) * 3 > m_slots.size() * 2) rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
        for (auto i = slot_of(from, to, kind);; i = (i + 1) & (m_slots.size() - 1)) {
            auto& s = m_slots[i];
            if (s.relation == empty) {
                s = {from, to, relation, kind};
                ++m_size;
                return true;
            }
            if (s.from == from && s.to == to && s.kind == kind) return false;
        }
    }

private:
    static constexpr RelationIndex empty = UINT32_MAX;
    struct Slot {
        EntityIndex from = 0;
        EntityIndex to = 0;
        RelationIndex relation = empty;
        RelationKindIndex kind = 0;
    };

    [[nodiscard]] std::size_t slot_of(EntityIndex from, EntityIndex to, RelationKindIndex kind) const {
        std::uint64_t h = (static_cast<std::uint64_t>(from) << 32 | to) ^ (static_cast<std::uint64_t>(kind) << 48);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ULL;
        h ^= h >> 33;
        return static_cast<std::size_t>(h) & (m_slots.size() - 1);
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        m_size = 0;
        for (const auto& s : old)
            if (s.relation != empty) insert(s.from, s.to, s.kind, s.relation);
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

}  // namespace orgraph
