#include "orgraph/model/name_resolver.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <sstream>
#include <tuple>

#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool every_word_starts_a_word(const std::vector<std::string_view>& query, std::string_view key) {
    const auto key_words = words_of(key);
    return std::all_of(query.begin(), query.end(), [&](std::string_view q) {
        return std::any_of(key_words.begin(), key_words.end(), [&](std::string_view k) { return k.starts_with(q); });
    });
}

}  // namespace

NameResolver::NameResolver(const Graph& graph) : m_graph(graph) {
    if (graph.has_name_index()) return;
    const auto n = graph.entity_count();
    struct Owned {
        std::string folded;
        EntityIndex entity;
        std::uint32_t written;
    };
    std::vector<Owned> keys;
    keys.reserve(n);
    std::vector<std::pair<std::string, EntityIndex>> lower;
    lower.reserve(n);
    for (EntityIndex e = 0; e < n; ++e) {
        const auto entity = graph.entity(e);
        auto add = [&](std::string_view written, std::uint32_t which) {
            auto folded = fold_name(written);
            if (!folded.empty()) keys.push_back({std::move(folded), e, which});
        };
        add(entity.name, 0);
        if (!entity.short_name.empty()) add(entity.short_name, 1);
        for (std::uint32_t a = 0; a < entity.aliases.size(); ++a) add(entity.aliases[a], 2 + a);
        lower.emplace_back(lower_ascii(entity.id), e);
    }
    std::sort(keys.begin(), keys.end(), [](const Owned& a, const Owned& b) {
        return std::tie(a.folded, a.entity, a.written) < std::tie(b.folded, b.entity, b.written);
    });
    std::sort(lower.begin(), lower.end());
    m_strings.reserve(keys.size() + lower.size());
    m_keys.reserve(keys.size());
    for (auto& k : keys) {
        m_strings.push_back(std::move(k.folded));
        m_keys.push_back({m_strings.back(), k.entity, k.written});
    }
    m_lower_ids.reserve(lower.size());
    for (auto& [l, e] : lower) {
        m_strings.push_back(std::move(l));
        m_lower_ids.emplace_back(m_strings.back(), e);
    }
}

std::size_t NameResolver::key_count() const {
    return m_graph.has_name_index() ? m_graph.name_key_count() : m_keys.size();
}

NameKey NameResolver::key(std::size_t i) const {
    return m_graph.has_name_index() ? m_graph.name_key(i) : m_keys[i];
}

std::string_view NameResolver::written_name(const NameKey& key) const {
    const auto entity = m_graph.entity(key.entity);
    if (key.written == 0) return entity.name;
    if (key.written == 1) return entity.short_name;
    return entity.aliases[key.written - 2];
}

Resolution NameResolver::resolve(std::string_view text) const {
    Resolution result;
    if (auto exact = m_graph.find(text)) {
        result.entities.push_back(*exact);
        return result;
    }
    const auto lower = lower_ascii(text);
    if (m_graph.has_name_index()) {
        result.entities = m_graph.find_lower_id(lower);
    } else {
        auto [first, last] =
            std::equal_range(m_lower_ids.begin(), m_lower_ids.end(), lower, [](const auto& a, const auto& b) {
                if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::string>)
                    return std::string_view(a) < b.first;
                else
                    return a.first < std::string_view(b);
            });
        for (auto it = first; it != last; ++it) result.entities.push_back(it->second);
    }
    if (!result.entities.empty()) return result;
    const auto folded = fold_name(text);
    // Binary search over the keys, sorted by folded text.
    std::size_t lo = 0;
    std::size_t hi = key_count();
    while (lo < hi) {
        const auto mid = lo + (hi - lo) / 2;
        if (key(mid).folded < std::string_view(folded))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (auto i = lo; i < key_count(); ++i) {
        const auto k = key(i);
        if (k.folded != std::string_view(folded)) break;
        result.entities.push_back(k.entity);
    }
    if (!result.entities.empty()) {
        std::sort(result.entities.begin(), result.entities.end());
        result.entities.erase(std::unique(result.entities.begin(), result.entities.end()), result.entities.end());
        return result;
    }
    for (auto& match : find(text, 5))
        if (match.quality != MatchQuality::exact && match.quality != MatchQuality::id)
            result.suggestions.push_back(std::move(match));
    return result;
}

