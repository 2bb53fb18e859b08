#include "orgraph/analysis/coverage_matrix.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace orgraph {
namespace {

// Whether some entity is of `kind` or one of its subkinds.
bool has_entity_of(const Graph& graph, KindIndex kind) {
    for (EntityIndex e = 0; e < graph.entity_count(); ++e)
        if (graph.schema.is_a(graph.entity_kind_index(e), kind)) return true;
    return false;
}

// The columns the data can answer: one coverage answer per dimension it has units and a relation for.
std::vector<CoverageMatrixColumn> matrix_columns(const Graph& graph, const CoverageParams& base,
                                                 const std::vector<MatrixDimension>& dimensions) {
    if (dimensions.empty()) throw coverage_error("the schema declares no columns for a matrix ([[coverage.matrix]])");
    std::vector<CoverageMatrixColumn> columns;
    for (const auto& dimension : dimensions) {
        const auto kind = graph.schema.entity_kind(dimension.kind);
        if (!graph.schema.relation_kind(dimension.relation) || !kind || !has_entity_of(graph, *kind)) continue;
        auto params = base;
        params.relation = dimension.relation;
        params.from_kind = dimension.kind;
        columns.push_back({dimension, compute_coverage(graph, params)});
    }
    if (columns.empty()) {
        std::string kinds;
        for (const auto& d : dimensions) kinds += (kinds.empty() ? "" : ", ") + d.kind;
        throw coverage_error(fmt::format("the dataset has none of the units a matrix shows ({})", kinds));
    }
    return columns;
}

bool by_name_then_id(const Graph& graph, EntityIndex a, EntityIndex b) {
    return std::pair(graph.entity_name(a), graph.entity_id(a)) < std::pair(graph.entity_name(b), graph.entity_id(b));
}

// The rows: every place of the first column's universe, the home places in it marked; each
// cell what its column's answer says of the place (covered or home), else empty.
std::vector<CoverageMatrixRow> matrix_rows(const Graph& graph, const std::vector<CoverageMatrixColumn>& columns) {
    const auto& first = columns.front().report;
    std::vector<CoverageMatrixRow> rows;
    for (const auto& c : first.covered) rows.push_back({c.place, false, {}});
    for (const auto& g : first.uncovered)
        for (auto c : g.places) rows.push_back({c, false, {}});
    for (const auto& h : first.home)
        if (h.in_universe) rows.push_back({h.place, true, {}});
    std::sort(rows.begin(), rows.end(), [&](const CoverageMatrixRow& a, const CoverageMatrixRow& b) {
        return by_name_then_id(graph, a.place, b.place);
    });

    std::unordered_map<EntityIndex, std::size_t> row_of;
    row_of.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        row_of.emplace(rows[i].place, i);
        rows[i].cells.resize(columns.size());
    }
    for (std::size_t column = 0; column < columns.size(); ++column) {
        auto fill = [&](EntityIndex place, const std::vector<CoveringUnit>& units) {
            const auto it = row_of.find(place);
            if (it != row_of.end() && rows[it->second].cells[column].empty()) rows[it->second].cells[column] = units;
        };
        for (const auto& c : columns[column].report.covered) fill(c.place, c.units);
        for (const auto& h : columns[column].report.home) fill(h.place, h.units);
    }
    return rows;
}

// The units that reach a place of the universe or a home place in some column, by name then id.
std::vector<EntityIndex> matrix_units(const Graph& graph, const std::vector<CoverageMatrixColumn>& columns) {
    std::vector<EntityIndex> units;
    std::unordered_set<EntityIndex> seen;
    for (const auto& column : columns)
        for (const auto& u : column.report.per_unit)
            if (u.places + u.home > 0 && seen.insert(u.unit).second) units.push_back(u.unit);
    std::sort(units.begin(), units.end(), [&](EntityIndex a, EntityIndex b) { return by_name_then_id(graph, a, b); });
    return units;
}

}  // namespace

CoverageMatrix compute_coverage_matrix(const Graph& graph, const CoverageParams& base,
                                       const std::vector<MatrixDimension>& dimensions) {
    CoverageMatrix matrix;
    matrix.columns = matrix_columns(graph, base, dimensions);
    matrix.rows = matrix_rows(graph, matrix.columns);
    matrix.units = matrix_units(graph, matrix.columns);
    return matrix;
}

CoverageMatrix compute_coverage_matrix(const Graph& graph, const CoverageParams& base) {
    return compute_coverage_matrix(graph, base, graph.schema.coverage().matrix);
}

}  // namespace orgraph
