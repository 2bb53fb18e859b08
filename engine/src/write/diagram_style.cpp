#include "write/diagram_style.hpp"

#include <iterator>
#include <map>
#include <optional>

namespace orgraph::dot_detail {
namespace {

// Styles of the built-in schema's kinds (its ids are a contract).
const std::map<std::string_view, KindStyle>& builtin_styles() {
    static const std::map<std::string_view, KindStyle> styles = {
        {"ministry", {"box", "#1f4e79", "bold,rounded", "#ffffff"}},
        {"department", {"box", "#cfe2f3", "rounded", "#000000"}},
        {"regional_department", {"box", "#9fc5e8", "rounded", "#000000"}},
        {"institute", {"box", "#b6d7a8", "rounded", "#000000"}},
        {"association", {"box", "#f9cb9c", "rounded", "#000000"}},
        {"organ", {"box", "#ffe599", "", "#000000"}},
        {"unit", {"box", "#f3f3f3", "", "#000000"}},
        {"post", {"ellipse", "#f4cccc", "", "#000000"}},
        {"branch", {"box", "#ffe599", "dashed", "#000000"}},
        {"country", {"ellipse", "#e6e0f8", "", "#000000"}},
        {"region", {"hexagon", "#d0e0e3", "", "#000000"}},
        {"regional_organization", {"octagon", "#d9d2e9", "", "#000000"}},
        {"international_organization", {"octagon", "#b4a7d6", "", "#000000"}},
        {"organization_body", {"octagon", "#ead1dc", "", "#000000"}},
        {"organization_group", {"octagon", "#ead1dc", "dashed", "#000000"}},
        {"city", {"ellipse", "#eeeeee", "", "#000000"}},
        {"mission", {"house", "#a2c4c9", "", "#000000"}},
        {"mission_group", {"house", "#d0e0e3", "dashed", "#000000"}},
        {"contact_channel", {"note", "#ffffff", "", "#000000"}},
    };
    return styles;
}

constexpr std::string_view palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
constexpr std::string_view edge_palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                                             "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31",
                                             "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1",
                                             "#636363", "#ad494a", "#a55194", "#6b6ecf", "#b5cf6b", "#e7ba52"};

}  // namespace

KindStyle style_of(const Schema& schema, KindIndex kind) {
    const auto& styles = builtin_styles();
    for (std::optional<KindIndex> k = kind; k; k = schema.entity_kind(*k).parent) {
        if (auto it = styles.find(schema.entity_kind(*k).id); it != styles.end()) return it->second;
    }
    return {"box", palette[kind % std::size(palette)], "", "#000000"};
}

std::string_view relation_colour(RelationKindIndex kind) {
    return edge_palette[kind % std::size(edge_palette)];
}

}  // namespace orgraph::dot_detail
