#include "orgraph/report/overview.hpp"

#include <fmt/format.h>

#include "orgraph/analysis/coverage.hpp"

namespace orgraph {

OverviewCounts overview_counts(const Graph& graph, std::optional<Date> as_of, std::optional<Date> today) {
    const auto& schema = graph.schema;
    const auto& spec = schema.presentation().overview;
    CoverageParams question;
    question.relation = spec.count_by;
    question.as_of = as_of;
    question.today = as_of ? std::nullopt : today;
    question = with_schema_defaults(schema, std::move(question));
    const auto relation = schema.relation_kind(question.relation);
    const auto place = schema.entity_kind(question.place_kind);
    OverviewCounts counts;
    if (question.relation.empty() || !relation || !place) return counts;
    // The default universe of `coverage`: members and observers when the schema tells them.
    question.universe = question.membership_attribute.empty() ? CoverageUniverse::all_places
                                                              : CoverageUniverse::un_members_and_observers;
    counts.counted_kind.assign(schema.entity_kinds().size(), false);
    if (spec.counted.empty()) {
        for (KindIndex k = 0; k < counts.counted_kind.size(); ++k)
            counts.counted_kind[k] = schema.allows_from(*relation, k);
    } else {
        for (const auto& k : spec.counted)
            if (auto index = schema.entity_kind(k))
                for (auto d : schema.kind_and_descendants(*index)) counts.counted_kind[d] = true;
    }
    CoverageReport report;
    try {
        report = compute_coverage(graph, question);
    } catch (const coverage_error& e) {
        throw diagram_error(fmt::format("the overview cannot count places: {}", e.what()));
    }
    counts.places.assign(graph.entities().size(), 0);
    for (const auto& unit : report.per_unit) counts.places[unit.unit] = unit.places;
    const auto& kind = schema.entity_kind(*place);
    counts.singular = kind.label;
    counts.plural = kind.plural;
    const auto& relation_kind = schema.relation_kind(*relation);
    counts.relation = relation_kind.label.empty() ? relation_kind.id : relation_kind.label;
    counts.date = as_of ? as_of : today;
    return counts;
}

}  // namespace orgraph
