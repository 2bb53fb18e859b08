#include "orgraph/generate/profile.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "orgraph/model/diagnostics.hpp"
#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

// The columns of entities.csv the bulk format reads itself (docs/dataset-format.md): an
// attribute role cannot take one of them.
constexpr std::array<std::string_view, 7> fixed_columns = {"id",      "kind",       "name",    "short_name",
                                                           "aliases", "valid_from", "valid_to"};

bool valid_kind_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// Text without control characters (a value is written into a CSV cell, a sentence into TOML).
bool plain_text(std::string_view text) {
    return !text.empty() && std::none_of(text.begin(), text.end(),
                                         [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// The {name}s of a sentence, and whether a brace is left without its pair.
struct Placeholders {
    std::vector<std::string> names;
    bool unbalanced = false;
};

Placeholders placeholders_of(std::string_view pattern) {
    Placeholders out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '}') {
            out.unbalanced = true;
            continue;
        }
        if (pattern[i] != '{') continue;
        const auto end = pattern.find_first_of("{}", i + 1);
        if (end == std::string_view::npos || pattern[end] != '}') {
            out.unbalanced = true;
            continue;
        }
        out.names.emplace_back(pattern.substr(i + 1, end - i - 1));
        i = end;
    }
    return out;
}

template <std::size_t N>
std::string role_list(const std::array<std::string_view, N>& roles) {
    std::string out;
    for (const auto role : roles) {
        if (!out.empty()) out += ", ";
        out += role;
    }
    return out;
}

template <std::size_t N>
std::vector<std::string> role_names(const std::array<std::string_view, N>& roles) {
    return {roles.begin(), roles.end()};
}

class ProfileReader {
public:
    ProfileReader(const toml::table& root, std::string file) : m_root(root), m_file(std::move(file)) {}

    void read(GenerateProfile& profile) {
        for (const auto& [key, node] : m_root) {
            const std::string_view name = key.str();
            if (name != "kinds" && name != "relations" && name != "attributes" && name != "values" && name != "names" &&
                name != "words")
                error(node,
                      fmt::format("unknown table '{}' (expected kinds, relations, attributes, values, names, words)",
                                  name));
        }
        read_roles("kinds", generate_entity_roles, profile.kinds, "an entity kind id of the schema", true);
        read_roles("relations", generate_relation_roles, profile.relations, "a relation kind id of the schema", true);
        read_roles("attributes", generate_attribute_roles, profile.attributes, "an attribute of the schema", true);
        read_roles("values", generate_value_roles, profile.values, "an attribute value (text)", false);
        check_columns(profile);
        read_names(profile);
        std::array<std::string, 2> words;
        static constexpr std::array<std::string_view, 2> word_keys = {"description", "summary"};
        read_roles("words", word_keys, words,
                   "a sentence (text) with the placeholders {states}, {home_states}, {heads}", false);
        for (std::size_t k = 0; k < words.size(); ++k) check_sentence(word_keys[k], words[k]);
        profile.description = std::move(words[0]);
        profile.summary = std::move(words[1]);
    }

    [[nodiscard]] std::vector<Diagnostic> problems() { return std::move(m_problems); }

private:
    void error(const toml::node& node, std::string message) {
        const auto& at = node.source().begin;
        m_problems.push_back({m_file, at.line, at.column, std::move(message)});
    }
    void error_at_start(std::string message) { m_problems.push_back({m_file, 1, 1, std::move(message)}); }

    template <std::size_t N, std::size_t M>
    void read_roles(std::string_view table_name, const std::array<std::string_view, N>& roles,
                    std::array<std::string, M>& out, std::string_view expected, bool id) {
        static_assert(N == M);
        const auto* node = m_root.get(table_name);
        if (!node) {
            error_at_start(fmt::format("no [{}] table (expected one giving {} for each of: {})", table_name, expected,
                                       role_list(roles)));
            return;
        }
        const auto* table = node->as_table();
        if (!table) {
            error(*node, fmt::format("'{}' is not a table (expected [{}] giving {} for each of: {})", table_name,
                                     table_name, expected, role_list(roles)));
            return;
        }
        for (const auto& [key, value] : *table) {
            const std::string_view name = key.str();
            if (std::find(roles.begin(), roles.end(), name) != roles.end()) continue;
            const auto close = closest_match(name, role_names(roles));
            error(value, fmt::format("'{}' is no role of [{}]{} (the roles: {})", name, table_name,
                                     close.empty() ? std::string{} : fmt::format("; did you mean '{}'?", close),
                                     role_list(roles)));
        }
        std::vector<std::string> missing;
        for (std::size_t r = 0; r < N; ++r) {
            const auto* value = table->get(roles[r]);
            if (!value) {
                missing.emplace_back(roles[r]);
                continue;
            }
            const auto* text = value->as_string();
            if (!text) {
                error(*value, fmt::format("[{}] {} is not text (expected {})", table_name, roles[r], expected));
                continue;
            }
            const auto& s = text->get();
            if (id ? !valid_kind_id(s) : !plain_text(s)) {
                error(*value,
                      fmt::format("[{}] {} = \"{}\" is not {}{}", table_name, roles[r], s, expected,
                                  id ? " (letters, digits, '_' or '-')" : " (not empty, no control characters)"));
                continue;
            }
            out[r] = s;
        }
        if (!missing.empty())
            error(*table, fmt::format("[{}] lacks {}: {} (expected {} for each)", table_name,
                                      missing.size() == 1 ? "the role" : "the roles", join(missing), expected));
    }

    // [names]: the lists of words, each of one text or more, and the name patterns, each with
    // its own placeholders.
    void read_names(GenerateProfile& profile) {
        std::vector<std::string> keys(generate_name_lists.begin(), generate_name_lists.end());
        for (const auto& pattern : generate_name_patterns) keys.emplace_back(pattern.key);
        const auto* node = m_root.get("names");
        const auto expected = fmt::format("each of: {}", join(keys));
        if (!node) {
            error_at_start(fmt::format("no [names] table (expected one giving the sample content of {})", expected));
            return;
        }
        const auto* table = node->as_table();
        if (!table) {
            error(*node, fmt::format("'names' is not a table (expected [names] giving {})", expected));
            return;
        }
        for (const auto& [key, value] : *table) {
            const std::string_view name = key.str();
            if (std::find(keys.begin(), keys.end(), name) != keys.end()) continue;
            const auto close = closest_match(name, keys);
            error(value,
                  fmt::format("'{}' is no list or pattern of [names]{} (expected {})", name,
                              close.empty() ? std::string{} : fmt::format("; did you mean '{}'?", close), expected));
        }
        std::vector<std::string> missing;
        for (std::size_t l = 0; l < generate_name_lists.size(); ++l) {
            const auto* value = table->get(generate_name_lists[l]);
            if (!value) {
                missing.emplace_back(generate_name_lists[l]);
                continue;
            }
            const auto* array = value->as_array();
            if (!array || array->empty()) {
                error(*value, fmt::format("[names] {} is not a list of texts (expected one text or more)",
                                          generate_name_lists[l]));
                continue;
            }
            for (const auto& item : *array) {
                const auto* text = item.as_string();
                if (!text || !plain_text(text->get())) {
                    error(item, fmt::format("an item of [names] {} is not text (expected a text, not empty, with no "
                                            "control characters)",
                                            generate_name_lists[l]));
                    continue;
                }
                profile.name_lists[l].push_back(text->get());
            }
        }
        for (std::size_t k = 0; k < generate_name_patterns.size(); ++k) {
            const auto& pattern = generate_name_patterns[k];
            const auto* value = table->get(pattern.key);
            if (!value) {
                missing.emplace_back(pattern.key);
                continue;
            }
            std::vector<std::string> allowed;
            for (const auto p : pattern.placeholders)
                if (!p.empty()) allowed.push_back(fmt::format("{{{}}}", p));
            const auto allowed_text = allowed.empty() ? std::string("no placeholder") : join(allowed);
            const auto* text = value->as_string();
            if (!text || !plain_text(text->get())) {
                error(*value, fmt::format("[names] {} is not a name pattern (expected a text with {})", pattern.key,
                                          allowed_text));
                continue;
            }
            const auto found = placeholders_of(text->get());
            if (found.unbalanced)
                error(*value, fmt::format("[names] {}: a '{{' without its '}}' or a '}}' without its '{{' (expected "
                                          "a text with {})",
                                          pattern.key, allowed_text));
            for (const auto& name : found.names)
                if (name.empty() || std::find(pattern.placeholders.begin(), pattern.placeholders.end(), name) ==
                                        pattern.placeholders.end())
                    error(*value, fmt::format("[names] {}: unknown placeholder {{{}}} (expected {})", pattern.key, name,
                                              allowed_text));
            profile.name_patterns[k] = text->get();
        }
        if (!missing.empty())
            error(*table, fmt::format("[names] lacks {}: {}", missing.size() == 1 ? "the entry" : "the entries",
                                      join(missing)));
    }

    // Every attribute role is a column of its own, and none is a column the format reads itself.
    void check_columns(const GenerateProfile& profile) {
        const auto* table = m_root.get_as<toml::table>("attributes");
        if (!table) return;
        std::map<std::string, std::string_view> first;
        for (std::size_t r = 0; r < profile.attributes.size(); ++r) {
            const auto& column = profile.attributes[r];
            if (column.empty()) continue;
            const auto& node = *table->get(generate_attribute_roles[r]);
            if (std::find(fixed_columns.begin(), fixed_columns.end(), column) != fixed_columns.end()) {
                error(node, fmt::format("[attributes] {} = \"{}\" is a column entities.csv has already (expected an "
                                        "attribute of the schema other than {})",
                                        generate_attribute_roles[r], column, role_list(fixed_columns)));
                continue;
            }
            if (auto [it, inserted] = first.emplace(column, generate_attribute_roles[r]); !inserted)
                error(node, fmt::format("[attributes] {} = \"{}\" is the column of {} already (expected one attribute "
                                        "per role)",
                                        generate_attribute_roles[r], column, it->second));
        }
    }

    void check_sentence(std::string_view key, const std::string& sentence) {
        if (sentence.empty()) return;
        const auto& node = *m_root.get_as<toml::table>("words")->get(key);
        const auto found = placeholders_of(sentence);
        if (found.unbalanced)
            error(node, fmt::format("[words] {}: a '{{' without its '}}' or a '}}' without its '{{' (expected "
                                    "placeholders such as {{states}})",
                                    key));
        for (const auto& name : found.names)
            if (std::find(generate_word_placeholders.begin(), generate_word_placeholders.end(), name) ==
                generate_word_placeholders.end())
                error(node, fmt::format("[words] {}: unknown placeholder {{{}}} (expected {})", key, name,
                                        "{states}, {home_states} or {heads}"));
    }

    const toml::table& m_root;
    std::string m_file;
    std::vector<Diagnostic> m_problems;
};

}  // namespace

