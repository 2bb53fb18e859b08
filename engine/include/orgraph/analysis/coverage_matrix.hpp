#pragma once
// The coverage matrix: one coverage question per column of the schema's [[coverage.matrix]]
// (the units of a kind and the relation by which they answer), joined by place. Each row is a
// place of the universe, the home place included and marked; each cell the units of its column
// that answer for the place.

#include <string>
#include <vector>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/model/schema.hpp"

namespace orgraph {

// One column: its dimension and the coverage answer for it.
struct CoverageMatrixColumn {
    MatrixDimension dimension;
    CoverageReport report;
};

// One place of the universe and, per column (in column order), the units that answer for it
// (empty: none).
struct CoverageMatrixRow {
    EntityIndex place = 0;
    bool home = false;  // a home place of the organisation (counted apart by coverage)
    std::vector<std::vector<CoveringUnit>> cells;
};

struct CoverageMatrix {
    // The dimensions whose relation kind and unit kind the data has, in the order declared.
    std::vector<CoverageMatrixColumn> columns;
    // Every place of the universe (of the first column's answer: every column asks about the
    // same universe), home places included, by name then id.
    std::vector<CoverageMatrixRow> rows;
    // The units that reach a place of the universe or a home place in some column, by name then
    // id, each once: the legend of the ids the cells use.
    std::vector<EntityIndex> units;

    // The answer of the first column: the universe's size and the date every column shares.
    [[nodiscard]] const CoverageReport& first() const { return columns.front().report; }
};

// The matrix over `dimensions`, each asked with `base` (its relation and unit kind replaced by
// the dimension's). A dimension whose relation kind or unit kind the schema lacks, or whose kind
// no entity has, is left out. Throws coverage_error when `dimensions` is empty or none is left.
CoverageMatrix compute_coverage_matrix(const Graph& graph, const CoverageParams& base,
                                       const std::vector<MatrixDimension>& dimensions);
// The matrix over the schema's [[coverage.matrix]] columns.
CoverageMatrix compute_coverage_matrix(const Graph& graph, const CoverageParams& base);

}  // namespace orgraph
