#pragma once
// The generator parameters of the orgraph command: the built-in schema's generator profile
// (datasets/generate/profile.toml), compiled in with the built-in data.

#include <cstdint>

#include "orgraph/builtin/builtin.hpp"
#include "orgraph/generate/generate.hpp"

namespace orgraph::test {

inline const GenerateProfile& builtin_generate_profile() {
    static const GenerateProfile profile =
        read_generate_profile(*builtin_file("generate/profile.toml"), "builtin:generate/profile.toml");
    return profile;
}

inline GenerateParams generate_params(std::uint64_t entities, std::uint64_t relations, std::uint64_t seed = 1) {
    GenerateParams p;
    p.entities = entities;
    p.relations = relations;
    p.seed = seed;
    p.profile = builtin_generate_profile();
    return p;
}

}  // namespace orgraph::test
