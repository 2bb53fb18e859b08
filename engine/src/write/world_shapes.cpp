// The country shapes of the world map: the Equal Earth projection and the map file's parser.

#include <fmt/format.h>
#include <charconv>
#include <cmath>
#include <numbers>

#include "orgraph/write/world_map.hpp"

namespace orgraph {
namespace detail {
std::string_view world_shapes_text();  // compiled in by engine/CMakeLists.txt
}  // namespace detail
namespace {

constexpr std::string_view builtin_path = "world/map/countries.shapes";

double ring_area(const MapRing& ring) {
    double sum = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % ring.size()];
        sum += a.x * b.y - b.x * a.y;
    }
    return std::abs(sum) / 2;
}

MapPoint ring_centroid(const MapRing& ring) {
    double sum = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % ring.size()];
        const double cross = a.x * b.y - b.x * a.y;
        sum += cross;
        cx += (a.x + b.x) * cross;
        cy += (a.y + b.y) * cross;
    }
    if (std::abs(sum) < 1e-9) {
        // A degenerate ring: the mean of its points.
        MapPoint mean;
        for (const auto& p : ring) mean = {mean.x + p.x, mean.y + p.y};
        const auto n = static_cast<double>(std::max<std::size_t>(ring.size(), 1));
        return {mean.x / n, mean.y / n};
    }
    return {cx / (3 * sum), cy / (3 * sum)};
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

double number(std::string_view text, std::string_view name, std::size_t line) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        throw map_error(fmt::format("{}:{}: '{}' is not a number", name, line, text));
    return value;
}

}  // namespace

MapPoint equal_earth(double longitude, double latitude) {
    constexpr double a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796;
    const double m = std::sqrt(3.0) / 2;
    const double lambda = longitude * std::numbers::pi / 180;
    const double theta = std::asin(m * std::sin(latitude * std::numbers::pi / 180));
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    const double x =
        2 * std::sqrt(3.0) * lambda * std::cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1));
    const double y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1);
    return {x, y};
}

WorldShapes parse_world_shapes(std::string_view text, std::string_view name) {
    WorldShapes world;
    bool bounds = false;
    std::size_t line_number = 0;
    for (auto line : split(text, '\n')) {
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        if (line.starts_with("bounds ")) {
            const auto parts = split(line.substr(7), ' ');
            if (parts.size() != 4) throw map_error(fmt::format("{}:{}: bounds needs four numbers", name, line_number));
            world.min = {number(parts[0], name, line_number), number(parts[1], name, line_number)};
            world.max = {number(parts[2], name, line_number), number(parts[3], name, line_number)};
            bounds = true;
            continue;
        }
        const auto fields = split(line, '\t');
        if (fields.size() != 4)
            throw map_error(fmt::format("{}:{}: a shape has four fields separated by tabs", name, line_number));
        CountryShape shape;
        if (fields[0] != "-") {
            if (fields[0].size() != 3 || fields[0].find_first_not_of("0123456789") != std::string_view::npos)
                throw map_error(fmt::format("{}:{}: '{}' is not a numeric code", name, line_number, fields[0]));
            shape.numeric = std::string(fields[0]);
        }
        shape.scale = std::string(fields[1]);
        shape.name = std::string(fields[2]);
        double largest = -1;
        for (auto ring_text : split(fields[3], ';')) {
            MapRing ring;
            for (auto point : split(ring_text, ' ')) {
                const auto comma = point.find(',');
                if (comma == std::string_view::npos)
                    throw map_error(fmt::format("{}:{}: '{}' is not a point X,Y", name, line_number, point));
                ring.push_back({number(point.substr(0, comma), name, line_number),
                                number(point.substr(comma + 1), name, line_number)});
            }
            if (ring.size() < 3)
                throw map_error(
                    fmt::format("{}:{}: a ring of {} has fewer than three points", name, line_number, shape.name));
            const double area = ring_area(ring);
            shape.area += area;
            if (area > largest) {
                largest = area;
                shape.centre = ring_centroid(ring);
            }
            shape.rings.push_back(std::move(ring));
        }
        world.shapes.push_back(std::move(shape));
    }
    if (!bounds) throw map_error(fmt::format("{}: no bounds line", name));
    return world;
}

const WorldShapes& builtin_world_shapes() {
    static const WorldShapes shapes =
        parse_world_shapes(detail::world_shapes_text(), "builtin:" + std::string(builtin_path));
    return shapes;
}

}  // namespace orgraph