std::vector<NameMatch> NameResolver::find(std::string_view text, std::size_t limit) const {
    const auto query = fold_name(text);
    std::vector<NameMatch> best(0);
    if (query.empty()) return best;
    const auto query_words = words_of(query);
    const std::size_t tolerance = std::max<std::size_t>(1, query.size() / 4);

    // The best match of each entity; of equally good ones, its earliest name (name, short name,
    // then aliases in order).
    struct Best {
        NameMatch match;
        std::uint32_t written;
    };
    std::unordered_map<EntityIndex, Best> per_entity;
    auto offer = [&](NameMatch match, std::uint32_t written) {
        auto [it, inserted] = per_entity.try_emplace(match.entity, Best{match, written});
        if (inserted) return;
        const auto& old = it->second;
        if (std::tie(match.quality, match.distance, match.length, written) <
            std::tie(old.match.quality, old.match.distance, old.match.length, old.written))
            it->second = Best{std::move(match), written};
    };
    if (auto exact = m_graph.find(text))
        offer({*exact, MatchQuality::id, std::string(m_graph.entity_id(*exact)), 0, query.size()}, 0);
    const auto count = key_count();
    for (std::size_t i = 0; i < count; ++i) {
        const auto k = key(i);
        MatchQuality quality;
        std::size_t distance = 0;
        if (k.folded == query) {
            quality = MatchQuality::exact;
        } else if (k.folded.starts_with(query)) {
            quality = MatchQuality::prefix;
        } else if (every_word_starts_a_word(query_words, k.folded)) {
            quality = MatchQuality::words;
        } else if (k.folded.find(query) != std::string_view::npos) {
            quality = MatchQuality::substring;
        } else if ((distance = edit_distance(query, k.folded, tolerance)) <= tolerance) {
            quality = MatchQuality::similar;
        } else {
            continue;
        }
        offer({k.entity, quality, std::string(written_name(k)), distance, k.folded.size()}, k.written);
    }
    std::vector<NameMatch> matches;
    matches.reserve(per_entity.size());
    for (auto& [entity, b] : per_entity) matches.push_back(std::move(b.match));
    std::sort(matches.begin(), matches.end(), [&](const NameMatch& a, const NameMatch& b) {
        return std::tuple(a.quality, a.distance, a.length, m_graph.entity_name(a.entity), m_graph.entity_id(a.entity)) <
               std::tuple(b.quality, b.distance, b.length, m_graph.entity_name(b.entity), m_graph.entity_id(b.entity));
    });
    if (matches.size() > limit) matches.resize(limit);
    return matches;
}

EntityIndex resolve_one(const Graph& graph, const NameResolver& resolver, std::string_view text) {
    const auto resolution = resolver.resolve(text);
    if (resolution.entities.size() == 1) return resolution.entities.front();
    std::vector<std::string> candidates;
    auto describe = [&](EntityIndex e) {
        const auto& entity = graph.entity(e);
        return fmt::format("{} ({}, id {})", entity.name, graph.kind_of(e).label, entity.id);
    };
    if (resolution.entities.empty()) {
        for (const auto& s : resolution.suggestions) candidates.push_back(describe(s.entity));
        std::string message = fmt::format("no entity is called '{}'", text);
        if (!candidates.empty()) message += "; did you mean:";
        for (const auto& c : candidates) message += "\n  " + c;
        throw resolution_error(std::move(message), std::move(candidates));
    }
    for (auto e : resolution.entities) candidates.push_back(describe(e));
    std::string message =
        fmt::format("'{}' is ambiguous; it names {} entities (give an id to choose):", text, candidates.size());
    for (const auto& c : candidates) message += "\n  " + c;
    throw resolution_error(std::move(message), std::move(candidates));
}

}  // namespace orgraph
