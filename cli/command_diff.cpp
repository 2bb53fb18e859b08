#include "answer.hpp"
#include "commands.hpp"
#include "coverage_query.hpp"

#include <fmt/format.h>
#include <optional>
#include <string>
#include <utility>

#include "orgraph/analysis/diff.hpp"
#include "orgraph/analysis/prepare.hpp"
#include "orgraph/model/entity_card.hpp"
#include "orgraph/model/text.hpp"
#include "orgraph/report/diff_dot.hpp"
#include "orgraph/write/json_entity.hpp"
#include "orgraph/write/json_writer.hpp"
#include "orgraph/write/render.hpp"
#include "standard_streams.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo diff_info{
    .name = "diff",
    .synopsis = "what changed between two dates or two datasets: entities, relations, and the coverage they give",
    .arguments = "",
};

// A side of the comparison: the graph as prepared, and how to name it.
struct Side {
    Graph graph;
    std::optional<Date> date;
    std::string label;
    DataOptions data;          // its data, with its date as --as-of (for the coverage parameters)
    AnswerDate answer;         // its date, whether it is today, and what it counts without knowing it held
    UncertainFacts uncertain;  // on its date, in the whole graph

    // "2020", "2026-07-01 (today)".
    [[nodiscard]] std::string date_text() const {
        return date ? date->to_string() + (answer.today ? " (today)" : "") : std::string{};
    }
};

class DiffCommand final : public Command {
public:
    DiffCommand() : Command(diff_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    [[nodiscard]] std::optional<CoverageQuestion> coverage_question(const Side& before, const Side& after) const;
    [[nodiscard]] std::optional<CoverageQuestion> presence_question(const Side& before, const Side& after) const;

    DataOptions m_data = DataOptions::whole_record();
    OutputOptions m_output;
    CoverageQuery m_query;
    std::vector<std::string> m_against;
    std::string m_from;
    std::string m_to;
    std::string m_presence_by;    // empty: the schema's [coverage] presence_relation
    std::string m_presence_kind;  // empty: the schema's [coverage] presence_kind
    bool m_no_coverage = false;
    bool m_coverage_asked = false;  // --by or --from-kind given: the question must be answerable
    bool m_presence_asked = false;
    std::optional<Date> m_from_date;
    std::optional<Date> m_to_date;
};

std::optional<Date> date_option(const char* option, const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto date = Date::parse(text);
    if (!date)
        throw usage_error(fmt::format("{} '{}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", option, text));
    return date;
}

std::string data_label(const std::vector<std::string>& data, const std::vector<std::string>& with) {
    std::string label;
    if (data.empty()) {
        label = "the built-in dataset";
    } else {
        for (const auto& path : data) label += (label.empty() ? "" : " + ") + path;
    }
    for (const auto& overlay : with) label += " with " + overlay;
    return label;
}

std::string_view change_code(ChangeType type) {
    switch (type) {
        case ChangeType::added:
            return "added";
        case ChangeType::removed:
            return "removed";
        case ChangeType::changed:
            return "changed";
    }
    return "changed";
}

std::string attributes_text(const Attributes& attributes) {
    std::string text;
    for (const auto& a : attributes) text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", a.key, a.value);
    return text;
}

// Everything the writers need: the two sides and the phrases they share.
class Presenter {
public:
    Presenter(const Side& before, const Side& after, const GraphDiff& diff, const std::vector<CoverageQuestion>& asked)
        : m_before(before), m_after(after), m_diff(diff), m_asked(asked) {}

    [[nodiscard]] const GraphDiff& diff() const { return m_diff; }
    [[nodiscard]] const Side& before() const { return m_before; }
    [[nodiscard]] const Side& after() const { return m_after; }
    [[nodiscard]] const CoverageQuestion& question(std::size_t i) const { return m_asked[i]; }

    // The side an entity change is read from: the new one, unless the entity is gone.
    [[nodiscard]] std::pair<const Graph*, EntityIndex> entity(const EntityChange& change) const {
        if (change.after) return {&m_after.graph, *change.after};
        return {&m_before.graph, *change.before};
    }
    [[nodiscard]] std::pair<const Graph*, RelationIndex> relation(const RelationChange& change) const {
        if (change.after) return {&m_after.graph, *change.after};
        return {&m_before.graph, *change.before};
    }
    // An entity named by id, read from whichever side has it.
    [[nodiscard]] std::string name_of(const std::string& id) const {
        if (auto e = m_after.graph.find(id)) return std::string(m_after.graph.entity_name(*e));
        if (auto e = m_before.graph.find(id)) return std::string(m_before.graph.entity_name(*e));
        return {};
    }

