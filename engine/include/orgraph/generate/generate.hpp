#pragma once
// Synthetic organisation graphs for tests and benchmarks: foreign ministries with their
// departments, institutes, associations and diplomatic missions, and the countries, cities,
// regions and organisations around them, written as a bulk CSV dataset (docs/dataset-format.md)
// that uses the built-in schema. The output depends on the parameters alone: the same
// parameters give the same bytes.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace orgraph {

struct GenerateParams {
    std::uint64_t entities = 10000;
    std::uint64_t relations = 50000;
    std::uint64_t seed = 1;
};

// Upper bounds of what the generator accepts (entity and relation indices are 32-bit).
inline constexpr std::uint64_t generate_max_entities = 100'000'000;
inline constexpr std::uint64_t generate_max_relations = 2'000'000'000;

struct GenerateSummary {
    std::uint64_t entities = 0;
    std::uint64_t relations = 0;
    std::uint64_t countries = 0;
    std::uint64_t home_states = 0;  // countries with ministries
    std::uint64_t ministries = 0;
    // Relations that hold the structure together (part_of, located_in, represents, …); a
    // request for fewer keeps an even sample of them.
    std::uint64_t structural_relations = 0;
    // The most relations this many entities can take: every relation joins two different
    // entities, is allowed by the schema, and no statement is made twice.
    std::uint64_t max_relations = 0;
};

// The sizes cannot be met. Thrown before anything is written.
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
