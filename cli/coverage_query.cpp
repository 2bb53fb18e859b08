#include "coverage_query.hpp"

#include <fmt/format.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "orgraph/model/name_resolver.hpp"
#include "orgraph/model/text.hpp"
#include "standard_streams.hpp"

namespace orgraph::cli {

UniverseChoice parse_universe(const std::string& text, const Schema& schema) {
    // Every place, in the schema's words.
    auto all_places = [&] {
        const auto kind = schema.entity_kind(schema.gazetteer().kind);
        return fmt::format("all {}", kind ? schema.entity_kind(*kind).plural : std::string("places"));
    };
    if (text.empty()) {
        // The default: members and observers when the schema says how to tell them, else every place.
        if (!schema.gazetteer().membership_attribute.empty()) return parse_universe("un+observers", schema);
        return {CoverageUniverse::all_places, "iso", all_places()};
    }
    // Members, in the schema's words: "UN members" when it calls the membership "UN".
    const auto& label = schema.gazetteer().membership_label;
    const auto members = label.empty() ? std::string("members") : fmt::format("{} members", label);
    if (text == "un") return {CoverageUniverse::un_members, text, members};
    if (text == "un+observers")
        return {CoverageUniverse::un_members_and_observers, text, fmt::format("{} and observers", members)};
    if (text == "iso") return {CoverageUniverse::all_places, text, all_places()};
    if (text == "-") return {CoverageUniverse::listed, text, "listed on standard input"};
    return {CoverageUniverse::listed, text, fmt::format("listed in {}", text)};
}

namespace {

std::vector<EntityIndex> read_place_list_text(const Graph& graph, const std::string& text, const std::string& path,
                                              const std::string& place_kind) {
    try {
        return read_place_list(graph, text, path, place_kind);
    } catch (const place_list_error& e) {
        std::string message = e.what();
        for (const auto& d : e.diagnostics)
            if (d.line != 0) message += "\n" + d.to_string();
        throw std::runtime_error(message);
    }
}

}  // namespace

std::vector<EntityIndex> read_universe_file(const Graph& graph, const std::string& path,
                                            const std::string& place_kind) {
    if (path == "-") return read_place_list_text(graph, read_input_text(path, "--universe"), path, place_kind);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::is_directory(status))
        throw std::runtime_error(
            fmt::format("the universe file {} is a directory (expected a file naming one place per line)", path));
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        throw std::runtime_error(fmt::format(
            "the universe file {} is not a regular file (a FIFO, device or socket cannot be a list)", path));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read the universe file {}: {}", path, std::strerror(errno)));
    std::ostringstream content;
    content << in.rdbuf();
    return read_place_list_text(graph, content.str(), path, place_kind);
}

po::options_description coverage_query_options(CoverageQuery& query) {
    po::options_description group("Question", 100, 50);
    group.add_options()(
        "by", po::value(&query.params.relation)->value_name("RELATION"),
        "the relation kind by which a unit answers for a place (default: the schema's [coverage] relation)")(
        "from-kind", po::value(&query.params.from_kind)->value_name("KIND"),
        "only units of this entity kind or a subkind (default: any kind)")(
        "universe", po::value(&query.universe)->value_name("WHICH"),
        "the places to account for: un (members), un+observers (members and observers), iso (every place), or a "
        "FILE listing codes or names one a line (default: un+observers when the schema's [gazetteer] names a "
        "membership attribute, else iso)")(
        "no-regions", po::bool_switch(&query.no_regions),
        "do not count the places of a region a unit names (a unit -> a region -> the places it includes)")(
        "home", po::value(&query.home)->value_name("PLACE"),
        "the organisation's own place, reported apart (default: found through the schema's [coverage] "
        "home_relation)");
    return group;
}

void check_coverage_query(CoverageQuery& query, const po::variables_map& variables) {
    if (variables.count("universe") && query.universe.empty())
        throw usage_error("--universe needs un, un+observers, iso or a FILE");
    if (variables.count("by") && query.params.relation.empty()) throw usage_error("--by needs a relation kind");
    query.params.through_regions = !query.no_regions;
}

