#pragma once
// What the SVG writer and the cairo renderer of the world map draw alike, besides the scene.

#include <string_view>

#include "orgraph/write/world_map.hpp"

namespace orgraph::map_style {

constexpr std::string_view background = "#ffffff";
constexpr std::string_view ocean = "#eaf2f8";
constexpr std::string_view ocean_outline = "#a9b8c6";
constexpr std::string_view border = "#ffffff";
constexpr std::string_view marker_outline = "#222222";
constexpr std::string_view leader = "#666666";
constexpr std::string_view hatch = "#000000";
constexpr double hatch_spacing = 6;  // pixels between the hatch lines
constexpr double hatch_width = 1.6;
constexpr double hatch_opacity = 0.55;

struct Stroke {
    std::string_view colour;
    double width;
};

// A country's outline: white borders, darker for the states that want to stand out.
constexpr Stroke stroke_of(MapState state) {
    switch (state) {
        case MapState::home:
            return {"#000000", 1.2};
        case MapState::multiply_covered:
            return {"#000000", 0.8};
        default:
            return {border, 0.4};
    }
}

}  // namespace orgraph::map_style
