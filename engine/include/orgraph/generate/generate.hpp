#pragma once
// Synthetic organisation graphs for tests and benchmarks: a world of states, with their towns,
// zones and the organisations of states, and in some states organisations (a head with its
// units, research centres and societies, and the state's representations abroad), written as a
// bulk CSV dataset (docs/dataset-format.md). What each role is called in a schema comes from a
// generator profile (profile.hpp; the built-in schema's is datasets/generate/profile.toml). The
// output depends on the parameters alone: the same parameters give the same bytes.

#include <cstdint>
#include <stdexcept>
#include <string>

#include "orgraph/generate/profile.hpp"

namespace orgraph {

struct GenerateParams {
    std::uint64_t entities = 10000;
    std::uint64_t relations = 50000;
    std::uint64_t seed = 1;
    GenerateProfile profile;  // the schema's names for what is generated; must be complete
};

// Upper bounds of what the generator accepts (entity and relation indices are 32-bit).
inline constexpr std::uint64_t generate_max_entities = 100'000'000;
inline constexpr std::uint64_t generate_max_relations = 2'000'000'000;

struct GenerateSummary {
    std::uint64_t entities = 0;
    std::uint64_t relations = 0;
    std::uint64_t states = 0;
    std::uint64_t home_states = 0;  // states with organisations
    std::uint64_t heads = 0;        // the heads of those organisations
    // Relations that hold the structure together (a unit part of its head, a representation
    // situated in a town and speaking for its state, …); a
    // request for fewer keeps an even sample of them.
    std::uint64_t structural_relations = 0;
    // The most relations this many entities can take: every relation joins two different
    // entities, is allowed by the schema, and no statement is made twice.
    std::uint64_t max_relations = 0;
};

// The sizes cannot be met, or the profile is not complete. Thrown before anything is written.
struct generate_error : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// Plans the dataset and reports its figures without writing anything; throws generate_error
// when the sizes cannot be met.
GenerateSummary plan_generated_dataset(const GenerateParams& params);

// Writes DIRECTORY/dataset.toml, entities.csv and relations.csv. The directory is built under a
// temporary name beside it and renamed into place, so a reader sees the whole dataset or none.
// An existing DIRECTORY is replaced only when `replace` is set and it is empty or holds nothing
// but those three files; otherwise std::runtime_error, and nothing changes.
GenerateSummary generate_dataset(const GenerateParams& params, const std::string& directory, bool replace = false);

}  // namespace orgraph
