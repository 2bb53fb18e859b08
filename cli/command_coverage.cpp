#include "commands.hpp"
#include "coverage_query.hpp"

#include <fmt/format.h>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "answer.hpp"
#include "orgraph/analysis/coverage.hpp"
#include "orgraph/analysis/coverage_matrix.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/model/text.hpp"
#include "orgraph/write/json_entity.hpp"
#include "orgraph/write/json_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo coverage_info{
    .name = "coverage",
    .synopsis = "which unit answers for which place, which places none does, and where the structure disagrees",
    .arguments = "",
};

class CoverageCommand final : public Command {
public:
    CoverageCommand() : Command(coverage_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    CoverageQuery m_query;
    bool m_matrix = false;
};

// What a place's id is called in reports: the schema's [gazetteer] code_label, else "id".
std::string code_label(const Schema& schema) {
    const auto& label = schema.gazetteer().code_label;
    return label.empty() ? std::string("id") : label;
}

std::string_view way_code(CoverageWay way) {
    switch (way) {
        case CoverageWay::direct:
            return "direct";
        case CoverageWay::through_region:
            return "through_region";
        case CoverageWay::via:
            return "via";
        case CoverageWay::derived:
            return "derived";
    }
    return "direct";
}

std::string_view reason_code(OutsideReason reason) {
    switch (reason) {
        case OutsideReason::not_member:
            return "not_member";
        case OutsideReason::observer:
            return "observer";
        case OutsideReason::not_valid:
            return "not_valid";
        case OutsideReason::not_a_place:
            return "not_a_country";
    }
    return "not_member";
}

std::string_view standing_code(MemberStanding standing) {
    return standing == MemberStanding::uncovered ? "uncovered" : "covered_by_other";
}

std::string date_text(const std::optional<Date>& date) {
    return date ? date->to_string() : std::string{};
}

// Everything the writers need, with the small phrases they share.
class Presenter {
public:
    Presenter(const Graph& graph, const CoverageParams& params, const UniverseChoice& universe)
        : m_graph(graph), m_params(params), m_universe(universe) {}

    [[nodiscard]] const Graph& graph() const { return m_graph; }
    [[nodiscard]] const CoverageParams& params() const { return m_params; }
    [[nodiscard]] const UniverseChoice& universe() const { return m_universe; }
    [[nodiscard]] Entity entity(EntityIndex e) const { return m_graph.entity(e); }
    // An entity's id and name, as table cells.
    [[nodiscard]] std::string id(EntityIndex e) const { return std::string(m_graph.entity_id(e)); }
    [[nodiscard]] std::string name(EntityIndex e) const { return std::string(m_graph.entity_name(e)); }
    // The name a list shows (a country's list_name, else its name): the table and Markdown
    // formats; JSON and CSV keep the name.
    [[nodiscard]] std::string list(EntityIndex e) const { return std::string(list_name(m_graph, e)); }
    // What places, their ids and their regions are called, as the schema declares them.
    [[nodiscard]] std::string code() const { return code_label(m_graph.schema); }
    [[nodiscard]] std::string place() const { return place_words(m_graph.schema, m_params.place_kind).one; }
    [[nodiscard]] std::string places() const { return place_words(m_graph.schema, m_params.place_kind).many; }
    [[nodiscard]] std::string places(std::size_t n) const { return n == 1 ? place() : places(); }
    [[nodiscard]] std::string region_label() const {
        const auto& label = m_graph.schema.gazetteer().region_label;
        return label.empty() ? std::string("region") : label;
    }
    [[nodiscard]] std::string attribute(EntityIndex e, std::string_view key) const {
        const auto value = m_graph.entity(e).attributes.find(key);
        return value ? std::string(*value) : std::string{};
    }

    // "directly", "through African region", "via Moscow", "derived by rule r"
    [[nodiscard]] std::string path_text(const CoveragePath& path) const {
        switch (path.way) {
            case CoverageWay::direct:
                return "directly";
            case CoverageWay::through_region:
                return fmt::format("through {}", entity(*path.through).name);
            case CoverageWay::via:
                return fmt::format("via {}", entity(*path.through).name);
            case CoverageWay::derived:
                return fmt::format("derived by rule {}", m_graph.relation(path.relation).rule);
        }
        return {};
    }

