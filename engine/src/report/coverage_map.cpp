// Lays out the world map of a coverage answer: colours, tooltips, markers, labels and legend,
// in pixels, for the SVG writer and the cairo renderer alike.

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "orgraph/report/coverage_map.hpp"

#include "orgraph/model/text.hpp"

namespace orgraph {
namespace {

// Colours that read apart and are neither the alert red nor a grey.
constexpr std::array<std::string_view, 12> palette = {
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
    "#9c755f", "#a0cbe8", "#8cd17d", "#ffbe7d", "#d4a6c8", "#499894",
};
constexpr std::string_view alert_fill = "#d62728";
constexpr std::string_view home_fill = "#333333";
constexpr std::string_view outside_fill = "#d9d9d9";
constexpr std::string_view no_country_fill = "#e8e8e8";

constexpr double margin = 20;
constexpr double label_size = 10;
constexpr double legend_row = 20;

// What the report says of one country.
struct Standing {
    MapState state = MapState::outside;
    const std::vector<CoveringUnit>* units = nullptr;
    const OutsideEntry* outside = nullptr;
    const HomePlace* home = nullptr;
};

struct Box {
    double x0, y0, x1, y1;
    [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// A label's width, estimated from its length so that layout does not depend on fonts.
double text_width(std::string_view text, double size, bool bold = false) {
    std::size_t characters = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++characters;
    return (bold ? 0.63 : 0.56) * size * static_cast<double>(characters);
}

// The text broken at spaces into lines no wider than `width` (a longer word stays whole).
std::vector<std::string> wrap(const std::string& text, double size, bool bold, double width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const auto word = text.substr(start, end - start);
        const auto candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && text_width(candidate, size, bold) > width) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        start = end + 1;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

Box text_box(const MapText& text) {
    const double w = text_width(text.text, text.size, text.bold);
    const double x0 = text.anchor < 0 ? text.at.x : text.anchor == 0 ? text.at.x - w / 2 : text.at.x - w;
    return {x0, text.at.y - text.size * 0.8, x0 + w, text.at.y + text.size * 0.25};
}

class Layout {
public:
    Layout(const Graph& graph, const CoverageParams& params, const CoverageReport& report, const MapOptions& options,
           const WorldShapes& shapes)
        : m_graph(graph),
          m_params(params),
          m_report(report),
          m_options(options),
          m_shapes(shapes),
          m_places(place_words(graph.schema, params.place_kind)) {}

    MapScene run() {
        collect_standings();
        choose_colours();
        place_countries();
        place_labels();
        place_legend();
        return std::move(m_scene);
    }

private:
    const Graph& m_graph;
    const CoverageParams& m_params;
    const CoverageReport& m_report;
    const MapOptions& m_options;
    const WorldShapes& m_shapes;
    PlaceWords m_places;  // what the schema calls the places ("country", "countries")
    MapScene m_scene;
    std::unordered_map<EntityIndex, Standing> m_standing;
    std::vector<EntityIndex> m_universe;  // the countries of the universe, home countries included
    // Colour groups: a unit, or a kind of unit when there are too many units to tell apart.
    struct Group {
        std::string label;
        std::string fill;
        std::size_t places = 0;
    };
    std::vector<Group> m_groups;
    std::unordered_map<EntityIndex, std::size_t> m_group_of;  // unit -> group
    double m_scale = 1;
    double m_map_top = 0;
    double m_map_bottom = 0;

    // Lines of text from `y` (the first baseline) down; returns the baseline after the last.
    double paragraph(double y, const std::string& text, double size, bool bold, const std::string& colour,
                     double leading, const std::string& css) {
        for (auto& line : wrap(text, size, bold, m_scene.width - 2 * margin)) {
            m_scene.texts.push_back({{margin, y}, std::move(line), size, bold, -1, colour, css});
            y += leading;
        }
        return y;
    }

    [[nodiscard]] MapPoint to_pixels(MapPoint p) const {
        return {margin + (p.x - m_shapes.min.x) * m_scale, m_map_top + (p.y - m_shapes.min.y) * m_scale};
    }

    [[nodiscard]] std::string entity_text(EntityIndex e) const {
        return fmt::format("{} ({})", list_name(m_graph, e), m_graph.entity_id(e));
    }

    [[nodiscard]] std::string path_text(const CoveragePath& path) const {
        switch (path.way) {
            case CoverageWay::direct:
                return "directly";
            case CoverageWay::through_region:
                return fmt::format("through {}", list_name(m_graph, *path.through));
            case CoverageWay::via:
                return fmt::format("via {}", list_name(m_graph, *path.through));
            case CoverageWay::derived:
                return fmt::format("derived by rule {}", m_graph.relation(path.relation).rule);
        }
        return {};
    }

    [[nodiscard]] std::string units_text(const std::vector<CoveringUnit>& units) const {
        std::string text;
        for (const auto& u : units) {
            const auto& best = u.best();
            text += fmt::format("\n- {}, {}; source: {}", entity_text(u.unit), path_text(best),
                                m_graph.cite(m_graph.relation(best.relation).citations));
        }
        return text;
    }

    void collect_standings() {
        for (const auto& c : m_report.covered) {
            m_standing[c.place] = {c.units.size() > 1 ? MapState::multiply_covered : MapState::covered, &c.units};
            m_universe.push_back(c.place);
        }
        for (const auto& g : m_report.uncovered)
            for (auto c : g.places) {
                m_standing[c] = {MapState::uncovered};
                m_universe.push_back(c);
            }
        for (const auto& o : m_report.outside_universe) m_standing[o.entity] = {MapState::outside, &o.units, &o};
        for (const auto& h : m_report.home) {
            m_standing[h.place] = {MapState::home, &h.units, nullptr, &h};
            if (h.in_universe) m_universe.push_back(h.place);
        }
    }

    void choose_colours() {
        std::vector<EntityIndex> units;
        for (const auto& u : m_report.per_unit)
            if (u.places > 0) units.push_back(u.unit);
        std::unordered_map<EntityIndex, std::size_t> kind_group;
        if (units.size() <= m_options.max_unit_colours) {
            for (auto u : units) {
                m_group_of[u] = m_groups.size();
                m_groups.push_back({entity_text(u), ""});
            }
        } else {
            // One colour per kind of unit (embassies, consulates-general, ...), by kind label.
            std::map<std::string, std::vector<EntityIndex>> kinds;
            for (auto u : units) kinds[m_graph.kind_of(u).plural].push_back(u);
            const bool by_kind = kinds.size() <= m_options.max_unit_colours;
            for (const auto& [plural, members] : kinds) {
                if (by_kind || m_groups.empty()) m_groups.push_back({by_kind ? plural : "covered", ""});
                for (auto u : members) m_group_of[u] = m_groups.size() - 1;
            }
        }
        for (std::size_t i = 0; i < m_groups.size(); ++i) m_groups[i].fill = std::string(palette[i % palette.size()]);
        for (const auto& c : m_report.covered) {
            std::vector<std::size_t> groups;
            for (const auto& u : c.units) groups.push_back(m_group_of.at(u.unit));
            std::sort(groups.begin(), groups.end());
            groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
            for (auto g : groups) ++m_groups[g].places;
        }
    }

    [[nodiscard]] std::string tooltip(EntityIndex country, const Standing& s) const {
        std::string text = entity_text(country);
        switch (s.state) {
            case MapState::covered:
            case MapState::multiply_covered:
                text += fmt::format("\ncovered by {} unit{}:", s.units->size(), s.units->size() == 1 ? "" : "s");
                text += units_text(*s.units);
                break;
            case MapState::uncovered:
                text += "\ncovered by no unit";
                break;
            case MapState::home:
                text += fmt::format("\nhome {}, counted apart", m_places.one);
                if (s.home->found_by) {
                    const auto rel = m_graph.relation(*s.home->found_by);
                    text += fmt::format(": {} {} {}; source: {}", m_graph.entity_name(rel.from),
                                        m_graph.schema.relation_kind(rel.kind).label, m_graph.entity_name(rel.to),
                                        m_graph.cite(rel.citations));
                }
                if (!s.home->units.empty()) text += "\nreached all the same by:" + units_text(s.home->units);
                break;
            case MapState::outside:
                text += "\noutside the universe";
                if (s.outside) {
                    if (s.outside->reason == OutsideReason::not_member || s.outside->reason == OutsideReason::observer)
                        text += fmt::format(" ({} {})", m_params.membership_attribute,
                                            s.outside->status.empty() ? "none" : s.outside->status);
                    else if (s.outside->reason == OutsideReason::not_valid)
                        text += " (does not exist on the date)";
                    text += "; covered all the same by:" + units_text(s.outside->units);
                }
                break;
            case MapState::no_country:
                break;
        }
        return text;
    }

    [[nodiscard]] std::string fill_of(MapState state, const Standing& s) const {
        switch (state) {
            case MapState::covered:
            case MapState::multiply_covered: {
                // Of the groups of the units that cover it, the one that covers most countries.
                std::size_t best = m_group_of.at(s.units->front().unit);
                for (const auto& u : *s.units) {
                    const auto g = m_group_of.at(u.unit);
                    if (m_groups[g].places > m_groups[best].places ||
                        (m_groups[g].places == m_groups[best].places && g < best))
                        best = g;
                }
                return m_groups[best].fill;
            }
            case MapState::uncovered:
                return std::string(alert_fill);
            case MapState::home:
                return std::string(home_fill);
            case MapState::outside:
                return std::string(outside_fill);
            case MapState::no_country:
                return std::string(no_country_fill);
        }
        return std::string(outside_fill);
    }

    void place_countries() {
        const double width = m_options.width;
        m_scale = (width - 2 * margin) / (m_shapes.max.x - m_shapes.min.x);
        m_scene.width = width;
        m_scene.title = m_options.title;
        double y = paragraph(34, m_options.title, 22, true, "#222222", 27, "title");
        y = paragraph(y - 3, m_options.subtitle, 13, false, "#444444", 17, "subtitle");
        m_map_top = y;
        m_map_bottom = m_map_top + (m_shapes.max.y - m_shapes.min.y) * m_scale;

        // The outline of the world: the meridians ±180° from pole to pole.
        for (int lat = -90; lat <= 90; ++lat) m_scene.sphere.push_back(sphere_point(180, lat));
        for (int lat = 90; lat >= -90; --lat) m_scene.sphere.push_back(sphere_point(-180, lat));

        // The countries of the graph by numeric code (the first by id if two share one).
        const auto place_kind = m_graph.schema.entity_kind(m_params.place_kind.empty() ? m_graph.schema.gazetteer().kind
                                                                                       : m_params.place_kind);
        const auto& numeric_attribute = m_options.numeric_attribute.empty()
                                            ? m_graph.schema.gazetteer().numeric_attribute
                                            : m_options.numeric_attribute;
        // Without one, no place joins a shape: every place of the universe is reported unmapped.
        std::unordered_map<std::string, EntityIndex> by_numeric;
        for (EntityIndex e = 0; e < m_graph.entity_count(); ++e) {
            if (numeric_attribute.empty() || !place_kind ||
                !m_graph.schema.is_a(m_graph.entity_kind_index(e), *place_kind))
                continue;
            const auto numeric = m_graph.entity_attributes(e).find(numeric_attribute);
            if (!numeric) continue;
            auto [it, added] = by_numeric.emplace(std::string(*numeric), e);
            if (!added && m_graph.entity_id(e) < m_graph.entity_id(it->second)) it->second = e;
        }

        // Markers and labels keep their size at any width, so "too small to see" is judged as
        // at the reference width.
        const double reference_ratio = MapOptions{}.width / m_options.width;
        std::unordered_map<EntityIndex, bool> drawn;
        for (const auto& shape : m_shapes.shapes) {
            MapCountry country;
            country.numeric = shape.numeric;
            std::optional<EntityIndex> entity;
            if (!shape.numeric.empty())
                if (auto it = by_numeric.find(shape.numeric); it != by_numeric.end()) entity = it->second;
            Standing standing{MapState::no_country};
            if (entity) {
                if (auto it = m_standing.find(*entity); it != m_standing.end()) standing = it->second;
                if (standing.state == MapState::no_country) standing.state = MapState::outside;
                country.iso3 = std::string(m_graph.entity_id(*entity));
                country.name = std::string(list_name(m_graph, *entity));
                country.title = tooltip(*entity, standing);
                drawn[*entity] = true;
            } else {
                country.name = shape.name;
                country.title = fmt::format("{}\nno {} of the data has this shape{}", shape.name, m_places.one,
                                            shape.numeric.empty() ? "" : " (ISO numeric " + shape.numeric + ")");
            }
            country.state = standing.state;
            country.fill = fill_of(standing.state, standing);
            country.hatched = standing.state == MapState::multiply_covered;
            for (const auto& ring : shape.rings) {
                MapRing pixels;
                pixels.reserve(ring.size());
                for (const auto& p : ring) pixels.push_back(to_pixels(p));
                country.rings.push_back(std::move(pixels));
            }
            country.area = shape.area * m_scale * m_scale;
            country.centre = to_pixels(shape.centre);
            const bool in_universe = standing.state != MapState::outside && standing.state != MapState::no_country;
            const double reference = country.area * reference_ratio * reference_ratio;  // as at the reference width
            country.marker = (in_universe && reference < m_options.small_area) ||
                             (standing.state == MapState::uncovered && reference < m_options.uncovered_small_area) ||
                             standing.state == MapState::home;
            if (country.marker) {
                country.radius = standing.state == MapState::home ? 5 : 4;
                country.label = {country.centre,
                                 standing.state == MapState::home ? country.name + " (home)" : country.name, label_size,
                                 standing.state == MapState::uncovered || standing.state == MapState::home};
            }
            m_scene.countries.push_back(std::move(country));
        }
        for (auto c : m_universe)
            if (!drawn.count(c)) m_scene.unmapped.push_back(entity_text(c));
        std::sort(m_scene.unmapped.begin(), m_scene.unmapped.end());
    }

    [[nodiscard]] MapPoint sphere_point(double lon, double lat) const {
        const auto p = equal_earth(lon, lat);
        return to_pixels({p.x * 1000, -p.y * 1000});
    }

    // Greedy: uncovered countries first, then the smallest; each label at the first place around
    // its marker that overlaps no marker and no label placed before it.
    void place_labels() {
        std::vector<std::size_t> order;
        std::vector<Box> obstacles;
        for (std::size_t i = 0; i < m_scene.countries.size(); ++i) {
            const auto& c = m_scene.countries[i];
            if (!c.marker) continue;
            order.push_back(i);
            obstacles.push_back(
                {c.centre.x - c.radius, c.centre.y - c.radius, c.centre.x + c.radius, c.centre.y + c.radius});
        }
        auto rank = [&](std::size_t i) {
            const auto& c = m_scene.countries[i];
            return std::tuple(c.state != MapState::uncovered, c.area, c.numeric, c.name);
        };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
        const Box frame{margin, m_map_top, m_scene.width - margin, m_map_bottom};
        constexpr std::array<std::pair<double, double>, 8> directions = {
            {{1, 0}, {-1, 0}, {0.7, -0.7}, {0.7, 0.7}, {-0.7, -0.7}, {-0.7, 0.7}, {0, -1}, {0, 1}}};
        for (auto i : order) {
            auto& c = m_scene.countries[i];
            bool placed = false;
            for (double distance : {c.radius + 3, c.radius + 14, c.radius + 28, c.radius + 44}) {
                for (const auto& [dx, dy] : directions) {
                    MapText label = c.label;
                    label.anchor = dx > 0.1 ? -1 : dx < -0.1 ? 1 : 0;
                    label.at = {c.centre.x + dx * distance, c.centre.y + dy * distance + label.size * 0.35};
                    if (dy < -0.1) label.at.y -= label.size * 0.3;
                    if (dy > 0.1) label.at.y += label.size * 0.4;
                    const auto box = text_box(label);
                    if (box.x0 < frame.x0 || box.x1 > frame.x1 || box.y0 < frame.y0 || box.y1 > frame.y1) continue;
                    if (std::any_of(obstacles.begin(), obstacles.end(), [&](const Box& b) { return b.overlaps(box); }))
                        continue;
                    c.label = label;
                    c.leader = distance > c.radius + 3;
                    c.leader_to = {c.centre.x + dx * (distance - 2), c.centre.y + dy * (distance - 2)};
                    obstacles.push_back(box);
                    placed = true;
                    break;
                }
                if (placed) break;
            }
            if (!placed) {
                c.label.anchor = -1;
                c.label.at = {c.centre.x + c.radius + 3, c.centre.y + c.label.size * 0.35};
                obstacles.push_back(text_box(c.label));
            }
        }
    }

    void place_legend() {
        std::vector<MapLegendItem> items;
        auto item = [&](std::string fill, bool hatched, bool marker, std::string css, std::string text) {
            items.push_back({0, 0, std::move(fill), hatched, marker, std::move(css), {{0, 0}, std::move(text), 12}});
        };
        for (const auto& g : m_groups)
            item(g.fill, false, false, "unit", fmt::format("{}: {}", g.label, counted(g.places)));
        const auto& s = m_report.summary;
        item(std::string(alert_fill), false, false, "uncovered",
             fmt::format("covered by no unit: {}", counted(s.uncovered)));
        item("#ffffff", true, false, "multiple",
             fmt::format("covered by two units or more (hatched; filled as the one that covers most {}): {}",
                         m_places.many, counted(s.multiply_covered)));
        std::string homes;
        for (const auto& h : m_report.home)
            homes += (homes.empty() ? "" : ", ") + std::string(m_graph.entity_name(h.place));
        if (!homes.empty())
            item(std::string(home_fill), false, false, "home",
                 fmt::format("home {}, counted apart: {}", m_places.one, homes));
        item(std::string(outside_fill), false, false, "outside", "outside the universe");
        item(std::string(no_country_fill), false, false, "no-country",
             fmt::format("no {} of the data (disputed, bases, ...)", m_places.one));
        item(std::string(alert_fill), false, true, "small",
             fmt::format("{} too small to see, drawn as a circle", with_article(m_places.one)));

        // As many columns as the longest entry allows (at most three), filled row by row.
        double widest = 0;
        for (const auto& it : items) widest = std::max(widest, 22 + text_width(it.text.text, it.text.size) + 24);
        const double available = m_scene.width - 2 * margin;
        const auto columns = static_cast<std::size_t>(std::clamp(std::floor(available / widest), 1.0, 3.0));
        const double column = available / static_cast<double>(columns);
        double y = m_map_bottom + 16;
        for (std::size_t i = 0; i < items.size(); ++i) {
            auto& it = items[i];
            it.x = margin + static_cast<double>(i % columns) * column;
            it.y = y + static_cast<double>(i / columns) * legend_row;
            it.text.at = {it.x + 22, it.y + 11};
        }
        y += static_cast<double>((items.size() + columns - 1) / columns) * legend_row + 12;
        m_scene.legend = std::move(items);

        std::vector<std::string> notes;
        if (!m_scene.unmapped.empty()) {
            std::string list;
            for (const auto& u : m_scene.unmapped) list += (list.empty() ? "" : ", ") + u;
            notes.push_back(fmt::format("Not on the map (Natural Earth has no shape of its own for {}): {}",
                                        m_scene.unmapped.size() == 1 ? "it" : "them", list));
        }
        notes.push_back(
            "Country shapes: Natural Earth (public domain), world-atlas 2; Equal Earth projection. Hover over a "
            "country (SVG) for the units that cover it and the sources.");
        y += 10;
        for (const auto& note : notes) y = paragraph(y, note, 11, false, "#555555", 15, "note");
        m_scene.height = std::ceil(y + 2);
    }

    [[nodiscard]] std::string counted(std::size_t n) const { return fmt::format("{} {}", n, m_places.of(n)); }
};

}  // namespace

std::string_view map_state_class(MapState state) {
    switch (state) {
        case MapState::covered:
            return "covered";
        case MapState::multiply_covered:
            return "multiple";
        case MapState::uncovered:
            return "uncovered";
        case MapState::home:
            return "home";
        case MapState::outside:
            return "outside";
        case MapState::no_country:
            return "no-country";
    }
    return "outside";
}

MapScene make_coverage_map(const Graph& graph, const CoverageParams& params, const CoverageReport& report,
                           const MapOptions& options, const WorldShapes& shapes) {
    return Layout(graph, params, report, options, shapes).run();
}

}  // namespace orgraph
