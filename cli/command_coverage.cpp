#include "commands.hpp"
#include "coverage_query.hpp"

#include <fmt/format.h>
#include <cstring>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/model/name_resolver.hpp"
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

// What the places are called: the label of the schema's [gazetteer] kind, and its plural.
std::string place_label(const Schema& schema, const std::string& kind) {
    const auto index = schema.entity_kind(kind);
    return index ? schema.entity_kind(*index).label : std::string("place");
}
std::string place_plural(const Schema& schema, const std::string& kind) {
    const auto index = schema.entity_kind(kind);
    return index ? schema.entity_kind(*index).plural : std::string("places");
}
std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
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
        case OutsideReason::not_a_country:
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
    [[nodiscard]] std::string place() const { return place_label(m_graph.schema, m_params.country_kind); }
    [[nodiscard]] std::string places() const { return place_plural(m_graph.schema, m_params.country_kind); }
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
            case OutsideReason::not_a_country:
                return fmt::format("not a {}: {}", m_params.country_kind, m_graph.kind_of(entry.entity).label);
        }
        return {};
    }

    [[nodiscard]] std::string standing_text(const MembershipGap& gap) const {
        if (gap.standing == MemberStanding::uncovered) return "covered by no unit";
        return "covered by " + ids_cell(gap.other_units) + " instead";
    }

    [[nodiscard]] std::string found_by_text(const HomeCountry& home) const {
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
        const auto& label = m_graph.schema.entity_kind(*kind).label;
        const bool vowel = !label.empty() && std::strchr("aeiouAEIOU", label.front()) != nullptr;
        return fmt::format("{} {}", vowel ? "an" : "a", label);
    }

    [[nodiscard]] std::string sentence(const CoverageReport& report) const {
        const auto& s = report.summary;
        std::string home;
        std::vector<std::string> names;
        for (const auto& h : report.home)
            if (h.in_universe) names.push_back(name(h.country));
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

void write_text(std::ostream& out, const Presenter& p, const CoverageReport& report, Format format) {
    Sections sections(out, format);
    const auto& params = p.params();
    sections.paragraph(p.sentence(report));
    sections.paragraph(p.conditions(report));
    if (params.through_regions && !report.empty_regions.empty()) {
        const auto n = report.empty_regions.size();
        sections.paragraph(fmt::format(
            "{} {} named by the units {} no {}, so no {} is counted through {}: see the last "
            "section.",
            n, n == 1 ? "region" : "regions", n == 1 ? "lists" : "list", p.place(), p.place(), n == 1 ? "it" : "them"));
    }

    Table uncovered({"region", "sub-region", p.code(), p.place(), params.membership_attribute});
    for (const auto& group : report.uncovered)
        for (auto c : group.countries)
            uncovered.add({group.region.empty() ? "(none)" : group.region, group.subregion, p.id(c), p.list(c),
                           p.attribute(c, params.membership_attribute)});
    sections.section(fmt::format("Uncovered {}, by {}", p.places(), p.region_label()), report.summary.uncovered,
                     uncovered);

    Table multiple({p.code(), p.place(), "covered by"});
    for (const auto& c : report.multiply_covered)
        multiple.add({p.id(c.country), p.list(c.country), p.units_cell(c.units)});
    sections.section(capitalised(p.places()) + " covered by more than one unit", report.multiply_covered.size(),
                     multiple);

    Table outside({p.code(), p.place(), "why outside", "covered by"});
    for (const auto& o : report.outside_universe)
        outside.add({p.id(o.entity), p.list(o.entity), p.reason_text(o), p.units_cell(o.units)});
    sections.section(fmt::format("{} covered outside the universe", capitalised(p.places())),
                     report.outside_universe.size(), outside);

    Table others({"id", "name", "kind", "covered by"});
    for (const auto& o : report.not_countries)
        others.add({p.id(o.entity), p.name(o.entity), p.graph().kind_of(o.entity).label, p.units_cell(o.units)});
    sections.section(fmt::format("Covered entries that are not {}", p.places()), report.not_countries.size(), others);

    Table units({"id", "name", p.places(), "directly", "indirectly", "outside", fmt::format("not {}", p.places()),
                 fmt::format("regions without {}", p.places())},
                {false, false, true, true, true, true, true, true});
    for (const auto& u : report.per_unit)
        units.add({p.id(u.unit), p.name(u.unit), std::to_string(u.countries), std::to_string(u.directly),
                   std::to_string(u.countries - u.directly), std::to_string(u.outside), std::to_string(u.not_countries),
                   std::to_string(u.empty_regions)});
    sections.section("Per unit", report.per_unit.size(), units);

    Table organisations({"id", "name", "covered by", "members", "also covered", "gaps"},
                        {false, false, false, true, true, true});
    for (const auto& o : report.organisations)
        organisations.add({p.id(o.organisation), p.name(o.organisation), p.ids_cell(o.units), std::to_string(o.members),
                           std::to_string(o.members_covered), std::to_string(o.members - o.members_covered)});
    sections.section("Organisations covered, and their members", report.organisations.size(), organisations);

    Table gaps({"organisation", "covered by", p.code(), "member", "member since", "standing"});
    for (const auto& g : report.membership_gaps)
        gaps.add({p.id(g.organisation), p.ids_cell(g.units), p.id(g.member), p.list(g.member),
                  date_text(p.graph().relation(g.membership).validity.from), p.standing_text(g)});
    sections.section("Membership gaps", report.membership_gaps.size(), gaps);

    Table home({p.code(), p.place(), "in universe", "found by", "covered by"});
    for (const auto& h : report.home)
        home.add({p.id(h.country), p.list(h.country), h.in_universe ? "yes" : "no", p.found_by_text(h),
                  h.units.empty() ? "none" : p.units_cell(h.units)});
    sections.section(fmt::format("Home {}, counted apart", p.place()), report.home.size(), home);

    if (params.through_regions) {
        Table empty({"id", "name", "named by"});
        for (const auto& r : report.empty_regions) empty.add({p.id(r.region), p.name(r.region), p.ids_cell(r.units)});
        sections.section(fmt::format("Regions that include no {}", p.place()), report.empty_regions.size(), empty);
    }
}

void write_csv(std::ostream& out, const Presenter& p, const CoverageReport& report) {
    const auto& params = p.params();
    const auto& graph = p.graph();
    const auto region_column = params.region_attribute.empty() ? std::string("region") : params.region_attribute;
    const auto subregion_column =
        params.subregion_attribute.empty() ? std::string("subregion") : params.subregion_attribute;
    Table table({"section", "id", "name", "kind", region_column, subregion_column, "unit_id", "unit_name", "how",
                 "through_id", "through_name", "organisation_id", "organisation_name", "detail", "count", "source"},
                {false, false, false, false, false, false, false, false, false, false, false, false, false, false, true,
                 false});
    auto country_row = [&](std::string_view section, EntityIndex c) {
        return std::vector<std::string>{std::string(section),
                                        p.id(c),
                                        p.name(c),
                                        graph.kind_of(c).id,
                                        p.attribute(c, params.region_attribute),
                                        p.attribute(c, params.subregion_attribute)};
    };
    auto with_unit = [&](std::vector<std::string> row, const CoveringUnit& u, std::string detail) {
        const auto& best = u.best();
        row.insert(row.end(), {p.id(u.unit), p.name(u.unit), std::string(way_code(best.way)),
                               best.through ? p.id(*best.through) : "", best.through ? p.name(*best.through) : "", "",
                               "", std::move(detail), "", p.source_text(best)});
        return row;
    };
    auto pad = [](std::vector<std::string> row) {
        row.resize(16);
        return row;
    };
    const auto& s = report.summary;
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, std::size_t>>{{"universe", s.universe},
                                                          {"home", s.home},
                                                          {"considered", s.considered},
                                                          {"covered", s.covered},
                                                          {"uncovered", s.uncovered},
                                                          {"multiply_covered", s.multiply_covered},
                                                          {"outside_universe", s.outside_universe},
                                                          {"not_countries", s.not_countries}}) {
        auto row = pad({"summary", key});
        row[14] = std::to_string(value);
        table.add(std::move(row));
    }
    for (const auto& c : report.covered)
        for (const auto& u : c.units) table.add(with_unit(country_row("covered", c.country), u, ""));
    for (const auto& g : report.uncovered)
        for (auto c : g.countries) {
            auto row = pad(country_row("uncovered", c));
            row[13] = p.attribute(c, params.membership_attribute);
            table.add(std::move(row));
        }
    for (const auto& c : report.multiply_covered)
        for (const auto& u : c.units) table.add(with_unit(country_row("multiply_covered", c.country), u, ""));
    for (const auto& o : report.outside_universe)
        for (const auto& u : o.units)
            table.add(with_unit(country_row("outside_universe", o.entity), u, p.reason_text(o)));
    for (const auto& o : report.not_countries)
        for (const auto& u : o.units)
            table.add(with_unit({"not_country", p.id(o.entity), p.name(o.entity), graph.kind_of(o.entity).id, "", ""},
                                u, p.reason_text(o)));
    for (const auto& u : report.per_unit) {
        auto row = pad({"per_unit", p.id(u.unit), p.name(u.unit), graph.kind_of(u.unit).id});
        row[13] = fmt::format("directly {}; indirectly {}; outside {}; home {}; not {} {}; regions without {} {}",
                              u.directly, u.countries - u.directly, u.outside, u.home, p.places(), u.not_countries,
                              p.places(), u.empty_regions);
        row[14] = std::to_string(u.countries);
        table.add(std::move(row));
    }
    for (const auto& o : report.organisations)
        for (auto unit : o.units) {
            auto row = pad({"organisation", p.id(o.organisation), p.name(o.organisation),
                            graph.kind_of(o.organisation).id, "", "", p.id(unit), p.name(unit)});
            row[13] = fmt::format("{} of {} members also covered", o.members_covered, o.members);
            row[14] = std::to_string(o.members);
            table.add(std::move(row));
        }
    for (const auto& g : report.membership_gaps)
        for (auto unit : g.units) {
            auto row = pad(country_row("membership_gap", g.member));
            row[6] = p.id(unit);
            row[7] = p.name(unit);
            row[8] = std::string(standing_code(g.standing));
            row[11] = p.id(g.organisation);
            row[12] = p.name(g.organisation);
            row[13] = p.standing_text(g);
            row[15] = graph.cite(graph.relation(g.membership).citations);
            table.add(std::move(row));
        }
    for (const auto& h : report.home) {
        if (h.units.empty()) {
            auto row = pad(country_row("home", h.country));
            row[13] = p.found_by_text(h);
            table.add(std::move(row));
        }
        for (const auto& u : h.units) table.add(with_unit(country_row("home", h.country), u, p.found_by_text(h)));
    }
    for (const auto& r : report.empty_regions)
        for (auto unit : r.units) {
            auto row = pad({"empty_region", p.id(r.region), p.name(r.region), graph.kind_of(r.region).id, "", "",
                            p.id(unit), p.name(unit)});
            table.add(std::move(row));
        }
    write_table(out, table, Format::csv);
}