    // Where the entity stands: "Luanda, Angola".
    [[nodiscard]] static std::string place(const Graph& graph, EntityIndex entity) {
        std::string text;
        for (auto p : entity_context(graph, entity)) text.append(text.empty() ? "" : ", ").append(graph.entity_name(p));
        return text;
    }

    [[nodiscard]] std::string sentence() const {
        const auto& s = m_diff.summary;
        return fmt::format(
            "Entities: {} added, {} removed, {} changed ({} before, {} after). Stated relations: {} added, {} removed, "
            "{} changed ({} before, {} after).",
            s.entities_added, s.entities_removed, s.entities_changed, s.entities_before, s.entities_after,
            s.relations_added, s.relations_removed, s.relations_changed, s.relations_before, s.relations_after);
    }

    [[nodiscard]] std::string sides() const {
        auto side = [](const Side& s) { return s.date ? fmt::format("{} on {}", s.label, s.date_text()) : s.label; };
        if (m_before.label == m_after.label && m_before.date && m_after.date)
            return fmt::format("Changes in {} from {} to {}.", m_before.label, m_before.date_text(),
                               m_after.date_text());
        return fmt::format("Changes from {} to {}{}.", side(m_before), side(m_after),
                           m_before.date || m_after.date ? "" : " (facts of every date)");
    }

    // An entity's validity, read from whichever side has it.
    [[nodiscard]] std::string valid_of(const std::string& id) const {
        if (auto e = m_after.graph.find(id)) return validity_text(m_after.graph.entity_validity(*e));
        if (auto e = m_before.graph.find(id)) return validity_text(m_before.graph.entity_validity(*e));
        return {};
    }

    // "'covers' relations of departments".
    [[nodiscard]] std::string question_text(const CoverageQuestion& q) const {
        const auto& schema = m_after.graph.schema;
        std::string text = fmt::format("'{}' relations", q.after.relation);
        if (!q.after.from_kind.empty()) {
            const auto kind = schema.entity_kind(q.after.from_kind);
            text += fmt::format(" of {}", kind ? schema.entity_kind(*kind).plural : q.after.from_kind);
        }
        return text;
    }