    // "aad2", or "kafa (through African region)" when the unit does not name the country itself.
    [[nodiscard]] std::string unit_cell(const CoveringUnit& unit, bool show_via = true) const {
        const auto& best = unit.best();
        if (best.way == CoverageWay::direct || (best.way == CoverageWay::via && !show_via)) return id(unit.unit);
        return fmt::format("{} ({})", entity(unit.unit).id, path_text(best));
    }

    [[nodiscard]] std::string units_cell(const std::vector<CoveringUnit>& units, std::string_view separator = ", ",
                                         bool show_via = true) const {
        std::string text;
        for (const auto& u : units) text += (text.empty() ? "" : std::string(separator)) + unit_cell(u, show_via);
        return text;
    }

    [[nodiscard]] std::string ids_cell(const std::vector<EntityIndex>& entities) const {
        std::string text;
        for (auto e : entities) text.append(text.empty() ? "" : ", ").append(entity(e).id);
        return text;
    }

    [[nodiscard]] std::string reason_text(const OutsideEntry& entry) const {
        const auto& key = m_params.membership_attribute;
        switch (entry.reason) {
            case OutsideReason::not_member:
                return entry.status.empty() ? fmt::format("no {}", key) : fmt::format("{} {}", key, entry.status);
            case OutsideReason::observer:
                return fmt::format("{} observer (the universe holds members only)", key);
            case OutsideReason::not_valid:
                return "does not exist on the date";
            case OutsideReason::not_a_place:
                return fmt::format("not a {}: {}", m_params.place_kind, m_graph.kind_of(entry.entity).label);
        }
        return {};
    }

    [[nodiscard]] std::string standing_text(const MembershipGap& gap) const {
        if (gap.standing == MemberStanding::uncovered) return "covered by no unit";
        return "covered by " + ids_cell(gap.other_units) + " instead";
    }

    [[nodiscard]] std::string found_by_text(const HomePlace& home) const {
        if (!home.found_by) return "given with --home";
        const auto& rel = m_graph.relation(*home.found_by);
        return fmt::format("{} ({}) {} {}", entity(rel.from).name, entity(rel.from).id,
                           m_graph.schema.relation_kind(rel.kind).label, entity(rel.to).name);
    }

    [[nodiscard]] std::string source_text(const CoveragePath& path) const {
        return m_graph.cite(m_graph.relation(path.relation).citations);
    }

    // "a regional department", "an association"; the kind the units share, if they share one.
    [[nodiscard]] std::string unit_phrase(const CoverageReport& report) const {
        std::optional<KindIndex> kind = report.from_kind;
        if (!kind) {
            for (const auto& u : report.per_unit) {
                const auto k = entity(u.unit).kind;
                if (!kind) {
                    kind = k;
                } else if (*kind != k) {
                    return "a unit";
                }
            }
        }
        if (!kind) return "a unit";
        return with_article(m_graph.schema.entity_kind(*kind).label);
    }

    [[nodiscard]] std::string sentence(const CoverageReport& report) const {
        const auto& s = report.summary;
        std::string home;
        std::vector<std::string> names;
        for (const auto& h : report.home)
            if (h.in_universe) names.push_back(name(h.place));
        if (names.size() > 3) {
            // A dataset of many ministries: their names would drown the sentence.
            home = fmt::format(", other than {} home {}", names.size(), places());
        } else {
            for (std::size_t i = 0; i < names.size(); ++i)
                home += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
            if (!home.empty()) home = fmt::format(", other than the home {} {}", places(names.size()), home);
        }
        const auto& relation = m_graph.schema.relation_kind(report.relation);
        return fmt::format("{} of {} {} ({}{}) {} {} that {} {}; {} {} not.", s.covered, s.considered,
                           places(s.considered), m_universe.description, home, s.covered == 1 ? "has" : "have",
                           unit_phrase(report), relation.label, s.covered == 1 ? "it" : "them", s.uncovered,
                           s.uncovered == 1 ? "does" : "do");
    }

