#pragma once
// How a diagram looks: the shape and colours of each entity kind, the colour of each relation
// kind's edges, and the colour a highlighted route is drawn in. Every style is in one table
// (diagram_style.cpp), so that no two kinds the legend shows share a fill and the highlight's
// colour is used by nothing else.

#include <string_view>

#include "orgraph/model/schema.hpp"

namespace orgraph::dot_detail {

struct KindStyle {
    std::string_view shape;
    std::string_view fill;
    std::string_view style;  // added to "filled"
    std::string_view font_colour;
};

// How the entities of a kind are drawn: the built-in schema's kinds have styles of their own,
// another kind takes its nearest styled ancestor's, and a kind with neither a palette colour.
KindStyle style_of(const Schema& schema, KindIndex kind);

// The colour of the edges of a relation kind: the built-in schema's relation kinds have colours
// of their own, another kind one from a palette.
std::string_view relation_colour(const Schema& schema, RelationKindIndex kind);

// The route's colour, which no kind and no relation kind is given.
inline constexpr std::string_view highlight_colour = "#d62728";

}  // namespace orgraph::dot_detail