    [[nodiscard]] std::string units_label(const CoverageQuestion& q) const {
        const auto& schema = m_after.graph.schema;
        if (q.after.from_kind.empty()) return "units";
        const auto kind = schema.entity_kind(q.after.from_kind);
        return kind ? schema.entity_kind(*kind).plural : q.after.from_kind;
    }

private:
    const Side& m_before;
    const Side& m_after;
    const GraphDiff& m_diff;
    const std::vector<CoverageQuestion>& m_asked;
};

// The changes for people: the two sides, the counts, then a section per kind of change.
void text_parts(Answer& answer, const Presenter& p) {
    const auto& diff = p.diff();
    answer.lead(p.sides());
    answer.lead(p.sentence());

    for (const auto type : {ChangeType::removed, ChangeType::added}) {
        Table table({"id", "name", "kind", "place", "valid", "sources"});
        for (const auto& e : diff.entities) {
            if (e.type != type) continue;
            const auto [graph, index] = p.entity(e);
            table.add({e.id, std::string(graph->entity_name(index)), graph->kind_of(index).id,
                       Presenter::place(*graph, index), validity_text(graph->entity_validity(index)),
                       graph->cite(graph->entity(index).citations)});
        }
        answer.section(type == ChangeType::removed ? "Entities removed" : "Entities added", table.rows.size(),
                       std::move(table));
    }
    Table changed({"id", "name", "field", "before", "after"});
    for (const auto& e : diff.entities) {
        if (e.type != ChangeType::changed) continue;
        const auto [graph, index] = p.entity(e);
        for (const auto& f : e.fields)
            changed.add({e.id, std::string(graph->entity_name(index)), f.field, f.before, f.after});
    }
    answer.section("Entities changed", diff.summary.entities_changed, std::move(changed));

    for (const auto type : {ChangeType::removed, ChangeType::added}) {
        Table table({"from", "relation", "to", "attributes", "valid", "with entity", "sources"});
        for (const auto& r : diff.relations) {
            if (r.type != type) continue;
            const auto [graph, index] = p.relation(r);
            const auto relation = graph->relation(index);
            table.add({std::string(graph->entity_id(relation.from)), graph->kind_of_relation(index).id,
                       std::string(graph->entity_id(relation.to)), attributes_text(relation.attributes),
                       validity_text(relation.validity), r.with_entity ? "yes" : "", graph->cite(relation.citations)});
        }
        answer.section(type == ChangeType::removed ? "Relations removed" : "Relations added", table.rows.size(),
                       std::move(table));
    }
    Table relations_changed({"from", "relation", "to", "attributes", "field", "before", "after"});
    for (const auto& r : diff.relations) {
        if (r.type != ChangeType::changed) continue;
        const auto [graph, index] = p.relation(r);
        const auto relation = graph->relation(index);
        for (const auto& f : r.fields)
            relations_changed.add({std::string(graph->entity_id(relation.from)), graph->kind_of_relation(index).id,
                                   std::string(graph->entity_id(relation.to)), attributes_text(relation.attributes),
                                   f.field, f.before, f.after});
    }
    answer.section("Relations changed", diff.summary.relations_changed, std::move(relations_changed));

    for (std::size_t i = 0; i < diff.coverage.size(); ++i) {
        const auto& c = diff.coverage[i];
        const auto& q = p.question(i);
        answer.lead(fmt::format("{}: {}.", c.name == "presence" ? "Presence" : "Coverage", p.question_text(q)));
        Table units({"id", "name", "valid", "gained", "lost"});
        for (const auto& u : c.units)
            units.add({u.unit, p.name_of(u.unit), p.valid_of(u.unit), join(u.gained), join(u.lost)});
        // The places as the schema after calls them ("countries", "markets").
        const auto places = place_words(p.after().graph.schema, q.after.place_kind);
        answer.section(fmt::format("{} gained or lost, per unit ({})", capitalised(places.many), c.name),
                       c.units.size(), std::move(units));
        auto place_list = [&](const std::vector<PlaceCoverageChange>& list, bool lost) {
            Table table({"id", places.one, lost ? "reached before by" : "reached now by"});
            for (const auto& x : list)
                table.add({x.place, p.name_of(x.place), join(lost ? x.units_before : x.units_after)});
            return table;
        };
        answer.section(
            fmt::format("{} that lost every one of the {} ({})", capitalised(places.many), p.units_label(q), c.name),
            c.lost_all.size(), place_list(c.lost_all, true));
        answer.section(fmt::format("{} reached for the first time ({})", capitalised(places.many), c.name),
                       c.gained_first.size(), place_list(c.gained_first, false));
    }
    // Under the answer, as every command ends one: the date each side answered for, and what it
    // counted without knowing it held then.
    answer.dates({{"before", &p.before().answer}, {"after", &p.after().answer}});
}

// The changes as one flat table, a line per change, for scripts.
Table csv_table(const Presenter& p) {
    const auto& diff = p.diff();
    Table table({"section", "change", "id", "name", "kind", "from_id", "to_id", "attributes", "field", "before",
                 "after", "place", "valid", "with_entity", "sources"});
    auto row = [](std::vector<std::string> cells) {
        cells.resize(15);
        return cells;
    };
    for (const auto& e : diff.entities) {
        const auto [graph, index] = p.entity(e);
        const std::vector<std::string> head = {"entity", std::string(change_code(e.type)), e.id,
                                               std::string(graph->entity_name(index)), graph->kind_of(index).id};
        if (e.type != ChangeType::changed) {
            auto cells = row(head);
            cells[11] = Presenter::place(*graph, index);
            cells[12] = validity_text(graph->entity_validity(index));
            cells[14] = graph->cite(graph->entity(index).citations);
            table.add(std::move(cells));
            continue;
        }
        for (const auto& f : e.fields) {
            auto cells = row(head);
            cells[8] = f.field;
            cells[9] = f.before;
            cells[10] = f.after;
            table.add(std::move(cells));
        }
    }
    for (const auto& r : diff.relations) {
        const auto [graph, index] = p.relation(r);
        const auto relation = graph->relation(index);
        std::vector<std::string> head = {"relation",
                                         std::string(change_code(r.type)),
                                         "",
                                         "",
                                         graph->kind_of_relation(index).id,
                                         std::string(graph->entity_id(relation.from)),
                                         std::string(graph->entity_id(relation.to)),
                                         attributes_text(relation.attributes)};
        if (r.type != ChangeType::changed) {
            auto cells = row(head);
            cells[12] = validity_text(relation.validity);
            cells[13] = r.with_entity ? "yes" : "no";
            cells[14] = graph->cite(relation.citations);
            table.add(std::move(cells));
            continue;
        }
        for (const auto& f : r.fields) {
            auto cells = row(head);
            cells[8] = f.field;
            cells[9] = f.before;
            cells[10] = f.after;
            table.add(std::move(cells));
        }
    }
    for (const auto& c : diff.coverage) {
        for (const auto& u : c.units) {
            // A country a unit gained is in its "after" column, one it lost in its "before".
            for (const auto& [change, list] : {std::pair{"gained", &u.gained}, std::pair{"lost", &u.lost}})
                for (const auto& place : *list) {
                    auto cells = row({c.name, change, u.unit, p.name_of(u.unit)});
                    cells[change == std::string_view("gained") ? 10 : 9] = place;
                    cells[12] = p.valid_of(u.unit);
                    table.add(std::move(cells));
                }
        }
        for (const auto& [change, list] :
             {std::pair{"lost_every_unit", &c.lost_all}, std::pair{"reached_first", &c.gained_first}})
            for (const auto& x : *list) {
                auto cells = row({c.name, change, x.place, p.name_of(x.place)});
                cells[9] = join(x.units_before, "; ");
                cells[10] = join(x.units_after, "; ");
                table.add(std::move(cells));
            }
    }
    return table;
}

// What each side of the diff's answer used: the entities and relations that changed, as that
// side has them, and the units and countries of the coverage changes on that side; each side
// lists those of them whose presence on its date is uncertain.
void note_diff_uses(const GraphDiff& diff, Side& before, Side& after) {
    AnswerUses old_side(before.graph);
    AnswerUses new_side(after.graph);
    for (const auto& e : diff.entities) {
        if (e.before) old_side.entity(*e.before);
        if (e.after) new_side.entity(*e.after);
    }
    for (const auto& r : diff.relations) {
        if (r.before) old_side.relation(*r.before);
        if (r.after) new_side.relation(*r.after);
    }
    auto by_id = [](AnswerUses& uses, const Graph& graph, const std::vector<std::string>& ids) {
        for (const auto& id : ids)
            if (const auto e = graph.find(id)) uses.entity(*e);
    };
    for (const auto& c : diff.coverage) {
        for (const auto& u : c.units) {
            if (u.before) old_side.entity(*u.before);
            if (u.after) new_side.entity(*u.after);
            by_id(old_side, before.graph, u.lost);
            by_id(new_side, after.graph, u.gained);
        }
        for (const auto* list : {&c.lost_all, &c.gained_first})
            for (const auto& x : *list) {
                if (x.before) old_side.entity(*x.before);
                if (x.after) new_side.entity(*x.after);
                by_id(old_side, before.graph, x.units_before);
                by_id(new_side, after.graph, x.units_after);
            }
    }
    before.answer.list_uncertain(before.graph, old_side.uncertain_among(before.uncertain));
    after.answer.list_uncertain(after.graph, new_side.uncertain_among(after.uncertain));
}

void json_date(JsonWriter& json, std::string_view key, const std::optional<Date>& date) {
    json.key(key);
    if (date)
        json.value(date->to_string());
    else
        json.null();
}

void json_fields(JsonWriter& json, const std::vector<FieldChange>& fields) {
    json.key("fields").begin_array();
    for (const auto& f : fields)
        json.begin_object().field("field", f.field).field("before", f.before).field("after", f.after).end_object();
    json.end_array();
}

// An entity named by id, read from whichever side has it: {"id", "name", "kind", ...}, left open.
JsonWriter& begin_json_entity(JsonWriter& json, const Presenter& p, const std::string& id) {
    for (const Graph* graph : {&p.after().graph, &p.before().graph})
        if (const auto e = graph->find(id)) return begin_entity_object(json, *graph, *e);
    return json.begin_object().field("id", id).field("name", "").field("kind", "");
}

void json_ids(JsonWriter& json, const Presenter& p, std::string_view key, const std::vector<std::string>& ids) {
    json.key(key).begin_array();
    for (const auto& id : ids) begin_json_entity(json, p, id).end_object();
    json.end_array();
}

// The changes in JSON, after the date of each side.
void write_json(JsonWriter& json, const Presenter& p) {
    const auto& diff = p.diff();
    for (const auto& [key, side] : {std::pair{"before", &p.before()}, std::pair{"after", &p.after()}}) {
        json.key(key).begin_object().field("data", side->label);
        write_answer_date(json, side->answer);
        json.end_object();
    }
    const auto& s = diff.summary;
    json.key("summary").begin_object();
    json.field("entities_before", static_cast<std::uint64_t>(s.entities_before));
    json.field("entities_after", static_cast<std::uint64_t>(s.entities_after));
    json.field("entities_added", static_cast<std::uint64_t>(s.entities_added));
    json.field("entities_removed", static_cast<std::uint64_t>(s.entities_removed));
    json.field("entities_changed", static_cast<std::uint64_t>(s.entities_changed));
    json.field("relations_before", static_cast<std::uint64_t>(s.relations_before));
    json.field("relations_after", static_cast<std::uint64_t>(s.relations_after));
    json.field("relations_added", static_cast<std::uint64_t>(s.relations_added));
    json.field("relations_removed", static_cast<std::uint64_t>(s.relations_removed));
    json.field("relations_changed", static_cast<std::uint64_t>(s.relations_changed));
    json.end_object();

    json.key("entities").begin_array();
    for (const auto& e : diff.entities) {
        const auto [graph, index] = p.entity(e);
        const auto entity = graph->entity(index);
        json.begin_object().field("change", change_code(e.type)).field("id", e.id);
        json.field("name", entity.name).field("kind", graph->kind_of(index).id);
        json.key("place").begin_array();
        for (auto place : entity_context(*graph, index)) write_entity_reference(json, *graph, place);
        json.end_array();
        json_date(json, "valid_from", entity.validity.from);
        json_date(json, "valid_to", entity.validity.to);
        json.field("sources", graph->cite(entity.citations));
        json_fields(json, e.fields);
        json.end_object();
    }
    json.end_array();

    json.key("relations").begin_array();
    for (const auto& r : diff.relations) {
        const auto [graph, index] = p.relation(r);
        const auto relation = graph->relation(index);
        json.begin_object().field("change", change_code(r.type)).field("kind", graph->kind_of_relation(index).id);
        write_entity_reference(json.key("from"), *graph, relation.from);
        write_entity_reference(json.key("to"), *graph, relation.to);
        json.key("attributes").begin_object();
        for (const auto& a : relation.attributes) json.field(a.key, a.value);
        json.end_object();
        json_date(json, "valid_from", relation.validity.from);
        json_date(json, "valid_to", relation.validity.to);
        json.field("with_entity", r.with_entity);
        json.field("sources", graph->cite(relation.citations));
        json_fields(json, r.fields);
        json.end_object();
    }
    json.end_array();

    json.key("coverage").begin_array();
    for (std::size_t i = 0; i < diff.coverage.size(); ++i) {
        const auto& c = diff.coverage[i];
        const auto& q = p.question(i);
        json.begin_object().field("question", c.name).field("relation", q.after.relation);
        json.key("from_kind");
        if (q.after.from_kind.empty())
            json.null();
        else
            json.value(q.after.from_kind);
        json.key("units").begin_array();
        for (const auto& u : c.units) {
            begin_json_entity(json, p, u.unit);
            json_ids(json, p, "gained", u.gained);
            json_ids(json, p, "lost", u.lost);
            json.end_object();
        }
        json.end_array();
        for (const auto& [key, list] :
             {std::pair{"lost_every_unit", &c.lost_all}, std::pair{"reached_first", &c.gained_first}}) {
            json.key(key).begin_array();
            for (const auto& x : *list) {
                begin_json_entity(json, p, x.place);
                json_ids(json, p, "units_before", x.units_before);
                json_ids(json, p, "units_after", x.units_after);
                json.end_object();
            }
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();
}

}  // namespace

std::unique_ptr<Command> make_diff_command() {
    return std::make_unique<DiffCommand>();
}

void DiffCommand::add_options(po::options_description& options, po::positional_options_description&) {
    options.add_options()("from", po::value(&m_from)->value_name("DATE"),
                          "the earlier date (YYYY, YYYY-MM or YYYY-MM-DD): the data as it stood then")(
        "to", po::value(&m_to)->value_name("DATE"),
        "the later date (default: today, when --from is given and --against is not)")(
        "against", po::value(&m_against)->composing()->value_name("PATH"),
        "compare --data (or the built-in dataset) with this dataset or snapshot, taken the way --data takes it; "
        "--with overlays go on both sides; repeat for several layers")(
        "presence-by", po::value(&m_presence_by)->value_name("RELATION"),
        "where units are: the relation for 'places that lost every unit' (default: the schema's [coverage] "
        "presence_relation; skipped when the data lacks it)")(
        "presence-kind", po::value(&m_presence_kind)->value_name("KIND"),
        "the kind of unit whose presence is compared (default: the schema's [coverage] presence_kind; skipped when "
        "the data lacks it)")("no-coverage", po::bool_switch(&m_no_coverage),
                              "compare the facts only, not the coverage they give");
    m_output.formats = {"table", "json", "csv", "markdown", "dot", "svg", "png", "pdf"};
    options.add(coverage_query_options(m_query)).add(data_options(m_data)).add(output_options(m_output));
}

void DiffCommand::setup(const po::variables_map& variables) {
    check_format(m_output);
    if (const auto picture = parse_render_format(m_output.format); picture && *picture != RenderFormat::svg)
        check_binary_output(m_output.output, fmt::format("a {} picture", m_output.format));
    check_coverage_query(m_query, variables);
    if (!m_data.as_of.empty())
        throw usage_error(
            "diff compares two dates: give --from and --to rather than --as-of (each side is taken on its own date)");
    m_from_date = date_option("--from", m_from);
    m_to_date = date_option("--to", m_to);
    if (m_against.empty() && !m_from_date)
        throw usage_error(
            "diff needs something to compare: --from DATE (and --to DATE, default today) for two dates of the data, "
            "or --against PATH for another dataset");
    if (m_from_date && m_to_date && m_from_date->first_day() > m_to_date->first_day())
        throw usage_error(fmt::format("--from {} is after --to {}: give the earlier date first", m_from, m_to));
    for (const auto& path : m_against)
        if (path.empty()) throw usage_error("--against needs a path, not an empty value");
    m_coverage_asked = variables.count("by") > 0 || variables.count("from-kind") > 0;
    m_presence_asked = variables.count("presence-by") > 0 || variables.count("presence-kind") > 0;
    if (m_no_coverage && (m_coverage_asked || m_presence_asked))
        throw usage_error(
            "--no-coverage leaves out the coverage questions; leave out --by, --from-kind and --presence-*");
}

std::optional<CoverageQuestion> DiffCommand::coverage_question(const Side& before, const Side& after) const {
    if (m_no_coverage) return std::nullopt;
    for (const auto* side : {&before, &after}) {
        const auto& schema = side->graph.schema;
        const auto params = with_schema_defaults(schema, m_query.params);
        const bool answerable = schema.relation_kind(params.relation) &&
                                (params.from_kind.empty() || schema.entity_kind(params.from_kind)) &&
                                schema.entity_kind(params.place_kind);
        if (!answerable && !m_coverage_asked) return std::nullopt;
    }
    return CoverageQuestion{"coverage", coverage_params(before.graph, m_query, before.data),
                            coverage_params(after.graph, m_query, after.data)};
}

std::optional<CoverageQuestion> DiffCommand::presence_question(const Side& before, const Side& after) const {
    if (m_no_coverage) return std::nullopt;
    // Names left out are the schema's, the one before's (a side whose schema differs answers
    // with the same names or is checked below).
    const auto& declared = before.graph.schema.coverage();
    const auto presence_by = m_presence_by.empty() ? declared.presence_relation : m_presence_by;
    const auto presence_kind = m_presence_kind.empty() ? declared.presence_kind : m_presence_kind;
    if (presence_by.empty() || presence_kind.empty()) {
        if (!m_presence_asked) return std::nullopt;
        throw usage_error(
            "the schema declares no presence question ([coverage] presence_relation and presence_kind); give both "
            "--presence-by and --presence-kind");
    }
    CoverageQuery query;
    query.params.relation = presence_by;
    query.params.from_kind = presence_kind;
    query.params.through_regions = false;
    query.universe = "iso";
    for (const auto* side : {&before, &after}) {
        const auto& schema = side->graph.schema;
        const auto params = with_schema_defaults(schema, query.params);
        const bool answerable = schema.relation_kind(presence_by) && schema.entity_kind(presence_kind) &&
                                schema.entity_kind(params.place_kind);
        if (!answerable && !m_presence_asked) return std::nullopt;
        if (!answerable) {
            (void)known_relation_kind(schema, "--presence-by", presence_by);
            (void)known_entity_kind(schema, "--presence-kind", presence_kind);
        }
    }
    // Only when a side has such units at all: a dataset without them has nothing to lose.
    bool present = false;
    for (const auto* side : {&before, &after}) {
        const auto kind = side->graph.schema.entity_kind(presence_kind);
        for (EntityIndex e = 0; e < side->graph.entity_count() && !present; ++e)
            present = side->graph.schema.is_a(side->graph.entity_kind_index(e), *kind);
    }
    if (!present && !m_presence_asked) return std::nullopt;
    return CoverageQuestion{"presence", coverage_params(before.graph, query, before.data),
                            coverage_params(after.graph, query, after.data)};
}

int DiffCommand::run() {
    auto to_date = m_to_date;
    if (m_against.empty() && !to_date) to_date = run_date();
    if (m_from_date && to_date && m_from_date->first_day() > to_date->first_day())
        throw usage_error(fmt::format("--from {} is after today ({}): give a --to date", m_from, to_date->to_string()));
    // Each side is the data with every date, prepared for its own date by prepare_graph (restricted
    // first, derived after), as every command's graph is. A side without a date is loaded as
    // asked; a side with one is loaded without deriving, since its date is derived anew.
    auto load_side = [&](const DataOptions& data, const std::optional<Date>& date) {
        auto facts = data;
        facts.no_derived = date.has_value() || m_data.no_derived;
        return load_graph(facts);
    };
    // The later side's date is today when --to is left out: then, as in every answer for today, a
    // fact whose end the source does not give has ended.
    auto prepare_side = [&](const DataOptions& data, const std::optional<Date>& date, bool today, const Graph& loaded) {
        PrepareOptions prepare{date, !m_data.no_derived, false};
        prepare.present = today;
        Side side{prepare_graph(loaded, prepare), date, data_label(data.data, data.with), data, {}, {}};
        side.data.as_of = date ? date->to_string() : std::string{};
        side.answer.date = date;
        side.answer.today = today;
        if (date) side.uncertain = find_uncertain(side.graph, *date, today);
        return side;
    };
    const bool to_today = !m_to_date && to_date;
    const auto all = load_side(m_data, m_from_date);
    auto before = prepare_side(m_data, m_from_date, false, all);
    auto against = m_data;
    if (!m_against.empty()) against.data = m_against;
    auto after = prepare_side(against, to_date, to_today, m_against.empty() ? all : load_side(against, to_date));

    std::vector<CoverageQuestion> questions;
    if (auto q = coverage_question(before, after)) questions.push_back(std::move(*q));
    if (auto q = presence_question(before, after)) questions.push_back(std::move(*q));
    const auto diff = diff_graphs(before.graph, after.graph, DiffOptions{questions});
    note_diff_uses(diff, before, after);

    const Presenter presenter(before, after, diff, questions);
    if (m_output.format == "dot" || parse_render_format(m_output.format)) {
        Output output(m_output.output);
        const auto dot = diff_dot(before.graph, after.graph, diff, presenter.sides());
        if (const auto picture = parse_render_format(m_output.format))
            output.stream() << render_dot(dot, *picture).data;
        else
            output.stream() << dot;
        output.commit();
        return 0;
    }
    // Each side says its own date, in JSON and under the text.
    Answer answer;
    text_parts(answer, presenter);
    answer.json("", [&presenter](JsonWriter& json) { write_json(json, presenter); });
    answer.csv([&presenter] { return csv_table(presenter); });
    answer.print(m_output);
    return 0;
}

}  // namespace orgraph::cli
