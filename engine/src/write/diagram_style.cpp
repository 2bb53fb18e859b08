#include "write/diagram_style.hpp"

#include <iterator>

namespace orgraph::dot_detail {
namespace {

// For kinds the schema gives no colour. None is the highlight's red.
constexpr std::string_view palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
constexpr std::string_view edge_palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                                             "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31",
                                             "#7b4173", "#3182bd", "#31a354", "#756bb1", "#636363", "#a55194",
                                             "#6b6ecf", "#b5cf6b", "#e7ba52"};

}  // namespace

NodeStyle style_of(const Schema& schema, KindIndex kind) {
    const auto declared = schema.kind_style(kind);
    NodeStyle style{declared.shape, declared.fill, declared.style, declared.font_colour};
    if (style.shape.empty()) style.shape = "box";
    if (style.fill.empty()) style.fill = palette[kind % std::size(palette)];
    if (style.font_colour.empty()) style.font_colour = "#000000";
    return style;
}

std::string_view relation_colour(const Schema& schema, RelationKindIndex kind) {
    const auto& relations = schema.presentation().relations;
    if (auto it = relations.find(schema.relation_kind(kind).id); it != relations.end() && !it->second.colour.empty())
        return it->second.colour;
    return edge_palette[kind % std::size(edge_palette)];
}

}  // namespace orgraph::dot_detail