bool GenerateProfile::complete() const {
    auto filled = [](const auto& list) {
        return std::none_of(list.begin(), list.end(), [](const std::string& s) { return s.empty(); });
    };
    const bool lists = std::none_of(name_lists.begin(), name_lists.end(),
                                    [](const std::vector<std::string>& list) { return list.empty(); });
    return filled(kinds) && filled(relations) && filled(attributes) && filled(values) && filled(name_patterns) &&
           lists && !description.empty() && !summary.empty();
}

GenerateProfile read_generate_profile(std::string_view text, const std::string& file) {
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        throw dataset_error({{file, at.line, at.column, fmt::format("TOML syntax: {}", e.description())}});
    }
    GenerateProfile profile;
    profile.file = file;
    ProfileReader reader(root, file);
    reader.read(profile);
    auto problems = reader.problems();
    if (!problems.empty()) {
        std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        throw dataset_error(std::move(problems));
    }
    return profile;
}

std::string fill_generate_pattern(std::string_view pattern,
                                  std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    out.reserve(pattern.size() + 48);
    std::size_t at = 0;
    while (at < pattern.size()) {
        const auto open = pattern.find('{', at);
        const auto close = open == std::string_view::npos ? open : pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(at, open - at));
        const auto name = pattern.substr(open + 1, close - open - 1);
        const auto* value = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        out.append(value != values.end() ? value->second : pattern.substr(open, close - open + 1));
        at = close + 1;
    }
    out.append(pattern.substr(std::min(at, pattern.size())));
    return out;
}

std::string fill_generate_words(std::string_view pattern, std::uint64_t states, std::uint64_t home_states,
                                std::uint64_t heads) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const auto end = pattern[i] == '{' ? pattern.find('}', i + 1) : std::string_view::npos;
        if (end == std::string_view::npos) {
            out += pattern[i];
            continue;
        }
        const auto name = pattern.substr(i + 1, end - i - 1);
        if (name == generate_word_placeholders[0])
            out += fmt::format("{}", states);
        else if (name == generate_word_placeholders[1])
            out += fmt::format("{}", home_states);
        else if (name == generate_word_placeholders[2])
            out += fmt::format("{}", heads);
        else
            out.append(pattern.substr(i, end - i + 1));
        i = end;
    }
    return out;
}

}  // namespace orgraph