    // What was counted, in one sentence.
    [[nodiscard]] std::string conditions(const CoverageReport& report) const {
        const auto& schema = m_graph.schema;
        std::string text = fmt::format("Counted: '{}' relations", schema.relation_kind(report.relation).id);
        if (report.from_kind) text += fmt::format(" of {}", schema.entity_kind(*report.from_kind).plural);
        if (m_params.through_regions && !m_params.includes_relation.empty())
            text += fmt::format(", and the {} of the regions they name ('{}')", places(), m_params.includes_relation);
        if (report.date_is_as_of) {
            text += fmt::format("; facts valid on {}", report.date->to_string());
        } else if (report.date && !m_params.status_attribute.empty()) {
            text += fmt::format("; facts valid today; a unit with a '{}' counts only while it is '{}'",
                                m_params.status_attribute, m_params.open_value);
        } else if (report.date) {
            text += "; facts valid today";
        }
        return text + ".";
    }

private:
    const Graph& m_graph;
    const CoverageParams& m_params;
    const UniverseChoice& m_universe;
};

// The units, the organisations they cover and their gaps, the home places and the empty regions.
void text_structure(Answer& answer, const Presenter& p, const CoverageReport& report) {
    const auto& params = p.params();
    answer.section("Per unit", report.per_unit.size(), [&p, &report] {
        Table units({"id", "name", p.places(), "directly", "indirectly", "outside", fmt::format("not {}", p.places()),
                     fmt::format("regions without {}", p.places())},
                    {false, false, true, true, true, true, true, true});
        for (const auto& u : report.per_unit)
            units.add({p.id(u.unit), p.name(u.unit), std::to_string(u.places), std::to_string(u.directly),
                       std::to_string(u.indirectly()), std::to_string(u.outside), std::to_string(u.not_places),
                       std::to_string(u.empty_regions)});
        return units;
    });

    answer.section("Organisations covered, and their members", report.organisations.size(), [&p, &report] {
        Table organisations({"id", "name", "covered by", "members", "also covered", "gaps"},
                            {false, false, false, true, true, true});
        for (const auto& o : report.organisations)
            organisations.add({p.id(o.organisation), p.name(o.organisation), p.ids_cell(o.units),
                               std::to_string(o.members), std::to_string(o.members_covered), std::to_string(o.gaps())});
        return organisations;
    });

    answer.section("Membership gaps", report.membership_gaps.size(), [&p, &report] {
        Table gaps({"organisation", "covered by", p.code(), "member", "member since", "standing"});
        for (const auto& g : report.membership_gaps)
            gaps.add({p.id(g.organisation), p.ids_cell(g.units), p.id(g.member), p.list(g.member),
                      date_text(p.graph().relation(g.membership).validity.from), p.standing_text(g)});
        return gaps;
    });

    answer.section(fmt::format("Home {}, counted apart", p.place()), report.home.size(), [&p, &report] {
        Table home({p.code(), p.place(), "in universe", "found by", "covered by"});
        for (const auto& h : report.home)
            home.add({p.id(h.place), p.list(h.place), h.in_universe ? "yes" : "no", p.found_by_text(h),
                      h.units.empty() ? "none" : p.units_cell(h.units)});
        return home;
    });

    if (params.through_regions) {
        answer.section(fmt::format("Regions that include no {}", p.place()), report.empty_regions.size(),
                       [&p, &report] {
                           Table empty({"id", "name", "named by"});
                           for (const auto& r : report.empty_regions)
                               empty.add({p.id(r.region), p.name(r.region), p.ids_cell(r.units)});
                           return empty;
                       });
    }
}

// The report for people: what it found and counted, then a section per kind of finding.
void text_parts(Answer& answer, const Presenter& p, const CoverageReport& report) {
    const auto& params = p.params();
    answer.lead(p.sentence(report));
    answer.lead(p.conditions(report));
    if (params.through_regions && !report.empty_regions.empty()) {
        const auto n = report.empty_regions.size();
        answer.lead(fmt::format(
            "{} {} named by the units {} no {}, so no {} is counted through {}: see the last "
            "section.",
            n, n == 1 ? "region" : "regions", n == 1 ? "lists" : "list", p.place(), p.place(), n == 1 ? "it" : "them"));
    }

    answer.section(fmt::format("Uncovered {}, by {}", p.places(), p.region_label()), report.summary.uncovered,
                   [&p, &report, &params] {
                       Table uncovered({"region", "sub-region", p.code(), p.place(), params.membership_attribute});
                       for (const auto& group : report.uncovered)
                           for (auto c : group.places)
                               uncovered.add({group.region.empty() ? "(none)" : group.region, group.subregion, p.id(c),
                                              p.list(c), p.attribute(c, params.membership_attribute)});
                       return uncovered;
                   });

    answer.section(capitalised(p.places()) + " covered by more than one unit", report.multiply_covered.size(),
                   [&p, &report] {
                       Table multiple({p.code(), p.place(), "covered by"});
                       for (const auto& c : report.multiply_covered)
                           multiple.add({p.id(c.place), p.list(c.place), p.units_cell(c.units)});
                       return multiple;
                   });

    answer.section(fmt::format("{} covered outside the universe", capitalised(p.places())),
                   report.outside_universe.size(), [&p, &report] {
                       Table outside({p.code(), p.place(), "why outside", "covered by"});
                       for (const auto& o : report.outside_universe)
                           outside.add({p.id(o.entity), p.list(o.entity), p.reason_text(o), p.units_cell(o.units)});
                       return outside;
                   });

    answer.section(fmt::format("Covered entries that are not {}", p.places()), report.not_places.size(), [&p, &report] {
        Table others({"id", "name", "kind", "covered by"});
        for (const auto& o : report.not_places)
            others.add({p.id(o.entity), p.name(o.entity), p.graph().kind_of(o.entity).label, p.units_cell(o.units)});
        return others;
    });
    text_structure(answer, p, report);
}

// One line of the CSV report: every section fills the columns it has, the others stay empty.
struct CsvLine {
    std::string section, id, name, kind, region, subregion;
    std::string unit_id, unit_name, how, through_id, through_name;
    std::string organisation_id, organisation_name, detail, count, source;

