#include "orgraph/analysis/diff.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace orgraph {
namespace {

std::string date_text(const std::optional<Date>& date) {
    return date ? date->to_string() : std::string{};
}

std::string joined(const TextList& list) {
    std::string text;
    for (const auto item : list) text.append(text.empty() ? "" : "; ").append(item);
    return text;
}

// A citation named across graphs: by its source's id, not its index.
struct CitationKey {
    std::string_view source;
    std::string_view locator;
    Citation citation;

    auto operator<=>(const CitationKey& other) const {
        return std::tie(source, locator) <=> std::tie(other.source, other.locator);
    }
    bool operator==(const CitationKey& other) const { return source == other.source && locator == other.locator; }
};

std::vector<CitationKey> citation_keys(const Graph& graph, const Citations& citations) {
    std::vector<CitationKey> keys;
    keys.reserve(citations.size());
    for (const auto& c : citations) keys.push_back({graph.sources[c.source].id, c.locator, c});
    std::sort(keys.begin(), keys.end());
    return keys;
}

// The citations only one side has, in both directions; nothing when they are the same.
std::optional<FieldChange> sources_change(const Graph& before, const Citations& old_citations, const Graph& after,
                                          const Citations& new_citations) {
    const auto a = citation_keys(before, old_citations);
    const auto b = citation_keys(after, new_citations);
    if (a == b) return std::nullopt;
    FieldChange change{"sources", {}, {}};
    std::size_t i = 0;
    std::size_t j = 0;
    auto add = [](std::string& text, const Graph& graph, const CitationKey& key) {
        text.append(text.empty() ? "" : "; ").append(graph.cite(key.citation));
    };
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i] < b[j])) {
            add(change.before, before, a[i++]);
        } else if (i == a.size() || b[j] < a[i]) {
            add(change.after, after, b[j++]);
        } else {
            ++i;
            ++j;
        }
    }
    return change;
}

void compare_field(std::vector<FieldChange>& fields, std::string_view field, std::string before, std::string after) {
    if (before != after) fields.push_back({std::string(field), std::move(before), std::move(after)});
}

void compare_validity(std::vector<FieldChange>& fields, const Validity& before, const Validity& after) {
    compare_field(fields, "valid_from", date_text(before.from), date_text(after.from));
    compare_field(fields, "valid_to", date_text(before.to), date_text(after.to));
}

// Attributes are sorted by key on both sides: one merge.
void compare_attributes(std::vector<FieldChange>& fields, const Attributes& before, const Attributes& after) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i].key < after[j].key)) {
            fields.push_back({"attribute " + std::string(before[i].key), std::string(before[i].value), {}});
            ++i;
        } else if (i == before.size() || after[j].key < before[i].key) {
            fields.push_back({"attribute " + std::string(after[j].key), {}, std::string(after[j].value)});
            ++j;
        } else {
            compare_field(fields, "attribute " + std::string(before[i].key), std::string(before[i].value),
                          std::string(after[j].value));
            ++i;
            ++j;
        }
    }
}

std::vector<FieldChange> entity_fields(const Graph& before, EntityIndex old_index, const Graph& after,
                                       EntityIndex new_index) {
    const auto a = before.entity(old_index);
    const auto b = after.entity(new_index);
    std::vector<FieldChange> fields;
    compare_field(fields, "name", std::string(a.name), std::string(b.name));
    compare_field(fields, "short_name", std::string(a.short_name), std::string(b.short_name));
    compare_field(fields, "kind", before.kind_of(old_index).id, after.kind_of(new_index).id);
    compare_field(fields, "aliases", joined(a.aliases), joined(b.aliases));
    compare_validity(fields, a.validity, b.validity);
    compare_attributes(fields, a.attributes, b.attributes);
    if (auto sources = sources_change(before, a.citations, after, b.citations)) fields.push_back(std::move(*sources));
    return fields;
}

// What names a stated relation across graphs, and its dates. Its citations are read only when two
// relations of one graph agree on all of this (rare), so most relations cost no allocation.
struct RelationKey {
    std::string_view kind;
    std::string_view from;
    std::string_view to;
    Attributes attributes;
    Validity validity;
    RelationIndex index = 0;
};

int compare_attributes(const Attributes& a, const Attributes& b) {
    const auto n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = a[i];
        const auto y = b[i];
        if (x != y) return x < y ? -1 : 1;
    }
    if (a.size() == b.size()) return 0;
    return a.size() < b.size() ? -1 : 1;
}

