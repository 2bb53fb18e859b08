// The world map as SVG: our own writer, every text escaped, numbers with one decimal, so that
// the same scene gives the same bytes.

#include <fmt/format.h>
#include <cmath>

#include "map_style.hpp"
#include "orgraph/model/visible_text.hpp"
#include "orgraph/write/world_map.hpp"

namespace orgraph {
namespace {

// Text for XML content and attribute values (append_xml, visible_text.hpp).
std::string xml(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    append_xml(out, raw, true);
    return out;
}

std::string num(double value) {
    auto text = fmt::format("{:.1f}", value);
    if (text == "-0.0") text = "0.0";
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}

// Path data; consecutive points that round alike are written once.
std::string path_data(const std::vector<MapRing>& rings) {
    std::string d;
    for (const auto& ring : rings) {
        std::string last;
        bool first = true;
        for (const auto& p : ring) {
            auto point = num(p.x) + " " + num(p.y);
            if (point == last) continue;
            d += (first ? "M" : "L") + point;
            last = std::move(point);
            first = false;
        }
        d += "Z";
    }
    return d;
}

std::string text_element(const MapText& t, std::string_view css) {
    return fmt::format(R"(<text class="{}" x="{}" y="{}" font-size="{}"{}{} fill="{}">{}</text>)", css, num(t.at.x),
                       num(t.at.y), num(t.size), t.bold ? R"( font-weight="bold")" : "",
                       t.anchor == 0   ? R"( text-anchor="middle")"
                       : t.anchor == 1 ? R"( text-anchor="end")"
                                       : "",
                       t.colour, xml(t.text));
}

}  // namespace

std::string map_svg(const MapScene& scene) {
    using namespace map_style;
    std::string out;
    out += R"(<?xml version="1.0" encoding="UTF-8"?>)"
           "\n";
    out += fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{0}" height="{1}" viewBox="0 0 {0} {1}" )"
        R"(font-family="DejaVu Sans, Verdana, Arial, sans-serif">)"
        "\n",
        num(scene.width), num(scene.height));
    out += fmt::format("<title>{}</title>\n", xml(scene.title));
    out += fmt::format(
        R"(<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="{0}" height="{0}" )"
        R"~(patternTransform="rotate(45)"><rect width="{1}" height="{0}" fill="{2}" fill-opacity="{3}"/></pattern>)~"
        R"(<style>.country:hover,.marker:hover{{stroke:#000000;stroke-width:1.5}}</style></defs>)"
        "\n",
        num(hatch_spacing), num(hatch_width), hatch, hatch_opacity);
    out += fmt::format(R"(<rect class="background" width="{}" height="{}" fill="{}"/>)"
                       "\n",
                       num(scene.width), num(scene.height), background);
    out += fmt::format(R"(<path class="sphere" d="{}" fill="{}" stroke="{}" stroke-width="1"/>)"
                       "\n",
                       path_data({scene.sphere}), ocean, ocean_outline);

    out += "<g class=\"countries\">\n";
    for (const auto& c : scene.countries) {
        const auto stroke = stroke_of(c.state);
        const auto d = path_data(c.rings);
        const auto id = c.iso3.empty() || c.numeric.empty() ? std::string{} : fmt::format(R"( id="c-{}")", c.numeric);
        const auto iso3 = c.iso3.empty() ? std::string{} : fmt::format(R"( data-iso3="{}")", xml(c.iso3));
        out += fmt::format(
            R"(<path{} class="country {}"{} fill="{}" fill-rule="evenodd" stroke="{}" stroke-width="{}" d="{}"><title>{}</title></path>)"
            "\n",
            id, map_state_class(c.state), iso3, c.fill, stroke.colour, num(stroke.width), d, xml(c.title));
        if (c.hatched)
            out += fmt::format(
                R"~(<path class="hatch" fill="url(#hatch)" fill-rule="evenodd" pointer-events="none" d="{}"/>)~"
                "\n",
                d);
    }
    out += "</g>\n<g class=\"markers\">\n";
    for (const auto& c : scene.countries) {
        if (!c.marker) continue;
        if (c.leader)
            out +=
                fmt::format(R"(<line class="leader" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.6"/>)"
                            "\n",
                            num(c.centre.x), num(c.centre.y), num(c.leader_to.x), num(c.leader_to.y), leader);
        const auto id = c.numeric.empty() ? std::string{} : fmt::format(R"( id="m-{}")", c.numeric);
        out += fmt::format(
            R"(<circle{} class="marker {}" data-iso3="{}" cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="0.8"><title>{}</title></circle>)"
            "\n",
            id, map_state_class(c.state), xml(c.iso3), num(c.centre.x), num(c.centre.y), num(c.radius), c.fill,
            marker_outline, xml(c.title));
        if (c.hatched)
            out += fmt::format(
                R"~(<circle class="hatch" cx="{}" cy="{}" r="{}" fill="url(#hatch)" pointer-events="none"/>)~"
                "\n",
                num(c.centre.x), num(c.centre.y), num(c.radius));
        out += text_element(c.label, "label") + "\n";
    }
    out += "</g>\n<g class=\"legend\">\n";
    for (const auto& item : scene.legend) {
        if (item.marker) {
            out += fmt::format(
                R"(<circle class="swatch {}" cx="{}" cy="{}" r="4" fill="{}" stroke="{}" stroke-width="0.8"/>)",
                item.css, num(item.x + 8), num(item.y + 7), item.fill, marker_outline);
        } else {
            out += fmt::format(
                R"(<rect class="swatch {}" x="{}" y="{}" width="16" height="14" fill="{}" stroke="#555555" stroke-width="0.6"/>)",
                item.css, num(item.x), num(item.y), item.fill);
            if (item.hatched)
                out += fmt::format(R"~(<rect class="hatch" x="{}" y="{}" width="16" height="14" fill="url(#hatch)"/>)~",
                                   num(item.x), num(item.y));
        }
        out += text_element(item.text, "legend-text") + "\n";
    }
    out += "</g>\n";
    for (const auto& text : scene.texts) out += text_element(text, text.css.empty() ? "note" : text.css) + "\n";
    out += "</svg>\n";
    return out;
}

}  // namespace orgraph
