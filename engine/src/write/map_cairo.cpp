// The world map rendered with cairo: the same scene the SVG writer draws, as PNG or PDF.
// Cairo rather than rasterising our SVG: one drawing path for both formats, vector PDF, and a
// library Graphviz already brings along.

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <cmath>
#include <memory>
#include <numbers>

#include "map_style.hpp"
#include "orgraph/write/world_map.hpp"

namespace orgraph {
namespace {

struct Colour {
    double r = 0, g = 0, b = 0;
};

Colour colour(std::string_view hex) {
    if (hex.size() != 7 || hex.front() != '#') return {};
    auto channel = [&](std::size_t at) { return std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0; };
    return {channel(1), channel(3), channel(5)};
}

void set_colour(cairo_t* cr, std::string_view hex, double alpha = 1) {
    const auto c = colour(hex);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void rings_path(cairo_t* cr, const std::vector<MapRing>& rings) {
    cairo_new_path(cr);
    for (const auto& ring : rings) {
        for (std::size_t i = 0; i < ring.size(); ++i) {
            if (i == 0)
                cairo_move_to(cr, ring[i].x, ring[i].y);
            else
                cairo_line_to(cr, ring[i].x, ring[i].y);
        }
        cairo_close_path(cr);
    }
}

void draw_text(cairo_t* cr, const MapText& t) {
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           t.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, t.size);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, t.text.c_str(), &extents);
    double x = t.at.x;
    if (t.anchor == 0) x -= extents.x_advance / 2;
    if (t.anchor == 1) x -= extents.x_advance;
    set_colour(cr, t.colour);
    cairo_move_to(cr, x, t.at.y);
    cairo_show_text(cr, t.text.c_str());
}

class Hatch {
public:
    explicit Hatch(cairo_surface_t* target) {
        using namespace map_style;
        const double size = hatch_spacing * std::numbers::sqrt2;
        const int tile = static_cast<int>(std::ceil(size));
        cairo_surface_t* surface = cairo_surface_create_similar(target, CAIRO_CONTENT_COLOR_ALPHA, tile, tile);
        cairo_t* cr = cairo_create(surface);
        set_colour(cr, hatch, hatch_opacity);
        cairo_set_line_width(cr, hatch_width);
        // Diagonals, with their continuations in the corners so that the tiles join.
        for (int k = -1; k <= 1; ++k) {
            cairo_move_to(cr, k * tile - 1, tile + 1);
            cairo_line_to(cr, k * tile + tile + 1, -1);
        }
        cairo_stroke(cr);
        cairo_destroy(cr);
        m_pattern = cairo_pattern_create_for_surface(surface);
        cairo_pattern_set_extend(m_pattern, CAIRO_EXTEND_REPEAT);
        cairo_surface_destroy(surface);
    }
    ~Hatch() { cairo_pattern_destroy(m_pattern); }
    Hatch(const Hatch&) = delete;
    Hatch& operator=(const Hatch&) = delete;

    void fill(cairo_t* cr) const {
        cairo_set_source(cr, m_pattern);
        cairo_fill_preserve(cr);
    }

private:
    cairo_pattern_t* m_pattern = nullptr;
};

void draw(cairo_t* cr, cairo_surface_t* surface, const MapScene& scene) {
    using namespace map_style;
    const Hatch hatching(surface);
    set_colour(cr, background);
    cairo_paint(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);

    rings_path(cr, {scene.sphere});
    set_colour(cr, ocean);
    cairo_fill_preserve(cr);
    set_colour(cr, ocean_outline);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);

    for (const auto& c : scene.countries) {
        rings_path(cr, c.rings);
        set_colour(cr, c.fill);
        cairo_fill_preserve(cr);
        if (c.hatched) hatching.fill(cr);
        const auto stroke = stroke_of(c.state);
        set_colour(cr, stroke.colour);
        cairo_set_line_width(cr, stroke.width);
        cairo_stroke(cr);
    }
    for (const auto& c : scene.countries) {
        if (!c.marker) continue;
        if (c.leader) {
            set_colour(cr, leader);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, c.centre.x, c.centre.y);
            cairo_line_to(cr, c.leader_to.x, c.leader_to.y);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
        cairo_arc(cr, c.centre.x, c.centre.y, c.radius, 0, 2 * std::numbers::pi);
        set_colour(cr, c.fill);
        cairo_fill_preserve(cr);
        if (c.hatched) hatching.fill(cr);
        set_colour(cr, marker_outline);
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
        draw_text(cr, c.label);
    }
    for (const auto& item : scene.legend) {
        cairo_new_path(cr);
        if (item.marker) {
            cairo_arc(cr, item.x + 8, item.y + 7, 4, 0, 2 * std::numbers::pi);
            set_colour(cr, item.fill);
            cairo_fill_preserve(cr);
            set_colour(cr, marker_outline);
            cairo_set_line_width(cr, 0.8);
        } else {
            cairo_rectangle(cr, item.x, item.y, 16, 14);
            set_colour(cr, item.fill);
            cairo_fill_preserve(cr);
            if (item.hatched) hatching.fill(cr);
            set_colour(cr, "#555555");
            cairo_set_line_width(cr, 0.6);
        }
        cairo_stroke(cr);
        draw_text(cr, item.text);
    }
    for (const auto& t : scene.texts) draw_text(cr, t);
}

}  // namespace

std::string map_picture(const MapScene& scene, RenderFormat format) {
    if (format == RenderFormat::svg) return map_svg(scene);
    std::string data;
    const int width = static_cast<int>(std::ceil(scene.width));
    const int height = static_cast<int>(std::ceil(scene.height));
    cairo_surface_t* surface = format == RenderFormat::png
                                   ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)
                                   : cairo_pdf_surface_create_for_stream(append, &data, scene.width, scene.height);
    cairo_t* cr = cairo_create(surface);
    draw(cr, surface, scene);
    auto status = cairo_status(cr);
    cairo_destroy(cr);
    if (format == RenderFormat::png && status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream(surface, append, &data);
    cairo_surface_finish(surface);
    const auto surface_status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || surface_status != CAIRO_STATUS_SUCCESS)
        throw render_error(
            fmt::format("cairo could not draw the map: {}",
                        cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : surface_status)));
    return data;
}

}  // namespace orgraph
