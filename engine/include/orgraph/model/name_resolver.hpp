#pragma once
// Finds entities by what a user types: an id, a name, an acronym or an alias.

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgraph/model/graph.hpp"

namespace orgraph {

enum class MatchQuality {
    id,         // the id, exactly
    exact,      // a name, acronym or alias, folded
    prefix,     // a name that starts with the text
    words,      // every word of the text starts a word of the name
    substring,  // the text occurs inside the name
    similar,    // a small edit distance away
};

struct NameMatch {
    EntityIndex entity = 0;
    MatchQuality quality = MatchQuality::exact;
    std::string matched;  // the name, acronym or alias that matched, as written
    std::size_t distance = 0;
    // The folded length of what matched: of two matches of the same quality, the one the text
    // covers more of ("korea" in "Korea, North" rather than in "Korea-Africa Association") is
    // the closer.
    std::size_t length = 0;
};

struct Resolution {
    std::vector<EntityIndex> entities;   // one: resolved; several: ambiguous; none: not found
    std::vector<NameMatch> suggestions;  // on a miss: the closest names ("did you mean")
};

// Looks names up in the graph's name index (kept in snapshots), or, for a graph frozen without
// one, in an index of its own made on construction.
class NameResolver {
public:
    explicit NameResolver(const Graph& graph);
    NameResolver(const NameResolver&) = delete;  // the index points into its own strings
    NameResolver& operator=(const NameResolver&) = delete;

    // An id (exact, then ignoring case) or a folded name, acronym or alias.
    [[nodiscard]] Resolution resolve(std::string_view text) const;
    // Ranked matches over names, acronyms and aliases: best quality first, then name, then id.
    [[nodiscard]] std::vector<NameMatch> find(std::string_view text, std::size_t limit) const;

private:
    [[nodiscard]] std::size_t key_count() const;
    [[nodiscard]] NameKey key(std::size_t i) const;
    [[nodiscard]] std::string_view written_name(const NameKey& key) const;

    const Graph& m_graph;
    // Used only when the graph has no name index: the keys and lower-case ids, sorted as the
    // graph's own would be, and the folded strings they point into.
    std::vector<NameKey> m_keys;
    std::vector<std::pair<std::string_view, EntityIndex>> m_lower_ids;
    std::vector<std::string> m_strings;
};

// Thrown when a text names no entity, or several.
struct resolution_error : std::runtime_error {
    resolution_error(std::string message, std::vector<std::string> names)
        : std::runtime_error(std::move(message)), candidates(std::move(names)) {}
    std::vector<std::string> candidates;
};

// Resolves to exactly one entity or throws resolution_error with "did you mean" or the list of
// candidates in its message.
EntityIndex resolve_one(const Graph& graph, const NameResolver& resolver, std::string_view text);

}  // namespace orgraph
