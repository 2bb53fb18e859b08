#pragma once
// How a diagram looks: the shape and colours of each entity kind and the colour of each relation
// kind's edges, as the schema's [presentation] tables declare them (defaults for what they leave
// out), and the colour a highlighted route is drawn in, which the schema may give no kind.

#include <string>
#include <string_view>

#include "orgraph/model/schema.hpp"

namespace orgraph::dot_detail {

// A kind's style with every field filled in.
struct NodeStyle {
    std::string shape;
    std::string fill;
    std::string style;  // added to "filled"
    std::string font_colour;
};

// How the entities of a kind are drawn: the schema's style for the kind, field by field from the
// kind up through its ancestors; what none sets, the default (a box, a palette fill, black text).
NodeStyle style_of(const Schema& schema, KindIndex kind);

// The colour of the edges of a relation kind: the schema's, else one from a palette.
std::string_view relation_colour(const Schema& schema, RelationKindIndex kind);

// The route's colour, which no kind and no relation kind is given.
inline constexpr std::string_view highlight_colour = "#d62728";

}  // namespace orgraph::dot_detail
