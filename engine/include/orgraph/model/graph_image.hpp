#pragma once
// The records a frozen Graph is made of, laid out exactly as a snapshot file stores them
// (docs/snapshot-format.md): fixed-size, trivially copyable, no pointers, so a mapped file is
// read in place. Lists are ranges of side tables: a record holds the index where its range
// starts, and the next record (each table ends with one sentinel record) where it ends.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "orgraph/model/date.hpp"

namespace orgraph::image {

// A string in the text pool.
struct Text {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

inline std::string_view text_of(const char* pool, Text t) {
    return {pool + t.offset, t.size};
}

// A date in 32 bits: 0 is "none"; otherwise bit 31 set, the year in bits 9-30, the month in
// bits 5-8 and the day in bits 0-4 (0 where the source gives only a year or a month).
using PackedDate = std::uint32_t;

inline PackedDate pack_date(const std::optional<Date>& d) {
    if (!d) return 0;
    return 0x80000000U | (static_cast<std::uint32_t>(d->year) << 9) | (static_cast<std::uint32_t>(d->month) << 5) |
           static_cast<std::uint32_t>(d->day);
}

inline std::optional<Date> unpack_date(PackedDate p) {
    if (p == 0) return std::nullopt;
    return Date{static_cast<int>((p >> 9) & 0x3FFFFFU), static_cast<int>((p >> 5) & 0xFU), static_cast<int>(p & 0x1FU)};
}

struct Attribute {
    Text key;
    Text value;
};

struct Citation {
    std::uint32_t source = 0;
    Text locator;
};

struct Entity {
    Text id;
    Text name;
    Text short_name;
    std::uint16_t kind = 0;
    std::uint16_t reserved = 0;
    PackedDate valid_from = 0;
    PackedDate valid_to = 0;
    std::uint32_t aliases = 0;     // first index into Tables::aliases
    std::uint32_t attributes = 0;  // first index into Tables::attributes
    std::uint32_t citations = 0;   // first index into Tables::citations
};

struct Relation {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::uint16_t kind = 0;
    std::uint16_t flags = 0;  // relation_derived
    PackedDate valid_from = 0;
    PackedDate valid_to = 0;
    Text rule;
    std::uint32_t attributes = 0;    // first index into Tables::attributes
    std::uint32_t citations = 0;     // first index into Tables::citations
    std::uint32_t derived_from = 0;  // first index into Tables::derived_from
};

inline constexpr std::uint16_t relation_derived = 1;

// One relation at an entity: the relation, the entity at its other end, and what a route needs
// to decide whether it may take it.
struct Adjacent {
    std::uint32_t relation = 0;
    std::uint32_t other = 0;
    std::uint16_t kind = 0;
    std::uint16_t flags = 0;  // relation_derived
};

struct NameKey {
    Text folded;
    std::uint32_t entity = 0;
    std::uint32_t written = 0;  // 0 name, 1 short name, 2+ aliases
};

struct LowerId {
    Text lower;
    std::uint32_t entity = 0;
};

static_assert(std::is_trivially_copyable_v<Entity> && sizeof(Entity) == 48);
static_assert(std::is_trivially_copyable_v<Relation> && sizeof(Relation) == 40);
static_assert(sizeof(Adjacent) == 12 && sizeof(Citation) == 12 && sizeof(Attribute) == 16);
static_assert(sizeof(NameKey) == 16 && sizeof(LowerId) == 12);

// Every table of a frozen graph. `entities` and `relations` end with a sentinel record whose
// list indices close the last real record's ranges; the offset arrays have one entry more than
// there are entities.
struct Tables {
    std::span<const char> text;
    std::span<const Entity> entities;
    std::span<const Text> aliases;
    std::span<const Attribute> attributes;
    std::span<const Citation> citations;
    std::span<const Relation> relations;
    std::span<const std::uint32_t> derived_from;
    std::span<const std::uint32_t> out_offsets;
    std::span<const Adjacent> out_edges;
    std::span<const std::uint32_t> in_offsets;
    std::span<const Adjacent> in_edges;
    std::span<const std::uint32_t> id_rank;   // each entity's place when entities are sorted by id
    std::span<const std::uint32_t> id_slots;  // entity index + 1 by id hash, 0 empty; a power of two
    std::span<const NameKey> name_keys;       // sorted by folded text, entity, written
    std::span<const LowerId> lower_ids;       // sorted by lower-case id, entity
};

// The hash that places ids in `id_slots`; fixed, since snapshot files store its result.
std::uint64_t id_hash(std::string_view id);

}  // namespace orgraph::image