void json_entity(JsonWriter& json, const Presenter& p, EntityIndex e, std::string_view id_key = "id") {
    json.begin_object().field(id_key, p.id(e)).field("name", p.name(e)).end_object();
}

void json_country(JsonWriter& json, const Presenter& p, EntityIndex c, bool open_only = false) {
    const auto& params = p.params();
    json.begin_object().field(p.code(), p.id(c)).field("name", p.name(c));
    json.field(params.membership_attribute, p.attribute(c, params.membership_attribute));
    json.field(params.region_attribute, p.attribute(c, params.region_attribute));
    json.field(params.subregion_attribute, p.attribute(c, params.subregion_attribute));
    if (!open_only) json.end_object();
}

void json_units(JsonWriter& json, const Presenter& p, const std::vector<CoveringUnit>& units) {
    json.begin_array();
    for (const auto& u : units) {
        const auto& best = u.best();
        json.begin_object().field("id", p.id(u.unit)).field("name", p.name(u.unit));
        json.field("kind", p.graph().kind_of(u.unit).id);
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

void json_as_of(JsonWriter& json, const CoverageReport& /*report*/) {
    write_answer_date(json);
}

void write_json(std::ostream& out, const Presenter& p, const CoverageReport& report) {
    const auto& graph = p.graph();
    JsonWriter json(out);
    json.begin_object();
    json.field("relation", graph.schema.relation_kind(report.relation).id);
    json.key("from_kind");
    if (report.from_kind)
        json.value(graph.schema.entity_kind(*report.from_kind).id);
    else
        json.null();
    json_as_of(json, report);
    json.field("through_regions", p.params().through_regions);
    json_universe(json, p, report.summary.universe);
    json.field("sentence", p.sentence(report));
    const auto& s = report.summary;
    json.key("summary").begin_object();
    json.field("universe", static_cast<std::uint64_t>(s.universe)).field("home", static_cast<std::uint64_t>(s.home));
    json.field("considered", static_cast<std::uint64_t>(s.considered));
    json.field("covered", static_cast<std::uint64_t>(s.covered));
    json.field("uncovered", static_cast<std::uint64_t>(s.uncovered));
    json.field("multiply_covered", static_cast<std::uint64_t>(s.multiply_covered));
    json.field("outside_universe", static_cast<std::uint64_t>(s.outside_universe));
    json.field("not_countries", static_cast<std::uint64_t>(s.not_countries));
    json.end_object();

    auto coverage_list = [&](std::string_view key, const std::vector<CountryCoverage>& list) {
        json.key(key).begin_array();
        for (const auto& c : list) {
            json_country(json, p, c.country, true);
            json.key("covered_by");
            json_units(json, p, c.units);
            json.end_object();
        }
        json.end_array();
    };
    coverage_list("covered", report.covered);
    json.key("uncovered").begin_array();
    for (const auto& g : report.uncovered)
        for (auto c : g.countries) json_country(json, p, c);
    json.end_array();
    coverage_list("multiply_covered", report.multiply_covered);

    json.key("outside_universe").begin_array();
    for (const auto& o : report.outside_universe) {
        json.begin_object().field("id", p.id(o.entity)).field(p.code(), p.id(o.entity));
        json.field("name", p.name(o.entity)).field("kind", graph.kind_of(o.entity).id);
        json.field("reason", reason_code(o.reason)).field("why", p.reason_text(o));
        json.key("covered_by");
        json_units(json, p, o.units);
        json.end_object();
    }
    json.end_array();

    json.key("not_countries").begin_array();
    for (const auto& o : report.not_countries) {
        json.begin_object().field("id", p.id(o.entity)).field("name", p.name(o.entity));
        json.field("kind", graph.kind_of(o.entity).id).field("kind_label", graph.kind_of(o.entity).label);
        json.key("covered_by");
        json_units(json, p, o.units);
        json.end_object();
    }
    json.end_array();

    json.key("per_unit").begin_array();
    for (const auto& u : report.per_unit) {
        json.begin_object().field("id", p.id(u.unit)).field("name", p.name(u.unit));
        json.field("kind", graph.kind_of(u.unit).id);
        json.field("countries", static_cast<std::uint64_t>(u.countries));
        json.field("directly", static_cast<std::uint64_t>(u.directly));
        json.field("indirectly", static_cast<std::uint64_t>(u.countries - u.directly));
        json.field("outside_universe", static_cast<std::uint64_t>(u.outside));
        json.field("not_countries", static_cast<std::uint64_t>(u.not_countries));
        json.field("empty_regions", static_cast<std::uint64_t>(u.empty_regions));
        json.field("home", static_cast<std::uint64_t>(u.home));
        json.end_object();
    }
    json.end_array();

    json.key("organisations").begin_array();
    for (const auto& o : report.organisations) {
        json.begin_object().field("id", p.id(o.organisation)).field("name", p.name(o.organisation));
        json.key("covered_by").begin_array();
        for (auto unit : o.units) json_entity(json, p, unit);
        json.end_array();
        json.field("members", static_cast<std::uint64_t>(o.members));
        json.field("members_covered", static_cast<std::uint64_t>(o.members_covered));
        json.end_object();
    }
    json.end_array();

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
        json_country(json, p, g.member);
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
        json_country(json, p, h.country, true);
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
        json.begin_object().field("id", p.id(r.region)).field("name", p.name(r.region));
        json.key("named_by").begin_array();
        for (auto unit : r.units) json_entity(json, p, unit);
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    json.finish();
}

// --matrix: one report per dimension, joined by country.
struct MatrixColumn {
    MatrixDimension dimension;
    CoverageReport report;
    std::unordered_map<EntityIndex, const std::vector<CoveringUnit>*> by_country;
};

void write_matrix(std::ostream& out, const Graph& graph, const CoverageParams& base, const UniverseChoice& universe,
                  Format format) {
    std::vector<MatrixColumn> columns;
    const auto& dimensions = graph.schema.coverage().matrix;
    if (dimensions.empty())
        throw std::runtime_error("the schema declares no columns for a matrix ([[coverage.matrix]])");
    for (const auto& dimension : dimensions) {
        const auto kind = graph.schema.entity_kind(dimension.kind);
        if (!graph.schema.relation_kind(dimension.relation) || !kind) continue;
        const bool present = std::any_of(graph.entities().begin(), graph.entities().end(),
                                         [&](const Entity& e) { return graph.schema.is_a(e.kind, *kind); });
        if (!present) continue;
        auto params = base;
        params.relation = dimension.relation;
        params.from_kind = dimension.kind;
        columns.push_back({dimension, compute_coverage(graph, params), {}});
    }
    if (columns.empty()) {
        std::string kinds;
        for (const auto& d : dimensions) kinds += (kinds.empty() ? "" : ", ") + d.kind;
        throw std::runtime_error(fmt::format("the dataset has none of the units a matrix shows ({})", kinds));
    }
    AnswerUses uses(graph);
    for (const auto& column : columns) use_coverage(uses, column.report);
    note_uses(uses);
    for (auto& column : columns) {
        for (const auto& c : column.report.covered) column.by_country.emplace(c.country, &c.units);
        for (const auto& h : column.report.home) column.by_country.emplace(h.country, &h.units);
    }
    // The rows: every country of the universe, the home country included and marked.
    const auto& first = columns.front().report;
    std::vector<EntityIndex> countries;
    std::unordered_map<EntityIndex, bool> home;
    for (const auto& c : first.covered) countries.push_back(c.country);
    for (const auto& g : first.uncovered) countries.insert(countries.end(), g.countries.begin(), g.countries.end());
    for (const auto& h : first.home)
        if (h.in_universe) {
            countries.push_back(h.country);
            home[h.country] = true;
        }
    std::sort(countries.begin(), countries.end(), [&](EntityIndex a, EntityIndex b) {
        return std::pair(graph.entity_name(a), graph.entity_id(a)) <
               std::pair(graph.entity_name(b), graph.entity_id(b));
    });
    const Presenter p(graph, base, universe);
    const auto code = code_label(graph.schema);
    const auto place = place_label(graph.schema, base.country_kind);
    auto cell = [&](const MatrixColumn& column, EntityIndex country, std::string_view separator) {
        auto it = column.by_country.find(country);
        return it == column.by_country.end() ? std::string{} : p.units_cell(*it->second, separator, false);
    };

    if (format == Format::json) {
        JsonWriter json(out);
        json.begin_object();
        json_universe(json, p, first.summary.universe);
        json_as_of(json, first);
        json.field("through_regions", base.through_regions);
        json.key("dimensions").begin_array();
        for (const auto& column : columns)
            json.begin_object()
                .field("name", column.dimension.name)
                .field("relation", column.dimension.relation)
                .field("from_kind", column.dimension.kind)
                .end_object();
        json.end_array();
        json.key("countries").begin_array();
        for (auto c : countries) {
            json.begin_object().field(code, graph.entity(c).id).field("name", graph.entity(c).name);
            json.field("home", home.contains(c));
            for (const auto& column : columns) {
                json.key(column.dimension.name);
                auto it = column.by_country.find(c);
                json_units(json, p, it == column.by_country.end() ? std::vector<CoveringUnit>{} : *it->second);
            }
            json.end_object();
        }
        json.end_array();
        json.end_object();
        json.finish();
        return;
    }

    std::vector<std::string> names = {code, place};
    for (const auto& column : columns) names.push_back(column.dimension.name);
    Table table(names);
    for (auto c : countries) {
        std::vector<std::string> row = {
            std::string(graph.entity_id(c)),
            std::string(graph.entity_name(c)).append(home.contains(c) ? fmt::format(" (home {})", place) : "")};
        for (const auto& column : columns) row.push_back(cell(column, c, format == Format::csv ? "; " : ", "));
        table.add(std::move(row));
    }
    if (format == Format::csv) {
        write_table(out, table, format);
        return;
    }
    Sections sections(out, format);
    std::string dims;
    for (const auto& column : columns)
        dims += fmt::format("{}{} ('{}')", dims.empty() ? "" : ", ", column.dimension.name, column.dimension.relation);
    std::string date = first.date_is_as_of ? fmt::format("valid on {}", first.date->to_string()) : "valid today";
    const auto plural = place_plural(graph.schema, base.country_kind);
    sections.paragraph(fmt::format("{} {} ({}) and the units that answer for them: {}; facts {}.", countries.size(),
                                   plural, universe.description, dims, date));
    sections.section(capitalised(plural), countries.size(), table);

    // A legend of the ids the cells use.
    std::vector<EntityIndex> units;
    for (const auto& column : columns)
        for (const auto& u : column.report.per_unit)
            if (u.countries + u.home > 0) units.push_back(u.unit);
    std::sort(units.begin(), units.end(), [&](EntityIndex a, EntityIndex b) {
        return std::pair(graph.entity_name(a), graph.entity_id(a)) <
               std::pair(graph.entity_name(b), graph.entity_id(b));
    });
    units.erase(std::unique(units.begin(), units.end()), units.end());
    Table legend({"id", "name", "kind"});
    for (auto u : units)
        legend.add({std::string(graph.entity_id(u)), std::string(graph.entity_name(u)), graph.kind_of(u).id});
    sections.section("Units", units.size(), legend);
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

    Output output(m_output.output, m_output.parsed_format());
    const auto format = m_output.parsed_format();
    if (m_matrix) {
        write_matrix(output.stream(), graph, params, universe, format);
    } else {
        const auto report = compute_coverage(graph, params);
        AnswerUses uses(graph);
        use_coverage(uses, report);
        note_uses(uses);
        const Presenter presenter(graph, params, universe);
        switch (format) {
            case Format::json:
                write_json(output.stream(), presenter, report);
                break;
            case Format::csv:
                write_csv(output.stream(), presenter, report);
                break;
            case Format::table:
            case Format::markdown:
                write_text(output.stream(), presenter, report, format);
                break;
        }
    }
    output.commit();
    return 0;
}

}  // namespace orgraph::cli