int sign(int c) {
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// The name of the relation: kind, ends, attributes.
int compare_name(const RelationKey& a, const RelationKey& b) {
    if (auto c = a.kind.compare(b.kind); c != 0) return sign(c);
    if (auto c = a.from.compare(b.from); c != 0) return sign(c);
    if (auto c = a.to.compare(b.to); c != 0) return sign(c);
    return compare_attributes(a.attributes, b.attributes);
}

// The rest, once the names are equal: the dates, then the citations (by source id and locator).
int compare_rest(const Graph& ga, const RelationKey& a, const Graph& gb, const RelationKey& b) {
    const auto va = std::tie(a.validity.from, a.validity.to);
    const auto vb = std::tie(b.validity.from, b.validity.to);
    if (va != vb) return va < vb ? -1 : 1;
    const auto ca = citation_keys(ga, ga.relation(a.index).citations);
    const auto cb = citation_keys(gb, gb.relation(b.index).citations);
    if (ca != cb) return ca < cb ? -1 : 1;
    return 0;
}

std::vector<RelationKey> relation_keys(const Graph& graph) {
    std::vector<RelationKey> keys;
    keys.reserve(graph.relation_count());
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const auto& record = graph.relation_record(r);
        if ((record.flags & image::relation_derived) != 0) continue;
        keys.push_back({graph.kind_of_relation(r).id, graph.entity_id(record.from), graph.entity_id(record.to),
                        graph.relation(r).attributes, graph.relation_validity(r), r});
    }
    std::sort(keys.begin(), keys.end(), [&](const RelationKey& a, const RelationKey& b) {
        if (auto c = compare_name(a, b); c != 0) return c < 0;
        if (auto c = compare_rest(graph, a, graph, b); c != 0) return c < 0;
        return a.index < b.index;
    });
    return keys;
}

bool ends_in(const Graph& graph, const RelationKey& key) {
    return graph.find(key.from).has_value() && graph.find(key.to).has_value();
}

void diff_entities(const Graph& before, const Graph& after, GraphDiff& diff) {
    for (EntityIndex e = 0; e < before.entity_count(); ++e) {
        const auto id = before.entity_id(e);
        const auto other = after.find(id);
        if (!other) {
            diff.entities.push_back({ChangeType::removed, std::string(id), e, std::nullopt, {}});
            continue;
        }
        auto fields = entity_fields(before, e, after, *other);
        if (!fields.empty())
            diff.entities.push_back({ChangeType::changed, std::string(id), e, *other, std::move(fields)});
    }
    for (EntityIndex e = 0; e < after.entity_count(); ++e) {
        const auto id = after.entity_id(e);
        if (!before.find(id)) diff.entities.push_back({ChangeType::added, std::string(id), std::nullopt, e, {}});
    }
    std::sort(diff.entities.begin(), diff.entities.end(),
              [](const EntityChange& a, const EntityChange& b) { return a.id < b.id; });
}

void diff_relations(const Graph& before, const Graph& after, GraphDiff& diff) {
    const auto a = relation_keys(before);
    const auto b = relation_keys(after);
    diff.summary.relations_before = a.size();
    diff.summary.relations_after = b.size();
    auto removed = [&](const RelationKey& key) {
        diff.relations.push_back({ChangeType::removed, key.index, std::nullopt, {}, !ends_in(after, key)});
    };
    auto added = [&](const RelationKey& key) {
        diff.relations.push_back({ChangeType::added, std::nullopt, key.index, {}, !ends_in(before, key)});
    };
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        const int order = i == a.size() ? 1 : j == b.size() ? -1 : compare_name(a[i], b[j]);
        if (order < 0) {
            removed(a[i++]);
            continue;
        }
        if (order > 0) {
            added(b[j++]);
            continue;
        }
        // A run of relations of the same name on each side (a relation stated for two periods):
        // the identical ones match, the rest pair in order and differ, the surplus comes or goes.
        auto i_end = i;
        while (i_end < a.size() && compare_name(a[i], a[i_end]) == 0) ++i_end;
        auto j_end = j;
        while (j_end < b.size() && compare_name(b[j], b[j_end]) == 0) ++j_end;
        std::vector<const RelationKey*> only_a;
        std::vector<const RelationKey*> only_b;
        while (i < i_end || j < j_end) {
            const int rest = i == i_end ? 1 : j == j_end ? -1 : compare_rest(before, a[i], after, b[j]);
            if (rest < 0) {
                only_a.push_back(&a[i++]);
            } else if (rest > 0) {
                only_b.push_back(&b[j++]);
            } else {
                ++i;
                ++j;
            }
        }
        const auto paired = std::min(only_a.size(), only_b.size());
        for (std::size_t k = 0; k < paired; ++k) {
            RelationChange change{ChangeType::changed, only_a[k]->index, only_b[k]->index, {}, false};
            compare_validity(change.fields, only_a[k]->validity, only_b[k]->validity);
            if (auto sources = sources_change(before, before.relation(only_a[k]->index).citations, after,
                                              after.relation(only_b[k]->index).citations))
                change.fields.push_back(std::move(*sources));
            diff.relations.push_back(std::move(change));
        }
        for (std::size_t k = paired; k < only_a.size(); ++k) removed(*only_a[k]);
        for (std::size_t k = paired; k < only_b.size(); ++k) added(*only_b[k]);
    }
}

