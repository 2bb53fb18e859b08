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
    const auto& entities = graph.entities();
    m_keys.reserve(entities.size() * 2);
    for (EntityIndex e = 0; e < entities.size(); ++e) {
        const auto& entity = entities[e];
        auto add = [&](std::string_view written, std::uint32_t which) {
            auto folded = fold_name(written);
            if (folded.empty()) return;
            m_by_folded[folded].push_back(m_keys.size());
            m_keys.push_back({std::move(folded), e, which});
        };
        add(entity.name, 0);
        if (!entity.short_name.empty()) add(entity.short_name, 1);
        for (std::uint32_t a = 0; a < entity.aliases.size(); ++a) add(entity.aliases[a], 2 + a);
        m_by_lower_id[lower_ascii(entity.id)].push_back(e);
    }
}

std::string NameResolver::written_name(const Key& key) const {
    const auto& entity = m_graph.entity(key.entity);
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
    if (auto it = m_by_lower_id.find(lower_ascii(text)); it != m_by_lower_id.end()) {
        result.entities = it->second;
        return result;
    }
    const auto folded = fold_name(text);
    if (auto it = m_by_folded.find(folded); it != m_by_folded.end()) {
        for (auto k : it->second) result.entities.push_back(m_keys[k].entity);
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

    std::unordered_map<EntityIndex, NameMatch> per_entity;
    auto offer = [&](NameMatch match) {
        auto [it, inserted] = per_entity.try_emplace(match.entity, match);
        if (!inserted && std::tie(match.quality, match.distance, match.length) <
                             std::tie(it->second.quality, it->second.distance, it->second.length))
            it->second = std::move(match);
    };
    if (auto exact = m_graph.find(text)) offer({*exact, MatchQuality::id, m_graph.entity(*exact).id, 0, query.size()});
    for (const auto& key : m_keys) {
        MatchQuality quality;
        std::size_t distance = 0;
        if (key.folded == query) {
            quality = MatchQuality::exact;
        } else if (key.folded.starts_with(query)) {
            quality = MatchQuality::prefix;
        } else if (every_word_starts_a_word(query_words, key.folded)) {
            quality = MatchQuality::words;
        } else if (key.folded.find(query) != std::string::npos) {
            quality = MatchQuality::substring;
        } else if ((distance = edit_distance(query, key.folded, tolerance)) <= tolerance) {
            quality = MatchQuality::similar;
        } else {
            continue;
        }
        offer({key.entity, quality, written_name(key), distance, key.folded.size()});
    }
    std::vector<NameMatch> matches;
    matches.reserve(per_entity.size());
    for (auto& [entity, match] : per_entity) matches.push_back(std::move(match));
    std::sort(matches.begin(), matches.end(), [&](const NameMatch& a, const NameMatch& b) {
        const auto& ea = m_graph.entity(a.entity);
        const auto& eb = m_graph.entity(b.entity);
        return std::tie(a.quality, a.distance, a.length, ea.name, ea.id) <
               std::tie(b.quality, b.distance, b.length, eb.name, eb.id);
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
