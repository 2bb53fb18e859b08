#include "write/diagram_style.hpp"

#include <iterator>
#include <map>
#include <optional>

namespace orgraph::dot_detail {
namespace {

// The styles of the built-in schema's kinds and relation kinds (its ids are a contract). Each
// entity kind has a fill of its own, subkinds included, so that the legend tells an embassy from
// a consulate-general; no fill or edge colour is the highlight's red.
struct Styles {
    std::map<std::string_view, KindStyle> kinds;
    std::map<std::string_view, std::string_view> relations;
};

const Styles& builtin_styles() {
    static const Styles styles = {
        .kinds =
            {
                {"ministry", {"box", "#1f4e79", "bold,rounded", "#ffffff"}},
                {"department", {"box", "#cfe2f3", "rounded", "#000000"}},
                {"regional_department", {"box", "#9fc5e8", "rounded", "#000000"}},
                {"institute", {"box", "#b6d7a8", "rounded", "#000000"}},
                {"association", {"box", "#f9cb9c", "rounded", "#000000"}},
                {"organ", {"box", "#ffe599", "", "#000000"}},
                {"unit", {"box", "#f3f3f3", "", "#000000"}},
                {"post", {"ellipse", "#f4cccc", "", "#000000"}},
                {"branch", {"box", "#fff2cc", "dashed", "#000000"}},
                {"country", {"ellipse", "#e6e0f8", "", "#000000"}},
                {"region", {"hexagon", "#d0e0e3", "", "#000000"}},
                {"regional_organization", {"octagon", "#d9d2e9", "", "#000000"}},
                {"international_organization", {"octagon", "#b4a7d6", "", "#000000"}},
                {"organization_body", {"octagon", "#ead1dc", "", "#000000"}},
                {"organization_group", {"octagon", "#d5a6bd", "dashed", "#000000"}},
                {"city", {"ellipse", "#eeeeee", "", "#000000"}},
                {"mission", {"house", "#a2c4c9", "", "#000000"}},
                {"embassy", {"house", "#45818e", "", "#ffffff"}},
                {"consulate_general", {"house", "#76a5af", "", "#000000"}},
                {"consular_office", {"house", "#c9e4e8", "", "#000000"}},
                {"consular_agency", {"house", "#d9ead3", "", "#000000"}},
                {"permanent_mission", {"house", "#6fa8dc", "", "#000000"}},
                {"mission_group", {"house", "#b7e1cd", "dashed", "#000000"}},
                {"contact_channel", {"note", "#ffffff", "", "#000000"}},
                {"postal_address", {"note", "#fdf5e6", "", "#000000"}},
                {"po_box", {"note", "#f5f5dc", "", "#000000"}},
                {"fax", {"note", "#e8f4f8", "", "#000000"}},
                {"email", {"note", "#f0e6ff", "", "#000000"}},
            },
        .relations =
            {
                {"part_of", "#1f77b4"},        {"ministry_of", "#393b79"},   {"covers", "#2ca02c"},
                {"includes", "#637939"},       {"member_of", "#9467bd"},     {"sponsored_by", "#ff7f0e"},
                {"focuses_on", "#8c564b"},     {"contact_via", "#e377c2"},   {"located_in", "#7f7f7f"},
                {"has_post", "#bcbd22"},       {"elects", "#17becf"},        {"handles", "#8c6d31"},
                {"works_through", "#7b4173"},  {"deals_with", "#3182bd"},    {"represents", "#31a354"},
                {"subordinate_to", "#756bb1"}, {"accredited_to", "#636363"}, {"serves", "#a55194"},
                {"oversees", "#6b6ecf"},
            },
    };
    return styles;
}

// For kinds of other schemas.
constexpr std::string_view palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
constexpr std::string_view edge_palette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
                                             "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31",
                                             "#7b4173", "#3182bd", "#31a354", "#756bb1", "#636363", "#a55194",
                                             "#6b6ecf", "#b5cf6b", "#e7ba52"};

}  // namespace

KindStyle style_of(const Schema& schema, KindIndex kind) {
    const auto& styles = builtin_styles().kinds;
    for (std::optional<KindIndex> k = kind; k; k = schema.entity_kind(*k).parent) {
        if (auto it = styles.find(schema.entity_kind(*k).id); it != styles.end()) return it->second;
    }
    return {"box", palette[kind % std::size(palette)], "", "#000000"};
}

std::string_view relation_colour(const Schema& schema, RelationKindIndex kind) {
    const auto& colours = builtin_styles().relations;
    if (auto it = colours.find(schema.relation_kind(kind).id); it != colours.end()) return it->second;
    return edge_palette[kind % std::size(edge_palette)];
}

}  // namespace orgraph::dot_detail