    [[nodiscard]] std::vector<std::string> cells() && {
        return {std::move(section),
                std::move(id),
                std::move(name),
                std::move(kind),
                std::move(region),
                std::move(subregion),
                std::move(unit_id),
                std::move(unit_name),
                std::move(how),
                std::move(through_id),
                std::move(through_name),
                std::move(organisation_id),
                std::move(organisation_name),
                std::move(detail),
                std::move(count),
                std::move(source)};
    }
};

// The CSV report's lines, section by section.
class CsvLines {
public:
    CsvLines(const Presenter& p, Table& table) : m_p(p), m_table(table) {}

    void add(CsvLine line) { m_table.add(std::move(line).cells()); }

    // A line about an entity: its id, name and kind.
    [[nodiscard]] CsvLine entity(std::string_view section, EntityIndex e) const {
        CsvLine line;
        line.section = section;
        line.id = m_p.id(e);
        line.name = m_p.name(e);
        line.kind = m_p.graph().kind_of(e).id;
        return line;
    }
    // A line about a place: an entity line with its region and sub-region.
    [[nodiscard]] CsvLine place(std::string_view section, EntityIndex c) const {
        auto line = entity(section, c);
        line.region = m_p.attribute(c, m_p.params().region_attribute);
        line.subregion = m_p.attribute(c, m_p.params().subregion_attribute);
        return line;
    }
    // `line` with a unit that reaches its place: the unit, how, through what, and the source.
    [[nodiscard]] CsvLine with_unit(CsvLine line, const CoveringUnit& u, std::string detail = {}) const {
        const auto& best = u.best();
        with_unit(line, u.unit);
        line.how = way_code(best.way);
        if (best.through) {
            line.through_id = m_p.id(*best.through);
            line.through_name = m_p.name(*best.through);
        }
        line.detail = std::move(detail);
        line.source = m_p.source_text(best);
        return line;
    }
    void with_unit(CsvLine& line, EntityIndex unit) const {
        line.unit_id = m_p.id(unit);
        line.unit_name = m_p.name(unit);
    }

private:
    const Presenter& m_p;
    Table& m_table;
};

void csv_summary(CsvLines& lines, const CoverageSummary& s) {
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, std::size_t>>{{"universe", s.universe},
                                                          {"home", s.home},
                                                          {"considered", s.considered},
                                                          {"covered", s.covered},
                                                          {"uncovered", s.uncovered},
                                                          {"multiply_covered", s.multiply_covered},
                                                          {"outside_universe", s.outside_universe},
                                                          {"not_countries", s.not_places}}) {
        CsvLine line;
        line.section = "summary";
        line.id = key;
        line.count = std::to_string(value);
        lines.add(std::move(line));
    }
}

