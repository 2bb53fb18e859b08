#pragma once
// The world map of a coverage answer (analysis/coverage.hpp) laid out as a scene
// (write/world_map.hpp) that the SVG writer and the cairo renderer draw alike: each country of
// the universe filled by the unit that covers it, uncovered countries in one alert colour,
// countries covered twice or more hatched, the home country marked and the rest greyed; countries
// too small to see at world scale get a circle marker with a label.

#include <cstddef>
#include <string>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/model/graph.hpp"
#include "orgraph/write/world_map.hpp"

namespace orgraph {

struct MapOptions {
    std::string title;     // the question
    std::string subtitle;  // the answer in a sentence, and the date
    // The place attribute holding the ISO numeric code; empty: the schema's [gazetteer]
    // numeric_attribute (when it names none either, no place joins a shape).
    std::string numeric_attribute;
    double width = 1600;  // pixels (points in PDF)
    // Square pixels at the default width (scaled with the width): a country of the universe
    // smaller than this gets a marker, and an uncovered one smaller than the second.
    double small_area = 30;
    double uncovered_small_area = 160;
    std::size_t max_unit_colours = 12;  // more units than this: one colour per kind of unit
};

// Lays out the map of `report`, computed by compute_coverage(graph, params).
MapScene make_coverage_map(const Graph& graph, const CoverageParams& params, const CoverageReport& report,
                           const MapOptions& options, const WorldShapes& shapes = builtin_world_shapes());

}  // namespace orgraph
