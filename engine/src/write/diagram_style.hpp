#pragma once
// How a diagram looks: the shape and colours of each entity kind, the colour of each relation
// kind's edges, and the colour a highlighted route is drawn in.

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

// The colour of the edges of a relation kind, from a palette.
std::string_view relation_colour(RelationKindIndex kind);

inline constexpr std::string_view highlight_colour = "#d62728";

}  // namespace orgraph::dot_detail
