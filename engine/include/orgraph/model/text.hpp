#pragma once
// Text folding for name lookup: "Côte d’Ivoire", "COTE D'IVOIRE" and "cote d ivoire" fold alike.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

// Lower case, Latin diacritics removed, every run of punctuation and white space made one
// space, trimmed, and a leading "the " dropped. Letters of other scripts are kept as they are.
std::string fold_name(std::string_view text);

// Levenshtein distance between two byte strings, or limit + 1 when it is larger than limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The candidate closest to `text` within a few edits (at most a third of its length, and at
// least two), the alphabetically first of equally close ones; empty when none is that close.
// What "did you mean" suggests.
std::string closest_match(std::string_view text, const std::vector<std::string>& candidates);

// The items with `separator` between them ("CHN, JPN, MNG").
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// `word` with its first letter, if an ASCII lower-case one, in upper case: "countries" begins a
// heading as "Countries".
std::string capitalised(std::string word);

// "a country", "an office": `noun` with the indefinite article its first letter asks for.
std::string with_article(const std::string& noun);

}  // namespace orgraph