// The places: covered, uncovered, covered twice, outside the universe, and the entries that are not places.
void csv_places(CsvLines& lines, const Presenter& p, const CoverageReport& report) {
    for (const auto& c : report.covered)
        for (const auto& u : c.units) lines.add(lines.with_unit(lines.place("covered", c.place), u));
    for (const auto& g : report.uncovered)
        for (auto c : g.places) {
            auto line = lines.place("uncovered", c);
            line.detail = p.attribute(c, p.params().membership_attribute);
            lines.add(std::move(line));
        }
    for (const auto& c : report.multiply_covered)
        for (const auto& u : c.units) lines.add(lines.with_unit(lines.place("multiply_covered", c.place), u));
    for (const auto& o : report.outside_universe)
        for (const auto& u : o.units)
            lines.add(lines.with_unit(lines.place("outside_universe", o.entity), u, p.reason_text(o)));
    for (const auto& o : report.not_places)
        for (const auto& u : o.units)
            lines.add(lines.with_unit(lines.entity("not_country", o.entity), u, p.reason_text(o)));
}

// The units, the organisations and their gaps, the home places and the empty regions.
void csv_structure(CsvLines& lines, const Presenter& p, const CoverageReport& report) {
    for (const auto& u : report.per_unit) {
        auto line = lines.entity("per_unit", u.unit);
        line.detail =
            fmt::format("directly {}; indirectly {}; outside {}; home {}; not {} {}; regions without {} {}", u.directly,
                        u.indirectly(), u.outside, u.home, p.places(), u.not_places, p.places(), u.empty_regions);
        line.count = std::to_string(u.places);
        lines.add(std::move(line));
    }
    for (const auto& o : report.organisations)
        for (auto unit : o.units) {
            auto line = lines.entity("organisation", o.organisation);
            lines.with_unit(line, unit);
            line.detail = fmt::format("{} of {} members also covered", o.members_covered, o.members);
            line.count = std::to_string(o.members);
            lines.add(std::move(line));
        }
    for (const auto& g : report.membership_gaps)
        for (auto unit : g.units) {
            auto line = lines.place("membership_gap", g.member);
            lines.with_unit(line, unit);
            line.how = standing_code(g.standing);
            line.organisation_id = p.id(g.organisation);
            line.organisation_name = p.name(g.organisation);
            line.detail = p.standing_text(g);
            line.source = p.graph().cite(p.graph().relation(g.membership).citations);
            lines.add(std::move(line));
        }
    for (const auto& h : report.home) {
        if (h.units.empty()) {
            auto line = lines.place("home", h.place);
            line.detail = p.found_by_text(h);
            lines.add(std::move(line));
        }
        for (const auto& u : h.units) lines.add(lines.with_unit(lines.place("home", h.place), u, p.found_by_text(h)));
    }
    for (const auto& r : report.empty_regions)
        for (auto unit : r.units) {
            auto line = lines.entity("empty_region", r.region);
            lines.with_unit(line, unit);
            lines.add(std::move(line));
        }
}

// The report as one flat table, a line per finding, for scripts.
Table csv_table(const Presenter& p, const CoverageReport& report) {
    const auto& params = p.params();
    const auto region_column = params.region_attribute.empty() ? std::string("region") : params.region_attribute;
    const auto subregion_column =
        params.subregion_attribute.empty() ? std::string("subregion") : params.subregion_attribute;
    Table table({"section", "id", "name", "kind", region_column, subregion_column, "unit_id", "unit_name", "how",
                 "through_id", "through_name", "organisation_id", "organisation_name", "detail", "count", "source"},
                {false, false, false, false, false, false, false, false, false, false, false, false, false, false, true,
                 false});
    CsvLines lines(p, table);
    csv_summary(lines, report.summary);
    csv_places(lines, p, report);
    csv_structure(lines, p, report);
    return table;
}

void json_entity(JsonWriter& json, const Presenter& p, EntityIndex e) {
    write_entity_reference(json, p.graph(), e);
}