CoverageParams coverage_params(const Graph& graph, const CoverageQuery& query, const DataOptions& data,
                               bool needs_relation) {
    const auto& schema = graph.schema;
    auto params = with_schema_defaults(schema, query.params);
    if (needs_relation) {
        if (params.relation.empty())
            throw usage_error("--by: the schema declares no default relation ([coverage] relation); give one");
        (void)known_relation_kind(schema, "--by", params.relation);
    }
    if (!params.from_kind.empty()) (void)known_entity_kind(schema, "--from-kind", params.from_kind);
    if (params.place_kind.empty())
        throw std::runtime_error("the schema declares no kind of place to count ([gazetteer] kind)");
    if (!schema.entity_kind(params.place_kind))
        throw std::runtime_error(fmt::format("the dataset has no entity kind '{}'", params.place_kind));
    params.as_of = data.as_of_date();
    if (!params.as_of) params.today = run_date();
    const auto universe = parse_universe(query.universe, schema);
    if ((universe.kind == CoverageUniverse::un_members ||
         universe.kind == CoverageUniverse::un_members_and_observers) &&
        params.membership_attribute.empty())
        throw usage_error(
            fmt::format("--universe {}: the schema declares no membership attribute ([gazetteer] "
                        "membership_attribute); give iso or a FILE",
                        universe.name));
    params.universe = universe.kind;
    if (universe.kind == CoverageUniverse::listed)
        params.listed = read_universe_file(graph, universe.name, params.place_kind);
    if (!query.home.empty()) {
        const NameResolver resolver(graph);
        const auto home = resolve_one(graph, resolver, query.home);
        if (!schema.is_a(graph.entity(home).kind, params.place_kind))
            throw std::runtime_error(fmt::format("--home: {} ({}) is not a {}", graph.entity(home).name,
                                                 graph.entity(home).id, params.place_kind));
        params.home_place = graph.entity(home).id;
    }
    return params;
}

// "Countries a regional department covers": the kind the units share, else "a unit".
void use_coverage(AnswerUses& uses, const CoverageReport& report) {
    auto units = [&](const std::vector<CoveringUnit>& list) {
        for (const auto& unit : list) {
            uses.entity(unit.unit);
            for (const auto& path : unit.paths) {
                uses.relation(path.relation);
                if (path.through) uses.entity(*path.through);
            }
        }
    };
    for (const auto& u : report.per_unit) uses.entity(u.unit);
    for (const auto& c : report.covered) {
        uses.entity(c.place);
        units(c.units);
    }
    for (const auto& group : report.uncovered) uses.entities(group.places);
    for (const auto* entries : {&report.outside_universe, &report.not_places})
        for (const auto& entry : *entries) {
            uses.entity(entry.entity);
            units(entry.units);
        }
    for (const auto& o : report.organisations) {
        uses.entity(o.organisation);
        uses.entities(o.units);
    }
    for (const auto& gap : report.membership_gaps) {
        uses.entity(gap.organisation);
        uses.entity(gap.member);
        uses.relation(gap.membership);
        uses.entities(gap.units);
        uses.entities(gap.other_units);
    }
    for (const auto& h : report.home) {
        uses.entity(h.place);
        if (h.found_by) uses.relation(*h.found_by);
        units(h.units);
    }
    for (const auto& r : report.empty_regions) {
        uses.entity(r.region);
        uses.entities(r.units);
    }
}

std::string coverage_question(const Graph& graph, const CoverageReport& report) {
    const auto kind = shared_unit_kind(graph, report);
    const std::string unit = kind ? graph.schema.entity_kind(*kind).label : "unit";
    return fmt::format("{} {} {}", capitalised(place_words(graph.schema).many), with_article(unit),
                       graph.schema.relation_kind(report.relation).label);
}

std::string coverage_answer(const Graph& graph, const CoverageReport& report, const UniverseChoice& universe) {
    const auto& s = report.summary;
    const auto places = place_words(graph.schema);
    std::string text = fmt::format("{} of {} {} ({}) covered, {} not, {} by two units or more", s.covered, s.considered,
                                   places.of(s.considered), universe.description, s.uncovered, s.multiply_covered);
    std::string homes;
    for (const auto& h : report.home) homes += (homes.empty() ? "" : ", ") + std::string(graph.entity_name(h.place));
    if (!homes.empty()) text += fmt::format("; home {} {} counted apart", places.one, homes);
    if (report.date)
        text += fmt::format("; facts valid on {}{}", report.date->to_string(), report.date_is_as_of ? "" : " (today)");
    return text + ".";
}

}  // namespace orgraph::cli