// Every entity a coverage answer reaches (countries of the universe, home countries and those
// outside the universe that are still countries), with the ids of the units that reach it.
using Reached = std::unordered_map<std::string_view, std::vector<std::string_view>>;

Reached reached(const Graph& graph, const CoverageReport& report) {
    Reached result;
    auto add = [&](EntityIndex place, const std::vector<CoveringUnit>& units) {
        auto& list = result[graph.entity_id(place)];
        for (const auto& u : units) list.push_back(graph.entity_id(u.unit));
    };
    for (const auto& c : report.covered) add(c.place, c.units);
    for (const auto& h : report.home) add(h.place, h.units);
    for (const auto& o : report.outside_universe) add(o.entity, o.units);  // countries only
    for (auto& [place, units] : result) {
        std::sort(units.begin(), units.end());
        units.erase(std::unique(units.begin(), units.end()), units.end());
    }
    std::erase_if(result, [](const auto& entry) { return entry.second.empty(); });
    return result;
}

std::vector<std::string> strings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

CoverageDiff diff_coverage(const Graph& before, const Graph& after, const CoverageQuestion& question) {
    const auto old_reach = reached(before, compute_coverage(before, question.before));
    const auto new_reach = reached(after, compute_coverage(after, question.after));
    CoverageDiff diff;
    diff.name = question.name;
    std::unordered_map<std::string_view, UnitCoverageChange> units;
    auto unit = [&](std::string_view id) -> UnitCoverageChange& {
        auto& change = units[id];
        if (change.unit.empty()) {
            change.unit = std::string(id);
            change.before = before.find(id);
            change.after = after.find(id);
        }
        return change;
    };
    auto place = [&](std::string_view id, const std::vector<std::string_view>& old_units,
                     const std::vector<std::string_view>& new_units) {
        return PlaceCoverageChange{std::string(id), before.find(id), after.find(id), strings(old_units),
                                   strings(new_units)};
    };
    const std::vector<std::string_view> none;
    for (const auto& [id, old_units] : old_reach) {
        const auto it = new_reach.find(id);
        const auto& new_units = it == new_reach.end() ? none : it->second;
        if (new_units.empty()) diff.lost_all.push_back(place(id, old_units, new_units));
        std::vector<std::string_view> lost;
        std::vector<std::string_view> gained;
        std::set_difference(old_units.begin(), old_units.end(), new_units.begin(), new_units.end(),
                            std::back_inserter(lost));
        std::set_difference(new_units.begin(), new_units.end(), old_units.begin(), old_units.end(),
                            std::back_inserter(gained));
        for (auto u : lost) unit(u).lost.emplace_back(id);
        for (auto u : gained) unit(u).gained.emplace_back(id);
    }
    for (const auto& [id, new_units] : new_reach) {
        if (old_reach.contains(id)) continue;
        diff.gained_first.push_back(place(id, none, new_units));
        for (auto u : new_units) unit(u).gained.emplace_back(id);
    }
    for (auto& [id, change] : units) {
        std::sort(change.gained.begin(), change.gained.end());
        std::sort(change.lost.begin(), change.lost.end());
        diff.units.push_back(std::move(change));
    }
    auto by_unit = [](const UnitCoverageChange& a, const UnitCoverageChange& b) { return a.unit < b.unit; };
    auto by_place = [](const PlaceCoverageChange& a, const PlaceCoverageChange& b) { return a.place < b.place; };
    std::sort(diff.units.begin(), diff.units.end(), by_unit);
    std::sort(diff.lost_all.begin(), diff.lost_all.end(), by_place);
    std::sort(diff.gained_first.begin(), diff.gained_first.end(), by_place);
    return diff;
}

}  // namespace

GraphDiff diff_graphs(const Graph& before, const Graph& after, const DiffOptions& options) {
    GraphDiff diff;
    diff.summary.entities_before = before.entity_count();
    diff.summary.entities_after = after.entity_count();
    diff_entities(before, after, diff);
    diff_relations(before, after, diff);
    for (const auto& e : diff.entities) {
        auto& count = e.type == ChangeType::added     ? diff.summary.entities_added
                      : e.type == ChangeType::removed ? diff.summary.entities_removed
                                                      : diff.summary.entities_changed;
        ++count;
    }
    for (const auto& r : diff.relations) {
        auto& count = r.type == ChangeType::added     ? diff.summary.relations_added
                      : r.type == ChangeType::removed ? diff.summary.relations_removed
                                                      : diff.summary.relations_changed;
        ++count;
    }
    for (const auto& question : options.questions) diff.coverage.push_back(diff_coverage(before, after, question));
    return diff;
}

}  // namespace orgraph
