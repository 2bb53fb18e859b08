#pragma once
// A world map: the country shapes, and a scene of them laid out in pixels (for a coverage answer
// by make_coverage_map, report/coverage_map.hpp: a choropleth in which each country of the
// universe is filled by the unit that covers it, uncovered countries in one alert colour,
// countries covered twice or more hatched, the home country marked and the rest greyed).
// Countries too small to see at world scale get a circle marker with a label.
//
// The country shapes are Natural Earth's (public domain), converted by scripts/gen-world-map
// into datasets/world/map/countries.shapes (already projected: Equal Earth, radius 1000, y down)
// and embedded in the binary. Shapes join the graph's countries on an attribute holding the
// ISO 3166-1 numeric code (`numeric` in the built-in gazetteer).
//
// make_coverage_map() lays everything out once, in pixels, into a MapScene; the SVG writer and
// the cairo renderer (PNG, PDF) draw that scene alike. The SVG is our own writer: each country
// is a path with the id "c-NNN" (its numeric code) and the classes "country STATE", each marker
// a circle "m-NNN" with the classes "marker STATE", each with a <title> tooltip naming the units
// that cover the country and the sources. Output is deterministic: same input, same bytes.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "orgraph/write/render.hpp"

namespace orgraph {

struct MapPoint {
    double x = 0;
    double y = 0;

    auto operator<=>(const MapPoint&) const = default;
};
using MapRing = std::vector<MapPoint>;

// Equal Earth (Šavrič, Patterson and Jenny 2018) on the unit sphere: longitude and latitude in
// degrees to x east and y north.
MapPoint equal_earth(double longitude, double latitude);

// One shape of the map file.
struct CountryShape {
    std::string numeric;         // ISO 3166-1 numeric code, three digits; empty when the shape has none
    std::string name;            // Natural Earth's name (the map names countries from the graph)
    std::string scale;           // 110m, 50m or 10m
    std::vector<MapRing> rings;  // projected units; holes are rings too (even-odd)
    double area = 0;             // the sum of the rings' areas, square projected units
    MapPoint centre;             // the centroid of the largest ring
};

struct WorldShapes {
    MapPoint min, max;  // the extent of the whole world
    std::vector<CountryShape> shapes;
};

struct map_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses the map file format (see scripts/gen-world-map); `name` names it in errors.
WorldShapes parse_world_shapes(std::string_view text, std::string_view name);
// The shapes embedded in the binary (datasets/world/map/countries.shapes), parsed once.
const WorldShapes& builtin_world_shapes();

enum class MapState {
    covered,           // a country of the universe one unit covers
    multiply_covered,  // two units or more
    uncovered,         // no unit
    home,              // the organisation's own country, counted apart
    outside,           // a country outside the universe
    no_country,        // a shape the graph has no country for
};

// "covered", "multiple", "uncovered", "home", "outside", "no-country": the SVG class.
std::string_view map_state_class(MapState state);

struct MapText {
    MapPoint at;
    std::string text;
    double size = 12;
    bool bold = false;
    int anchor = -1;  // -1 start, 0 middle, 1 end
    std::string colour = "#222222";
    std::string css{};  // the SVG class: title, subtitle, note (labels and legend texts have their own)
};

struct MapCountry {
    std::string numeric;  // empty for a shape without a code
    std::string iso3;     // the country's id; empty for a shape without a country
    std::string name;
    MapState state = MapState::outside;
    std::string fill;
    bool hatched = false;
    std::string title;           // the tooltip: the country, its state, the units and sources
    std::vector<MapRing> rings;  // pixels
    double area = 0;             // square pixels
    bool marker = false;         // drawn as a circle too, with a label
    MapPoint centre;             // pixels: the marker's centre
    double radius = 0;
    MapText label;
    bool leader = false;  // a line from the marker to a label placed farther away
    MapPoint leader_to;
};

struct MapLegendItem {
    double x = 0, y = 0;  // the swatch's top left corner
    std::string fill;
    bool hatched = false;
    bool marker = false;  // a circle, not a box
    std::string css;      // the state or "unit"
    MapText text;
};

struct MapScene {
    double width = 0, height = 0;
    std::string title;
    std::vector<MapText> texts;         // title, subtitle, notes
    MapRing sphere;                     // the outline of the world, pixels
    std::vector<MapCountry> countries;  // shapes in drawing order; markers are drawn after every shape
    std::vector<MapLegendItem> legend;
    std::vector<std::string> unmapped;  // countries of the universe the map has no shape for: "Name (ID)"
};

// The scene as an SVG document.
std::string map_svg(const MapScene& scene);
// The scene as SVG (map_svg), or rendered with cairo as PNG or PDF.
std::string map_picture(const MapScene& scene, RenderFormat format);

}  // namespace orgraph