void json_place(JsonWriter& json, const Presenter& p, EntityIndex c, bool open_only = false) {
    const auto& params = p.params();
    begin_entity_object(json, p.graph(), c).field(p.code(), p.id(c));
    json.field(params.membership_attribute, p.attribute(c, params.membership_attribute));
    json.field(params.region_attribute, p.attribute(c, params.region_attribute));
    json.field(params.subregion_attribute, p.attribute(c, params.subregion_attribute));
    if (!open_only) json.end_object();
}

void json_units(JsonWriter& json, const Presenter& p, const std::vector<CoveringUnit>& units) {
    json.begin_array();
    for (const auto& u : units) {
        const auto& best = u.best();
        begin_entity_object(json, p.graph(), u.unit);
        json.field("how", way_code(best.way));
        json.key("through");
        if (best.through)
            json_entity(json, p, *best.through);
        else
            json.null();
        if (best.way == CoverageWay::derived) json.field("rule", p.graph().relation(best.relation).rule);
        json.field("source", p.source_text(best));
        json.key("also").begin_array();
        for (std::size_t i = 1; i < u.paths.size(); ++i) {
            const auto& path = u.paths[i];
            json.begin_object().field("how", way_code(path.way));
            json.key("through");
            if (path.through)
                json_entity(json, p, *path.through);
            else
                json.null();
            json.field("source", p.source_text(path)).end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

void json_universe(JsonWriter& json, const Presenter& p, std::size_t size) {
    json.key("universe").begin_object();
    json.field("name", p.universe().name).field("description", p.universe().description);
    json.field("size", static_cast<std::uint64_t>(size)).end_object();
}

// The places: covered, uncovered, covered twice, outside the universe, and the entries that are not places.
void json_places(JsonWriter& json, const Presenter& p, const CoverageReport& report) {
    const auto& graph = p.graph();
    auto coverage_list = [&](std::string_view key, const std::vector<PlaceCoverage>& list) {
        json.key(key).begin_array();
        for (const auto& c : list) {
            json_place(json, p, c.place, true);
            json.key("covered_by");
            json_units(json, p, c.units);
            json.end_object();
        }
        json.end_array();
    };
    coverage_list("covered", report.covered);
    json.key("uncovered").begin_array();
    for (const auto& g : report.uncovered)
        for (auto c : g.places) json_place(json, p, c);
    json.end_array();
    coverage_list("multiply_covered", report.multiply_covered);

    json.key("outside_universe").begin_array();
    for (const auto& o : report.outside_universe) {
        begin_entity_object(json, graph, o.entity).field(p.code(), p.id(o.entity));
        json.field("reason", reason_code(o.reason)).field("why", p.reason_text(o));
        json.key("covered_by");
        json_units(json, p, o.units);
        json.end_object();
    }
    json.end_array();

    json.key("not_countries").begin_array();
    for (const auto& o : report.not_places) {
        begin_entity_object(json, graph, o.entity).field("kind_label", graph.kind_of(o.entity).label);
        json.key("covered_by");
        json_units(json, p, o.units);
        json.end_object();
    }
    json.end_array();
}

// The units and the organisations they cover.
void json_units_and_organisations(JsonWriter& json, const Presenter& p, const CoverageReport& report) {
    const auto& graph = p.graph();
    json.key("per_unit").begin_array();
    for (const auto& u : report.per_unit) {
        begin_entity_object(json, graph, u.unit);
        json.field("countries", static_cast<std::uint64_t>(u.places));
        json.field("directly", static_cast<std::uint64_t>(u.directly));
        json.field("indirectly", static_cast<std::uint64_t>(u.indirectly()));
        json.field("outside_universe", static_cast<std::uint64_t>(u.outside));
        json.field("not_countries", static_cast<std::uint64_t>(u.not_places));
        json.field("empty_regions", static_cast<std::uint64_t>(u.empty_regions));
        json.field("home", static_cast<std::uint64_t>(u.home));
        json.end_object();
    }
    json.end_array();

    json.key("organisations").begin_array();
    for (const auto& o : report.organisations) {
        begin_entity_object(json, graph, o.organisation);
        json.key("covered_by").begin_array();
        for (auto unit : o.units) json_entity(json, p, unit);
        json.end_array();
        json.field("members", static_cast<std::uint64_t>(o.members));
        json.field("members_covered", static_cast<std::uint64_t>(o.members_covered));
        json.end_object();
    }
    json.end_array();
}

// The members of covered organisations that their units miss, the home places and the empty regions.
void json_gaps_and_home(JsonWriter& json, const Presenter& p, const CoverageReport& report) {
    const auto& graph = p.graph();
    json.key("membership_gaps").begin_array();
    for (const auto& g : report.membership_gaps) {
        const auto& membership = graph.relation(g.membership);
        json.begin_object();
        json.key("organisation");
        json_entity(json, p, g.organisation);
        json.key("covered_by").begin_array();
        for (auto unit : g.units) json_entity(json, p, unit);
        json.end_array();
        json.key("member");
        json_place(json, p, g.member);
        json.field("member_since", date_text(membership.validity.from));
        json.field("member_until", date_text(membership.validity.to));
        json.field("membership_source", graph.cite(membership.citations));
        json.field("standing", standing_code(g.standing));
        json.key("covered_instead_by").begin_array();
        for (auto unit : g.other_units) json_entity(json, p, unit);
        json.end_array();
        json.end_object();
    }
    json.end_array();

    json.key("home").begin_array();
    for (const auto& h : report.home) {
        json_place(json, p, h.place, true);
        json.field("in_universe", h.in_universe);
        json.key("found_by");
        if (h.found_by) {
            const auto& rel = graph.relation(*h.found_by);
            json.begin_object().field("relation", graph.schema.relation_kind(rel.kind).id);
            json.key("from");
            json_entity(json, p, rel.from);
            json.field("source", graph.cite(rel.citations)).end_object();
        } else {
            json.null();
        }
        json.key("covered_by");
        json_units(json, p, h.units);
        json.end_object();
    }
    json.end_array();

    json.key("empty_regions").begin_array();
    for (const auto& r : report.empty_regions) {
        begin_entity_object(json, graph, r.region);
        json.key("named_by").begin_array();
        for (auto unit : r.units) json_entity(json, p, unit);
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

// The report in JSON: what was asked, the summary, then every list.
void json_parts(Answer& answer, const Presenter& p, const CoverageReport& report) {
    const auto& graph = p.graph();
    answer.field("relation", graph.schema.relation_kind(report.relation).id);
    if (report.from_kind)
        answer.field("from_kind", graph.schema.entity_kind(*report.from_kind).id);
    else
        answer.null_field("from_kind");
    answer.date();
    answer.field("through_regions", p.params().through_regions);
    answer.json("", [&p, &report](JsonWriter& json) { json_universe(json, p, report.summary.universe); });
    answer.field("sentence", p.sentence(report));
    answer.json("summary", [&report](JsonWriter& json) {
        const auto& s = report.summary;
        json.begin_object();
        json.field("universe", static_cast<std::uint64_t>(s.universe))
            .field("home", static_cast<std::uint64_t>(s.home));
        json.field("considered", static_cast<std::uint64_t>(s.considered));
        json.field("covered", static_cast<std::uint64_t>(s.covered));
        json.field("uncovered", static_cast<std::uint64_t>(s.uncovered));
        json.field("multiply_covered", static_cast<std::uint64_t>(s.multiply_covered));
        json.field("outside_universe", static_cast<std::uint64_t>(s.outside_universe));
        json.field("not_countries", static_cast<std::uint64_t>(s.not_places));
        json.end_object();
    });
    answer.json("", [&p, &report](JsonWriter& json) {
        json_places(json, p, report);
        json_units_and_organisations(json, p, report);
        json_gaps_and_home(json, p, report);
    });
}

// --matrix: the places of the universe, a column per dimension of the schema (after the
// universe and the date).
void write_matrix_json(JsonWriter& json, const Presenter& p, const CoverageMatrix& matrix) {
    const auto& graph = p.graph();
    json.field("through_regions", p.params().through_regions);
    json.key("dimensions").begin_array();
    for (const auto& column : matrix.columns)
        json.begin_object()
            .field("name", column.dimension.name)
            .field("relation", column.dimension.relation)
            .field("from_kind", column.dimension.kind)
            .end_object();
    json.end_array();
    json.key("countries").begin_array();
    for (const auto& row : matrix.rows) {
        begin_entity_object(json, graph, row.place).field(p.code(), p.id(row.place)).field("home", row.home);
        for (std::size_t i = 0; i < matrix.columns.size(); ++i) {
            json.key(matrix.columns[i].dimension.name);
            json_units(json, p, row.cells[i]);
        }
        json.end_object();
    }
    json.end_array();
}

// The table of places and their units; the units of a cell apart by `separator`.
Table matrix_table(const Presenter& p, const CoverageMatrix& matrix, std::string_view separator) {
    std::vector<std::string> names = {p.code(), p.place()};
    for (const auto& column : matrix.columns) names.push_back(column.dimension.name);
    Table table(names);
    for (const auto& row : matrix.rows) {
        std::vector<std::string> cells = {
            p.id(row.place), p.name(row.place).append(row.home ? fmt::format(" (home {})", p.place()) : "")};
        for (const auto& units : row.cells) cells.push_back(p.units_cell(units, separator, false));
        table.add(std::move(cells));
    }
    return table;
}

// The matrix in every format: for people a sentence, the places and a legend of the units; in CSV
// the places alone, the units of a cell apart by "; ".
Answer matrix_answer(const Presenter& p, const CoverageMatrix& matrix) {
    Answer answer;
    std::string dims;
    for (const auto& column : matrix.columns)
        dims += fmt::format("{}{} ('{}')", dims.empty() ? "" : ", ", column.dimension.name, column.dimension.relation);
    const auto& first = matrix.first();
    std::string date = first.date_is_as_of ? fmt::format("valid on {}", first.date->to_string()) : "valid today";
    answer.lead(fmt::format("{} {} ({}) and the units that answer for them: {}; facts {}.", matrix.rows.size(),
                            p.places(), p.universe().description, dims, date));
    answer.section(capitalised(p.places()), matrix.rows.size(), matrix_table(p, matrix, ", "));
    // A legend of the ids the cells use.
    Table legend({"id", "name", "kind"});
    for (auto u : matrix.units) legend.add({p.id(u), p.name(u), p.graph().kind_of(u).id});
    answer.section("Units", matrix.units.size(), std::move(legend));
    answer.json("", [&p, &matrix](JsonWriter& json) { json_universe(json, p, matrix.first().summary.universe); });
    answer.date();
    answer.json("", [&p, &matrix](JsonWriter& json) { write_matrix_json(json, p, matrix); });
    answer.csv([&p, &matrix] { return matrix_table(p, matrix, "; "); });
    return answer;
}

}  // namespace

std::unique_ptr<Command> make_coverage_command() {
    return std::make_unique<CoverageCommand>();
}

void CoverageCommand::add_options(po::options_description& options, po::positional_options_description&) {
    auto question = coverage_query_options(m_query);
    question.add_options()("matrix", po::bool_switch(&m_matrix),
                           "one row per place: the units of each column of the schema's [[coverage.matrix]] that "
                           "answer for it");
    options.add(question).add(data_options(m_data)).add(output_options(m_output));
}

void CoverageCommand::setup(const po::variables_map& variables) {
    check_format(m_output);
    (void)m_data.as_of_date();
    check_coverage_query(m_query, variables);
    if (m_matrix && (variables.count("by") || variables.count("from-kind")))
        throw usage_error("--matrix chooses its own relations and kinds; leave out --by and --from-kind");
}

int CoverageCommand::run() {
    const auto graph = load_graph(m_data);
    const auto params = coverage_params(graph, m_query, m_data, !m_matrix);
    const auto universe = parse_universe(m_query.universe, graph.schema);

    const Presenter presenter(graph, params, universe);
    if (m_matrix) {
        const auto matrix = compute_coverage_matrix(graph, params);
        AnswerUses uses(graph);
        for (const auto& column : matrix.columns) use_coverage(uses, column.report);
        note_uses(uses);
        matrix_answer(presenter, matrix).print(m_output);
    } else {
        const auto report = compute_coverage(graph, params);
        AnswerUses uses(graph);
        use_coverage(uses, report);
        note_uses(uses);
        Answer answer;
        text_parts(answer, presenter, report);
        json_parts(answer, presenter, report);
        answer.csv([&presenter, &report] { return csv_table(presenter, report); });
        answer.print(m_output);
    }
    return 0;
}

}  // namespace orgraph::cli
